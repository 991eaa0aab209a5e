//! A finding: what a rule saw, as typed facts (code, parameters, suggestion), with no text.
//!
//! Messages are rendered from these facts only when asked for (`render.rs`), the way
//! jsonschema-rs renders its `ValidationErrorKind`: building a report costs no formatting, and
//! the personal-data policy is applied at render time instead of being edited into strings.

use super::code::{Code, Severity};
use std::borrow::Cow;

/// What a finding is about: the member (or part of one) its message names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The member's JSON name (`documents`), or a nested name (`texts`, `settings`).
    pub name: &'static str,
    /// The part of it (`items`, `keys`, `entries`), if not the value itself.
    pub part: Option<&'static str>,
}

impl Subject {
    /// The value of `name` itself.
    pub const fn of(name: &'static str) -> Self {
        Subject { name, part: None }
    }

    /// A part of `name` (`documents items`).
    pub const fn part(name: &'static str, part: &'static str) -> Self {
        Subject {
            name,
            part: Some(part),
        }
    }

    /// No member: the whole document.
    pub const DOCUMENT: Subject = Subject::of("");
}

/// The JSON types, as messages and `params.found` name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true`, `false`
    Boolean,
    /// A number without fraction or exponent, within 64 bits.
    Integer,
    /// Any other number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// `null`, `boolean`, `integer`, `number`, `string`, `array`, `object`.
    pub const fn name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    /// The name with its article: `an integer`, `a string`, `null`.
    pub const fn with_article(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "a boolean",
            JsonType::Integer => "an integer",
            JsonType::Number => "a number",
            JsonType::String => "a string",
            JsonType::Array => "an array",
            JsonType::Object => "an object",
        }
    }
}

/// What a value must be, for `wrong_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// Any number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An array of strings.
    Strings,
    /// A string or an array of strings.
    StringOrStrings,
    /// An integer in range or a string (`riskAssessmentProfile`).
    IntegerOrUuid,
    /// An object.
    Object,
    /// A string of digits (the response's `digitString`).
    Digits,
    /// An object of arrays of strings (the response's `allowedDocuments`).
    ListsByKey,
}

impl Expected {
    /// The words messages and `params.expected` use.
    pub const fn text(self) -> &'static str {
        match self {
            Expected::String => "a string",
            Expected::Integer => "an integer",
            Expected::Number => "a number",
            Expected::Boolean => "a boolean (true or false)",
            Expected::Strings => "an array of strings",
            Expected::StringOrStrings => "a string or an array of strings",
            Expected::IntegerOrUuid => "a positive integer or a UUID string",
            Expected::Object => "an object",
            Expected::Digits => "a string of digits",
            Expected::ListsByKey => "an object of arrays of strings",
        }
    }
}

/// A likely fix for a value of the wrong type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeHint {
    /// `"600"` for an integer.
    Unquote,
    /// `"true"` for a boolean.
    UnquoteBoolean,
    /// `600.5` for an integer.
    WholeNumber,
}

/// The document a document-level finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Document {
    /// The Generate token request.
    Request,
    /// The Generate token response.
    Response,
    /// A partner profile file.
    Profile,
}

impl Document {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Document::Request => "request body",
            Document::Response => "response body",
            Document::Profile => "partner profile",
        }
    }
}

/// Where an unknown member stands, for its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// At the top level of the request.
    Request,
    /// In an object whose documented members are these.
    Among(&'static [&'static str]),
    /// In an object of a partner profile file whose documented members are these.
    InProfile(&'static [&'static str]),
}

/// A case-insensitive repeat of an earlier key, and what it would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Folded {
    /// Keys that are upper-cased on the way out: the request would carry the key twice.
    SameKeyTwice {
        /// The key once upper-cased.
        normalized: String,
    },
    /// The response's country keys: the country has two lists.
    TwoLists {
        /// The key once upper-cased.
        normalized: String,
    },
}

/// What of a partner policy a request fails.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyFailure {
    /// A member it requires is absent or `null`.
    Missing,
    /// A value (or list item) outside its set.
    NotOneOf {
        /// The set, in order.
        allowed: Vec<String>,
    },
    /// An integer below its minimum.
    Below {
        /// The minimum.
        min: i64,
    },
    /// An integer above its maximum.
    Above {
        /// The maximum.
        max: i64,
    },
    /// A string shorter than its minimum.
    Shorter {
        /// The minimum length, in characters.
        min: usize,
    },
    /// A string longer than its maximum.
    Longer {
        /// The maximum length, in characters.
        max: usize,
    },
    /// One of the catalogue's rules, applied by the policy, found this.
    Rule(Box<Finding>),
    /// The partner's own test said no.
    Test,
}

/// Why a character of a name is not allowed (an error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameClass {
    /// A digit of any script (general category Nd): the docs say "no digits".
    Digit,
    /// One of the special characters the token page forbids.
    Special,
    /// A control character (general category Cc, other than whitespace).
    Control,
}

impl NameClass {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            NameClass::Digit => "digit",
            NameClass::Special => "special",
            NameClass::Control => "control",
        }
    }

    pub(crate) const fn words(self) -> &'static str {
        match self {
            NameClass::Digit => "a digit",
            NameClass::Special => "a special character the docs forbid",
            NameClass::Control => "a control character",
        }
    }
}

/// What an unusual character of a name is (a warning: the docs do not forbid it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnusualClass {
    /// A number that is not a digit (general category Nl or No: a Roman numeral, a
    /// superscript, a fraction).
    Number,
    /// `<` or `>`, which older versions of the docs forbid and the current token page does not.
    FormerlyForbidden,
    /// Anything else that is not a letter, mark, space or the punctuation of names (symbols,
    /// other punctuation, format characters, private-use and unassigned code points).
    Other,
}

impl UnusualClass {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            UnusualClass::Number => "number",
            UnusualClass::FormerlyForbidden => "formerly_forbidden",
            UnusualClass::Other => "other",
        }
    }

    pub(crate) const fn words(self) -> &'static str {
        match self {
            UnusualClass::Number => {
                "a number that is not a digit (a Roman numeral, a superscript, a fraction)"
            }
            UnusualClass::FormerlyForbidden => "`<` or `>`",
            UnusualClass::Other => {
                "a character that is not a letter, mark, space or the punctuation of names"
            }
        }
    }

    /// What happens to the name, as a sentence.
    pub(crate) const fn outcome(self) -> &'static str {
        match self {
            UnusualClass::FormerlyForbidden => "Older versions of the docs forbid `<` and `>` and the current token page does not, so the name is sent as written, but the API may still refuse it",
            UnusualClass::Number | UnusualClass::Other => "The docs do not forbid it, so the name is sent as written, but it is unusual in a name: a name that differs from the one read from the document makes the verification SUSPECTED",
        }
    }
}

/// Which end of a value holds whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ends {
    /// The start.
    Start,
    /// The end.
    End,
    /// Both ends.
    Both,
}

impl Ends {
    pub(crate) const fn words(self) -> &'static str {
        match self {
            Ends::Start => "the start",
            Ends::End => "the end",
            Ends::Both => "both ends",
        }
    }
}

/// A bound of a number rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    /// An integer bound.
    Int(i64),
    /// A fractional bound.
    Float(f64),
}

/// What an implausible value is taken for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implausible {
    /// An age above any person's.
    Age,
    /// A birth date longer ago than any person lives.
    BirthDate,
}

/// What a rule found, with its typed parameters. The code follows from the kind.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)] // each variant is its code (see `Code`), the fields its parameters
pub enum Kind {
    InvalidUtf8 {
        document: Document,
        offset: usize,
        line: usize,
        column: usize,
    },
    MalformedJson {
        document: Document,
        reason: Cow<'static, str>,
        line: usize,
        column: usize,
    },
    /// A value the caller built that serde_json cannot serialize (code `malformed_json`).
    NotSerializable {
        reason: String,
    },
    NotAnObject {
        document: Document,
        found: JsonType,
    },
    DocumentTooLarge {
        document: Document,
        size: usize,
        limit: usize,
    },
    NestingTooDeep {
        limit: usize,
        line: usize,
        column: usize,
    },
    TooManyViolations {
        limit: usize,
        omitted: usize,
    },
    DuplicateKey {
        name: String,
        folded: Option<Folded>,
        /// The document the object is in, which the message names.
        document: Document,
    },
    MissingRequired {
        field: &'static str,
        alias: Option<&'static str>,
        document: Document,
    },
    NullNotAllowed,
    UndocumentedNull,
    WrongType {
        expected: Expected,
        found: JsonType,
        hint: Option<TypeHint>,
    },
    AliasConflict {
        alias: &'static str,
        field: &'static str,
    },
    UnknownField {
        place: Place,
        candidates: Vec<&'static str>,
    },
    /// `look_alike`: the name differs from the suggestion only by invisible, whitespace or
    /// look-alike characters (`lastName` with a trailing no-break space, a Cyrillic `а`).
    MisspelledField {
        look_alike: bool,
    },
    LegacyField {
        name: &'static str,
    },
    TooShort {
        min: usize,
        length: usize,
    },
    TooLong {
        max: usize,
        length: usize,
    },
    TooSmall {
        min: Num,
        max: Option<Num>,
    },
    TooLarge {
        min: Num,
        max: Num,
    },
    /// `rewritten`: the normalized request carries the integer (false beyond 64 bits, where the
    /// number is kept as written).
    IntegerWrittenAsFloat {
        rewritten: bool,
    },
    NotPrintableAscii {
        position: usize,
        count: usize,
    },
    AsciiControlCharacter {
        position: usize,
        count: usize,
    },
    SurroundingWhitespace {
        at: Ends,
    },
    ImplausibleValue {
        what: Implausible,
        plausible_max: i64,
    },
    /// `None`: the name has no letter.
    InvalidNameCharacter {
        bad: Option<(NameClass, usize, usize)>,
    },
    UnusualNameCharacter {
        class: UnusualClass,
        position: usize,
        count: usize,
    },
    InvalidValue {
        allowed: &'static [&'static str],
        case_only: bool,
    },
    RetiredValue {
        allowed: &'static [&'static str],
        why: &'static str,
    },
    InvalidDateFormat,
    InvalidCalendarDate {
        year_zero: bool,
    },
    DateInFuture {
        tolerance_days: i64,
    },
    IssuedAfterExpiry,
    BornAfterIssue,
    ExpiryBeforeBirth,
    DocumentExpired {
        tolerance_days: i64,
    },
    InvalidCountryCode {
        allow_all: bool,
    },
    UnknownDocumentType {
        allow_all: bool,
    },
    LegacyDocumentType {
        why: &'static str,
    },
    DuplicateItem,
    InvalidUrl {
        reason: url::ParseError,
    },
    UrlNotHttps {
        scheme: Cow<'static, str>,
    },
    UrlMissingHost,
    UrlNeedsRepair {
        reason: &'static str,
    },
    UrlUnencodedCharacters {
        characters: String,
    },
    UrlHasCredentials,
    CallbackNotPublic {
        reason: &'static str,
    },
    InvalidLocale {
        max: usize,
    },
    UnsupportedLocale,
    InvalidUuid,
    /// `by_default`: one of the two ages is the partner profile's default.
    AgeLimitAboveAgeMax {
        by_default: bool,
    },
    /// `min`: the client is younger than ageLimit (else older than ageMax); `limit`: that age
    /// (an account setting, never the client's age); `by_default`: it is the partner profile's
    /// default.
    AgeOutsideLimits {
        min: bool,
        limit: i64,
        by_default: bool,
    },
    /// `by_default`: generateDigitString is on by the partner profile's default; `profile`:
    /// the maximum is the profile's.
    DigitStringExpiryTooLong {
        max: i64,
        by_default: bool,
        profile: bool,
    },
    /// `by_default`: verifyBank is off by the partner profile's default.
    RequiresVerifyBank {
        by_default: bool,
    },
    VerifyBankNotSet,
    DisabledByAutoFaceMatching {
        by_default: bool,
    },
    NfcRequiredAndOptional {
        by_default: bool,
    },
    FaceCheckWithoutSelfie {
        by_default: bool,
    },
    MissingPermission {
        permission: crate::profile::Permission,
    },
    FeatureNotInEnvironment,
    InactiveQuestionnaire {
        closest: Option<String>,
    },
    UnknownRiskAssessmentProfile,
    /// `by_default`: the country is the partner profile's default.
    DocumentNotAllowed {
        countries: Vec<String>,
        by_default: bool,
    },
    /// Allowed in some chosen countries, but not in `countries`, where no other listed type is
    /// allowed either; `by_default`: the countries are the partner profile's default.
    DocumentNotAllowedInCountry {
        countries: Vec<String>,
        by_default: bool,
    },
    /// `by_default`: nfcRequired is on by the partner profile's default; `country_by_default`:
    /// the country is the profile's default (the request leaves it out).
    NfcCountryUnsupported {
        by_default: bool,
        country_by_default: bool,
    },
    /// A profile's dashboard default turns on a feature its own `features` leave out.
    DefaultNotInEnvironment,
    /// A profile's dashboard default turns on what needs a permission the profile says the
    /// account lacks.
    DefaultNeedsPermission {
        permission: crate::profile::Permission,
    },
    RegistryCenterUnavailable,
    IgnoredInIframe,
    /// A locale the partner profile's list leaves out (code `unsupported_locale`).
    LocaleNotOffered,
    /// A partner policy broken: its code, what failed, and its own message if it has one.
    /// `by_default`: the value checked is the partner profile's dashboard default.
    Policy {
        code: std::sync::Arc<str>,
        failed: PolicyFailure,
        message: Option<std::sync::Arc<str>>,
        by_default: bool,
    },
    InvalidPolicy {
        reason: &'static str,
    },
    RedundantWithAll {
        others: usize,
    },
    UtilityBillWithAdditionalSteps,
    AdditionalDataUnknownStep {
        step: String,
    },
    MissingCompareData {
        step: String,
        field: String,
    },
    /// `None`: the string is empty.
    InvalidDigitString {
        position: Option<usize>,
    },
    UnexpectedDigitStringLength {
        expected: usize,
        length: usize,
    },
    EchoChanged {
        field: String,
        sent: JsonType,
        echoed: JsonType,
    },
    EchoDropped {
        field: String,
    },
    /// A response member kyc.yaml requires but iDenfy's examples may omit.
    MissingExpectedMember {
        field: &'static str,
    },
    /// A token response shows an account setting other than the partner profile's: `member`
    /// is the response member (allowedDocuments, or a defaulted request member).
    ProfileMismatch {
        member: &'static str,
        mismatch: Box<ProfileMismatch>,
    },
}

/// How a token response's account setting differs from the partner profile.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileMismatch {
    /// The response allows `document` in `country`, which the profile's list for it leaves out.
    NotInProfile {
        /// The country key (or `ALL`).
        country: String,
        /// The document type.
        document: String,
    },
    /// The profile allows `document` in `country`, which the response's list leaves out.
    NotInResponse {
        /// The country key (or `ALL`).
        country: String,
        /// The document type.
        document: String,
    },
    /// The response echoes a member the request left out with another value than the
    /// profile's dashboard default.
    OtherDefault,
}

impl Kind {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Kind::InvalidUtf8 { .. } => Code::InvalidUtf8,
            Kind::MalformedJson { .. } | Kind::NotSerializable { .. } => Code::MalformedJson,
            Kind::NotAnObject { .. } => Code::NotAnObject,
            Kind::DocumentTooLarge { .. } => Code::DocumentTooLarge,
            Kind::NestingTooDeep { .. } => Code::NestingTooDeep,
            Kind::TooManyViolations { .. } => Code::TooManyViolations,
            Kind::DuplicateKey { .. } => Code::DuplicateKey,
            Kind::MissingRequired { .. } => Code::MissingRequired,
            Kind::NullNotAllowed => Code::NullNotAllowed,
            Kind::UndocumentedNull => Code::UndocumentedNull,
            Kind::WrongType { .. } => Code::WrongType,
            Kind::AliasConflict { .. } => Code::AliasConflict,
            Kind::UnknownField { .. } => Code::UnknownField,
            Kind::MisspelledField { .. } => Code::MisspelledField,
            Kind::LegacyField { .. } => Code::LegacyField,
            Kind::TooShort { .. } => Code::TooShort,
            Kind::TooLong { .. } => Code::TooLong,
            Kind::TooSmall { .. } => Code::TooSmall,
            Kind::IntegerWrittenAsFloat { .. } => Code::IntegerWrittenAsFloat,
            Kind::TooLarge { .. } => Code::TooLarge,
            Kind::NotPrintableAscii { .. } => Code::NotPrintableAscii,
            Kind::AsciiControlCharacter { .. } => Code::AsciiControlCharacter,
            Kind::SurroundingWhitespace { .. } => Code::SurroundingWhitespace,
            Kind::ImplausibleValue { .. } => Code::ImplausibleValue,
            Kind::InvalidNameCharacter { .. } => Code::InvalidNameCharacter,
            Kind::UnusualNameCharacter { .. } => Code::UnusualNameCharacter,
            Kind::InvalidValue { .. } => Code::InvalidValue,
            Kind::RetiredValue { .. } => Code::RetiredValue,
            Kind::InvalidDateFormat => Code::InvalidDateFormat,
            Kind::InvalidCalendarDate { .. } => Code::InvalidCalendarDate,
            Kind::DateInFuture { .. } => Code::DateInFuture,
            Kind::IssuedAfterExpiry => Code::IssuedAfterExpiry,
            Kind::BornAfterIssue => Code::BornAfterIssue,
            Kind::ExpiryBeforeBirth => Code::ExpiryBeforeBirth,
            Kind::DocumentExpired { .. } => Code::DocumentExpired,
            Kind::InvalidCountryCode { .. } => Code::InvalidCountryCode,
            Kind::UnknownDocumentType { .. } => Code::UnknownDocumentType,
            Kind::LegacyDocumentType { .. } => Code::LegacyDocumentType,
            Kind::DuplicateItem => Code::DuplicateItem,
            Kind::InvalidUrl { .. } => Code::InvalidUrl,
            Kind::UrlNotHttps { .. } => Code::UrlNotHttps,
            Kind::UrlMissingHost => Code::UrlMissingHost,
            Kind::UrlNeedsRepair { .. } => Code::UrlNeedsRepair,
            Kind::UrlUnencodedCharacters { .. } => Code::UrlUnencodedCharacters,
            Kind::UrlHasCredentials => Code::UrlHasCredentials,
            Kind::CallbackNotPublic { .. } => Code::CallbackNotPublic,
            Kind::InvalidLocale { .. } => Code::InvalidLocale,
            Kind::UnsupportedLocale => Code::UnsupportedLocale,
            Kind::InvalidUuid => Code::InvalidUuid,
            Kind::AgeLimitAboveAgeMax { .. } => Code::AgeLimitAboveAgeMax,
            Kind::AgeOutsideLimits { .. } => Code::AgeOutsideLimits,
            Kind::DigitStringExpiryTooLong { .. } => Code::DigitStringExpiryTooLong,
            Kind::RequiresVerifyBank { .. } => Code::RequiresVerifyBank,
            Kind::VerifyBankNotSet => Code::VerifyBankNotSet,
            Kind::DisabledByAutoFaceMatching { .. } => Code::DisabledByAutoFaceMatching,
            Kind::NfcRequiredAndOptional { .. } => Code::NfcRequiredAndOptional,
            Kind::FaceCheckWithoutSelfie { .. } => Code::FaceCheckWithoutSelfie,
            Kind::MissingPermission { .. } => Code::MissingPermission,
            Kind::FeatureNotInEnvironment => Code::FeatureNotInEnvironment,
            Kind::InactiveQuestionnaire { .. } => Code::InactiveQuestionnaire,
            Kind::UnknownRiskAssessmentProfile => Code::UnknownRiskAssessmentProfile,
            Kind::DocumentNotAllowed { .. } => Code::DocumentNotAllowed,
            Kind::DocumentNotAllowedInCountry { .. } => Code::DocumentNotAllowedInCountry,
            Kind::NfcCountryUnsupported { .. } => Code::NfcCountryUnsupported,
            Kind::DefaultNotInEnvironment => Code::FeatureNotInEnvironment,
            Kind::DefaultNeedsPermission { .. } => Code::MissingPermission,
            Kind::RegistryCenterUnavailable => Code::RegistryCenterUnavailable,
            Kind::IgnoredInIframe => Code::IgnoredInIframe,
            Kind::LocaleNotOffered => Code::UnsupportedLocale,
            Kind::Policy { .. } => Code::Policy,
            Kind::InvalidPolicy { .. } => Code::InvalidPolicy,
            Kind::RedundantWithAll { .. } => Code::RedundantWithAll,
            Kind::UtilityBillWithAdditionalSteps => Code::UtilityBillWithAdditionalSteps,
            Kind::AdditionalDataUnknownStep { .. } => Code::AdditionalDataUnknownStep,
            Kind::MissingCompareData { .. } => Code::MissingCompareData,
            Kind::InvalidDigitString { .. } => Code::InvalidDigitString,
            Kind::UnexpectedDigitStringLength { .. } => Code::UnexpectedDigitStringLength,
            Kind::EchoChanged { .. } => Code::EchoChanged,
            Kind::EchoDropped { .. } => Code::EchoDropped,
            Kind::MissingExpectedMember { .. } => Code::MissingExpectedMember,
            Kind::ProfileMismatch { .. } => Code::ProfileMismatch,
        }
    }
}

/// A problem a rule found, before it is placed in the document.
///
/// ```
/// use idenfy_preflight::diag::{Finding, Kind, Subject};
/// use idenfy_preflight::{Code, Severity};
///
/// let f = Finding::error(Kind::TooLong { max: 100, length: 101 }).about(Subject::of("firstName"), true);
/// assert_eq!((f.code(), f.severity), (Code::TooLong, Severity::Error));
/// assert_eq!(f.message(false), "firstName must be at most 100 characters long (it has 101)");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// What was found, with its parameters.
    pub kind: Kind,
    /// Error or warning.
    pub severity: Severity,
    /// What the message names.
    pub subject: Subject,
    /// Whether the subject holds personal data, so that a suggestion derived from its value
    /// stays out of the message unless the caller opts in.
    pub personal: bool,
    /// A likely correction.
    pub suggestion: Option<&'static str>,
}

impl Finding {
    /// An error-severity finding.
    pub fn error(kind: Kind) -> Self {
        Finding {
            kind,
            severity: Severity::Error,
            subject: Subject::DOCUMENT,
            personal: false,
            suggestion: None,
        }
    }

    /// A warning-severity finding.
    pub fn warning(kind: Kind) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(kind)
        }
    }

    /// The finding with a likely correction.
    pub fn suggest(mut self, suggestion: Option<&'static str>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// The finding about `subject`, which holds personal data or not.
    pub fn about(mut self, subject: Subject, personal: bool) -> Self {
        self.subject = subject;
        self.personal = personal;
        self
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        self.kind.code()
    }
}
