//! iDenfy's own error body, so a gateway or a test double can answer exactly like the API would.

use crate::diag::{Code, Violation};
use crate::report::Report;
use serde::Serialize;

/// iDenfy's error body: `{"identifier": "BAD_VALUE", "message": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdenfyError {
    /// iDenfy's stable identifier (`JSON_ERROR`, `ENCODING_ERROR`, `MISSING_VALUE`, `BAD_VALUE`,
    /// `VALIDATION_ERROR`).
    pub identifier: &'static str,
    /// Human-readable text.
    pub message: String,
    /// The HTTP status iDenfy answers with (400 for every validation error).
    #[serde(skip)]
    pub status: u16,
}

/// The identifier iDenfy uses for the kind of problem `code` names.
///
/// ```
/// use idenfy_preflight::{interop::idenfy_identifier as identifier, Code};
///
/// assert_eq!(identifier(Code::MalformedJson), "JSON_ERROR");
/// assert_eq!(identifier(Code::MissingRequired), "MISSING_VALUE");
/// assert_eq!(identifier(Code::InvalidCountryCode), "BAD_VALUE");
/// ```
pub fn identifier(code: Code) -> &'static str {
    match code {
        Code::InvalidUtf8 => "ENCODING_ERROR",
        Code::MalformedJson
        | Code::NotAnObject
        | Code::NestingTooDeep
        | Code::DocumentTooLarge
        | Code::DuplicateKey => "JSON_ERROR",
        Code::MissingRequired | Code::NullNotAllowed => "MISSING_VALUE",
        Code::TooManyViolations => "VALIDATION_ERROR",
        _ => "BAD_VALUE",
    }
}

fn rank(identifier: &str) -> u8 {
    match identifier {
        "ENCODING_ERROR" => 0,
        "JSON_ERROR" => 1,
        "MISSING_VALUE" => 2,
        "BAD_VALUE" => 3,
        _ => 4,
    }
}

/// The single error body iDenfy would answer with: the most fundamental error first (encoding,
/// then JSON, then missing values, then bad values); `None` for a valid report.
///
/// ```
/// use idenfy_preflight::{check_str, interop::idenfy_error, Context};
///
/// let report = check_str(r#"{"country": "LTU"}"#, &Context::new());
/// let e = idenfy_error(&report).unwrap();
/// assert_eq!(e.identifier, "MISSING_VALUE");
/// assert_eq!(e.message, "Field 'clientId': clientId is required (legacy name: personScanRef)");
/// ```
pub fn idenfy_error(report: &Report<'_>) -> Option<IdenfyError> {
    let first: &Violation = report.errors().min_by_key(|v| rank(identifier(v.code())))?;
    let id = identifier(first.code());
    let text = first.message();
    let message = match first.pointer().strip_prefix('/') {
        Some(path) => format!("Field '{path}': {text}"),
        None => text,
    };
    Some(IdenfyError {
        identifier: id,
        message,
        status: 400,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::problem::problem_details;
    use crate::{check_str, Context, Limits};

    #[test]
    fn each_kind_of_code_has_its_identifier() {
        let cases = [
            (Code::InvalidUtf8, "ENCODING_ERROR"),
            (Code::DuplicateKey, "JSON_ERROR"),
            (Code::NestingTooDeep, "JSON_ERROR"),
            (Code::NullNotAllowed, "MISSING_VALUE"),
            (Code::TooManyViolations, "VALIDATION_ERROR"),
            (Code::UrlNotHttps, "BAD_VALUE"),
        ];
        for (code, expected) in cases {
            assert_eq!(identifier(code), expected, "{code:?}");
        }
    }

    /// The body names the most fundamental error wherever it sits in the list.
    #[test]
    fn the_most_fundamental_error_is_named() {
        let named = |body: &str| {
            let report = check_str(body, &Context::new());
            let first = report.errors().next().map(|v| identifier(v.code()));
            (first, idenfy_error(&report).map(|e| e.identifier))
        };
        let duplicate = r#"{"clientId": "c", "sex": "X", "sex": "Y", "tokenType": "x"}"#;
        assert_eq!(named(duplicate), (Some("BAD_VALUE"), Some("JSON_ERROR")));
        let missing = r#"{"sex": "X", "clientId": null}"#;
        assert_eq!(named(missing), (Some("BAD_VALUE"), Some("MISSING_VALUE")));
    }

    #[test]
    fn a_capped_report_still_names_real_errors() {
        // 300 unknown members (warnings) before two errors, with room for three violations.
        let members: String = (0..300).map(|i| format!(r#","x{i:03}":1"#)).collect();
        let body = format!(r#"{{"clientId":"c"{members},"sex":"X","tokenType":"y"}}"#);
        let ctx = Context::new().with_limits(Limits {
            max_violations: 3,
            ..Limits::default()
        });
        let report = check_str(&body, &ctx);
        let problem = problem_details(&report).expect("invalid");
        let errors: Vec<&str> = problem.errors.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(errors, ["#/sex", "#/tokenType"]);
        assert_eq!(problem.detail, "The Generate token request breaks 2 rules.");
        let idenfy = idenfy_error(&report).expect("invalid");
        assert_eq!(
            (idenfy.identifier, idenfy.message.as_str()),
            ("BAD_VALUE", "Field 'sex': sex must be one of M, F")
        );

        // With room for one: the count still says how many errors there are.
        let ctx = Context::new().with_limits(Limits {
            max_violations: 1,
            ..Limits::default()
        });
        let report = check_str(&body, &ctx);
        let problem = problem_details(&report).expect("invalid");
        assert_eq!(
            problem.errors.len(),
            2,
            "/sex and the error-severity marker"
        );
        assert_eq!(problem.detail, "The Generate token request breaks 2 rules.");
        assert_eq!(
            idenfy_error(&report).map(|e| e.identifier),
            Some("BAD_VALUE")
        );
    }
}
