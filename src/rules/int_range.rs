//! Integer bounds (expiryTime, sessionLength, ageLimit, …).

use crate::violation::{Code, Finding};

/// `min..=max`; `max` open when `None`.
///
/// ```
/// use idenfy_preflight::rules::IntRange;
/// use idenfy_preflight::Code;
///
/// let r = IntRange { min: 60, max: Some(3600) };
/// assert!(r.check("sessionLength", 60).is_none());
/// assert_eq!(r.check("sessionLength", 59).map(|f| f.code), Some(Code::TooSmall));
/// assert_eq!(r.check("sessionLength", 3601).map(|f| f.code), Some(Code::TooLarge));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRange {
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value, if bounded.
    pub max: Option<i64>,
}

impl IntRange {
    /// The finding for `value`, if it is out of range. `i128` holds every JSON integer serde_json
    /// reads (i64 and u64), so no value wraps.
    pub fn check(&self, field: &str, value: i128) -> Option<Finding> {
        let range = || match self.max {
            Some(max) => format!("between {} and {max}", self.min),
            None => format!("at least {}", self.min),
        };
        if value < i128::from(self.min) {
            return Some(
                Finding::error(Code::TooSmall, format!("{field} must be {}", range()))
                    .with("min", self.min),
            );
        }
        if let Some(max) = self.max.filter(|&m| value > i128::from(m)) {
            return Some(
                Finding::error(Code::TooLarge, format!("{field} must be {}", range()))
                    .with("max", max),
            );
        }
        None
    }
}
