//! Stable codes and severities: the machine-readable contract of every violation.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How bad a violation is. Only errors make a request invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The API would reject or mis-read the request.
    Error,
    /// The request is sent as is, but probably not as meant.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Honours width and alignment (`{:<8}`), like `str`.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal, )*) => {
        /// Stable machine code of a violation. The snake_case name (see [`Code::as_str`]) is the
        /// contract; it never changes meaning once released.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One line on what the code means (from its doc comment).
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_start(),)* }
            }

            /// Looks a code up by its snake_case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The body is not valid UTF-8.
    InvalidUtf8 = "invalid_utf8",
    /// The body is not well-formed JSON.
    MalformedJson = "malformed_json",
    /// The top-level JSON value is not an object.
    NotAnObject = "not_an_object",
    /// The body is larger than the size limit.
    DocumentTooLarge = "document_too_large",
    /// Arrays and objects are nested deeper than the depth limit.
    NestingTooDeep = "nesting_too_deep",
    /// The violation list was cut at the limit.
    TooManyViolations = "too_many_violations",
    /// The same member name appears twice in one object.
    DuplicateKey = "duplicate_key",
    /// A required member is missing.
    MissingRequired = "missing_required",
    /// A member that may not be null is null.
    NullNotAllowed = "null_not_allowed",
    /// A member iDenfy's API reference declares non-nullable is null: the server may refuse it (leave the member out to get its default).
    UndocumentedNull = "undocumented_null",
    /// The JSON type differs from the documented one.
    WrongType = "wrong_type",
    /// A member and its legacy alias are both present.
    AliasConflict = "alias_conflict",
    /// The member is not documented.
    UnknownField = "unknown_field",
    /// The member is not documented, but is almost certainly a documented one mistyped (its value would be lost).
    MisspelledField = "misspelled_field",
    /// The member appears only in old documentation.
    LegacyField = "legacy_field",
    /// A string is shorter than allowed.
    TooShort = "too_short",
    /// A string is longer than allowed.
    TooLong = "too_long",
    /// A number is below the minimum.
    TooSmall = "too_small",
    /// A number is above the maximum.
    TooLarge = "too_large",
    /// A string holds a character outside printable ASCII.
    NotPrintableAscii = "not_printable_ascii",
    /// An identifier starts or ends with whitespace, which is sent as written.
    SurroundingWhitespace = "surrounding_whitespace",
    /// A value the API accepts that is almost certainly a mistake (an age of 2008, a birth date 200 years ago).
    ImplausibleValue = "implausible_value",
    /// A name holds a digit, a forbidden special character or another non-letter.
    InvalidNameCharacter = "invalid_name_character",
    /// A value outside the documented set.
    InvalidValue = "invalid_value",
    /// A value the API no longer offers.
    RetiredValue = "retired_value",
    /// A date is not written as YYYY-MM-DD.
    InvalidDateFormat = "invalid_date_format",
    /// A YYYY-MM-DD date that does not exist in the calendar.
    InvalidCalendarDate = "invalid_calendar_date",
    /// A birth or issue date after today.
    DateInFuture = "date_in_future",
    /// dateOfIssue is after dateOfExpiry.
    IssuedAfterExpiry = "issued_after_expiry",
    /// dateOfBirth is after dateOfIssue.
    BornAfterIssue = "born_after_issue",
    /// dateOfExpiry is before dateOfBirth.
    ExpiryBeforeBirth = "expiry_before_birth",
    /// dateOfExpiry is before today.
    DocumentExpired = "document_expired",
    /// Not an ISO 3166-1 alpha-2 country code.
    InvalidCountryCode = "invalid_country_code",
    /// Not a document type the API knows.
    UnknownDocumentType = "unknown_document_type",
    /// A retired or alias document type name.
    LegacyDocumentType = "legacy_document_type",
    /// The same item appears twice in a list.
    DuplicateItem = "duplicate_item",
    /// Not an absolute URL.
    InvalidUrl = "invalid_url",
    /// A URL whose scheme is not https.
    UrlNotHttps = "url_not_https",
    /// A URL without a host.
    UrlMissingHost = "url_missing_host",
    /// A URL the parser rewrites to read it (spaces, backslashes, missing slashes, `{}` in a path).
    UrlNeedsRepair = "url_needs_repair",
    /// A URL with characters RFC 3986 wants percent-encoded that the parser keeps as written (`[]`, `|`, `^`).
    UrlUnencodedCharacters = "url_unencoded_characters",
    /// A URL carrying a user name or password.
    UrlHasCredentials = "url_has_credentials",
    /// A callback URL pointing at a host the webhook sender cannot reach.
    CallbackNotPublic = "callback_not_public",
    /// A locale not written as two letters, optionally `_` and two more (`en`, `zh_tw`).
    InvalidLocale = "invalid_locale",
    /// A well-formed locale the verification UI (or the partner profile) does not offer: the UI
    /// falls back to English.
    UnsupportedLocale = "unsupported_locale",
    /// Not a UUID in its 8-4-4-4-12 form.
    InvalidUuid = "invalid_uuid",
    /// ageLimit is greater than ageMax.
    AgeLimitAboveAgeMax = "age_limit_above_age_max",
    /// expiryTime exceeds the default expiry (or the partner profile's digit-string maximum)
    /// while generateDigitString is true.
    DigitStringExpiryTooLong = "digit_string_expiry_too_long",
    /// A bank sub-check is on while verifyBank is false (in the request, or by the partner
    /// profile's default).
    RequiresVerifyBank = "requires_verify_bank",
    /// A bank sub-check is on while verifyBank is not set in the request.
    VerifyBankNotSet = "verify_bank_not_set",
    /// A check is on although autoFaceMatching false disables it.
    DisabledByAutoFaceMatching = "disabled_by_auto_face_matching",
    /// nfcRequired and nfcOptional are both true (required wins).
    NfcRequiredAndOptional = "nfc_required_and_optional",
    /// A face check is on while tokenType DOCUMENT takes no selfie.
    FaceCheckWithoutSelfie = "face_check_without_selfie",
    /// ALL listed with other countries, which it makes meaningless.
    RedundantWithAll = "redundant_with_all",
    /// utilityBill true together with additionalSteps.
    UtilityBillWithAdditionalSteps = "utility_bill_with_additional_steps",
    /// additionalData for a step that additionalSteps does not define.
    AdditionalDataUnknownStep = "additional_data_unknown_step",
    /// A COMPARE step field without a value in additionalData.
    MissingCompareData = "missing_compare_data",
    /// The request sets a member that needs a permission the partner profile says the account
    /// lacks.
    MissingPermission = "missing_permission",
    /// The request turns on a feature the partner profile's environment does not offer.
    FeatureNotInEnvironment = "feature_not_in_environment",
    /// questionnaire is not one of the partner profile's active questionnaire keys.
    InactiveQuestionnaire = "inactive_questionnaire",
    /// riskAssessmentProfile is not one of the partner profile's risk assessment profiles.
    UnknownRiskAssessmentProfile = "unknown_risk_assessment_profile",
    /// A document type the partner profile allows in none of the chosen countries.
    DocumentNotAllowed = "document_not_allowed",
    /// NFC is required, but the country is not among the partner profile's NFC-readable ones.
    NfcCountryUnsupported = "nfc_country_unsupported",
    /// A registry-centre country the partner profile does not offer registry checks for.
    RegistryCenterUnavailable = "registry_center_unavailable",
    /// A redirect URL in an iFrame flow (partner profile), where it is not used.
    IgnoredInIframe = "ignored_in_iframe",
    /// A request breaks one of the partner's own policies; the violation's code is the
    /// policy's (`acme.eu_only`), and `params.policy` names it too.
    Policy = "policy",
    /// A partner profile's policy that cannot apply: no namespace in its code, no check, a check
    /// that does not fit its member.
    InvalidPolicy = "invalid_policy",
    /// A token response's digitString is not a string of the digits 0–9.
    InvalidDigitString = "invalid_digit_string",
    /// A token response's digitString is not 8 digits long (the docs' own examples have 7).
    UnexpectedDigitStringLength = "unexpected_digit_string_length",
    /// A token response echoes a request member with a value other than the one sent.
    EchoChanged = "echo_changed",
    /// A token response leaves out a member the request sent.
    EchoDropped = "echo_dropped",
}

/// The snake_case name; honours width and alignment (`{:<20}`), like `str`.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reading a report back (a service consuming the CLI's JSON): by the snake_case name.
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown violation code {name:?}")))
    }
}

/// A name that is no [`Code`] or [`Severity`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName(String);

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown name {:?}", self.0)
    }
}

impl std::error::Error for UnknownName {}

/// By the snake_case name.
///
/// ```
/// use idenfy_preflight::{Code, Severity};
///
/// assert_eq!("duplicate_key".parse::<Code>(), Ok(Code::DuplicateKey));
/// assert!("DuplicateKey".parse::<Code>().is_err());
/// assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
/// ```
impl FromStr for Code {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, UnknownName> {
        Code::from_name(s).ok_or_else(|| UnknownName(s.to_owned()))
    }
}

/// `error` or `warning`.
impl FromStr for Severity {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            _ => Err(UnknownName(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes and severities print and parse under one name each (the CLI's `codes` command and
    /// its JSON read them back).
    #[test]
    fn names_print_and_parse_back() {
        for &code in Code::ALL {
            assert_eq!(code.to_string().parse::<Code>(), Ok(code));
        }
        for severity in [Severity::Error, Severity::Warning] {
            assert_eq!(severity.to_string(), severity.as_str());
            assert_eq!(severity.as_str().parse::<Severity>(), Ok(severity));
            assert_eq!(format!("[{severity:>8}]").len(), 10);
        }
        assert_eq!("error".parse::<Severity>(), Ok(Severity::Error));
        assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
        let unknown = "Error".parse::<Severity>();
        assert_eq!(unknown, Err(UnknownName("Error".into())));
        assert_eq!(
            unknown.map_err(|e| e.to_string()),
            Err("unknown name \"Error\"".into())
        );
    }
}
