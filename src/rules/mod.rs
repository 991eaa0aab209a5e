//! Per-value rules: one module per rule, each a small type implementing [`Rule`].
//!
//! The field catalogue composes them ([`StrRule`] lists); the engine runs them on the value after
//! the field's normalizer, and every rule reports into a finding list, so one value can break
//! several rules at once and all of them are reported.

use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::Finding;

pub mod country;
pub mod date;
pub mod document_type;
pub mod https_url;
pub mod int_range;
pub mod length;
pub mod locale;
pub mod number_range;
pub mod one_of;
pub mod person_name;
pub mod printable_ascii;
pub mod trimmed;
pub mod uuid;

pub use country::Country;
pub use document_type::DocumentType;
pub use https_url::HttpsUrl;
pub use int_range::IntRange;
pub use length::Length;
pub use locale::Locale;
pub use number_range::NumberRange;
pub use one_of::OneOf;
pub use person_name::PersonName;
pub use printable_ascii::PrintableAscii;
pub use trimmed::Trimmed;
pub use uuid::Uuid;

/// A check on one string value.
///
/// A rule that can guess what the caller meant puts it in the finding's `suggestion` parameter
/// only, never in the message: a suggestion derived from a personal value (`LTU` → `LT`) reveals
/// it, so the engine words the message according to the member and the caller's opt-in.
pub trait Rule {
    /// Checks `value` (already normalized) of the member `field`, appending what it finds.
    fn check(&self, field: &str, value: &str, ctx: &Context, out: &mut Vec<Finding>);

    /// Checks the items of a list this rule is applied to, as a whole, after each item was
    /// checked on its own; each finding comes with the index of the item it is about.
    fn check_items(&self, field: &str, items: &[&str], out: &mut Vec<(usize, Finding)>) {
        let _ = (field, items, out);
    }

    /// JSON Schema keywords that say the same as this rule about the value as sent, before the
    /// field's normalizer `norm` runs. Empty where JSON Schema cannot say it exactly (the
    /// published schema must never reject what the engine accepts), and for rules that only warn.
    fn schema(&self, norm: Norm) -> Keywords {
        let _ = norm;
        Keywords::new()
    }
}

/// A JSON Schema fragment: keyword to value.
pub type Keywords = serde_json::Map<String, serde_json::Value>;

/// A case-insensitive regex alternative for an ASCII word (`lt` → `[Ll][Tt]`).
pub(crate) fn caseless(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                regex::escape(&c.to_string())
            }
        })
        .collect()
}

/// `^(?:a|b|…)$` over `words`, case-insensitive when `norm` upper- or lower-cases ASCII.
pub(crate) fn one_of_pattern<'w>(words: impl IntoIterator<Item = &'w str>, norm: Norm) -> String {
    let alts: Vec<String> = words
        .into_iter()
        .map(|w| match norm {
            Norm::Upper | Norm::Lower => caseless(w),
            _ => regex::escape(w),
        })
        .collect();
    format!("^(?:{})$", alts.join("|"))
}

/// A regex character class (`[...]`, or `[^...]` when `negate`) holding exactly the characters
/// for which `member` is true, as literal characters and ranges of them.
///
/// This is the syntax JSON Schema recommends for interoperable patterns: no `\p{..}` classes
/// (Python's `re` has none, and ECMA-262 has them only with the `u` flag), no `\u` escapes.
/// Only `\`, `]`, `[`, `^` and `-` are escaped, which ECMA-262 with the `u` flag (what 2020-12
/// asks for, and Ajv's default), Python's `re` and Rust's regex read the same way. (ECMA-262
/// without `u` reads characters beyond the BMP as surrogate pairs and refuses their ranges; no
/// 2020-12 validator compiles patterns that way by default.) The Unicode tables are the ones this
/// crate is built with, read when the schema is generated.
pub(crate) fn char_class(negate: bool, member: impl Fn(char) -> bool) -> String {
    fn push(out: &mut String, c: char) {
        if matches!(c, '\\' | ']' | '[' | '^' | '-') {
            out.push('\\');
        }
        out.push(c);
    }
    let mut out = String::from(if negate { "[^" } else { "[" });
    // Surrogates are not chars, so a range never spans the gap between U+D7FF and U+E000.
    let mut run: Option<(char, char)> = None;
    let flush = |run: (char, char), out: &mut String| {
        let (lo, hi) = run;
        push(out, lo);
        if hi != lo {
            if u32::from(hi) > u32::from(lo) + 1 {
                out.push('-');
            }
            push(out, hi);
        }
    };
    for c in (0..=0x10_FFFF_u32).filter_map(char::from_u32) {
        if member(c) {
            run = match run {
                Some((lo, hi)) if u32::from(hi) + 1 == u32::from(c) => Some((lo, c)),
                Some(done) => {
                    flush(done, &mut out);
                    Some((c, c))
                }
                None => Some((c, c)),
            };
        }
    }
    if let Some(done) = run {
        flush(done, &mut out);
    }
    out.push(']');
    out
}

pub(crate) fn keywords<const N: usize>(pairs: [(&str, serde_json::Value); N]) -> Keywords {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The string rules the catalogue can compose, as data so that the schema, the docs table and the
/// generators can read a field's rules as well as run them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrRule {
    /// Length in characters.
    Length(Length),
    /// Only characters 0x20–0x7E.
    PrintableAscii(PrintableAscii),
    /// Letters, combining marks, space, hyphen, apostrophes, period.
    PersonName(PersonName),
    /// One of a fixed set of values.
    OneOf(OneOf),
    /// ISO 3166-1 alpha-2 (optionally `ALL`).
    Country(Country),
    /// A document type name.
    DocumentType(DocumentType),
    /// An absolute https URL.
    HttpsUrl(HttpsUrl),
    /// A supported UI locale.
    Locale(Locale),
    /// A hyphenated UUID.
    Uuid(Uuid),
    /// No whitespace at either end (warning).
    Trimmed(Trimmed),
}

impl Rule for StrRule {
    fn schema(&self, norm: Norm) -> Keywords {
        match self {
            StrRule::Length(r) => r.schema(norm),
            StrRule::PrintableAscii(r) => r.schema(norm),
            StrRule::PersonName(r) => r.schema(norm),
            StrRule::OneOf(r) => r.schema(norm),
            StrRule::Country(r) => r.schema(norm),
            StrRule::DocumentType(r) => r.schema(norm),
            StrRule::HttpsUrl(r) => r.schema(norm),
            StrRule::Locale(r) => r.schema(norm),
            StrRule::Uuid(r) => r.schema(norm),
            StrRule::Trimmed(r) => r.schema(norm),
        }
    }

    fn check_items(&self, field: &str, items: &[&str], out: &mut Vec<(usize, Finding)>) {
        // The other rules judge each item alone.
        if let StrRule::Country(r) = self {
            r.check_items(field, items, out);
        }
    }

    fn check(&self, field: &str, value: &str, ctx: &Context, out: &mut Vec<Finding>) {
        match self {
            StrRule::Length(r) => r.check(field, value, ctx, out),
            StrRule::PrintableAscii(r) => r.check(field, value, ctx, out),
            StrRule::PersonName(r) => r.check(field, value, ctx, out),
            StrRule::OneOf(r) => r.check(field, value, ctx, out),
            StrRule::Country(r) => r.check(field, value, ctx, out),
            StrRule::DocumentType(r) => r.check(field, value, ctx, out),
            StrRule::HttpsUrl(r) => r.check(field, value, ctx, out),
            StrRule::Locale(r) => r.check(field, value, ctx, out),
            StrRule::Uuid(r) => r.check(field, value, ctx, out),
            StrRule::Trimmed(r) => r.check(field, value, ctx, out),
        }
    }
}

/// Runs `rule` with a default context and returns what it found; for doc examples and tests.
pub fn findings(rule: &impl Rule, field: &str, value: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    rule.check(field, value, &Context::default(), &mut out);
    out
}
