//! Length in Unicode scalar values (what the API's "max length" counts for its string columns).

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};

/// `min..=max` characters.
///
/// ```
/// use idenfy_preflight::rules::{findings, Length};
/// use idenfy_preflight::Code;
///
/// let rule = Length { min: 1, max: Some(3) };
/// assert!(findings(&rule, "x", "abc").is_empty());
/// assert_eq!(findings(&rule, "x", "abcd")[0].code, Code::TooLong);
/// assert_eq!(findings(&rule, "x", "")[0].code, Code::TooShort);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    /// Fewest characters allowed.
    pub min: usize,
    /// Most characters allowed, if bounded.
    pub max: Option<usize>,
}

impl Rule for Length {
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

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        // Byte length bounds the character count from above, so most values need no count.
        if value.len() < self.min || self.max.is_some_and(|m| value.len() > m) {
            let n = value.chars().count();
            if n < self.min {
                let msg = if self.min == 1 {
                    format!("{field} must not be empty")
                } else {
                    format!("{field} must be at least {} characters long", self.min)
                };
                out.push(
                    Finding::error(Code::TooShort, msg)
                        .with("min", self.min)
                        .with("length", n),
                );
            }
            if let Some(max) = self.max.filter(|&m| n > m) {
                out.push(
                    Finding::error(
                        Code::TooLong,
                        format!("{field} must be at most {max} characters long (it has {n})"),
                    )
                    .with("max", max)
                    .with("length", n),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    #[test]
    fn counts_characters_not_bytes() {
        let r = Length {
            min: 1,
            max: Some(2),
        };
        assert!(findings(&r, "f", "ąž").is_empty());
        assert_eq!(findings(&r, "f", "ąžė")[0].code, Code::TooLong);
    }

    #[test]
    fn unbounded_max() {
        let r = Length { min: 1, max: None };
        assert!(findings(&r, "f", &"a".repeat(10_000)).is_empty());
    }
}
