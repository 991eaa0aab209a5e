//! `check --jsonl`, run as the real binary: one report per line in input order, bad lines
//! reported where they are, the summary, exit codes, and no progress bar off a terminal.

use crate::common::{run, TODAY};
use serde_json::Value;

const VALID: &str = r#"{"clientId": "c1", "firstName": "John"}"#;
const INVALID: &str = r#"{"clientId": "c1", "sex": "X"}"#;
const WARNS: &str = r#"{"clientId": "c1", "nickname": "x"}"#;

fn bulk(args: &[&str], stdin: &[u8]) -> (i32, Vec<Value>, String) {
    let mut all = vec!["check", "--today", TODAY, "--jsonl", "-"];
    all.extend_from_slice(args);
    let out = run(&all, Some(stdin));
    let lines = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out.code, lines, out.stderr)
}

fn summary(lines: &[Value]) -> &Value {
    let last = lines.last().expect("a summary line");
    &last["summary"]
}

#[test]
fn reports_every_line_in_order_with_its_number() {
    // Enough lines for several batches, so that the pool's order is really tested.
    // Uneven counts, so that one kind's count is never mistaken for another's.
    let kinds = [VALID, INVALID, WARNS, WARNS, "{not json", ""];
    let mut input = String::new();
    let mut expected = Vec::new();
    for n in 1..=5000usize {
        let kind = kinds[(n * 7) % kinds.len()];
        input.push_str(kind);
        input.push('\n');
        if !kind.is_empty() {
            expected.push((n, kind));
        }
    }
    let (code, lines, stderr) = bulk(&[], input.as_bytes());
    assert_eq!(code, 1, "some lines are invalid");
    assert!(
        stderr.is_empty(),
        "no progress bar or message off a terminal: {stderr}"
    );
    let reports = &lines[..lines.len() - 1];
    assert_eq!(
        reports.len(),
        expected.len(),
        "blank lines are not requests"
    );
    for (report, (n, kind)) in reports.iter().zip(&expected) {
        assert_eq!(report["line"], *n, "in input order");
        let valid = report["valid"].as_bool().unwrap();
        assert_eq!(
            valid,
            *kind == VALID || *kind == WARNS,
            "line {n}: {report}"
        );
        let codes: Vec<&str> = report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["code"].as_str().unwrap())
            .collect();
        let want: &[&str] = match *kind {
            VALID => &[],
            INVALID => &["invalid_value"],
            WARNS => &["unknown_field"],
            _ => &["malformed_json"],
        };
        assert_eq!(codes, want, "line {n}");
        if valid {
            assert!(
                report["request"].is_object(),
                "the normalized request, as --format json"
            );
        }
    }
    let s = summary(&lines);
    let count = |k: &str| expected.iter().filter(|(_, kind)| *kind == k).count();
    assert_eq!(s["lines"], expected.len());
    assert_eq!(s["valid"], count(VALID) + count(WARNS));
    assert_eq!(s["invalid"], count(INVALID) + count("{not json"));
    assert_eq!(s["validWithWarnings"], count(WARNS));
    assert_eq!(s["byCode"]["invalid_value"], count(INVALID));
    assert_eq!(s["byCode"]["malformed_json"], count("{not json"));
    assert_eq!(s["byCode"]["unknown_field"], count(WARNS));
}

#[test]
fn bad_lines_are_reported_and_the_run_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"clientId\": \"\xff\"}\n"); // not UTF-8
    input.extend_from_slice(b"[1, 2]\r\n"); // not an object, CRLF
    input.push(b'{');
    input.extend(std::iter::repeat_n(b' ', 2 << 20)); // over the 1 MiB limit
    input.extend_from_slice(b"}\n");
    input.extend_from_slice(VALID.as_bytes()); // no newline at the end
    let (code, lines, _) = bulk(&[], &input);
    assert_eq!(code, 1);
    let first_code = |i: usize| {
        lines[i]["violations"][0]["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        (lines[0]["line"].as_u64(), first_code(0).as_str()),
        (Some(1), "invalid_utf8")
    );
    assert_eq!(
        (lines[1]["line"].as_u64(), first_code(1).as_str()),
        (Some(2), "not_an_object")
    );
    assert_eq!(
        (lines[2]["line"].as_u64(), first_code(2).as_str()),
        (Some(3), "document_too_large")
    );
    assert_eq!(
        (lines[3]["line"].as_u64(), lines[3]["valid"].as_bool()),
        (Some(4), Some(true))
    );
    assert_eq!(summary(&lines)["lines"], 4);
}

#[test]
fn exit_codes() {
    let (code, lines, _) = bulk(&[], format!("{VALID}\n{WARNS}\n").as_bytes());
    assert_eq!(code, 0, "warnings pass");
    assert_eq!(lines.len(), 3);
    let (code, _, _) = bulk(&["--strict"], format!("{VALID}\n{WARNS}\n").as_bytes());
    assert_eq!(code, 1, "--strict fails on warnings");
    let (code, lines, _) = bulk(&[], b"");
    assert_eq!(code, 0, "no line, nothing invalid");
    assert_eq!(summary(&lines)["lines"], 0);
    let missing = run(&["check", "--jsonl", "/nonexistent/requests.jsonl"], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("/nonexistent/requests.jsonl"));
    let both = run(&["check", "--jsonl", "-", "a.json"], Some(b""));
    assert_eq!(both.code, 2, "--jsonl takes no other files");
}

#[test]
fn quiet_prints_only_the_summary() {
    let (code, lines, _) = bulk(&["--quiet"], format!("{VALID}\n{INVALID}\n").as_bytes());
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 1);
    assert_eq!(summary(&lines)["invalid"], 1);
}

#[test]
fn reads_a_file_too() {
    let dir = std::env::temp_dir().join(format!("idenfy-bulk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("requests.jsonl");
    std::fs::write(&file, format!("{VALID}\n{VALID}\n")).unwrap();
    let out = run(&["check", "--jsonl", file.to_str().unwrap()], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 3);
    assert!(out.stderr.is_empty(), "no progress bar off a terminal");
    std::fs::remove_dir_all(&dir).unwrap();
}
