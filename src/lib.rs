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
//! use idenfy_preflight::{check_str, Code, Context, Date, Month};
//!
//! let body = r#"{
//!     "clientId": "100000",
//!     "firstName": "John Tom",
//!     "lastName": "Sm1th",
//!     "nationality": "LTU",
//!     "callbackUrl": "http://example.com/hook"
//! }"#;
//! let ctx = Context::new().with_today(Date::from_calendar_date(2026, Month::November, 25)?);
//! let report = check_str(body, &ctx);
//! assert!(!report.is_valid());
//! let found: Vec<_> = report.violations().iter().map(|v| (v.pointer(), v.code())).collect();
//! assert_eq!(found, [
//!     ("/lastName", Code::InvalidNameCharacter),
//!     ("/nationality", Code::InvalidCountryCode),
//!     ("/callbackUrl", Code::UrlNotHttps),
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The library does no I/O: today's date comes in through [`Context`], and what the partner
//! knows of its account (a partner [`Profile`], its own [`Policy`]s, the account's settings) is
//! compiled once into an [`Engine`]; the free functions are the default engine (no profile).
//!
//! # The public API
//!
//! - [`check`], [`check_str`], [`check_value`], [`TokenRequest::check`]: a body (or a typed
//!   request) to a [`Report`]; [`Report::into_result`] gives the [`ValidRequest`] to send, or the
//!   report as an error (it implements [`std::error::Error`], so `?` works with `Box<dyn Error>`
//!   and `anyhow`).
//! - [`Engine`] (built by [`Engine::builder`]): the same checks, [`explain`] and the response's,
//!   for one account: its [`Profile`] (or a profile file, [`load_profile`]), its [`Policy`]s,
//!   its [`UnknownFields`] policy and default token lifetime, compiled once and shared.
//! - [`Context`], [`Limits`]: what varies per call besides the body; [`Date`] and [`Month`]
//!   (from `time`) to say what day it is.
//! - [`Violation`], [`Code`], [`Severity`], [`Params`]: what was found.
//! - [`TokenRequest`] and its enums: the request as a Rust value (`Serialize`, `Deserialize`).
//! - [`response`]: the Generate token response and the verification URLs.
//! - [`interop`]: RFC 9457 problem details and iDenfy's own error body, for gateways.
//! - [`schema`]: the JSON Schemas, for teams and tools that don't run Rust.
//! - [`render`]: human-readable reports and the docs tables (what the CLI prints).
//! - [`catalogue`]: a read-only view of the documented members (which hold personal data, which
//!   are required, what each means).
//! - With the `validator` feature, [`TokenRequest`] implements `validator::Validate`.
//! - With the `proptest` feature, [`strategies`]: valid requests and labelled near misses, built
//!   from the catalogue, for testing a service; with `arbitrary`, [`arbitrary::ArbitraryRequest`]
//!   for cargo-fuzz.
//!
//! (Without those features the two links go to docs.rs, which builds every feature.)
//!
#![cfg_attr(
    not(feature = "proptest"),
    doc = "\n[`strategies`]: https://docs.rs/idenfy-preflight/latest/idenfy_preflight/strategies/index.html"
)]
#![cfg_attr(
    not(feature = "arbitrary"),
    doc = "\n[`arbitrary::ArbitraryRequest`]: https://docs.rs/idenfy-preflight/latest/idenfy_preflight/arbitrary/struct.ArbitraryRequest.html"
)]
// docs.rs (`--cfg docsrs`) labels each feature-gated item with its feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Layers, each using only those above it in this list (no module imports the module that calls
// it; tests/layers.rs holds them): reading JSON, the caller's context and suggestions;
// diagnostics; the declarations; the rules between members; reports; checking; output formats
// and the typed request.
mod account;
#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub mod arbitrary;
mod check;
mod context;
mod cross;
#[doc(hidden)]
pub mod diag;
mod json;
#[cfg(any(feature = "proptest", feature = "arbitrary"))]
mod kit;
mod output;
mod profile;
mod report;
#[cfg(feature = "server")]
#[cfg_attr(docsrs, doc(cfg(feature = "server")))]
pub mod server;
#[doc(hidden)]
pub mod spec;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
mod suggest;
mod typed;
#[cfg(feature = "validator")]
mod validate;

// `diag` and `spec` are reachable but hidden: each rule's doc example (and the integration
// tests' value generators) use the declarations and findings directly. They are not part of the
// API and may change in any release; the stable view of the declarations is `catalogue`.

pub use check::engine::{Engine, EngineBuilder};
pub use context::{Context, Limits, UnknownFields, DEFAULT_EXPIRY_TIME, MAX_EXPIRY_TIME};
pub use cross::policy::{CatalogueRule, Policy, PolicyError};
pub use diag::{Code, Params, Severity, UnknownName, Violation};
pub use profile::PolicySpec;
pub use profile::{Flow, Permission, Permissions, Profile};
pub use report::{
    Explanation, ProfileReport, Provenance, Report, ResponseReport, Setting, ValidRequest,
};
pub use spec::rules::partner_code::is_partner_code;
/// The `time` crate this one is built with, so that a caller can say what day it is
/// (`idenfy_preflight::time::OffsetDateTime::now_utc().date()`) without depending on it. (Its
/// `date!` macro names `::time`, so it needs `time` as a dependency of the caller's own;
/// [`Date::from_calendar_date`] does not.)
pub use time;
pub use time::{Date, Month};
pub use typed::{
    CountrySelection, ParseError, Questionnaire, RiskAssessmentProfile, Sex, TokenRequest,
    TokenType,
};

/// The response side: check a Generate token response, build the verification URLs, compare the
/// echo with the request.
pub mod response {
    pub use crate::check::response::urls::{
        iframe_url, redirect_url, HOSTED_REDIRECT_BASE, IFRAME_BASE,
    };
    pub use crate::spec::response::DIGIT_STRING_LENGTH;
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
        crate::Code::MissingExpectedMember,
        crate::Code::ProfileMismatch,
    ];
}

/// The codes only a partner profile file earns (a request's check cannot).
///
/// ```
/// use idenfy_preflight::{Code, PROFILE_ONLY_CODES};
///
/// assert_eq!(PROFILE_ONLY_CODES, &[Code::InvalidPolicy]);
/// ```
pub const PROFILE_ONLY_CODES: &[Code] = &[Code::InvalidPolicy];

/// Answers for an HTTP API in front of iDenfy: RFC 9457 problem details, or iDenfy's own error
/// body, built from an invalid report; the answers given before the engine runs (credentials,
/// content type, method) and the warnings header, as `schema/openapi.json` states them.
pub mod interop {
    pub use crate::output::idenfy::{idenfy_error, identifier as idenfy_identifier, IdenfyError};
    pub use crate::output::openapi::{
        method_not_allowed, unauthorized, unsupported_media_type, warnings_header, TOKEN_PATH,
        WARNINGS_HEADER,
    };
    pub use crate::output::problem::{
        fragment_pointer, problem_details, ProblemDetails, ProblemError, PROBLEM_JSON,
    };
}

/// The JSON Schemas (2020-12) of the request, the response and the report, generated from the
/// catalogue, the OpenAPI 3.1 document that embeds them (the files in `schema/` are their
/// output), and what only the engine can check.
pub mod schema {
    pub use crate::output::openapi::openapi;
    pub use crate::output::schema::{
        all, engine_only, expresses, profile_schema, report_schema, request_schema,
        response_schema, EngineOnly, Scope,
    };
}

/// Reports as text for people, and the docs tables (what the CLI prints).
pub mod render {
    pub use crate::output::human::{escape_text, Human};
    pub use crate::output::schema::engine_only_markdown;
    pub use crate::output::table::{
        codes_markdown, profile_markdown, rules_markdown, rules_markdown_for,
    };
}

/// A read-only view of the documented members.
pub mod catalogue {
    pub use crate::output::catalogue::{
        member, members, response_members, MemberInfo, Origin, Section,
    };
}

/// Checks a request body given as raw bytes (as received or read from a file), with the
/// default engine (no partner profile, no policy: [`Engine::check`] for one).
///
/// ```
/// use idenfy_preflight::{check, Context};
///
/// let report = check(br#"{"clientId": "100000", "locale": "EN"}"#, &Context::new());
/// assert!(report.is_valid());
/// assert_eq!(report.request().unwrap().to_json_string(), r#"{"clientId":"100000","locale":"en"}"#);
/// ```
pub fn check<'a>(body: &'a [u8], ctx: &Context) -> Report<'a> {
    // A caller's context carries the default engine's account (only an engine sets another),
    // so checking under it as given is the default engine's check, without building one.
    check::request::check(body, ctx)
}

/// Reads a partner profile file (the format of `schema/partner-profile.schema.json`): every
/// member is checked like a request's, and the [`Profile`] is given only when nothing is an
/// error, so a request is never checked against a broken profile. `ctx` gives the limits (a
/// member the format does not document is always an error). The report keeps the warnings;
/// [`EngineBuilder::profile`] takes the profile (or [`EngineBuilder::profile_file`] reads it).
///
/// ```
/// use idenfy_preflight::{load_profile, Code, Context, Engine};
///
/// let file = br#"{"permissions": {"callbackOverride": false}, "questionnaires": ["kyc-basic"]}"#;
/// let profile = load_profile(file, &Context::new()).into_result()?;
/// let engine = Engine::builder().profile(profile).build()?;
/// let ctx = Context::new();
/// let report = engine.check_str(r#"{"clientId": "c1", "questionnaire": "kyc-basik"}"#, &ctx);
/// let v = &report.violations()[0];
/// assert_eq!((v.pointer(), v.code()), ("/questionnaire", Code::InactiveQuestionnaire));
/// assert!(v.message().ends_with("did you mean kyc-basic?"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_profile(file: &[u8], ctx: &Context) -> ProfileReport {
    check::profile::load(file, ctx)
}

/// Checks a request body and resolves every session setting to the value the session will run
/// with and where it comes from: the request, the partner profile's dashboard default, the API's
/// documented default, or another setting that decides it. Without a profile, the settings the
/// account decides are unknown: [`Engine::explain`] explains with a profile.
///
/// ```
/// use idenfy_preflight::{Context, Engine, Provenance};
///
/// let file = br#"{"defaults": {"nfcRequired": true, "autoFaceMatching": false}}"#;
/// let engine = Engine::builder().profile_file(file, &Context::new())?.build()?;
/// let ctx = Context::new();
/// let e = engine.explain(br#"{"clientId": "c1", "checkLiveness": true, "locale": "lt"}"#, &ctx);
/// let nfc = e.setting("nfcRequired").unwrap();
/// assert_eq!((nfc.value.clone(), nfc.provenance), (Some(true.into()), Provenance::ProfileDefault));
/// let liveness = e.setting("checkLiveness").unwrap();
/// assert_eq!(liveness.provenance, Provenance::Forced { by: "autoFaceMatching" });
/// // The dashboard can preset tokenType: without the profile saying, it is unknown.
/// let token = e.setting("tokenType").unwrap();
/// assert_eq!((token.provenance, token.api_default.clone()), (Provenance::Unknown, Some("IDENTIFICATION".into())));
/// assert_eq!(e.setting("sessionLength").unwrap().provenance, Provenance::ApiDefault);
/// assert_eq!(e.setting("locale").unwrap().provenance, Provenance::Request);
/// assert_eq!(e.setting("checkAml").unwrap().provenance, Provenance::Unknown);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn explain<'a>(body: &'a [u8], ctx: &Context) -> Explanation<'a> {
    check::explain::explain(body, ctx, &[])
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
    check::serialized(body, ctx, &[])
}

/// Checks a token response given as raw bytes. With `request` (the normalized request that was
/// sent), every member of it the response changed or left out is reported as a warning.
/// [`Engine::check_response`] also compares the response with a partner profile.
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
/// assert_eq!(report.errors().count(), 1); // scanRef is missing
/// assert_eq!(report.warnings().count(), 1); // and tokenType, which the docs' example may omit
/// ```
pub fn check_response_str(
    body: &str,
    request: Option<&ValidRequest<'_>>,
    ctx: &Context,
) -> ResponseReport {
    check_response(body.as_bytes(), request, ctx)
}

/// Whether the slowest tests sample instead of sweeping: set `IDENFY_QUICK_TESTS` for mutation
/// testing, which runs the suite once per mutant (docs/CONTRIBUTING.md, "Mutation testing").
#[cfg(test)]
pub(crate) fn quick_tests() -> bool {
    std::env::var_os("IDENFY_QUICK_TESTS").is_some()
}

/// The README's Rust examples run as doc tests, so the documented usage cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
