//! A finding: what a rule saw, as typed facts (code, parameters, suggestion), with no text.
//!
//! Messages are rendered from these facts only when asked for (`render.rs`), the way
//! jsonschema-rs renders its `ValidationErrorKind`: building a report costs no formatting, and
//! the personal-data policy is applied at render time instead of being edited into strings.

pub use super::code::Kind;
use super::code::{Code, Severity};

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
