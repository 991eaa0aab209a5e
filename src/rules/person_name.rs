//! Names: the docs say "letters only, no digits, no special characters", and their own example
//! ("John Tom") has a space. We allow what real names need and reject the rest.

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};
use regex::Regex;
use std::sync::LazyLock;

/// The characters the docs forbid by name (the current list plus `<` and `>`, which every older
/// version of the docs forbids too).
pub const FORBIDDEN_SPECIALS: &str = "~!@#$%^*()_+={}[]|:;\",/?<>";

/// The characters of Rust's `char::is_whitespace`, as the inside of a regex character class
/// (ECMA-262 and Rust regex syntax alike).
pub(crate) const WHITESPACE_CLASS: &str =
    "\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

/// Everything a name may hold besides letters: combining marks, the whitespace the normalizer
/// collapses, apostrophes (`'`, `’`), period, hyphens (`-`, `‐`, `‑`), middle dot (Catalan
/// `l·l`, transliterated Chinese) and the zero-width joiners of Persian and Indic names.
const OTHER_NAME_CHARS: &str = "\\p{M}'\\u2019.\\-\\u2010\\u2011\\u00B7\\u200C\\u200D";

/// The name rule as one regex (ECMA-262 and Rust syntax alike): allowed characters only, and at
/// least one letter (`\p{L}`: a Roman numeral or a circled letter is no letter). The engine and
/// the published JSON Schema use this same pattern.
pub fn name_pattern() -> String {
    let allowed = format!("[\\p{{L}}{OTHER_NAME_CHARS}{WHITESPACE_CLASS}]");
    // U+0345 is the one combining mark that upper-cases to a letter (Ι): the engine sees the
    // letter, the schema the mark, so both must count it as the required letter.
    format!("^{allowed}*[\\p{{L}}\\u0345]{allowed}*$")
}

// Constant patterns: failing to compile is a build defect (e.g. a regex feature turned off), so
// it must be loud, not a rule that silently passes everything.
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&name_pattern()).expect("the constant name pattern compiles"));
static NOT_NAME_CHAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("[^\\p{{L}}{OTHER_NAME_CHARS}{WHITESPACE_CLASS}]"))
        .expect("the constant name class compiles")
});

/// Letters, combining marks, spaces, apostrophes, period, hyphens, middle dot and zero-width
/// joiners; at least one letter.
///
/// ```
/// use idenfy_preflight::rules::{findings, PersonName};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&PersonName, "lastName", "O’NEIL-SMITH JR.").is_empty());
/// assert!(findings(&PersonName, "firstName", "ŽYDRŪNAS").is_empty());
/// let f = &findings(&PersonName, "firstName", "JOHN2")[0];
/// assert_eq!(f.code, Code::InvalidNameCharacter);
/// assert_eq!(f.params["class"], "digit");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonName;

fn class_of(c: char) -> (&'static str, &'static str) {
    if c.is_numeric() {
        ("digit", "a digit")
    } else if FORBIDDEN_SPECIALS.contains(c) {
        ("special", "a forbidden special character")
    } else if c.is_control() {
        ("control", "a control character")
    } else {
        ("other", "a character that is not a letter")
    }
}

impl Rule for PersonName {
    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", name_pattern().into())])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        let (name, not_name) = (&*NAME, &*NOT_NAME_CHAR);
        // Empty is the length rule's to report.
        if value.is_empty() || name.is_match(value) {
            return;
        }
        let mut bad = not_name.find_iter(value);
        let Some(first) = bad.next() else {
            out.push(
                Finding::error(
                    Code::InvalidNameCharacter,
                    format!("{field} must contain at least one letter"),
                )
                .with("class", "no_letter"),
            );
            return;
        };
        let count = 1 + bad.count();
        let c = first.as_str().chars().next().unwrap_or_default();
        let position = value[..first.start()].chars().count() + 1;
        let (class, what) = class_of(c);
        let more = if count > 1 {
            format!(" ({count} such characters in all)")
        } else {
            String::new()
        };
        out.push(
            Finding::error(
                Code::InvalidNameCharacter,
                format!(
                    "{field} may contain only letters, spaces, hyphens, apostrophes and periods; the normalized name has {what} at position {position}{more}"
                ),
            )
            .with("class", class)
            .with("position", position)
            .with("count", count),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    fn class(v: &str) -> Option<String> {
        findings(&PersonName, "f", v)
            .first()
            .map(|f| f.params["class"].as_str().unwrap_or_default().to_owned())
    }

    #[test]
    fn allowed() {
        for ok in [
            "A",
            "JOHN TOM",
            "D'ARCY",
            "O’NEIL",
            "ST. JOHN",
            "ANNA-MARIA",
            "李",
            "МАРИЯ",
            "E\u{301}",
            "MÜLLER\u{2010}LÜDENSCHEIDT",
            "LI·XIAOLONG",
            "ZAHRA\u{200C}EI",
            // The normalizer collapses whitespace to single spaces before this rule runs.
            "A\u{a0}\tB",
        ] {
            assert_eq!(class(ok), None, "{ok}");
        }
    }

    #[test]
    fn needs_a_letter() {
        for v in ["-", ".", "' .", "\u{301}"] {
            assert_eq!(class(v).as_deref(), Some("no_letter"), "{v:?}");
        }
        assert_eq!(class("").as_deref(), None);
        assert_eq!(class("A.").as_deref(), None);
        assert_eq!(class("1").as_deref(), Some("digit"));
        assert_eq!(
            class("Ⅻ").as_deref(),
            Some("digit"),
            "a Roman numeral is a number"
        );
        assert_eq!(class("Ⓐ").as_deref(), Some("other"));
    }

    #[test]
    fn every_documented_special_is_rejected() {
        for c in FORBIDDEN_SPECIALS.chars() {
            assert_eq!(class(&format!("A{c}B")).as_deref(), Some("special"), "{c}");
        }
    }

    #[test]
    fn classes() {
        assert_eq!(class("JOHN2").as_deref(), Some("digit"));
        assert_eq!(class("JOHN٣").as_deref(), Some("digit"));
        assert_eq!(class("A\u{0}B").as_deref(), Some("control"));
        assert_eq!(class("A\u{feff}B").as_deref(), Some("other"));
        assert_eq!(class("A😀").as_deref(), Some("other"));
        assert_eq!(class("A&B").as_deref(), Some("other"));
        let f = &findings(&PersonName, "f", "ÉA2B3")[0];
        assert_eq!(
            (f.params["position"].as_u64(), f.params["count"].as_u64()),
            (Some(3), Some(2))
        );
    }
}
