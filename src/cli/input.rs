//! Reading inputs: files, glob patterns and standard input, never more than one byte past the
//! size limit.

use idenfy_preflight::Limits;
use std::io::Read;

/// One input to check: its label (the path, or `<stdin>`) and its bytes.
pub(crate) struct Input {
    pub(crate) label: String,
    pub(crate) bytes: Vec<u8>,
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

/// Reads `path`, or standard input for `-` (saying so on a terminal, where a silent wait would
/// look like a hang).
pub(crate) fn read(path: &str) -> Result<Input, String> {
    if path == "-" {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            eprintln!(
                "idenfy-preflight: reading a body from standard input (end it with Ctrl-D; --help for usage)"
            );
        }
        return read_capped(&mut std::io::stdin().lock())
            .map(|bytes| Input {
                label: "<stdin>".into(),
                bytes,
            })
            .map_err(|e| format!("cannot read standard input: {e}"));
    }
    std::fs::File::open(path)
        .and_then(|mut f| read_capped(&mut f))
        .map(|bytes| Input {
            label: path.to_owned(),
            bytes,
        })
        .map_err(|e| format!("cannot read {path}: {e}"))
}

/// The paths the arguments name, and whether they can be more than one (several arguments, or a
/// pattern): each argument as given, or, when it is a glob pattern that is not itself a path (a
/// shell that did not expand it, or a quoted pattern), the files it matches in order. No
/// argument means standard input. A pattern that matches nothing, or is not a valid pattern, is
/// an error for that argument; the others still count.
pub(crate) fn expand(args: &[String]) -> (Vec<Result<String, String>>, bool) {
    if args.is_empty() {
        return (vec![Ok("-".into())], false);
    }
    let mut out = Vec::new();
    let mut several = args.len() > 1;
    for arg in args {
        let is_pattern = arg.contains(['*', '?', '[']);
        if !is_pattern || std::path::Path::new(arg).exists() {
            out.push(Ok(arg.clone()));
            continue;
        }
        several = true;
        match glob::glob(arg) {
            Err(e) => out.push(Err(format!("{arg} is not a valid pattern: {e}"))),
            Ok(paths) => {
                let mut matched: Vec<String> = Vec::new();
                for p in paths {
                    match p {
                        Ok(p) if p.is_file() => matched.push(p.to_string_lossy().into_owned()),
                        Ok(_) => {}
                        Err(e) => out.push(Err(format!(
                            "cannot read {}: {}",
                            e.path().display(),
                            e.error()
                        ))),
                    }
                }
                if matched.is_empty() {
                    out.push(Err(format!("no file matches {arg}")));
                }
                out.extend(matched.into_iter().map(Ok));
            }
        }
    }
    (out, several)
}

#[cfg(test)]
mod tests {
    use super::expand;

    /// A pattern stands for the files it matches: a directory matching it is not an input.
    #[test]
    fn patterns_match_files_only() {
        let dir = std::env::temp_dir().join(format!("idenfy-expand-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("b.json")).unwrap();
        std::fs::write(dir.join("a.json"), "{}").unwrap();
        let pattern = format!("{}/*.json", dir.display());
        let (inputs, several) = expand(&[pattern]);
        std::fs::remove_dir_all(&dir).unwrap();
        let file = dir.join("a.json").display().to_string();
        assert_eq!(inputs, [Ok(file)]);
        assert!(several, "a pattern may match several files");
    }
}
