//! RFC 9457 problem details (`application/problem+json`) for an invalid request, so a gateway
//! can answer with a standard body.

use crate::diag::{Code, Params, Severity, Violation};
use crate::report::Report;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::Serialize;

/// The media type of [`problem_details`].
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Characters a URI fragment may not hold literally (RFC 3986 `fragment`).
const FRAGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A JSON Pointer in the URI-fragment form RFC 9457's example uses (`#/age`).
///
/// ```
/// assert_eq!(idenfy_preflight::interop::fragment_pointer("/a b/0"), "#/a%20b/0");
/// ```
pub fn fragment_pointer(pointer: &str) -> String {
    format!("#{}", utf8_percent_encode(pointer, FRAGMENT))
}

/// One entry of [`ProblemDetails::errors`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemError {
    /// The JSON Pointer in URI-fragment form (`#/firstName`).
    pub pointer: String,
    /// The violation's message.
    pub detail: String,
    /// The stable code.
    pub code: Code,
    /// `error` or `warning`.
    pub severity: Severity,
    /// The violation's machine-readable parameters (limits, suggestion, …).
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

/// RFC 9457 problem details for an invalid request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemDetails {
    /// `about:blank`: the status code says it all.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The status phrase.
    pub title: &'static str,
    /// 400, iDenfy's status for a bad request.
    pub status: u16,
    /// A one-line summary.
    pub detail: String,
    /// The error-severity violations, in input order (RFC 9457's own example member).
    pub errors: Vec<ProblemError>,
    /// The warnings, in input order (an extension member; absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ProblemError>,
}

/// The report as RFC 9457 problem details; `None` for a valid report.
///
/// ```
/// use idenfy_preflight::{check_str, interop::problem_details, Code, Context};
///
/// let report = check_str(r#"{"clientId": "c", "sex": "x"}"#, &Context::new());
/// let problem = problem_details(&report).unwrap();
/// assert_eq!(problem.status, 400);
/// assert_eq!(problem.errors[0].pointer, "#/sex");
/// assert_eq!(problem.errors[0].code, Code::InvalidValue);
/// ```
pub fn problem_details(report: &Report<'_>) -> Option<ProblemDetails> {
    if report.is_valid() {
        return None;
    }
    // Every error found, including any the capped list left out.
    let errors = report.error_count();
    Some(ProblemDetails {
        kind: "about:blank",
        title: "Bad Request",
        status: 400,
        detail: format!(
            "The Generate token request breaks {errors} rule{}.",
            if errors == 1 { "" } else { "s" }
        ),
        errors: report.errors().map(problem_error).collect(),
        warnings: report.warnings().map(problem_error).collect(),
    })
}

fn problem_error(v: &Violation) -> ProblemError {
    ProblemError {
        pointer: fragment_pointer(v.pointer()),
        detail: v.message(),
        code: v.code(),
        severity: v.severity(),
        params: v.params(),
    }
}
