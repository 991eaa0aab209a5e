//! The response side: check the body of a Generate token **response**, build the URLs that start
//! the verification from its `authToken`, and compare the echoed request with what was sent.
//!
//! The response carries its own members ([`RESPONSE_FIELDS`], declared once as data like the
//! request's [`catalogue::FIELDS`]) and mirrors the request, with defaults filled in for the
//! members the request left out. Echoed members are checked loosely: each against its type and
//! value rules from the request catalogue, any of them may be `null`, none is required, and the
//! rules between members do not run (the server answers with what it stored).
//!
//! ```
//! use idenfy_preflight::{check_response, check_str, Code, Context};
//!
//! let ctx = Context::new();
//! let request = check_str(r#"{"clientId": "c1", "country": "lt", "questionnaire": "q1"}"#, &ctx);
//! let response = br#"{
//!     "message": "Token created successfully",
//!     "authToken": "pgYQX0z2T8mtcpNj9I20",
//!     "scanRef": "ec6a7108-8c26-11e9-9758-309c231b1bac",
//!     "clientId": "c1",
//!     "country": "lt",
//!     "questionnaire": null,
//!     "tokenType": "IDENTIFICATION",
//!     "digitString": null
//! }"#;
//! let report = check_response(response, request.request(), &ctx);
//! assert!(report.is_valid()); // echo differences are warnings
//! let found: Vec<_> = report.violations().iter().map(|v| (v.pointer.as_str(), v.code)).collect();
//! assert_eq!(found, [("/questionnaire", Code::EchoChanged)]); // "lt" echoes "LT": same value
//! assert_eq!(
//!     report.redirect_url(),
//!     Some("https://ivs.idenfy.com/api/v2/redirect?authToken=pgYQX0z2T8mtcpNj9I20")
//! );
//! assert_eq!(report.iframe_url(), Some("https://ui.idenfy.com/?authToken=pgYQX0z2T8mtcpNj9I20"));
//! ```

use crate::catalogue::{self, len, member, Field, Origin, Section, Shape, FIELDS};
use crate::context::Context;
use crate::engine::{self, article, duplicate_flags, duplicate_key, Walk, ROOT};
use crate::json::Value;
use crate::normalize::Norm;
use crate::report::ValidRequest;
use crate::rules::{Country, DocumentType, HttpsUrl, PrintableAscii, Rule, StrRule};
use crate::sink::Loc;
use crate::violation::{Code, Finding, Severity, Violation};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;

/// The JSON type and rules of a response member.
///
/// Members shaped like request members reuse the catalogue's [`Shape`]; the two shapes only a
/// response has are their own variants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ResponseShape {
    /// Shaped and checked like a request member of this shape.
    Like(Shape),
    /// A non-empty string of the ASCII digits `0`–`9` (an error otherwise). A length other than
    /// `length` is only a **warning**: the docs say 8 digits, but both of their own examples
    /// have 7.
    DigitString {
        /// The documented length.
        length: usize,
    },
    /// An object whose keys are `ALL` or ISO 3166-1 alpha-2 codes, in any case (they are
    /// normalized to ASCII upper case like the request's `country`, since the server echoes
    /// codes as it received them), and whose values are arrays of strings, each checked by
    /// `items`. Repeated items, and keys that repeat an earlier key only once upper-cased
    /// (`lt` and `LT`), are warned about.
    ListsByCountry {
        /// The rules of each array item.
        items: &'static [StrRule],
    },
}

impl ResponseShape {
    /// What the JSON value must be, for messages.
    ///
    /// ```
    /// use idenfy_preflight::response::ResponseShape;
    ///
    /// assert_eq!(ResponseShape::DigitString { length: 8 }.expected(), "a string of digits");
    /// ```
    pub const fn expected(&self) -> &'static str {
        match self {
            ResponseShape::Like(shape) => shape.expected(),
            ResponseShape::DigitString { .. } => "a string of digits",
            ResponseShape::ListsByCountry { .. } => "an object of arrays of strings",
        }
    }
}

/// One member that only a token response has (or that a response requires).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResponseField {
    /// JSON name.
    pub name: &'static str,
    /// Required (and then not nullable); the others may be absent or `null`.
    pub required: bool,
    /// Type and rules.
    pub shape: ResponseShape,
    /// One line for docs and schemas.
    pub doc: &'static str,
}

const fn response_field(
    name: &'static str,
    required: bool,
    shape: ResponseShape,
    doc: &'static str,
) -> ResponseField {
    ResponseField {
        name,
        required,
        shape,
        doc,
    }
}

const fn text(rules: &'static [StrRule]) -> ResponseShape {
    ResponseShape::Like(catalogue::text(rules))
}

/// The length the docs give for digitString ("Length = 8").
pub const DIGIT_STRING_LENGTH: usize = 8;

/// The request catalogue's shape of `tokenType`, which a response must carry (OAS `required`).
const TOKEN_TYPE: Shape = FIELDS[member("tokenType").index()].shape;

/// The members of a token response beyond the echoed request (token-api.txt's response section
/// and the OpenAPI description, idenfy-facts §3). Every other member is checked as an echo of
/// the request member of that name in [`catalogue::FIELDS`].
pub const RESPONSE_FIELDS: &[ResponseField] = &[
    response_field(
        "message",
        false,
        text(&[len(0, 100)]),
        "A message for the developer about the token.",
    ),
    response_field(
        "authToken",
        true,
        text(&[len(1, 40), StrRule::PrintableAscii(PrintableAscii)]),
        "The token passed to the verification UI.",
    ),
    response_field(
        "scanRef",
        true,
        text(&[len(1, 40)]),
        "iDenfy's identifier of the verification.",
    ),
    response_field(
        "tokenType",
        true,
        ResponseShape::Like(TOKEN_TYPE),
        "Document only, or document and selfie (required by the OpenAPI description).",
    ),
    response_field(
        "digitString",
        false,
        ResponseShape::DigitString {
            length: DIGIT_STRING_LENGTH,
        },
        "Code for the mobile app; null unless generateDigitString was true.",
    ),
    response_field(
        "allowedDocuments",
        false,
        ResponseShape::ListsByCountry {
            items: &[StrRule::DocumentType(DocumentType)],
        },
        "Document types the client may use, by country code or ALL.",
    ),
    response_field(
        "redirectUrl",
        false,
        text(&[StrRule::HttpsUrl(HttpsUrl { callback: false })]),
        "Direct URL of the hosted verification flow.",
    ),
    response_field(
        "personScanRef",
        false,
        text(&[len(1, 100), StrRule::PrintableAscii(PrintableAscii)]),
        "Legacy name of clientId, echoed by the OpenAPI description.",
    ),
];

/// The response member named `name`, if it is one of [`RESPONSE_FIELDS`].
///
/// ```
/// use idenfy_preflight::response::response_member;
///
/// assert!(response_member("authToken").is_some_and(|f| f.required));
/// assert!(response_member("firstName").is_none()); // an echoed request member
/// ```
pub fn response_member(name: &str) -> Option<&'static ResponseField> {
    RESPONSE_FIELDS.iter().find(|f| f.name == name)
}

/// The codes only the response checker produces (the request's conformance suite cannot
/// expect them).
///
/// ```
/// use idenfy_preflight::{response::RESPONSE_ONLY_CODES, Code};
///
/// assert!(RESPONSE_ONLY_CODES.contains(&Code::EchoChanged));
/// ```
pub const RESPONSE_ONLY_CODES: &[Code] = &[
    Code::InvalidDigitString,
    Code::UnexpectedDigitStringLength,
    Code::EchoChanged,
    Code::EchoDropped,
];

/// The hosted verification page, without its query.
pub const HOSTED_REDIRECT_BASE: &str = "https://ivs.idenfy.com/api/v2/redirect";
/// The page to embed in an iFrame, without its query.
pub const IFRAME_BASE: &str = "https://ui.idenfy.com/";

/// Everything but RFC 3986's unreserved characters is percent-encoded (`+` stays `%2B`, space
/// becomes `%20`, so form decoding and plain percent decoding read the same token).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The hosted redirect URL for `auth_token` (percent-encoded).
///
/// ```
/// use idenfy_preflight::response::redirect_url;
///
/// assert_eq!(
///     redirect_url("a+b/c= d"),
///     "https://ivs.idenfy.com/api/v2/redirect?authToken=a%2Bb%2Fc%3D%20d"
/// );
/// ```
pub fn redirect_url(auth_token: &str) -> String {
    format!(
        "{HOSTED_REDIRECT_BASE}?authToken={}",
        utf8_percent_encode(auth_token, QUERY_VALUE)
    )
}

/// The iFrame URL for `auth_token` (percent-encoded).
///
/// ```
/// use idenfy_preflight::response::iframe_url;
///
/// assert_eq!(iframe_url("3FA5TFPA2ZE3"), "https://ui.idenfy.com/?authToken=3FA5TFPA2ZE3");
/// ```
pub fn iframe_url(auth_token: &str) -> String {
    format!(
        "{IFRAME_BASE}?authToken={}",
        utf8_percent_encode(auth_token, QUERY_VALUE)
    )
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
/// assert_eq!(report.violations()[0].code, Code::MissingRequired);
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
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseReport {
    valid: bool,
    violations: Vec<Violation>,
    redirect_url: Option<String>,
    iframe_url: Option<String>,
    #[serde(skip)]
    counts: (usize, usize),
}

impl ResponseReport {
    /// How many errors and warnings the check found, including any the capped list left out.
    pub fn counts(&self) -> (usize, usize) {
        self.counts
    }

    /// No error-severity violation was found (echo differences are warnings).
    pub fn is_valid(&self) -> bool {
        self.valid
    }

    /// Every violation, ordered by position in the response (absent members first).
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

    /// The hosted redirect URL ([`redirect_url`]), present whenever `authToken` is present
    /// once and passes its own rules, **regardless of errors in other members** (so it may be
    /// present while [`is_valid`](Self::is_valid) is false); always present when the response
    /// is valid.
    pub fn redirect_url(&self) -> Option<&str> {
        self.redirect_url.as_deref()
    }

    /// The iFrame URL ([`iframe_url`]), present under the same condition as
    /// [`redirect_url`](Self::redirect_url): whenever `authToken` is present once and passes
    /// its own rules, regardless of errors in other members.
    pub fn iframe_url(&self) -> Option<&str> {
        self.iframe_url.as_deref()
    }

    /// The report as pretty JSON (the CLI's `check-response --format json`).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// A top-level member of the response as read: its name, position and checked value
/// (normalized like the request member of that name, so echoes compare as sent).
struct Echoed<'a> {
    name: Cow<'a, str>,
    position: usize,
    value: Value<'a>,
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
/// assert_eq!((v.pointer.as_str(), v.code, v.severity),
///            ("/digitString", Code::UnexpectedDigitStringLength, Severity::Warning));
/// ```
pub fn check_response(
    body: &[u8],
    request: Option<&ValidRequest<'_>>,
    ctx: &Context,
) -> ResponseReport {
    let mut walk = Walk::new(ctx);
    let Some(members) = engine::read_object(&mut walk, body, "response body") else {
        return finish(walk, None);
    };
    // A repeated authToken is ambiguous: no URL is built from either copy.
    let token_repeated = members.iter().filter(|(k, _)| k == AUTH_TOKEN).count() > 1;
    let echoed = check_members(&mut walk, members);
    if let Some(request) = request {
        compare_echo(&mut walk, request, &echoed);
    }
    let token = echoed
        .iter()
        .find(|e| e.name == AUTH_TOKEN)
        .filter(|_| !token_repeated)
        .and_then(|e| usable_token(&e.value, ctx));
    finish(walk, token)
}

const AUTH_TOKEN: &str = "authToken";

/// The token, if `value` (the checked authToken) passes authToken's own rules from
/// [`RESPONSE_FIELDS`]. Checked apart from the walk, so errors elsewhere (and a full
/// violation list) cannot hide it.
fn usable_token<'v>(value: &'v Value<'_>, ctx: &Context) -> Option<&'v str> {
    let token = value.as_str()?;
    let Some(ResponseShape::Like(Shape::Str { rules, .. })) =
        response_member(AUTH_TOKEN).map(|f| f.shape)
    else {
        return None;
    };
    let mut found = Vec::new();
    for rule in rules {
        rule.check(AUTH_TOKEN, token, ctx, &mut found);
    }
    found
        .iter()
        .all(|f| f.severity != Severity::Error)
        .then_some(token)
}

/// Checks a token response given as a string (see [`check_response`]).
///
/// ```
/// use idenfy_preflight::{response::check_response_str, Context};
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

fn check_members<'a>(
    walk: &mut Walk<'_>,
    members: Vec<(Cow<'a, str>, Value<'a>)>,
) -> Vec<Echoed<'a>> {
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let mut out: Vec<Echoed<'a>> = Vec::with_capacity(members.len());
    for (i, (key, value)) in members.into_iter().enumerate() {
        let loc = ROOT.key(&key, i);
        if dups[i] {
            walk.report(&loc, duplicate_key(&key), None);
            continue;
        }
        let value = if let Some(rf) = response_member(&key) {
            check_response_member(walk, rf, value, &loc)
        } else if let Some(field) = catalogue::get(&key) {
            // An echo: the request member's type and rules, but null is always allowed and
            // nothing is required.
            let loose = Field {
                required: false,
                ..*field
            };
            walk.check_value(&loose, integral(field.shape, value), &loc)
                .0
        } else {
            // Members the server adds that no documentation lists are not the caller's
            // mistake; they are passed over, but an ambiguous duplicate is still reported.
            walk.check_nested_duplicates(&value, &loc);
            value
        };
        out.push(Echoed {
            name: key,
            position: i,
            value,
        });
    }
    for rf in RESPONSE_FIELDS.iter().filter(|f| f.required) {
        if !out.iter().any(|e| e.name == rf.name) {
            walk.sink.report_missing(
                rf.name,
                Finding::error(
                    Code::MissingRequired,
                    format!("{} is required in a token response", rf.name),
                )
                .with("field", rf.name),
            );
        }
    }
    out
}

/// An echoed integer the server wrote with a fraction or an exponent (`600.0`, `6e2`) as the
/// integer it is: the server chose the spelling, not the caller, and the echo is compared by
/// value. Anything else is left for the member's rules.
fn integral(shape: Shape, value: Value<'_>) -> Value<'_> {
    let Value::NumberText(text) = &value else {
        return value;
    };
    if !matches!(shape, Shape::Int(_) | Shape::IntOrUuid) {
        return value;
    }
    match text.parse::<f64>() {
        // Within ±2^53 every integral f64 is exactly that integer.
        Ok(x) if x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 => {
            #[allow(clippy::cast_possible_truncation)]
            let n = x as i64;
            Value::Number(n.into())
        }
        _ => value,
    }
}

fn check_response_member<'a>(
    walk: &mut Walk<'_>,
    rf: &ResponseField,
    value: Value<'a>,
    loc: &Loc<'_>,
) -> Value<'a> {
    match rf.shape {
        ResponseShape::Like(shape) => {
            let field = Field {
                name: rf.name,
                aliases: &[],
                section: Section::Client,
                origin: Origin::TokenPage,
                required: rf.required,
                personal: false,
                shape,
                doc: rf.doc,
            };
            walk.check_value(&field, value, loc).0
        }
        _ if matches!(value, Value::Null) => {
            if rf.required {
                let f = Finding::error(
                    Code::NullNotAllowed,
                    format!("{} is required and may not be null", rf.name),
                );
                walk.report(loc, f, None);
            }
            value
        }
        ResponseShape::DigitString { length } => {
            match &value {
                Value::String(s) => {
                    if let Some(f) = digit_string(rf.name, s, length) {
                        walk.report(loc, f, Some(&value));
                    }
                }
                other => walk.wrong_type(loc, rf.name, rf.shape.expected(), other),
            }
            value
        }
        ResponseShape::ListsByCountry { items } => match value {
            Value::Object(members) => lists_by_country(walk, rf.name, items, members, loc),
            other => {
                walk.wrong_type(loc, rf.name, rf.shape.expected(), &other);
                other
            }
        },
    }
}

/// The finding for a digitString value, if any: non-digits are an error, a length other than
/// the documented one a warning.
fn digit_string(name: &str, s: &str, length: usize) -> Option<Finding> {
    if let Some(position) = s.chars().position(|c| !c.is_ascii_digit()) {
        return Some(
            Finding::error(
                Code::InvalidDigitString,
                format!(
                    "{name} must consist of the digits 0-9 only; character {} is not a digit",
                    position + 1
                ),
            )
            .with("position", position + 1),
        );
    }
    if s.is_empty() {
        return Some(Finding::error(
            Code::InvalidDigitString,
            format!("{name} must not be empty; it is null when no code was generated"),
        ));
    }
    let n = s.len();
    (n != length).then(|| {
        Finding::warning(
            Code::UnexpectedDigitStringLength,
            format!(
                "{name} has {n} digits; the docs specify {length} (though their own examples show 7), so check what the mobile flow expects"
            ),
        )
        .with("expected", length)
        .with("length", n)
    })
}

fn lists_by_country<'a>(
    walk: &mut Walk<'_>,
    name: &str,
    items: &[StrRule],
    members: Vec<(Cow<'a, str>, Value<'a>)>,
    loc: &Loc<'_>,
) -> Value<'a> {
    const KEY: [StrRule; 1] = [StrRule::Country(Country { allow_all: true })];
    // Codes in any case, upper-cased like the request's country before the rule runs.
    let uppers: Vec<Cow<'a, str>> = members
        .iter()
        .map(|(k, _)| Norm::Upper.apply(k.clone()))
        .collect();
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let folded = duplicate_flags(uppers.iter().map(|k| k.as_ref()));
    let mut out = Vec::with_capacity(members.len());
    for (i, ((key, value), upper)) in members.into_iter().zip(uppers).enumerate() {
        let at = loc.key(&key, i);
        if dups[i] {
            walk.report(&at, duplicate_key(&key), None);
            continue;
        }
        if folded[i] {
            let f = Finding::warning(
                Code::DuplicateKey,
                format!("this key repeats an earlier {name} key once both are upper-cased (country codes are case-insensitive), so the country has two lists"),
            )
            .with("name", key.as_ref())
            .with("normalized", upper.as_ref());
            walk.report(&at, f, None);
        }
        walk.run_rules(&format!("{name} keys"), false, &KEY, &upper, &at, None);
        let value = match value {
            Value::Array(list) => walk.string_items(name, false, Norm::AsIs, items, list, &at),
            other => {
                walk.wrong_type(
                    &at,
                    &format!("{name} entries"),
                    "an array of strings",
                    &other,
                );
                other
            }
        };
        out.push((upper, value));
    }
    Value::Object(out)
}

/// Whether two checked values are the same JSON value: numbers by numeric value (integers
/// exactly, otherwise as `f64`, so `1.0` and `1` are equal), objects regardless of member order
/// (the last of duplicate names counts, as in `serde_json`), everything else exactly.
fn same_value(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Number(_) | Value::NumberText(_), Value::Number(_) | Value::NumberText(_)) => {
            same_number(a, b)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (last_members(x), last_members(y));
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

/// An object's members by name, the last of duplicate names winning.
fn last_members<'m, 'a>(
    members: &'m [(Cow<'a, str>, Value<'a>)],
) -> FxHashMap<&'m str, &'m Value<'a>> {
    members.iter().map(|(k, v)| (k.as_ref(), v)).collect()
}

fn same_number(a: &Value<'_>, b: &Value<'_>) -> bool {
    let int = |v: &Value<'_>| match v {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    };
    let float = |v: &Value<'_>| match v {
        Value::Number(n) => n.as_f64(),
        Value::NumberText(t) => t.parse::<f64>().ok(),
        _ => None,
    };
    if let (Some(x), Some(y)) = (int(a), int(b)) {
        return x == y;
    }
    match (float(a), float(b)) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => x == y,
        // Beyond f64's range (1e400): only the same text is the same number.
        _ => a == b,
    }
}

/// Reports every member of `request` that the response changed or left out.
fn compare_echo(walk: &mut Walk<'_>, request: &ValidRequest<'_>, echoed: &[Echoed<'_>]) {
    for (name, sent) in request.members() {
        // A response may echo a member under a legacy name (personScanRef for clientId).
        let aliases = catalogue::get(name).map_or(&[][..], |f| f.aliases);
        let found = echoed
            .iter()
            .find(|e| e.name == name)
            .or_else(|| echoed.iter().find(|e| aliases.iter().any(|a| e.name == *a)));
        match found {
            None => walk.sink.report_missing(
                name,
                Finding::warning(
                    Code::EchoDropped,
                    format!("the request sent {name}, but the response leaves it out: the server dropped or ignored it"),
                )
                .with("field", name),
            ),
            Some(e) if !same_value(sent, &e.value) => {
                let (was, now) = (sent.type_name(), e.value.type_name());
                let mut msg = format!(
                    "the response echoes {name} with another value than the request sent: the server changed it"
                );
                if was != now {
                    msg.push_str(&format!(" (sent {}, echoed {})", article(was), article(now)));
                }
                let f = Finding::warning(Code::EchoChanged, msg)
                    .with("field", name)
                    .with("sent", was)
                    .with("echoed", now);
                walk.report(&ROOT.key(&e.name, e.position), f, Some(&e.value));
            }
            Some(_) => {}
        }
    }
}

/// `token`: the authToken if it passed its own rules; the URLs are built from it whatever
/// else the response got wrong.
fn finish(walk: Walk<'_>, token: Option<&str>) -> ResponseReport {
    let valid = !walk.sink.has_errors() && token.is_some();
    let counts = walk.sink.counts();
    let violations = walk.sink.finish();
    ResponseReport {
        valid,
        violations,
        counts,
        redirect_url: token.map(redirect_url),
        iframe_url: token.map(iframe_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_names_are_unique_and_required_ones_are_documented() {
        let mut names: Vec<_> = RESPONSE_FIELDS.iter().map(|f| f.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
        assert_eq!(
            TOKEN_TYPE,
            catalogue::get("tokenType").map(|f| f.shape).unwrap()
        );
    }

    #[test]
    fn digit_string_boundaries() {
        assert!(digit_string("d", "12345678", 8).is_none());
        let f = digit_string("d", "1234567", 8).unwrap();
        assert_eq!(
            (f.code, f.severity),
            (Code::UnexpectedDigitStringLength, Severity::Warning)
        );
        let f = digit_string("d", "12a45678", 8).unwrap();
        assert_eq!(
            (f.code, f.params["position"].as_u64()),
            (Code::InvalidDigitString, Some(3))
        );
        assert_eq!(
            digit_string("d", "", 8).unwrap().code,
            Code::InvalidDigitString
        );
        // Non-ASCII digits are not digits.
        assert_eq!(
            digit_string("d", "１２３４５６７８", 8).unwrap().code,
            Code::InvalidDigitString
        );
    }
}
