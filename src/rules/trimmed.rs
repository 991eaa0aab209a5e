//! Identifiers sent as written: whitespace at either end is kept, so it is almost always a
//! copy-and-paste accident (a `clientId` of `"42 "` is another client than `"42"`, and
//! de-duplication, webhooks and the partner's own lookups then disagree).

use super::Rule;
use crate::context::Context;
use crate::violation::{Code, Finding};

/// No whitespace at the start or the end (a warning: the API accepts it as is).
///
/// ```
/// use idenfy_preflight::rules::{findings, Trimmed};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&Trimmed, "clientId", "client 42").is_empty());
/// let f = &findings(&Trimmed, "clientId", " client-42")[0];
/// assert_eq!((f.code, f.severity), (Code::SurroundingWhitespace, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trimmed;

impl Rule for Trimmed {
    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        let starts = value.starts_with(char::is_whitespace);
        let ends = value.ends_with(char::is_whitespace);
        if !(starts || ends) {
            return;
        }
        let at = match (starts, ends) {
            (true, true) => "both ends",
            (true, false) => "the start",
            _ => "the end",
        };
        out.push(
            Finding::warning(
                Code::SurroundingWhitespace,
                format!("{field} has whitespace at {at}; it is sent as written, not trimmed, so it will not match the same value without it"),
            )
            .with("at", at),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    #[test]
    fn boundaries() {
        assert!(findings(&Trimmed, "f", "").is_empty());
        assert!(findings(&Trimmed, "f", "a").is_empty());
        assert!(findings(&Trimmed, "f", "a b").is_empty());
        for v in [" a", "a ", "\ta", "a\n", "\u{a0}a", " "] {
            assert_eq!(findings(&Trimmed, "f", v).len(), 1, "{v:?}");
        }
        assert_eq!(findings(&Trimmed, "f", " a ")[0].params["at"], "both ends");
    }
}
