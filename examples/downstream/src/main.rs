//! A service's use of the library, as a downstream crate writes it: only the public API and its
//! re-exports (this crate has no `time` of its own). A handler that takes a body from its own
//! client, checks it, and either forwards the normalized request to iDenfy or answers 400 with
//! problem details; a typed request built in code, checked with `?` into `anyhow`; and an
//! extractor generic over `validator::Validate`.
//!
//! `cargo run --manifest-path examples/downstream/Cargo.toml` runs it; CI tests it.

use idenfy_preflight::interop::{problem_details, PROBLEM_JSON};
use idenfy_preflight::time::OffsetDateTime;
use idenfy_preflight::{check, Context, Sex, TokenRequest};
use validator::Validate;

/// What the handler answers: the body it sends on to iDenfy, or the one it returns to its client.
#[derive(Debug, PartialEq)]
enum Answer {
    Forward(String),
    BadRequest {
        content_type: &'static str,
        body: String,
    },
}

fn handle(body: &[u8], ctx: &Context) -> Answer {
    match check(body, ctx).into_result() {
        Ok(request) => Answer::Forward(request.to_json_string()),
        Err(report) => Answer::BadRequest {
            content_type: PROBLEM_JSON,
            body: serde_json::to_string(&problem_details(&report)).unwrap_or_default(),
        },
    }
}

/// Building the request in code: a mistake comes back as an error `?` can carry.
fn onboarding_request(client: &str, sex: &str) -> anyhow::Result<String> {
    let request = TokenRequest {
        sex: Some(sex.parse::<Sex>()?),
        locale: Some("en".into()),
        ..TokenRequest::new(client)
    };
    Ok(request
        .check(&Context::new())
        .into_result()?
        .to_json_string())
}

/// What an extractor built on `validator` does (axum-valid, actix-web-validator).
fn extract<T: Validate + serde::de::DeserializeOwned>(body: &str) -> anyhow::Result<T> {
    let value: T = serde_json::from_str(body)?;
    value.validate()?;
    Ok(value)
}

fn main() -> anyhow::Result<()> {
    // The service reads the clock; the library never does.
    let ctx = Context::new().with_today(OffsetDateTime::now_utc().date());
    let good = handle(
        br#"{"clientId": "c-42", "firstName": " ada ", "nationality": "lt"}"#,
        &ctx,
    );
    println!("{good:?}");
    let bad = handle(
        br#"{"clientId": "c-42", "callbackUrl": "http://example.com"}"#,
        &ctx,
    );
    println!("{bad:?}");
    println!("{}", onboarding_request("c-42", "F")?);
    if let Err(e) = onboarding_request("", "F") {
        println!("refused:\n{e}");
    }
    let typed: TokenRequest = extract(r#"{"clientId": "c-42", "sex": "M"}"#)?;
    println!("{typed:?}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use idenfy_preflight::{Code, Date, Month, Severity};

    #[test]
    fn forwards_valid_and_refuses_invalid() {
        let ctx = Context::new();
        assert_eq!(
            handle(br#"{"clientId": "c1", "firstName": "ada"}"#, &ctx),
            Answer::Forward(r#"{"clientId":"c1","firstName":"ADA"}"#.into())
        );
        let Answer::BadRequest { content_type, body } = handle(br#"{"sex": "X"}"#, &ctx) else {
            panic!("invalid")
        };
        assert_eq!(content_type, "application/problem+json");
        assert!(body.contains("missing_required") && body.contains("invalid_value"));
        assert!(onboarding_request("c1", "X").is_err());
        assert!(onboarding_request("", "F")
            .unwrap_err()
            .to_string()
            .contains("/clientId"));
    }

    #[test]
    fn the_re_exports_are_enough() {
        let today = Date::from_calendar_date(2026, Month::November, 25).unwrap();
        let report = check(
            br#"{"clientId": "c1", "dateOfBirth": "2030-01-01"}"#,
            &Context::new().with_today(today),
        );
        let v = &report.violations()[0];
        assert_eq!(
            (v.code(), v.severity()),
            (Code::DateInFuture, Severity::Warning)
        );
        assert_eq!(
            format!("{:<16}|{:>8}", v.code(), v.severity()),
            "date_in_future  | warning"
        );
        assert_eq!("date_in_future".parse::<Code>(), Ok(Code::DateInFuture));
        let json: serde_json::Value = serde_json::to_value(v).unwrap();
        let back: Code = serde_json::from_value(json["code"].clone()).unwrap();
        assert_eq!(back, Code::DateInFuture);
    }

    /// Found by the `typed` fuzz target. Here, not in the crate's own tests: a dev-dependency
    /// there (jsonschema) turns on serde_json's `float_roundtrip`, which hid that without it an
    /// integer too large for i64 in an unknown member drifted by one bit on each trip through
    /// the struct.
    #[test]
    fn the_typed_request_keeps_a_huge_number_exactly_across_trips() {
        let body = r#"{"clientId":"c","ExpiryTije":-922337203685475372036808}"#;
        let ctx = Context::new();
        let typed: TokenRequest = serde_json::from_str(body).unwrap();
        let report = typed.check(&ctx);
        let sent = report.request().expect("an unknown member is a warning");
        let back = TokenRequest::try_from(sent).unwrap();
        assert_eq!(back, typed);
        assert_eq!(back.check(&ctx).request(), Some(sent));
    }

    #[test]
    fn the_extractor_refuses_what_the_check_refuses() {
        let e = extract::<TokenRequest>(r#"{"clientId": "c1", "lastName": "Sm1th"}"#).unwrap_err();
        let errors = e
            .downcast::<validator::ValidationErrors>()
            .expect("a validation error");
        assert_eq!(
            errors.field_errors()["lastName"][0].code,
            "invalid_name_character"
        );
        assert!(extract::<TokenRequest>(r#"{"clientId": "c1"}"#).is_ok());
    }
}

/// The handler tested the way the README's "Generated requests for your tests"
/// shows: it must forward every valid request and refuse every near miss that has an error,
/// naming the reason; under the service's own context (today's date) too.
#[cfg(test)]
mod generated {
    use super::*;
    use idenfy_preflight::strategies::{near_miss, near_misses, valid_body, DEBUG_BODY_BYTES};
    use idenfy_preflight::{Code, Date, Engine, Month, Severity};
    use proptest::prelude::*;

    fn today() -> Context {
        Context::new().with_today(Date::from_calendar_date(2026, Month::November, 25).unwrap())
    }

    proptest! {
        #[test]
        fn forwards_every_valid_request(body in valid_body(&Engine::default(), &Context::new())) {
            prop_assert!(matches!(handle(&body, &Context::new()), Answer::Forward(_)));
        }

        /// Generated for the context the handler checks with, a valid request is clean under
        /// it: nothing for the service to log, no `document_expired`.
        #[test]
        fn valid_requests_of_the_services_context_are_clean(body in valid_body(&Engine::default(), &today())) {
            let report = check(&body, &today());
            let warned: Vec<_> = report
                .warnings()
                .filter(|v| v.code() != Code::LegacyField)
                .map(|v| v.code())
                .collect();
            prop_assert!(report.is_valid() && warned.is_empty(), "{:?}", warned);
        }

        #[test]
        fn refuses_every_broken_request_for_its_reason(miss in near_miss(&Engine::default(), &today())) {
            match (handle(&miss.body, &today()), miss.label.severity) {
                (Answer::BadRequest { body, .. }, Severity::Error) => {
                    prop_assert!(body.contains(miss.label.code_name()), "{:?}: {}", miss, body);
                }
                (Answer::Forward(_), Severity::Warning) => {}
                (answer, _) => prop_assert!(false, "{:?} answered {:?}", miss, answer),
            }
        }
    }

    /// What proptest prints for a failing near miss is readable: the body as text, at most
    /// about a kilobyte of it, even for the megabyte of `document_too_large`.
    #[test]
    fn a_failing_near_miss_prints_readably() {
        let large = near_misses(&Engine::default(), &Context::new())
            .into_iter()
            .find(|m| m.label.code == Code::DocumentTooLarge)
            .unwrap();
        let shown = format!("{large:?}");
        assert!(
            shown.len() < DEBUG_BODY_BYTES + 300,
            "{} bytes",
            shown.len()
        );
        assert!(
            shown.contains("clientId") && shown.contains("bytes in all"),
            "{shown}"
        );
        assert!(large.json().is_some() && large.text().starts_with('{'));
    }
}
