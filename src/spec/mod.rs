//! What the API documents, as data: one declaration per member, read by every part of the crate
//! (the checker, the schema generator, the docs tables, the generators).
//!
//! - [`Member`]: one declaration shape for the request's members ([`catalogue::FIELDS`]) and the
//!   response's ([`response::RESPONSE_FIELDS`]): name, aliases, whether it is required, whether it
//!   holds personal data, and its [`Shape`] with the rules of its value;
//! - [`rules`]: one file per value rule behind the [`rules::Rule`] trait;
//! - [`steps`]: the nested objects (additionalSteps, additionalData) as [`Object`] declarations;
//! - [`normalize`]: what is done to a value before it is checked and sent.

pub mod catalogue;
pub mod gen;
pub mod normalize;
pub mod profile;
pub mod response;
pub mod rules;
pub mod steps;

use crate::diag::Expected;
use normalize::Norm;
use rules::{Bounds, Rule};

/// The part of the docs a member is documented in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The client identifier.
    Client,
    /// Personal data.
    PersonalData,
    /// Document data.
    DocumentData,
    /// Session settings.
    SessionSettings,
    /// Verification features.
    VerificationFeatures,
    /// Advanced checks and security.
    AdvancedChecks,
    /// Customization.
    Customization,
    /// The response only.
    Response,
}

impl Section {
    /// The heading the docs use.
    pub const fn title(self) -> &'static str {
        match self {
            Section::Client => "Client",
            Section::PersonalData => "Personal Data",
            Section::DocumentData => "Document Data",
            Section::SessionSettings => "Session Settings",
            Section::VerificationFeatures => "Verification Features",
            Section::AdvancedChecks => "Advanced Checks & Security",
            Section::Customization => "Customization",
            Section::Response => "Response",
        }
    }
}

/// Where a member is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The Generate token page (token-api.txt).
    TokenPage,
    /// Only the current API reference (idenfy-facts §2.4).
    ApiReference,
    /// Only older documentation; sending it earns a `legacy_field` warning.
    Legacy,
}

impl Origin {
    /// `token_page`, `api_reference`, `legacy`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::TokenPage => "token_page",
            Origin::ApiReference => "api_reference",
            Origin::Legacy => "legacy",
        }
    }
}

/// A string's normalizer and rules.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    /// The normalizer; the rules check its result, which is what is sent.
    pub norm: Norm,
    /// The rules, all run.
    pub rules: &'static [&'static dyn Rule],
    /// What a value of another type is told to be.
    pub expected: Expected,
    /// The value is one of a closed set (a rule's [`choice`](Rule::choice)), which rules
    /// between members may read.
    pub closed: bool,
}

impl Text {
    /// A string normalized by `norm` and checked by `rules`.
    pub const fn new(norm: Norm, rules: &'static [&'static dyn Rule]) -> Self {
        Text {
            norm,
            rules,
            expected: Expected::String,
            closed: false,
        }
    }

    /// A string sent as written, one of a closed set (a rule of `rules` gives its choice).
    pub const fn closed(rules: &'static [&'static dyn Rule]) -> Self {
        Text {
            closed: true,
            ..Text::new(Norm::AsIs, rules)
        }
    }
}

/// The JSON type and the rules of a value.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// A string.
    Str(Text),
    /// A `YYYY-MM-DD` date string.
    Date,
    /// A JSON integer (no fraction, no exponent) in bounds.
    Int(Bounds<i64>),
    /// Any JSON number in bounds.
    Number(Bounds<f64>),
    /// `true` or `false`.
    Bool,
    /// An array of strings, each normalized and checked; repeated items are warned about.
    List(Text),
    /// A string or an array of strings (the shape is kept).
    StrOrList(Text),
    /// An integer in bounds, or a string (`riskAssessmentProfile`: an ID or a UUID).
    IntOrStr {
        /// The integer's bounds.
        int: Bounds<i64>,
        /// The string's rules.
        text: Text,
    },
    /// An object (additionalSteps, additionalData, the response's allowedDocuments).
    Object(&'static Object),
}

impl Shape {
    /// What a value of another JSON type is told to be.
    pub const fn expected(&self) -> Expected {
        match self {
            Shape::Str(t) => t.expected,
            Shape::Date => Expected::String,
            Shape::Int(_) => Expected::Integer,
            Shape::Number(_) => Expected::Number,
            Shape::Bool => Expected::Boolean,
            Shape::List(_) => Expected::Strings,
            Shape::StrOrList(_) => Expected::StringOrStrings,
            Shape::IntOrStr { .. } => Expected::IntegerOrUuid,
            Shape::Object(o) => o.expected(),
        }
    }
}

/// An object's members.
#[derive(Clone, Copy, Debug)]
pub enum Object {
    /// Documented members only (a step's `type`, `fields`, `texts`, `settings`); others are
    /// unknown members, and a misspelled one is an error.
    Fields {
        /// The members.
        fields: &'static [Field],
        /// Their names, in order (for messages and misspellings).
        names: &'static [&'static str],
    },
    /// Any keys, each checked as a string, each value of one shape (additionalSteps' country
    /// keys, additionalData's step names).
    Map(Map),
}

impl Object {
    /// What a value of another JSON type is told to be.
    pub const fn expected(&self) -> Expected {
        match self {
            Object::Map(Map {
                values: Shape::List(_),
                ..
            }) => Expected::ListsByKey,
            _ => Expected::Object,
        }
    }
}

/// A documented member of a nested object.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The member's name.
    pub name: &'static str,
    /// Its value.
    pub shape: Shape,
    /// Whether `null` is allowed.
    pub nullable: bool,
}

/// The names of `fields`, in order: one declaration, read at compile time.
pub const fn names<const N: usize>(fields: [Field; N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = fields[i].name;
        i += 1;
    }
    out
}

/// What to do with keys that are equal once upper-cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldedKeys {
    /// Nothing: the keys stay apart.
    Apart,
    /// An error: the keys are upper-cased on the way out, which would send one key twice.
    Error,
    /// A warning: one country with two lists (the response's allowedDocuments).
    Warning,
}

/// Any keys, each value of one shape.
#[derive(Clone, Copy, Debug)]
pub struct Map {
    /// What a key stands for, in the docs table (`COUNTRY`).
    pub key_label: &'static str,
    /// What the keys are called in messages (`additionalSteps` `keys`).
    pub keys_are: (&'static str, &'static str),
    /// The keys' rules, run on the key after the normalizer.
    pub keys: Text,
    /// Whether the normalized key is also what is sent (else the key goes out as written).
    pub send_normalized_keys: bool,
    /// Keys equal once upper-cased.
    pub folded: FoldedKeys,
    /// What the values are called in messages (`additionalSteps` `country entries`).
    pub values_are: (&'static str, &'static str),
    /// The values' shape.
    pub values: &'static Shape,
    /// Whether a value may be `null`.
    pub nullable: bool,
}

/// One member, of the request or of the response.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    /// JSON name.
    pub name: &'static str,
    /// Other names the API accepts for it (normalized to `name`).
    pub aliases: &'static [&'static str],
    /// Docs section.
    pub section: Section,
    /// Where it is documented.
    pub origin: Origin,
    /// Required (and then not nullable).
    pub required: bool,
    /// Holds data about the person (names, dates, numbers, nationality): messages about it
    /// must not reveal its value, even through a suggestion (`LTU` → `LT`), unless the caller
    /// opts in. Account settings (`country`, `documents`, `locale`, `tokenType`) are not.
    pub personal: bool,
    /// Type and rules.
    pub shape: Shape,
    /// One line for the docs table and the schemas.
    pub doc: &'static str,
    /// The value the API documents for a request that leaves the member out; `None` where the
    /// docs say "Partner's setting" or "As set in the dashboard" (the account decides), or give
    /// none.
    pub default: Option<Documented>,
    /// `null` turns the member's feature off rather than leaving it to the default
    /// (`questionnaire`: "Pass null to disable").
    pub null_disables: bool,
    /// Whether `null` is documented or at least not declared refused: iDenfy's API reference
    /// (`kyc.yaml`) marks the member `nullable`, the token page shows it `null`
    /// (`additionalSteps`, `additionalData`, `questionnaire`), or the API reference does not list
    /// the member. `false` where the API reference declares it without `nullable` (the
    /// booleans, `tokenType`, the integers): a `null` there is kept but warned about
    /// (`undocumented_null`), since the server may refuse it.
    pub nullable: bool,
}

/// A default value the docs state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Documented {
    /// A string (`en`, `IDENTIFICATION`).
    Str(&'static str),
    /// An integer (`1800`).
    Int(i64),
    /// A boolean.
    Bool(bool),
    /// An empty list (`country`: "[] (all countries allowed)").
    EmptyList,
}

impl Documented {
    /// As JSON.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Documented::Str(s) => s.into(),
            Documented::Int(i) => i.into(),
            Documented::Bool(b) => b.into(),
            Documented::EmptyList => serde_json::Value::Array(Vec::new()),
        }
    }
}

impl Member {
    /// An optional member of `section`, documented on the token page, holding no personal data.
    pub const fn new(
        name: &'static str,
        section: Section,
        shape: Shape,
        doc: &'static str,
    ) -> Self {
        Member {
            name,
            aliases: &[],
            section,
            origin: Origin::TokenPage,
            required: false,
            personal: false,
            shape,
            doc,
            default: None,
            null_disables: false,
            nullable: true,
        }
    }
}
