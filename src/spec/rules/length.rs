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
        // Byte length bounds the character count from above (so within a byte maximum is
        // within the maximum) and from below by a quarter (a character is at most four bytes):
        // most values need no count. Found by mutation testing: "bytes at least the minimum"
        // let a one-character `é` through a minimum of two.
        let enough = match self.min {
            0 => true,
            1 => !value.is_empty(),
            min => value.len() >= min.saturating_mul(4),
        };
        if enough && self.max.is_none_or(|m| value.len() <= m) {
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
    fn exactly_the_fewest_characters_pass_when_the_bytes_are_more() {
        // Two characters in four bytes: past the byte shortcut, and exactly min and max.
        let r = Length {
            min: 2,
            max: Some(2),
        };
        assert!(findings(&r, "éé").is_empty());
        assert_eq!(findings(&r, "é")[0].code(), crate::Code::TooShort);
    }

    #[test]
    fn a_name_without_a_minimum_says_nothing_in_the_schema() {
        let r = Length {
            min: 0,
            max: Some(5),
        };
        assert!(r.schema(Norm::PersonName).is_empty());
        assert_eq!(
            Length {
                min: 2,
                max: Some(5)
            }
            .schema(Norm::PersonName)["minLength"],
            1,
            "normalization changes lengths: only not-empty holds as sent"
        );
        assert_eq!(r.schema(Norm::AsIs)["maxLength"], 5);
    }

    #[test]
    fn probes_hold_the_edges() {
        let r = Length {
            min: 2,
            max: Some(4),
        };
        let lengths: Vec<usize> = r.probes().iter().map(|p| p.chars().count()).collect();
        // Around the fewest, around the most, and the most in two-byte letters.
        assert_eq!(lengths, [1, 2, 3, 3, 4, 5, 4]);
        assert_eq!(
            r.probes().last(),
            Some(&"ą".repeat(4)),
            "characters, not bytes"
        );
    }

    #[test]
    fn unbounded_max() {
        let r = Length { min: 1, max: None };
        assert!(findings(&r, &"a".repeat(10_000)).is_empty());
    }
}
