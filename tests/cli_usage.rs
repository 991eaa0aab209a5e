//! The CLI as CI jobs and terminals use it, run as the real binary: several files and globs,
//! summaries and totals, `--quiet`, `--strict`, `--print-request`, suggestions, escaping,
//! colour, the filters of `rules` and `codes`, and every `--help`'s example.

use crate::common::{example, run, Out, BIN, TODAY};
use serde_json::Value;
use std::process::Command;

fn check(args: &[&str]) -> Out {
    let mut all = vec!["check", "--today", TODAY];
    all.extend_from_slice(args);
    run(&all, None)
}

/// A scratch directory with request files, removed on drop.
struct Dir(std::path::PathBuf);

impl Dir {
    fn new(name: &str, files: &[(&str, &str)]) -> Dir {
        let dir = std::env::temp_dir().join(format!("idenfy-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, body) in files {
            std::fs::write(dir.join(file), body).unwrap();
        }
        Dir(dir)
    }

    fn path(&self, file: &str) -> String {
        self.0.join(file).to_string_lossy().into_owned()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const VALID: &str = r#"{"clientId": "c1", "firstName": "John"}"#;
const WARNS: &str = r#"{"clientId": "c1", "nickname": "x"}"#;
const INVALID: &str = r#"{"clientId": "c1", "sex": "X"}"#;

#[test]
fn several_files_each_reported_then_a_total() {
    let d = Dir::new(
        "several",
        &[("a.json", VALID), ("b.json", INVALID), ("c.json", WARNS)],
    );
    let out = check(&[&d.path("a.json"), &d.path("b.json"), &d.path("c.json")]);
    assert_eq!(out.code, 1, "one is invalid");
    let summaries: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains(": VALID") || l.contains(": INVALID"))
        .collect();
    assert_eq!(summaries.len(), 3, "{}", out.stdout);
    assert!(summaries[0].ends_with("a.json: VALID (0 errors, 0 warnings)"));
    assert!(summaries[1].ends_with("b.json: INVALID (1 error, 0 warnings)"));
    assert!(summaries[2].ends_with("c.json: VALID (0 errors, 1 warning)"));
    assert_eq!(
        out.stdout.lines().last(),
        Some("3 files: 2 valid, 1 invalid (1 error, 1 warning)")
    );
    let all_valid = check(&[&d.path("a.json"), &d.path("c.json")]);
    assert_eq!(all_valid.code, 0);
}

#[test]
fn globs_expand_in_order_and_a_pattern_matching_nothing_is_an_error() {
    let d = Dir::new(
        "glob",
        &[("b.json", INVALID), ("a.json", VALID), ("note.txt", "x")],
    );
    let pattern = d.path("*.json");
    let out = check(&["--quiet", &pattern]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(lines[0].ends_with("a.json: VALID (0 errors, 0 warnings)"));
    assert!(lines[1].ends_with("b.json: INVALID (1 error, 0 warnings)"));
    assert_eq!(out.code, 1);
    let none = check(&[&d.path("*.yaml")]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("no file matches"), "{}", none.stderr);
    // The other arguments still count.
    let mixed = check(&["--quiet", &d.path("*.yaml"), &d.path("a.json")]);
    assert_eq!(mixed.code, 2);
    assert!(mixed.stdout.contains("a.json: VALID"));
}

#[test]
fn quiet_prints_only_summaries() {
    let out = check(&["--quiet", &example("invalid-mistakes.json")]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(out.stdout.contains("INVALID (12 errors, 3 warnings)"));
}

#[test]
fn strict_fails_on_warnings() {
    let d = Dir::new("strict", &[("w.json", WARNS), ("v.json", VALID)]);
    for flag in ["--strict", "--deny-warnings"] {
        let out = check(&[flag, &d.path("w.json")]);
        assert_eq!(out.code, 1, "{flag}");
        assert!(out.stdout.contains("--strict: the warnings fail the run"));
    }
    assert_eq!(check(&["--strict", &d.path("v.json")]).code, 0);
    assert_eq!(
        check(&[&d.path("w.json")]).code,
        0,
        "warnings pass by default"
    );
    let both = check(&["--strict", &d.path("w.json"), &d.path("v.json")]);
    assert_eq!(both.code, 1);
    assert!(both
        .stdout
        .contains("1 valid with warnings, which --strict fails"));
    let response = run(
        &["check-response", "--strict", &example("docs-response.json")],
        None,
    );
    assert_eq!(response.code, 1, "the docs' response has a warning");
}

#[test]
fn the_request_is_printed_only_when_asked() {
    let d = Dir::new(
        "print",
        &[("a.json", r#"{"clientId": "c1", "firstName": "jürgen"}"#)],
    );
    let quiet = check(&[&d.path("a.json")]);
    assert!(
        !quiet.stdout.contains("JÜRGEN"),
        "personal data stays out of CI logs"
    );
    let asked = check(&["--print-request", &d.path("a.json")]);
    assert!(asked.stdout.contains("request to send:\n"));
    assert!(asked.stdout.contains("\"JÜRGEN\""));
    let json = check(&["--format", "json", &d.path("a.json")]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["request"]["firstName"], "JÜRGEN",
        "--format json keeps request"
    );
}

#[test]
fn json_of_several_files_names_each() {
    let d = Dir::new("json", &[("a.json", VALID), ("b.json", INVALID)]);
    let out = check(&["--format", "json", &d.path("a.json"), &d.path("b.json")]);
    assert_eq!(out.code, 1);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert!(files[0]["file"].as_str().unwrap().ends_with("a.json"));
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[1]["violations"][0]["code"], "invalid_value");
    let problem = check(&["--format", "problem", &d.path("a.json"), &d.path("b.json")]);
    assert_eq!(problem.code, 2, "problem details answer for one body");
}

#[test]
fn suggestions_are_printed_where_the_policy_allows() {
    let out = check(&[&example("invalid-mistakes.json")]);
    let line = |pointer: &str| {
        out.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{pointer} ")))
            .unwrap_or_else(|| panic!("{pointer}: {}", out.stdout))
            .to_owned()
    };
    assert!(line("/documents/1").ends_with("did you mean PASSPORT?"));
    assert!(line("/country/1").ends_with("did you mean LV?"));
    // A suggestion derived from a personal value (the nationality) is withheld, and human
    // output never points at params it does not show.
    let nationality = line("/nationality");
    assert!(nationality.contains("withheld because the value is personal data"));
    assert!(!out.stdout.contains("params.suggestion"));
    let shown = check(&["--show-values", &example("invalid-mistakes.json")]);
    assert!(
        shown.stdout.contains("did you mean LT?"),
        "{}",
        shown.stdout
    );
}

#[test]
fn invisible_and_bidirectional_characters_are_escaped() {
    let body = "{\"clientId\": \"c\", \"ab\u{200b}\": 1, \"x\u{202e}y\": 2, \"l\u{2028}m\": 3, \"n\u{a0}\": 4}";
    let out = run(&["check", "-"], Some(body.as_bytes()));
    assert_eq!(out.code, 0);
    for shown in [
        r"/ab\u{200b} ",
        r"/x\u{202e}y ",
        r"/l\u{2028}m ",
        r"/n\u{a0} ",
    ] {
        assert!(out.stdout.contains(shown), "{shown}: {}", out.stdout);
    }
    for raw in ['\u{200b}', '\u{202e}', '\u{2028}', '\u{a0}'] {
        assert!(!out.stdout.contains(raw), "{raw:?} reached the terminal");
    }
}

#[test]
fn colour_only_on_a_terminal_or_when_asked() {
    let f = example("invalid-mistakes.json");
    let piped = check(&[&f]);
    assert!(!piped.stdout.contains('\u{1b}'), "never in a pipe");
    let always = check(&["--color", "always", &f]);
    assert!(always.stdout.contains("\u{1b}["), "--color always");
    let never = check(&["--color=never", &f]);
    assert!(!never.stdout.contains('\u{1b}'));
    // NO_COLOR wins over auto (there is no terminal here either way) and loses to always.
    let no_color = Command::new(BIN)
        .args(["check", "--today", TODAY, "--color", "always", &f])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&no_color.stdout).contains("\u{1b}["));
    // The colour is only styling: stripped, the text is the same.
    let stripped: String = {
        let mut s = String::new();
        let mut chars = always.stdout.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                s.push(c);
            }
        }
        s
    };
    assert_eq!(stripped, piped.stdout);
}

#[test]
fn check_response_reads_standard_input_like_check() {
    let body = std::fs::read(example("docs-response.json")).unwrap();
    let out = run(&["check-response", "--today", TODAY], Some(&body));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("<stdin>: VALID"), "{}", out.stdout);
    let dash = run(&["check-response", "-", "--format", "json"], Some(&body));
    let v: Value = serde_json::from_str(&dash.stdout).unwrap();
    assert_eq!(v["valid"], true);
}

#[test]
fn rules_filter_by_member_and_print_json() {
    let one = run(&["rules", "firstName"], None);
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout.lines().count(), 3, "{}", one.stdout);
    assert!(one.stdout.contains("| `firstName` |"));
    let alias = run(&["rules", "personScanRef"], None);
    assert!(alias
        .stdout
        .contains("| `clientId` (alias `personScanRef`) |"));
    let urls = run(&["rules", "URL"], None);
    assert_eq!(urls.stdout.lines().count(), 2 + 4, "{}", urls.stdout);
    let none = run(&["rules", "zzz"], None);
    assert_eq!(none.code, 2, "a member nobody documents is a usage error");
    assert!(none.stderr.contains("no documented member matches"));
    let json = run(&["rules", "--format", "json"], None);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), idenfy_preflight::catalogue::members().len());
    let first = all.iter().find(|m| m["name"] == "firstName").unwrap();
    assert_eq!(first["personal"], true);
    assert_eq!(first["required"], false);
    assert_eq!(first["doc"], "Given name(s); upper-cased.");
    let one_json = run(&["rules", "dateOfBirth", "--format", "json"], None);
    let v: Value = serde_json::from_str(&one_json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn codes_filter_and_print_json() {
    let one = run(&["codes", "misspelled_field"], None);
    assert_eq!(one.code, 0);
    // Behaviour change (issue 16): one code named exactly also shows its reason, on a second
    // line.
    let lines: Vec<&str> = one.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", one.stdout);
    assert!(lines[0].starts_with("misspelled_field "));
    assert_eq!(
        lines[1].trim_start(),
        format!(
            "reason: {}",
            idenfy_preflight::Code::MisspelledField.reason()
        )
    );
    assert!(lines[1].contains("Certain loss"));
    let url = run(&["codes", "url"], None);
    assert!(url.stdout.lines().count() >= 4, "{}", url.stdout);
    assert!(url
        .stdout
        .lines()
        .all(|l| l.split(' ').next().unwrap().contains("url")));
    let none = run(&["codes", "nope"], None);
    assert_eq!(none.code, 2, "a code that does not exist is a usage error");
    assert!(none.stderr.contains("no code matches"), "{}", none.stderr);
    let json = run(&["codes", "--format", "json"], None);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), idenfy_preflight::Code::ALL.len());
    let missing = all
        .iter()
        .find(|c| c["code"] == "missing_required")
        .unwrap();
    assert_eq!(missing["idenfyIdentifier"], "MISSING_VALUE");
    assert!(missing["description"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    assert!(all.iter().all(|c| c["reason"].as_str().is_some_and(|r| r
        == c["code"]
            .as_str()
            .and_then(idenfy_preflight::Code::from_name)
            .map_or("", idenfy_preflight::Code::reason))));
    assert!(missing["reason"]
        .as_str()
        .is_some_and(|r| r.contains("Token page")));
}

#[test]
fn every_help_has_an_example() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["check-response", "--help"],
        &["rules", "--help"],
        &["codes", "--help"],
    ] {
        let out = run(args, None);
        assert_eq!(out.code, 0, "{args:?}");
        let examples = out
            .stdout
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{args:?}: no examples"));
        assert!(
            examples.trim_start().starts_with("idenfy-preflight "),
            "{args:?}"
        );
    }
}

/// Runs `command` under `script`, which gives it a terminal; `None` where `script` is missing.
fn on_a_terminal(command: &str, no_color: bool) -> Option<String> {
    let mut c = Command::new("script");
    c.args(["-qec", command, "/dev/null"]);
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    let out = c.output().ok()?;
    out.status.code()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn on_a_terminal_colour_and_the_progress_bar_appear() {
    let f = example("invalid-json.json");
    let Some(coloured) = on_a_terminal(&format!("{BIN} check {f}"), false) else {
        eprintln!("no `script` on this machine: the terminal cases are not run");
        return;
    };
    assert!(coloured.contains("\u{1b}["), "{coloured:?}");
    let plain = on_a_terminal(&format!("{BIN} check {f}"), true).unwrap();
    assert!(!plain.contains("\u{1b}["), "NO_COLOR: {plain:?}");
    // Enough lines that the bar draws before the end.
    let d = Dir::new("tty", &[]);
    let lines = format!("{VALID}\n").repeat(50_000);
    std::fs::write(d.path("r.jsonl"), lines).unwrap();
    let jsonl = d.path("r.jsonl");
    let with_bar = on_a_terminal(&format!("{BIN} check --quiet --jsonl {jsonl}"), false).unwrap();
    assert!(
        with_bar.contains('█') || with_bar.contains('░'),
        "a bar on stderr: {with_bar:?}"
    );
    let without = on_a_terminal(
        &format!("{BIN} check --quiet --jsonl {jsonl} 2>/dev/null"),
        false,
    )
    .unwrap();
    assert!(
        !without.contains('░') && without.contains("\"summary\""),
        "{without:?}"
    );
}

#[test]
fn strict_json_says_whether_the_run_passed() {
    let d = Dir::new("strict-json", &[("w.json", WARNS), ("v.json", VALID)]);
    let one = check(&["--strict", "--format", "json", &d.path("w.json")]);
    assert_eq!(one.code, 1);
    let v: Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(
        (v["valid"].as_bool(), v["passed"].as_bool()),
        (Some(true), Some(false))
    );
    let plain = check(&["--format", "json", &d.path("w.json")]);
    let v: Value = serde_json::from_str(&plain.stdout).unwrap();
    assert!(
        v.get("passed").is_none(),
        "without --strict, valid is the verdict"
    );
    let both = check(&[
        "--strict",
        "--format",
        "json",
        &d.path("w.json"),
        &d.path("v.json"),
    ]);
    let v: Value = serde_json::from_str(&both.stdout).unwrap();
    assert_eq!(v["passed"], false);
    assert_eq!(v["files"][0]["passed"], false);
    assert_eq!(v["files"][1]["passed"], true);
    let lines = run(
        &["check", "--strict", "--jsonl", "-"],
        Some(format!("{VALID}\n{WARNS}\n").as_bytes()),
    );
    let summary: Value = serde_json::from_str(lines.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(
        (
            summary["summary"]["valid"].as_u64(),
            summary["summary"]["passed"].as_u64()
        ),
        (Some(2), Some(1))
    );
}

#[test]
fn the_json_shape_follows_the_arguments() {
    let d = Dir::new("shape", &[("only.json", VALID)]);
    // A pattern may match more files tomorrow: it always gives the shape of several.
    let pattern = check(&["--format", "json", &d.path("*.json")]);
    let v: Value = serde_json::from_str(&pattern.stdout).unwrap();
    assert_eq!(v["files"].as_array().map(Vec::len), Some(1));
    let one = check(&["--format", "json", &d.path("only.json")]);
    let v: Value = serde_json::from_str(&one.stdout).unwrap();
    assert!(v.get("files").is_none() && v.get("violations").is_some());
}

#[test]
fn unreadable_inputs_are_counted_in_the_total() {
    let d = Dir::new("unreadable", &[("a.json", VALID)]);
    let out = check(&[&d.path("missing.json"), &d.path("a.json")]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stdout.lines().last(),
        Some("2 files: 1 valid, 0 invalid, 1 unreadable (0 errors, 0 warnings)")
    );
}

#[test]
fn a_reader_that_stops_early_is_not_a_failure() {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let many = format!("{VALID}\n").repeat(200_000);
    let mut child = Command::new(BIN)
        .args(["check", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(many.as_bytes());
    });
    // Read one line, then hang up, as `| head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    assert_eq!(
        out.status.code(),
        Some(0),
        "every line read so far is valid"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_response_keeps_the_token_out_of_logs() {
    let response = example("docs-response.json");
    let out = run(&["check-response", "--today", TODAY, &response], None);
    assert!(!out.stdout.contains("authToken="), "{}", out.stdout);
    assert!(out.stdout.contains("not shown: they carry the authToken"));
    let shown = run(
        &[
            "check-response",
            "--today",
            TODAY,
            "--print-urls",
            &response,
        ],
        None,
    );
    assert!(shown
        .stdout
        .contains("iFrame URL:   https://ui.idenfy.com/?authToken="));
    let json = run(&["check-response", "--format", "json", &response], None);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        v["iframeUrl"].as_str().is_some(),
        "--format json keeps them"
    );
    let strict = run(&["check-response", "--strict", "--quiet", &response], None);
    assert_eq!(strict.code, 1);
    assert!(strict
        .stdout
        .contains("--strict: the warnings fail the run"));
}

// ---------------------------------------------------------------- issue 16: CLI and docs

#[test]
fn json_of_several_files_lists_an_unreadable_one_with_its_error() {
    let d = Dir::new("json-unreadable", &[("a.json", VALID)]);
    let missing = d.path("missing.json");
    for strict in [false, true] {
        let mut args = vec!["--format", "json", &missing, "a.json"];
        let a = d.path("a.json");
        args[3] = &a;
        if strict {
            args.push("--strict");
        }
        let out = check(&args);
        assert_eq!(out.code, 2, "an input could not be read");
        let v: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["valid"], false, "{v:#}");
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 2, "{v:#}");
        // In the order of the arguments, the unreadable one where it was given.
        assert_eq!(files[0]["file"], missing.as_str());
        assert_eq!(files[0]["valid"], false);
        assert_eq!(files[0]["request"], Value::Null);
        assert_eq!(files[0]["violations"], serde_json::json!([]));
        let error = files[0]["error"].as_str().unwrap();
        assert!(
            error.starts_with(&format!("cannot read {missing}: ")),
            "{error}"
        );
        assert_eq!(files[1]["valid"], true);
        assert!(files[1].get("error").is_none());
        if strict {
            assert_eq!(v["passed"], false);
            assert_eq!(files[0]["passed"], false);
            assert_eq!(files[1]["passed"], true);
        }
    }
    // A pattern that matches nothing is listed under the pattern.
    let pattern = d.path("*.yaml");
    let out = check(&["--format", "json", &pattern]);
    assert_eq!(out.code, 2);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["files"][0]["file"], pattern.as_str());
    assert_eq!(
        v["files"][0]["error"],
        format!("no file matches {pattern}").as_str()
    );
}

/// A file name that is not UTF-8 is matched by a pattern and checked, and its bytes that are not
/// UTF-8 are shown as `\xNN` (on Linux, where any byte but `/` and NUL may name a file).
#[cfg(target_os = "linux")]
#[test]
fn a_glob_checks_files_whose_names_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let d = Dir::new("non-utf8", &[("a.json", VALID)]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    std::fs::write(d.0.join(name), INVALID).unwrap();
    let out = check(&["--quiet", &d.path("*.json")]);
    assert_eq!(out.code, 1, "the invalid file is checked: {}", out.stdout);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(lines[0].ends_with("/a.json: VALID (0 errors, 0 warnings)"));
    assert!(
        lines[1].ends_with("/caf\\xe9.json: INVALID (1 error, 0 warnings)"),
        "{}",
        lines[1]
    );
    let json = check(&["--format", "json", &d.path("*.json")]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(v["files"][1]["file"]
        .as_str()
        .unwrap()
        .ends_with("/caf\\xe9.json"));
    // Given as an argument (no pattern), the name reaches the file too.
    let direct = Command::new(BIN)
        .args(["check", "--quiet", "--today", TODAY])
        .arg(d.0.join(name))
        .output()
        .unwrap();
    assert_eq!(direct.status.code(), Some(1));
    assert!(String::from_utf8(direct.stdout)
        .unwrap()
        .ends_with("/caf\\xe9.json: INVALID (1 error, 0 warnings)\n"));
}

/// A profile's policy message, and file names on standard error, are escaped like member
/// names: they cannot forge a summary line, reorder one, or hide a character.
#[test]
fn text_from_a_profile_and_file_names_are_escaped() {
    let message = "first name\nrequest.json: VALID (0 errors, 0 warnings)\u{202e} \u{3164}\u{115f}\u{2800}x\u{fe0f}";
    let profile = serde_json::json!({
        "policies": {"acme.names": {"require": ["firstName"], "message": message}}
    })
    .to_string();
    let d = Dir::new(
        "escape-profile",
        &[
            ("profile.json", &profile),
            ("r.json", r#"{"clientId": "c1"}"#),
        ],
    );
    let out = check(&["--profile", &d.path("profile.json"), &d.path("r.json")]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one heading, one violation, one summary: {}",
        out.stdout
    );
    assert!(
        lines[1].ends_with(
            r"acme.names: first name\nrequest.json: VALID (0 errors, 0 warnings)\u{202e} \u{3164}\u{115f}\u{2800}x\u{fe0f}"
        ),
        "{}",
        lines[1]
    );
    for raw in ['\u{202e}', '\u{3164}', '\u{115f}', '\u{2800}', '\u{fe0f}'] {
        assert!(!out.stdout.contains(raw), "{raw:?} reached the terminal");
    }
    // JSON keeps the message as written: it is data, escaped by JSON itself.
    let json = check(&[
        "--profile",
        &d.path("profile.json"),
        "--format",
        "json",
        &d.path("r.json"),
    ]);
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["violations"][0]["message"], message);

    // A file name on standard error.
    let forged = d.path("x\nidenfy-preflight: all good\u{202e}.json");
    let missing = check(&[&forged]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stderr.lines().count(), 1, "{}", missing.stderr);
    assert!(missing
        .stderr
        .contains(r"x\nidenfy-preflight: all good\u{202e}.json"));
    // And in a summary line, from a pattern.
    std::fs::write(d.0.join("y\u{3164}\u{202e}.json"), VALID).unwrap();
    let out = check(&["--quiet", &d.path("y*.json")]);
    assert!(
        out.stdout.contains(r"y\u{3164}\u{202e}.json: VALID"),
        "{}",
        out.stdout
    );
}

/// An endless line (no newline, ever) gets its `document_too_large` report as soon as the
/// limit passes. The input is bounded (3 MiB of zeros, then the pipe stays open), and so is the
/// wait.
#[test]
fn jsonl_reports_an_endless_line_as_soon_as_the_limit_passes() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    use std::time::Duration;
    let mut child = Command::new(BIN)
        .args(["check", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    // More than the 1 MiB limit, in chunks; the binary keeps reading (it skips the rest).
    let chunk = vec![b'0'; 64 << 10];
    for _ in 0..48 {
        if stdin.write_all(&chunk).is_err() {
            break;
        }
    }
    let first = rx.recv_timeout(Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    drop(stdin);
    let _ = reader.join();
    let first = first.expect("the endless line's report, before the line ends");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["line"], 1);
    assert_eq!(v["valid"], false);
    assert_eq!(v["violations"][0]["code"], "document_too_large", "{v}");
}

#[test]
fn standard_input_twice_is_a_usage_error() {
    let out = run(&["check", "-", "-"], Some(VALID.as_bytes()));
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("standard input"), "{}", out.stderr);
    assert_eq!(run(&["check", "-"], Some(VALID.as_bytes())).code, 0);
}

/// `--default-expiry-time` takes what a profile's `defaultExpiryTime` takes: 1 to 2592000.
#[test]
fn the_default_expiry_time_has_the_profiles_bounds() {
    let max = idenfy_preflight::MAX_EXPIRY_TIME.to_string();
    let over = (idenfy_preflight::MAX_EXPIRY_TIME + 1).to_string();
    for (value, code) in [("1", 0), (max.as_str(), 0), ("0", 2), (over.as_str(), 2)] {
        let out = run(
            &["check", "--default-expiry-time", value, "-"],
            Some(VALID.as_bytes()),
        );
        assert_eq!(out.code, code, "{value}: {}", out.stderr);
    }
    let profile = format!(r#"{{"defaultExpiryTime": {over}}}"#);
    let d = Dir::new("expiry", &[("p.json", &profile)]);
    let refused = run(
        &["check", "--profile", &d.path("p.json"), "-"],
        Some(VALID.as_bytes()),
    );
    assert_eq!(refused.code, 2, "the profile refuses the same value");
}

/// The README's example of the `--jsonl` summary has the members the binary prints.
#[test]
fn the_readme_shows_the_jsonl_summary_as_printed() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let shown = readme
        .lines()
        .find(|l| l.starts_with(r#"{"summary":"#))
        .expect("README shows a summary line");
    let shown: Value = serde_json::from_str(shown).unwrap();
    let out = run(
        &["check", "--today", TODAY, "--jsonl", "-"],
        Some(format!("{INVALID}\n{{\"clientId\":\"c1\"}}\n").as_bytes()),
    );
    let printed: Value = serde_json::from_str(out.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(shown, printed, "README.md's summary line differs");
}
