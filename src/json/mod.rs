//! The reading layer: JSON as this crate sees it, done once for the request and the response.
//!
//! - [`read`]: bytes to a borrowed [`Value`] tree that keeps what serde_json's `Value` drops
//!   (member order, duplicate names, the exact text of numbers);
//! - `keys`: repeated member names, as written or once case-folded;
//! - `eq`: JSON equality by value (numbers by numeric value), for the response's echo.

pub(crate) mod eq;
pub(crate) mod keys;
mod read;

pub use read::{read, ReadError};

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::value::RawValue;
use serde_json::Number;
use std::borrow::Cow;

/// A JSON value whose strings borrow from the input where possible.
///
/// Objects are member lists in input order; duplicate names are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value<'a> {
    /// `null`
    #[default]
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer that fits 64 bits.
    Number(Number),
    /// Any other number (a fraction, an exponent, `-0`, or an integer beyond 64 bits), kept
    /// exactly as written so that passing it through never changes it.
    NumberText(Cow<'a, str>),
    /// A string.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object, members in input order, duplicates kept.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// Detaches the value from the input buffer.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::NumberText(t) => Value::NumberText(Cow::Owned(t.into_owned())),
            Value::String(s) => Value::String(Cow::Owned(s.into_owned())),
            Value::Array(a) => Value::Array(a.into_iter().map(Value::into_owned).collect()),
            Value::Object(o) => Value::Object(
                o.into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            ),
        }
    }

    /// Converts to a `serde_json::Value` (for duplicate names, the last one wins there, and a
    /// [`Value::NumberText`] becomes the nearest `f64`).
    pub fn to_serde(&self) -> serde_json::Value {
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::NumberText(t) => serde_json::from_str(t).unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s.to_string()),
            Value::Array(a) => serde_json::Value::Array(a.iter().map(Value::to_serde).collect()),
            Value::Object(o) => serde_json::Value::Object(
                o.iter()
                    .map(|(k, v)| (k.to_string(), v.to_serde()))
                    .collect(),
            ),
        }
    }

    /// Converts from a `serde_json::Value` (an integer that fits 64 bits stays a
    /// [`Value::Number`], any other number keeps serde_json's text).
    pub fn from_serde(v: &serde_json::Value) -> Value<'static> {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => Value::Number(n.clone()),
            serde_json::Value::Number(n) => Value::NumberText(Cow::Owned(n.to_string())),
            serde_json::Value::String(s) => Value::String(Cow::Owned(s.clone())),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(Value::from_serde).collect()),
            serde_json::Value::Object(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| (Cow::Owned(k.clone()), Value::from_serde(v)))
                    .collect(),
            ),
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The first member with this name, if this is an object.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => n.serialize(s),
            // serde_json writes a RawValue verbatim, so the number keeps its exact text.
            Value::NumberText(t) => match RawValue::from_string(t.to_string()) {
                Ok(raw) => raw.serialize(s),
                Err(e) => Err(serde::ser::Error::custom(e)),
            },
            Value::String(v) => s.serialize_str(v),
            Value::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Value::Object(o) => {
                let mut map = s.serialize_map(Some(o.len()))?;
                for (k, v) in o {
                    map.serialize_entry(k.as_ref(), v)?;
                }
                map.end()
            }
        }
    }
}
