//! Partner policies: the Rust API on an `Engine`, the declarative form in a profile file, both
//! reporting into the same violation list under the partner's codes, at their boundaries.

use crate::common::{run, TODAY};
use idenfy_preflight::spec::rules::{Country, Length};
use idenfy_preflight::{
    load_profile, schema, Code, Context, Engine, Policy, PolicyError, PolicySpec, Severity,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn found(report: &idenfy_preflight::Report<'_>) -> Vec<(String, String, Severity)> {
    report
        .violations()
        .iter()
        .map(|v| {
            (
                v.pointer().to_owned(),
                v.code_name().to_owned(),
                v.severity(),
            )
        })
        .collect()
}

fn one(pointer: &str, code: &str, severity: Severity) -> Vec<(String, String, Severity)> {
    vec![(pointer.to_owned(), code.to_owned(), severity)]
}

/// A profile file that must be refused, and where and why, in order.
fn assert_refused(file: &[u8], expected: &[(&str, Code)]) {
    let report = load_profile(file, &Context::new());
    assert!(report.profile().is_none(), "the profile was used");
    let got: Vec<(&str, Code)> = report
        .violations()
        .iter()
        .map(|v| (v.pointer(), v.code()))
        .collect();
    assert_eq!(got, expected);
}

fn engine(policy: Result<Policy, PolicyError>) -> Engine {
    Engine::builder()
        .policy(policy.expect("the policy can apply"))
        .build()
        .expect("the engine takes it")
}

#[test]
fn require_wants_each_member_set() {
    let e = engine(Policy::require("acme.names", ["firstName", "lastName"]));
    assert_eq!(
        found(&e.check_str(
            r#"{"clientId": "c", "firstName": "A", "lastName": "B"}"#,
            &Context::new()
        )),
        []
    );
    let r = e.check_str(
        r#"{"clientId": "c", "firstName": "A", "lastName": null}"#,
        &Context::new(),
    );
    assert_eq!(found(&r), one("/lastName", "acme.names", Severity::Error));
    assert_eq!(r.violations()[0].code(), Code::Policy);
    assert_eq!(r.violations()[0].policy(), Some("acme.names"));
    assert!(!r.is_valid());
    let both = e.check_str(r#"{"clientId": "c"}"#, &Context::new());
    assert_eq!(both.error_count(), 2);
}

#[test]
fn one_of_sees_the_normalized_value_and_each_item() {
    let e = engine(Policy::on("acme.eu", "country").map(|p| p.one_of(["LT", "LV"])));
    assert_eq!(
        found(&e.check_str(
            r#"{"clientId": "c", "country": ["lt", "LV"]}"#,
            &Context::new()
        )),
        []
    );
    assert_eq!(
        found(&e.check_str(
            r#"{"clientId": "c", "country": ["LT", "DE"]}"#,
            &Context::new()
        )),
        one("/country/1", "acme.eu", Severity::Error)
    );
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "country": "DE"}"#, &Context::new())),
        one("/country", "acme.eu", Severity::Error)
    );
    // Absent, null, or already wrong by the member's own rule: the policy says nothing.
    for body in [
        r#"{"clientId": "c"}"#,
        r#"{"clientId": "c", "country": null}"#,
    ] {
        assert_eq!(found(&e.check_str(body, &Context::new())), []);
    }
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "country": "LTU"}"#, &Context::new())),
        one("/country", "invalid_country_code", Severity::Error)
    );
}

#[test]
fn bounds_and_lengths_at_their_edges() {
    let e = engine(Policy::on("acme.short", "expiryTime").map(|p| p.min(60).max(3600)));
    for (expiry, ok) in [(60, true), (59, false), (3600, true), (3601, false)] {
        let body = format!(r#"{{"clientId": "c", "expiryTime": {expiry}}}"#);
        assert_eq!(
            e.check_str(&body, &Context::new()).is_valid(),
            ok,
            "{expiry}"
        );
    }
    let e = engine(Policy::on("acme.ref", "externalRef").map(|p| p.min_length(3).max_length(5)));
    for (r, ok) in [
        ("abc", true),
        ("ab", false),
        ("abcde", true),
        ("abcdef", false),
    ] {
        let body = format!(r#"{{"clientId": "c", "externalRef": "{r}"}}"#);
        assert_eq!(e.check_str(&body, &Context::new()).is_valid(), ok, "{r}");
    }
    let v = &e
        .check_str(
            r#"{"clientId": "c", "externalRef": "abcdef"}"#,
            &Context::new(),
        )
        .violations()[0]
        .clone();
    assert_eq!(v.params()["check"], "max_length");
    assert_eq!(v.params()["max"], 5);
    assert_eq!(
        v.message(),
        "externalRef must be at most 5 characters long (partner policy acme.ref)"
    );
}

/// The catalogue's own validators compose into a policy, and a partner's test too.
#[test]
fn catalogue_rules_and_tests_compose() {
    static TWO_TO_FOUR: Length = Length {
        min: 2,
        max: Some(4),
    };
    static COUNTRY: Country = Country { allow_all: false };
    let e = Engine::builder()
        .policy(
            Policy::on("acme.ref", "externalRef")
                .expect("applies")
                .rule(&TWO_TO_FOUR),
        )
        .policy(
            Policy::on("acme.country_ref", "externalRef")
                .expect("applies")
                .rule(&COUNTRY),
        )
        .policy(
            Policy::on("acme.hook", "callbackUrl")
                .expect("applies")
                .test(|v| {
                    v.as_str()
                        .is_some_and(|u| u.starts_with("https://hooks.acme.example/"))
                })
                .message("callbacks go to hooks.acme.example"),
        )
        .build()
        .expect("rules on a string member, and a test, are checks");
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "externalRef": "LT"}"#, &Context::new())),
        []
    );
    let r = e.check_str(
        r#"{"clientId": "c", "externalRef": "LTU99", "callbackUrl": "https://x.example/h"}"#,
        &Context::new(),
    );
    let codes: Vec<_> = found(&r).into_iter().map(|(p, c, _)| (p, c)).collect();
    assert_eq!(
        codes,
        [
            ("/externalRef".to_owned(), "acme.ref".to_owned()),
            ("/externalRef".to_owned(), "acme.country_ref".to_owned()),
            ("/callbackUrl".to_owned(), "acme.hook".to_owned()),
        ]
    );
    assert_eq!(r.violations()[0].params()["rule"], "too_long");
    assert_eq!(
        r.violations()[2].message(),
        "callbacks go to hooks.acme.example"
    );
}

#[test]
fn a_warning_policy_leaves_the_request_valid() {
    let e = engine(Policy::on("acme.locale", "locale").map(|p| p.one_of(["lt", "en"]).warning()));
    let r = e.check_str(r#"{"clientId": "c", "locale": "DE"}"#, &Context::new());
    assert!(r.is_valid());
    assert_eq!(found(&r), one("/locale", "acme.locale", Severity::Warning));
}

#[test]
fn a_policy_that_cannot_apply_is_refused_with_the_part_that_is_wrong() {
    let part = |r: Result<Policy, PolicyError>| r.err().map(|e| e.part);
    assert_eq!(part(Policy::require("names", ["firstName"])), Some("code"));
    assert_eq!(
        part(Policy::require("Acme.names", ["firstName"])),
        Some("code")
    );
    assert_eq!(
        part(Policy::require("acme.names", ["firstname"])),
        Some("require")
    );
    assert_eq!(
        part(Policy::require("acme.names", Vec::<String>::new())),
        Some("require")
    );
    assert_eq!(
        part(Policy::on("acme.x", "personScanRef")),
        Some("member"),
        "an alias is not the member"
    );
    let spec = |v: Value| serde_json::from_value::<PolicySpec>(v).expect("a spec");
    let from = |v: Value| part(Policy::from_spec("acme.x", &spec(v)));
    assert_eq!(from(json!({"member": "country", "max": 3})), Some("max"));
    assert_eq!(
        from(json!({"member": "expiryTime", "oneOf": ["1"]})),
        Some("oneOf")
    );
    assert_eq!(from(json!({"member": "expiryTime"})), Some("member"));
    assert_eq!(from(json!({"min": 1})), Some("member"));
    assert_eq!(
        from(json!({"member": "ageLimit", "min": 30, "max": 20})),
        Some("min")
    );
    assert_eq!(
        from(json!({"member": "ageLimit", "min": 20, "max": 20})),
        None
    );
    assert_eq!(
        from(json!({"member": "externalRef", "minLength": 6, "maxLength": 5})),
        Some("minLength")
    );
    assert_eq!(
        from(json!({"member": "locale", "oneOf": []})),
        Some("oneOf")
    );
    let e = Policy::require("names", ["firstName"]).expect_err("refused");
    assert!(e.to_string().starts_with("policy code: "), "{e}");
}

/// The profile's declarative policies run in a plain `check`, and an engine's on top of them.
#[test]
fn profile_policies_and_engine_policies_report_together() {
    let file = br#"{"policies": {"acme.names": {"require": ["lastName"]}}}"#;
    let profile = load_profile(file, &Context::new())
        .into_result()
        .expect("loads");
    let account = Engine::builder().profile(profile);
    let body = r#"{"clientId": "c", "expiryTime": 7200}"#;
    let plain = account
        .clone()
        .build()
        .expect("the profile's policy applies");
    assert_eq!(
        found(&plain.check_str(body, &Context::new())),
        one("/lastName", "acme.names", Severity::Error)
    );
    let e = account
        .policy(
            Policy::on("acme.short", "expiryTime")
                .expect("applies")
                .max(3600),
        )
        .build()
        .expect("the engine takes it");
    let r = e.check_str(body, &Context::new());
    assert_eq!(found(&r).len(), 2);
    assert_eq!(r.violations()[1].code_name(), "acme.short");
    // The same through check_value and explain.
    assert_eq!(
        e.check_value(&serde_json::from_str(body).expect("JSON"), &Context::new())
            .error_count(),
        2
    );
    assert_eq!(
        e.explain(body.as_bytes(), &Context::new())
            .report()
            .error_count(),
        2
    );
    assert_eq!(e.policies().len(), 1);
    assert!(e.profile().is_some());
}

#[test]
fn partner_codes_are_in_the_json_and_the_report_schema_takes_them() {
    let e = engine(Policy::require("acme.names", ["lastName"]));
    let json: Value =
        serde_json::to_value(e.check_str(r#"{"clientId": "c"}"#, &Context::new())).expect("JSON");
    assert_eq!(json["violations"][0]["code"], "acme.names");
    assert_eq!(
        json["violations"][0]["params"],
        json!({"policy": "acme.names", "check": "require"})
    );
    let validator = jsonschema::validator_for(&schema::report_schema()).expect("compiles");
    assert!(validator.is_valid(&json), "{json}");
    let mut bad = json.clone();
    bad["violations"][0]["code"] = json!("Acme names");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_bad_policy_in_a_profile_file_points_at_its_part() {
    let file = br#"{"policies": {
        "names": {"require": ["firstName"]},
        "acme.a": {"member": "country", "max": 3},
        "acme.b": {"member": "firstNam", "oneOf": ["X"]},
        "acme.c": {},
        "acme.d": {"member": "ageLimit", "min": 30, "max": 20},
        "acme.e": {"member": "expiryTime", "max": "1h"}
    }}"#;
    assert_refused(
        file,
        &[
            ("/policies/names", Code::InvalidPolicy),
            ("/policies/acme.a/max", Code::InvalidPolicy),
            ("/policies/acme.b/member", Code::InvalidValue),
            ("/policies/acme.c", Code::InvalidPolicy),
            ("/policies/acme.d/min", Code::InvalidPolicy),
            ("/policies/acme.e/max", Code::WrongType),
        ],
    );
}

#[test]
fn the_cli_applies_the_profile_s_policies() {
    let dir = std::env::temp_dir().join(format!("idenfy-policies-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let path = dir.join("profile.json");
    std::fs::write(
        &path,
        br#"{"policies": {"acme.short": {"member": "expiryTime", "max": 3600}}}"#,
    )
    .expect("writes");
    let path = path.to_string_lossy().into_owned();
    let args = [
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        "--profile",
        path.as_str(),
    ];
    let out = run(&args, Some(br#"{"clientId": "c", "expiryTime": 3601}"#));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(v["violations"][0]["code"], "acme.short");
    let human = run(
        &["check", "--today", TODAY, "--profile", path.as_str()],
        Some(br#"{"clientId": "c", "expiryTime": 3601}"#),
    );
    assert!(
        human.stdout.contains(
            "/expiryTime  acme.short: expiryTime must be at most 3600 (partner policy acme.short)"
        ),
        "{}",
        human.stdout
    );
    let ok = run(&args, Some(br#"{"clientId": "c", "expiryTime": 3600}"#));
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

/// What the review found: a set is compared as the member normalizes (a country set in lower
/// case), an integer ID against a set of IDs, and a policy nothing can pass is refused, in Rust as
/// in a profile file.
#[test]
fn sets_and_bounds_are_those_of_the_member() {
    let e = engine(Policy::on("acme.eu", "country").map(|p| p.one_of(["lt", "lv"])));
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "country": "lt"}"#, &Context::new())),
        []
    );
    let e = engine(Policy::on("acme.risk", "riskAssessmentProfile").map(|p| p.one_of(["12"])));
    assert_eq!(
        found(&e.check_str(
            r#"{"clientId": "c", "riskAssessmentProfile": 12}"#,
            &Context::new()
        )),
        []
    );
    assert_eq!(
        found(&e.check_str(
            r#"{"clientId": "c", "riskAssessmentProfile": 13}"#,
            &Context::new()
        )),
        one("/riskAssessmentProfile", "acme.risk", Severity::Error)
    );
    let refused = |p: Result<Policy, PolicyError>| {
        p.and_then(Policy::checked)
            .err()
            .map(|e| (e.part, e.reason))
    };
    let part = |p| refused(p).map(|(part, _)| part);
    assert_eq!(
        part(Policy::on("acme.t", "tokenType").map(|p| p.one_of(["document"]))),
        Some("oneOf")
    );
    assert_eq!(
        part(Policy::on("acme.t", "tokenType").map(|p| p.one_of(["DOCUMENT"]))),
        None
    );
    assert_eq!(
        part(Policy::on("acme.e", "expiryTime").map(|p| p.min(2_592_001))),
        Some("min")
    );
    assert_eq!(
        part(Policy::on("acme.e", "expiryTime").map(|p| p.min(2_592_000))),
        None
    );
    assert_eq!(
        part(Policy::on("acme.e", "expiryTime").map(|p| p.max(0))),
        Some("max")
    );
    assert_eq!(
        part(Policy::on("acme.e", "expiryTime")),
        Some("member"),
        "no check"
    );
    assert_eq!(
        part(Policy::on("acme.b", "verifyBank").map(|p| p.one_of(["x"]))),
        Some("oneOf")
    );
    assert_eq!(
        part(Policy::on("acme.b", "verifyBank").map(|p| p.test(|_| true))),
        None
    );
    static LEN: Length = Length { min: 1, max: None };
    assert_eq!(
        part(Policy::on("acme.b", "verifyBank").map(|p| p.rule(&LEN))),
        Some("rule")
    );
    assert_eq!(
        part(Policy::on("acme.r", "externalRef").map(|p| p.min_length(4097))),
        Some("minLength")
    );
    assert!(Engine::builder()
        .policy(Policy::on("acme.e", "expiryTime").expect("a member"))
        .build()
        .is_err());
}

/// A policy nothing can pass is refused for lengths too: a minimum length above the member's
/// own maximum, a maximum below its own minimum, a set holding a value the policy's own lengths
/// refuse. Each at its edge: one less is accepted.
#[test]
fn lengths_nothing_can_pass_are_refused() {
    let refused = |p: Result<Policy, PolicyError>| p.and_then(Policy::checked).err();
    let part = |p| refused(p).map(|e| e.part);
    // firstName allows 1–100 characters.
    assert_eq!(
        part(Policy::on("acme.n", "firstName").map(|p| p.min_length(101))),
        Some("minLength")
    );
    assert_eq!(
        part(Policy::on("acme.n", "firstName").map(|p| p.min_length(100))),
        None
    );
    let e = refused(Policy::on("acme.n", "firstName").map(|p| p.min_length(101)));
    assert_eq!(
        e.map(|e| e.reason),
        Some("above the member's own maximum length: no value can pass")
    );
    // clientId needs at least one character; externalRef may be empty.
    assert_eq!(
        part(Policy::on("acme.c", "clientId").map(|p| p.max_length(0))),
        Some("maxLength")
    );
    assert_eq!(
        part(Policy::on("acme.c", "clientId").map(|p| p.max_length(1))),
        None
    );
    assert_eq!(
        part(Policy::on("acme.r", "externalRef").map(|p| p.max_length(0))),
        None
    );
    // Each item of a list member is one value: country codes are two letters.
    assert_eq!(
        part(Policy::on("acme.k", "country").map(|p| p.one_of(["LT"]).min_length(2))),
        None
    );
    let set = |min: Option<usize>, max: Option<usize>| {
        Policy::on("acme.r", "externalRef").map(|p| {
            let p = p.one_of(["abc", "abcdef"]);
            let p = match min {
                Some(n) => p.min_length(n),
                None => p,
            };
            match max {
                Some(n) => p.max_length(n),
                None => p,
            }
        })
    };
    assert_eq!(part(set(Some(3), Some(6))), None);
    assert_eq!(part(set(Some(4), None)), Some("oneOf"));
    assert_eq!(part(set(None, Some(5))), Some("oneOf"));
}

#[test]
fn a_length_nothing_can_pass_in_a_profile_file_points_at_it() {
    let file = br#"{"policies": {
        "acme.a": {"member": "firstName", "minLength": 101},
        "acme.b": {"member": "firstName", "minLength": 100},
        "acme.c": {"member": "externalRef", "oneOf": ["abc"], "maxLength": 2}
    }}"#;
    assert_refused(
        file,
        &[
            ("/policies/acme.a/minLength", Code::InvalidPolicy),
            ("/policies/acme.c/oneOf", Code::InvalidPolicy),
        ],
    );
}

#[test]
fn null_inside_a_policy_is_unknown_like_anywhere_in_a_profile() {
    let file = br#"{"policies": {"acme.x": {"member": "country", "oneOf": ["LT"], "warning": null,
        "require": null, "message": null}}, "permissions": {"bankPacket": null}}"#;
    let profile = load_profile(file, &Context::new())
        .into_result()
        .expect("loads");
    let spec = &profile.policies["acme.x"];
    assert!(!spec.warning && spec.require.is_empty() && spec.message.is_none());
    assert_eq!(profile.permissions.bank_packet, None);
}

#[test]
fn huge_lengths_are_refused_before_a_generator_sees_them() {
    let file =
        br#"{"policies": {"acme.x": {"member": "externalRef", "maxLength": 9223372036854775807}}}"#;
    let report = load_profile(file, &Context::new());
    let got: Vec<(&str, Code)> = report
        .violations()
        .iter()
        .map(|v| (v.pointer(), v.code()))
        .collect();
    assert_eq!(got, [("/policies/acme.x/maxLength", Code::TooLarge)]);
}

/// What a policy shows of itself: its code, and in `Debug` its code and how many tests of the
/// partner's it holds (a closure has nothing else to show).
#[test]
fn a_policy_shows_its_code() {
    let p = Policy::on("acme.eu", "country")
        .expect("a member")
        .one_of(["LT"])
        .test(|_| true);
    assert_eq!(p.code(), "acme.eu");
    let shown = format!("{p:?}");
    assert!(shown.starts_with("Policy {"), "{shown}");
    assert!(
        shown.contains(r#"code: "acme.eu""#) && shown.contains("tests: 1"),
        "{shown}"
    );
}

/// Bounds are compared with the member's own, at both edges: sessionLength is 60–3600, so a
/// maximum of 60 or a minimum of 3600 leaves one value to pass, one step further none.
#[test]
fn bounds_at_the_member_s_own_edges() {
    let part = |p: Result<Policy, PolicyError>| p.and_then(Policy::checked).err().map(|e| e.part);
    let on = || Policy::on("acme.s", "sessionLength");
    assert_eq!(part(on().map(|p| p.max(60))), None);
    assert_eq!(part(on().map(|p| p.max(59))), Some("max"));
    assert_eq!(part(on().map(|p| p.min(3600))), None);
    assert_eq!(part(on().map(|p| p.min(3601))), Some("min"));
    let e = engine(on().map(|p| p.max(60)));
    assert!(e
        .check_str(r#"{"clientId": "c", "sessionLength": 60}"#, &Context::new())
        .is_valid());
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "sessionLength": 61}"#, &Context::new())),
        one("/sessionLength", "acme.s", Severity::Error)
    );
}

/// The longest length a policy may name (4096) is still compared with the member's own
/// maximum; one more is refused as longer than any value; a maximum length however large
/// refuses nothing and costs nothing.
#[test]
fn lengths_at_the_longest_a_policy_may_name() {
    let reason = |p: Result<Policy, PolicyError>| {
        p.and_then(Policy::checked)
            .err()
            .map(|e| (e.part, e.reason))
    };
    let r = || Policy::on("acme.r", "externalRef");
    assert_eq!(
        reason(r().map(|p| p.min_length(4096))),
        Some((
            "minLength",
            "above the member's own maximum length: no value can pass"
        ))
    );
    assert_eq!(
        reason(r().map(|p| p.min_length(4097))),
        Some(("minLength", "longer than any member's value may be"))
    );
    assert_eq!(reason(r().map(|p| p.max_length(usize::MAX))), None);
    let e = engine(r().map(|p| p.max_length(usize::MAX)));
    assert!(e
        .check_str(r#"{"clientId": "c", "externalRef": "abc"}"#, &Context::new())
        .is_valid());
}

/// riskAssessmentProfile is an ID (1 or more) or a UUID: a set's value is one if it is either.
#[test]
fn a_set_for_an_id_or_uuid_member_takes_either() {
    let uuid = "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab";
    let part = |p: Result<Policy, PolicyError>| p.and_then(Policy::checked).err().map(|e| e.part);
    let on = |values: &[&str]| {
        let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
        Policy::on("acme.risk", "riskAssessmentProfile").map(|p| p.one_of(values))
    };
    assert_eq!(part(on(&["1", uuid])), None);
    assert_eq!(
        part(on(&["0"])),
        Some("oneOf"),
        "below the member's minimum"
    );
    assert_eq!(part(on(&["-3"])), Some("oneOf"));
    assert_eq!(part(on(&["not-a-uuid"])), Some("oneOf"));
    let e = engine(on(&[uuid]));
    let body = format!(r#"{{"clientId": "c", "riskAssessmentProfile": "{uuid}"}}"#);
    assert_eq!(found(&e.check_str(&body, &Context::new())), []);
    assert_eq!(
        found(&e.check_str(r#"{"clientId": "c", "riskAssessmentProfile": 12}"#, &Context::new())),
        one("/riskAssessmentProfile", "acme.risk", Severity::Error)
    );
}

/// A policy applies to the value the session runs with: the profile's dashboard default where
/// the request leaves the member out or sends `null`, but where `null` is a value of its own
/// (`questionnaire`: none) the request's `null` is what runs.
#[test]
fn a_policy_checks_the_default_the_session_runs_with() {
    let file = br#"{"defaults": {"country": "DE", "locale": "lt", "questionnaire": "kyc"},
        "policies": {"acme.eu": {"member": "country", "oneOf": ["LT", "LV"]},
                     "acme.q": {"require": ["questionnaire"]},
                     "acme.loc": {"require": ["locale"]}}}"#;
    let report = load_profile(file, &Context::new());
    assert_eq!(
        report.violations().len(),
        1,
        "the default breaks acme.eu: {report}"
    );
    let engine = Engine::builder()
        .profile(report.into_result().expect("loads"))
        .build()
        .expect("its policies apply");
    let ctx = Context::new();
    let eu = one("/country", "acme.eu", Severity::Error);
    assert_eq!(found(&engine.check_str(r#"{"clientId": "c"}"#, &ctx)), eu);
    assert_eq!(
        found(&engine.check_str(r#"{"clientId": "c", "country": null}"#, &ctx)),
        eu
    );
    let v = &engine.check_str(r#"{"clientId": "c"}"#, &ctx).violations()[0].clone();
    assert!(v.message().contains("default"), "{}", v.message());
    let ok = r#"{"clientId": "c", "country": "LT", "locale": null}"#;
    assert_eq!(found(&engine.check_str(ok, &ctx)), []);
    let none = r#"{"clientId": "c", "country": "LT", "questionnaire": null}"#;
    assert_eq!(
        found(&engine.check_str(none, &ctx)),
        one("/questionnaire", "acme.q", Severity::Error)
    );
    // Without the default, the same request misses the required member.
    let bare = load_profile(
        br#"{"policies": {"acme.loc": {"require": ["locale"]}}}"#,
        &Context::new(),
    )
    .into_result()
    .expect("loads");
    let bare = Engine::builder().profile(bare).build().expect("applies");
    assert_eq!(
        found(&bare.check_str(r#"{"clientId": "c", "locale": null}"#, &ctx)),
        one("/locale", "acme.loc", Severity::Error)
    );
}

/// Generators under a profile's policies (feature `proptest`): an account whose defaults meet
/// its policies (one breaks a policy, one satisfies a requirement), with checks of each kind.
#[cfg(feature = "proptest")]
mod generators {
    use super::*;
    use idenfy_preflight::strategies::{near_misses, valid_request, NearMiss};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, TestRng, TestRunner};

    const DEFAULTS: &[u8] =
        br#"{"defaults": {"locale": "lt", "country": "DE", "questionnaire": "kyc"},
        "questionnaires": ["kyc"], "locales": ["lt", "en", "lv"],
        "policies": {
            "acme.names": {"require": ["lastName"]},
            "acme.loc": {"require": ["locale"]},
            "acme.q": {"require": ["questionnaire"]},
            "acme.eu": {"member": "country", "oneOf": ["LT", "LV"]},
            "acme.ref": {"member": "externalRef", "minLength": 3, "maxLength": 5},
            "acme.long": {"member": "firstName", "maxLength": 99},
            "acme.huge": {"member": "lastName", "minLength": 0, "maxLength": 4096},
            "acme.short": {"member": "expiryTime", "min": 60, "max": 3600},
            "acme.risk": {"member": "riskAssessmentProfile", "oneOf": ["12", "13"]},
            "acme.ui": {"member": "locale", "oneOf": ["lt", "en"]}
        }}"#;

    /// A list member's policy (no default of `country` here: a near miss on `documents` sends
    /// no country, see the report of issue 17), and the longest maximum a policy may name on
    /// a member that has none of its own (no value is one past it: no near miss).
    const LISTS: &[u8] = br#"{"policies": {
            "acme.docs": {"member": "documents", "oneOf": ["PASSPORT", "ID_CARD"]},
            "acme.ref": {"member": "externalRef", "maxLength": 39},
            "acme.qlen": {"member": "questionnaire", "maxLength": 4096}
        }}"#;

    /// An account: its engine and the per-call context.
    struct Acct {
        engine: Engine,
        ctx: Context,
    }

    fn ctx(file: &[u8]) -> Acct {
        let engine = Engine::builder()
            .profile_file(file, &Context::new())
            .expect("the profile loads")
            .build()
            .expect("its policies apply");
        Acct {
            engine,
            ctx: Context::new().with_today(today()),
        }
    }

    fn today() -> idenfy_preflight::Date {
        idenfy_preflight::Date::from_calendar_date(2026, idenfy_preflight::Month::November, 25)
            .expect("a date")
    }

    /// 64 valid requests, from a fixed seed.
    fn valid(ctx: &Acct) -> Vec<serde_json::Map<String, Value>> {
        let config = Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        };
        let rng = TestRng::deterministic_rng(config.rng_algorithm);
        let mut runner = TestRunner::new_with_rng(config, rng);
        let strategy = valid_request(&ctx.engine, &ctx.ctx);
        (0..64)
            .map(|_| {
                let v = strategy.new_tree(&mut runner).expect("generates").current();
                match v {
                    Value::Object(m) => m,
                    other => panic!("not an object: {other}"),
                }
            })
            .collect()
    }

    fn policy_misses(ctx: &Acct) -> Vec<NearMiss> {
        near_misses(&ctx.engine, &ctx.ctx)
            .into_iter()
            .filter(|m| m.label.code == Code::Policy)
            .collect()
    }

    #[test]
    fn valid_requests_keep_the_policies_and_lean_on_the_defaults() {
        for file in [DEFAULTS, LISTS] {
            let ctx = ctx(file);
            let all = valid(&ctx);
            for request in &all {
                let body = Value::Object(request.clone()).to_string();
                let report = ctx.engine.check_str(&body, &ctx.ctx);
                assert_eq!(report.error_count(), 0, "{report}");
                let policy = report.violations().iter().find(|v| v.policy().is_some());
                assert!(policy.is_none(), "{report}");
            }
            if file == DEFAULTS {
                // lastName has no default: always sent; locale's default satisfies acme.loc,
                // so some requests leave it out, and those that send it vary.
                assert!(all
                    .iter()
                    .all(|r| r.get("lastName").is_some_and(|v| !v.is_null())));
                assert!(all.iter().any(|r| !r.contains_key("locale")));
                // For questionnaire `null` is "none", not the default: acme.q has it sent.
                assert!(all
                    .iter()
                    .all(|r| r.get("questionnaire").is_none_or(|q| !q.is_null())));
                let countries: BTreeSet<String> = all
                    .iter()
                    .filter_map(|r| r.get("country"))
                    .map(Value::to_string)
                    .collect();
                assert!(countries.len() > 1, "{countries:?}");
                let refs: BTreeSet<String> = all
                    .iter()
                    .filter_map(|r| r.get("externalRef"))
                    .map(Value::to_string)
                    .collect();
                assert!(refs.len() > 1, "{refs:?}");
            } else {
                let docs: BTreeSet<String> = all
                    .iter()
                    .filter_map(|r| r.get("documents"))
                    .map(Value::to_string)
                    .collect();
                assert!(docs.len() > 1, "{docs:?}");
            }
        }
    }

    /// A dashboard default that breaks one policy (country DE, against acme.eu) and a policy on
    /// a member entangled with it (documents, whose rule reads the country): a near miss on
    /// documents goes out without a country, so the default would stand in and earn acme.eu
    /// too. No near miss may carry an error its label does not name.
    const TANGLED: &[u8] = br#"{"defaults": {"country": "DE"},
        "policies": {
            "acme.eu": {"member": "country", "oneOf": ["LT", "LV"]},
            "acme.docs": {"member": "documents", "oneOf": ["PASSPORT"]}
        }}"#;

    #[test]
    fn a_near_miss_never_lets_a_refused_default_stand_in() {
        let ctx = ctx(TANGLED);
        let misses = near_misses(&ctx.engine, &ctx.ctx);
        assert!(!misses.is_empty());
        for miss in &misses {
            let report = ctx.engine.check(&miss.body, &ctx.ctx);
            assert!(miss.label.holds(&report), "{miss:?}: {report}");
        }
    }

    #[test]
    fn each_policy_s_near_misses_earn_its_label() {
        for file in [DEFAULTS, LISTS] {
            let ctx = ctx(file);
            for miss in policy_misses(&ctx) {
                assert!(
                    miss.label.holds(&ctx.engine.check(&miss.body, &ctx.ctx)),
                    "{miss:?}"
                );
            }
        }
        let ctx = ctx(DEFAULTS);
        // Where a value breaks the policy and nothing else, that is the near miss: for
        // acme.ui, a locale the account offers (no unsupported_locale beside the policy's).
        for miss in policy_misses(&ctx) {
            let report = ctx.engine.check(&miss.body, &ctx.ctx);
            assert_eq!(report.violations().len(), 1, "{miss:?}: {report}");
        }
        let got: Vec<(String, String, Value)> = policy_misses(&ctx)
            .into_iter()
            .map(|m| {
                let name = m.label.pointer.trim_start_matches('/').to_owned();
                let body: Value = serde_json::from_slice(&m.body).expect("JSON");
                let value = body[name.as_str()].clone();
                (
                    m.label.policy.clone().unwrap_or_default(),
                    m.label.pointer,
                    value,
                )
            })
            .collect();
        let of = |code: &str| -> Vec<(String, Value)> {
            got.iter()
                .filter(|(c, _, _)| c == code)
                .map(|(_, p, v)| (p.clone(), v.clone()))
                .collect()
        };
        assert_eq!(of("acme.names"), [("/lastName".to_owned(), Value::Null)]);
        // `null` is "none" for questionnaire, so the default does not stand in.
        assert_eq!(of("acme.q"), [("/questionnaire".to_owned(), Value::Null)]);
        assert_eq!(of("acme.loc"), [], "the default sets locale");
        assert_eq!(
            of("acme.short"),
            [
                ("/expiryTime".to_owned(), json!(59)),
                ("/expiryTime".to_owned(), json!(3601))
            ]
        );
        // One character short of the minimum, one past the maximum.
        let length = |code: &str| -> Vec<(String, Option<usize>)> {
            of(code)
                .into_iter()
                .map(|(p, v)| (p, v.as_str().map(|s| s.chars().count())))
                .collect()
        };
        assert_eq!(length("acme.ref"), [("/externalRef".to_owned(), Some(2))]);
        assert_eq!(length("acme.long"), [("/firstName".to_owned(), Some(100))]);
        assert_eq!(
            of("acme.huge"),
            [],
            "no length misses a 0–4096 policy alone"
        );
        assert_eq!(of("acme.eu").len(), 1);
        assert_eq!(of("acme.risk").len(), 1);
        assert_eq!(of("acme.ui").len(), 1);
        let severities: BTreeSet<Severity> = policy_misses(&ctx)
            .iter()
            .map(|m| m.label.severity)
            .collect();
        assert_eq!(severities, [Severity::Error].into());
        let lists_ctx = super::generators::ctx(LISTS);
        let lists = policy_misses(&lists_ctx);
        let pointers: Vec<(&str, Option<&str>)> = lists
            .iter()
            .map(|m| (m.label.pointer.as_str(), m.label.policy.as_deref()))
            .collect();
        assert_eq!(
            pointers,
            [
                ("/documents/0", Some("acme.docs")),
                ("/externalRef", Some("acme.ref"))
            ]
        );
        let long: Value = serde_json::from_slice(&lists[1].body).expect("JSON");
        assert_eq!(long["externalRef"].as_str().map(str::len), Some(40));
    }
}
