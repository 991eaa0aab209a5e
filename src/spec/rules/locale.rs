//! The verification UI's languages. An unsupported one is only a warning: the UI shows English.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

/// The supported locales, lower case (idenfy-facts §6: the 34 listed plus `ko`).
pub const SUPPORTED_LOCALES: &[&str] = &[
    "en", "es", "fr", "ru", "de", "it", "pl", "lt", "lv", "et", "sv", "cs", "ro", "hu", "ja", "bg",
    "nl", "pt", "uk", "sk", "si", "vi", "th", "hi", "id", "hr", "da", "fi", "el", "no", "tr", "sr",
    "zh", "zh_tw", "ko",
];

/// The longest locale the API reference allows (`maxLength: 7`).
pub const MAX_LOCALE_LENGTH: usize = 7;

/// Whether `value` (lower case) has the API's locale form: two letters, optionally `_` and two
/// more (`en`, `zh_tw`). Anything else (`en-US`, `english`, `zh_hant`) the API cannot map to
/// a language at all.
pub fn is_well_formed(value: &str) -> bool {
    match value.as_bytes() {
        [a, b] => a.is_ascii_lowercase() && b.is_ascii_lowercase(),
        [a, b, b'_', c, d] => [a, b, c, d].iter().all(|x| x.is_ascii_lowercase()),
        _ => false,
    }
}

/// The supported locale a caller probably meant by `value` (lower case), if any.
fn hint(value: &str) -> Option<&'static str> {
    let supported = |v: &str| SUPPORTED_LOCALES.iter().copied().find(|s| *s == v);
    let underscored = value.replace('-', "_");
    match underscored.as_str() {
        "sl" => Some("si"),
        "zh_hant" | "zh_hk" | "zh_mo" => Some("zh_tw"),
        "zh_hans" | "zh_cn" | "zh_sg" => Some("zh"),
        "nb" | "nn" => Some("no"),
        "ua" => Some("uk"),
        "gr" => Some("el"),
        "cz" => Some("cs"),
        "ee" => Some("et"),
        "se" => Some("sv"),
        "dk" => Some("da"),
        "jp" => Some("ja"),
        "kr" => Some("ko"),
        "gb" | "us" | "english" => Some("en"),
        other => supported(other).or_else(|| {
            other
                .split('_')
                .next()
                .filter(|p| *p != other)
                .and_then(supported)
        }),
    }
}

/// A supported locale, in lower case: malformed ones are errors, well-formed but unsupported
/// ones warnings.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Locale};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&Locale, "zh_tw").is_empty());
/// let f = &findings(&Locale, "xx")[0];
/// assert_eq!((f.code(), f.severity), (Code::UnsupportedLocale, Severity::Warning));
/// let f = &findings(&Locale, "en-us")[0];
/// assert_eq!((f.code(), f.severity, f.suggestion), (Code::InvalidLocale, Severity::Error, Some("en")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale;

impl Rule for Locale {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if SUPPORTED_LOCALES.contains(&value) {
            return;
        }
        let f = if is_well_formed(value) {
            Finding::warning(Kind::UnsupportedLocale)
        } else {
            Finding::error(Kind::InvalidLocale {
                max: MAX_LOCALE_LENGTH,
            })
        };
        out.push(f.suggest(hint(value)));
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        // The form only (in any case, as the normalizer lower-cases); support is a warning.
        keywords([("pattern", LOCALE_FORM_PATTERN.into())])
    }

    fn describe(&self) -> String {
        "xx or xx_yy; a supported locale (else warning)".into()
    }

    fn probes(&self) -> Vec<String> {
        [
            "en", "EN", "ZH_TW", "xx", "en-us", "en_usa", "english", "e", "zh_hant", "",
        ]
        .map(String::from)
        .to_vec()
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        SUPPORTED_LOCALES.iter().map(|l| (*l).to_owned()).collect()
    }

    /// A word instead of a code (an error), and a well-formed code iDenfy has no UI for.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![
            Miss::error("english", Code::InvalidLocale),
            Miss::warning("xx", Code::UnsupportedLocale),
        ]
    }
}

/// [`is_well_formed`] as a JSON Schema pattern over the value as sent (any case).
pub const LOCALE_FORM_PATTERN: &str = "^[A-Za-z]{2}(_[A-Za-z]{2})?$";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    #[test]
    fn form() {
        for ok in ["en", "zh_tw", "xx", "ab_cd"] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in [
            "", "e", "eng", "en-us", "en_u", "en_usa", "zh_hant", "e1", "en_", "ën",
        ] {
            assert!(!is_well_formed(bad), "{bad}");
        }
        let re = regex::Regex::new(LOCALE_FORM_PATTERN).unwrap();
        for v in ["en", "EN", "zh_TW", "xx", "en-us", "en_usa", "e", ""] {
            assert_eq!(
                re.is_match(v),
                is_well_formed(&v.to_ascii_lowercase()),
                "{v}"
            );
        }
    }

    #[test]
    fn hints() {
        assert_eq!(findings(&Locale, "sl")[0].suggestion, Some("si"));
        assert_eq!(findings(&Locale, "en_us")[0].suggestion, Some("en"));
        assert_eq!(findings(&Locale, "xx")[0].suggestion, None);
        assert_eq!(SUPPORTED_LOCALES.len(), 35);
    }
}
