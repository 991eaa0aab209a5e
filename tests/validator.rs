//! The `validator` feature as a service's extractor uses it: generic over `Validate`, with no
//! glue written for this crate.
#![cfg(feature = "validator")]

use idenfy_preflight::{Context, Engine, Limits, TokenRequest};
use validator::{Validate, ValidateArgs, ValidationErrors, ValidationErrorsKind};

/// What axum-valid or actix-web-validator do with a deserialized body.
fn extract<T: Validate + serde::de::DeserializeOwned>(body: &str) -> Result<T, ValidationErrors> {
    let value: T = serde_json::from_str(body).expect("deserializes");
    value.validate()?;
    Ok(value)
}

#[test]
fn a_valid_body_passes_the_extractor() {
    let request: TokenRequest = extract(r#"{"clientId": "c1", "firstName": "Ada"}"#).unwrap();
    assert_eq!(request.first_name.as_deref(), Some("Ada"));
}

#[test]
fn errors_are_keyed_by_member_with_our_codes_and_pointers() {
    let errors = extract::<TokenRequest>(
        r#"{"clientId": "c1", "documents": ["PASPORT"], "callbackUrl": "http://x.example", "lastname": "x"}"#,
    )
    .unwrap_err();
    let fields = errors.field_errors();
    let documents = &fields["documents"][0];
    assert_eq!(documents.code, "unknown_document_type");
    assert_eq!(documents.params["pointer"], "/documents/0");
    assert_eq!(documents.params["severity"], "error");
    assert_eq!(documents.params["suggestion"], "PASSPORT");
    assert!(documents
        .message
        .as_deref()
        .is_some_and(|m| m.contains("did you mean PASSPORT?")));
    assert_eq!(fields["callbackUrl"][0].code, "url_not_https");
    // A misspelled member is keyed by the name as sent.
    assert_eq!(fields["lastname"][0].code, "misspelled_field");
    // Warnings are not validation errors.
    let ok: Result<TokenRequest, _> = extract(r#"{"clientId": "c1", "nickname": "x"}"#);
    assert!(ok.is_ok());
}

#[test]
fn the_context_is_passed_as_the_validator_argument() {
    // The account's tokens last an hour; the default context's account a day.
    let engine = Engine::builder()
        .default_expiry_time(3600)
        .build()
        .expect("no policy");
    let request = TokenRequest {
        generate_digit_string: Some(true),
        expiry_time: Some(7200),
        ..TokenRequest::new("c1")
    };
    assert!(
        request.validate().is_ok(),
        "under the default expiry, two hours are allowed"
    );
    let errors = request
        .validate_with_args((&engine, &Context::new()))
        .unwrap_err();
    assert!(matches!(
        errors.errors().get("expiryTime"),
        Some(ValidationErrorsKind::Field(_))
    ));
}

#[test]
fn document_level_errors_are_under_all() {
    // A report capped at one violation closes with `too_many_violations`, about the document.
    let limits = Limits {
        max_violations: 1,
        ..Limits::default()
    };
    let ctx = Context::new().with_limits(limits);
    let request = TokenRequest {
        sex: None,
        age_limit: Some(500),
        session_length: Some(1),
        ..TokenRequest::new("")
    };
    let errors = request
        .validate_with_args((&Engine::default(), &ctx))
        .unwrap_err();
    let fields = errors.field_errors();
    assert_eq!(fields["__all__"][0].code, "too_many_violations");
    assert_eq!(fields["__all__"][0].params["pointer"], "");
}

/// An error at an alias is keyed by the name the caller wrote, not the member it stands for.
#[test]
fn errors_at_an_alias_are_keyed_by_the_alias() {
    let mut request = TokenRequest::new("c1");
    request
        .extra
        .insert("personScanRef".into(), serde_json::json!("c2"));
    let errors = request.validate().expect_err("clientId twice");
    let keys: Vec<_> = errors.field_errors().keys().cloned().collect();
    assert_eq!(keys, ["personScanRef"], "{errors:?}");
}
