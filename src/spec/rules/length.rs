//! Length in Unicode scalar values (what the API's "max length" counts for its string columns).

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

/// `min..=max` characters.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Length};
/// use idenfy_preflight::Code;
///
/// let rule = Length { min: 1, max: Some(3) };
/// assert!(findings(&rule, "abc").is_empty());
/// assert_eq!(findings(&rule, "abcd")[0].code(), Code::TooLong);
/// assert_eq!(findings(&rule, "")[0].code(), Code::TooShort);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    /// Fewest characters allowed.
    pub min: usize,
    /// Most characters allowed, if bounded.
    pub max: Option<usize>,
}

impl Rule for Length {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        // Byte length bounds the character count from above, so most values need no count.
        if value.len() >= self.min && self.max.is_none_or(|m| value.len() <= m) {
            return;
        }
        let length = value.chars().count();
        if length < self.min {
            out.push(Finding::error(Kind::TooShort {
                min: self.min,
                length,
            }));
        }
        if let Some(max) = self.max.filter(|&m| length > m) {
            out.push(Finding::error(Kind::TooLong { max, length }));
        }
    }

    fn schema(&self, norm: Norm) -> Keywords {
        match norm {
            // Trimming, collapsing and upper-casing change a name's length, so only "not empty"
            // holds for the value as sent.
            Norm::PersonName => match self.min {
                0 => Keywords::new(),
                _ => keywords([("minLength", 1.into())]),
            },
            _ => {
                let mut k = keywords([("minLength", self.min.into())]);
                if let Some(max) = self.max {
                    k.insert("maxLength".into(), max.into());
                }
                k
            }
        }
    }

    fn describe(&self) -> String {
        match (self.min, self.max) {
            (0, Some(max)) => format!("≤{max} chars"),
            (min, Some(max)) => format!("{min}–{max} chars"),
            (min, None) => format!("≥{min} chars"),
        }
    }

    fn probes(&self) -> Vec<String> {
        let mut out: Vec<String> = [self.min.saturating_sub(1), self.min, self.min + 1]
            .iter()
            .map(|&n| "a".repeat(n))
            .collect();
        if let Some(max) = self.max {
            out.extend([max - 1, max, max + 1].iter().map(|&n| "b".repeat(n)));
            // Characters, not bytes: the longest value of two-byte letters still passes.
            out.push("ą".repeat(max));
        }
        out
    }

    fn narrow(&self, text: &mut FreeText) {
        text.min = text.min.max(self.min);
        text.max = match (text.max, self.max) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    /// The first failing lengths: one character past the most, one short of the fewest.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        let mut out = Vec::new();
        if let Some(max) = self.max {
            out.push(Miss::error(FreeText::filler(max + 1), Code::TooLong));
        }
        if self.min > 0 {
            out.push(Miss::error(FreeText::filler(self.min - 1), Code::TooShort));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    #[test]
    fn counts_characters_not_bytes() {
        let r = Length {
            min: 1,
            max: Some(2),
        };
        assert!(findings(&r, "ąž").is_empty());
        assert_eq!(findings(&r, "ąžė")[0].code(), crate::Code::TooLong);
    }

    #[test]
    fn unbounded_max() {
        let r = Length { min: 1, max: None };
        assert!(findings(&r, &"a".repeat(10_000)).is_empty());
    }
}
