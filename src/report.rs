//! The results of a check: the normalized request (when valid), every violation, and for a
//! response the verification URLs.

use crate::diag::sink::Sink;
use crate::diag::{Severity, Violation};
use crate::json::Value;
use serde::ser::SerializeStruct;
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
    /// Always an object.
    value: Value<'a>,
}

impl<'a> ValidRequest<'a> {
    pub(crate) fn new(members: Vec<(Cow<'a, str>, Value<'a>)>) -> Self {
        ValidRequest {
            value: Value::Object(members),
        }
    }

    fn entries(&self) -> &[(Cow<'a, str>, Value<'a>)] {
        match &self.value {
            Value::Object(m) => m,
            _ => &[],
        }
    }

    /// The normalized value of a member, as sent.
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Context};
    ///
    /// let report = check_str(r#"{"clientId": "c1", "nationality": "lt"}"#, &Context::new());
    /// let request = report.request().expect("valid");
    /// assert_eq!(request.get("nationality"), Some(serde_json::json!("LT")));
    /// assert_eq!(request.get("firstName"), None);
    /// ```
    pub fn get(&self, name: &str) -> Option<serde_json::Value> {
        self.value.get(name).map(Value::to_serde)
    }

    /// The members in input order.
    pub(crate) fn members(&self) -> impl Iterator<Item = (&str, &Value<'a>)> {
        self.entries().iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many heap blocks the request owns: a vector per non-empty array and object, a string
    /// per value or name that could not borrow from the input. Not part of the API: it lets
    /// `tests/allocations.rs` hold a check to allocating nothing beyond its output.
    #[doc(hidden)]
    pub fn heap_blocks(&self) -> usize {
        fn blocks(v: &Value<'_>) -> usize {
            match v {
                Value::String(Cow::Owned(_)) | Value::NumberText(Cow::Owned(_)) => 1,
                Value::Array(items) => {
                    usize::from(items.capacity() > 0) + items.iter().map(blocks).sum::<usize>()
                }
                Value::Object(members) => {
                    usize::from(members.capacity() > 0)
                        + members
                            .iter()
                            .map(|(k, v)| usize::from(matches!(k, Cow::Owned(_))) + blocks(v))
                            .sum::<usize>()
                }
                _ => 0,
            }
        }
        blocks(&self.value)
    }

    /// The exact JSON body to send (compact).
    pub fn to_json_string(&self) -> String {
        // Serializing strings, numbers and maps with string keys cannot fail.
        serde_json::to_string(&self.value).unwrap_or_default()
    }

    /// The request as a `serde_json::Value`.
    pub fn to_serde_value(&self) -> serde_json::Value {
        self.value.to_serde()
    }

    /// Detaches the request from the input buffer.
    pub fn into_owned(self) -> ValidRequest<'static> {
        ValidRequest {
            value: self.value.into_owned(),
        }
    }
}

impl Serialize for ValidRequest<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// The violations of one check and how many of each severity it found: the part the request's,
/// the response's and the profile's reports share. The list is capped
/// ([`Limits::max_violations`](crate::Limits::max_violations)); the counts are not.
///
/// Serializes as the list (`"violations": [...]` in each report).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Violations {
    list: Vec<Violation>,
    /// Every error and warning found, including those the capped list left out.
    counts: (usize, usize),
}

impl Violations {
    pub(crate) fn new(list: Vec<Violation>, counts: (usize, usize)) -> Self {
        Violations { list, counts }
    }

    /// What a sink collected: the kept list and the full counts.
    pub(crate) fn from_sink(sink: Sink) -> Self {
        let counts = sink.counts();
        Violations::new(sink.finish(), counts)
    }

    pub(crate) fn as_slice(&self) -> &[Violation] {
        &self.list
    }

    pub(crate) fn of(&self, severity: Severity) -> impl Iterator<Item = &Violation> {
        self.list.iter().filter(move |v| v.severity() == severity)
    }

    pub(crate) fn counts(&self) -> (usize, usize) {
        self.counts
    }

    /// The verdict the violations give: no error was found (warnings allowed).
    pub(crate) fn has_errors(&self) -> bool {
        self.counts.0 > 0
    }
}

impl Serialize for Violations {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

/// The accessors every report has, each reading its [`Violations`]; `$order` says how
/// `violations` orders them.
macro_rules! violation_accessors {
    ($order:literal) => {
        #[doc = concat!("Every violation, ordered by position in ", $order, ".")]
        pub fn violations(&self) -> &[Violation] {
            self.violations.as_slice()
        }

        /// The error-severity violations.
        pub fn errors(&self) -> impl Iterator<Item = &Violation> {
            self.violations.of(Severity::Error)
        }

        /// The warning-severity violations.
        pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
            self.violations.of(Severity::Warning)
        }

        /// How many errors and warnings the check found, including any the capped list left
        /// out (see [`Limits::max_violations`](crate::Limits::max_violations); the list keeps
        /// errors ahead of warnings, so it is cut only past that many errors).
        pub fn counts(&self) -> (usize, usize) {
            self.violations.counts()
        }

        /// How many errors the check found, including any the capped list left out.
        pub fn error_count(&self) -> usize {
            self.violations.counts().0
        }

        /// How many warnings the check found, including any the capped list left out.
        pub fn warning_count(&self) -> usize {
            self.violations.counts().1
        }
    };
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
/// assert_eq!(report.errors().next().map(|v| v.pointer()), Some("/expiryTime"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Report<'a> {
    request: Option<ValidRequest<'a>>,
    violations: Violations,
}

impl<'a> Report<'a> {
    /// `request` is present exactly when no error was found.
    pub(crate) fn new(
        request: Option<ValidRequest<'a>>,
        violations: Vec<Violation>,
        counts: (usize, usize),
    ) -> Self {
        Report {
            request,
            violations: Violations::new(violations, counts),
        }
    }

    /// No error-severity violation was found.
    pub fn is_valid(&self) -> bool {
        self.request.is_some()
    }

    /// The normalized request, present exactly when the report is valid.
    pub fn request(&self) -> Option<&ValidRequest<'a>> {
        self.request.as_ref()
    }

    violation_accessors!("the input");

    /// The normalized request, or the report itself when it is invalid. The error borrows
    /// nothing (an invalid report holds no request), so `?` turns it into a `Box<dyn Error>` or
    /// an `anyhow::Error`, whose message is the report's summary and violations.
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Context};
    ///
    /// fn to_send(body: &str) -> Result<String, Box<dyn std::error::Error>> {
    ///     let request = check_str(body, &Context::new()).into_result()?;
    ///     Ok(request.to_json_string())
    /// }
    ///
    /// assert_eq!(to_send(r#"{"clientId": "c1"}"#)?, r#"{"clientId":"c1"}"#);
    /// let error = to_send(r#"{"clientId": "c1", "sex": "X"}"#).unwrap_err();
    /// assert!(error.to_string().starts_with("request: INVALID (1 error, 0 warnings)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_result(self) -> Result<ValidRequest<'a>, Report<'static>> {
        match self.request {
            Some(r) => Ok(r),
            None => Err(Report {
                request: None,
                violations: self.violations,
            }),
        }
    }

    /// Detaches the report from the input buffer.
    pub fn into_owned(self) -> Report<'static> {
        Report {
            request: self.request.map(ValidRequest::into_owned),
            violations: self.violations,
        }
    }

    /// The report as pretty JSON (the CLI's `--format json`).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

// `Display` (the human summary) and `std::error::Error` are implemented beside the human
// renderer, in `output/human.rs`, which this layer cannot import.

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 3)?;
        st.serialize_field("valid", &self.is_valid())?;
        st.serialize_field("request", &self.request)?;
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}

/// What a response check found.
///
/// Serializes as `{"valid": bool, "violations": [...], "redirectUrl": string|null,
/// "iframeUrl": string|null}`. The URLs depend on `authToken` alone: they are present whenever
/// `authToken` is present (once) and passes its own rules, **even when other members have
/// errors** (`"valid": false`), since the token still starts a verification; they are `null`
/// when `authToken` is missing, repeated, `null` or breaks its rules. A valid report always
/// has them.
///
/// ```
/// use idenfy_preflight::{check_response, Code, Context};
///
/// let report = check_response(br#"{"scanRef": "s1", "tokenType": "DOCUMENT"}"#, None, &Context::new());
/// assert!(!report.is_valid());
/// assert_eq!(report.violations()[0].code(), Code::MissingRequired);
/// assert_eq!(report.redirect_url(), None);
/// let json: serde_json::Value = serde_json::from_str(&report.to_json_pretty()).unwrap();
/// assert_eq!(json["iframeUrl"], serde_json::Value::Null);
///
/// // An error elsewhere does not withhold the URLs of a usable token.
/// let body = br#"{"authToken": "t1", "scanRef": "s1", "tokenType": "VIDEO_CALL"}"#;
/// let report = check_response(body, None, &Context::new());
/// assert!(!report.is_valid());
/// assert_eq!(report.iframe_url(), Some("https://ui.idenfy.com/?authToken=t1"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseReport {
    valid: bool,
    violations: Violations,
    redirect_url: Option<String>,
    iframe_url: Option<String>,
}

impl ResponseReport {
    /// `urls`: the redirect and iFrame URLs of a usable authToken, whatever else the response
    /// got wrong.
    pub(crate) fn new(sink: Sink, urls: Option<(String, String)>) -> Self {
        let violations = Violations::from_sink(sink);
        let (redirect_url, iframe_url) = urls.unzip();
        ResponseReport {
            valid: !violations.has_errors() && redirect_url.is_some(),
            violations,
            redirect_url,
            iframe_url,
        }
    }

    /// No error-severity violation was found (echo differences are warnings), and authToken is
    /// usable.
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    violation_accessors!("the response (absent members first)");

    /// The hosted redirect URL ([`redirect_url`](crate::response::redirect_url)), present
    /// whenever `authToken` is present once and passes its own rules, **regardless of errors in
    /// other members** (so it may be present while [`is_valid`](Self::is_valid) is false);
    /// always present when the response is valid.
    pub fn redirect_url(&self) -> Option<&str> {
        self.redirect_url.as_deref()
    }

    /// The iFrame URL ([`iframe_url`](crate::response::iframe_url)), present under the same
    /// condition as [`redirect_url`](Self::redirect_url).
    pub fn iframe_url(&self) -> Option<&str> {
        self.iframe_url.as_deref()
    }

    /// The report as pretty JSON (the CLI's `check-response --format json`).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for ResponseReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ResponseReport", 4)?;
        st.serialize_field("valid", &self.valid)?;
        st.serialize_field("violations", &self.violations)?;
        st.serialize_field("redirectUrl", &self.redirect_url)?;
        st.serialize_field("iframeUrl", &self.iframe_url)?;
        st.end()
    }
}

/// The result of reading a partner profile file: the [`Profile`](crate::Profile) when the file
/// has no error, and every violation, pointing into the file.
///
/// ```
/// use idenfy_preflight::{load_profile, Code, Context};
///
/// let report = load_profile(br#"{"nfcCountries": ["lt", "LTU"], "flow": "popup"}"#, &Context::new());
/// assert!(report.profile().is_none());
/// let found: Vec<_> = report.violations().iter().map(|v| (v.pointer(), v.code())).collect();
/// assert_eq!(found, [("/nfcCountries/1", Code::InvalidCountryCode), ("/flow", Code::InvalidValue)]);
///
/// let report = load_profile(br#"{"nfcCountries": ["lt"]}"#, &Context::new());
/// let profile = report.into_result()?;
/// assert!(profile.nfc_countries.unwrap().contains("LT")); // normalized
/// # Ok::<(), idenfy_preflight::ProfileReport>(())
/// ```
#[derive(Clone, Debug)]
pub struct ProfileReport {
    profile: Option<Box<crate::Profile>>,
    violations: Violations,
}

impl ProfileReport {
    pub(crate) fn new(profile: Option<crate::Profile>, sink: Sink) -> Self {
        ProfileReport {
            profile: profile.map(Box::new),
            violations: Violations::from_sink(sink),
        }
    }

    /// The profile, when the file has no error-severity violation.
    pub fn profile(&self) -> Option<&crate::Profile> {
        self.profile.as_deref()
    }

    /// Whether the file has no error (warnings, such as an undocumented member, are allowed).
    pub fn is_valid(&self) -> bool {
        self.profile.is_some()
    }

    violation_accessors!("the file");

    /// The profile, or the report as an error.
    pub fn into_result(self) -> Result<crate::Profile, ProfileReport> {
        match self.profile {
            Some(p) => Ok(*p),
            None => Err(self),
        }
    }

    /// The report as pretty JSON (the CLI's `--format json` for a broken profile).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl std::fmt::Display for ProfileReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (errors, warnings) = self.counts();
        write!(
            f,
            "partner profile: {errors} error(s), {warnings} warning(s)"
        )?;
        for v in self.violations() {
            write!(f, "\n  {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ProfileReport {}

/// The same shape as a request's report: `valid`, `profile` in place of `request`, `violations`.
impl Serialize for ProfileReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ProfileReport", 3)?;
        st.serialize_field("valid", &self.is_valid())?;
        st.serialize_field("profile", &self.profile)?;
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}

/// Where the value a session runs with comes from: the one resolver's answer, which the rules
/// between members read too.
pub use crate::cross::Provenance;

/// One setting of the session: the member, the value it runs with (`None`: unknown), and where
/// that comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Setting {
    /// The request member.
    pub member: &'static str,
    /// The value the session runs with; `None` when nobody here knows it (left out of the
    /// JSON, where `null` is a value: "no questionnaire").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// Where it comes from.
    #[serde(flatten)]
    pub provenance: Provenance,
    /// What the API documents for it when nothing else sets it, where the docs state a value:
    /// for a setting the dashboard can preset, the value the session runs with unless the
    /// dashboard presets another (so, without a profile saying, it is unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_default: Option<serde_json::Value>,
}

/// A request's report and the settings its session would run with (see
/// [`explain`](crate::explain)).
#[derive(Clone, Debug)]
pub struct Explanation<'a> {
    report: Report<'a>,
    settings: Vec<Setting>,
}

impl<'a> Explanation<'a> {
    pub(crate) fn new(report: Report<'a>, settings: Vec<Setting>) -> Self {
        Explanation { report, settings }
    }

    /// The report and the settings, owned (for the server's extractor).
    #[cfg(feature = "server")]
    pub(crate) fn into_parts(self) -> (Report<'a>, Vec<Setting>) {
        (self.report, self.settings)
    }

    /// The request's report, as [`check`](crate::check) gives it.
    pub fn report(&self) -> &Report<'a> {
        &self.report
    }

    /// Every setting, in catalogue order.
    pub fn settings(&self) -> &[Setting] {
        &self.settings
    }

    /// The setting of `member`, if it is one.
    pub fn setting(&self, member: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.member == member)
    }

    /// As pretty JSON: the report's members, then `settings`.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Explanation<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Explanation", 4)?;
        st.serialize_field("valid", &self.report.is_valid())?;
        st.serialize_field("request", &self.report.request())?;
        st.serialize_field("violations", &self.report.violations)?;
        st.serialize_field("settings", &self.settings)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_str, Context};

    fn blocks(body: &str) -> Option<usize> {
        check_str(body, &Context::new())
            .request()
            .map(super::ValidRequest::heap_blocks)
    }

    /// What tests/allocations.rs counts on: a block per non-empty array and object, one per
    /// value or name the normalizer had to rewrite, nothing for what borrows from the input.
    #[test]
    fn heap_blocks_count_what_the_request_owns() {
        assert_eq!(blocks(r#"{"clientId":"c"}"#), Some(1));
        assert_eq!(blocks(r#"{"clientId":"c","documents":[]}"#), Some(1));
        assert_eq!(blocks(r#"{"clientId":"c","additionalData":{}}"#), Some(1));
        assert_eq!(
            blocks(r#"{"clientId":"c","additionalData":{"X":{}}}"#),
            Some(2)
        );
        assert_eq!(
            blocks(r#"{"clientId":"c","documents":["passport","ID_CARD"]}"#),
            Some(3)
        );
        let steps = r#"{"clientId":"c","additionalSteps":{"ALL":{"ALL":{"UTILITY_BILL":{"type":"UPLOAD"}}}}}"#;
        assert_eq!(blocks(steps), Some(5));
        assert_eq!(blocks(&steps.replacen("ALL", "all", 1)), Some(6));
    }

    /// An unknown member's parameters list the candidates only when there are some.
    #[test]
    fn unknown_member_candidates_only_when_there_are_some() {
        let report = check_str(r#"{"clientId": "c", "zzzz": 1}"#, &Context::new());
        assert_eq!(report.violations()[0].params().get("candidates"), None);
    }

    #[test]
    fn a_report_as_pretty_json_is_its_serialization() {
        let report = check_str(r#"{"clientId": "c", "sex": "X"}"#, &Context::new());
        let pretty = report.to_json_pretty();
        let parsed: serde_json::Value = serde_json::from_str(&pretty).unwrap_or_default();
        assert_eq!(parsed, serde_json::to_value(&report).unwrap_or_default());
        assert!(pretty.contains("\n  \"violations\": ["), "{pretty}");
    }

    /// The three reports count and list through one `Violations`: the same accessors, the
    /// counts including what the capped list left out, the list serialized as it is.
    #[test]
    fn every_report_counts_and_lists_alike() {
        let capped = Context::new().with_limits(crate::Limits {
            max_violations: 2,
            ..crate::Limits::default()
        });
        let body = r#"{"clientId": 1, "sex": "X", "locale": 5, "country": "LTU", "zz": 1}"#;
        let request = check_str(body, &capped);
        assert_eq!(request.counts(), (4, 1));
        assert_eq!(request.violations().len(), 3, "{:?}", request.violations());
        assert_eq!(request.errors().count() + request.warnings().count(), 3);
        let profile = crate::load_profile(br#"{"flow": "popup", "zz": 1}"#, &Context::new());
        // An undocumented member of a profile file is an error (its check would stay off).
        assert_eq!((profile.error_count(), profile.warning_count()), (2, 0));
        assert_eq!(
            profile.errors().map(|v| v.pointer()).collect::<Vec<_>>(),
            ["/flow", "/zz"]
        );
        assert_eq!(profile.warnings().count(), 0);
        let response = crate::check_response_str("{}", None, &capped);
        // authToken and scanRef missing, tokenType left out (a warning) past the cap.
        assert_eq!(response.counts(), (2, 1));
        let codes: Vec<_> = response.violations().iter().map(|v| v.code()).collect();
        assert_eq!(codes.len(), 3);
        assert_eq!(codes.last(), Some(&crate::Code::TooManyViolations));
        for (json, list) in [
            (serde_json::to_value(&request), request.violations()),
            (serde_json::to_value(&profile), profile.violations()),
            (serde_json::to_value(&response), response.violations()),
        ] {
            let json = json.unwrap_or_default();
            assert_eq!(
                json["violations"],
                serde_json::to_value(list).unwrap_or_default()
            );
        }
    }

    /// One error and two warnings, each counted where it belongs.
    #[test]
    fn a_response_report_counts_by_severity() {
        let body = r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
            "redirectUrl": "http://ivs.idenfy.com/x",
            "allowedDocuments": {"lt": ["PASSPORT"], "LT": ["ID_CARD"], "lv": ["PASSPORT"], "LV": ["PASSPORT"]}}"#;
        let report = crate::check_response_str(body, None, &Context::new());
        assert_eq!(report.counts(), (1, 2));
        assert_eq!((report.error_count(), report.warning_count()), (1, 2));
        assert_eq!(report.errors().count(), 1);
        let warnings: Vec<_> = report.warnings().map(|v| v.pointer().to_owned()).collect();
        assert_eq!(warnings, ["/allowedDocuments/LT", "/allowedDocuments/LV"]);
        let empty = crate::check_response_str("{}", None, &Context::new());
        assert!(empty.error_count() > 1, "{:?}", empty.counts());
        assert_eq!(empty.error_count(), empty.errors().count());
    }
}
