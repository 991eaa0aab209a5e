//! Identifiers sent as written: whitespace at either end is kept, so it is almost always a
//! copy-and-paste accident (a `clientId` of `"42 "` is another client than `"42"`, and
//! de-duplication, webhooks and the partner's own lookups then disagree).

use super::Rule;
use crate::diag::Code;
use crate::diag::{Ends, Finding, Kind};
use crate::spec::gen::{FreeText, Miss};

/// No whitespace at the start or the end (a warning: the API accepts it as is).
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Trimmed};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&Trimmed, "client 42").is_empty());
/// let f = &findings(&Trimmed, " client-42")[0];
/// assert_eq!((f.code(), f.severity), (Code::SurroundingWhitespace, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trimmed;

impl Rule for Trimmed {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        let at = match (
            value.starts_with(char::is_whitespace),
            value.ends_with(char::is_whitespace),
        ) {
            (false, false) => return,
            (true, true) => Ends::Both,
            (true, false) => Ends::Start,
            (false, true) => Ends::End,
        };
        out.push(Finding::warning(Kind::SurroundingWhitespace { at }));
    }

    fn describe(&self) -> String {
        "warns on surrounding whitespace".into()
    }

    fn probes(&self) -> Vec<String> {
        [" a", "a ", "a b", "\ta"].map(String::from).to_vec()
    }

    fn narrow(&self, text: &mut FreeText) {
        text.trimmed = true;
    }

    /// A space before otherwise fitting text.
    fn misses(&self, text: &FreeText) -> Vec<Miss> {
        let value = format!(" {}", FreeText::filler(text.min.max(1)));
        vec![Miss::warning(value, Code::SurroundingWhitespace)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    /// Generators keep to what the rule checks: free text for a trimmed member has no
    /// whitespace at either end (else every generated value would earn this warning).
    #[test]
    fn narrows_free_text_to_trimmed() {
        let mut free = FreeText::default();
        assert!(!free.trimmed);
        Trimmed.narrow(&mut free);
        assert!(free.trimmed);
    }

    #[test]
    fn boundaries() {
        assert!(findings(&Trimmed, "").is_empty());
        assert!(findings(&Trimmed, "a").is_empty());
        assert!(findings(&Trimmed, "a b").is_empty());
        for v in [" a", "a ", "\ta", "a\n", "\u{a0}a", " "] {
            assert_eq!(findings(&Trimmed, v).len(), 1, "{v:?}");
        }
        assert_eq!(findings(&Trimmed, " a ")[0].params()["at"], "both ends");
    }
}
