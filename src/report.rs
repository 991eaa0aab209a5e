//! The result of a check: validity, the normalized request, and every violation.

use crate::json::Value;
use crate::violation::{Severity, Violation};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A request that passed every error-level rule, normalized, ready to send.
///
/// It can only be obtained from a [`Report`], so holding one proves the body was checked.
/// Serializing it gives the exact JSON to send; member order follows the input.
///
/// ```
/// use idenfy_preflight::{check_str, Context};
///
/// let report = check_str(r#"{"clientId": "c1", "firstName": " john  tom "}"#, &Context::new());
/// let request = report.request().expect("valid");
/// assert_eq!(request.to_json_string(), r#"{"clientId":"c1","firstName":"JOHN TOM"}"#);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ValidRequest<'a> {
    members: Vec<(Cow<'a, str>, Value<'a>)>,
}

impl<'a> ValidRequest<'a> {
    pub(crate) fn new(members: Vec<(Cow<'a, str>, Value<'a>)>) -> Self {
        ValidRequest { members }
    }

    /// The normalized value of a member.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The members in input order.
    pub fn members(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// The exact JSON body to send (compact).
    pub fn to_json_string(&self) -> String {
        // Serializing strings, numbers and maps with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The request as a `serde_json::Value`.
    pub fn to_serde_value(&self) -> serde_json::Value {
        serde_json::Value::Object(
            self.members
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_serde()))
                .collect(),
        )
    }

    /// Detaches the request from the input buffer.
    pub fn into_owned(self) -> ValidRequest<'static> {
        ValidRequest {
            members: self
                .members
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                .collect(),
        }
    }
}

impl Serialize for ValidRequest<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.members.len()))?;
        for (k, v) in &self.members {
            map.serialize_entry(k.as_ref(), v)?;
        }
        map.end()
    }
}

/// Everything a check found.
///
/// Serializes as `{"valid": bool, "request": object|null, "violations": [...]}`, the CLI's JSON
/// output.
///
/// ```
/// use idenfy_preflight::{check_str, Context};
///
/// let report = check_str(r#"{"clientId": "c1", "expiryTime": "600"}"#, &Context::new());
/// assert!(!report.is_valid());
/// assert!(report.request().is_none());
/// assert_eq!(report.errors().next().map(|v| v.pointer.as_str()), Some("/expiryTime"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    valid: bool,
    request: Option<ValidRequest<'a>>,
    violations: Vec<Violation>,
    counts: (usize, usize),
}

impl<'a> Report<'a> {
    pub(crate) fn new(
        valid: bool,
        request: Option<ValidRequest<'a>>,
        violations: Vec<Violation>,
        counts: (usize, usize),
    ) -> Self {
        Report {
            valid,
            request,
            violations,
            counts,
        }
    }

    /// How many errors the check found, including any the capped list left out (see
    /// [`Limits::max_violations`](crate::Limits::max_violations); the list keeps errors ahead of
    /// warnings, so it is cut only past that many errors).
    pub fn error_count(&self) -> usize {
        self.counts.0
    }

    /// How many warnings the check found, including any the capped list left out.
    pub fn warning_count(&self) -> usize {
        self.counts.1
    }

    /// No error-severity violation was found.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// The normalized request, present exactly when the report is valid.
    pub fn request(&self) -> Option<&ValidRequest<'a>> {
        self.request.as_ref()
    }

    /// Every violation, ordered by position in the input.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The error-severity violations.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Error)
    }

    /// The warning-severity violations.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity == Severity::Warning)
    }

    /// The normalized request, or the report itself when it is invalid.
    pub fn into_result(self) -> Result<ValidRequest<'a>, Report<'a>> {
        match self.request {
            Some(r) if self.valid => Ok(r),
            request => Err(Report { request, ..self }),
        }
    }

    /// Detaches the report from the input buffer.
    pub fn into_owned(self) -> Report<'static> {
        Report {
            valid: self.valid,
            request: self.request.map(ValidRequest::into_owned),
            violations: self.violations,
            counts: self.counts,
        }
    }

    /// The report as pretty JSON (the CLI's `--format json`).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 3)?;
        st.serialize_field("valid", &self.valid)?;
        st.serialize_field("request", &self.request)?;
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}
