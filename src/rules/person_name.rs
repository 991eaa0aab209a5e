//! Names: the docs say "letters only, no digits, no special characters", and their own example
//! ("John Tom") has a space. We allow what real names need and reject the rest.

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};
use unicode_normalization::char::is_combining_mark;

/// The characters the docs forbid by name (the current list plus `<` and `>`, which every older
/// version of the docs forbids too).
pub const FORBIDDEN_SPECIALS: &str = "~!@#$%^*()_+={}[]|:;\",/?<>";

/// The characters of Rust's `char::is_whitespace`, as the inside of a regex character class
/// (ECMA-262 and Rust regex syntax alike).
pub(crate) const WHITESPACE_CLASS: &str =
    "\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

/// Unicode letters and combining marks, space, hyphen, apostrophes (`'` and `’`) and period.
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

/// Whether `c` may appear in a name.
pub fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c) || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.')
}

fn class_of(c: char) -> (&'static str, &'static str) {
    if c.is_numeric() {
        ("digit", "a digit")
    } else if FORBIDDEN_SPECIALS.contains(c) {
        ("special", "a forbidden special character")
    } else if c.is_control() {
        ("control", "a control character")
    } else if c.is_whitespace() {
        ("whitespace", "whitespace other than a plain space")
    } else {
        ("other", "a character that is not a letter")
    }
}

impl Rule for PersonName {
    fn schema(&self, _norm: Norm) -> Keywords {
        // Whitespace is listed as Rust's `char::is_whitespace` has it (the normalizer collapses
        // exactly those), not as regex `\s`, which also takes U+FEFF.
        let allowed = format!("[\\p{{Alphabetic}}\\p{{M}}{WHITESPACE_CLASS}'\\u2019.\\-]");
        keywords([(
            "pattern",
            format!("^{allowed}*\\p{{Alphabetic}}{allowed}*$").into(),
        )])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        // "-" or "." alone passes the character test but is no name; empty is the length rule's.
        if !value.is_empty() && !value.chars().any(char::is_alphabetic) {
            out.push(
                Finding::error(
                    Code::InvalidNameCharacter,
                    format!("{field} must contain at least one letter"),
                )
                .with("class", "no_letter"),
            );
            return;
        }
        let mut bad = value.chars().enumerate().filter(|&(_, c)| !is_name_char(c));
        if let Some((pos, c)) = bad.next() {
            let count = 1 + bad.count();
            let (class, what) = class_of(c);
            out.push(
                Finding::error(
                    Code::InvalidNameCharacter,
                    format!(
                        "{field} may contain only letters, spaces, hyphens, apostrophes and periods; it has {what} at position {}{}",
                        pos + 1,
                        if count > 1 { format!(" ({count} such characters in all)") } else { String::new() }
                    ),
                )
                .with("class", class)
                .with("position", pos + 1)
                .with("count", count),
            );
        }
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
        assert_eq!(class("1").as_deref(), Some("no_letter"));
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
        assert_eq!(class("A\tB").as_deref(), Some("control"));
        assert_eq!(class("A\u{a0}B").as_deref(), Some("whitespace"));
        assert_eq!(class("A😀").as_deref(), Some("other"));
        assert_eq!(class("A&B").as_deref(), Some("other"));
    }
}
