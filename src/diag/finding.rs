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
    /// `600.0` for an integer.
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

/// Why a character of a name is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameClass {
    /// A digit of any script.
    Digit,
    /// One of the documented special characters.
    Special,
    /// A control character.
    Control,
    /// Anything else that is no letter.
    Other,
}

impl NameClass {
    pub(crate) const fn name(self) -> &'static str {
        match self {
            NameClass::Digit => "digit",
            NameClass::Special => "special",
            NameClass::Control => "control",
            NameClass::Other => "other",
        }
    }

    pub(crate) const fn words(self) -> &'static str {
        match self {
            NameClass::Digit => "a digit",
            NameClass::Special => "a forbidden special character",
            NameClass::Control => "a control character",
            NameClass::Other => "a character that is not a letter",
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
    MisspelledField,
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
    NotPrintableAscii {
        position: usize,
        count: usize,
        control: bool,
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
    DocumentNotAllowed {
        countries: Vec<String>,
    },
    /// `by_default`: nfcRequired is on by the partner profile's default.
    NfcCountryUnsupported {
        by_default: bool,
    },
    RegistryCenterUnavailable,
    IgnoredInIframe,
    /// A locale the partner profile's list leaves out (code `unsupported_locale`).
    LocaleNotOffered,
    /// A partner policy broken: its code, what failed, and its own message if it has one.
    Policy {
        code: std::sync::Arc<str>,
        failed: PolicyFailure,
        message: Option<std::sync::Arc<str>>,
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
            Kind::WrongType { .. } => Code::WrongType,
            Kind::AliasConflict { .. } => Code::AliasConflict,
            Kind::UnknownField { .. } => Code::UnknownField,
            Kind::MisspelledField => Code::MisspelledField,
            Kind::LegacyField { .. } => Code::LegacyField,
            Kind::TooShort { .. } => Code::TooShort,
            Kind::TooLong { .. } => Code::TooLong,
            Kind::TooSmall { .. } => Code::TooSmall,
            Kind::TooLarge { .. } => Code::TooLarge,
            Kind::NotPrintableAscii { .. } => Code::NotPrintableAscii,
            Kind::SurroundingWhitespace { .. } => Code::SurroundingWhitespace,
            Kind::ImplausibleValue { .. } => Code::ImplausibleValue,
            Kind::InvalidNameCharacter { .. } => Code::InvalidNameCharacter,
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
            Kind::NfcCountryUnsupported { .. } => Code::NfcCountryUnsupported,
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
