//! The documents stay true: the generated tables in `docs/` match the catalogue, every relative
//! link in the README and `docs/` resolves (file and `#heading`), every file in `docs/` is linked
//! from the README, the README stays short, and its quick start prints what it shows.
//!
//! Regenerate the tables with: `UPDATE_DOCS=1 cargo test --all-features --test all readme::`
//! (`UPDATE_README=1` does the same).

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()))
}

/// The text between `<!-- name:start -->` and `<!-- name:end -->`, if both markers are there once.
fn section(text: &str, name: &str) -> Option<(usize, usize)> {
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    if text.matches(&start_marker).count() != 1 || text.matches(&end_marker).count() != 1 {
        return None;
    }
    let start = text.find(&start_marker)? + start_marker.len();
    let end = text[start..].find(&end_marker)? + start;
    Some((start, end))
}

/// Each generated table: the file holding it, its marker name, and its generator.
fn tables() -> [(&'static str, &'static str, String); 4] {
    use idenfy_preflight::render;
    [
        ("docs/RULES.md", "rules", render::rules_markdown()),
        ("docs/CODES.md", "codes", render::codes_markdown()),
        ("docs/PROFILE.md", "profile", render::profile_markdown()),
        (
            "docs/SCHEMAS.md",
            "engine-only",
            render::engine_only_markdown(),
        ),
    ]
}

#[test]
fn docs_tables_match_the_catalogue() {
    let update =
        std::env::var_os("UPDATE_DOCS").is_some() || std::env::var_os("UPDATE_README").is_some();
    let mut stale = Vec::new();
    for (file, name, generated) in tables() {
        let path = root().join(file);
        let mut text = read(&path);
        let (start, end) = section(&text, name).unwrap_or_else(|| {
            panic!("{file} lacks one pair of <!-- {name}:start/end --> markers")
        });
        if text[start..end] != generated {
            if update {
                text.replace_range(start..end, &generated);
                std::fs::write(&path, text).unwrap_or_else(|e| panic!("{file} is writable: {e}"));
            } else {
                stale.push(format!("{file} ({name})"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "tables {stale:?} differ from the catalogue; run `UPDATE_DOCS=1 cargo test --all-features --test all readme::`"
    );
}

/// The README is read in five minutes; the reference is in `docs/`.
#[test]
fn the_readme_is_short() {
    let lines = read(&root().join("README.md")).lines().count();
    assert!(
        lines <= 300,
        "README.md has {lines} lines, over 300: move reference material to docs/"
    );
}

/// README.md and every Markdown file in `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ is readable")
        .map(|e| e.expect("a docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The lines of `text` outside fenced code blocks.
fn prose(text: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    text.lines().filter(move |l| {
        if l.trim_start().starts_with("```") {
            fenced = !fenced;
            return false;
        }
        !fenced
    })
}

/// The targets of the inline links `[text](target)` in `text`, outside code blocks and spans.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose(text) {
        // Code spans may hold `](`; drop them first.
        let plain: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = plain.as_str();
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(end) = after.find(')') else { break };
            found.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    found
}

/// GitHub's anchors for the headings of `text` (`## The label's contract` → `the-labels-contract`;
/// a repeated heading gets `-1`, `-2`, …).
fn anchors(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut counts = std::collections::HashMap::<String, usize>::new();
    for line in prose(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        if !heading.starts_with(' ') {
            continue;
        }
        let slug: String = heading
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let n = counts.entry(slug.clone()).or_insert(0);
        seen.push(if *n == 0 { slug } else { format!("{slug}-{n}") });
        *n += 1;
    }
    seen
}

#[test]
fn anchors_follow_githubs_rules() {
    let text = "# Title\n## The label's contract\n```\n# not a heading\n```\n## `check-response --profile`\n## Title\n";
    assert_eq!(
        anchors(text),
        [
            "title",
            "the-labels-contract",
            "check-response---profile",
            "title-1"
        ]
    );
    assert_eq!(
        links("see [a](A.md#x), `[b](not-a-link)` and [c](https://example.com)"),
        ["A.md#x", "https://example.com"]
    );
}

#[test]
fn every_relative_link_resolves() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = read(&doc);
        let dir = doc.parent().expect("a document has a directory");
        for target in links(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let path = if file.is_empty() {
                doc.clone()
            } else {
                dir.join(file)
            };
            let name = doc
                .strip_prefix(root())
                .unwrap_or(&doc)
                .display()
                .to_string();
            if !path.exists() {
                broken.push(format!("{name}: {target} (no such file)"));
            } else if !anchor.is_empty() && !anchors(&read(&path)).iter().any(|a| a == anchor) {
                broken.push(format!("{name}: {target} (no such heading)"));
            }
        }
    }
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn every_docs_file_is_linked_from_the_readme() {
    let targets = links(&read(&root().join("README.md")));
    let missing: Vec<String> = documents()
        .into_iter()
        .skip(1)
        .filter_map(|p| {
            p.file_name()
                .map(|n| format!("docs/{}", n.to_string_lossy()))
        })
        .filter(|name| {
            !targets
                .iter()
                .any(|t| t.split('#').next() == Some(name.as_str()))
        })
        .collect();
    assert!(missing.is_empty(), "README.md does not link {missing:?}");
}

/// The fenced block of kind `kind` that first follows `heading` in `text`, as lines.
fn block_after<'a>(text: &'a str, heading: &str, kind: &str) -> Vec<&'a str> {
    let at = text
        .find(heading)
        .unwrap_or_else(|| panic!("the document has {heading}"));
    let fence = format!("```{kind}\n");
    let start = text[at..].find(&fence).expect("a block follows") + at + fence.len();
    let end = text[start..].find("```").expect("the block ends") + start;
    text[start..end].lines().collect()
}

/// The quick start's first command, run as the README writes it, prints the lines shown under it.
#[cfg(feature = "cli")]
#[test]
fn the_quick_start_prints_what_the_readme_shows() {
    let readme = read(&root().join("README.md"));
    let command = block_after(&readme, "## Quick start", "sh")[0];
    let command = command.split('#').next().unwrap_or_default().trim();
    let args = command
        .strip_prefix("cargo run -q -- ")
        .unwrap_or_else(|| panic!("the quick start runs the binary: {command}"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_idenfy-preflight"))
        .args(args.split_whitespace())
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1), "the example is invalid");
    let printed = String::from_utf8(out.stdout).expect("UTF-8 output");
    let mut printed = printed.lines();
    for shown in block_after(&readme, "The first command prints", "text") {
        if shown.trim() == "..." {
            continue;
        }
        assert!(
            printed.any(|l| l == shown),
            "README.md's quick start shows a line the binary does not print (in this order): {shown}"
        );
    }
}

/// The synopsis is shown twice, in the README and in docs/CLI.md; the two stay one text.
#[test]
fn the_cli_synopsis_is_the_same_in_the_readme_and_the_cli_guide() {
    let readme = read(&root().join("README.md"));
    let guide = read(&root().join("docs/CLI.md"));
    let shown = block_after(&readme, "## CLI", "text");
    let documented = block_after(&guide, "## Synopsis", "text");
    assert!(
        shown.len() > 5,
        "README.md's CLI section opens with the synopsis"
    );
    assert_eq!(
        shown, documented,
        "README.md's synopsis differs from docs/CLI.md's"
    );
}
