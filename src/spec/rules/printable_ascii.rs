//! ASCII: what the docs' "ASCII characters" means for identifiers that end up in URLs, webhooks
//! and the partner's own database. A character outside ASCII is refused; an ASCII control
//! character is ASCII, so the docs allow it, but it is almost never meant: a warning.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{Alphabet, FreeText, Miss};
use crate::spec::normalize::Norm;

/// Every character in ASCII (an error otherwise), and printable (a warning otherwise: 0x00–0x1F
/// and 0x7F are ASCII).
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, PrintableAscii};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&PrintableAscii, "user-42 ~ok").is_empty());
/// assert_eq!(findings(&PrintableAscii, "naïve")[0].code(), Code::NotPrintableAscii);
/// let tab = &findings(&PrintableAscii, "a\tb")[0];
/// assert_eq!((tab.code(), tab.severity), (Code::AsciiControlCharacter, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrintableAscii;

impl Rule for PrintableAscii {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if value.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return;
        }
        let first_and_count = |bad: fn(&char) -> bool| {
            let position = value.chars().position(|c| bad(&c)).map_or(0, |p| p + 1);
            (position, value.chars().filter(bad).count())
        };
        let (position, count) = first_and_count(|c| !c.is_ascii());
        if count > 0 {
            out.push(Finding::error(Kind::NotPrintableAscii { position, count }));
        }
        let (position, count) = first_and_count(char::is_ascii_control);
        if count > 0 {
            out.push(Finding::warning(Kind::AsciiControlCharacter {
                position,
                count,
            }));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", "^[\\x00-\\x7F]*$".into())])
    }

    fn describe(&self) -> String {
        "ASCII (control characters warn)".into()
    }

    fn probes(&self) -> Vec<String> {
        ["a\tb", "é", "~", " ", "\u{7f}", "\u{1f}"]
            .map(String::from)
            .to_vec()
    }

    fn narrow(&self, text: &mut FreeText) {
        text.alphabet = Alphabet::PrintableAscii;
    }

    /// One accented letter, or one control character (DEL: not whitespace, which other rules
    /// read), in otherwise fitting text.
    fn misses(&self, text: &FreeText) -> Vec<Miss> {
        let filler = FreeText::filler(text.min.saturating_sub(1));
        vec![
            Miss::error(filler.clone() + "é", Code::NotPrintableAscii),
            Miss::warning(filler + "\u{7f}", Code::AsciiControlCharacter),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    #[test]
    fn boundaries() {
        assert!(findings(&PrintableAscii, " ~").is_empty());
        for control in ["\u{7f}", "\u{1f}", "\u{0}"] {
            let f = findings(&PrintableAscii, control);
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].code(), Code::AsciiControlCharacter);
        }
        assert_eq!(
            findings(&PrintableAscii, "\u{80}")[0].code(),
            Code::NotPrintableAscii
        );
        let both: Vec<_> = findings(&PrintableAscii, "\té")
            .iter()
            .map(|f| (f.code(), f.params()["position"].clone()))
            .collect();
        assert_eq!(
            both,
            [
                (Code::NotPrintableAscii, 2.into()),
                (Code::AsciiControlCharacter, 1.into())
            ]
        );
        let p = findings(&PrintableAscii, "ab\u{e9}\u{e9}")[0].params();
        assert_eq!(p["position"], 3);
        assert_eq!(p["count"], 2);
    }
}
