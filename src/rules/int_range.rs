//! Integer bounds (expiryTime, sessionLength, ageLimit, …).

use crate::violation::{Code, Finding};

/// `min..=max` (errors); `max` open when `None`. Above `plausible_max` a value is allowed but
/// almost certainly a mistake (an age limit of `2008` is a year), a warning.
///
/// ```
/// use idenfy_preflight::rules::IntRange;
/// use idenfy_preflight::{Code, Severity};
///
/// let r = IntRange { min: 60, max: Some(3600), plausible_max: None };
/// assert!(r.check("sessionLength", 60).is_none());
/// assert_eq!(r.check("sessionLength", 59).map(|f| f.code), Some(Code::TooSmall));
/// assert_eq!(r.check("sessionLength", 3601).map(|f| f.code), Some(Code::TooLarge));
///
/// let age = IntRange { min: 1, max: None, plausible_max: Some(150) };
/// assert!(age.check("ageLimit", 150).is_none());
/// let f = age.check("ageLimit", 2008).unwrap();
/// assert_eq!((f.code, f.severity), (Code::ImplausibleValue, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntRange {
    /// Smallest allowed value.
    pub min: i64,
    /// Largest allowed value, if bounded.
    pub max: Option<i64>,
    /// Largest plausible value, if the API allows more than makes sense.
    pub plausible_max: Option<i64>,
}

impl IntRange {
    /// The finding for `value`, if it is out of range or implausible. `i128` holds every JSON
    /// integer serde_json reads (i64 and u64), so no value wraps.
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
        if let Some(plausible) = self.plausible_max.filter(|&m| value > i128::from(m)) {
            return Some(
                Finding::warning(
                    Code::ImplausibleValue,
                    format!("{field} is above {plausible}, more than any person's age: probably a year or a typo"),
                )
                .with("plausible_max", plausible),
            );
        }
        None
    }
}
