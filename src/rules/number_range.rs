//! Bounds of members that take any JSON number (ratios, threshold modifiers).

use crate::violation::{Code, Finding};

/// `min..=max`; `max` open when `None`.
///
/// ```
/// use idenfy_preflight::rules::NumberRange;
/// use idenfy_preflight::Code;
///
/// let r = NumberRange { min: 0.0, max: Some(1.0) };
/// assert!(r.check("ratio", 1.0).is_none());
/// assert_eq!(r.check("ratio", 1.01).map(|f| f.code), Some(Code::TooLarge));
/// assert_eq!(r.check("ratio", -0.01).map(|f| f.code), Some(Code::TooSmall));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberRange {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value, if bounded.
    pub max: Option<f64>,
}

impl NumberRange {
    /// The finding for `value`, if it is out of range.
    pub fn check(&self, field: &str, value: f64) -> Option<Finding> {
        let range = || match self.max {
            Some(max) => format!("between {} and {max}", self.min),
            None => format!("at least {}", self.min),
        };
        if value.is_nan() || value < self.min {
            return Some(
                Finding::error(Code::TooSmall, format!("{field} must be {}", range()))
                    .with("min", self.min),
            );
        }
        if let Some(max) = self.max.filter(|&m| value > m) {
            return Some(
                Finding::error(Code::TooLarge, format!("{field} must be {}", range()))
                    .with("max", max),
            );
        }
        None
    }
}
