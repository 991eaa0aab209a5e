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
//! let found: Vec<_> = report.violations().iter().map(|v| (v.pointer(), v.code())).collect();
//! assert_eq!(found, [
//!     ("/lastName", Code::InvalidNameCharacter),
//!     ("/nationality", Code::InvalidCountryCode),
//!     ("/callbackUrl", Code::UrlNotHttps),
//! ]);
//! ```
//!
//! The library does no I/O: today's date and account settings come in through [`Context`].
//! Every member's rules are declared once in [`spec::catalogue::FIELDS`].
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Layers, each using only those above it in this list (no module imports the module that calls
// it): reading JSON; diagnostics; the declarations; the rules between members; checking; reports;
// output formats.
mod check;
mod cross;
pub mod diag;
pub mod json;
pub mod output;
pub mod report;
pub mod spec;

pub mod context;
pub mod suggest;
pub mod typed;

pub use context::{Context, Limits, UnknownFields};
pub use diag::{Code, Params, Severity, Violation};
pub use report::{Report, ResponseReport, ValidRequest};
pub use typed::{
    CountrySelection, Questionnaire, RiskAssessmentProfile, Sex, TokenRequest, TokenType,
};

/// The response side: check a Generate token response, build the verification URLs, compare the
/// echo with the request.
pub mod response {
    pub use crate::check::response::urls::{
        iframe_url, redirect_url, HOSTED_REDIRECT_BASE, IFRAME_BASE,
    };
    pub use crate::spec::response::{response_member, DIGIT_STRING_LENGTH, RESPONSE_FIELDS};
    pub use crate::{check_response, check_response_str};

    /// The codes only the response checker produces (the request's conformance suite cannot
    /// expect them).
    ///
    /// ```
    /// use idenfy_preflight::{response::RESPONSE_ONLY_CODES, Code};
    ///
    /// assert!(RESPONSE_ONLY_CODES.contains(&Code::EchoChanged));
    /// ```
    pub const RESPONSE_ONLY_CODES: &[crate::Code] = &[
        crate::Code::InvalidDigitString,
        crate::Code::UnexpectedDigitStringLength,
        crate::Code::EchoChanged,
        crate::Code::EchoDropped,
    ];
}

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
    check::request::check(body, ctx)
}

/// Checks a request body given as a string.
pub fn check_str<'a>(body: &'a str, ctx: &Context) -> Report<'a> {
    check::request::check(body.as_bytes(), ctx)
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
    check::serialized(body, ctx)
}

/// Checks a token response given as raw bytes. With `request` (the normalized request that was
/// sent), every member of it the response changed or left out is reported as a warning.
///
/// ```
/// use idenfy_preflight::{check_response, Code, Context, Severity};
///
/// let body = br#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT", "digitString": "1234567"}"#;
/// let report = check_response(body, None, &Context::new());
/// assert!(report.is_valid());
/// let v = &report.violations()[0];
/// assert_eq!((v.pointer(), v.code(), v.severity()),
///            ("/digitString", Code::UnexpectedDigitStringLength, Severity::Warning));
/// ```
pub fn check_response(
    body: &[u8],
    request: Option<&ValidRequest<'_>>,
    ctx: &Context,
) -> ResponseReport {
    check::response::check(body, request, ctx)
}

/// Checks a token response given as a string (see [`check_response`]).
///
/// ```
/// use idenfy_preflight::{check_response_str, Context};
///
/// let report = check_response_str(r#"{"authToken": "t"}"#, None, &Context::new());
/// assert_eq!(report.errors().count(), 2); // scanRef and tokenType are missing
/// ```
pub fn check_response_str(
    body: &str,
    request: Option<&ValidRequest<'_>>,
    ctx: &Context,
) -> ResponseReport {
    check_response(body.as_bytes(), request, ctx)
}

/// The README's Rust examples run as doc tests, so the documented usage cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
