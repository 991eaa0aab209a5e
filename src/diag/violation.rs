//! The report's unit: a finding placed in the input document.

use super::code::{Code, Severity};
use super::finding::Finding;
use super::loc::Order;
use super::render::Params;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// One problem found in the request, at an RFC 6901 JSON Pointer into the input.
///
/// Its message is rendered from typed facts when asked for ([`message`](Self::message),
/// `Display`, serialization), never stored as text.
///
/// ```
/// use idenfy_preflight::{check_str, Code, Context, Severity};
///
/// let report = check_str(r#"{"clientId": "c1", "sex": "X"}"#, &Context::new());
/// let v = &report.violations()[0];
/// assert_eq!((v.pointer(), v.code(), v.severity()), ("/sex", Code::InvalidValue, Severity::Error));
/// assert_eq!(v.message(), "sex must be one of M, F");
/// assert_eq!(v.to_string(), "/sex: invalid_value: sex must be one of M, F");
/// ```
#[derive(Clone, Debug)]
pub struct Violation {
    pointer: String,
    finding: Finding,
    /// The caller opted in to values (and so to suggestions derived from them).
    reveal: bool,
    value: Option<serde_json::Value>,
    /// Where it is in the input, and when it was found: how the report orders it.
    pub(crate) order: Order,
    pub(crate) seq: u64,
}

/// Equal when everything a reader sees is equal (not where in the walk it was found).
impl PartialEq for Violation {
    fn eq(&self, other: &Self) -> bool {
        (&self.pointer, &self.finding, self.reveal, &self.value)
            == (&other.pointer, &other.finding, other.reveal, &other.value)
    }
}

impl Violation {
    pub(crate) fn new(
        pointer: String,
        finding: Finding,
        reveal: bool,
        value: Option<serde_json::Value>,
    ) -> Self {
        Violation {
            pointer,
            finding,
            reveal,
            value,
            order: Order::default(),
            seq: 0,
        }
    }

    /// RFC 6901 JSON Pointer into the input document (`""` is the whole document).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// Stable machine code ([`Code::Policy`] for a partner policy's violation, whose own code
    /// [`policy`](Self::policy) gives).
    pub fn code(&self) -> Code {
        self.finding.code()
    }

    /// The partner policy's code (`acme.eu_only`), for a violation of one.
    pub fn policy(&self) -> Option<&str> {
        match &self.finding.kind {
            super::Kind::Policy { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The code as the report writes it: the partner policy's own code, else
    /// [`code`](Self::code)'s snake_case name.
    pub fn code_name(&self) -> &str {
        self.policy().unwrap_or(self.code().as_str())
    }

    /// Error or warning.
    pub fn severity(&self) -> Severity {
        self.finding.severity
    }

    /// One English sentence stating the rule and its limit. It never holds the input value, nor
    /// a suggestion derived from a personal one unless the caller opted in
    /// ([`Context::show_values`](crate::Context::show_values)); such a suggestion is said to be
    /// withheld instead. Every format (JSON, problem details, iDenfy's error body, text) shows
    /// this message.
    pub fn message(&self) -> String {
        self.finding.message(self.reveal)
    }

    /// The message for people reading text. Invisible characters are escaped: a policy's
    /// `message` comes from a profile file, and a line feed or U+202E in it must not forge or
    /// reorder a line of the report.
    pub(crate) fn message_for_people(&self) -> String {
        let message = self.message();
        match super::escape_invisible(&message) {
            Cow::Borrowed(_) => message,
            Cow::Owned(escaped) => escaped,
        }
    }

    /// Machine-readable parameters (limits, expected type, suggestion, line and column, …). For
    /// a member holding personal data they are only those free of the value
    /// ([`VALUE_FREE_PARAMS`](crate::diag::VALUE_FREE_PARAMS): no `suggestion`) unless the caller
    /// opted in ([`Context::show_values`](crate::Context::show_values)).
    pub fn params(&self) -> Params {
        self.finding.params_shown(self.reveal)
    }

    /// A likely correction, if the rule could guess one (also in [`params`](Self::params)).
    /// `None` when it is withheld: it is derived from a personal value and the caller did not
    /// opt in ([`Context::show_values`](crate::Context::show_values)).
    pub fn suggestion(&self) -> Option<&'static str> {
        self.finding
            .suggestion
            .filter(|_| !self.finding.withholds(self.reveal))
    }

    /// Whether the report shows a suggestion (the rule guessed one, and the member holds no
    /// personal data or the caller opted in): the same as `suggestion().is_some()`.
    pub fn suggestion_is_shown(&self) -> bool {
        self.suggestion().is_some()
    }

    /// Whether the rule guessed a correction that the report withholds, because it is derived
    /// from a personal value and the caller did not opt in.
    pub fn suggestion_is_withheld(&self) -> bool {
        self.finding.suggestion.is_some() && self.finding.withholds(self.reveal)
    }

    /// The offending input value, only when the caller opted in with
    /// [`Context::show_values`](crate::Context::show_values).
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.value.as_ref()
    }
}

/// `pointer: code: message` (the whole document shows as `(document)`).
impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            Cow::Borrowed("(document)")
        } else {
            super::escape_invisible(&self.pointer)
        };
        write!(
            f,
            "{pointer}: {}: {}",
            super::escape_invisible(self.code_name()),
            self.message_for_people()
        )
    }
}

/// `{"pointer", "code", "severity", "message", "params"?, "value"?}`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let params = self.params();
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("pointer", &self.pointer)?;
        map.serialize_entry("code", self.code_name())?;
        map.serialize_entry("severity", &self.severity())?;
        map.serialize_entry("message", &self.message())?;
        if !params.is_empty() {
            map.serialize_entry("params", &params)?;
        }
        if let Some(v) = &self.value {
            map.serialize_entry("value", v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_str, Context};

    fn first(body: &str, ctx: &Context) -> super::Violation {
        check_str(body, ctx).violations()[0].clone()
    }

    /// A suggestion is shown (message, params, accessor) only for a member without personal
    /// data, or when the caller opted in to values.
    #[test]
    fn a_suggestion_is_shown_unless_it_would_echo_personal_data() {
        let (plain, opted_in) = (Context::new(), Context::new().with_show_values(true));
        let country = first(r#"{"clientId": "c", "country": "LTU"}"#, &plain);
        assert_eq!(country.suggestion(), Some("LT"));
        assert!(country.suggestion_is_shown() && !country.suggestion_is_withheld());
        assert_eq!(country.params()["suggestion"], "LT");
        let nationality = r#"{"clientId": "c", "nationality": "LTU"}"#;
        let personal = first(nationality, &plain);
        assert_eq!(personal.suggestion(), None);
        assert!(!personal.suggestion_is_shown() && personal.suggestion_is_withheld());
        assert_eq!(personal.params().get("suggestion"), None);
        assert!(personal.message().contains("withheld") && !personal.message().contains("LT"));
        let revealed = first(nationality, &opted_in);
        assert_eq!(revealed.suggestion(), Some("LT"));
        assert!(revealed.suggestion_is_shown() && !revealed.suggestion_is_withheld());
        assert_eq!(revealed.params()["suggestion"], "LT");
        assert!(revealed.message().ends_with("did you mean LT?"));
        let none = first(r#"{"clientId": "c", "sex": 1}"#, &opted_in);
        assert_eq!(none.suggestion(), None);
        assert!(!none.suggestion_is_shown());
    }

    #[test]
    fn a_violation_displays_as_pointer_code_message() {
        let ctx = Context::new();
        let v = first(r#"{"clientId": "c", "sex": 1}"#, &ctx);
        assert_eq!(v.to_string(), format!("/sex: wrong_type: {}", v.message()));
        let doc = first("[]", &ctx);
        assert!(
            doc.to_string().starts_with("(document): not_an_object: "),
            "{doc}"
        );
    }

    /// Equal when a reader sees the same: the same body checked twice, not another one.
    #[test]
    fn violations_compare_by_what_they_say() {
        let ctx = Context::new();
        let body = r#"{"clientId": "c", "sex": 1}"#;
        assert_eq!(first(body, &ctx), first(body, &ctx));
        assert_ne!(
            first(body, &ctx),
            first(
                r#"{"clientId": "c", "sex": 2}"#,
                &ctx.clone().with_show_values(true)
            )
        );
        assert_ne!(
            first(body, &ctx),
            first(r#"{"clientId": "c", "locale": 1}"#, &ctx)
        );
    }
}
