//! Invariants of the engine over generated input (proptest).

use idenfy_preflight::spec::catalogue::FIELDS;
use idenfy_preflight::spec::Shape;
use idenfy_preflight::{check, Context, Severity};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// A plausible value for a member: mostly of the right shape, sometimes near a boundary,
/// sometimes of the wrong type.
fn value_for(shape: Shape) -> BoxedStrategy<Value> {
    let wrong = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
    ];
    let right: BoxedStrategy<Value> = match shape {
        Shape::Str(_) => prop_oneof![
            "[a-zA-Z '.-]{0,12}".prop_map(Value::from),
            "[A-Z]{2,3}".prop_map(Value::from),
            Just(json!("https://example.com/x")),
            Just(json!("http://localhost")),
            Just(json!("M")),
            Just(json!("IDENTIFICATION")),
            Just(json!("en")),
            Just(json!("e8cadb52-d429-4dc2-b788-99dfbbe8a4ab")),
            "\\PC{0,120}".prop_map(Value::from),
        ]
        .boxed(),
        Shape::Date => "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::from).boxed(),
        Shape::Int(_) | Shape::IntOrStr { .. } => prop_oneof![0i64..4_000_000, Just(60), Just(3600)]
            .prop_map(Value::from)
            .boxed(),
        Shape::Number(_) => (-1.0f64..20.0).prop_map(|f| json!(f)).boxed(),
        Shape::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Shape::List(_) | Shape::StrOrList(_) => {
            prop::collection::vec(prop_oneof!["[a-zA-Z_]{1,10}", Just("PASSPORT".to_string()), Just("lt".to_string())], 0..4)
                .prop_map(|v| json!(v))
                .boxed()
        }
        Shape::Object(_) => prop_oneof![
            Just(json!({"ALL": {"ALL": {"UTILITY_BILL": {"type": "COMPARE", "fields": ["address"]}}}})),
            Just(json!({"lt": {"passport": {"S": {"type": "UPLOAD", "settings": {"canUpload": 1}}}}})),
            Just(json!({"UTILITY_BILL": {"address": "x"}})),
            Just(json!({"OTHER": {"a": 1}})),
        ]
        .boxed(),
    };
    prop_oneof![4 => right, 1 => wrong].boxed()
}

fn request() -> impl Strategy<Value = Value> {
    let members: Vec<_> = FIELDS
        .iter()
        .map(|f| prop::option::weighted(0.3, value_for(f.shape)).prop_map(move |v| (f.name, v)))
        .collect();
    (members, prop::option::of("[a-zA-Z]{1,10}"), "[!-~]{1,20}").prop_map(|(members, extra, id)| {
        let mut m = Map::new();
        m.insert("clientId".into(), Value::from(id));
        for (name, v) in members {
            if let Some(v) = v {
                m.insert(name.into(), v);
            }
        }
        if let Some(extra) = extra {
            m.entry(extra).or_insert(Value::Null);
        }
        Value::Object(m)
    })
}

fn ctx() -> Context {
    Context::new().with_today(time::macros::date!(2026 - 11 - 25))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any bytes: no panic, and the report is self-consistent.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let report = check(&bytes, &ctx());
        let has_error = report.violations().iter().any(|v| v.severity() == Severity::Error);
        prop_assert_eq!(report.is_valid(), !has_error);
        prop_assert_eq!(report.request().is_some(), report.is_valid());
    }

    /// Generated requests: every pointer resolves in the input (or names the missing clientId),
    /// and validity matches the violation list.
    #[test]
    fn pointers_point_into_the_input(body in request()) {
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let report = check(&bytes, &ctx());
        for v in report.violations() {
            prop_assert!(
                v.pointer().is_empty() || body.pointer(v.pointer()).is_some() || v.pointer() == "/clientId",
                "{} does not resolve ({})", v.pointer(), v.code()
            );
        }
        prop_assert_eq!(report.request().is_some(), report.is_valid());
    }

    /// Normalizing twice changes nothing, and a normalized request stays valid.
    #[test]
    fn normalization_is_idempotent(body in request()) {
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let report = check(&bytes, &ctx());
        if let Some(request) = report.request() {
            let once = request.to_json_string();
            let again = check(once.as_bytes(), &ctx());
            prop_assert!(again.is_valid(), "{:?}", again.violations());
            prop_assert_eq!(again.request().map(|r| r.to_json_string()), Some(once));
        }
    }

    /// Without the opt-in, no message quotes a name the caller sent.
    #[test]
    fn messages_do_not_echo_names(name in "[a-z]{5,10}[0-9]") {
        let body = json!({"clientId": "c1", "firstName": name.clone(), "lastName": name.clone()});
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        let report = check(&bytes, &ctx());
        prop_assert!(!report.is_valid());
        let text = serde_json::to_string(&report).unwrap_or_default();
        prop_assert!(!text.to_lowercase().contains(&name), "{}", text);
    }

    /// Checking the same bytes twice gives the same report.
    #[test]
    fn deterministic(body in request()) {
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        prop_assert_eq!(check(&bytes, &ctx()), check(&bytes, &ctx()));
    }
}

#[test]
fn deep_and_large_documents_are_violations_not_crashes() {
    let deep = format!(
        "{{\"clientId\":\"c\",\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = check(
        deep.as_bytes(),
        &Context::new().with_limits(idenfy_preflight::Limits {
            max_bytes: usize::MAX,
            ..Default::default()
        }),
    );
    assert_eq!(report.violations()[0].code().as_str(), "nesting_too_deep");
    let many = format!(
        "{{\"clientId\":\"c\",{}}}",
        (0..5000)
            .map(|i| format!("\"k{i}\":1"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let report = check(many.as_bytes(), &Context::new());
    assert!(report.is_valid(), "unknown members only warn");
    assert_eq!(report.violations().len(), 257);
    assert_eq!(
        report.violations()[256].code().as_str(),
        "too_many_violations"
    );
    assert_eq!(report.violations()[256].severity(), Severity::Warning);
}

proptest! {
    /// Numbers the catalogue does not check are passed through exactly as written.
    #[test]
    fn unknown_numbers_pass_through_verbatim(lit in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,2})?") {
        let body = format!(r#"{{"clientId":"c","extra":{lit},"list":[{lit}]}}"#);
        let report = check(body.as_bytes(), &ctx());
        let request = report.request().map(|r| r.to_json_string());
        prop_assert_eq!(request, Some(body));
    }
}

#[test]
fn the_cap_keeps_the_earliest_violations_even_when_they_arrive_late() {
    let limits = idenfy_preflight::Limits {
        max_violations: 10,
        ..Default::default()
    };
    // A digit string outliving the token is found after the walk, yet sits before the 300
    // unknown members.
    let members: Vec<String> = (0..300).map(|i| format!("\"u{i}\":1")).collect();
    let body = format!(
        "{{\"clientId\":\"c\",\"expiryTime\":90000,\"generateDigitString\":true,{}}}",
        members.join(",")
    );
    let report = check(body.as_bytes(), &Context::new().with_limits(limits));
    let v = report.violations();
    assert_eq!(v.len(), 11);
    assert_eq!(
        (v[0].pointer(), v[0].code().as_str()),
        ("/expiryTime", "digit_string_expiry_too_long")
    );
    assert_eq!(v[1].pointer(), "/u0");
    assert_eq!(v[9].pointer(), "/u8");
    assert_eq!(v[10].code().as_str(), "too_many_violations");
    assert_eq!(v[10].params()["omitted"], 291);
    assert_eq!(
        v[10].severity(),
        Severity::Warning,
        "only warnings were cut"
    );
    assert!(!report.is_valid(), "the kept error still counts");
}

#[test]
fn a_cut_error_keeps_the_report_invalid() {
    let limits = idenfy_preflight::Limits {
        max_violations: 3,
        ..Default::default()
    };
    let items: Vec<&str> = std::iter::repeat_n("\"XX\"", 1000).collect();
    let body = format!("{{\"clientId\":\"c\",\"documents\":[{}]}}", items.join(","));
    let report = check(body.as_bytes(), &Context::new().with_limits(limits));
    let pointers: Vec<&str> = report.violations().iter().map(|v| v.pointer()).collect();
    // Errors are kept ahead of the duplicate-item warnings that come between them.
    assert_eq!(
        pointers,
        ["/documents/0", "/documents/1", "/documents/2", ""]
    );
    assert_eq!(report.violations()[3].severity(), Severity::Error);
    // 1000 unknown-type errors plus 999 duplicate-item warnings.
    assert_eq!(report.violations()[3].params()["omitted"], 1996);
}

#[test]
fn suggestions_for_personal_members_stay_out_of_messages_and_params_unless_opted_in() {
    // Suggestions follow what a member holds: nationality and sex are about the person; country,
    // locale, documents and tokenType are account settings. Issue 16 reversed "params only":
    // a personal member's suggestion is in neither message nor params unless opted in.
    let body = br#"{"clientId":"c","nationality":"LTU","sex":"m","country":"Lithuania","locale":"sl","documents":["PASPORT","VOTER_CARD"],"tokenType":"document"}"#;
    let hidden = check(body, &ctx());
    let shown = check(body, &ctx().with_show_values(true));
    for (h, s) in hidden.violations().iter().zip(shown.violations()) {
        let personal = ["/nationality", "/sex"].contains(&h.pointer());
        assert!(s.params().get("suggestion").is_some(), "{}", s.pointer());
        assert_eq!(
            h.params().get("suggestion").is_none(),
            personal,
            "{}",
            h.pointer()
        );
        assert_eq!(h.suggestion().is_none(), personal, "{}", h.pointer());
        assert_eq!(
            !h.message().contains("did you mean"),
            personal,
            "{}: {}",
            h.pointer(),
            h.message()
        );
        assert_eq!(
            h.message().contains("withheld"),
            personal,
            "{}: {}",
            h.pointer(),
            h.message()
        );
        assert!(
            s.message().contains("did you mean"),
            "{}: {}",
            s.pointer(),
            s.message()
        );
    }
    let msg = |p: &str| {
        hidden
            .violations()
            .iter()
            .find(|v| v.pointer() == p)
            .map(|v| v.message().clone())
            .unwrap_or_default()
    };
    assert!(!msg("/nationality").contains("LT"));
    assert!(
        msg("/locale").ends_with("; did you mean si?"),
        "locale is not personal data"
    );
    assert!(msg("/documents/0").ends_with("; did you mean PASSPORT?"));
    assert!(msg("/documents/1").ends_with("; did you mean ID_CARD?"));
    assert!(msg("/country").ends_with("; did you mean LT?"));
    assert!(msg("/tokenType").ends_with("; did you mean DOCUMENT?"));
    assert_eq!(hidden.violations().len(), 7);
}
