//! Repeated member names (and repeated list items): which entries repeat an earlier one, as
//! written or once ASCII case is ignored.
//!
//! Small lists are compared pairwise, allocating nothing; large ones (hostile bodies carry
//! thousands of members) go through a hash set, so the cost stays linear.

use rustc_hash::FxHashSet;

/// Up to this many entries are compared pairwise.
const PAIRWISE: usize = 16;

/// Which entries of a list repeat an earlier entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Repeats {
    /// Bit `i` is set when entry `i` repeats an earlier one.
    Few(u64),
    /// Entry `i` repeats an earlier one.
    Many(Vec<bool>),
}

impl Repeats {
    /// The repeats in `entries`, compared exactly.
    pub(crate) fn exact<'k, I>(entries: I) -> Self
    where
        I: ExactSizeIterator<Item = &'k str> + Clone,
    {
        Self::by(entries, |a, b| a == b, |s| s.to_owned())
    }

    /// The repeats in `entries` once ASCII letter case is ignored (`lt` repeats `LT`).
    pub(crate) fn folded<'k, I>(entries: I) -> Self
    where
        I: ExactSizeIterator<Item = &'k str> + Clone,
    {
        Self::by(entries, str::eq_ignore_ascii_case, str::to_ascii_uppercase)
    }

    fn by<'k, I>(entries: I, same: fn(&str, &str) -> bool, key: fn(&str) -> String) -> Self
    where
        I: ExactSizeIterator<Item = &'k str> + Clone,
    {
        let n = entries.len();
        if n <= PAIRWISE {
            let mut bits = 0u64;
            for (i, entry) in entries.clone().enumerate().skip(1) {
                if entries.clone().take(i).any(|earlier| same(earlier, entry)) {
                    bits |= 1 << i;
                }
            }
            return Repeats::Few(bits);
        }
        let mut seen = FxHashSet::with_capacity_and_hasher(n, Default::default());
        Repeats::Many(entries.map(|e| !seen.insert(key(e))).collect())
    }

    /// Whether entry `i` repeats an earlier one.
    pub(crate) fn get(&self, i: usize) -> bool {
        match self {
            Repeats::Few(bits) => i < 64 && bits & (1 << i) != 0,
            Repeats::Many(flags) => flags.get(i).copied().unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_and_many_agree() {
        for n in [0, 1, 2, 16, 17, 100] {
            let entries: Vec<String> = (0..n).map(|i| format!("k{}", i % 7)).collect();
            let r = Repeats::exact(entries.iter().map(String::as_str));
            for (i, e) in entries.iter().enumerate() {
                assert_eq!(r.get(i), entries[..i].contains(e), "{n} {i}");
            }
            assert_eq!(matches!(r, Repeats::Few(_)), n <= PAIRWISE);
        }
    }

    /// An index past the list repeats nothing, on either side of the switch to a hash set.
    #[test]
    fn past_the_end_is_no_repeat() {
        let few = Repeats::exact(["a", "a"].into_iter());
        assert!(few.get(1) && !few.get(2) && !few.get(63) && !few.get(64) && !few.get(1000));
        let keys: Vec<String> = (0..20).map(|i| format!("k{}", i % 2)).collect();
        let many = Repeats::exact(keys.iter().map(String::as_str));
        assert!(many.get(19) && !many.get(20) && !many.get(64));
    }

    #[test]
    fn folded_ignores_ascii_case_only() {
        let r = Repeats::folded(["lt", "LT", "Lt", "ß", "SS"].into_iter());
        assert_eq!(
            (0..5).map(|i| r.get(i)).collect::<Vec<_>>(),
            [false, true, true, false, false]
        );
        let many: Vec<String> = (0..20)
            .map(|i| {
                if i == 19 {
                    "K0".into()
                } else {
                    format!("k{i}")
                }
            })
            .collect();
        assert!(Repeats::folded(many.iter().map(String::as_str)).get(19));
    }
}
