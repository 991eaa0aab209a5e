//! Number bounds: integers (expiryTime, sessionLength, ageLimit, …) and other numbers (ratios,
//! threshold modifiers), one rule for both.

use crate::diag::{Code, Finding, Implausible, Kind, Num, Severity};

/// `min..=max` (errors); `max` open when `None`. Above `plausible_max` a value is allowed but
/// almost certainly a mistake (an age limit of `2008` is a year), a warning.
///
/// ```
/// use idenfy_preflight::spec::rules::Bounds;
/// use idenfy_preflight::{Code, Severity};
///
/// let r = Bounds { min: 60, max: Some(3600), plausible_max: None };
/// assert!(r.check(60).is_none());
/// assert_eq!(r.check(59).map(|f| f.code()), Some(Code::TooSmall));
/// assert_eq!(r.check(3601).map(|f| f.code()), Some(Code::TooLarge));
///
/// let age = Bounds { min: 1, max: None, plausible_max: Some(150) };
/// assert!(age.check(150).is_none());
/// let f = age.check(2008).unwrap();
/// assert_eq!((f.code(), f.severity), (Code::ImplausibleValue, Severity::Warning));
///
/// let ratio = Bounds { min: 0.0, max: Some(1.0), plausible_max: None };
/// assert_eq!(ratio.check(1.01).map(|f| f.code()), Some(Code::TooLarge));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds<T> {
    /// Smallest allowed value.
    pub min: T,
    /// Largest allowed value, if bounded.
    pub max: Option<T>,
    /// Largest plausible value, if the API allows more than makes sense.
    pub plausible_max: Option<T>,
}

/// A number a bound can be: `i64` or `f64`.
pub trait Bound: Copy + PartialOrd {
    /// As a message and parameter value.
    fn num(self) -> Num;
    /// Whether the value can be compared at all (NaN cannot).
    fn comparable(self) -> bool;
}

impl Bound for i64 {
    fn num(self) -> Num {
        Num::Int(self)
    }
    fn comparable(self) -> bool {
        true
    }
}

impl Bound for f64 {
    fn num(self) -> Num {
        Num::Float(self)
    }
    fn comparable(self) -> bool {
        !self.is_nan()
    }
}

impl<T: Bound> Bounds<T> {
    /// The finding for `value`, if it is out of range or implausible.
    pub fn check(&self, value: T) -> Option<Finding> {
        let (min, max) = (self.min.num(), self.max.map(Bound::num));
        if !value.comparable() || value < self.min {
            return Some(Finding::error(Kind::TooSmall { min, max }));
        }
        if let Some(m) = self.max.filter(|&m| value > m) {
            return Some(Finding::error(Kind::TooLarge { min, max: m.num() }));
        }
        if let Some(p) = self.plausible_max.filter(|&p| value > p) {
            let plausible_max = match p.num() {
                Num::Int(i) => i,
                // Plausibility is only declared for ages, which are integers.
                Num::Float(x) => x as i64,
            };
            return Some(Finding::warning(Kind::ImplausibleValue {
                what: Implausible::Age,
                plausible_max,
            }));
        }
        None
    }

    /// The rule in a few words, for the docs table.
    pub fn describe(&self) -> String {
        let mut s = match self.max {
            Some(max) => format!("{}–{}", self.min.num(), max.num()),
            None => format!("≥{}", self.min.num()),
        };
        if let Some(p) = self.plausible_max {
            s.push_str(&format!("; warns above {}", p.num()));
        }
        s
    }
}

impl Bounds<i64> {
    /// Checks a JSON integer, which may lie beyond `i64` (up to `u64::MAX`): beyond it, a value
    /// is above every bound.
    pub fn check_int(&self, value: i128) -> Option<Finding> {
        // Clamped, the value is exact in i64: the cast cannot truncate.
        self.check(value.clamp(i64::MIN.into(), i64::MAX.into()) as i64)
    }

    /// For generators: the range values are drawn from (the plausible range where one is
    /// declared), whose ends are the last passing values.
    pub fn valid_range(&self) -> (i64, i64) {
        let top = self
            .plausible_max
            .or(self.max)
            .unwrap_or(self.min.saturating_add(1_000_000));
        (self.min, top)
    }

    /// For generators: the first failing value on each side, and the first implausible one.
    pub fn misses(&self) -> Vec<(i64, Code, Severity)> {
        let mut out = vec![(self.min - 1, Code::TooSmall, Severity::Error)];
        if let Some(max) = self.max {
            out.push((max + 1, Code::TooLarge, Severity::Error));
        }
        if let Some(p) = self.plausible_max {
            out.push((p + 1, Code::ImplausibleValue, Severity::Warning));
        }
        out
    }

    /// Integers at the edges: the last passing and first failing on each side.
    pub fn probes(&self) -> Vec<i64> {
        let mut v = vec![self.min - 1, self.min, self.min + 1, 0, -1, i64::MAX];
        if let Some(max) = self.max {
            v.extend([max - 1, max, max + 1]);
        }
        if let Some(p) = self.plausible_max {
            v.extend([p, p + 1, 2008]);
        }
        v
    }
}

impl Bounds<f64> {
    /// For generators: the range values are drawn from.
    pub fn valid_range(&self) -> (f64, f64) {
        (self.min, self.max.unwrap_or(self.min + 10.0))
    }

    /// For generators: a value just below the least and just above the most.
    pub fn misses(&self) -> Vec<(f64, Code, Severity)> {
        let mut out = vec![(self.min - 0.5, Code::TooSmall, Severity::Error)];
        if let Some(max) = self.max {
            out.push((max + 0.5, Code::TooLarge, Severity::Error));
        }
        out
    }

    /// Numbers at the edges.
    pub fn probes(&self) -> Vec<f64> {
        vec![
            self.min - 0.5,
            self.min,
            self.min + 0.5,
            self.max.unwrap_or(1e9) + 0.5,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON numbers never carry NaN, but the typed path and callers of the rule can: NaN is
    /// below every bound rather than inside all of them.
    #[test]
    fn nan_is_too_small() {
        let ratio = Bounds {
            min: 0.0,
            max: Some(1.0),
            plausible_max: None,
        };
        assert_eq!(
            ratio.check(f64::NAN).map(|f| f.code()),
            Some(Code::TooSmall)
        );
        assert!(ratio.check(0.0).is_none() && ratio.check(1.0).is_none());
    }

    /// Integers beyond i64 saturate to the side they lie on.
    #[test]
    fn integers_beyond_i64_keep_their_side() {
        let r = Bounds {
            min: 1,
            max: Some(10),
            plausible_max: None,
        };
        let code = |v: i128| r.check_int(v).map(|f| f.code());
        assert_eq!(code(i128::from(u64::MAX)), Some(Code::TooLarge));
        assert_eq!(code(i128::from(i64::MIN) - 1), Some(Code::TooSmall));
        assert_eq!(code(10), None);
        assert_eq!(code(11), Some(Code::TooLarge));
    }

    /// The probes are the edges the differential schema test draws from: each side's last
    /// passing and first failing value, pinned exactly (a probe that drifts off an edge tests
    /// nothing).
    #[test]
    fn probes_sit_on_the_edges() {
        let r = Bounds {
            min: 3,
            max: Some(10),
            plausible_max: None,
        };
        assert_eq!(r.probes(), [2, 3, 4, 0, -1, i64::MAX, 9, 10, 11]);
        let age = Bounds {
            min: 3,
            max: None,
            plausible_max: Some(150),
        };
        assert_eq!(age.probes(), [2, 3, 4, 0, -1, i64::MAX, 150, 151, 2008]);
        let ratio = Bounds {
            min: 2.0,
            max: Some(3.0),
            plausible_max: None,
        };
        assert_eq!(ratio.probes(), [1.5, 2.0, 2.5, 3.5]);
        let open = Bounds {
            min: 2.0,
            max: None,
            plausible_max: None,
        };
        assert_eq!(open.probes(), [1.5, 2.0, 2.5, 1e9 + 0.5]);
    }
}
