//! ISO 3166-1 alpha-2 country codes, looked up in the `isocountry` table, plus `XK`.
//!
//! `XK` (Kosovo) is a user-assigned code, not in ISO's table, but the EU, SWIFT and KYC vendors
//! (iDenfy's document list included) use it; refusing it would stop Kosovar clients from
//! verifying.

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};
use isocountry::CountryCode;
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
    if let Some((_, to)) = FAMILIAR_MISTAKES.iter().find(|(from, _)| *from == value) {
        return Some(to);
    }
    if value.len() == 3 {
        if let Ok(c) = CountryCode::for_alpha3_caseless(value) {
            return Some(c.alpha2());
        }
    }
    CountryCode::iter()
        .find(|c| c.name().eq_ignore_ascii_case(value))
        .map(|c| c.alpha2())
}

/// An alpha-2 code in upper case, or `ALL` where `allow_all` is set.
///
/// ```
/// use idenfy_preflight::rules::{findings, Country};
/// use idenfy_preflight::Code;
///
/// let rule = Country { allow_all: true };
/// assert!(findings(&rule, "nationality", "LT").is_empty());
/// assert!(findings(&rule, "nationality", "ALL").is_empty());
/// assert!(findings(&rule, "nationality", "XK").is_empty()); // Kosovo, user-assigned
/// let f = &findings(&rule, "nationality", "LTU")[0];
/// assert_eq!(f.code, Code::InvalidCountryCode);
/// assert_eq!(f.params["suggestion"], "LT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// Whether the sentinel `ALL` is accepted.
    pub allow_all: bool,
}

impl Rule for Country {
    fn schema(&self, norm: Norm) -> Keywords {
        let all = self.allow_all.then_some("ALL");
        keywords([(
            "pattern",
            super::one_of_pattern(codes().chain(all), norm).into(),
        )])
    }

    /// `ALL` allows every country, so other codes beside it have no effect: the sender meant
    /// either the list or ALL.
    fn check_items(&self, field: &str, items: &[&str], out: &mut Vec<(usize, Finding)>) {
        if !self.allow_all || items.len() < 2 {
            return;
        }
        if let Some(at) = items.iter().position(|i| *i == "ALL") {
            let others = items.iter().filter(|i| **i != "ALL").count();
            if others > 0 {
                out.push((
                    at,
                    Finding::warning(
                        Code::RedundantWithAll,
                        format!("{field} lists ALL, which allows every country, together with other codes that then have no effect"),
                    )
                    .with("others", others),
                ));
            }
        }
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if is_alpha2(value) || (self.allow_all && value == "ALL") {
            return;
        }
        let all = if self.allow_all { " or ALL" } else { "" };
        let msg = format!("{field} must be an ISO 3166-1 alpha-2 country code{all}");
        let mut f = Finding::error(Code::InvalidCountryCode, msg);
        if let Some(s) = suggest(value) {
            f = f.with("suggestion", s);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

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
        assert_eq!(findings(&Country { allow_all: false }, "f", "ALL").len(), 1);
        assert_eq!(findings(&Country { allow_all: true }, "f", "XX").len(), 1);
        assert_eq!(
            findings(&Country { allow_all: true }, "f", "lt").len(),
            1,
            "expects normalized input"
        );
    }
}
