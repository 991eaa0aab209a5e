//! Printable ASCII: what the docs' "ASCII characters" means for identifiers that end up in URLs,
//! webhooks and the partner's own database (control characters are never intended).

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};

/// Every character in 0x20–0x7E.
///
/// ```
/// use idenfy_preflight::rules::{findings, PrintableAscii};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&PrintableAscii, "clientId", "user-42 ~ok").is_empty());
/// assert_eq!(findings(&PrintableAscii, "clientId", "naïve")[0].code, Code::NotPrintableAscii);
/// assert_eq!(findings(&PrintableAscii, "clientId", "a\tb")[0].code, Code::NotPrintableAscii);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintableAscii;

impl Rule for PrintableAscii {
    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", "^[ -~]*$".into())])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        let bad = |c: char| !(' '..='~').contains(&c);
        if let Some(first) = value.chars().position(bad) {
            let count = value.chars().filter(|&c| bad(c)).count();
            let control = value.chars().any(|c| c.is_control());
            let what = if control {
                "a control character"
            } else {
                "a non-ASCII character"
            };
            out.push(
                Finding::error(
                    Code::NotPrintableAscii,
                    format!(
                        "{field} may contain only printable ASCII characters (space to ~); it has {what} at position {}",
                        first + 1
                    ),
                )
                .with("position", first + 1)
                .with("count", count),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    #[test]
    fn boundaries() {
        assert!(findings(&PrintableAscii, "f", " ~").is_empty());
        assert_eq!(findings(&PrintableAscii, "f", "\u{7f}").len(), 1);
        assert_eq!(findings(&PrintableAscii, "f", "\u{1f}").len(), 1);
        let f = &findings(&PrintableAscii, "f", "ab\u{e9}\u{e9}")[0];
        assert_eq!(f.params["position"], 3);
        assert_eq!(f.params["count"], 2);
    }
}
