//! The layers of `src/` import one way: a module never uses the module that calls it (the rules,
//! cross rules and steps must not reach back into the checker that runs them). The table in
//! docs/ARCHITECTURE.md ("Layers") lists the same layers in the same order.

use std::path::{Path, PathBuf};

/// Bottom first. A module may use its own layer and those before it, never one after it.
const LAYERS: &[&[&str]] = &[
    &["json", "profile", "suggest"],
    &["diag"],
    // The account is compiled against the catalogue (its defaults by member, its documents as
    // the API classifies them), so it sits beside it; the context holds the account.
    &["spec", "account", "context"],
    &["cross"],
    &["report"],
    &["check"],
    &["output", "typed", "validate"],
    &["kit"],
    &["strategies", "arbitrary"],
    // The edge a service links: reads bodies (and the clock) around the checks.
    &["server"],
    &["cli"],
];

/// What the crate root re-exports or defines, by the layer it comes from: `crate::Report` is a
/// use of `report` as much as `crate::report::Report` is.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("Context", "context"),
    ("Limits", "context"),
    ("UnknownFields", "context"),
    ("DEFAULT_EXPIRY_TIME", "context"),
    ("Profile", "profile"),
    ("Permissions", "profile"),
    ("Permission", "profile"),
    ("Flow", "profile"),
    ("Code", "diag"),
    ("Params", "diag"),
    ("Severity", "diag"),
    ("UnknownName", "diag"),
    ("Violation", "diag"),
    ("Report", "report"),
    ("ResponseReport", "report"),
    ("ValidRequest", "report"),
    ("ProfileReport", "report"),
    ("load_profile", "check"),
    ("explain", "check"),
    ("Engine", "check"),
    ("EngineBuilder", "check"),
    ("Policy", "cross"),
    ("PolicyError", "cross"),
    ("is_partner_code", "spec"),
    ("PolicySpec", "profile"),
    ("PROFILE_ONLY_CODES", "diag"),
    ("Explanation", "report"),
    ("Setting", "report"),
    ("Provenance", "report"),
    ("response", "check"),
    ("check_str", "check"),
    ("check_value", "check"),
    ("check_response", "check"),
    ("check_response_str", "check"),
    ("interop", "output"),
    ("schema", "output"),
    ("render", "output"),
    ("catalogue", "output"),
    ("TokenRequest", "typed"),
    ("Sex", "typed"),
    ("TokenType", "typed"),
    ("CountrySelection", "typed"),
    ("Questionnaire", "typed"),
    ("RiskAssessmentProfile", "typed"),
    ("ParseError", "typed"),
];

/// The layer of a name right after `crate::`, if it is one of ours.
fn layer_of(name: &str) -> Option<usize> {
    let module = ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == name)
        .map_or(name, |(_, module)| module);
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

/// The module path of a file under `src/` (`src/spec/rules/length.rs` → `spec::rules::length`,
/// `src/spec/mod.rs` → `spec`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src/");
    let mut path: Vec<String> = rel
        .components()
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .collect();
    if path.last().is_some_and(|l| l == "mod") {
        path.pop();
    }
    path
}

fn ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The first names of the items of a `{ … }` group that starts `s` (nested groups and
/// newlines included): `{Code, check::{a, b}}` → `Code`, `check`.
fn group_names(s: &str) -> Vec<String> {
    let (mut depth, mut names, mut item_start) = (0usize, Vec::new(), true);
    for (i, c) in s.char_indices() {
        match c {
            '{' => {
                depth += 1;
                item_start = depth == 1;
                continue;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => item_start = true,
            c if item_start && depth == 1 && !c.is_whitespace() => {
                names.push(ident(&s[i..]));
                item_start = false;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// The code of a file: comments left out, and its unit tests (which may use anything: a test
/// of suggestions reads the catalogue's names).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        // A `//` inside a string (`"https://"`) cuts the rest of that line too, which can only
        // hide code after a URL on the same line, never invent a use.
        code.push_str(line.split("//").next().unwrap_or(""));
        code.push('\n');
    }
    code
}

/// The top-level modules (or root items) `code` uses from the crate root: through `crate::`,
/// or through as many `super::` as lead from `own` (the file's module path) to the root.
fn uses(code: &str, own: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut names_after = |rest: &str| match rest.trim_start().strip_prefix('{') {
        Some(_) => out.extend(group_names(rest.trim_start())),
        None => out.push(ident(rest)),
    };
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue; // `mycrate::`
        }
        names_after(&code[i + 7..]);
    }
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("super::") {
            continue; // counted from the start of the chain
        }
        let mut rest = &code[i..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        if ups >= own.len() {
            names_after(rest);
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
        let own = module_path(&src, file);
        let module = own.first().cloned().unwrap_or_default();
        let Some(layer) = layer_of(&module) else {
            continue; // lib.rs and main.rs sit above everything
        };
        let text = std::fs::read_to_string(file).expect("readable");
        for used in uses(&code_of(&text), &own) {
            if layer_of(&used).is_some_and(|theirs| theirs > layer) {
                wrong.push(format!("{}: {module} uses {used}", file.display()));
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
        let module = module_path(&src, &path).concat();
        if module == "lib" || module == "main" {
            continue;
        }
        assert!(
            layer_of(&module).is_some(),
            "src/{module} is in no layer of tests/layers.rs (and the README's table)"
        );
    }
}

/// The kinds of upward use a reviewer slipped past the first version of this test.
#[test]
fn the_check_sees_every_kind_of_use() {
    let own = ["spec".to_string(), "rules".into(), "uuid".into()];
    let code = code_of("use crate::{\n    Code,\n    check::Checker,\n};\n// crate::output\n");
    assert_eq!(uses(&code, &own), ["Code", "check"]);
    assert_eq!(uses("use super::super::super::check::X;", &own), ["check"]);
    assert!(
        uses("use super::super::Member;", &own).is_empty(),
        "within spec"
    );
    assert_eq!(uses("fn f(r: &crate::Report) {}", &own), ["Report"]);
    assert_eq!(layer_of("Report"), layer_of("report"));
    assert!(
        uses("/// see [`x`](crate::check)", &own).len() == 1,
        "code_of strips docs, not uses"
    );
    assert!(uses(&code_of("/// see [`x`](crate::check)"), &own).is_empty());
    assert_eq!(uses("use crate::{a::{b, c}, d};", &own), ["a", "d"]);
    let tests_after = code_of("use crate::diag;\n#[cfg(test)]\nmod tests { use crate::check; }");
    assert_eq!(uses(&tests_after, &own), ["diag"]);
}
