//! Messages and parameters, rendered from a finding's facts when asked for.
//!
//! Nothing derived from a personal value leaves a report unless the caller opted in
//! ([`Context::show_values`](crate::Context::show_values), `--show-values`): not in the message,
//! not in `params`. A suggestion (`LTU` → `LT` reveals the nationality) is named only for a
//! member that holds no personal data (the account settings `country`, `documents`, `locale`,
//! `tokenType`, ...); otherwise the message says that a correction is withheld and how to see it,
//! and `params` keeps only the parameters declared free of the value ([`VALUE_FREE_PARAMS`]:
//! limits, positions, counts, character classes, JSON types), so a parameter added later is
//! withheld until it is declared free.

use super::finding::{
    Finding, Folded, Implausible, Kind, Num, Place, PolicyFailure, ProfileMismatch, TypeHint,
};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::LazyLock;

/// Machine-readable parameters of a violation (limits, expected types, suggestions, positions).
pub type Params = Map<String, Value>;

/// The parameters a finding about a personal member keeps when the caller did not opt in to
/// values: they say what the rule wants and where the value breaks it (a limit, a position, a
/// count, a character class, a JSON type, the partner policy), never what the value is or what
/// it should be. Every other parameter (`suggestion`, any added later) is withheld.
///
/// A position or a length is derived from the value but tells nothing of what it holds; a
/// listed character (`"character": "!"`) or a suggestion would, so they are not here.
pub const VALUE_FREE_PARAMS: &[&str] = &[
    "allowed",
    "at",
    "check",
    "class",
    "count",
    "countries",
    "expected",
    "field",
    "format",
    "found",
    "length",
    "limit",
    "max",
    "min",
    "permission",
    "plausible_max",
    "policy",
    "position",
    "reason",
    "rule",
    "source",
    "tolerance_days",
];

/// How a message treats what is derived from the value (a suggestion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suggestions {
    /// Name it.
    Named,
    /// Say that one is withheld, and how to see it.
    Withheld,
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

impl From<Num> for Value {
    fn from(n: Num) -> Value {
        match n {
            Num::Int(i) => i.into(),
            Num::Float(x) => x.into(),
        }
    }
}

fn range(min: Num, max: Option<Num>) -> String {
    match max {
        Some(max) => format!("between {min} and {max}"),
        None => format!("at least {min}"),
    }
}

impl Finding {
    /// Whether what is derived from the value (a suggestion, a parameter not in
    /// [`VALUE_FREE_PARAMS`]) is withheld: the subject holds personal data and the caller did not
    /// opt in (`reveal`).
    pub fn withholds(&self, reveal: bool) -> bool {
        self.personal && !reveal
    }

    /// The message, naming a suggestion derived from a personal value only when `reveal`.
    pub fn message(&self, reveal: bool) -> String {
        let mode = if self.withholds(reveal) {
            Suggestions::Withheld
        } else {
            Suggestions::Named
        };
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = self.write_message(mode, &mut out);
        out
    }

    /// The parameters a report shows: all of them when `reveal` or the subject holds no
    /// personal data, else only those in [`VALUE_FREE_PARAMS`].
    pub fn params_shown(&self, reveal: bool) -> Params {
        let mut p = self.params();
        if self.withholds(reveal) {
            p.retain(|k, _| VALUE_FREE_PARAMS.contains(&k.as_str()));
        }
        p
    }

    /// The message, as one English sentence that never holds the input value.
    pub(crate) fn write_message(&self, mode: Suggestions, out: &mut String) -> fmt::Result {
        let s = self.subject.name;
        let who = match self.subject.part {
            Some(part) => format!("{s} {part}"),
            None => s.to_owned(),
        };
        let who = who.as_str();
        match &self.kind {
            Kind::InvalidUtf8 {
                document,
                line,
                column,
                ..
            } => write!(
                out,
                "the {} is not valid UTF-8 (first bad byte at line {line}, column {column})",
                document.name()
            )?,
            Kind::MalformedJson {
                document,
                reason,
                line,
                column,
            } => write!(
                out,
                "the {} is not valid JSON: {reason} at line {line}, column {column}",
                document.name()
            )?,
            Kind::NotSerializable { reason } => {
                write!(out, "the value could not be serialized as JSON: {reason}")?
            }
            Kind::NotAnObject { document, found } => write!(
                out,
                "the {} must be a JSON object, not {}",
                document.name(),
                found.with_article()
            )?,
            // Readers may stop at limit + 1 bytes, so the size is a lower bound.
            Kind::DocumentTooLarge {
                document, limit, ..
            } => write!(
                out,
                "the {} is larger than the limit of {limit} bytes",
                document.name()
            )?,
            Kind::NestingTooDeep {
                limit,
                line,
                column,
            } => write!(
                out,
                "arrays and objects are nested more than {limit} levels deep (at line {line}, column {column})"
            )?,
            Kind::TooManyViolations { limit, omitted } => write!(
                out,
                "the report stops after {limit} violations; {omitted} more were found and left out"
            )?,
            Kind::DuplicateKey { folded, document, .. } => match folded {
                None => write!(out, "this member name appears more than once in the object; JSON parsers disagree on which copy wins, so the {} is ambiguous", document.name())?,
                Some(Folded::SameKeyTwice { .. }) => out.push_str("this key repeats an earlier key once both are upper-cased, so the normalized request would carry the same key twice"),
                Some(Folded::TwoLists { .. }) => write!(out, "this key repeats an earlier {s} key once both are upper-cased (country codes are case-insensitive), so the country has two lists")?,
            },
            Kind::MissingRequired {
                field,
                alias,
                document,
            } => match (alias, document) {
                (Some(alias), _) => write!(out, "{field} is required (legacy name: {alias})")?,
                (None, super::finding::Document::Response) => {
                    write!(out, "{field} is required in a token response")?
                }
                (None, super::finding::Document::Request) => write!(out, "{field} is required")?,
                (None, super::finding::Document::Profile) => {
                    write!(out, "{field} is required in a partner profile")?
                }
            },
            Kind::NullNotAllowed => write!(out, "{who} is required and may not be null")?,
            Kind::UndocumentedNull => write!(
                out,
                "{who} is not nullable in iDenfy's API reference, so the server may refuse null; leave {who} out to get its default (the null is sent as written)"
            )?,
            Kind::WrongType {
                expected,
                found,
                hint,
            } => {
                write!(
                    out,
                    "{who} must be {}, not {}",
                    expected.text(),
                    found.with_article()
                )?;
                out.push_str(match hint {
                    Some(TypeHint::Unquote) => " (write the number without quotes)",
                    Some(TypeHint::UnquoteBoolean) => " (write true or false without quotes)",
                    Some(TypeHint::WholeNumber) => {
                        " (a whole number: this one has a fraction)"
                    }
                    None => "",
                });
            }
            Kind::AliasConflict { alias, field } => write!(
                out,
                "{alias} is the legacy name of {field}; send only one of them"
            )?,
            Kind::UnknownField { place, candidates } => {
                match place {
                    Place::Request => {
                        out.push_str("this member is not documented for the Generate token request")
                    }
                    Place::Among(known) | Place::InProfile(known) => write!(
                        out,
                        "this member is not documented here (expected one of {})",
                        known.join(", ")
                    )?,
                }
                match (self.suggestion, candidates.as_slice()) {
                    (Some(s), _) => write!(out, "; did you mean {s}?")?,
                    (None, []) => out.push('.'),
                    (None, several) => write!(out, "; did you mean {}?", several.join(" or "))?,
                }
                match (self.severity, place) {
                    (super::Severity::Error, _) => {}
                    (_, Place::InProfile(_)) => out.push_str(" The profile check would ignore it."),
                    _ => out.push_str(
                        " It is passed through unchanged, and the API will probably ignore it.",
                    ),
                }
                return Ok(());
            }
            Kind::MisspelledField { look_alike } => {
                let meant = self.suggestion.unwrap_or("a documented member");
                if *look_alike {
                    write!(out, "not a documented member name, but it differs from {meant} only by invisible, whitespace or look-alike characters (iDenfy ignores members it does not know, so this value would be lost); did you mean {meant}?")?;
                } else {
                    write!(out, "not a documented member name, but {meant} is (iDenfy ignores members it does not know, so this value would be lost); did you mean {meant}?")?;
                }
                return Ok(());
            }
            Kind::LegacyField { name } => write!(
                out,
                "{name} appears only in old iDenfy documentation; the API may ignore it"
            )?,
            Kind::TooShort { min: 1, .. } => write!(out, "{who} must not be empty")?,
            Kind::TooShort { min, .. } => {
                write!(out, "{who} must be at least {min} characters long")?
            }
            Kind::TooLong { max, length } => write!(
                out,
                "{who} must be at most {max} characters long (it has {length})"
            )?,
            Kind::TooSmall { min, max } => write!(out, "{who} must be {}", range(*min, *max))?,
            Kind::IntegerWrittenAsFloat { rewritten: true } => write!(
                out,
                "{who} is an integer written with a fraction or an exponent (like 600.0 or 6e2); JSON Schema counts it as that integer, and the normalized request writes it as one"
            )?,
            Kind::IntegerWrittenAsFloat { rewritten: false } => write!(
                out,
                "{who} is an integer written with a fraction or an exponent (like 600.0 or 6e2); JSON Schema counts it as that integer, but beyond 64 bits it is kept as written"
            )?,
            Kind::TooLarge { min, max } => {
                write!(out, "{who} must be {}", range(*min, Some(*max)))?
            }
            Kind::NotPrintableAscii { position, .. } => write!(
                out,
                "{who} may contain only ASCII characters; it has a non-ASCII character at position {position}"
            )?,
            Kind::AsciiControlCharacter { position, .. } => write!(
                out,
                "{who} has an ASCII control character (a tab, a line feed or the like) at position {position}; the docs allow ASCII, so it is sent as written, but it is almost never meant and will not match the same value without it"
            )?,
            Kind::SurroundingWhitespace { at } => write!(
                out,
                "{who} has whitespace at {}; it is sent as written, not trimmed, so it will not match the same value without it",
                at.words()
            )?,
            Kind::ImplausibleValue {
                what: Implausible::Age,
                plausible_max,
            } => write!(
                out,
                "{who} is above {plausible_max}, more than any person's age: probably a year or a typo"
            )?,
            Kind::ImplausibleValue {
                what: Implausible::BirthDate,
                plausible_max,
            } => write!(
                out,
                "{who} is more than {plausible_max} years ago: probably a typo in the year"
            )?,
            Kind::InvalidNameCharacter { bad: None } => {
                write!(out, "{who} must contain at least one letter")?
            }
            Kind::InvalidNameCharacter {
                bad: Some((class, position, count)),
            } => {
                write!(
                    out,
                    "{who} may not contain digits (of any script), the special characters ~!@#$%^*()_+={{}}[]|:;\",/? or control characters, which iDenfy's docs forbid; the normalized name has {} at position {position}",
                    class.words()
                )?;
                if *count > 1 {
                    write!(out, " ({count} such characters in all)")?;
                }
            }
            Kind::UnusualNameCharacter {
                class,
                position,
                count,
            } => {
                write!(
                    out,
                    "the normalized {who} has {} at position {position}",
                    class.words()
                )?;
                if *count > 1 {
                    write!(
                        out,
                        " ({count} characters that are not letters, marks, spaces or name punctuation in all)"
                    )?;
                }
                write!(out, ". {}", class.outcome())?;
            }
            Kind::InvalidValue { allowed, case_only } => {
                write!(out, "{who} must be one of {}", allowed.join(", "))?;
                // That only the case is wrong tells a personal value (`m` for `M`): it goes
                // with the suggestion.
                if *case_only && mode == Suggestions::Named {
                    out.push_str(" (values are case-sensitive)");
                }
            }
            Kind::RetiredValue { allowed, why } => write!(
                out,
                "{who}: this value is no longer offered ({why}); use one of {}",
                allowed.join(", ")
            )?,
            Kind::InvalidDateFormat => write!(out, "{who} must be a date written YYYY-MM-DD")?,
            Kind::InvalidCalendarDate { year_zero: true } => write!(
                out,
                "{who} has the year 0000, which no calendar (and no server's date type) holds; years start at 0001"
            )?,
            Kind::InvalidCalendarDate { year_zero: false } => write!(
                out,
                "{who} is written YYYY-MM-DD but is not a date in the calendar"
            )?,
            Kind::DateInFuture { tolerance_days } => write!(
                out,
                "{who} is in the future (more than {tolerance_days} day after today, which allows for time zones): no document holds it, so the verification will be flagged as suspected"
            )?,
            Kind::IssuedAfterExpiry => out.push_str(
                "dateOfIssue is after dateOfExpiry, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
            ),
            Kind::BornAfterIssue => out.push_str(
                "dateOfBirth is after dateOfIssue, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
            ),
            Kind::ExpiryBeforeBirth => out.push_str(
                "dateOfExpiry is before dateOfBirth, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
            ),
            Kind::DocumentExpired { .. } => out.push_str(
                "dateOfExpiry is in the past: the document has expired and the verification will likely be denied",
            ),
            Kind::InvalidCountryCode { allow_all } => write!(
                out,
                "{who} must be an ISO 3166-1 alpha-2 country code{}",
                if *allow_all { " or ALL" } else { "" }
            )?,
            Kind::UnknownDocumentType { allow_all } => write!(
                out,
                "{who} must name a document type the API knows (PASSPORT, ID_CARD, …){}",
                if *allow_all { " or ALL" } else { "" }
            )?,
            Kind::LegacyDocumentType { why } => write!(
                out,
                "{who}: this document type is not in the current list ({why})"
            )?,
            Kind::DuplicateItem => write!(out, "{who} lists the same value twice")?,
            Kind::InvalidUrl { reason } => write!(
                out,
                "{who} must be an absolute URL such as https://example.com/path ({reason})"
            )?,
            Kind::UrlNotHttps { .. } => write!(out, "{who} must use https")?,
            Kind::UrlMissingHost => write!(out, "{who} must name a host")?,
            Kind::UrlNeedsRepair { reason } => write!(
                out,
                "{who} is not a well-formed URL as written ({reason}); send it in its corrected form"
            )?,
            Kind::UrlUnencodedCharacters { characters } => write!(
                out,
                "{who} holds characters that RFC 3986 wants percent-encoded ({characters}); browsers send them as written, but some strict servers refuse them"
            )?,
            Kind::UrlHasCredentials => write!(
                out,
                "{who} carries a user name or password; they end up in logs and browser history"
            )?,
            Kind::CallbackNotPublic { reason } => write!(
                out,
                "{who} points at {reason}; iDenfy's webhooks cannot reach it"
            )?,
            Kind::InvalidLocale { max } => write!(
                out,
                "{who} is longer than the {max} characters the API accepts for a locale; send a supported one (en, zh_tw)"
            )?,
            Kind::UnsupportedLocale => write!(
                out,
                "{who} is not a supported UI language; it is sent as written and the verification UI will be shown in English"
            )?,
            Kind::InvalidUuid => write!(
                out,
                "{who} must be a UUID written as 8-4-4-4-12 hexadecimal digits"
            )?,
            Kind::AgeLimitAboveAgeMax { by_default } => {
                out.push_str(
                    "ageLimit is greater than ageMax, so no client can pass: every verification will be flagged as suspected",
                );
                if *by_default {
                    out.push_str(" (one of them is the account's dashboard default)");
                }
            }
            Kind::AgeOutsideLimits {
                min,
                limit,
                by_default,
            } => {
                let (member, than) = if *min {
                    ("ageLimit", "younger")
                } else {
                    ("ageMax", "older")
                };
                write!(
                    out,
                    "dateOfBirth makes the client {than} than {member} {limit}{} on every day this token can be used, so the verification will be flagged as suspected",
                    if *by_default { " (the account's dashboard default)" } else { "" }
                )?
            }
            Kind::DigitStringExpiryTooLong {
                max,
                by_default,
                profile,
            } => {
                let on = if *by_default {
                    "generateDigitString on by the account's dashboard default"
                } else {
                    "generateDigitString true"
                };
                let limit = if *profile {
                    "the account's digit-string maximum"
                } else {
                    "the default expiry"
                };
                write!(
                    out,
                    "with {on}, expiryTime may not exceed {limit} of {max} seconds"
                )?
            }
            Kind::RequiresVerifyBank { by_default: false } => write!(
                out,
                "{who} needs verifyBank, which this request sets to false"
            )?,
            Kind::RequiresVerifyBank { by_default: true } => write!(
                out,
                "{who} needs verifyBank, which the account's dashboard default turns off and this request leaves unset"
            )?,
            Kind::VerifyBankNotSet => write!(
                out,
                "{who} needs verifyBank; it is not set here, so it depends on the account setting"
            )?,
            Kind::DisabledByAutoFaceMatching { by_default } => write!(
                out,
                "{who} is true, but autoFaceMatching false{} disables it",
                if *by_default { " (the account's dashboard default)" } else { "" }
            )?,
            Kind::NfcRequiredAndOptional { by_default: false } => out.push_str(
                "nfcOptional and nfcRequired are both true; required wins, so an NFC scan the client cannot do denies the verification",
            ),
            Kind::NfcRequiredAndOptional { by_default: true } => out.push_str(
                "nfcOptional is true, but the account's dashboard default requires NFC; required wins, so an NFC scan the client cannot do denies the verification",
            ),
            Kind::FaceCheckWithoutSelfie { by_default } => write!(
                out,
                "{who} is true, but tokenType DOCUMENT{} takes no selfie, so there is no face to check",
                if *by_default { " (the account's dashboard default)" } else { "" }
            )?,
            Kind::MissingPermission { permission } => write!(
                out,
                "{who} needs the {} permission, which the partner profile says this account lacks; the API rejects or ignores it",
                permission.as_str()
            )?,
            Kind::FeatureNotInEnvironment => write!(
                out,
                "{who} turns on a feature the partner profile's environment does not offer; only features available in the environment can be overridden"
            )?,
            Kind::InactiveQuestionnaire { closest } => {
                write!(
                    out,
                    "{who} is not an active questionnaire key of this account (partner profile)"
                )?;
                if let Some(c) = closest {
                    write!(out, "; did you mean {c}?")?;
                }
            }
            Kind::UnknownRiskAssessmentProfile => write!(
                out,
                "{who} is not one of this account's risk assessment profiles (partner profile)"
            )?,
            Kind::DocumentNotAllowed { countries, .. } if countries.is_empty() => write!(
                out,
                "this document type is allowed in no country of this account (partner profile), so the client can never pick it"
            )?,
            Kind::DocumentNotAllowed {
                countries,
                by_default,
            } => write!(
                out,
                "this document type is not allowed for {}{} in this account (partner profile), so the client can never pick it",
                countries.join(", "),
                if *by_default { " (the account's default country)" } else { "" }
            )?,
            Kind::DocumentNotAllowedInCountry {
                countries,
                by_default,
            } => write!(
                out,
                "this document type is not allowed for {}{} in this account (partner profile), and no other listed type is: a client who picks {} gets a session with no document to use",
                countries
                    .iter()
                    .map(|c| if c == "ALL" { "the countries it does not list (ALL)" } else { c })
                    .collect::<Vec<_>>()
                    .join(", "),
                if *by_default { " (of the account's default countries)" } else { "" },
                if countries.len() == 1 && countries[0] != "ALL" { "it" } else { "one of them" }
            )?,
            Kind::NfcCountryUnsupported {
                by_default,
                country_by_default,
            } => write!(
                out,
                "NFC is required{}, but {} is not among the partner profile's NFC-readable countries, so every client who picks it is denied",
                if *by_default { " (the account's dashboard default)" } else { "" },
                if *country_by_default { "the account's default country" } else { "this country" }
            )?,
            Kind::DefaultNotInEnvironment => write!(
                out,
                "this dashboard default turns on {who}, which the profile's features say the environment does not offer: the profile contradicts itself (fix features or the default)"
            )?,
            Kind::DefaultNeedsPermission { permission } => write!(
                out,
                "this dashboard default turns on {who}, which needs the {} permission the profile says the account lacks: one of the two is likely wrong",
                permission.as_str()
            )?,
            Kind::RegistryCenterUnavailable => write!(
                out,
                "the partner profile offers no registry-centre check for this country"
            )?,
            Kind::IgnoredInIframe => write!(
                out,
                "{who} is not used in an iFrame flow (partner profile): the page embedding the iFrame decides where the client goes"
            )?,
            Kind::LocaleNotOffered => write!(
                out,
                "{who} is not one of the UI languages this account offers (partner profile), so the verification UI will be shown in English"
            )?,
            // The partner's own message, else what the check wants; never the value.
            Kind::Policy {
                message: Some(m),
                by_default,
                ..
            } => {
                out.push_str(m);
                if *by_default {
                    out.push_str(" (the account's dashboard default)");
                }
            }
            Kind::Policy {
                code,
                failed,
                by_default: true,
                ..
            } => {
                let inner = Finding {
                    kind: Kind::Policy {
                        code: code.clone(),
                        failed: failed.clone(),
                        message: None,
                        by_default: false,
                    },
                    ..self.clone()
                };
                inner.write_message(mode, out)?;
                out.push_str(" (the account's dashboard default, which the request leaves in place)");
            }
            Kind::Policy { code, failed, .. } => match failed {
                PolicyFailure::Missing => {
                    write!(out, "{who} is required by the partner policy {code}")?
                }
                PolicyFailure::NotOneOf { allowed } => write!(
                    out,
                    "{who} must be one of {} (partner policy {code})",
                    allowed.join(", ")
                )?,
                PolicyFailure::Below { min } => {
                    write!(out, "{who} must be at least {min} (partner policy {code})")?
                }
                PolicyFailure::Above { max } => {
                    write!(out, "{who} must be at most {max} (partner policy {code})")?
                }
                PolicyFailure::Shorter { min } => write!(
                    out,
                    "{who} must be at least {min} characters long (partner policy {code})"
                )?,
                PolicyFailure::Longer { max } => write!(
                    out,
                    "{who} must be at most {max} characters long (partner policy {code})"
                )?,
                PolicyFailure::Rule(inner) => {
                    inner.write_message(mode, out)?;
                    write!(out, " (partner policy {code})")?
                }
                PolicyFailure::Test => write!(out, "{who} fails the partner policy {code}")?,
            },
            Kind::InvalidPolicy { reason } => write!(out, "this policy cannot apply: {reason}")?,
            Kind::RedundantWithAll { .. } => write!(
                out,
                "{who} lists ALL, which allows every country, together with other codes that then have no effect"
            )?,
            Kind::UtilityBillWithAdditionalSteps => out.push_str(
                "utilityBill true cannot be combined with additionalSteps; define a UTILITY_BILL step instead",
            ),
            Kind::AdditionalDataUnknownStep { .. } => out.push_str(
                "additionalData names a step that additionalSteps in this request does not define; it is used only if the account's dashboard configures that step",
            ),
            Kind::MissingCompareData { .. } => out.push_str(
                "this COMPARE step field has no value in additionalData, so there is nothing to compare against",
            ),
            Kind::InvalidDigitString { position: Some(p) } => write!(
                out,
                "{who} must consist of the digits 0-9 only; character {p} is not a digit"
            )?,
            Kind::InvalidDigitString { position: None } => write!(
                out,
                "{who} must not be empty; it is null when no code was generated"
            )?,
            Kind::UnexpectedDigitStringLength { expected, length } => write!(
                out,
                "{who} has {length} digits; the docs specify {expected} (though their own examples show 7), so check what the mobile flow expects"
            )?,
            Kind::EchoChanged {
                field,
                sent,
                echoed,
            } => {
                write!(out, "the response echoes {field} with another value than the request sent: the server changed it")?;
                if sent != echoed {
                    write!(
                        out,
                        " (sent {}, echoed {})",
                        sent.with_article(),
                        echoed.with_article()
                    )?;
                }
            }
            Kind::EchoDropped { field } => write!(
                out,
                "the request sent {field}, but the response leaves it out: the server dropped or ignored it"
            )?,
            Kind::MissingExpectedMember { field } => write!(
                out,
                "the response carries no {field}; the OpenAPI description lists it as required, but iDenfy's own example responses do not always have it, so the token is still usable and the session has the type the request or the account set"
            )?,
            Kind::ProfileMismatch { member, mismatch } => match mismatch.as_ref() {
                ProfileMismatch::NotInProfile { country, document } => write!(
                out,
                "the response's {member} allows {document} for {country}, which the partner profile's allowedDocuments leaves out: the profile is out of date, so its document checks refuse what the account allows"
            )?,
                ProfileMismatch::NotInResponse { country, document } => write!(
                out,
                "the partner profile allows {document} for {country}, which the response's {member} leaves out: the profile is out of date, so its document checks let through what the account refuses"
            )?,
                ProfileMismatch::OtherDefault => write!(
                out,
                "the request left {member} out, and the response echoes another value than the partner profile's dashboard default for it: the profile's defaults are out of date"
            )?,
            },
        }
        if let Some(suggestion) = self.suggestion {
            match mode {
                Suggestions::Named => write!(out, "; did you mean {suggestion}?")?,
                Suggestions::Withheld => out.push_str(WITHHELD),
            }
        }
        Ok(())
    }

    /// Every machine-readable parameter, including those derived from a personal value; a
    /// report shows [`params_shown`](Self::params_shown).
    pub fn params(&self) -> Params {
        let mut p = Params::new();
        let mut put = |k: &str, v: Value| {
            p.insert(k.to_owned(), v);
        };
        match &self.kind {
            Kind::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            } => {
                put("offset", (*offset).into());
                put("line", (*line).into());
                put("column", (*column).into());
            }
            Kind::MalformedJson {
                reason,
                line,
                column,
                ..
            } => {
                put("reason", reason.as_ref().into());
                put("line", (*line).into());
                put("column", (*column).into());
            }
            Kind::NotAnObject { found, .. } => put("found", found.name().into()),
            Kind::DocumentTooLarge { size, limit, .. } => {
                put("size", (*size).into());
                put("limit", (*limit).into());
            }
            Kind::NestingTooDeep {
                limit,
                line,
                column,
            } => {
                put("limit", (*limit).into());
                put("line", (*line).into());
                put("column", (*column).into());
            }
            Kind::TooManyViolations { limit, omitted } => {
                put("limit", (*limit).into());
                put("omitted", (*omitted).into());
            }
            Kind::DuplicateKey { name, folded, .. } => {
                put("name", name.as_str().into());
                if let Some(Folded::SameKeyTwice { normalized } | Folded::TwoLists { normalized }) =
                    folded
                {
                    put("normalized", normalized.as_str().into());
                }
            }
            Kind::MissingRequired { field, .. } => put("field", (*field).into()),
            Kind::WrongType {
                expected, found, ..
            } => {
                put("expected", expected.text().into());
                put("found", found.name().into());
            }
            Kind::AliasConflict { field, .. } => put("field", (*field).into()),
            Kind::UnknownField { candidates, .. } if !candidates.is_empty() => {
                put("candidates", candidates.clone().into());
            }
            Kind::TooShort { min, length } => {
                put("min", (*min).into());
                put("length", (*length).into());
            }
            Kind::TooLong { max, length } => {
                put("max", (*max).into());
                put("length", (*length).into());
            }
            Kind::TooSmall { min, .. } => put("min", (*min).into()),
            Kind::IntegerWrittenAsFloat { rewritten } => put("rewritten", (*rewritten).into()),
            Kind::TooLarge { max, .. } => put("max", (*max).into()),
            Kind::NotPrintableAscii { position, count }
            | Kind::AsciiControlCharacter { position, count } => {
                put("position", (*position).into());
                put("count", (*count).into());
            }
            Kind::SurroundingWhitespace { at } => put("at", at.words().into()),
            Kind::ImplausibleValue { plausible_max, .. } => {
                put("plausible_max", (*plausible_max).into())
            }
            Kind::InvalidNameCharacter { bad: None } => put("class", "no_letter".into()),
            Kind::InvalidNameCharacter {
                bad: Some((class, position, count)),
            } => {
                put("class", class.name().into());
                put("position", (*position).into());
                put("count", (*count).into());
            }
            Kind::UnusualNameCharacter {
                class,
                position,
                count,
            } => {
                put("class", class.name().into());
                put("position", (*position).into());
                put("count", (*count).into());
            }
            Kind::InvalidValue { allowed, .. } | Kind::RetiredValue { allowed, .. } => {
                put("allowed", (*allowed).into())
            }
            Kind::InvalidDateFormat => put("format", "YYYY-MM-DD".into()),
            Kind::InvalidCalendarDate { year_zero: true } => put("reason", "year_zero".into()),
            Kind::DateInFuture { tolerance_days } | Kind::DocumentExpired { tolerance_days } => {
                put("tolerance_days", (*tolerance_days).into())
            }
            Kind::InvalidUrl { reason } => put("reason", reason.to_string().into()),
            Kind::UrlNotHttps { scheme } => put("scheme", scheme.as_ref().into()),
            Kind::UrlNeedsRepair { reason } | Kind::CallbackNotPublic { reason } => {
                put("reason", (*reason).into())
            }
            Kind::UrlUnencodedCharacters { characters } => {
                put("characters", characters.as_str().into())
            }
            Kind::InvalidLocale { max } => put("max", (*max).into()),
            Kind::AgeOutsideLimits {
                min,
                limit,
                by_default,
            } => {
                put(if *min { "min" } else { "max" }, (*limit).into());
                if *by_default {
                    put("source", "profile_default".into());
                }
            }
            Kind::DigitStringExpiryTooLong {
                max,
                by_default,
                profile,
            } => {
                put("max", (*max).into());
                if *by_default {
                    put("source", "profile_default".into());
                }
                if *profile {
                    put("limit", "profile".into());
                }
            }
            Kind::AgeLimitAboveAgeMax { by_default: true }
            | Kind::RequiresVerifyBank { by_default: true }
            | Kind::DisabledByAutoFaceMatching { by_default: true }
            | Kind::NfcRequiredAndOptional { by_default: true }
            | Kind::FaceCheckWithoutSelfie { by_default: true }
            | Kind::NfcCountryUnsupported {
                by_default: true, ..
            }
            | Kind::NfcCountryUnsupported {
                country_by_default: true,
                ..
            } => put("source", "profile_default".into()),
            Kind::DefaultNeedsPermission { permission } => {
                put("permission", permission.as_str().into())
            }
            Kind::MissingPermission { permission } => put("permission", permission.as_str().into()),
            Kind::Policy {
                code,
                failed,
                by_default,
                ..
            } => {
                if *by_default {
                    put("source", "profile_default".into());
                }
                put("policy", code.as_ref().into());
                let check = match failed {
                    PolicyFailure::Missing => "require",
                    PolicyFailure::NotOneOf { allowed } => {
                        put("allowed", allowed.clone().into());
                        "one_of"
                    }
                    PolicyFailure::Below { min } => {
                        put("min", (*min).into());
                        "min"
                    }
                    PolicyFailure::Above { max } => {
                        put("max", (*max).into());
                        "max"
                    }
                    PolicyFailure::Shorter { min } => {
                        put("min", (*min).into());
                        "min_length"
                    }
                    PolicyFailure::Longer { max } => {
                        put("max", (*max).into());
                        "max_length"
                    }
                    PolicyFailure::Rule(inner) => {
                        put("rule", inner.code().as_str().into());
                        "rule"
                    }
                    PolicyFailure::Test => "test",
                };
                put("check", check.into());
            }
            Kind::InvalidPolicy { reason } => put("reason", (*reason).into()),
            Kind::InactiveQuestionnaire { closest: Some(c) } => put("closest", c.as_str().into()),
            Kind::DocumentNotAllowed {
                countries,
                by_default,
            }
            | Kind::DocumentNotAllowedInCountry {
                countries,
                by_default,
            } => {
                put("countries", countries.clone().into());
                if *by_default {
                    put("source", "profile_default".into());
                }
            }
            Kind::RedundantWithAll { others } => put("others", (*others).into()),
            Kind::AdditionalDataUnknownStep { step } => put("step", step.as_str().into()),
            Kind::MissingCompareData { step, field } => {
                put("step", step.as_str().into());
                put("field", field.as_str().into());
            }
            Kind::InvalidDigitString { position: Some(p) } => put("position", (*p).into()),
            Kind::UnexpectedDigitStringLength { expected, length } => {
                put("expected", (*expected).into());
                put("length", (*length).into());
            }
            Kind::EchoChanged {
                field,
                sent,
                echoed,
            } => {
                put("field", field.as_str().into());
                put("sent", sent.name().into());
                put("echoed", echoed.name().into());
            }
            Kind::EchoDropped { field } => put("field", field.as_str().into()),
            Kind::MissingExpectedMember { field } => put("field", (*field).into()),
            Kind::ProfileMismatch { member, mismatch } => {
                put("member", (*member).into());
                match mismatch.as_ref() {
                    ProfileMismatch::NotInProfile { country, document } => {
                        put("country", country.as_str().into());
                        put("document", document.as_str().into());
                        put("reason", "not_in_profile".into());
                    }
                    ProfileMismatch::NotInResponse { country, document } => {
                        put("country", country.as_str().into());
                        put("document", document.as_str().into());
                        put("reason", "not_in_response".into());
                    }
                    ProfileMismatch::OtherDefault => put("reason", "other_default".into()),
                }
            }
            _ => {}
        }
        if let Some(s) = self.suggestion {
            put("suggestion", s.into());
        }
        p
    }
}

/// What a message says in place of a suggestion derived from a personal value.
pub(crate) const WITHHELD: &str = "; a likely correction is withheld because the value is personal data (--show-values or Context::show_values shows it)";

/// Characters that do not show as themselves: controls, format characters (zero-width spaces
/// and joiners, bidirectional overrides and isolates, the BOM), line and paragraph separators,
/// whitespace other than the space, private-use and unassigned code points, and the characters
/// Unicode lets a renderer draw as nothing (`Default_Ignorable_Code_Point`: the Hangul fillers
/// U+115F, U+1160, U+3164 and U+FFA0, variation selectors, the combining grapheme joiner, …)
/// or that look like a space (U+2800 BRAILLE PATTERN BLANK).
static INVISIBLE: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(
        r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\x{2800}]|[\p{White_Space}&&[^ ]]",
    )
    .ok()
});

pub(crate) fn is_invisible(c: char) -> bool {
    let mut buf = [0u8; 4];
    match &*INVISIBLE {
        Some(re) => re.is_match(c.encode_utf8(&mut buf)),
        // The class compiles (a test holds it); were it not to, escape everything non-ASCII
        // rather than show something that may lie.
        None => !c.is_ascii_graphic() && c != ' ',
    }
}

/// Invisible characters as Rust escapes (`\n`, `\u{200b}`, `\u{202e}`); everything else as is.
pub(crate) fn escape_invisible(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| (' '..='~').contains(&c)) || !s.chars().any(is_invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible(c) {
            // Rust's escapes where they are short (`\n`, `\t`, `\0`), `\u{..}` for the rest.
            let mut escaped = c.escape_debug();
            if escaped.len() > 1 {
                out.extend(&mut escaped);
            } else {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod invisible_tests {
    use super::*;

    #[test]
    fn the_class_compiles() {
        assert!(INVISIBLE.is_some());
    }

    #[test]
    fn invisible_characters_are_escaped() {
        for (input, shown) in [
            ("/a\u{200b}b", "/a\\u{200b}b"),
            ("/x\u{202e}y", "/x\\u{202e}y"),
            ("/l\u{2028}", "/l\\u{2028}"),
            ("/n\u{a0}", "/n\\u{a0}"),
            ("/t\t", "/t\\t"),
            ("/\u{feff}bom", "/\\u{feff}bom"),
            ("/\u{1b}[31m", "/\\u{1b}[31m"),
            ("/e\u{2003}m", "/e\\u{2003}m"),
            ("/\u{e000}", "/\\u{e000}"),
            // Unassigned to the regex's Unicode tables, assigned in the standard library's:
            // `escape_debug` shows it as itself, so it is escaped by hand.
            ("/\u{88f}", "/\\u{88f}"),
            // Drawn as nothing or as a blank: a name could hide in them.
            ("/a\u{115f}", "/a\\u{115f}"),
            ("/a\u{1160}", "/a\\u{1160}"),
            ("/a\u{3164}", "/a\\u{3164}"),
            ("/a\u{ffa0}", "/a\\u{ffa0}"),
            ("/a\u{2800}", "/a\\u{2800}"),
            ("/a\u{fe0f}", "/a\\u{fe0f}"),
            ("/a\u{fe00}", "/a\\u{fe00}"),
            ("/a\u{e0100}", "/a\\u{e0100}"),
            ("/a\u{180b}", "/a\\u{180b}"),
            ("/a\u{34f}", "/a\\u{34f}"),
        ] {
            assert_eq!(escape_invisible(input), shown);
        }
        for visible in ["/firstName", "/Jürgen", "/名前", "/a b", "/ジョン・スミス"] {
            assert!(
                matches!(escape_invisible(visible), Cow::Borrowed(_)),
                "{visible}"
            );
        }
    }
}
