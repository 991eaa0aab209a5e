//! The layers of `src/` import one way: a module never uses the module that calls it (the rules,
//! cross rules and steps must not reach back into the checker that runs them). The README's "How
//! it works" table lists the same layers in the same order.

use std::path::{Path, PathBuf};

/// Bottom first. A module may use its own layer and those before it, never one after it.
const LAYERS: &[&[&str]] = &[
    &["json", "context", "suggest"],
    &["diag"],
    &["spec"],
    &["cross"],
    &["report"],
    &["check"],
    &["output", "typed", "validate"],
    &["cli"],
];

/// The crate root's own functions run the checker: using them is using the top.
const ROOT_FUNCTIONS: &[&str] = &[
    "check_str",
    "check_value",
    "check_response",
    "check_response_str",
];

fn layer_of(module: &str) -> Option<usize> {
    if ROOT_FUNCTIONS.contains(&module) {
        return Some(LAYERS.len());
    }
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/spec/rules/length.rs` → `spec`).
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src/");
    let first = rel.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_owned()
}

fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The `crate::x` modules a line of code names, `crate::{x, y::z}` included (doc comments and
/// comments left out).
fn uses(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + 7..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = group.split('}').next().unwrap_or("");
                out.extend(group.split(',').map(ident).filter(|s| !s.is_empty()));
            }
            None => out.push(ident(rest)),
        }
    }
    out
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        let Some(own) = layer_of(&module) else {
            continue; // lib.rs and main.rs sit above everything
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for (n, line) in text.lines().enumerate() {
            // Unit tests may use anything (a test of suggestions reads the catalogue's names).
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for used in uses(line) {
                if let Some(theirs) = layer_of(&used) {
                    if theirs > own {
                        wrong.push(format!(
                            "{}:{}: {module} uses {used}",
                            file.display(),
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        let module = module_of(&src, &path);
        if module == "lib" || module == "main" {
            continue;
        }
        assert!(
            layer_of(&module).is_some(),
            "src/{module} is in no layer of tests/layers.rs (and the README's table)"
        );
    }
}

#[test]
fn the_check_can_fail() {
    assert_eq!(
        uses("use crate::check::Checker; // crate::output"),
        ["check"]
    );
    assert!(uses("/// see [`x`](crate::check)").is_empty());
    assert_eq!(uses("use crate::{Code, check::X};"), ["Code", "check"]);
    assert_eq!(layer_of("check_str"), Some(LAYERS.len()));
}
