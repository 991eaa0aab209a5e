//! `--profile FILE` on `check` and `check-response`, run as the real binary: the profile's rules
//! apply, a broken profile is reported (exit 2) and no request is checked, a profile with only
//! warnings says so on standard error and changes nothing else.

use crate::common::{example, run, TODAY};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory of its own under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "idenfy-preflight-cli-profile-{}-{}-{label}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Writes `contents` to `name` in the directory; its path as a string.
    fn file(&self, name: &str, contents: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write temp file");
        path.to_str().expect("temp path is UTF-8").to_owned()
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The three parts of examples/profile.json that [`AGAINST_PROFILE`] breaks, alone, so that the
/// tests counting violations do not depend on the example's other parts.
const RULES_PROFILE: &str = r#"{"permissions": {"reviewFailedEdit": false},
    "nfcCountries": ["LT", "LV", "EE"], "questionnaires": ["c8QgVx5xzspjVnQ4nJ7MCf", "kyc-basic"]}"#;

/// A request that breaks three rules of examples/profile.json and [`RULES_PROFILE`] (no
/// review_failed_edit permission, NFC only for LT/LV/EE, questionnaires c8Qg… and kyc-basic)
/// and none without a profile.
const AGAINST_PROFILE: &str = r#"{"clientId": "c", "reviewFailed": true, "nfcRequired": true,
    "country": "US", "questionnaire": "kyc-basik"}"#;

/// A profile with two errors: an unknown flow and a permission that is not a boolean.
const BROKEN_PROFILE: &str = r#"{"flow": "popup", "permissions": {"reviewFailedEdit": "yes"}}"#;

/// A profile whose one problem is a warning: an undocumented member near `nfcCountries`.
const WARNING_PROFILE: &str = r#"{"allowedDocuments": {"LV": ["VOTER_CARD"]}}"#;

/// A request that passes with and without any of the profiles above.
const CLEAN: &str = r#"{"clientId": "c", "country": "LT", "documents": ["PASSPORT"]}"#;

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON value ({e}): {stdout}"))
}

fn violations(report: &Value) -> &[Value] {
    report["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("no violations array in {report:#}"))
}

fn find<'a>(report: &'a Value, pointer: &str, code: &str) -> &'a Value {
    violations(report)
        .iter()
        .find(|v| v["pointer"] == pointer && v["code"] == code)
        .unwrap_or_else(|| panic!("no {code} at {pointer:?} in {report:#}"))
}

#[test]
fn the_docs_request_passes_with_the_example_profile() {
    let profile = example("profile.json");
    let request = example("docs-request.json");
    let out = run(
        &["check", "--profile", &profile, &request, "--today", TODAY],
        None,
    );
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.stdout, out.stderr);
    // The example profile loads without a warning, so nothing is said about it.
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    assert!(out.stdout.contains("VALID"), "{}", out.stdout);

    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--profile",
            &profile,
            &request,
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], true, "{report:#}");
    assert!(report["request"].is_object());
}

/// The three violations of [`AGAINST_PROFILE`], in JSON and in human output; exactly those with
/// `profile`, among others with a fuller one.
fn fails_with_the_profile_codes(profile: &str, exactly: bool) {
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--profile",
            profile,
            "--today",
            TODAY,
        ],
        Some(AGAINST_PROFILE.as_bytes()),
    );
    assert_eq!(out.code, 1, "stdout {}\nstderr {}", out.stdout, out.stderr);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], false);
    assert!(report["request"].is_null());

    let permission = find(&report, "/reviewFailed", "missing_permission");
    assert_eq!(permission["severity"], "error");
    assert_eq!(permission["params"]["permission"], "review_failed_edit");
    let nfc = find(&report, "/country", "nfc_country_unsupported");
    assert_eq!(nfc["severity"], "error");
    let questionnaire = find(&report, "/questionnaire", "inactive_questionnaire");
    assert_eq!(questionnaire["severity"], "error");
    assert_eq!(questionnaire["params"]["closest"], "kyc-basic");
    if exactly {
        assert_eq!(violations(&report).len(), 3, "{report:#}");
    }

    // The human output names the same codes at the same members.
    let out = run(
        &["check", "--profile", profile, "--today", TODAY],
        Some(AGAINST_PROFILE.as_bytes()),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    for (pointer, code) in [
        ("/reviewFailed", "missing_permission"),
        ("/country", "nfc_country_unsupported"),
        ("/questionnaire", "inactive_questionnaire"),
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.contains(pointer) && l.contains(code)),
            "no {code} at {pointer} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn a_request_against_the_profile_rules_fails_with_their_codes() {
    let dir = TempDir::new("rules");
    fails_with_the_profile_codes(&dir.file("profile.json", RULES_PROFILE), true);
}

#[test]
fn a_request_against_the_example_profile_fails_with_its_codes() {
    fails_with_the_profile_codes(&example("profile.json"), false);
}

#[test]
fn the_same_request_passes_without_a_profile() {
    let out = run(
        &["check", "--format", "json", "--today", TODAY],
        Some(AGAINST_PROFILE.as_bytes()),
    );
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.stdout, out.stderr);
    assert!(out.stderr.is_empty(), "stderr: {}", out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], true);
    assert!(violations(&report).is_empty(), "{report:#}");
}

#[test]
fn a_broken_profile_is_reported_and_no_request_is_checked() {
    let dir = TempDir::new("broken-human");
    let profile = dir.file("profile.json", BROKEN_PROFILE);
    let out = run(
        &["check", "--profile", &profile, "--today", TODAY],
        Some(AGAINST_PROFILE.as_bytes()),
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    // The profile's violations, each at its pointer into the profile file.
    for (pointer, code) in [
        ("/flow", "invalid_value"),
        ("/permissions/reviewFailedEdit", "wrong_type"),
    ] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.trim_start().starts_with(pointer) && l.contains(code)),
            "no {code} at {pointer} in\n{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains(&profile), "{}", out.stdout);
    // Nothing of the request: it was not checked.
    for request_code in [
        "missing_permission",
        "nfc_country_unsupported",
        "inactive_questionnaire",
    ] {
        assert!(!out.stdout.contains(request_code), "{}", out.stdout);
    }
    assert!(!out.stdout.contains("<stdin>"), "{}", out.stdout);
    assert!(
        out.stderr.contains("nothing was checked"),
        "stderr: {}",
        out.stderr
    );
    assert!(out.stderr.contains(&profile), "stderr: {}", out.stderr);
}

#[test]
fn a_broken_profile_in_json_is_the_profile_report() {
    let dir = TempDir::new("broken-json");
    let profile = dir.file("profile.json", BROKEN_PROFILE);
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        Some(AGAINST_PROFILE.as_bytes()),
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    let mut keys: Vec<&str> = report
        .as_object()
        .expect("top level is an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["profile", "valid", "violations"], "{report:#}");
    assert_eq!(report["valid"], false);
    assert!(report["profile"].is_null());
    let flow = find(&report, "/flow", "invalid_value");
    assert_eq!(flow["severity"], "error");
    let permission = find(&report, "/permissions/reviewFailedEdit", "wrong_type");
    assert_eq!(permission["severity"], "error");
    // Every violation points into the profile, none into the request.
    for v in violations(&report) {
        let pointer = v["pointer"].as_str().expect("pointer is a string");
        assert!(
            pointer.starts_with("/flow") || pointer.starts_with("/permissions"),
            "{pointer} is not in the profile: {report:#}"
        );
    }
    assert!(
        out.stderr.contains("nothing was checked"),
        "stderr: {}",
        out.stderr
    );
}

#[test]
fn a_profile_that_is_not_json_exits_2() {
    let dir = TempDir::new("not-json");
    let profile = dir.file("profile.json", r#"{"flow": "redirect""#);
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        Some(CLEAN.as_bytes()),
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], false);
    assert!(report["profile"].is_null());
    let malformed = find(&report, "", "malformed_json");
    assert_eq!(malformed["severity"], "error");
    assert!(out.stderr.contains("nothing was checked"), "{}", out.stderr);
}

#[test]
fn a_profile_with_only_a_warning_is_used_and_the_warning_goes_to_stderr() {
    let dir = TempDir::new("warning");
    let profile = dir.file("profile.json", WARNING_PROFILE);
    for format in ["human", "json"] {
        let with = run(
            &[
                "check",
                "--format",
                format,
                "--profile",
                &profile,
                "--today",
                TODAY,
            ],
            Some(CLEAN.as_bytes()),
        );
        let without = run(
            &["check", "--format", format, "--today", TODAY],
            Some(CLEAN.as_bytes()),
        );
        assert_eq!(
            with.code, 0,
            "{format}: stdout {}\nstderr {}",
            with.stdout, with.stderr
        );
        assert_eq!(without.code, 0, "{format}: {}", without.stderr);
        assert_eq!(with.stdout, without.stdout, "{format}: stdout changed");
        assert!(without.stderr.is_empty(), "{format}: {}", without.stderr);
        assert!(
            with.stderr
                .lines()
                .any(|l| l.contains("/allowedDocuments/LV/0") && l.contains("legacy_document_type")),
            "{format}: stderr {}",
            with.stderr
        );
        assert!(with.stderr.contains("ID_CARD"), "{}", with.stderr);
        assert!(with.stderr.contains(&profile), "{}", with.stderr);
    }

    // A warning does not keep the rest of the profile from applying.
    let profile = dir.file(
        "with-permissions.json",
        r#"{"allowedDocuments": {"LV": ["VOTER_CARD"]}, "permissions": {"callbackOverride": false}}"#,
    );
    let out = run(
        &[
            "check",
            "--format",
            "json",
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        Some(br#"{"clientId": "c", "callbackUrl": "https://example.com/hook"}"#),
    );
    assert_eq!(out.code, 1, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    let permission = find(&report, "/callbackUrl", "missing_permission");
    assert_eq!(permission["params"]["permission"], "callback_override");
    assert!(
        out.stderr.contains("/allowedDocuments/LV/0"),
        "{}",
        out.stderr
    );
}

/// A typo in a profile member's name, or a request file given as the profile, is an error:
/// ignoring the member would silently turn a check off.
#[test]
fn an_undocumented_profile_member_is_an_error() {
    let dir = TempDir::new("undocumented");
    let typo = dir.file("typo.json", r#"{"nfcCountrys": ["LT"]}"#);
    let request = example("docs-request.json");
    for profile in [typo.as_str(), request.as_str()] {
        let out = run(
            &["check", "--profile", profile, "--today", TODAY],
            Some(CLEAN.as_bytes()),
        );
        assert_eq!(out.code, 2, "{profile}: {}", out.stdout);
        assert!(out.stdout.contains("unknown_field"), "{}", out.stdout);
        assert!(
            out.stdout
                .contains(&format!("partner profile {profile}: INVALID")),
            "{}",
            out.stdout
        );
    }
    let out = run(
        &["check", "--profile", "/nonexistent/profile.json"],
        Some(CLEAN.as_bytes()),
    );
    assert!(
        out.stderr
            .contains("--profile: cannot read /nonexistent/profile.json"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unreadable_profile_exits_2() {
    let dir = TempDir::new("unreadable");
    let missing = dir.path().join("does-not-exist.json");
    let missing = missing.to_str().expect("temp path is UTF-8");
    let request = example("docs-request.json");
    let directory = dir.path().to_str().expect("temp path is UTF-8");
    for path in [missing, directory] {
        for format in ["human", "json"] {
            let out = run(
                &[
                    "check",
                    "--format",
                    format,
                    "--profile",
                    path,
                    &request,
                    "--today",
                    TODAY,
                ],
                None,
            );
            assert_eq!(out.code, 2, "{path} {format}: stdout {}", out.stdout);
            assert!(
                out.stdout.is_empty(),
                "{path} {format}: stdout {}",
                out.stdout
            );
            assert!(
                out.stderr.contains("cannot read") && out.stderr.contains(path),
                "{path} {format}: stderr {}",
                out.stderr
            );
        }
    }
}

#[test]
fn jsonl_applies_the_profile() {
    let dir = TempDir::new("jsonl");
    let profile = dir.file("profile.json", RULES_PROFILE);
    let lines = format!("{}\n{}\n", AGAINST_PROFILE.replace('\n', " "), CLEAN);
    let with = run(
        &[
            "check",
            "--today",
            TODAY,
            "--profile",
            &profile,
            "--jsonl",
            "-",
        ],
        Some(lines.as_bytes()),
    );
    assert_eq!(
        with.code, 1,
        "stdout {}\nstderr {}",
        with.stdout, with.stderr
    );
    assert!(with.stderr.is_empty(), "stderr: {}", with.stderr);
    let out: Vec<Value> = with.stdout.lines().map(json).collect();
    assert_eq!(out.len(), 3, "two reports and a summary: {}", with.stdout);
    assert_eq!(out[0]["line"], 1);
    assert_eq!(out[0]["valid"], false);
    assert_eq!(
        find(&out[0], "/reviewFailed", "missing_permission")["params"]["permission"],
        "review_failed_edit"
    );
    find(&out[0], "/country", "nfc_country_unsupported");
    assert_eq!(
        find(&out[0], "/questionnaire", "inactive_questionnaire")["params"]["closest"],
        "kyc-basic"
    );
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[1]["valid"], true, "{:#}", out[1]);
    let summary = &out[2]["summary"];
    assert_eq!(summary["lines"], 2, "{summary:#}");
    assert_eq!(summary["invalid"], 1, "{summary:#}");
    assert_eq!(summary["byCode"]["missing_permission"], 1, "{summary:#}");

    // Without the profile both lines pass.
    let without = run(
        &["check", "--today", TODAY, "--jsonl", "-"],
        Some(lines.as_bytes()),
    );
    assert_eq!(without.code, 0, "{}", without.stdout);
    let out: Vec<Value> = without.stdout.lines().map(json).collect();
    assert_eq!(out[0]["valid"], true, "{:#}", out[0]);
    assert_eq!(out[2]["summary"]["invalid"], 0);
}

#[test]
fn jsonl_with_a_broken_profile_exits_2_without_checking() {
    let dir = TempDir::new("jsonl-broken");
    let profile = dir.file("profile.json", BROKEN_PROFILE);
    let out = run(
        &[
            "check",
            "--today",
            TODAY,
            "--profile",
            &profile,
            "--jsonl",
            "-",
        ],
        Some(format!("{CLEAN}\n").as_bytes()),
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    // JSON Lines out: the profile's report is one line, as a reader of the stream expects.
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], false);
    assert!(report["profile"].is_null());
    assert!(report.get("line").is_none(), "no request line was checked");
    find(&report, "/flow", "invalid_value");
    assert!(out.stderr.contains("nothing was checked"), "{}", out.stderr);
}

#[test]
fn check_response_with_a_broken_profile_exits_2() {
    let dir = TempDir::new("response-broken");
    let profile = dir.file("profile.json", BROKEN_PROFILE);
    let response = example("docs-response.json");
    let request = example("docs-request.json");

    let out = run(
        &[
            "check-response",
            &response,
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("/flow") && l.contains("invalid_value")),
        "{}",
        out.stdout
    );
    assert!(out.stderr.contains(&profile), "stderr: {}", out.stderr);
    assert!(out.stderr.contains("has errors"), "stderr: {}", out.stderr);

    let out = run(
        &[
            "check-response",
            &response,
            "--request",
            &request,
            "--format",
            "json",
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(out.code, 2, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], false);
    assert!(report["profile"].is_null());
    assert!(
        report.get("redirectUrl").is_none(),
        "the response was not checked"
    );
    find(&report, "/permissions/reviewFailedEdit", "wrong_type");
}

#[test]
fn check_response_with_a_good_profile_checks_the_request_with_it() {
    let profile = example("profile.json");
    let response = example("docs-response.json");
    let good = run(
        &[
            "check-response",
            &response,
            "--request",
            &example("docs-request.json"),
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(
        good.code, 0,
        "stdout {}\nstderr {}",
        good.stdout, good.stderr
    );

    // A request the profile refuses: the response is not compared with it.
    let dir = TempDir::new("response-request");
    let request = dir.file("request.json", AGAINST_PROFILE);
    let out = run(
        &[
            "check-response",
            &response,
            "--request",
            &request,
            "--format",
            "json",
            "--profile",
            &profile,
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(out.code, 1, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    assert_eq!(report["valid"], false);
    find(&report["request"], "/reviewFailed", "missing_permission");
}

/// Standard input is for the bodies: a profile cannot be read from it.
#[test]
fn a_profile_from_standard_input_is_a_usage_error() {
    for sub in [&["check"][..], &["check-response"], &["explain"]] {
        let mut args = sub.to_vec();
        args.extend(["--profile", "-"]);
        let out = run(&args, Some(b"{}"));
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        assert!(
            out.stderr.contains("--profile needs a file"),
            "{}",
            out.stderr
        );
    }
}

/// `check-response --profile` compares what the response says of the account with the
/// profile: its `allowedDocuments` both ways (by the profile's list for the country, or its
/// `ALL` list), and the defaults it filled in for the members the request left out. Each
/// difference is a `profile_mismatch` warning (the profile is out of date), exit 0.
#[test]
fn check_response_with_a_profile_compares_the_account() {
    let dir = TempDir::new("response-account");
    let profile = dir.file(
        "profile.json",
        r#"{"allowedDocuments": {"LT": ["ID_CARD", "PASSPORT"], "ALL": ["PASSPORT"]},
            "defaults": {"locale": "lt", "showInstructions": true, "questionnaire": "kyc-basic"}}"#,
    );
    let request = dir.file(
        "request.json",
        r#"{"clientId": "c", "showInstructions": false, "questionnaire": null}"#,
    );
    let response = dir.file(
        "response.json",
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "IDENTIFICATION", "clientId": "c",
            "locale": "en", "showInstructions": false, "questionnaire": null,
            "allowedDocuments": {"lt": ["PASSPORT", "DRIVER_LICENSE"], "LV": ["PASSPORT"]}}"#,
    );
    let args = |response: &str| {
        run(
            &[
                "check-response",
                response,
                "--request",
                &request,
                "--profile",
                &profile,
                "--format",
                "json",
                "--today",
                TODAY,
            ],
            None,
        )
    };
    let out = args(&response);
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.stdout, out.stderr);
    let report = json(&out.stdout);
    let got: Vec<(&str, &str, &str)> = violations(&report)
        .iter()
        .map(|v| {
            (
                v["pointer"].as_str().unwrap_or(""),
                v["code"].as_str().unwrap_or(""),
                v["params"]["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("/locale", "profile_mismatch", "other_default"),
            (
                "/allowedDocuments/LT",
                "profile_mismatch",
                "not_in_response"
            ),
            (
                "/allowedDocuments/LT/1",
                "profile_mismatch",
                "not_in_profile"
            ),
        ],
        "{report:#}"
    );
    let lt = find(&report, "/allowedDocuments/LT/1", "profile_mismatch");
    assert_eq!(lt["severity"], "warning");
    assert_eq!(lt["params"]["country"], "LT");
    assert_eq!(lt["params"]["document"], "DRIVER_LICENSE");
    let missing = find(&report, "/allowedDocuments/LT", "profile_mismatch");
    assert_eq!(missing["params"]["document"], "ID_CARD");
    // LV follows ALL (PASSPORT) and agrees; showInstructions and questionnaire were sent, so
    // their echo is the request's business, not the profile's.

    // The same account, described right: nothing to say.
    let agrees = dir.file(
        "agrees.json",
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "IDENTIFICATION", "clientId": "c",
            "locale": "lt", "showInstructions": false, "questionnaire": null,
            "allowedDocuments": {"LT": ["PASSPORT", "ID_CARD"], "ALL": ["PASSPORT"]}}"#,
    );
    let out = args(&agrees);
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.stdout, out.stderr);
    assert_eq!(
        violations(&json(&out.stdout)),
        &[] as &[Value],
        "{}",
        out.stdout
    );

    // Without the profile, the account is not compared.
    let out = run(
        &[
            "check-response",
            &response,
            "--request",
            &request,
            "--format",
            "json",
            "--today",
            TODAY,
        ],
        None,
    );
    assert_eq!(out.code, 0, "stdout {}\nstderr {}", out.stdout, out.stderr);
    assert_eq!(
        violations(&json(&out.stdout)),
        &[] as &[Value],
        "{}",
        out.stdout
    );
}
