//! ISO 3166-1 alpha-2 country codes, looked up in the `isocountry` table, plus `XK`.
//!
//! `XK` (Kosovo) is a user-assigned code, not in ISO's table, but the EU, SWIFT and KYC vendors
//! (iDenfy's document list included) use it; refusing it would stop Kosovar clients from
//! verifying.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;
use isocountry::CountryCode;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Codes people send for a country that has another alpha-2 code (XKX is the alpha-3 form
/// that travel documents use for Kosovo).
const FAMILIAR_MISTAKES: &[(&str, &str)] =
    &[("UK", "GB"), ("EL", "GR"), ("XKX", "XK"), ("KOSOVO", "XK")];

/// User-assigned codes accepted as countries besides ISO's own table.
pub const USER_ASSIGNED: &[&str] = &["XK"];

/// Every accepted code, ISO's assigned ones then the user-assigned ones, upper case.
pub fn codes() -> impl Iterator<Item = &'static str> {
    CountryCode::iter()
        .map(|c| c.alpha2())
        .chain(USER_ASSIGNED.iter().copied())
}

/// Whether `code` (upper case) is an assigned ISO 3166-1 alpha-2 code or `XK`.
pub fn is_alpha2(code: &str) -> bool {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            ASSIGNED[usize::from(a - b'A') * 26 + usize::from(b - b'A')]
        }
        _ => false,
    }
}

// isocountry's lookup is a 249-arm string match; a 26×26 table built from it answers in O(1).
static ASSIGNED: LazyLock<[bool; 26 * 26]> = LazyLock::new(|| {
    let mut t = [false; 26 * 26];
    for c in codes() {
        if let [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] = c.as_bytes() {
            t[usize::from(a - b'A') * 26 + usize::from(b - b'A')] = true;
        }
    }
    t
});

/// The alpha-2 code a caller probably meant by `value` (an alpha-3 code, a country name in
/// English, or a familiar non-ISO code), if any.
pub fn suggest(value: &str) -> Option<&'static str> {
    if value.len() > LONGEST_NAME {
        return None;
    }
    // Upper-cased on the stack: a suggestion is looked up for every wrong code.
    let mut upper = [0u8; LONGEST_NAME];
    let upper = &mut upper[..value.len()];
    upper.copy_from_slice(value.as_bytes());
    upper.make_ascii_uppercase();
    let upper = std::str::from_utf8(upper).ok()?;
    MEANT.get(upper).copied()
}

/// The longest English country name in the table (the United Kingdom's full name); longer
/// values cannot be one. A test holds it to the table.
const LONGEST_NAME: usize = 52;

// Alpha-3 codes, English names and familiar non-ISO codes, upper case, to their alpha-2 code:
// one lookup instead of a walk over the 249 countries.
static MEANT: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for c in CountryCode::iter() {
        m.insert(c.alpha3().to_owned(), c.alpha2());
        m.insert(c.name().to_ascii_uppercase(), c.alpha2());
    }
    for (from, to) in FAMILIAR_MISTAKES {
        m.insert((*from).to_owned(), *to);
    }
    m
});

/// An alpha-2 code in upper case, or `ALL` where `allow_all` is set.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Country};
/// use idenfy_preflight::Code;
///
/// let rule = Country { allow_all: true };
/// assert!(findings(&rule, "LT").is_empty());
/// assert!(findings(&rule, "ALL").is_empty());
/// assert!(findings(&rule, "XK").is_empty()); // Kosovo, user-assigned
/// let f = &findings(&rule, "LTU")[0];
/// assert_eq!((f.code(), f.suggestion), (Code::InvalidCountryCode, Some("LT")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// Whether the sentinel `ALL` is accepted.
    pub allow_all: bool,
}

impl Rule for Country {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if is_alpha2(value) || (self.allow_all && value == "ALL") {
            return;
        }
        out.push(
            Finding::error(Kind::InvalidCountryCode {
                allow_all: self.allow_all,
            })
            .suggest(suggest(value)),
        );
    }

    /// `ALL` allows every country, so other codes beside it have no effect: the sender meant
    /// either the list or ALL.
    fn check_items(&self, items: &[&str], out: &mut Vec<(usize, Finding)>) {
        if !self.allow_all || items.len() < 2 {
            return;
        }
        if let Some(at) = items.iter().position(|i| *i == "ALL") {
            let others = items.iter().filter(|i| **i != "ALL").count();
            if others > 0 {
                out.push((at, Finding::warning(Kind::RedundantWithAll { others })));
            }
        }
    }

    fn schema(&self, norm: Norm) -> Keywords {
        let all = self.allow_all.then_some("ALL");
        keywords([(
            "pattern",
            super::one_of_pattern(codes().chain(all), norm).into(),
        )])
    }

    fn describe(&self) -> String {
        if self.allow_all {
            "ISO 3166-1 alpha-2 or ALL".into()
        } else {
            "ISO 3166-1 alpha-2".into()
        }
    }

    fn probes(&self) -> Vec<String> {
        [
            "LT", "gb", "UK", "XK", "xk", "XKX", "Lt", "L", "LTU", "LTT", "ALL", "all", "XX",
        ]
        .map(String::from)
        .to_vec()
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        let all = self.allow_all.then(|| "ALL".to_owned());
        all.into_iter()
            .chain(USER_ASSIGNED.iter().map(|c| (*c).to_owned()))
            .chain(codes().map(str::to_owned))
            .collect()
    }

    /// `ALL` beside a code, where `ALL` is accepted.
    fn list_misses(&self) -> Vec<(Vec<String>, usize, Miss)> {
        if !self.allow_all {
            return Vec::new();
        }
        let items = vec!["ALL".to_owned(), "LT".to_owned()];
        vec![(items, 0, Miss::warning("ALL", Code::RedundantWithAll))]
    }

    /// An alpha-3 code, a code no country has, and `ALL` where it is not accepted.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        let mut out = vec![
            Miss::error("LTU", Code::InvalidCountryCode),
            Miss::error("QQ", Code::InvalidCountryCode),
        ];
        if !self.allow_all {
            out.push(Miss::error("ALL", Code::InvalidCountryCode));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    /// The length cut-off is the longest name itself: the longest is still suggested, in any
    /// case, and nothing longer can be one.
    #[test]
    fn the_longest_name_is_still_suggested() {
        let longest = MEANT.keys().max_by_key(|k| k.len()).map(String::as_str);
        let longest = longest.unwrap_or_default();
        assert_eq!(longest.len(), LONGEST_NAME, "{longest}");
        assert!(suggest(&longest.to_lowercase()).is_some());
        assert_eq!(suggest(&format!("{longest} ")), None);
    }

    #[test]
    fn table_agrees_with_isocountry_plus_kosovo() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b]).unwrap_or_default();
                assert_eq!(
                    is_alpha2(&code),
                    CountryCode::for_alpha2(&code).is_ok() || code == "XK",
                    "{code}"
                );
            }
        }
        assert!(is_alpha2("XK"));
        assert!(!is_alpha2("XX"), "only XK of the user-assigned range");
        assert_eq!(
            CountryCode::iter()
                .filter(|c| is_alpha2(c.alpha2()))
                .count(),
            249
        );
    }

    #[test]
    fn names_fit_the_length_cut() {
        assert!(CountryCode::iter().all(|c| c.name().len() <= LONGEST_NAME));
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("LTU"), Some("LT"));
        assert_eq!(suggest("UK"), Some("GB"));
        assert_eq!(suggest("LITHUANIA"), Some("LT"));
        assert_eq!(suggest("XKX"), Some("XK"));
        assert_eq!(suggest("KOSOVO"), Some("XK"));
        assert_eq!(suggest("QQ"), None);
    }

    #[test]
    fn all_only_where_allowed() {
        assert_eq!(findings(&Country { allow_all: false }, "ALL").len(), 1);
        assert_eq!(findings(&Country { allow_all: true }, "XX").len(), 1);
        assert_eq!(
            findings(&Country { allow_all: true }, "lt").len(),
            1,
            "expects normalized input"
        );
    }
}
