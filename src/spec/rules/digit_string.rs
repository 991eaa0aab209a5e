//! The response's digitString: the code a client types into the mobile app.

use super::{keywords, Keywords, Rule};
use crate::diag::{Finding, Kind};
use crate::spec::normalize::Norm;

/// A non-empty string of the ASCII digits `0`–`9` (an error otherwise). A length other than
/// `length` is only a **warning**: the docs say 8 digits, but both of their own examples have 7.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, DigitString};
/// use idenfy_preflight::{Code, Severity};
///
/// let rule = DigitString { length: 8 };
/// assert!(findings(&rule, "12345678").is_empty());
/// let f = &findings(&rule, "1234567")[0];
/// assert_eq!((f.code(), f.severity), (Code::UnexpectedDigitStringLength, Severity::Warning));
/// assert_eq!(findings(&rule, "12a45678")[0].code(), Code::InvalidDigitString);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DigitString {
    /// The documented length.
    pub length: usize,
}

impl Rule for DigitString {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if let Some(p) = value.chars().position(|c| !c.is_ascii_digit()) {
            out.push(Finding::error(Kind::InvalidDigitString {
                position: Some(p + 1),
            }));
        } else if value.is_empty() {
            out.push(Finding::error(Kind::InvalidDigitString { position: None }));
        } else if value.len() != self.length {
            out.push(Finding::warning(Kind::UnexpectedDigitStringLength {
                expected: self.length,
                length: value.len(),
            }));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        // Digits only: the length only warns (the docs' own examples have 7).
        keywords([("pattern", "^[0-9]+$".into())])
    }

    fn describe(&self) -> String {
        format!("digits; warns unless {} long", self.length)
    }

    fn probes(&self) -> Vec<String> {
        vec![
            "1".repeat(self.length),
            "1".repeat(self.length - 1),
            "1".repeat(self.length + 1),
            String::new(),
            "12a45678".into(),
            "１２３４５６７８".into(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;
    use crate::{Code, Severity};

    #[test]
    fn boundaries() {
        let r = DigitString { length: 8 };
        assert!(findings(&r, "12345678").is_empty());
        let f = &findings(&r, "1234567")[0];
        assert_eq!(
            (f.code(), f.severity),
            (Code::UnexpectedDigitStringLength, Severity::Warning)
        );
        let f = &findings(&r, "12a45678")[0];
        assert_eq!(
            (f.code(), f.params()["position"].as_u64()),
            (Code::InvalidDigitString, Some(3))
        );
        assert_eq!(findings(&r, "")[0].code(), Code::InvalidDigitString);
        // Non-ASCII digits are not digits.
        assert_eq!(
            findings(&r, "１２３４５６７８")[0].code(),
            Code::InvalidDigitString
        );
    }
}
