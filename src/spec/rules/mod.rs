//! Value rules: one file per rule, each a small type implementing [`Rule`], with its check, its
//! JSON Schema keywords, its line in the docs table and its edge values side by side.
//!
//! The catalogue composes them (`&'static [&'static dyn Rule]`); the checker runs them on the
//! value after the member's normalizer, and each reports into a finding list, so one value can
//! break several rules at once and all of them are reported. Numbers and dates have their own
//! shapes ([`Bounds`], [`date`]), since they are not strings.

use super::gen::{FreeText, Miss};
use super::normalize::Norm;
use crate::diag::Finding;
use std::fmt::Debug;

pub mod bounds;
pub mod country;
pub mod date;
pub mod digit_string;
pub mod document_type;
pub mod https_url;
pub mod length;
pub mod locale;
pub mod not_blank;
pub mod one_of;
pub mod partner_code;
pub mod person_name;
pub mod printable_ascii;
pub mod trimmed;
pub mod uuid;

pub use bounds::{Bound, Bounds};
pub use country::Country;
pub use digit_string::DigitString;
pub use document_type::DocumentType;
pub use https_url::HttpsUrl;
pub use length::Length;
pub use locale::Locale;
pub use not_blank::NotBlank;
pub use one_of::OneOf;
pub use partner_code::PartnerCode;
pub use person_name::PersonName;
pub use printable_ascii::PrintableAscii;
pub use trimmed::Trimmed;
pub use uuid::Uuid;

/// A check on one string value.
///
/// A rule that can guess what the caller meant attaches it as the finding's suggestion, never in
/// its text: whether a message may name it depends on the member (a suggestion derived from a
/// personal value, `LTU` → `LT`, reveals it), which the rule does not know.
pub trait Rule: Debug + Sync {
    /// Checks `value` (already normalized), appending what it finds.
    fn check(&self, value: &str, out: &mut Vec<Finding>);

    /// Checks the items of a list this rule is applied to, as a whole, after each item was
    /// checked on its own; each finding comes with the index of the item it is about.
    fn check_items(&self, items: &[&str], out: &mut Vec<(usize, Finding)>) {
        let _ = (items, out);
    }

    /// JSON Schema keywords that say the same as this rule about the value as sent, before the
    /// member's normalizer `norm` runs. Empty where JSON Schema cannot say it exactly (the
    /// published schema must never reject what the engine accepts), and for rules that only warn.
    fn schema(&self, norm: Norm) -> Keywords {
        let _ = norm;
        Keywords::new()
    }

    /// For a rule over a closed set of values, the rule's own constant equal to `value`, so
    /// rules between members can compare it (`tokenType` is `DOCUMENT`).
    fn choice(&self, value: &str) -> Option<&'static str> {
        let _ = value;
        None
    }

    /// The rule in a few words, for the docs table (`1–100 chars`).
    fn describe(&self) -> String;

    /// Values at and around this rule's edges, as sent (before the normalizer): some pass, some
    /// fail. Generated tests and the differential schema test draw from them, so a changed limit
    /// changes what is tested with no edit to the tests.
    fn probes(&self) -> Vec<String>;

    /// For generators: values this rule accepts, as the member sends them after its normalizer,
    /// edges first, for a rule over a set or a structure of values (countries, URLs, names);
    /// `text` is what the member's other rules allow of free text. Empty for a rule that only
    /// narrows free text, which [`narrow`](Self::narrow) says instead.
    fn examples(&self, text: &FreeText) -> Vec<String> {
        let _ = text;
        Vec::new()
    }

    /// For generators: how this rule narrows the free text a member may hold.
    fn narrow(&self, text: &mut FreeText) {
        let _ = text;
    }

    /// For generators: values that break this rule, each with the violation it reports; the
    /// generators keep those the member's other rules accept. `text` is what the member's rules
    /// allow of free text, so a miss can otherwise fit (one character too many, not none).
    fn misses(&self, text: &FreeText) -> Vec<Miss> {
        let _ = text;
        Vec::new()
    }

    /// For generators: lists that break [`check_items`](Self::check_items), each with the
    /// index of the item the violation is about.
    fn list_misses(&self) -> Vec<(Vec<String>, usize, Miss)> {
        Vec::new()
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

/// Runs `rule` on `value` and returns what it found; for doc examples and tests.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Length};
/// use idenfy_preflight::Code;
///
/// assert_eq!(findings(&Length { min: 1, max: Some(3) }, "abcd")[0].code(), Code::TooLong);
/// ```
pub fn findings(rule: &dyn Rule, value: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    rule.check(value, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::spec::catalogue::FIELDS;
    use crate::spec::response::RESPONSE_FIELDS;
    use crate::spec::{Object, Shape, Text};

    /// Every text in the catalogue, nested objects included.
    fn texts(shape: &Shape, out: &mut Vec<Text>) {
        match shape {
            Shape::Str(t)
            | Shape::List(t)
            | Shape::StrOrList(t)
            | Shape::IntOrStr { text: t, .. } => out.push(*t),
            Shape::Object(Object::Fields { fields, .. }) => {
                for f in *fields {
                    texts(&f.shape, out);
                }
            }
            Shape::Object(Object::Map(map)) => {
                out.push(map.keys);
                texts(map.values, out);
            }
            Shape::Date | Shape::Int(_) | Shape::Number(_) | Shape::Bool => {}
        }
    }

    fn all_texts() -> Vec<Text> {
        let mut all = Vec::new();
        for m in FIELDS.iter().chain(RESPONSE_FIELDS) {
            texts(&m.shape, &mut all);
        }
        assert!(all.len() > 20);
        all
    }

    /// Every rule a request can break proposes a way to break it, so the kit has a near miss
    /// for each member it guards.
    #[test]
    fn every_request_rule_has_a_miss() {
        let mut request = Vec::new();
        for m in FIELDS {
            texts(&m.shape, &mut request);
        }
        for text in request {
            let mut free = FreeText::default();
            for r in text.rules {
                r.narrow(&mut free);
            }
            for r in text.rules {
                assert!(!r.misses(&free).is_empty(), "{r:?} has no miss");
            }
        }
    }

    /// A rule names a constant only for a value of its closed set, and that constant is the
    /// value: the rules between members compare it (`tokenType` is `DOCUMENT`), so a rule over
    /// open values that named one would switch them on.
    #[test]
    fn a_choice_is_the_value_itself_and_only_for_a_closed_set() {
        for text in all_texts() {
            for r in text.rules {
                let listed = r.examples(&FreeText::default());
                for p in r.probes().iter().chain(&listed) {
                    if let Some(c) = r.choice(p) {
                        assert_eq!(c, p, "{r:?}");
                        assert!(listed.contains(p), "{r:?} names {c} outside its set");
                    }
                }
            }
        }
    }

    /// What each rule says of itself holds under its own check: the probes straddle its edge
    /// (one passes, one fails, as its members normalize them), its examples pass, and each of
    /// its misses earns the code and severity it claims (the kit would drop one that doesn't,
    /// silently losing a near miss).
    #[test]
    fn probes_examples_and_misses_agree_with_the_check() {
        for text in all_texts() {
            let mut free = FreeText::default();
            for r in text.rules {
                r.narrow(&mut free);
            }
            for r in text.rules {
                let found = |sent: &str| findings(*r, &text.norm.apply(sent.into()));
                let probes = r.probes();
                assert!(
                    probes.iter().any(|p| found(p).is_empty()),
                    "{r:?}: no probe passes"
                );
                assert!(
                    probes.iter().any(|p| !found(p).is_empty()),
                    "{r:?}: no probe fails"
                );
                // An example may earn a warning (a valid request may carry one), never an error.
                for e in r.examples(&free) {
                    let errors = findings(*r, &e)
                        .into_iter()
                        .filter(|f| f.severity == Severity::Error);
                    assert_eq!(errors.count(), 0, "{r:?}: example {e:?} fails");
                }
                // Misses are proposed without knowing the member's normalizer (which may undo
                // one, as upper-casing undoes `aml_names_check`): each earns its code as written.
                for m in r.misses(&free) {
                    assert!(
                        findings(*r, &m.value)
                            .iter()
                            .any(|f| f.code() == m.code && f.severity == m.severity),
                        "{r:?}: miss {:?} does not earn {:?}",
                        m.value,
                        m.code
                    );
                }
            }
        }
    }
}
