//! Any bytes as a partner profile file: loading must not panic and the report must be
//! self-consistent; a profile that loads must load again, unchanged, from its own serialization
//! (the typed value and the file format agree), and checking requests with it must not panic.
#![no_main]

use idenfy_preflight::{load_profile, Context, Engine, ProfileReport, Report, Severity, Violation};
use libfuzzer_sys::fuzz_target;

/// Requests that reach the account-dependent rules: the docs' example, one member of each rule
/// a profile makes precise, and a bare one that runs on the profile's defaults alone.
const REQUESTS: &[&[u8]] = &[
    include_bytes!("../../examples/docs-request.json"),
    br#"{"clientId":"c","nfcRequired":true,"country":["LT","US"],"documents":["PASSPORT"],"questionnaire":"x","callbackUrl":"https://example.com/h"}"#,
    br#"{"clientId":"c"}"#,
    br#"{"clientId":"c","reviewFailed":true,"reviewSuccessful":false,"verifyBank":true,"verifyBankAccounts":true,"generateDigitString":true,"expiryTime":7200,"additionalSteps":{"ALL":{"ALL":{"PROOF":{"type":"UPLOAD"}}}}}"#,
    br#"{"clientId":"c","locale":"de","successUrl":"https://example.com/s","errorUrl":"https://example.com/e","riskAssessmentProfile":"e8cadb52-d429-4dc2-b788-99dfbbe8a4ab","registryCentersCountries":["LT","LV"],"checkAml":true,"utilityBill":true}"#,
    br#"{"clientId":"c","country":"ALL","documents":["DRIVER_LICENSE","passport"],"tokenType":"DOCUMENT","checkLiveness":true,"ageLimit":21,"nfcOptional":true}"#,
];

fn violation_renders(v: &Violation) {
    assert!(
        v.pointer().is_empty() || v.pointer().starts_with('/'),
        "{:?}",
        v.pointer()
    );
    // Rendering on demand must not panic either.
    let _ = (v.message(), v.params(), v.to_string());
}

fn consistent_profile_report(report: &ProfileReport) {
    let has_error = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !has_error, "{report}");
    assert_eq!(report.is_valid(), report.counts().0 == 0, "{report}");
    assert_eq!(report.is_valid(), report.profile().is_some());
    for v in report.violations() {
        violation_renders(v);
    }
    let _ = report.to_string();
    let json: serde_json::Value =
        serde_json::from_str(&report.to_json_pretty()).expect("the report serializes");
    assert_eq!(json["valid"], report.is_valid());
    assert_eq!(json["profile"].is_null(), !report.is_valid());
}

fn consistent_report(report: &Report<'_>) {
    let has_error = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !has_error);
    assert_eq!(report.is_valid(), report.error_count() == 0);
    assert_eq!(report.is_valid(), report.request().is_some());
    for v in report.violations() {
        violation_renders(v);
    }
    let _ = report.to_string();
}

fuzz_target!(|data: &[u8]| {
    let ctx = Context::new();
    let report = load_profile(data, &ctx);
    consistent_profile_report(&report);
    let Some(profile) = report.profile() else {
        return;
    };

    // (a) Idempotent: the loaded profile, written back as a file, loads as the same profile.
    let once = serde_json::to_vec(profile).expect("a profile serializes");
    let again = load_profile(&once, &ctx);
    consistent_profile_report(&again);
    assert_eq!(
        again.profile(),
        Some(profile),
        "{}\n{again}",
        String::from_utf8_lossy(&once)
    );

    // (b) A loaded profile compiles (the loader refuses every policy the engine would), and
    // checking requests with it: no panic, a consistent report.
    let with_profile = Engine::builder()
        .profile(profile.clone())
        .build()
        .expect("a loaded profile's policies apply");
    for body in REQUESTS {
        consistent_report(&with_profile.check(body, &ctx));
    }
});
