//! Effective settings: each provenance, each setting that decides others, the digit-string cap,
//! what stays unknown without a profile, and the `explain` subcommand.

use crate::common::{example, run, TODAY};
use idenfy_preflight::{explain, load_profile, Context, Engine, Profile, Provenance};
use serde_json::{json, Value};

fn profile(file: &str) -> Profile {
    load_profile(file.as_bytes(), &Context::new())
        .into_result()
        .expect("the profile loads")
}

/// The engine of `profile`.
fn engine_of(profile: Profile) -> Engine {
    Engine::builder()
        .profile(profile)
        .build()
        .expect("the profile's policies apply")
}

/// `(value, provenance)` of each member asked for, explained by `engine`.
fn settings(body: &str, engine: &Engine, members: &[&str]) -> Vec<(Option<Value>, Provenance)> {
    let e = engine.explain(body.as_bytes(), &Context::new());
    members
        .iter()
        .map(|m| {
            let s = e.setting(m).unwrap_or_else(|| panic!("{m} is a setting"));
            (s.value.clone(), s.provenance)
        })
        .collect()
}

#[test]
fn without_a_profile_the_account_s_settings_are_unknown() {
    let got = settings(
        r#"{"clientId": "c", "verifyEmail": true}"#,
        &Engine::default(),
        &[
            "verifyEmail",
            "tokenType",
            "locale",
            "expiryTime",
            "sessionLength",
            "country",
            "checkAml",
            "questionnaireRequired",
            "generateDigitString",
        ],
    );
    // Only what the dashboard cannot preset has a value the docs can vouch for.
    assert_eq!(
        got,
        [
            (Some(json!(true)), Provenance::Request),
            (None, Provenance::Unknown),
            (None, Provenance::Unknown),
            (Some(json!(86400)), Provenance::ApiDefault),
            (Some(json!(1800)), Provenance::ApiDefault),
            (None, Provenance::Unknown),
            (None, Provenance::Unknown),
            (None, Provenance::Unknown),
            (None, Provenance::Unknown),
        ]
    );
    // The documented default is still said, for what the dashboard leaves alone.
    let e = explain(br#"{"clientId": "c"}"#, &Context::new());
    let token = e.setting("tokenType").expect("a setting");
    assert_eq!(token.api_default, Some(json!("IDENTIFICATION")));
    assert_eq!(
        e.setting("checkAml").and_then(|s| s.api_default.clone()),
        None
    );
}

/// `questionnaire: null` disables the questionnaire ("Pass null to disable"); for any other
/// member `null` is the default, and a profile default of `null` is unknown, as the rules read
/// it.
#[test]
fn null_is_a_value_only_where_it_turns_something_off() {
    let engine = engine_of(profile(
        r#"{"defaults": {"questionnaire": "kyc", "verifyBank": null, "locale": "lt"}}"#,
    ));
    let got = settings(
        r#"{"clientId": "c", "questionnaire": null, "locale": null}"#,
        &engine,
        &["questionnaire", "locale", "verifyBank"],
    );
    assert_eq!(
        got,
        [
            (Some(Value::Null), Provenance::Request),
            (Some(json!("lt")), Provenance::ProfileDefault),
            (None, Provenance::Unknown),
        ]
    );
}

/// A feature the environment lacks is off even where a default says on, and decides nothing
/// (the rules between members read it so too). A profile file saying both is refused (the
/// profile checks itself: `feature_not_in_environment` at the default); one built in Rust is
/// used as given.
#[test]
fn the_environment_comes_before_the_dashboard() {
    let both = r#"{"features": ["checkLiveness"], "defaults": {"checkAml": true}}"#;
    assert!(load_profile(both.as_bytes(), &Context::new())
        .profile()
        .is_none());
    let mut given = profile(r#"{"features": ["checkLiveness"]}"#);
    given.defaults.insert("checkAml".into(), json!(true));
    let engine = engine_of(given);
    let got = settings(
        r#"{"clientId": "c", "checkLiveness": true}"#,
        &engine,
        &["checkAml", "autoFaceMatching", "checkLiveness"],
    );
    assert_eq!(
        got,
        [
            (Some(json!(false)), Provenance::NotInEnvironment),
            (Some(json!(false)), Provenance::NotInEnvironment),
            (Some(json!(true)), Provenance::Request),
        ]
    );
}

#[test]
fn the_request_wins_over_the_profile_and_null_falls_back_to_it() {
    let engine = engine_of(profile(
        r#"{"defaults": {"locale": "lt", "tokenType": "DOCUMENT", "questionnaire": null},
            "defaultExpiryTime": 7200, "defaultSessionLength": 900}"#,
    ));
    let got = settings(
        r#"{"clientId": "c", "locale": "EN", "tokenType": null}"#,
        &engine,
        &[
            "locale",
            "tokenType",
            "questionnaire",
            "expiryTime",
            "sessionLength",
        ],
    );
    assert_eq!(
        got,
        [
            (Some(json!("en")), Provenance::Request),
            (Some(json!("DOCUMENT")), Provenance::ProfileDefault),
            (Some(Value::Null), Provenance::ProfileDefault),
            (Some(json!(7200)), Provenance::ProfileDefault),
            (Some(json!(900)), Provenance::ProfileDefault),
        ]
    );
}

#[test]
fn a_setting_decides_others_whatever_they_are_set_to() {
    let engine = engine_of(profile(r#"{"defaults": {"autoFaceMatching": false}}"#));
    let body = r#"{"clientId": "c", "checkLiveness": true, "nfcRequired": true, "nfcOptional": true,
        "verifyBank": false, "verifyBankAccounts": true}"#;
    let got = settings(
        body,
        &engine,
        &[
            "autoFaceMatching",
            "checkLiveness",
            "checkDuplicateFaces",
            "nfcOptional",
            "verifyBankAccounts",
            "verifyBankBalances",
        ],
    );
    let forced = |by| (Some(json!(false)), Provenance::Forced { by });
    assert_eq!(
        got,
        [
            (Some(json!(false)), Provenance::ProfileDefault),
            forced("autoFaceMatching"),
            forced("autoFaceMatching"),
            forced("nfcRequired"),
            forced("verifyBank"),
            forced("verifyBank"),
        ]
    );
    // The same checks with autoFaceMatching on by the request: nothing decides them.
    let on = settings(
        r#"{"clientId": "c", "autoFaceMatching": true, "checkLiveness": true}"#,
        &engine,
        &["checkLiveness", "checkDuplicateFaces"],
    );
    assert_eq!(
        on,
        [
            (Some(json!(true)), Provenance::Request),
            (None, Provenance::Unknown)
        ]
    );
}

/// tokenType DOCUMENT takes no selfie: the checks that need one run off, forced by tokenType,
/// whether it comes from the request or the dashboard default; the document-photo checks are
/// not forced (autoFaceMatching is off for want of a selfie, not switched off).
#[test]
fn a_document_token_forces_the_face_checks_off() {
    let face = [
        "checkLiveness",
        "idLiveFaceValidation",
        "checkFaceBlacklist",
        "checkDuplicateFaces",
        "autoFaceMatching",
        "checkDocFaceBlacklist",
    ];
    let body = r#"{"clientId": "c", "tokenType": "DOCUMENT", "checkLiveness": true,
        "checkDocFaceBlacklist": true}"#;
    let forced = (Some(json!(false)), Provenance::Forced { by: "tokenType" });
    let by_token = [
        forced.clone(),
        forced.clone(),
        forced.clone(),
        forced.clone(),
        forced.clone(),
        (Some(json!(true)), Provenance::Request),
    ];
    assert_eq!(settings(body, &Engine::default(), &face), by_token);
    // The report warns at the same check.
    let e = explain(body.as_bytes(), &Context::new());
    let warned: Vec<_> = e
        .report()
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().as_str()))
        .collect();
    assert_eq!(
        warned,
        [("/checkLiveness".to_owned(), "face_check_without_selfie")]
    );
    // From the dashboard default, the same.
    let engine = engine_of(profile(
        r#"{"defaults": {"tokenType": "DOCUMENT", "checkLiveness": true}}"#,
    ));
    let by_default = settings(
        r#"{"clientId": "c", "checkDocFaceBlacklist": true}"#,
        &engine,
        &face,
    );
    assert_eq!(by_default, by_token);
    assert_eq!(
        settings(r#"{"clientId": "c"}"#, &engine, &["tokenType"]),
        [(Some(json!("DOCUMENT")), Provenance::ProfileDefault)]
    );
    // IDENTIFICATION, or no tokenType (the account decides), forces nothing.
    for body in [
        r#"{"clientId": "c", "tokenType": "IDENTIFICATION", "checkLiveness": true}"#,
        r#"{"clientId": "c", "checkLiveness": true}"#,
    ] {
        let got = settings(
            body,
            &Engine::default(),
            &["checkLiveness", "autoFaceMatching"],
        );
        assert_eq!(
            got,
            [
                (Some(json!(true)), Provenance::Request),
                (None, Provenance::Unknown)
            ],
            "{body}"
        );
    }
    // A request's IDENTIFICATION wins over a DOCUMENT default.
    let got = settings(
        r#"{"clientId": "c", "tokenType": "IDENTIFICATION"}"#,
        &engine,
        &["checkLiveness"],
    );
    assert_eq!(got, [(Some(json!(true)), Provenance::ProfileDefault)]);
}

/// Two settings deciding one: the first forcing names it (tokenType before autoFaceMatching),
/// and each decides on the value the request gives, not on one another forced.
#[test]
fn the_first_forcing_names_a_setting_two_decide() {
    let got = settings(
        r#"{"clientId": "c", "tokenType": "DOCUMENT", "autoFaceMatching": false}"#,
        &Engine::default(),
        &["autoFaceMatching", "checkLiveness", "checkDocFaceBlacklist"],
    );
    assert_eq!(
        got,
        [
            (Some(json!(false)), Provenance::Forced { by: "tokenType" }),
            (Some(json!(false)), Provenance::Forced { by: "tokenType" }),
            (
                Some(json!(false)),
                Provenance::Forced {
                    by: "autoFaceMatching"
                }
            ),
        ]
    );
}

#[test]
fn a_digit_string_caps_an_expiry_the_request_leaves_out() {
    let engine = engine_of(profile(r#"{"digitStringMaxExpiry": 3600}"#));
    let capped = settings(
        r#"{"clientId": "c", "generateDigitString": true}"#,
        &engine,
        &["expiryTime"],
    );
    assert_eq!(
        capped,
        [(
            Some(json!(3600)),
            Provenance::Forced {
                by: "generateDigitString"
            }
        )]
    );
    // At the limit, and without a digit string, the default stands.
    let engine_at = engine_of(profile(r#"{"digitStringMaxExpiry": 86400}"#));
    let at = settings(
        r#"{"clientId": "c", "generateDigitString": true}"#,
        &engine_at,
        &["expiryTime"],
    );
    assert_eq!(at, [(Some(json!(86400)), Provenance::ApiDefault)]);
    let none = settings(r#"{"clientId": "c"}"#, &engine, &["expiryTime"]);
    assert_eq!(none, [(Some(json!(86400)), Provenance::ApiDefault)]);
    // One the request sets above the limit stays the request's: the report has the error.
    let e = engine.explain(
        br#"{"clientId": "c", "generateDigitString": true, "expiryTime": 3601}"#,
        &Context::new(),
    );
    assert!(!e.report().is_valid());
    assert_eq!(
        e.setting("expiryTime").map(|s| s.provenance),
        Some(Provenance::Request)
    );
    // The context's default expiry is the account's when no profile says.
    let custom = Engine::builder()
        .default_expiry_time(600)
        .build()
        .expect("no policy");
    assert_eq!(
        settings(r#"{"clientId": "c"}"#, &custom, &["expiryTime"]),
        [(Some(json!(600)), Provenance::ProfileDefault)]
    );
}

#[test]
fn a_feature_the_environment_lacks_is_off() {
    let engine = engine_of(profile(r#"{"features": ["verifyEmail"]}"#));
    let got = settings(
        r#"{"clientId": "c"}"#,
        &engine,
        &["checkAml", "verifyEmail", "ageLimit"],
    );
    assert_eq!(
        got,
        [
            (Some(json!(false)), Provenance::NotInEnvironment),
            (None, Provenance::Unknown),
            (None, Provenance::Unknown),
        ]
    );
}

/// An invalid request is still explained (the report says it would not run), and settings are
/// the dashboard's ones, never personal data.
#[test]
fn settings_are_explained_for_an_invalid_request_too() {
    let e = explain(
        br#"{"clientId": "c", "firstName": "J0hn", "locale": 7}"#,
        &Context::new(),
    );
    assert!(!e.report().is_valid());
    assert_eq!(
        e.setting("locale").map(|s| s.value.clone()),
        Some(Some(json!(7)))
    );
    assert!(e.setting("firstName").is_none() && e.setting("clientId").is_none());
    let e = explain(b"not json", &Context::new());
    assert_eq!(
        e.setting("sessionLength").map(|s| s.provenance),
        Some(Provenance::ApiDefault)
    );
}

#[test]
fn the_json_says_where_each_value_comes_from() {
    let engine = engine_of(profile(r#"{"defaults": {"autoFaceMatching": false}}"#));
    let json: Value = serde_json::from_str(
        &engine
            .explain(br#"{"clientId": "c"}"#, &Context::new())
            .to_json_pretty(),
    )
    .expect("JSON");
    assert_eq!(json["valid"], true);
    let find = |m: &str| {
        json["settings"]
            .as_array()
            .and_then(|a| a.iter().find(|s| s["member"] == m))
            .cloned()
            .unwrap_or_else(|| panic!("{m}"))
    };
    assert_eq!(
        find("checkLiveness"),
        json!({"member": "checkLiveness", "value": false, "source": "forced", "by": "autoFaceMatching"})
    );
    assert_eq!(
        find("checkAml"),
        json!({"member": "checkAml", "source": "unknown"})
    );
    assert_eq!(
        find("autoFaceMatching"),
        json!({"member": "autoFaceMatching", "value": false, "source": "profile_default"})
    );
}

#[test]
fn the_explain_subcommand_prints_the_table_and_the_json() {
    let profile = example("profile.json");
    let request = br#"{"clientId": "c", "firstName": "Ona", "lastName": "Jonaite",
        "nfcRequired": true, "nfcOptional": true, "checkLiveness": true}"#;
    let out = run(
        &["explain", "--today", TODAY, "--profile", &profile],
        Some(request),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = |m: &str| {
        out.stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(m))
            .unwrap_or_else(|| panic!("{m}: {}", out.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        line("nfcOptional"),
        "nfcOptional false forced by nfcRequired"
    );
    assert_eq!(line("locale"), "locale \"lt\" profile default");
    assert_eq!(
        line("checkLid"),
        "checkLid false not in the environment (profile features)"
    );
    assert!(
        out.stdout.contains("nfc_required_and_optional"),
        "{}",
        out.stdout
    );
    let json = run(
        &["explain", "--format", "json", "--today", TODAY],
        Some(request),
    );
    let v: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert!(v["settings"].as_array().is_some_and(|s| s.len() > 40));
    // Invalid: exit 1, settings still shown; unreadable: exit 2.
    let bad = run(&["explain", "--today", TODAY], Some(br#"{"clientId": 1}"#));
    assert_eq!(bad.code, 1);
    assert!(bad.stdout.contains("settings the session runs with:"));
    let missing = run(&["explain", "/nonexistent/request.json"], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("cannot read"), "{}", missing.stderr);
    let strict = run(&["explain", "--strict", "--today", TODAY], Some(request));
    assert_eq!(strict.code, 1, "the warning fails --strict");
}
