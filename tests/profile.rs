//! The partner profile file: the loader reports what is wrong with it at pointers into the
//! file (never a panic, never a half-read profile), the example loads, the schema agrees with
//! the loader, and a request is checked against a profile only when the profile loaded.

use idenfy_preflight::{
    check_str, load_profile, schema, Code, Context, Engine, Flow, Profile, Severity,
};
use serde_json::{json, Value};
use std::path::PathBuf;

fn example() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/profile.json");
    std::fs::read(path).expect("examples/profile.json is readable")
}

fn found(file: &[u8]) -> Vec<(String, Code, Severity)> {
    load_profile(file, &Context::new())
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code(), v.severity()))
        .collect()
}

#[test]
fn the_example_profile_loads_with_every_part() {
    let report = load_profile(&example(), &Context::new());
    assert_eq!(report.violations(), &[], "{report}");
    let p = report.profile().expect("loads");
    assert_eq!(p.permissions.callback_override, Some(true));
    assert_eq!(p.permissions.bank_packet, Some(false));
    assert!(p.features.as_ref().is_some_and(|f| f.contains("checkAml")));
    assert_eq!(p.default_of("verifyBank"), Some(&json!(false)));
    assert_eq!(p.default_expiry_time, Some(86_400));
    assert_eq!(p.default_session_length, Some(1800));
    assert_eq!(p.digit_string_limit(), Some(3600));
    assert!(p
        .questionnaires
        .as_ref()
        .is_some_and(|q| q.contains("kyc-basic")));
    assert!(p
        .risk_assessment_profiles
        .as_ref()
        .is_some_and(|r| r.contains("12")));
    assert!(p
        .allowed_documents
        .as_ref()
        .is_some_and(|a| a["LV"].contains("PASSPORT")));
    assert!(p.nfc_countries.as_ref().is_some_and(|n| n.contains("EE")));
    assert!(p
        .registry_center_countries
        .as_ref()
        .is_some_and(|r| r.contains("LT")));
    assert!(p.locales.as_ref().is_some_and(|l| l.contains("ru")));
    assert_eq!(p.flow, Some(Flow::Redirect));
}

/// An empty profile knows nothing: every part unknown, and every request checks as without one.
#[test]
fn an_empty_profile_is_no_profile() {
    let p = load_profile(b"{}", &Context::new())
        .into_result()
        .expect("loads");
    assert_eq!(p, Profile::default());
    let nulls = br#"{"permissions": null, "features": null, "defaults": null, "flow": null,
        "nfcCountries": null, "allowedDocuments": null, "digitStringMaxExpiry": null}"#;
    assert_eq!(
        load_profile(nulls, &Context::new()).into_result().ok(),
        Some(Profile::default())
    );
}

#[test]
fn values_are_normalized_like_the_request_s() {
    let file =
        br#"{"nfcCountries": ["lt"], "locales": ["EN"], "allowedDocuments": {"lv": ["passport"]},
        "defaults": {"country": "lt", "documents": ["id_card"]}}"#;
    let p = load_profile(file, &Context::new())
        .into_result()
        .expect("loads");
    assert!(p.nfc_countries.is_some_and(|n| n.contains("LT")));
    assert!(p.locales.is_some_and(|l| l.contains("en")));
    assert!(p
        .allowed_documents
        .is_some_and(|a| a["LV"].contains("PASSPORT")));
    assert_eq!(p.defaults["country"], json!("LT"));
    assert_eq!(p.defaults["documents"], json!(["ID_CARD"]));
}

/// A profile's integers written with a zero fraction are the integers (with the request's
/// warning); its locales follow the request's rule: an unsupported one warns, only over 7
/// characters is an error.
#[test]
fn profile_integers_and_locales_follow_the_request_rules() {
    let file = br#"{"defaultExpiryTime": 3600.0, "defaultSessionLength": 6e2,
        "defaults": {"ageLimit": 18.0}, "locales": ["pt-BR", "en"],
        "policies": {"acme.short": {"member": "expiryTime", "max": 7.2e3}}}"#;
    let report = load_profile(file, &Context::new());
    let codes: Vec<(String, Code, Severity)> = report
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code(), v.severity()))
        .collect();
    let w = |p: &str, c| (p.to_owned(), c, Severity::Warning);
    assert_eq!(
        codes,
        [
            w("/defaultExpiryTime", Code::IntegerWrittenAsFloat),
            w("/defaultSessionLength", Code::IntegerWrittenAsFloat),
            w("/defaults/ageLimit", Code::IntegerWrittenAsFloat),
            w("/locales/0", Code::UnsupportedLocale),
            w("/policies/acme.short/max", Code::IntegerWrittenAsFloat),
        ]
    );
    let p = report.into_result().expect("loads");
    assert_eq!(p.default_expiry_time, Some(3600));
    assert_eq!(p.default_session_length, Some(600));
    assert_eq!(p.defaults["ageLimit"], json!(18));
    assert_eq!(
        found(br#"{"defaultExpiryTime": 3600.5}"#),
        [(
            "/defaultExpiryTime".to_owned(),
            Code::WrongType,
            Severity::Error
        )]
    );
}

/// Each part of a profile with bad content: the violation points into the file, with the code
/// the same mistake earns in a request, and no profile comes out.
#[test]
fn bad_content_is_reported_at_its_place_in_the_file() {
    type Found<'a> = &'a [(&'a str, Code, Severity)];
    let cases: &[(&str, Found<'_>)] = &[
        (
            r#"{"permissions": {"callbackOverride": "yes"}}"#,
            &[(
                "/permissions/callbackOverride",
                Code::WrongType,
                Severity::Error,
            )],
        ),
        (
            r#"{"permissions": {"callbackOveride": true}}"#,
            &[(
                "/permissions/callbackOveride",
                Code::MisspelledField,
                Severity::Error,
            )],
        ),
        (
            r#"{"features": ["checkAml", "checkAmll"]}"#,
            &[("/features/1", Code::InvalidValue, Severity::Error)],
        ),
        (
            r#"{"features": ["firstName"]}"#,
            &[("/features/0", Code::InvalidValue, Severity::Error)],
        ),
        (
            r#"{"defaults": {"verifyBank": "true"}}"#,
            &[("/defaults/verifyBank", Code::WrongType, Severity::Error)],
        ),
        (
            r#"{"defaults": {"verifyAdress": true}}"#,
            &[(
                "/defaults/verifyAdress",
                Code::MisspelledField,
                Severity::Error,
            )],
        ),
        (
            r#"{"defaults": {"verifyBnk": true}}"#,
            &[("/defaults/verifyBnk", Code::UnknownField, Severity::Error)],
        ),
        (
            r#"{"defaults": {"expiryTime": 600}}"#,
            &[("/defaults/expiryTime", Code::UnknownField, Severity::Error)],
        ),
        (
            r#"{"defaults": {"tokenType": "VIDEO"}}"#,
            &[("/defaults/tokenType", Code::InvalidValue, Severity::Error)],
        ),
        (
            r#"{"defaults": {"callbackUrl": "http://x.example"}}"#,
            &[("/defaults/callbackUrl", Code::UrlNotHttps, Severity::Error)],
        ),
        (
            r#"{"defaultExpiryTime": 0}"#,
            &[("/defaultExpiryTime", Code::TooSmall, Severity::Error)],
        ),
        (
            r#"{"defaultExpiryTime": 2592001}"#,
            &[("/defaultExpiryTime", Code::TooLarge, Severity::Error)],
        ),
        (
            r#"{"defaultSessionLength": 59}"#,
            &[("/defaultSessionLength", Code::TooSmall, Severity::Error)],
        ),
        (
            r#"{"digitStringMaxExpiry": 1.5}"#,
            &[("/digitStringMaxExpiry", Code::WrongType, Severity::Error)],
        ),
        (
            r#"{"questionnaires": ["ok", " "]}"#,
            &[("/questionnaires/1", Code::TooShort, Severity::Error)],
        ),
        (
            r#"{"riskAssessmentProfiles": [12]}"#,
            &[(
                "/riskAssessmentProfiles/0",
                Code::WrongType,
                Severity::Error,
            )],
        ),
        (
            r#"{"allowedDocuments": {"LTU": ["PASSPORT"]}}"#,
            &[(
                "/allowedDocuments/LTU",
                Code::InvalidCountryCode,
                Severity::Error,
            )],
        ),
        (
            r#"{"allowedDocuments": {"LT": ["PASPORT"]}}"#,
            &[(
                "/allowedDocuments/LT/0",
                Code::UnknownDocumentType,
                Severity::Error,
            )],
        ),
        (
            r#"{"allowedDocuments": {"LT": [], "lt": []}}"#,
            &[("/allowedDocuments/lt", Code::DuplicateKey, Severity::Error)],
        ),
        (
            r#"{"nfcCountries": ["LT", "ALL"]}"#,
            &[("/nfcCountries/1", Code::InvalidCountryCode, Severity::Error)],
        ),
        (
            r#"{"registryCenterCountries": "LT"}"#,
            &[("/registryCenterCountries", Code::WrongType, Severity::Error)],
        ),
        (
            r#"{"locales": ["en-GB-x1"]}"#,
            &[("/locales/0", Code::InvalidLocale, Severity::Error)],
        ),
        (
            r#"{"flow": "Iframe"}"#,
            &[("/flow", Code::InvalidValue, Severity::Error)],
        ),
        (
            r#"{"flow": "iframe", "flow": "redirect"}"#,
            &[("/flow", Code::DuplicateKey, Severity::Error)],
        ),
        (
            r#"{"nfcCountres": ["LT"]}"#,
            &[("/nfcCountres", Code::MisspelledField, Severity::Error)],
        ),
        (
            r#"{"nfcCountrys": ["LT"]}"#,
            &[("/nfcCountrys", Code::UnknownField, Severity::Error)],
        ),
        // Invisible and look-alike characters fold as in a request.
        (
            "{\"nfcCountries\u{a0}\": [\"LT\"]}",
            &[(
                "/nfcCountries\u{a0}",
                Code::MisspelledField,
                Severity::Error,
            )],
        ),
        (
            "{\"defaults\": {\"l\u{43e}cale\": \"en\"}}",
            &[(
                "/defaults/l\u{43e}cale",
                Code::MisspelledField,
                Severity::Error,
            )],
        ),
        (
            r#"{"comment": "ours"}"#,
            &[("/comment", Code::UnknownField, Severity::Error)],
        ),
        (r#"["LT"]"#, &[("", Code::NotAnObject, Severity::Error)]),
        (
            r#"{"flow": "iframe""#,
            &[("", Code::MalformedJson, Severity::Error)],
        ),
    ];
    for (file, want) in cases {
        let got = found(file.as_bytes());
        let want: Vec<_> = want
            .iter()
            .map(|(p, c, s)| ((*p).to_owned(), *c, *s))
            .collect();
        assert_eq!(got, want, "{file}");
        let loaded = load_profile(file.as_bytes(), &Context::new());
        let errors = want.iter().any(|(_, _, s)| *s == Severity::Error);
        assert_eq!(loaded.profile().is_none(), errors, "{file}");
    }
}

#[test]
fn a_broken_file_says_it_is_the_profile() {
    let report = load_profile(b"[1]", &Context::new());
    assert!(
        report.violations()[0].message().contains("partner profile"),
        "{report}"
    );
    let report = load_profile(b"\xff{}", &Context::new());
    assert_eq!(report.violations()[0].code(), Code::InvalidUtf8);
    assert!(
        report.violations()[0].message().contains("partner profile"),
        "{report}"
    );
}

#[test]
fn the_loader_keeps_the_context_s_limits_and_policy() {
    // An undocumented member is an error even where requests only warn about one (the
    // default: an unknown-field policy is the engine's, not the context's).
    let warn = Context::new();
    let report = load_profile(br#"{"comment": "ours"}"#, &warn);
    assert_eq!(report.violations()[0].severity(), Severity::Error);
    assert!(!report.is_valid());
    let small = Context::new().with_limits(idenfy_preflight::Limits {
        max_bytes: 8,
        ..Default::default()
    });
    let report = load_profile(br#"{"flow": "iframe"}"#, &small);
    assert_eq!(report.violations()[0].code(), Code::DocumentTooLarge);
    let deep = format!("{{\"defaults\": {}{}}}", "[".repeat(40), "]".repeat(40));
    assert_eq!(found(deep.as_bytes())[0].1, Code::NestingTooDeep);
}

/// What a profile leaves out stays unknown: a profile that knows one part changes only the rules
/// of that part, and each request case of the conformance suite that has no profile checks the
/// same under an empty one.
#[test]
fn a_profile_changes_only_the_rules_of_what_it_states() {
    let body = r#"{"clientId": "c", "callbackUrl": "https://example.com/hook", "checkAml": true,
        "questionnaire": "zzz", "country": "US", "nfcRequired": true, "documents": ["PASSPORT"],
        "successUrl": "https://example.com/ok", "riskAssessmentProfile": 7, "locale": "lv",
        "registryCentersCountries": ["LV"], "verifyBankAccounts": true, "verifyBank": true}"#;
    let codes = |profile: Profile| -> Vec<Code> {
        let engine = Engine::builder().profile(profile).build().expect("applies");
        engine
            .check_str(body, &Context::new())
            .violations()
            .iter()
            .map(|v| v.code())
            .collect()
    };
    assert_eq!(
        check_str(body, &Context::new()).violations().len(),
        0,
        "without a profile"
    );
    assert_eq!(codes(Profile::default()), Vec::<Code>::new());
    let one = |file: &str| {
        let p = load_profile(file.as_bytes(), &Context::new())
            .into_result()
            .expect("loads");
        codes(p)
    };
    assert_eq!(
        one(r#"{"permissions": {"callbackOverride": false}}"#),
        [Code::MissingPermission]
    );
    assert_eq!(
        one(r#"{"permissions": {"bankPacket": false}}"#),
        [Code::MissingPermission; 2]
    );
    assert_eq!(
        one(r#"{"features": ["nfcRequired", "verifyBank", "verifyBankAccounts"]}"#),
        [Code::FeatureNotInEnvironment]
    );
    assert_eq!(
        one(r#"{"questionnaires": ["kyc"]}"#),
        [Code::InactiveQuestionnaire]
    );
    assert_eq!(
        one(r#"{"nfcCountries": ["LT"]}"#),
        [Code::NfcCountryUnsupported]
    );
    assert_eq!(
        one(r#"{"allowedDocuments": {"US": ["ID_CARD"]}}"#),
        [Code::DocumentNotAllowed]
    );
    assert_eq!(one(r#"{"flow": "iframe"}"#), [Code::IgnoredInIframe]);
    assert_eq!(
        one(r#"{"riskAssessmentProfiles": ["8"]}"#),
        [Code::UnknownRiskAssessmentProfile]
    );
    assert_eq!(one(r#"{"locales": ["lt"]}"#), [Code::UnsupportedLocale]);
    assert_eq!(
        one(r#"{"registryCenterCountries": ["LT"]}"#),
        [Code::RegistryCenterUnavailable]
    );
    assert_eq!(
        one(r#"{"defaultExpiryTime": 60, "defaults": {"verifyBank": false}}"#),
        Vec::<Code>::new()
    );
}

#[test]
fn the_profile_schema_accepts_what_the_loader_accepts() {
    let validator = jsonschema::validator_for(&schema::profile_schema()).expect("compiles");
    let example: Value = serde_json::from_slice(&example()).expect("JSON");
    assert!(validator.is_valid(&example));
    assert!(validator.is_valid(&json!({})));
    for broken in [
        json!({"flow": "popup"}),
        json!({"permissions": {"bankPacket": 1}}),
        json!({"defaultExpiryTime": 0}),
        json!({"nfcCountries": "LT"}),
        json!({"defaults": {"verifyBank": "yes"}}),
        json!({"features": ["firstName"]}),
        json!({"allowedDocuments": {"LT": ["PASPORT"]}}),
    ] {
        assert!(!validator.is_valid(&broken), "{broken}");
        assert!(
            !load_profile(broken.to_string().as_bytes(), &Context::new()).is_valid(),
            "{broken}"
        );
    }
}

/// A profile report has the report's shape: the report schema accepts it, valid or not.
#[test]
fn a_profile_report_has_the_report_shape() {
    let validator = jsonschema::validator_for(&schema::report_schema()).expect("compiles");
    for file in [&example()[..], br#"{"flow": 1}"#, b"nope"] {
        let report = load_profile(file, &Context::new());
        let json: Value = serde_json::from_str(&report.to_json_pretty()).expect("JSON");
        assert!(validator.is_valid(&json), "{json}");
        assert_eq!(json["valid"], report.is_valid());
    }
}

/// The profile is checked against itself, at the default in the file. A default that turns on
/// a feature the profile's own `features` leave out is an error (the dashboard presets only
/// what the environment offers: one of the two is false, and the profile is refused); the
/// contradictions that only might be wrong are warnings, and the profile loads.
#[test]
fn the_profile_is_checked_against_itself() {
    let w = Severity::Warning;
    // A feature the environment lacks, turned on by default: an error. Off, or offered: fine.
    let file =
        br#"{"features": ["checkAml"], "defaults": {"locale": "lt", "checkLiveness": true}}"#;
    let report = load_profile(file, &Context::new());
    assert!(report.profile().is_none(), "{report}");
    assert_eq!(
        found(file),
        [(
            "/defaults/checkLiveness".to_owned(),
            Code::FeatureNotInEnvironment,
            Severity::Error
        )]
    );
    assert_eq!(
        report.violations()[0].message(),
        "this dashboard default turns on checkLiveness, which the profile's features say the environment does not offer: the profile contradicts itself (fix features or the default)"
    );
    assert_eq!(
        found(br#"{"features": ["checkAml"], "defaults": {"checkLiveness": false, "checkAml": true}}"#),
        []
    );
    assert_eq!(found(br#"{"defaults": {"checkLiveness": true}}"#), []);
    // A permission the account lacks, for what the default turns on: a warning.
    let file = br#"{"permissions": {"bankPacket": false, "digitString": false, "callbackOverride": false},
        "defaults": {"verifyBank": true, "generateDigitString": true, "callbackUrl": "https://example.com/hook"}}"#;
    assert_eq!(
        found(file),
        [
            (
                "/defaults/verifyBank".to_owned(),
                Code::MissingPermission,
                w
            ),
            (
                "/defaults/generateDigitString".to_owned(),
                Code::MissingPermission,
                w
            ),
        ],
        "a callback override is what overrides the dashboard's callbackUrl: no contradiction"
    );
    let report = load_profile(file, &Context::new());
    assert!(report.profile().is_some());
    assert_eq!(
        report.violations()[0].params().get("permission"),
        Some(&json!("bank_packet"))
    );
    assert_eq!(
        found(br#"{"permissions": {"bankPacket": false}, "defaults": {"verifyBank": false}}"#),
        []
    );
    assert_eq!(
        found(br#"{"permissions": {"bankPacket": true}, "defaults": {"verifyBank": true}}"#),
        []
    );
    // A default that breaks the profile's own policy: a warning whatever the policy's severity
    // (the requests that leave the member out get the policy's own violation).
    let file = br#"{"defaults": {"country": ["LT", "DE"], "ageLimit": 17},
        "policies": {"acme.baltics": {"member": "country", "oneOf": ["LT", "LV"]},
                     "acme.adults": {"member": "ageLimit", "min": 18}}}"#;
    assert_eq!(
        found(file),
        [
            ("/defaults/country/1".to_owned(), Code::Policy, w),
            ("/defaults/ageLimit".to_owned(), Code::Policy, w),
        ]
    );
    let report = load_profile(file, &Context::new());
    assert_eq!(report.violations()[0].code_name(), "acme.baltics");
    let file = br#"{"defaults": {"country": "lv", "ageLimit": 18},
        "policies": {"acme.baltics": {"member": "country", "oneOf": ["LT", "LV"]},
                     "acme.adults": {"member": "ageLimit", "min": 18}}}"#;
    assert_eq!(found(file), []);
    // NFC required by default, with a default country it cannot read: a warning at it.
    let file =
        br#"{"nfcCountries": ["LT"], "defaults": {"nfcRequired": true, "country": ["LT", "US"]}}"#;
    assert_eq!(
        found(file),
        [(
            "/defaults/country/1".to_owned(),
            Code::NfcCountryUnsupported,
            w
        )]
    );
    assert_eq!(
        found(br#"{"nfcCountries": ["LT"], "defaults": {"nfcRequired": false, "country": "US"}}"#),
        []
    );
    assert_eq!(
        found(br#"{"nfcCountries": ["LT"], "defaults": {"nfcRequired": true, "country": "ALL"}}"#),
        []
    );
}

/// The file's members are the structs' fields: what `Profile`, `Permissions` and `PolicySpec`
/// serialize is what the schema (and the loader's declaration behind it) describes, member for
/// member, each top-level member with its line.
#[test]
fn the_file_format_is_the_structs_fields() {
    fn keys(v: &Value) -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    }
    let s = schema::profile_schema();
    let profile = serde_json::to_value(Profile::default()).unwrap();
    assert_eq!(keys(&profile), keys(&s["properties"]));
    for (name, p) in s["properties"].as_object().unwrap() {
        assert!(
            p["description"].as_str().is_some_and(|d| d.ends_with('.')),
            "{name} has no line"
        );
    }
    assert_eq!(
        keys(&profile["permissions"]),
        keys(&s["properties"]["permissions"]["properties"])
    );
    let policy = serde_json::to_value(idenfy_preflight::PolicySpec::default()).unwrap();
    assert_eq!(
        keys(&policy),
        keys(&s["properties"]["policies"]["additionalProperties"]["properties"])
    );
}

/// `first_name` → `firstName`.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut words = snake.split('_');
    out.extend(words.next());
    for w in words {
        let mut cs = w.chars();
        out.extend(cs.next().map(|c| c.to_ascii_uppercase()));
        out.extend(cs);
    }
    out
}

/// Each permission's names agree (the variant, the snake_case name, the file's member), the file's
/// member sets exactly that permission, and the members it gates are the ones a request is refused
/// for without it, and no others.
#[test]
fn each_permission_is_one_row() {
    use idenfy_preflight::{catalogue, Permission};
    let mut gated = Vec::new();
    for p in Permission::ALL {
        assert_eq!(camel(p.as_str()), p.member());
        let pascal = camel(&format!("_{}", p.as_str()));
        assert_eq!(format!("{p:?}"), pascal);
        let file = format!(r#"{{"permissions": {{"{}": false}}}}"#, p.member());
        let profile = load_profile(file.as_bytes(), &Context::new())
            .into_result()
            .expect("loads");
        for q in Permission::ALL {
            assert_eq!(profile.permissions.get(q), (q == p).then_some(false));
        }
        gated.extend(p.gates().iter().map(|m| (*m, p)));
    }
    // A value of each member a permission may gate that turns it on.
    let value = |m: &str| match m {
        "callbackUrl" => json!("https://example.com/idenfy/callback"),
        "additionalSteps" => json!({"ALL": {"ALL": {"PROOF_OF_ADDRESS": {"type": "UPLOAD"}}}}),
        _ => json!(true),
    };
    let all_refused = {
        let mut file = json!({"permissions": {}});
        for p in Permission::ALL {
            file["permissions"][p.member()] = json!(false);
        }
        load_profile(file.to_string().as_bytes(), &Context::new())
            .into_result()
            .expect("loads")
    };
    let engine = Engine::builder()
        .profile(all_refused)
        .build()
        .expect("no policy");
    for m in catalogue::members().filter(|m| m.origin() != catalogue::Origin::Legacy) {
        let body = json!({"clientId": "c1", m.name(): value(m.name())});
        let refused: Vec<String> = engine
            .check_str(&body.to_string(), &Context::new())
            .violations()
            .iter()
            .filter(|v| {
                v.code() == Code::MissingPermission && v.pointer() == format!("/{}", m.name())
            })
            .map(|v| {
                v.params()
                    .get("permission")
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            })
            .collect();
        let declared: Vec<String> = gated
            .iter()
            .filter(|(g, _)| *g == m.name())
            .map(|(_, p)| json!(p.as_str()).to_string())
            .collect();
        assert_eq!(refused, declared, "{}", m.name());
    }
}

/// What the loader finds after walking the file (a policy that cannot apply) is ordered among
/// the rest by its place in the file, whichever member comes first.
#[test]
fn findings_after_the_walk_keep_the_file_s_order() {
    let policy = || {
        (
            "/policies/acme.b/max".to_owned(),
            Code::InvalidPolicy,
            Severity::Error,
        )
    };
    let got = found(
        br#"{"locales": ["lt", "en", "xx"],
            "policies": {"acme.b": {"member": "country", "max": 3}}}"#,
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[1].clone()),
        ("/locales/2", policy())
    );
    let got = found(
        br#"{"policies": {"acme.a": {"require": ["firstName"]},
                          "acme.b": {"member": "country", "max": 3}},
             "locales": ["xx"]}"#,
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        (got[0].clone(), got[1].0.as_str()),
        (policy(), "/locales/0")
    );
}

/// NFC required by default with one default country NFC cannot read: a warning at it; one it
/// reads, none.
#[test]
fn a_single_default_country_nfc_cannot_read_is_warned_of() {
    assert_eq!(
        found(br#"{"nfcCountries": ["LT"], "defaults": {"nfcRequired": true, "country": "US"}}"#),
        [(
            "/defaults/country".to_owned(),
            Code::NfcCountryUnsupported,
            Severity::Warning
        )]
    );
    assert_eq!(
        found(br#"{"nfcCountries": ["LT"], "defaults": {"nfcRequired": true, "country": "lt"}}"#),
        []
    );
}

/// A profile built in Rust may spell the codes of its sets in either case: `CHECKAML` among
/// the features is checkAml, offered.
#[test]
fn a_profile_built_in_rust_may_spell_codes_in_either_case() {
    let mut profile = Profile::default();
    profile.features = Some(["CHECKAML".to_owned()].into());
    let engine = Engine::builder().profile(profile).build().expect("no policy");
    let ctx = Context::new();
    assert!(engine
        .check_str(r#"{"clientId": "c", "checkAml": true}"#, &ctx)
        .is_valid());
    let lacked = engine.check_str(r#"{"clientId": "c", "verifyBank": true}"#, &ctx);
    assert_eq!(lacked.violations()[0].code(), Code::FeatureNotInEnvironment);
    let e = engine.explain(br#"{"clientId": "c"}"#, &ctx);
    let source = |m: &str| e.setting(m).map(|s| s.provenance);
    assert_eq!(
        source("checkAml"),
        Some(idenfy_preflight::Provenance::Unknown)
    );
    assert_eq!(
        source("verifyBank"),
        Some(idenfy_preflight::Provenance::NotInEnvironment)
    );
}

/// A profile's report reads as a summary line and one indented line per finding (what the CLI
/// and a service's log print).
#[test]
fn a_profile_report_displays_its_counts_and_findings() {
    let report = load_profile(br#"{"flow": "popup", "locales": ["lt", "lt"]}"#, &Context::new());
    let text = report.to_string();
    let (errors, warnings) = (report.errors().count(), report.warnings().count());
    assert!(errors >= 1, "{text}");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(format!("partner profile: {errors} error(s), {warnings} warning(s)").as_str())
    );
    let rest: Vec<&str> = lines.collect();
    assert_eq!(rest.len(), report.violations().len(), "{text}");
    for (line, v) in rest.iter().zip(report.violations()) {
        assert_eq!(*line, format!("  {v}"));
    }
}
