//! Reading inputs: files, glob patterns and standard input, never more than one byte past the
//! size limit. Paths are the operating system's (a file name need not be UTF-8); labels are
//! text, with each byte that is not UTF-8 written `\xNN`.

use idenfy_preflight::Limits;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// One input to check: its label (the path, or `<stdin>`) and its bytes.
pub(crate) struct Input {
    pub(crate) label: String,
    pub(crate) bytes: Vec<u8>,
}

/// An input that could not be read: its label (the path, or the pattern that matched nothing)
/// and why.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unread {
    pub(crate) label: String,
    pub(crate) error: String,
}

/// The most bytes worth reading: one past the limit, so that a larger input (a huge file,
/// `/dev/zero`, an endless pipe) is cut there and reported as `document_too_large` without the
/// rest being read or held in memory.
fn cap() -> u64 {
    u64::try_from(Limits::default().max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}

fn read_capped(input: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    input.take(cap()).read_to_end(&mut buf).map(|_| buf)
}

/// A path as text: as it is where it is UTF-8, each other byte as `\xNN`, so that two names
/// that differ only there stay apart (a lossy U+FFFD would merge them). Printing it for people
/// still escapes its invisible characters (`render::escape_text`).
pub(crate) fn label(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// Reads `path`, or standard input for `-` (saying so on a terminal, where a silent wait would
/// look like a hang).
pub(crate) fn read(path: impl AsRef<Path>) -> Result<Input, Unread> {
    let path = path.as_ref();
    if path.as_os_str() == "-" {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            eprintln!(
                "idenfy-preflight: reading a body from standard input (end it with Ctrl-D; --help for usage)"
            );
        }
        let label = String::from("<stdin>");
        return match read_capped(&mut std::io::stdin().lock()) {
            Ok(bytes) => Ok(Input { label, bytes }),
            Err(e) => Err(Unread {
                error: format!("cannot read standard input: {e}"),
                label,
            }),
        };
    }
    let label = label(path);
    match std::fs::File::open(path).and_then(|mut f| read_capped(&mut f)) {
        Ok(bytes) => Ok(Input { label, bytes }),
        Err(e) => Err(Unread {
            error: format!("cannot read {label}: {e}"),
            label,
        }),
    }
}

/// The paths the arguments name, and whether they can be more than one (several arguments, or a
/// pattern): each argument as given, or, when it is a glob pattern that is not itself a path (a
/// shell that did not expand it, or a quoted pattern), the files it matches in order. No
/// argument means standard input. A pattern that matches nothing, or is not a valid pattern, is
/// an error for that argument; the others still count.
pub(crate) fn expand(args: &[std::ffi::OsString]) -> (Vec<Result<PathBuf, Unread>>, bool) {
    if args.is_empty() {
        return (vec![Ok(PathBuf::from("-"))], false);
    }
    let mut out = Vec::new();
    let mut several = args.len() > 1;
    for arg in args {
        // A name that is not UTF-8 is no pattern (patterns are text): it is taken as a path.
        let pattern = arg
            .to_str()
            .filter(|a| a.contains(['*', '?', '[']) && !Path::new(a).exists());
        let Some(pattern) = pattern else {
            out.push(Ok(PathBuf::from(arg)));
            continue;
        };
        several = true;
        let unread = |error: String| Unread {
            label: pattern.to_owned(),
            error,
        };
        match glob_files(pattern) {
            Err(e) => out.push(Err(unread(format!(
                "{pattern} is not a valid pattern: {e}"
            )))),
            Ok((matched, errors)) => {
                let none = matched.is_empty();
                out.extend(errors.into_iter().map(Err));
                if none {
                    out.push(Err(unread(format!("no file matches {pattern}"))));
                }
                out.extend(matched.into_iter().map(Ok));
            }
        }
    }
    (out, several)
}

/// The files `pattern` matches, in order (each directory's entries sorted by name), and the
/// directories that could not be read. Each path component is matched by `glob`'s rules (`*`,
/// `?`, `[...]`, and `**` for any number of directories), against every entry of the directory,
/// the names that are not UTF-8 included: such a name is matched as its lossy text, where each
/// byte sequence that is not UTF-8 is one character only a wildcard matches. (The `glob` crate's
/// own walk passes over those names silently, which would leave a file unchecked.)
fn glob_files(pattern: &str) -> Result<(Vec<PathBuf>, Vec<Unread>), glob::PatternError> {
    // The whole pattern first, for the `glob` crate's own errors (`**` inside a component, an
    // unclosed `[`).
    glob::Pattern::new(pattern)?;
    let mut steps = Vec::new();
    for c in Path::new(pattern).components() {
        steps.push(match c {
            Component::Normal(name) => {
                let text = name.to_str().unwrap_or_default();
                if text == "**" {
                    Step::AnyDirs
                } else if text.contains(['*', '?', '[']) {
                    Step::Match(glob::Pattern::new(text)?)
                } else {
                    Step::Literal(name.to_owned())
                }
            }
            other => Step::Literal(other.as_os_str().to_owned()),
        });
    }
    let mut walk = Walk::default();
    walk.walk(PathBuf::new(), &steps);
    // `a/**/**/*.json` reaches a file along several paths: it is checked once.
    let mut seen = std::collections::HashSet::new();
    walk.files.retain(|f| seen.insert(f.clone()));
    Ok((walk.files, walk.errors))
}

/// One component of a pattern.
enum Step {
    /// A name, a root or `..`, joined as it is.
    Literal(std::ffi::OsString),
    /// `**`: this directory and every directory below it.
    AnyDirs,
    /// A wildcard component, matched against each entry's name.
    Match(glob::Pattern),
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    errors: Vec<Unread>,
}

impl Walk {
    fn walk(&mut self, at: PathBuf, steps: &[Step]) {
        let Some((step, rest)) = steps.split_first() else {
            if at.is_file() {
                self.files.push(at);
            }
            return;
        };
        match step {
            Step::Literal(name) => self.walk(at.join(name), rest),
            Step::AnyDirs => {
                self.walk(at.clone(), rest);
                // Not into links to directories: a link to a parent would never end.
                for (name, is_dir) in self.entries(&at) {
                    if is_dir {
                        self.walk(at.join(name), steps);
                    }
                }
            }
            Step::Match(pattern) => {
                let options = glob::MatchOptions::new();
                for (name, _) in self.entries(&at) {
                    if pattern.matches_with(&name.to_string_lossy(), options) {
                        self.walk(at.join(name), rest);
                    }
                }
            }
        }
    }

    /// The entries of directory `at` (`.` when empty), sorted by name, each with whether it is
    /// a directory itself (not a link to one); none when `at` is not a directory, and an error
    /// recorded when it is one that cannot be read.
    fn entries(&mut self, at: &Path) -> Vec<(std::ffi::OsString, bool)> {
        let dir = if at.as_os_str().is_empty() {
            Path::new(".")
        } else {
            at
        };
        if !dir.is_dir() {
            return Vec::new();
        }
        let read = std::fs::read_dir(dir).and_then(|entries| {
            entries
                .map(|e| {
                    e.map(|e| {
                        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                        (e.file_name(), is_dir)
                    })
                })
                .collect::<std::io::Result<Vec<_>>>()
        });
        match read {
            Ok(mut entries) => {
                entries.sort_by(|a, b| OsStr::cmp(&a.0, &b.0));
                entries
            }
            Err(e) => {
                let label = label(dir);
                self.errors.push(Unread {
                    error: format!("cannot read {label}: {e}"),
                    label,
                });
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{expand, label};
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("idenfy-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A pattern stands for the files it matches: a directory matching it is not an input.
    #[test]
    fn patterns_match_files_only() {
        let dir = scratch("expand");
        std::fs::create_dir_all(dir.join("b.json")).unwrap();
        std::fs::write(dir.join("a.json"), "{}").unwrap();
        let pattern = format!("{}/*.json", dir.display());
        let (inputs, several) = expand(&[pattern.into()]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(inputs, [Ok(dir.join("a.json"))]);
        assert!(several, "a pattern may match several files");
    }

    /// A file that two `**` reach along several paths is one input.
    #[test]
    fn a_file_reached_twice_is_checked_once() {
        let dir = scratch("twice");
        std::fs::create_dir_all(dir.join("x/y")).unwrap();
        std::fs::write(dir.join("x/y/a.json"), "{}").unwrap();
        let pattern = format!("{}/**/**/*.json", dir.display());
        let (inputs, _) = expand(&[pattern.into()]);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(inputs, [Ok(dir.join("x/y/a.json"))]);
    }

    /// `**` is any number of directories, none included; entries come sorted by name.
    #[test]
    fn recursive_patterns_and_order() {
        let dir = scratch("recursive");
        std::fs::create_dir_all(dir.join("x/y")).unwrap();
        for f in ["b.json", "a.json", "x/c.json", "x/y/d.json", "x/y/e.txt"] {
            std::fs::write(dir.join(f), "{}").unwrap();
        }
        let (inputs, _) = expand(&[format!("{}/**/*.json", dir.display()).into()]);
        let (one_level, _) = expand(&[format!("{}/*/?.json", dir.display()).into()]);
        std::fs::remove_dir_all(&dir).unwrap();
        let want: Vec<_> = ["a.json", "b.json", "x/c.json", "x/y/d.json"]
            .iter()
            .map(|f| Ok(dir.join(f)))
            .collect();
        assert_eq!(inputs, want);
        assert_eq!(one_level, [Ok(dir.join("x/c.json"))]);
    }

    #[test]
    fn an_invalid_pattern_is_an_error_for_its_argument() {
        let (inputs, _) = expand(&["a/**b/[*.json".into(), "x.json".into()]);
        assert!(inputs[0]
            .as_ref()
            .is_err_and(|e| e.error.contains("is not a valid pattern")));
        assert_eq!(inputs[1], Ok(PathBuf::from("x.json")));
    }

    #[cfg(unix)]
    #[test]
    fn labels_write_bytes_that_are_not_utf8_as_escapes() {
        use std::os::unix::ffi::OsStrExt;
        let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"d/caf\xe9 \xff.json"));
        assert_eq!(label(path), "d/caf\\xe9 \\xff.json");
        assert_eq!(label(std::path::Path::new("d/名前.json")), "d/名前.json");
    }
}
