//! A typed request for services that build the body in code.
//!
//! It serializes to the same JSON the API takes and is checked by the same catalogue, so a typed
//! request and a JSON file get the same report. Its fields, their docs and the enums' values are
//! generated from the catalogue (`typed/generated.rs`); this file holds what the generated code
//! uses: the types of the members whose shape has no standard Rust type, and the serde helpers.

use crate::context::Context;
use crate::report::{Report, ValidRequest};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::Date;

pub use generated::{Sex, TokenRequest, TokenType};

/// A string that is not one of an enum's values (`"X"` for [`Sex`]).
///
/// ```
/// use idenfy_preflight::Sex;
///
/// let e = "X".parse::<Sex>().unwrap_err();
/// assert_eq!(e.to_string(), "sex must be one of M, F");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    member: &'static str,
    values: &'static [&'static str],
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} must be one of {}",
            self.member,
            self.values.join(", ")
        )
    }
}

impl std::error::Error for ParseError {}

/// `FromStr` and `Display` by the API's spelling of each value, one table per enum.
macro_rules! api_strings {
    ($ty:ident, $member:literal, $($variant:ident => $text:literal),+) => {
        impl $ty {
            /// The value as the API spells it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::typed::ParseError;

            /// Exactly as the API spells it (the check does not change the case either).
            fn from_str(s: &str) -> Result<Self, $crate::typed::ParseError> {
                match s {
                    $($text => Ok($ty::$variant),)+
                    _ => Err($crate::typed::ParseError {
                        member: $member,
                        values: &[$($text),+],
                    }),
                }
            }
        }
    };
}

// `TokenRequest` and the enums of its closed sets (`Sex`, `TokenType`), generated from the
// catalogue (after `api_strings`, which it calls): a member added there, or a value of a set,
// changes the generated file, which `tests/typed.rs` holds equal to what the catalogue generates.
mod generated;

/// `country`: one code or several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CountrySelection {
    /// One alpha-2 code (or `ALL`).
    One(String),
    /// Several alpha-2 codes; empty allows all.
    Many(Vec<String>),
}

/// `questionnaire`: a key, or `null` to disable the partner's default questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Questionnaire {
    /// Sends `null`.
    Disabled,
    /// Sends this key.
    Key(String),
}

impl Serialize for Questionnaire {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Questionnaire::Disabled => s.serialize_none(),
            Questionnaire::Key(k) => s.serialize_str(k),
        }
    }
}

/// `null` is [`Questionnaire::Disabled`] (a member left out is `None` in [`TokenRequest`]).
impl<'de> Deserialize<'de> for Questionnaire {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<String>::deserialize(d)? {
            None => Questionnaire::Disabled,
            Some(key) => Questionnaire::Key(key),
        })
    }
}

/// A present member, `null` included, as `Some` (for [`Questionnaire`], whose `null` means
/// something).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `riskAssessmentProfile`: the docs say integer ID, the examples show a UUID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RiskAssessmentProfile {
    /// A numeric profile ID.
    Id(u64),
    /// A profile UUID.
    Uuid(String),
}

fn date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&format!(
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )),
        None => s.serialize_none(),
    }
}

/// A `YYYY-MM-DD` string, by the same rule as the check (a sign or a short year is refused).
fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => crate::spec::rules::date::parse(&s)
            .map(Some)
            .map_err(|_| serde::de::Error::custom("expected a real date written YYYY-MM-DD")),
    }
}

/// A finite number as a JSON number; NaN and the infinities, which JSON cannot hold, as the
/// strings `"NaN"`, `"inf"` and `"-inf"`, so the check reports them (`wrong_type`) instead of
/// serde_json turning them into `null` and the check passing.
fn number<S: Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) if n.is_finite() => s.serialize_f64(*n),
        Some(n) if n.is_nan() => s.serialize_str("NaN"),
        Some(n) if *n > 0.0 => s.serialize_str("inf"),
        Some(_) => s.serialize_str("-inf"),
        None => s.serialize_none(),
    }
}

impl TokenRequest {
    /// A request with only the required `clientId`.
    pub fn new(client_id: impl Into<String>) -> Self {
        TokenRequest {
            client_id: client_id.into(),
            ..TokenRequest::default()
        }
    }

    /// The JSON body as this struct serializes it, before normalization.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the request with the same catalogue as a JSON body.
    pub fn check(&self, ctx: &Context) -> Report<'static> {
        crate::check::serialized(self, ctx, &[])
    }
}

/// The normalized request as a typed value. It fails only where an integer member holds a
/// number past 64 bits, which the check accepts with a warning (`integer_written_as_float`) and
/// keeps as written; `tests/typed.rs` holds every other value the check accepts.
impl TryFrom<&ValidRequest<'_>> for TokenRequest {
    type Error = serde_json::Error;

    fn try_from(request: &ValidRequest<'_>) -> Result<Self, Self::Error> {
        serde_json::from_value(request.to_serde_value())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Context, Severity};
    use serde::ser::Error as _;
    use serde::{Serialize, Serializer};

    struct Unserializable;

    impl Serialize for Unserializable {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(S::Error::custom("no JSON for this"))
        }
    }

    #[test]
    fn a_serialization_error_is_reported_not_read_as_empty_input() {
        let report = crate::check::serialized(&Unserializable, &Context::new(), &[]);
        assert!(!report.is_valid());
        assert!(report.request().is_none());
        let [v] = report.violations() else {
            panic!("{:?}", report.violations())
        };
        assert_eq!(
            (v.pointer(), v.code(), v.severity()),
            ("", Code::MalformedJson, Severity::Error)
        );
        assert_eq!(
            v.message(),
            "the value could not be serialized as JSON: no JSON for this"
        );
    }
}
