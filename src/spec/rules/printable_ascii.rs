//! Printable ASCII: what the docs' "ASCII characters" means for identifiers that end up in URLs,
//! webhooks and the partner's own database (control characters are never intended).

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{Alphabet, FreeText, Miss};
use crate::spec::normalize::Norm;

/// Every character in 0x20–0x7E.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, PrintableAscii};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&PrintableAscii, "user-42 ~ok").is_empty());
/// assert_eq!(findings(&PrintableAscii, "naïve")[0].code(), Code::NotPrintableAscii);
/// assert_eq!(findings(&PrintableAscii, "a\tb")[0].code(), Code::NotPrintableAscii);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintableAscii;

impl Rule for PrintableAscii {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if value.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return;
        }
        let bad = |c: char| !(' '..='~').contains(&c);
        let position = value.chars().position(bad).map_or(0, |p| p + 1);
        out.push(Finding::error(Kind::NotPrintableAscii {
            position,
            count: value.chars().filter(|&c| bad(c)).count(),
            control: value.chars().any(char::is_control),
        }));
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", "^[ -~]*$".into())])
    }

    fn describe(&self) -> String {
        "printable ASCII".into()
    }

    fn probes(&self) -> Vec<String> {
        ["a\tb", "é", "~", " ", "\u{7f}", "\u{1f}"]
            .map(String::from)
            .to_vec()
    }

    fn narrow(&self, text: &mut FreeText) {
        text.alphabet = Alphabet::PrintableAscii;
    }

    /// One accented letter in otherwise fitting text.
    fn misses(&self, text: &FreeText) -> Vec<Miss> {
        let value = FreeText::filler(text.min.saturating_sub(1)) + "é";
        vec![Miss::error(value, Code::NotPrintableAscii)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    #[test]
    fn boundaries() {
        assert!(findings(&PrintableAscii, " ~").is_empty());
        assert_eq!(findings(&PrintableAscii, "\u{7f}").len(), 1);
        assert_eq!(findings(&PrintableAscii, "\u{1f}").len(), 1);
        let p = findings(&PrintableAscii, "ab\u{e9}\u{e9}")[0].params();
        assert_eq!(p["position"], 3);
        assert_eq!(p["count"], 2);
    }
}
