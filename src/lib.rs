//! # idenfy-preflight
//!
//! Offline checks and normalization for the JSON body of iDenfy's identity-verification
//! "Generate token" request (`POST https://ivs.idenfy.com/api/v2/token`).
//!
//! One call reads the body, checks every documented rule, and returns a [`Report`]: whether the
//! request is valid, the normalized request to send (only when valid), and a flat list of every
//! [`Violation`] (JSON Pointer into the input, stable [`Code`], [`Severity`], message). It never
//! stops at the first problem and never panics on bad input.
//!
//! ```
//! use idenfy_preflight::{check_str, Code, Context};
//! use time::macros::date;
//!
//! let body = r#"{
//!     "clientId": "100000",
//!     "firstName": "John Tom",
//!     "lastName": "Sm1th",
//!     "nationality": "LTU",
//!     "callbackUrl": "http://example.com/hook"
//! }"#;
//! let ctx = Context::new().with_today(date!(2026 - 11 - 25));
//! let report = check_str(body, &ctx);
//! assert!(!report.is_valid());
//! let found: Vec<_> = report.violations().iter().map(|v| (v.pointer.as_str(), v.code)).collect();
//! assert_eq!(found, [
//!     ("/lastName", Code::InvalidNameCharacter),
//!     ("/nationality", Code::InvalidCountryCode),
//!     ("/callbackUrl", Code::UrlNotHttps),
//! ]);
//! ```
//!
//! The library does no I/O: today's date and account settings come in through [`Context`].
//! Every member's rules are declared once in [`catalogue::FIELDS`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalogue;
pub mod context;
mod cross;
mod engine;
pub mod interop;
pub mod json;
pub mod normalize;
pub mod report;
pub mod response;
pub mod rules;
pub mod schema;
mod sink;
mod steps;
pub mod suggest;
pub mod table;
pub mod typed;

pub(crate) use check_serialize as check_typed;
pub mod violation;

pub use context::{Context, Limits, UnknownFields};
pub use report::{Report, ValidRequest};
pub use response::{check_response, ResponseReport};
pub use typed::{
    CountrySelection, Questionnaire, RiskAssessmentProfile, Sex, TokenRequest, TokenType,
};
pub use violation::{Code, Finding, Severity, Violation};

/// Checks a request body given as raw bytes (as received or read from a file).
///
/// ```
/// use idenfy_preflight::{check, Context};
///
/// let report = check(br#"{"clientId": "100000", "locale": "EN"}"#, &Context::new());
/// assert!(report.is_valid());
/// assert_eq!(report.request().unwrap().to_json_string(), r#"{"clientId":"100000","locale":"en"}"#);
/// ```
pub fn check<'a>(body: &'a [u8], ctx: &Context) -> Report<'a> {
    engine::check(body, ctx)
}

/// Checks a request body given as a string.
pub fn check_str<'a>(body: &'a str, ctx: &Context) -> Report<'a> {
    engine::check(body.as_bytes(), ctx)
}

/// Checks a request given as a `serde_json::Value` (already parsed: duplicate keys are no
/// longer visible).
///
/// ```
/// use idenfy_preflight::{check_value, Context};
///
/// let report = check_value(&serde_json::json!({"clientId": "c1", "sex": "M"}), &Context::new());
/// assert!(report.is_valid());
/// ```
pub fn check_value(body: &serde_json::Value, ctx: &Context) -> Report<'static> {
    check_serialize(body, ctx)
}

/// Checks anything that serializes to a request body, in its serialization order.
///
/// A value serde_json cannot serialize is reported as such (one error at the document), not
/// checked as an empty body.
fn check_serialize(body: &impl serde::Serialize, ctx: &Context) -> Report<'static> {
    let bytes = match serde_json::to_vec(body) {
        Ok(bytes) => bytes,
        Err(e) => {
            let violation = Violation {
                pointer: String::new(),
                code: Code::MalformedJson,
                severity: Severity::Error,
                message: format!("the value could not be serialized as JSON: {e}"),
                params: violation::Params::new(),
                value: None,
            };
            return Report::new(false, None, vec![violation], (1, 0));
        }
    };
    // The size limit guards against hostile input, not against values the caller built.
    let ctx = Context {
        limits: Limits {
            max_bytes: usize::MAX,
            ..ctx.limits
        },
        ..ctx.clone()
    };
    engine::check(&bytes, &ctx).into_owned()
}

/// The README's Rust examples run as doc tests, so the documented usage cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
