//! Normalizers: what the API would do to a value anyway, done before it is sent and before the
//! rules run, so the rules check exactly the value that goes out.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// How a string field is normalized.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Norm {
    /// Sent as written.
    AsIs,
    /// ASCII upper case (codes: countries, document types).
    Upper,
    /// ASCII lower case (locales).
    Lower,
    /// Trim, collapse whitespace runs to one space, Unicode NFC, full Unicode upper case.
    PersonName,
}

impl Norm {
    /// For generators: other ways a caller may write `value` that this normalizer turns into
    /// the same thing (`lt` for `LT`; a name in lower case between extra spaces), `value` first.
    ///
    /// ```
    /// use idenfy_preflight::spec::normalize::Norm;
    ///
    /// assert_eq!(Norm::Upper.spellings("LT"), ["LT", "lt"]);
    /// for s in Norm::PersonName.spellings("John Tom") {
    ///     assert_eq!(Norm::PersonName.apply(s.into()), "JOHN TOM");
    /// }
    /// ```
    pub fn spellings(self, value: &str) -> Vec<String> {
        let mut out = vec![value.to_owned()];
        let other = match self {
            Norm::AsIs => None,
            Norm::Upper => Some(value.to_ascii_lowercase()),
            Norm::Lower => Some(value.to_ascii_uppercase()),
            Norm::PersonName => Some(format!("  {}  ", value.to_lowercase().replace(' ', "   "))),
        };
        out.extend(
            other.filter(|o| o != value && self.apply(o.into()) == self.apply(value.into())),
        );
        out
    }

    /// Applies the normalizer, borrowing when nothing changes.
    ///
    /// ```
    /// use idenfy_preflight::spec::normalize::Norm;
    ///
    /// assert_eq!(Norm::PersonName.apply("  john \t tom ".into()), "JOHN TOM");
    /// assert_eq!(Norm::PersonName.apply("strauß".into()), "STRAUSS");
    /// assert_eq!(Norm::Upper.apply("lt".into()), "LT");
    /// assert_eq!(Norm::Lower.apply("ZH_TW".into()), "zh_tw");
    /// ```
    pub fn apply<'a>(self, s: Cow<'a, str>) -> Cow<'a, str> {
        match self {
            Norm::AsIs => s,
            Norm::Upper if s.bytes().any(|b| b.is_ascii_lowercase()) => {
                Cow::Owned(s.to_ascii_uppercase())
            }
            Norm::Lower if s.bytes().any(|b| b.is_ascii_uppercase()) => {
                Cow::Owned(s.to_ascii_lowercase())
            }
            Norm::Upper | Norm::Lower => s,
            Norm::PersonName => person_name(s),
        }
    }
}

fn person_name(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.is_ascii() {
        return ascii_person_name(s);
    }
    let collapsed = collapse_whitespace(s);
    let composed = nfc(collapsed);
    if composed.chars().all(is_own_upper_case) {
        return composed;
    }
    // Upper-casing can decompose (e.g. ǰ has no precomposed capital), so compose again.
    nfc(Cow::Owned(composed.to_uppercase()))
}

/// The common case, most names: ASCII is NFC already, and its upper case is ASCII's; one pass
/// finds whether anything changes, a second builds the result only if something does.
fn ascii_person_name(s: Cow<'_, str>) -> Cow<'_, str> {
    // `char::is_whitespace` over ASCII, which (unlike `u8::is_ascii_whitespace`) holds U+000B.
    let ws = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    let b = s.as_bytes();
    let (mut collapse, mut lower, mut prev_ws) = (false, false, true);
    for &c in b {
        let w = ws(c);
        // Leading whitespace, a run of it, or whitespace other than a space.
        collapse |= w && (prev_ws || c != b' ');
        lower |= c.is_ascii_lowercase();
        prev_ws = w;
    }
    collapse |= prev_ws && !b.is_empty();
    if !collapse {
        return if lower {
            Cow::Owned(s.to_ascii_uppercase())
        } else {
            s
        };
    }
    let mut out = String::with_capacity(b.len());
    for word in s
        .split(|c: char| c.is_ascii() && ws(c as u8))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.make_ascii_uppercase();
    Cow::Owned(out)
}

/// Whether upper-casing leaves `c` as it is.
fn is_own_upper_case(c: char) -> bool {
    let mut upper = c.to_uppercase();
    upper.next() == Some(c) && upper.next().is_none()
}

fn collapse_whitespace(s: Cow<'_, str>) -> Cow<'_, str> {
    let trimmed = s.trim();
    let clean = trimmed.len() == s.len() && {
        let mut prev_space = false;
        trimmed.chars().all(|c| {
            let ok = if c.is_whitespace() {
                c == ' ' && !prev_space
            } else {
                true
            };
            prev_space = c.is_whitespace();
            ok
        })
    };
    if clean {
        return s;
    }
    let mut out = String::with_capacity(trimmed.len());
    for word in trimmed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn nfc(s: Cow<'_, str>) -> Cow<'_, str> {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Another spelling is offered only when it differs and normalizes the same.
    #[test]
    fn spellings_differ_and_normalize_alike() {
        assert_eq!(Norm::Upper.spellings("LT"), ["LT", "lt"]);
        assert_eq!(Norm::Upper.spellings("lt"), ["lt"]);
        assert_eq!(Norm::Upper.spellings("12"), ["12"]);
        assert_eq!(Norm::Lower.spellings("en"), ["en", "EN"]);
        assert_eq!(Norm::AsIs.spellings("x"), ["x"]);
        let names = Norm::PersonName.spellings("JOHN TOM");
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(Norm::PersonName.apply(names[1].as_str().into()), "JOHN TOM");
    }

    #[test]
    fn person_name_steps() {
        assert_eq!(Norm::PersonName.apply("e\u{301}va".into()), "\u{c9}VA");
        assert_eq!(Norm::PersonName.apply("a\u{a0}\u{a0}b".into()), "A B");
        assert_eq!(Norm::PersonName.apply("   ".into()), "");
        assert_eq!(Norm::PersonName.apply("ǰ".into()), "J\u{30c}");
        assert!(matches!(
            Norm::PersonName.apply("JOHN TOM".into()),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            Norm::PersonName.apply("JÜRGEN MÜLLER".into()),
            Cow::Borrowed(_)
        ));
    }

    /// A value already in its normal form is borrowed, not copied: most values are, and the
    /// normalized request is built from them.
    #[test]
    fn a_normal_value_is_borrowed() {
        for (norm, s) in [(Norm::Upper, "LT"), (Norm::Lower, "en"), (Norm::AsIs, "x")] {
            assert!(matches!(norm.apply(s.into()), Cow::Borrowed(_)), "{s}");
        }
        assert_eq!(Norm::Upper.apply("lT".into()), "LT");
        assert_eq!(Norm::Lower.apply("En".into()), "en");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for s in [
            "john",
            " john  tom ",
            "JOHN\tTOM",
            "o'neil-smith jr.",
            "",
            "   ",
            "a\u{b}b",
            "x\x0cy",
            "john ",
            "JOHN ",
        ] {
            let general = {
                let collapsed = collapse_whitespace(Cow::Borrowed(s));
                nfc(Cow::Owned(nfc(collapsed).to_uppercase())).into_owned()
            };
            assert_eq!(person_name(Cow::Borrowed(s)), general, "{s:?}");
        }
        assert!(matches!(
            person_name(Cow::Borrowed("JOHN TOM")),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            person_name(Cow::Borrowed("ŽYDRŪNAS")),
            Cow::Borrowed(_)
        ));
    }

    proptest::proptest! {
        /// The ASCII path gives what the general steps give.
        #[test]
        fn the_ascii_path_is_the_general_one(s in "[ -~\t\n\u{b}\u{c}\r]{0,24}") {
            let general = {
                let collapsed = collapse_whitespace(Cow::Borrowed(s.as_str()));
                nfc(Cow::Owned(nfc(collapsed).to_uppercase())).into_owned()
            };
            proptest::prop_assert_eq!(person_name(Cow::Borrowed(s.as_str())).into_owned(), general);
        }
    }

    #[test]
    fn idempotent() {
        for s in [" ab  c ", "ǰǆ", "straße", "ΐ"] {
            let once = Norm::PersonName.apply(s.into()).into_owned();
            assert_eq!(Norm::PersonName.apply(once.clone().into()), once);
        }
    }
}
