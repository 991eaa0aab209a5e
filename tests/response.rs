//! The response side: every response rule at its boundary, the URLs, the echo comparison.

use idenfy_preflight::response::{
    check_response_str, iframe_url, redirect_url, RESPONSE_ONLY_CODES,
};
use idenfy_preflight::{check, check_response, Code, Context, ResponseReport, Severity};
use proptest::prelude::*;
use serde_json::{json, Value};

fn example(name: &str) -> Vec<u8> {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn docs_response() -> Value {
    serde_json::from_slice(&example("docs-response.json")).expect("docs response is JSON")
}

/// The smallest valid response, with `extra` members merged in.
fn minimal(extra: Value) -> Value {
    let mut v = json!({"authToken": "token", "scanRef": "scan", "tokenType": "IDENTIFICATION"});
    if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
        o.extend(e);
    }
    v
}

fn without(mut v: Value, name: &str) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove(name);
    }
    v
}

fn check_json(body: &Value) -> ResponseReport {
    check_response_str(&body.to_string(), None, &Context::new())
}

fn found(report: &ResponseReport) -> Vec<(String, Code, Severity)> {
    report
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code(), v.severity()))
        .collect()
}

fn one(report: &ResponseReport, pointer: &str, code: Code, severity: Severity) {
    assert_eq!(
        found(report),
        [(pointer.to_owned(), code, severity)],
        "{report:#?}"
    );
}

fn clean(report: &ResponseReport) {
    assert!(report.is_valid(), "{report:#?}");
    assert!(report.violations().is_empty(), "{report:#?}");
}

use Severity::{Error, Warning};

// ---------------------------------------------------------------- the docs' example

#[test]
fn docs_response_alone_is_valid_with_the_digit_string_warning() {
    let report = check_response(&example("docs-response.json"), None, &Context::new());
    one(
        &report,
        "/digitString",
        Code::UnexpectedDigitStringLength,
        Warning,
    );
    assert!(report.is_valid());
    let v = &report.violations()[0];
    assert!(v.message().contains("has 7 digits") && v.message().contains("specify 8"));
    assert_eq!(v.params()["expected"], 8);
    assert_eq!(v.params()["length"], 7);
    assert_eq!(
        report.redirect_url(),
        Some("https://ivs.idenfy.com/api/v2/redirect?authToken=pgYQX0z2T8mtcpNj9I20uWVCLKNuG0vgr12f0wAC")
    );
    assert_eq!(
        report.iframe_url(),
        Some("https://ui.idenfy.com/?authToken=pgYQX0z2T8mtcpNj9I20uWVCLKNuG0vgr12f0wAC")
    );
}

#[test]
fn minimal_response_is_clean() {
    clean(&check_json(&minimal(json!({}))));
}

#[test]
fn report_serializes_in_the_documented_shape() {
    let report = check_json(&minimal(json!({})));
    let text = serde_json::to_string(&report).unwrap();
    let keys: Vec<usize> = [
        "\"valid\"",
        "\"violations\"",
        "\"redirectUrl\"",
        "\"iframeUrl\"",
    ]
    .iter()
    .map(|k| text.find(k).unwrap_or_else(|| panic!("{k} in {text}")))
    .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{text}");
    let v: Value = serde_json::from_str(&report.to_json_pretty()).unwrap();
    assert_eq!(v.as_object().map(|o| o.len()), Some(4));
    assert_eq!(v["valid"], true);
    assert_eq!(v["iframeUrl"], "https://ui.idenfy.com/?authToken=token");
}

// ---------------------------------------------------------------- response members

#[test]
fn auth_token_length_boundary() {
    clean(&check_json(&minimal(json!({"authToken": "a".repeat(40)}))));
    let report = check_json(&minimal(json!({"authToken": "a".repeat(41)})));
    one(&report, "/authToken", Code::TooLong, Error);
    assert_eq!(report.violations()[0].params()["max"], 40);
    assert_eq!(report.redirect_url(), None);
    assert_eq!(report.iframe_url(), None);
    one(
        &check_json(&minimal(json!({"authToken": ""}))),
        "/authToken",
        Code::TooShort,
        Error,
    );
}

#[test]
fn auth_token_is_required_printable_ascii() {
    let report = check_json(&without(minimal(json!({})), "authToken"));
    one(&report, "/authToken", Code::MissingRequired, Error);
    assert_eq!(report.redirect_url(), None);
    one(
        &check_json(&minimal(json!({"authToken": null}))),
        "/authToken",
        Code::NullNotAllowed,
        Error,
    );
    one(
        &check_json(&minimal(json!({"authToken": "tok\u{e9}n"}))),
        "/authToken",
        Code::NotPrintableAscii,
        Error,
    );
    one(
        &check_json(&minimal(json!({"authToken": 12}))),
        "/authToken",
        Code::WrongType,
        Error,
    );
}

#[test]
fn scan_ref_is_required_up_to_40() {
    clean(&check_json(&minimal(json!({"scanRef": "s".repeat(40)}))));
    one(
        &check_json(&minimal(json!({"scanRef": "s".repeat(41)}))),
        "/scanRef",
        Code::TooLong,
        Error,
    );
    one(
        &check_json(&without(minimal(json!({})), "scanRef")),
        "/scanRef",
        Code::MissingRequired,
        Error,
    );
}

#[test]
fn message_up_to_100() {
    clean(&check_json(&minimal(json!({"message": "m".repeat(100)}))));
    clean(&check_json(&minimal(json!({"message": null}))));
    one(
        &check_json(&minimal(json!({"message": "m".repeat(101)}))),
        "/message",
        Code::TooLong,
        Error,
    );
}

/// kyc.yaml lists tokenType as required in the response, but iDenfy's published example
/// responses do not always carry it: absent or null, a warning (the token is usable); present,
/// it is checked as in the request.
#[test]
fn token_type_is_expected_and_checked_as_in_the_request() {
    let absent = check_json(&without(minimal(json!({})), "tokenType"));
    one(&absent, "/tokenType", Code::MissingExpectedMember, Warning);
    assert!(absent.is_valid() && absent.redirect_url().is_some());
    assert_eq!(absent.violations()[0].params()["field"], "tokenType");
    assert!(
        absent.violations()[0]
            .message()
            .contains("OpenAPI description lists it as required"),
        "{}",
        absent.violations()[0].message()
    );
    one(
        &check_json(&minimal(json!({"tokenType": null}))),
        "/tokenType",
        Code::MissingExpectedMember,
        Warning,
    );
    // The docs' example response without its tokenType passes, with the warning beside the
    // one its 7-digit digitString always earns.
    let mut docs = docs_response();
    docs.as_object_mut().map(|o| o.remove("tokenType"));
    let report = check_json(&docs);
    assert!(report.is_valid(), "{report:#?}");
    assert_eq!(
        found(&report),
        [
            (
                "/tokenType".to_owned(),
                Code::MissingExpectedMember,
                Warning
            ),
            (
                "/digitString".to_owned(),
                Code::UnexpectedDigitStringLength,
                Warning
            ),
        ]
    );
    // A repeated tokenType has its duplicate_key error, not also the warning.
    one(
        &check_response_str(
            r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "tokenType": "DOCUMENT"}"#,
            None,
            &Context::new(),
        ),
        "/tokenType",
        Code::DuplicateKey,
        Error,
    );
    // Another required member still is an error.
    one(
        &check_json(&without(minimal(json!({})), "scanRef")),
        "/scanRef",
        Code::MissingRequired,
        Error,
    );
    clean(&check_json(&minimal(json!({"tokenType": "DOCUMENT"}))));
    one(
        &check_json(&minimal(json!({"tokenType": "SELFIE"}))),
        "/tokenType",
        Code::InvalidValue,
        Error,
    );
    one(
        &check_json(&minimal(json!({"tokenType": "VIDEO_CALL"}))),
        "/tokenType",
        Code::RetiredValue,
        Error,
    );
}

#[test]
fn digit_string_rules() {
    clean(&check_json(&minimal(json!({"digitString": "12345678"}))));
    clean(&check_json(&minimal(json!({"digitString": null}))));
    let seven = check_json(&minimal(json!({"digitString": "1234567"})));
    one(
        &seven,
        "/digitString",
        Code::UnexpectedDigitStringLength,
        Warning,
    );
    assert!(seven.is_valid() && seven.redirect_url().is_some());
    one(
        &check_json(&minimal(json!({"digitString": "123456789"}))),
        "/digitString",
        Code::UnexpectedDigitStringLength,
        Warning,
    );
    let bad = check_json(&minimal(json!({"digitString": "12a45678"})));
    one(&bad, "/digitString", Code::InvalidDigitString, Error);
    assert_eq!(bad.violations()[0].params()["position"], 3);
    assert!(!bad.violations()[0].message().contains("12a45678"));
    one(
        &check_json(&minimal(json!({"digitString": ""}))),
        "/digitString",
        Code::InvalidDigitString,
        Error,
    );
    one(
        &check_json(&minimal(json!({"digitString": 12345678}))),
        "/digitString",
        Code::WrongType,
        Error,
    );
}

#[test]
fn allowed_documents_shape() {
    clean(&check_json(&minimal(
        json!({"allowedDocuments": {"ALL": ["ID_CARD", "PASSPORT"], "LT": ["PASSPORT"]}}),
    )));
    clean(&check_json(&minimal(json!({"allowedDocuments": null}))));
    clean(&check_json(&minimal(
        json!({"allowedDocuments": {"LT": []}}),
    )));
    let cases = [
        (
            json!({"LTU": ["PASSPORT"]}),
            "/allowedDocuments/LTU",
            Code::InvalidCountryCode,
            Error,
        ),
        (
            json!({"LT": "PASSPORT"}),
            "/allowedDocuments/LT",
            Code::WrongType,
            Error,
        ),
        (
            json!({"LT": ["PASPORT"]}),
            "/allowedDocuments/LT/0",
            Code::UnknownDocumentType,
            Error,
        ),
        (
            json!({"LT": [7]}),
            "/allowedDocuments/LT/0",
            Code::WrongType,
            Error,
        ),
        (
            json!({"LT": ["PASSPORT", "PASSPORT"]}),
            "/allowedDocuments/LT/1",
            Code::DuplicateItem,
            Warning,
        ),
        (
            json!(["PASSPORT"]),
            "/allowedDocuments",
            Code::WrongType,
            Error,
        ),
    ];
    for (value, pointer, code, severity) in cases {
        let report = check_json(&minimal(json!({ "allowedDocuments": value })));
        one(&report, pointer, code, severity);
    }
    // Of another type, it is told what it should be.
    let report = check_json(&minimal(json!({"allowedDocuments": ["PASSPORT"]})));
    let message = report.violations()[0].message();
    assert!(
        message.contains("an object of arrays of strings"),
        "{message}"
    );
    let dup = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
            "allowedDocuments": {"LT": ["PASSPORT"], "LT": ["ID_CARD"]}}"#,
        None,
        &Context::new(),
    );
    one(&dup, "/allowedDocuments/LT", Code::DuplicateKey, Error);
}

#[test]
fn allowed_documents_keys_are_codes_in_any_case() {
    // The server echoes codes as it received them (the docs' own example echoes "lt").
    clean(&check_json(&minimal(
        json!({"allowedDocuments": {"lt": ["PASSPORT"], "Lv": ["ID_CARD"], "all": ["PASSPORT"]}}),
    )));
    // Kosovo's user-assigned XK, as in the request.
    clean(&check_json(&minimal(json!({
        "allowedDocuments": {"XK": ["PASSPORT"], "al": ["ID_CARD"]},
        "country": "xk",
        "nationality": "XK"
    }))));
    // Still an alpha-2 code or ALL, in whatever case.
    let report = check_json(&minimal(json!({"allowedDocuments": {"ltu": ["PASSPORT"]}})));
    one(
        &report,
        "/allowedDocuments/ltu",
        Code::InvalidCountryCode,
        Error,
    );
    assert_eq!(report.violations()[0].params()["suggestion"], "LT");
    one(
        &check_json(&minimal(json!({"allowedDocuments": {"xx": ["PASSPORT"]}}))),
        "/allowedDocuments/xx",
        Code::InvalidCountryCode,
        Error,
    );
    // Keys equal once upper-cased are one country twice: a warning, not an ambiguity.
    let twice = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
            "allowedDocuments": {"lt": ["PASSPORT"], "LT": ["ID_CARD"]}}"#,
        None,
        &Context::new(),
    );
    one(&twice, "/allowedDocuments/LT", Code::DuplicateKey, Warning);
    assert_eq!(twice.violations()[0].params()["normalized"], "LT");
    assert!(twice.is_valid()); // The second list of a country is still checked.
    let second = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
            "allowedDocuments": {"lt": ["PASSPORT"], "LT": ["PASPORT"]}}"#,
        None,
        &Context::new(),
    );
    let found: Vec<_> = second
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("/allowedDocuments/LT".to_owned(), Code::DuplicateKey),
            (
                "/allowedDocuments/LT/0".to_owned(),
                Code::UnknownDocumentType
            ),
        ]
    );
}

#[test]
fn redirect_url_member_is_a_nullable_https_url() {
    clean(&check_json(&minimal(json!({"redirectUrl": null}))));
    clean(&check_json(&minimal(
        json!({"redirectUrl": "https://ivs.idenfy.com/api/v2/redirect?authToken=token"}),
    )));
    one(
        &check_json(&minimal(json!({"redirectUrl": "http://ivs.idenfy.com/x"}))),
        "/redirectUrl",
        Code::UrlNotHttps,
        Error,
    );
}

#[test]
fn echoed_members_are_checked_loosely() {
    // Any echoed member may be null, including the request's required clientId (tokenType is
    // a response member too, and expected there: null earns a warning).
    let nulls: serde_json::Map<String, Value> = idenfy_preflight::spec::catalogue::FIELDS
        .iter()
        .filter(|f| f.name != "tokenType")
        .map(|f| (f.name.to_owned(), Value::Null))
        .collect();
    clean(&check_json(&minimal(Value::Object(nulls))));
    // Types and value rules still hold; rules between members do not run.
    clean(&check_json(&minimal(
        json!({"country": "lt", "generateDigitString": true, "expiryTime": 2_592_000,
               "dateOfIssue": "2020-01-02", "dateOfExpiry": "2020-01-01"}),
    )));
    one(
        &check_json(&minimal(json!({"expiryTime": "600"}))),
        "/expiryTime",
        Code::WrongType,
        Error,
    );
    one(
        &check_json(&minimal(json!({"nationality": "LTU"}))),
        "/nationality",
        Code::InvalidCountryCode,
        Error,
    );
    one(
        &check_json(&minimal(json!({"riskAssessmentProfile": "not-a-uuid"}))),
        "/riskAssessmentProfile",
        Code::InvalidUuid,
        Error,
    );
    // Members no documentation lists are the server's business: passed over silently.
    clean(&check_json(&minimal(json!({"somethingNew": {"a": 1}}))));
}

#[test]
fn document_level_problems_are_violations() {
    let ctx = Context::new();
    let cases: [(&[u8], Code); 4] = [
        (b"{\"authToken\": ", Code::MalformedJson),
        (b"{\"authToken\": \"\xff\"}", Code::InvalidUtf8),
        (b"[1]", Code::NotAnObject),
        (b"", Code::MalformedJson),
    ];
    for (body, code) in cases {
        let report = check_response(body, None, &ctx);
        one(&report, "", code, Error);
        assert!(report.violations()[0].message().contains("response body"));
    }
    let dup = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "authToken": "u"}"#,
        None,
        &ctx,
    );
    one(&dup, "/authToken", Code::DuplicateKey, Error);
    // The message names the document it is about: this one is no request.
    let message = dup.violations()[0].message();
    assert!(
        message.ends_with("so the response body is ambiguous"),
        "{message}"
    );
    assert!(!message.contains("request"), "{message}");
    assert_eq!(dup.redirect_url(), None);
}

// ---------------------------------------------------------------- URLs

#[test]
fn urls_are_built_from_a_usable_token_despite_errors_elsewhere() {
    let cases = [
        (
            minimal(json!({"tokenType": "VIDEO_CALL"})),
            "/tokenType",
            Code::RetiredValue,
        ),
        (
            minimal(json!({"allowedDocuments": {"LTU": ["PASSPORT"]}})),
            "/allowedDocuments/LTU",
            Code::InvalidCountryCode,
        ),
        (
            without(minimal(json!({})), "scanRef"),
            "/scanRef",
            Code::MissingRequired,
        ),
        (
            minimal(json!({"digitString": "12a45678"})),
            "/digitString",
            Code::InvalidDigitString,
        ),
    ];
    for (body, pointer, code) in cases {
        let report = check_json(&body);
        one(&report, pointer, code, Error);
        assert!(!report.is_valid());
        assert_eq!(
            report.redirect_url(),
            Some("https://ivs.idenfy.com/api/v2/redirect?authToken=token"),
            "{body}"
        );
        assert_eq!(
            report.iframe_url(),
            Some("https://ui.idenfy.com/?authToken=token"),
            "{body}"
        );
        let v: Value = serde_json::from_str(&report.to_json_pretty()).unwrap();
        assert_eq!(v["valid"], false);
        assert_eq!(v["iframeUrl"], "https://ui.idenfy.com/?authToken=token");
    }
}

#[test]
fn no_urls_without_a_usable_token() {
    let bodies = [
        without(minimal(json!({})), "authToken"),
        minimal(json!({"authToken": null})),
        minimal(json!({"authToken": 12})),
        minimal(json!({"authToken": ""})),
        minimal(json!({"authToken": "a".repeat(41)})),
        minimal(json!({"authToken": "tok\u{e9}n"})),
    ];
    for body in bodies {
        let report = check_json(&body);
        assert!(!report.is_valid(), "{body}");
        assert_eq!(report.redirect_url(), None, "{body}");
        assert_eq!(report.iframe_url(), None, "{body}");
    }
    // A repeated authToken is ambiguous, even when both copies are well-formed.
    let dup = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "authToken": "t"}"#,
        None,
        &Context::new(),
    );
    assert_eq!((dup.redirect_url(), dup.iframe_url()), (None, None));
    // The token's own verdict survives a violation list cut at its limit.
    let ctx = Context::new().with_limits(idenfy_preflight::Limits {
        max_violations: 1,
        ..Default::default()
    });
    let cut = check_response_str(
        r#"{"authToken": "t", "scanRef": 1, "tokenType": 2, "message": 3}"#,
        None,
        &ctx,
    );
    assert!(!cut.is_valid());
    assert_eq!(cut.iframe_url(), Some("https://ui.idenfy.com/?authToken=t"));
}

#[test]
fn urls_percent_encode_the_token() {
    let token = "a+b/c= d";
    assert_eq!(
        redirect_url(token),
        "https://ivs.idenfy.com/api/v2/redirect?authToken=a%2Bb%2Fc%3D%20d"
    );
    assert_eq!(
        iframe_url(token),
        "https://ui.idenfy.com/?authToken=a%2Bb%2Fc%3D%20d"
    );
    let report = check_json(&minimal(json!({ "authToken": token })));
    assert!(report.is_valid(), "{report:#?}");
    for built in [report.redirect_url(), report.iframe_url()] {
        let built = built.expect("URL built for a valid response");
        let parsed = url::Url::parse(built).expect("a valid URL");
        assert_eq!(parsed.scheme(), "https");
        let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
        assert_eq!(pairs, [("authToken".to_owned(), token.to_owned())]);
    }
}

#[test]
fn unreserved_characters_stay_as_they_are() {
    let token = "AZaz09-._~";
    assert_eq!(
        iframe_url(token),
        format!("https://ui.idenfy.com/?authToken={token}")
    );
}

// ---------------------------------------------------------------- echo comparison

fn docs_request_ctx() -> Context {
    Context::new().with_today(time::macros::date!(2026 - 11 - 25))
}

#[test]
fn docs_pair_reports_the_questionnaire_and_not_the_case_of_codes() {
    let ctx = docs_request_ctx();
    let request_bytes = example("docs-request.json");
    let request = check(&request_bytes, &ctx);
    let normalized = request.request().expect("the docs' request is valid");
    assert_eq!(normalized.get("country"), Some(serde_json::json!("LT")));
    let report = check_response(&example("docs-response.json"), Some(normalized), &ctx);
    assert_eq!(
        found(&report),
        [
            (
                "/digitString".to_owned(),
                Code::UnexpectedDigitStringLength,
                Warning
            ),
            ("/questionnaire".to_owned(), Code::EchoChanged, Warning),
        ],
        "{report:#?}"
    );
    let v = &report.violations()[1];
    assert_eq!(v.params()["sent"], "string");
    assert_eq!(v.params()["echoed"], "null");
    assert!(!v.message().contains("c8QgVx5xzspjVnQ4nJ7MCf"));
    assert!(report.is_valid());
}

#[test]
fn dropped_and_changed_members_are_warnings_at_their_pointers() {
    let ctx = docs_request_ctx();
    let request_bytes = example("docs-request.json");
    let request = check(&request_bytes, &ctx);
    let normalized = request.request().expect("valid");
    let mut response = without(docs_response(), "address");
    response["expiryTime"] = json!(900);
    response["externalRef"] = json!("REFERENCE"); // not a case-insensitive member
    response["firstName"] = json!("John  Tom"); // names compare as normalized
    response["digitString"] = Value::Null;
    response["questionnaire"] = json!("c8QgVx5xzspjVnQ4nJ7MCf");
    let report = check_response_str(&response.to_string(), Some(normalized), &ctx);
    let mut got = found(&report);
    got.sort();
    assert_eq!(
        got,
        [
            ("/address".to_owned(), Code::EchoDropped, Warning),
            ("/expiryTime".to_owned(), Code::EchoChanged, Warning),
            ("/externalRef".to_owned(), Code::EchoChanged, Warning),
        ],
        "{report:#?}"
    );
    assert!(report.is_valid());
}

#[test]
fn members_the_response_adds_are_not_reported() {
    let ctx = Context::new();
    let request = check(br#"{"clientId": "c1"}"#, &ctx);
    let response = minimal(
        json!({"clientId": "c1", "locale": "en", "expiryTime": 86400,
                                  "riskAssessmentProfile": "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab"}),
    );
    clean(&check_response_str(
        &response.to_string(),
        request.request(),
        &ctx,
    ));
}

#[test]
fn echo_details() {
    let ctx = Context::new().with_show_values(true);
    let request = check(
        br#"{"personScanRef": "c1", "documents": ["passport"], "locale": "EN", "fooBar": 1,
             "additionalSteps": {"ALL": {"ALL": {"s": {"type": "UPLOAD"}}}, "LT": {"ALL": {"t": {"type": "UPLOAD"}}}}}"#,
        &ctx,
    );
    let normalized = request.request().expect("valid");
    // clientId echoed under its legacy name, list items and locale differ only in case, object
    // members in another order: all the same value. The undocumented fooBar was dropped.
    let response = r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
        "personScanRef": "c1", "documents": ["PASSPORT"], "locale": "en",
        "additionalSteps": {"LT": {"ALL": {"t": {"type": "UPLOAD"}}}, "ALL": {"ALL": {"s": {"type": "UPLOAD"}}}}}"#;
    let report = check_response_str(response, Some(normalized), &ctx);
    one(&report, "/fooBar", Code::EchoDropped, Warning);
    // With show_values, a changed echo carries the echoed value.
    let changed = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "clientId": "c2",
            "documents": ["PASSPORT"], "locale": "en", "fooBar": 1,
            "additionalSteps": {"ALL": {"ALL": {"s": {"type": "UPLOAD"}}}, "LT": {"ALL": {"t": {"type": "UPLOAD"}}}}}"#,
        Some(normalized),
        &ctx,
    );
    one(&changed, "/clientId", Code::EchoChanged, Warning);
    assert_eq!(changed.violations()[0].value(), Some(&json!("c2")));
}

#[test]
fn numbers_echo_by_numeric_value() {
    let ctx = Context::new();
    let request = check(
        br#"{"clientId": "c1", "faceMatchingThresholdModifier": 1.0,
             "fooBar": {"a": [1.0, 2, 2.50], "b": 10000000000000000000}}"#,
        &ctx,
    );
    let normalized = request.request().expect("valid");
    let same = minimal(json!({"clientId": "c1", "faceMatchingThresholdModifier": 1,
                              "fooBar": {"b": 1e19, "a": [1, 2.0, 2.5]}}));
    clean(&check_response_str(
        &same.to_string(),
        Some(normalized),
        &ctx,
    ));
    let same_text = r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
        "clientId": "c1", "faceMatchingThresholdModifier": 1E0,
        "fooBar": {"a": [10e-1, 2, 25e-1], "b": 10000000000000000000}}"#;
    clean(&check_response_str(same_text, Some(normalized), &ctx));
    // Another value is still a change, at any depth.
    let changed = minimal(
        json!({"clientId": "c1", "faceMatchingThresholdModifier": 1.5,
                                 "fooBar": {"a": [1, 2, 2.25], "b": 1e19}}),
    );
    let report = check_response_str(&changed.to_string(), Some(normalized), &ctx);
    assert_eq!(
        found(&report),
        [
            (
                "/faceMatchingThresholdModifier".to_owned(),
                Code::EchoChanged,
                Warning
            ),
            ("/fooBar".to_owned(), Code::EchoChanged, Warning),
        ]
    );
}

#[test]
fn integers_echoed_with_a_fraction_compare_by_value() {
    let ctx = Context::new();
    let request = check(
        br#"{"clientId": "c1", "expiryTime": 600, "sessionLength": 600, "ageLimit": 18, "riskAssessmentProfile": 7}"#,
        &ctx,
    );
    let normalized = request.request().expect("valid");
    let body = |expiry: &str| {
        format!(
            r#"{{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "clientId": "c1",
                "expiryTime": {expiry}, "sessionLength": 6e2, "ageLimit": 18.0, "riskAssessmentProfile": 7.0}}"#
        )
    };
    // The server chose the spelling: not an error, and the same value.
    clean(&check_response_str(&body("600.0"), Some(normalized), &ctx));
    one(
        &check_response_str(&body("601.0"), Some(normalized), &ctx),
        "/expiryTime",
        Code::EchoChanged,
        Warning,
    );
    // A fraction is still no integer, and the range still holds.
    let report = check_response_str(&body("600.5"), Some(normalized), &ctx);
    assert!(found(&report).contains(&("/expiryTime".to_owned(), Code::WrongType, Error)));
    let report = check_response_str(&body("0.0"), Some(normalized), &ctx);
    assert!(found(&report).contains(&("/expiryTime".to_owned(), Code::TooSmall, Error)));
}

/// A response to `{"clientId": "c1", "fooBar": …}` echoing `fooBar` as `value`.
fn foo_bar_echo(value: &str) -> String {
    format!(
        r#"{{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "clientId": "c1", "fooBar": {value}}}"#
    )
}

#[test]
fn integers_echo_exactly() {
    // 2^53 + 1 and 2^53 are the same f64, but not the same integer.
    let ctx = Context::new();
    let request = check(br#"{"clientId": "c1", "fooBar": 9007199254740993}"#, &ctx);
    let normalized = request.request().expect("valid");
    let body = foo_bar_echo;
    clean(&check_response_str(
        &body("9007199254740993"),
        Some(normalized),
        &ctx,
    ));
    one(
        &check_response_str(&body("9007199254740992"), Some(normalized), &ctx),
        "/fooBar",
        Code::EchoChanged,
        Warning,
    );
}

#[test]
fn echo_of_an_invalid_response_is_still_compared() {
    let ctx = Context::new();
    let request = check(br#"{"clientId": "c1", "expiryTime": 600}"#, &ctx);
    let report = check_response_str(
        r#"{"scanRef": "s", "tokenType": "DOCUMENT", "clientId": "c1", "expiryTime": "600"}"#,
        request.request(),
        &ctx,
    );
    assert_eq!(
        found(&report),
        [
            ("/authToken".to_owned(), Code::MissingRequired, Error),
            ("/expiryTime".to_owned(), Code::WrongType, Error),
            ("/expiryTime".to_owned(), Code::EchoChanged, Warning),
        ]
    );
}

// ---------------------------------------------------------------- coverage

/// tests/conformance.rs exempts these codes from its every-code-is-expected check; this test
/// proves the response checker produces each of them.
#[test]
fn every_response_only_code_is_produced_here() {
    let ctx = Context::new();
    let request = check(br#"{"clientId": "c1", "address": "x"}"#, &ctx);
    let bodies = [
        minimal(json!({"digitString": "12a45678"})),
        minimal(json!({"digitString": "1234567", "clientId": "c2"})),
        without(minimal(json!({})), "tokenType"),
    ];
    let mut seen = std::collections::HashSet::new();
    for body in &bodies {
        let report = check_response_str(&body.to_string(), request.request(), &ctx);
        seen.extend(report.violations().iter().map(|v| v.code()));
    }
    // With a partner profile, the account the response shows is compared with it.
    let mut profile = idenfy_preflight::Profile::default();
    profile.allowed_documents = Some(
        [("ALL".to_owned(), ["PASSPORT".to_owned()].into())]
            .into_iter()
            .collect(),
    );
    let with_profile = idenfy_preflight::Engine::builder()
        .profile(profile)
        .build()
        .expect("no policy");
    let body = minimal(json!({"allowedDocuments": {"ALL": ["PASSPORT", "ID_CARD"]}}));
    let report = with_profile.check_response_str(&body.to_string(), None, &ctx);
    seen.extend(report.violations().iter().map(|v| v.code()));
    let report = check_response_str(&body.to_string(), None, &ctx);
    assert!(
        !report
            .violations()
            .iter()
            .any(|v| v.code() == Code::ProfileMismatch),
        "without a profile, the account is not compared"
    );
    for code in RESPONSE_ONLY_CODES {
        assert!(seen.contains(code), "{code} is never produced");
    }
}

#[test]
fn response_fields_are_declared_once_and_documented() {
    use idenfy_preflight::catalogue::response_members;
    for f in response_members() {
        assert!(!f.doc().is_empty(), "{}", f.name());
        assert_eq!(
            response_members().filter(|g| g.name() == f.name()).count(),
            1,
            "{}",
            f.name()
        );
    }
    let required: Vec<_> = response_members()
        .filter(|f| f.required())
        .map(|f| f.name())
        .collect();
    assert_eq!(required, ["authToken", "scanRef"]);
    assert_eq!(
        idenfy_preflight::spec::response::EXPECTED_RESPONSE_MEMBERS,
        ["tokenType"]
    );
    // Their rules in words, as `idenfy-preflight rules` and the catalogue show them.
    let rules = |name: &str| {
        response_members()
            .find(|m| m.name() == name)
            .map(|m| m.rules())
    };
    assert_eq!(
        rules("digitString").as_deref(),
        Some("digits; warns unless 8 long")
    );
}

proptest! {
    #[test]
    fn never_panics_and_pointers_are_well_formed(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let report = check_response(&bytes, None, &Context::new());
        prop_assert_eq!(report.is_valid(), report.errors().next().is_none());
        // A valid response always has its URLs; an invalid one may, from a usable token.
        prop_assert!(!report.is_valid() || report.redirect_url().is_some());
        prop_assert_eq!(report.redirect_url().is_some(), report.iframe_url().is_some());
        for v in report.violations() {
            prop_assert!(v.pointer().is_empty() || v.pointer().starts_with('/'));
        }
    }

    #[test]
    fn any_printable_token_round_trips_through_the_urls(token in "[ -~]{1,40}") {
        let report = check_json(&minimal(json!({ "authToken": token })));
        prop_assert!(report.is_valid());
        for built in [report.redirect_url(), report.iframe_url()] {
            let parsed = url::Url::parse(built.unwrap_or_default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let pairs: Vec<(String, String)> = parsed.query_pairs().into_owned().collect();
            prop_assert_eq!(pairs, vec![("authToken".to_owned(), token.clone())]);
        }
    }
}

/// A changed echo's message names the JSON types only when they differ (never the values).
#[test]
fn a_changed_echo_names_the_types_when_they_differ() {
    let ctx = Context::new();
    // An undocumented member is passed through unchecked, so its echo may change type without
    // another violation.
    let request = check(br#"{"clientId": "c1", "fooBar": 1}"#, &ctx);
    let sent = request.request().expect("valid");
    let message = |echo: &str| {
        let body = foo_bar_echo(echo);
        let report = check_response_str(&body, Some(sent), &ctx);
        one(&report, "/fooBar", Code::EchoChanged, Warning);
        report.violations()[0].message()
    };
    let same_type = message("2");
    assert!(same_type.ends_with("the server changed it"), "{same_type}");
    let other_type = message(r#""1""#);
    assert!(
        other_type.contains(" (sent an integer, echoed a string)"),
        "{other_type}"
    );
    let dropped = check_response_str(
        r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "clientId": "c1"}"#,
        Some(sent),
        &ctx,
    );
    one(&dropped, "/fooBar", Code::EchoDropped, Warning);
    assert_eq!(dropped.violations()[0].params()["field"], "fooBar");
}
