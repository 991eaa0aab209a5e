//! Integration tests that run the real `idenfy-preflight` binary.

use crate::common::{example, run, Out, BIN, TODAY};

use idenfy_preflight::spec::catalogue::FIELDS;
use idenfy_preflight::Code;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Checks `Report` JSON shape and returns the parsed object.
fn parse_report(stdout: &str) -> Value {
    let v: Value = serde_json::from_str(stdout).expect("stdout is one JSON value");
    let obj = v.as_object().expect("top level is an object");
    let mut keys: Vec<_> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["request", "valid", "violations"], "{stdout}");
    let valid = obj["valid"].as_bool().expect("valid is a bool");
    if valid {
        assert!(obj["request"].is_object(), "valid => request object");
    } else {
        assert!(obj["request"].is_null(), "invalid => request null");
    }
    let mut any_error = false;
    for viol in obj["violations"]
        .as_array()
        .expect("violations is an array")
    {
        let o = viol.as_object().expect("violation is an object");
        for k in o.keys() {
            assert!(
                ["pointer", "code", "severity", "message", "params", "value"].contains(&k.as_str()),
                "unexpected violation key {k}"
            );
        }
        assert!(o["pointer"].is_string());
        assert!(o["message"].as_str().is_some_and(|m| !m.is_empty()));
        let code = o["code"].as_str().expect("code is a string");
        assert!(Code::from_name(code).is_some(), "unknown code {code}");
        let sev = o["severity"].as_str().expect("severity is a string");
        assert!(sev == "error" || sev == "warning", "severity {sev}");
        any_error |= sev == "error";
        if let Some(p) = o.get("params") {
            assert!(p.as_object().is_some_and(|p| !p.is_empty()));
        }
    }
    assert_eq!(valid, !any_error, "valid iff no error-severity violation");
    v
}

/// Runs `check --format json <args>` and returns (exit code, parsed report).
fn check_json(args: &[&str], stdin: Option<&[u8]>) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(&all, stdin);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    let report = parse_report(&out.stdout);
    (out.code, report)
}

/// Runs `check <args>` in the default (human) format.
fn check_human(args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let out = run(&all, stdin);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    out
}

fn violations(report: &Value) -> &[Value] {
    report["violations"].as_array().unwrap()
}

fn codes(report: &Value) -> Vec<(String, String, String)> {
    violations(report)
        .iter()
        .map(|v| {
            (
                v["pointer"].as_str().unwrap().to_owned(),
                v["code"].as_str().unwrap().to_owned(),
                v["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has(report: &Value, pointer: &str, code: &str) -> bool {
    codes(report)
        .iter()
        .any(|(p, c, _)| p == pointer && c == code)
}

fn find<'a>(report: &'a Value, pointer: &str, code: &str) -> &'a Value {
    violations(report)
        .iter()
        .find(|v| v["pointer"] == pointer && v["code"] == code)
        .unwrap_or_else(|| panic!("no {code} at {pointer:?} in {report:#}"))
}

/// A temp file removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(tag: &str, bytes: &[u8]) -> TempFile {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let path = std::env::temp_dir().join(format!(
            "idenfy-preflight-cli-{}-{tag}-{nanos}.json",
            std::process::id()
        ));
        std::fs::write(&path, bytes).expect("write temp file");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Human output, split into violation lines (indented) and the summary line.
struct Human<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Human<'a> {
    fn new(stdout: &'a str) -> Self {
        Human {
            lines: stdout.lines().collect(),
        }
    }

    fn summary(&self, label: &str) -> &'a str {
        let prefix = format!("{label}: ");
        let found: Vec<_> = self
            .lines
            .iter()
            .filter(|l| l.starts_with(&prefix))
            .collect();
        assert_eq!(found.len(), 1, "one summary line in {:#?}", self.lines);
        found[0]
    }

    fn index_of(&self, line: &str) -> Option<usize> {
        self.lines.iter().position(|l| *l == line)
    }

    /// Violation lines, in output order (before the summary line).
    fn violation_lines(&self) -> Vec<&'a str> {
        self.lines
            .iter()
            .take_while(|l| !l.contains(": VALID (") && !l.contains(": INVALID ("))
            .filter(|l| l.starts_with("  "))
            .copied()
            .collect()
    }
}

// ---------------------------------------------------------------- examples, JSON format

#[test]
fn docs_request_json_valid_with_expired_warning() {
    let (code, r) = check_json(&["--today", TODAY, &example("docs-request.json")], None);
    assert_eq!(code, 0);
    assert_eq!(r["valid"], true);
    assert_eq!(
        codes(&r),
        [(
            "/dateOfExpiry".to_owned(),
            "document_expired".to_owned(),
            "warning".to_owned()
        )]
    );
    let req = &r["request"];
    assert_eq!(req["firstName"], "JOHN TOM");
    assert_eq!(req["country"], "LT");
    assert_eq!(req["nationality"], "LT");
    assert_eq!(req["expiryTime"], 600);
    assert!(req["additionalSteps"].is_null());
}

#[test]
fn docs_request_no_warning_on_expiry_day() {
    let (code, r) = check_json(
        &["--today", "1990-12-20", &example("docs-request.json")],
        None,
    );
    assert_eq!(code, 0);
    assert!(violations(&r).is_empty(), "{r:#}");
}

#[test]
fn docs_request_default_today_is_system_date() {
    // The system date is long after 1990-12-20, so the document has expired.
    let (code, r) = check_json(&[&example("docs-request.json")], None);
    assert_eq!(code, 0);
    assert!(has(&r, "/dateOfExpiry", "document_expired"));
}

#[test]
fn invalid_mistakes_json() {
    let (code, r) = check_json(&["--today", TODAY, &example("invalid-mistakes.json")], None);
    assert_eq!(code, 1);
    assert_eq!(r["valid"], false);
    assert!(r["request"].is_null());
    for (p, c, s) in [
        ("/firstname", "misspelled_field", "error"),
        ("/nickname", "unknown_field", "warning"),
        ("/lastName", "invalid_name_character", "error"),
        ("/nationality", "invalid_country_code", "error"),
        ("/country/1", "invalid_country_code", "error"),
        ("/documents/1", "unknown_document_type", "error"),
        ("/documents/2", "legacy_document_type", "warning"),
        ("/dateOfBirth", "invalid_calendar_date", "error"),
        ("/callbackUrl", "url_not_https", "error"),
        ("/expiryTime", "wrong_type", "error"),
        ("/sessionLength", "too_small", "error"),
        ("/sex", "invalid_value", "error"),
        ("/tokenType", "retired_value", "error"),
        ("/locale", "unsupported_locale", "warning"),
        ("/verifyBankAccounts", "requires_verify_bank", "error"),
    ] {
        assert_eq!(find(&r, p, c)["severity"], s, "{p} {c}");
    }
    assert_eq!(
        find(&r, "/firstname", "misspelled_field")["params"]["suggestion"],
        "firstName"
    );
}

#[test]
fn invalid_json_example_json() {
    let (code, r) = check_json(&[&example("invalid-json.json")], None);
    assert_eq!(code, 1);
    assert_eq!(violations(&r).len(), 1);
    let v = find(&r, "", "malformed_json");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["params"]["line"], 5);
    assert_eq!(v["params"]["column"], 1);
}

#[test]
fn invalid_duplicate_key_example_json() {
    let (code, r) = check_json(&[&example("invalid-duplicate-key.json")], None);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&r),
        [(
            "/firstName".to_owned(),
            "duplicate_key".to_owned(),
            "error".to_owned()
        )]
    );
}

#[test]
fn additional_steps_example_json() {
    let (code, r) = check_json(&["--today", TODAY, &example("additional-steps.json")], None);
    assert_eq!(code, 0);
    assert!(violations(&r).is_empty(), "{r:#}");
    let step = &r["request"]["additionalSteps"]["ALL"]["ALL"]["UTILITY_BILL"];
    assert_eq!(step["type"], "COMPARE");
    assert_eq!(
        r["request"]["additionalData"]["UTILITY_BILL"]["ssn"],
        "123-45-6789"
    );
}

#[test]
fn json_output_is_pretty_single_object_with_trailing_newline() {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &example("additional-steps.json"),
        ],
        None,
    );
    assert!(out.stdout.ends_with("}\n"));
    assert!(out.stdout.starts_with("{\n"));
}

// ---------------------------------------------------------------- examples, human format

/// Every JSON violation has exactly one human line holding its pointer and code; errors come
/// before warnings; the summary counts match.
fn assert_human_matches_json(args: &[&str], label: &str) {
    let (json_code, r) = check_json(args, None);
    let out = check_human(args, None);
    assert_eq!(out.code, json_code);
    let h = Human::new(&out.stdout);
    let lines = h.violation_lines();
    let vs = violations(&r);
    assert_eq!(lines.len(), vs.len(), "{}", out.stdout);

    let errors = vs.iter().filter(|v| v["severity"] == "error").count();
    let warnings = vs.len() - errors;
    for (i, v) in vs.iter().enumerate() {
        let pointer = match v["pointer"].as_str().unwrap() {
            "" => "(document)",
            p => p,
        };
        let code = v["code"].as_str().unwrap();
        let needle = format!("{code}: ");
        let matching: Vec<_> = lines
            .iter()
            .filter(|l| l.trim_start().starts_with(&format!("{pointer} ")) && l.contains(&needle))
            .collect();
        assert!(
            !matching.is_empty(),
            "violation {i} ({pointer} {code}) missing"
        );
    }
    // Errors first, then warnings.
    let err_head = h.index_of("errors:");
    let warn_head = h.index_of("warnings:");
    assert_eq!(err_head.is_some(), errors > 0);
    assert_eq!(warn_head.is_some(), warnings > 0);
    if let (Some(e), Some(w)) = (err_head, warn_head) {
        assert!(e < w);
        assert_eq!(w - e - 1, errors, "error lines sit between the headings");
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let verdict = if json_code == 0 { "VALID" } else { "INVALID" };
    assert_eq!(
        h.summary(label),
        format!(
            "{label}: {verdict} ({}, {})",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    );
    // The normalized request holds personal data: printed only when asked for.
    assert!(!out.stdout.contains("request to send:"), "{}", out.stdout);
    let mut asked: Vec<&str> = args.to_vec();
    asked.push("--print-request");
    let out = check_human(&asked, None);
    let prints_request = out.stdout.contains("request to send:\n");
    assert_eq!(prints_request, json_code == 0);
    if prints_request {
        let body = out.stdout.split("request to send:\n").nth(1).unwrap();
        let printed: Value = serde_json::from_str(body).expect("printed request is JSON");
        assert_eq!(printed, r["request"]);
    }
}

#[test]
fn human_docs_request() {
    let f = example("docs-request.json");
    assert_human_matches_json(&["--today", TODAY, &f], &f);
}

#[test]
fn human_invalid_mistakes() {
    let f = example("invalid-mistakes.json");
    assert_human_matches_json(&["--today", TODAY, &f], &f);
}

#[test]
fn human_invalid_json() {
    let f = example("invalid-json.json");
    assert_human_matches_json(&[&f], &f);
    let out = check_human(&[&f], None);
    assert!(out.stdout.contains("(document)"));
    assert!(out.stdout.contains("malformed_json"));
    assert!(out.stdout.contains("INVALID (1 error, 0 warnings)"));
}

#[test]
fn human_invalid_duplicate_key() {
    let f = example("invalid-duplicate-key.json");
    assert_human_matches_json(&[&f], &f);
    let out = check_human(&[&f], None);
    let h = Human::new(&out.stdout);
    let lines = h.violation_lines();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains("/firstName") && lines[0].contains("duplicate_key"));
}

#[test]
fn human_additional_steps() {
    let f = example("additional-steps.json");
    assert_human_matches_json(&["--today", TODAY, &f], &f);
    let out = check_human(&["--today", TODAY, "--print-request", &f], None);
    assert!(out
        .stdout
        .contains(": VALID (0 errors, 0 warnings)\nrequest to send:\n"));
}

#[test]
fn human_escapes_control_characters_in_member_names() {
    let body = "{\"clientId\": \"c\", \"\\u001b[2J\\u001b[31mred\\nerrors:\\u0000\\u007f\\u0085x\": 1, \"caf\u{e9}\": 2}";
    let out = check_human(&[], Some(body.as_bytes()));
    assert_eq!(out.code, 0);
    // Only newlines end lines; no escape, NUL, DEL or C1 character reaches the terminal.
    assert!(
        !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
        "{:?}",
        out.stdout
    );
    let h = Human::new(&out.stdout);
    let lines = h.violation_lines();
    assert_eq!(lines.len(), 2, "{:#?}", h.lines);
    assert!(
        lines[0]
            .trim_start()
            .starts_with(r"/\u{1b}[2J\u{1b}[31mred\nerrors:\0\u{7f}\u{85}x  unknown_field: "),
        "{}",
        lines[0]
    );
    // Other Unicode is printed as is.
    assert!(
        lines[1].trim_start().starts_with("/caf\u{e9} "),
        "{}",
        lines[1]
    );
    assert_eq!(
        h.index_of("errors:"),
        None,
        "a member name forged a heading"
    );
    assert!(h
        .summary("<stdin>")
        .ends_with("VALID (0 errors, 2 warnings)"));
}

#[test]
fn human_alignment_width_is_capped() {
    let long = "k".repeat(60_000);
    let body = format!(r#"{{"clientId": "c", "{long}": 1, "a": 2, "abc": 3}}"#);
    let out = check_human(&[], Some(body.as_bytes()));
    assert_eq!(out.code, 0);
    let h = Human::new(&out.stdout);
    let lines = h.violation_lines();
    assert_eq!(lines.len(), 3, "{:#?}", h.lines);
    // The long pointer pushes its own line; the others stay aligned with each other.
    assert!(lines[0].starts_with(&format!("  /{long}  unknown_field: ")));
    assert!(
        lines[1].starts_with("  /a    unknown_field: "),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("  /abc  unknown_field: "),
        "{}",
        lines[2]
    );
    assert_eq!(lines[1].len() + long.len(), lines[0].len() + "abc".len());
    // A pointer of 40 characters still sets the column; one of 41 does not.
    for (key_len, column) in [(39, 2 + 40 + 2), (40, 2 + "/a".len() + 2)] {
        let key = "x".repeat(key_len);
        let body = format!(r#"{{"clientId": "c", "{key}": 1, "a": 2}}"#);
        let out = check_human(&[], Some(body.as_bytes()));
        let h = Human::new(&out.stdout);
        let line = h.violation_lines()[1];
        assert_eq!(line.find("unknown_field"), Some(column), "{line}");
    }
}

#[test]
fn human_mistakes_errors_before_warnings() {
    let f = example("invalid-mistakes.json");
    let out = check_human(&["--today", TODAY, &f], None);
    assert_eq!(out.code, 1);
    let h = Human::new(&out.stdout);
    let lines = h.violation_lines();
    let first_warning = lines
        .iter()
        .position(|l| l.contains("unknown_field"))
        .unwrap();
    let last_error = lines
        .iter()
        .rposition(|l| l.contains("requires_verify_bank"))
        .unwrap();
    // unknown_field comes first in input order, but warnings are listed after errors.
    assert!(last_error < first_warning);
    assert!(h.summary(&f).ends_with("INVALID (12 errors, 3 warnings)"));
}

// ---------------------------------------------------------------- stdin

const SMALL: &[u8] = br#"{"clientId": "c1", "firstName": " john  tom "}"#;

#[test]
fn stdin_via_dash() {
    let (code, r) = check_json(&["-"], Some(SMALL));
    assert_eq!(code, 0);
    assert_eq!(r["request"]["firstName"], "JOHN TOM");
    let out = check_human(&["-"], Some(SMALL));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("<stdin>: VALID (0 errors, 0 warnings)"));
}

#[test]
fn stdin_without_argument() {
    let (code, r) = check_json(&[], Some(SMALL));
    assert_eq!(code, 0);
    assert_eq!(r["request"]["clientId"], "c1");
    let out = check_human(&[], Some(br#"{"clientId": 5}"#));
    assert_eq!(out.code, 1);
    assert!(out
        .stdout
        .contains("<stdin>: INVALID (1 error, 0 warnings)"));
    assert!(out.stdout.contains("/clientId") && out.stdout.contains("wrong_type"));
}

#[test]
fn empty_stdin_is_malformed_json() {
    let (code, r) = check_json(&[], None);
    assert_eq!(code, 1);
    assert!(has(&r, "", "malformed_json"));
}

// ---------------------------------------------------------------- size limit

const MAX_BYTES: usize = 1024 * 1024;

/// `{"clientId": "c"}` padded with spaces to exactly `len` bytes.
fn padded_body(len: usize) -> Vec<u8> {
    let mut body = br#"{"clientId": "c"}"#.to_vec();
    body.resize(len, b' ');
    body
}

fn assert_too_large(code: i32, r: &Value) {
    assert_eq!(code, 1);
    let found = codes(r);
    assert_eq!(
        found,
        [("".into(), "document_too_large".into(), "error".into())],
        "{r:#}"
    );
    let v = &violations(r)[0];
    assert_eq!(v["params"]["limit"], MAX_BYTES);
    assert!(v["message"].as_str().unwrap().contains("bytes"));
}

#[test]
fn a_body_just_over_the_limit_is_document_too_large() {
    // Exactly at the limit is fine, one byte over is not: from a file and from standard input.
    let at = TempFile::new("at-limit", &padded_body(MAX_BYTES));
    let (code, r) = check_json(&[at.path()], None);
    assert_eq!((code, violations(&r).len()), (0, 0), "{r:#}");
    let over_body = padded_body(MAX_BYTES + 1);
    let over = TempFile::new("over-limit", &over_body);
    let (code, r) = check_json(&[over.path()], None);
    assert_too_large(code, &r);
    assert_eq!(violations(&r)[0]["params"]["size"], MAX_BYTES + 1);
    let (code, r) = check_json(&["-"], Some(&over_body));
    assert_too_large(code, &r);
    let out = check_human(&[over.path()], None);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("document_too_large"), "{}", out.stdout);
}

#[test]
fn a_large_body_is_not_read_past_the_limit() {
    // The CLI stops reading one byte past the limit, so the reported size is that, however
    // large the input is.
    let big = padded_body(3 * MAX_BYTES);
    let file = TempFile::new("big", &big);
    for (args, stdin) in [(&[file.path()][..], None), (&["-"][..], Some(&big[..]))] {
        let (code, r) = check_json(args, stdin);
        assert_too_large(code, &r);
        assert_eq!(
            violations(&r)[0]["params"]["size"],
            MAX_BYTES + 1,
            "{args:?}"
        );
    }
}

/// Runs the binary with `stdin`, killing it if it has not exited within ten seconds.
#[cfg(unix)]
fn run_with_timeout(args: &[&str], stdin: Stdio) -> Out {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn binary");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll binary") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after 10 s (reading an endless input?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // The output is a few hundred bytes, well within a pipe buffer, so the child never blocked.
    let (mut stdout, mut stderr) = (String::new(), String::new());
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Out {
        code: status.code().expect("exit code (not killed by a signal)"),
        stdout,
        stderr,
    }
}

#[cfg(unix)]
#[test]
fn an_endless_input_ends_as_document_too_large() {
    let zero = || Stdio::from(std::fs::File::open("/dev/zero").expect("open /dev/zero"));
    for (args, stdin) in [
        (
            &["check", "--format", "json", "/dev/zero"][..],
            Stdio::null(),
        ),
        (&["check", "--format", "json", "-"][..], zero()),
        (&["check", "--format", "json"][..], zero()),
        (
            &["check-response", "--format", "json", "/dev/zero"][..],
            Stdio::null(),
        ),
    ] {
        let out = run_with_timeout(args, stdin);
        assert!(out.stderr.is_empty(), "{args:?}: {}", out.stderr);
        let r: Value = serde_json::from_str(&out.stdout).expect("one JSON report");
        assert_too_large(out.code, &r);
    }
}

// ---------------------------------------------------------------- usage errors (exit 2)

fn assert_usage_error(args: &[&str]) {
    let out = run(args, Some(SMALL));
    assert_eq!(out.code, 2, "{args:?}: stdout {}", out.stdout);
    assert!(out.stdout.is_empty(), "{args:?}: stdout {}", out.stdout);
    assert!(!out.stderr.is_empty(), "{args:?}: no message on stderr");
}

#[test]
fn missing_file_exits_2() {
    let missing = std::env::temp_dir().join(format!(
        "idenfy-preflight-cli-{}-does-not-exist.json",
        std::process::id()
    ));
    let missing = missing.to_str().unwrap();
    assert_usage_error(&["check", missing]);
    assert_usage_error(&["check", "--format", "json", missing]);
    let out = run(&["check", missing], None);
    assert!(out.stderr.contains(missing));
}

#[test]
fn directory_exits_2() {
    assert_usage_error(&["check", env!("CARGO_MANIFEST_DIR")]);
}

#[test]
fn unknown_flag_exits_2() {
    assert_usage_error(&["check", "--bogus", &example("docs-request.json")]);
    assert_usage_error(&["--bogus"]);
}

#[test]
fn bad_today_exits_2() {
    let f = example("docs-request.json");
    for bad in [
        "2026-13-01",
        "2026-02-30",
        "25.11.2026",
        "today",
        "",
        // `time`'s year parser takes a sign; body dates do not, nor does --today.
        "+2026-01-01",
        "+02026-01-01",
        "02026-01-01",
    ] {
        assert_usage_error(&["check", "--today", bad, &f]);
        assert_usage_error(&["check", &format!("--today={bad}"), &f]);
    }
    let response = example("docs-response.json");
    assert_usage_error(&["check-response", &response, "--today", "+2026-01-01"]);
    let out = run(&["check", "--today", "+2026-01-01", &f], None);
    assert!(out.stderr.contains("YYYY-MM-DD"), "{}", out.stderr);
}

#[test]
fn unknown_format_exits_2() {
    assert_usage_error(&["check", "--format", "xml", &example("docs-request.json")]);
}

#[test]
fn missing_or_unknown_subcommand_exits_2() {
    assert_usage_error(&[]);
    assert_usage_error(&["lint"]);
}

#[test]
fn bad_default_expiry_time_exits_2() {
    for bad in ["soon", "0", "-5", "1.5"] {
        assert_usage_error(&["check", &format!("--default-expiry-time={bad}")]);
    }
}

// ---------------------------------------------------------------- --today

#[test]
fn today_controls_date_in_future() {
    let body = br#"{"clientId": "c1", "dateOfBirth": "2030-01-01"}"#;
    let (code, r) = check_json(&["--today", TODAY], Some(body));
    assert_eq!(code, 0);
    assert_eq!(
        find(&r, "/dateOfBirth", "date_in_future")["severity"],
        "warning"
    );

    let (code, r) = check_json(&["--today", "2031-01-01"], Some(body));
    assert_eq!(code, 0);
    assert!(violations(&r).is_empty(), "{r:#}");
    assert_eq!(r["request"]["dateOfBirth"], "2030-01-01");
}

#[test]
fn today_controls_document_expired() {
    let body = br#"{"clientId": "c1", "dateOfExpiry": "2027-06-01"}"#;
    let (_, r) = check_json(&["--today", TODAY], Some(body));
    assert!(violations(&r).is_empty(), "{r:#}");
    // One day of tolerance for time zones behind UTC.
    let (_, r) = check_json(&["--today", "2027-06-02"], Some(body));
    assert!(violations(&r).is_empty(), "{r:#}");
    let (code, r) = check_json(&["--today", "2027-06-03"], Some(body));
    assert_eq!(code, 0);
    assert_eq!(
        find(&r, "/dateOfExpiry", "document_expired")["severity"],
        "warning"
    );
}

// ---------------------------------------------------------------- --show-values

const SECRET: &str = "Jonaitis2";

#[test]
fn values_hidden_by_default() {
    let f = example("invalid-mistakes.json");
    let out = check_human(&["--today", TODAY, &f], None);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains(SECRET), "{}", out.stdout);
    assert!(!out.stdout.contains("[value:"));

    let out = run(&["check", "--format", "json", "--today", TODAY, &f], None);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains(SECRET), "{}", out.stdout);
    let r = parse_report(&out.stdout);
    for v in violations(&r) {
        assert!(v.get("value").is_none(), "{v}");
    }
    for other in ["1990-02-30", "male", "LVA", "PASPORT", "client-42"] {
        assert!(!out.stdout.contains(other), "{other} echoed");
    }
}

#[test]
fn show_values_includes_value() {
    let f = example("invalid-mistakes.json");
    let (code, r) = check_json(&["--show-values", "--today", TODAY, &f], None);
    assert_eq!(code, 1);
    assert_eq!(
        find(&r, "/lastName", "invalid_name_character")["value"],
        SECRET
    );
    assert_eq!(find(&r, "/expiryTime", "wrong_type")["value"], "600");
    // The message itself still does not carry the value.
    assert!(!find(&r, "/lastName", "invalid_name_character")["message"]
        .as_str()
        .unwrap()
        .contains(SECRET));

    let out = check_human(&["--show-values", "--today", TODAY, &f], None);
    let line = Human::new(&out.stdout)
        .violation_lines()
        .into_iter()
        .find(|l| l.contains("/lastName"))
        .unwrap();
    assert!(line.contains(&format!("[value: \"{SECRET}\"]")), "{line}");
}

// ---------------------------------------------------------------- --deny-unknown

#[test]
fn deny_unknown_turns_warning_into_error() {
    let body = br#"{"clientId": "c1", "nickname": "Jonas"}"#;
    let (code, r) = check_json(&[], Some(body));
    assert_eq!(code, 0);
    assert_eq!(
        find(&r, "/nickname", "unknown_field")["severity"],
        "warning"
    );
    assert_eq!(
        r["request"]["nickname"], "Jonas",
        "passed through unchanged"
    );

    let (code, r) = check_json(&["--deny-unknown"], Some(body));
    assert_eq!(code, 1);
    assert_eq!(find(&r, "/nickname", "unknown_field")["severity"], "error");
    assert!(r["request"].is_null());

    let out = check_human(&["--deny-unknown"], Some(body));
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("errors:\n"));
    assert!(!out.stdout.contains("warnings:"));
    assert!(out
        .stdout
        .contains("<stdin>: INVALID (1 error, 0 warnings)"));
}

// ---------------------------------------------------------------- --default-expiry-time

#[test]
fn default_expiry_time_limits_digit_string_expiry() {
    let body = br#"{"clientId": "c1", "generateDigitString": true, "expiryTime": 3000}"#;
    // Default account expiry (86400 s) allows it.
    let (code, _) = check_json(&[], Some(body));
    assert_eq!(code, 0);
    let (code, _) = check_json(&["--default-expiry-time", "3000"], Some(body));
    assert_eq!(code, 0);

    let (code, r) = check_json(&["--default-expiry-time", "600"], Some(body));
    assert_eq!(code, 1);
    let v = find(&r, "/expiryTime", "digit_string_expiry_too_long");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["params"]["max"], 600);

    let (code, _) = check_json(&["--default-expiry-time", "2999"], Some(body));
    assert_eq!(code, 1);
}

#[test]
fn default_expiry_time_ignored_without_digit_string() {
    let body = br#"{"clientId": "c1", "generateDigitString": false, "expiryTime": 3000}"#;
    let (code, r) = check_json(&["--default-expiry-time", "600"], Some(body));
    assert_eq!(code, 0);
    assert!(violations(&r).is_empty());
}

// ---------------------------------------------------------------- invalid UTF-8

#[test]
fn invalid_utf8_file() {
    let tmp = TempFile::new(
        "utf8",
        b"{\"clientId\": \"c1\", \"lastName\": \"Jo\xff\xfenas\"}",
    );
    let (code, r) = check_json(&["--show-values", tmp.path()], None);
    assert_eq!(code, 1);
    assert_eq!(violations(&r).len(), 1);
    let v = find(&r, "", "invalid_utf8");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["params"]["line"], 1);

    let out = check_human(&[tmp.path()], None);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("(document)") && out.stdout.contains("invalid_utf8"));
    assert!(out
        .stdout
        .contains(&format!("{}: INVALID (1 error, 0 warnings)", tmp.path())));
}

// ---------------------------------------------------------------- rules and codes

#[test]
fn rules_has_a_row_per_catalogue_member() {
    let out = run(&["rules"], None);
    assert_eq!(out.code, 0);
    let lines: Vec<_> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("| Member |"));
    assert!(lines[1].starts_with("|---"));
    assert_eq!(lines.len(), FIELDS.len() + 2);
    for f in FIELDS {
        let prefix = format!("| `{}`", f.name);
        assert_eq!(
            lines.iter().filter(|l| l.starts_with(&prefix)).count(),
            1,
            "row for {}",
            f.name
        );
        for a in f.aliases {
            assert!(out.stdout.contains(&format!("(alias `{a}`)")));
        }
    }
}

#[test]
fn codes_lists_every_code() {
    let out = run(&["codes"], None);
    assert_eq!(out.code, 0);
    let lines: Vec<_> = out.stdout.lines().collect();
    assert_eq!(lines.len(), Code::ALL.len());
    for (line, code) in lines.iter().zip(Code::ALL) {
        let mut parts = line.splitn(2, ' ');
        assert_eq!(parts.next(), Some(code.as_str()));
        assert_eq!(parts.next().map(str::trim), Some(code.description()));
    }
}

#[test]
fn closed_stdout_does_not_panic() {
    for args in [
        &["codes"][..],
        &["rules"][..],
        &[
            "check",
            "--format",
            "json",
            &example("invalid-mistakes.json"),
        ][..],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn binary");
        // Close the read end at once: the binary's writes fail with a broken pipe (or land in
        // the pipe buffer if it was quicker).
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait for binary");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {:?}",
            out.status
        );
    }
}

#[test]
fn problem_format_is_rfc9457_for_invalid_requests() {
    let out = run(
        &[
            "check",
            "--format",
            "problem",
            "--today",
            TODAY,
            &example("invalid-mistakes.json"),
        ],
        None,
    );
    assert_eq!(out.code, 1);
    let p: Value = serde_json::from_str(&out.stdout).expect("problem JSON");
    assert_eq!(p["type"], "about:blank");
    assert_eq!(p["status"], 400);
    assert_eq!(p["title"], "Bad Request");
    let errors = p["errors"].as_array().expect("errors array");
    assert_eq!(errors.len(), 12, "errors only");
    let warnings = p["warnings"].as_array().expect("warnings array");
    assert_eq!(warnings.len(), 3);
    assert!(warnings.iter().all(|w| w["severity"] == "warning"));
    assert!(errors.iter().all(|e| e["severity"] == "error"));
    let nationality = errors
        .iter()
        .find(|e| e["pointer"] == "#/nationality")
        .expect("nationality");
    // Behaviour change (issue 16): the suggestion derived from the nationality is withheld
    // from params as from the message, unless --show-values.
    assert_eq!(
        nationality["params"].get("suggestion"),
        None,
        "a personal member's suggestion is withheld"
    );
    assert!(nationality["detail"]
        .as_str()
        .is_some_and(|d| d.contains("withheld") && !d.contains("LT")));
    assert!(errors.iter().all(
        |e| e["pointer"].as_str().is_some_and(|s| s.starts_with("#/"))
            && e["detail"].is_string()
            && e["code"].is_string()
    ));
    assert!(errors
        .iter()
        .any(|e| e["pointer"] == "#/country/1" && e["code"] == "invalid_country_code"));
}

#[test]
fn problem_and_idenfy_formats_print_the_request_when_valid() {
    for format in ["problem", "idenfy"] {
        let out = run(&["check", "--format", format, "-"], Some(SMALL));
        assert_eq!(out.code, 0, "{format}");
        let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(
            v,
            serde_json::json!({"clientId": "c1", "firstName": "JOHN TOM"}),
            "{format}"
        );
    }
}

#[test]
fn idenfy_format_answers_like_the_api() {
    let cases: [(&[u8], &str, &str); 4] = [
        (b"{\"clientId\": \"c\",}", "JSON_ERROR", ""),
        (b"{\"clientId\": \"\xff\"}", "ENCODING_ERROR", ""),
        (
            br#"{"country": "LTU"}"#,
            "MISSING_VALUE",
            "Field 'clientId'",
        ),
        (
            br#"{"clientId": "c", "country": "LTU"}"#,
            "BAD_VALUE",
            "Field 'country'",
        ),
    ];
    for (body, identifier, prefix) in cases {
        let out = run(&["check", "--format", "idenfy", "-"], Some(body));
        assert_eq!(out.code, 1);
        let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
        assert_eq!(v.as_object().map(|o| o.len()), Some(2), "{v}");
        assert_eq!(v["identifier"], identifier);
        assert!(
            v["message"].as_str().is_some_and(|m| m.starts_with(prefix)),
            "{v}"
        );
        assert!(
            !v["message"].as_str().unwrap_or_default().contains("params"),
            "iDenfy's body has no params: {v}"
        );
    }
}

// ---------------------------------------------------------------- check-response

/// Checks the shape of `check-response --format json` output (`request` present exactly when
/// `with_request`) and returns the parsed object.
fn parse_response_report(stdout: &str, code: i32, with_request: bool) -> Value {
    let v: Value = serde_json::from_str(stdout).expect("stdout is one JSON value");
    let keys: Vec<_> = v
        .as_object()
        .expect("top level is an object")
        .keys()
        .map(String::as_str)
        .collect();
    let expected: &[&str] = if with_request {
        &["valid", "violations", "redirectUrl", "iframeUrl", "request"]
    } else {
        &["valid", "violations", "redirectUrl", "iframeUrl"]
    };
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    let mut expected_sorted = expected.to_vec();
    expected_sorted.sort_unstable();
    assert_eq!(sorted, expected_sorted, "{stdout}");
    // Members in the documented order.
    let at: Vec<usize> = expected
        .iter()
        .map(|k| {
            stdout
                .find(&format!("\n  \"{k}\":"))
                .expect("top-level member")
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{stdout}");
    let valid = v["valid"].as_bool().expect("valid is a bool");
    assert!(v["violations"].is_array());
    // A valid response always has its URLs; an invalid one has them when its authToken is
    // usable.
    assert!(!valid || v["redirectUrl"].is_string(), "valid => URLs");
    assert_eq!(v["redirectUrl"].is_string(), v["iframeUrl"].is_string());
    assert!(v["redirectUrl"].is_string() || v["redirectUrl"].is_null());
    if with_request {
        let request = parse_report(&v["request"].to_string());
        assert!(
            request["valid"] == true || !valid,
            "valid only with a valid request"
        );
    }
    assert_eq!(code, if valid { 0 } else { 1 });
    v
}

/// Runs `check-response --format json <args>`; returns (exit code, parsed response report).
fn check_response_json(args: &[&str], stdin: Option<&[u8]>) -> (i32, Value) {
    let mut all = vec!["check-response", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(&all, stdin);
    let with_request = args.contains(&"--request");
    let v = parse_response_report(&out.stdout, out.code, with_request);
    if with_request && v["request"]["valid"] == false {
        assert!(out.stderr.contains("was not checked"), "{}", out.stderr);
    } else {
        assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    }
    (out.code, v)
}

const DOCS_TOKEN: &str = "pgYQX0z2T8mtcpNj9I20uWVCLKNuG0vgr12f0wAC";

#[test]
fn check_response_docs_example_alone() {
    let (code, r) = check_response_json(&[&example("docs-response.json")], None);
    assert_eq!(code, 0);
    assert_eq!(
        codes(&r),
        [(
            "/digitString".to_owned(),
            "unexpected_digit_string_length".to_owned(),
            "warning".to_owned()
        )]
    );
    assert_eq!(
        r["redirectUrl"],
        format!("https://ivs.idenfy.com/api/v2/redirect?authToken={DOCS_TOKEN}")
    );
    assert_eq!(
        r["iframeUrl"],
        format!("https://ui.idenfy.com/?authToken={DOCS_TOKEN}")
    );
}

#[test]
fn check_response_compares_the_echo_with_the_request() {
    let (code, r) = check_response_json(
        &[
            "--request",
            &example("docs-request.json"),
            "--today",
            TODAY,
            &example("docs-response.json"),
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(has(&r, "/questionnaire", "echo_changed"));
    assert_eq!(
        find(&r, "/questionnaire", "echo_changed")["severity"],
        "warning"
    );
    assert!(has(&r, "/digitString", "unexpected_digit_string_length"));
    assert_eq!(violations(&r).len(), 2, "{r:#}");
    // The request's own report comes along (its warnings would be lost otherwise).
    assert_eq!(r["request"]["valid"], true);
    assert_eq!(r["request"]["request"]["country"], "LT");
    assert_eq!(violations(&r["request"]).len(), 1, "{r:#}");
}

#[test]
fn check_response_human_prints_both_summaries_and_the_urls() {
    let request = example("docs-request.json");
    let response = example("docs-response.json");
    let out = run(
        &[
            "check-response",
            &response,
            "--request",
            &request,
            "--today",
            TODAY,
            "--print-urls",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let human = Human::new(&out.stdout);
    assert_eq!(
        human.summary(&request),
        format!("{request}: VALID (0 errors, 1 warning)")
    );
    assert_eq!(
        human.summary(&response),
        format!("{response}: VALID (0 errors, 2 warnings)")
    );
    assert!(human
        .index_of(&format!(
            "redirect URL: https://ivs.idenfy.com/api/v2/redirect?authToken={DOCS_TOKEN}"
        ))
        .is_some());
    assert!(human
        .index_of(&format!(
            "iFrame URL:   https://ui.idenfy.com/?authToken={DOCS_TOKEN}"
        ))
        .is_some());
    assert!(out.stdout.contains("/questionnaire") && out.stdout.contains("echo_changed"));
    assert!(!out.stdout.contains("request to send"));
}

#[test]
fn check_response_stops_at_an_invalid_request() {
    let request = example("invalid-mistakes.json");
    let out = run(
        &[
            "check-response",
            "--format",
            "json",
            "--request",
            &request,
            "--today",
            TODAY,
            &example("docs-response.json"),
        ],
        None,
    );
    assert_eq!(out.code, 1);
    // The response report's shape, not checked, with the request's report.
    let r = parse_response_report(&out.stdout, out.code, true);
    assert_eq!(r["valid"], false);
    assert_eq!(r["violations"], serde_json::json!([]));
    assert!(r["redirectUrl"].is_null() && r["iframeUrl"].is_null());
    assert_eq!(r["request"]["valid"], false);
    assert!(r["request"]["request"].is_null());
    assert!(has(&r["request"], "/country/1", "invalid_country_code"));
    // Exactly what `check --format json` prints for the request.
    let (_, alone) = check_json(&["--today", TODAY, &request], None);
    assert_eq!(r["request"], alone);
    assert!(out.stderr.contains(&request) && out.stderr.contains("invalid"));
    let human = run(
        &[
            "check-response",
            "--request",
            &request,
            &example("docs-response.json"),
        ],
        None,
    );
    assert_eq!(human.code, 1);
    assert!(Human::new(&human.stdout)
        .summary(&request)
        .contains("INVALID"));
}

#[test]
fn check_response_invalid_responses_exit_1() {
    let (code, r) = check_response_json(
        &["-"],
        Some(br#"{"authToken": "x", "tokenType": "DOCUMENT", "digitString": "12a45678"}"#),
    );
    assert_eq!(code, 1);
    assert!(has(&r, "/scanRef", "missing_required"));
    assert!(has(&r, "/digitString", "invalid_digit_string"));
    let (code, r) = check_response_json(&["-"], Some(b"{\"authToken\": "));
    assert_eq!(code, 1);
    assert!(has(&r, "", "malformed_json"));
}

#[test]
fn check_response_prints_the_urls_of_a_usable_token_in_an_invalid_response() {
    let body = br#"{"authToken": "tok", "scanRef": "s", "tokenType": "VIDEO_CALL",
                    "allowedDocuments": {"lt": ["PASSPORT"]}}"#;
    let (code, r) = check_response_json(&["-"], Some(body));
    assert_eq!(code, 1);
    assert_eq!(codes(&r).len(), 1, "{r:#}"); // "lt" is a country code
    assert!(has(&r, "/tokenType", "retired_value"));
    assert_eq!(
        r["redirectUrl"],
        "https://ivs.idenfy.com/api/v2/redirect?authToken=tok"
    );
    assert_eq!(r["iframeUrl"], "https://ui.idenfy.com/?authToken=tok");

    // The URLs carry the token, a credential: human output shows them only when asked.
    let out = run(&["check-response", "-"], Some(body));
    assert_eq!(out.code, 1);
    assert!(!out.stdout.contains("authToken=tok"), "{}", out.stdout);
    assert!(out
        .stdout
        .contains("URLs built (not shown: they carry the authToken)"));
    let out = run(&["check-response", "-", "--print-urls"], Some(body));
    assert_eq!(out.code, 1);
    let human = Human::new(&out.stdout);
    assert!(human.summary("<stdin>").contains("INVALID"));
    assert!(human
        .index_of("redirect URL: https://ivs.idenfy.com/api/v2/redirect?authToken=tok")
        .is_some());
    assert!(human
        .index_of("iFrame URL:   https://ui.idenfy.com/?authToken=tok")
        .is_some());
    assert!(out.stdout.contains("authToken passes its own rules"));
}

#[test]
fn check_response_takes_the_same_context_flags_as_check() {
    let request = TempFile::new(
        "ctx-request",
        br#"{"clientId":"c","generateDigitString":true,"expiryTime":100000}"#,
    );
    let response = TempFile::new(
        "ctx-response",
        br#"{"authToken": "t", "scanRef": "s", "tokenType": "IDENTIFICATION", "clientId": "c",
             "generateDigitString": true, "expiryTime": 100000, "digitString": "12345678"}"#,
    );
    let (q, r) = (request.path(), response.path());
    assert_eq!(check_json(&[q], None).0, 1);
    assert_eq!(
        check_json(&["--default-expiry-time", "172800", q], None).0,
        0
    );
    let (code, out) = check_response_json(&[r, "--request", q], None);
    assert_eq!(code, 1);
    assert!(has(
        &out["request"],
        "/expiryTime",
        "digit_string_expiry_too_long"
    ));
    let (code, out) = check_response_json(
        &[r, "--request", q, "--default-expiry-time", "172800"],
        None,
    );
    assert_eq!(code, 0, "{out:#}");
    assert!(violations(&out).is_empty(), "{out:#}");
    assert_usage_error(&["check-response", r, "--default-expiry-time", "0"]);

    // --deny-unknown applies to the request.
    let unknown = TempFile::new("ctx-unknown", br#"{"clientId": "c", "nickname": "Jonas"}"#);
    let (code, out) = check_response_json(&[r, "--request", unknown.path()], None);
    assert_eq!(code, 0, "{out:#}");
    assert_eq!(
        find(&out["request"], "/nickname", "unknown_field")["severity"],
        "warning"
    );
    let (code, out) =
        check_response_json(&[r, "--request", unknown.path(), "--deny-unknown"], None);
    assert_eq!(code, 1);
    assert_eq!(
        find(&out["request"], "/nickname", "unknown_field")["severity"],
        "error"
    );

    // --show-values reveals the offending values of both bodies.
    let bad = br#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "digitString": "12a45678"}"#;
    let (_, out) = check_response_json(&["-"], Some(bad));
    assert!(find(&out, "/digitString", "invalid_digit_string")
        .get("value")
        .is_none());
    let (_, out) = check_response_json(&["--show-values", "-"], Some(bad));
    assert_eq!(
        find(&out, "/digitString", "invalid_digit_string")["value"],
        "12a45678"
    );
}

#[test]
fn check_response_usage_errors_exit_2() {
    let response = example("docs-response.json");
    let missing = std::env::temp_dir().join(format!(
        "idenfy-preflight-cli-{}-no-response.json",
        std::process::id()
    ));
    let missing = missing.to_str().unwrap();
    assert_usage_error(&["check-response", missing]);
    assert_usage_error(&["check-response", &response, "--request", missing]);
    assert_usage_error(&["check-response", &response, "--today", "2026-02-30"]);
    assert_usage_error(&["check-response", &response, "--format", "problem"]);
    assert_usage_error(&["check-response", "-", "--request", "-"]);
}

#[test]
fn human_summary_counts_what_the_capped_list_left_out() {
    // 300 unknown document types and 300 unknown members: far past the 256-entry list.
    let documents: Vec<String> = (0..300).map(|i| format!("\"Q{i:03}\"")).collect();
    let members: String = (0..300).map(|i| format!(",\"x{i:03}\":1")).collect();
    let body = format!(
        "{{\"clientId\":\"c\",\"documents\":[{}]{members}}}",
        documents.join(",")
    );
    let out = check_human(&[], Some(body.as_bytes()));
    assert_eq!(out.code, 1);
    let h = Human::new(&out.stdout);
    assert!(
        h.summary("<stdin>")
            .ends_with("INVALID (300 errors, 300 warnings)"),
        "{}",
        h.summary("<stdin>")
    );
    // The list kept errors first: 256 entries, all errors but the closing marker.
    assert!(!out.stdout.contains("unknown_field"));
}

/// `--strict` counts the request's warnings and the response's together: one of each fails the
/// run, and the strict note is printed only under a valid response.
#[test]
fn check_response_strict_counts_the_request_warnings_too() {
    let request = TempFile::new("strict-request", br#"{"clientId":"c1","zzz":1}"#);
    let response = TempFile::new(
        "strict-response",
        br#"{"authToken":"t","scanRef":"s","tokenType":"DOCUMENT","clientId":"c1"}"#,
    );
    let (q, r) = (request.path(), response.path());
    let out = run(&["check-response", r, "--request", q], None);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let out = run(&["check-response", r, "--request", q, "--strict"], None);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("--strict: the warnings fail the run"));
    let invalid = br#"{"authToken":"t","tokenType":"DOCUMENT","zzz":1}"#;
    let out = run(&["check-response", "-", "--strict"], Some(invalid));
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(!out.stdout.contains("--strict"), "{}", out.stdout);
}
