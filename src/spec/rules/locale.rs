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

/// The longest locale the API reference allows (kyc.yaml: `maxLength: 7`), in characters.
pub const MAX_LOCALE_LENGTH: usize = 7;

/// Other spellings of a supported locale, lower case, with `_` for `-`: ISO 639-1 codes where
/// iDenfy uses another (`sl` for its `si`), country codes written for languages, BCP 47 script
/// and region subtags of Chinese, a language name.
const ALIASES: &[(&str, &str)] = &[
    ("sl", "si"),
    ("zh_hant", "zh_tw"),
    ("zh_hk", "zh_tw"),
    ("zh_mo", "zh_tw"),
    ("zh_hans", "zh"),
    ("zh_cn", "zh"),
    ("zh_sg", "zh"),
    ("nb", "no"),
    ("nn", "no"),
    ("ua", "uk"),
    ("gr", "el"),
    ("cz", "cs"),
    ("ee", "et"),
    ("se", "sv"),
    ("dk", "da"),
    ("jp", "ja"),
    ("kr", "ko"),
    ("gb", "en"),
    ("us", "en"),
    ("english", "en"),
];

/// The supported locale a caller probably meant by `value` (lower case), if any: the whole
/// value (trimmed, `-` read as `_`) through [`ALIASES`] or as a supported locale, else its
/// first subtag the same way (`pt_br` → `pt`, `sr-latn` → `sr`, `nb-no` → `no`), with Chinese
/// read by its script or region (`zh-Hant-TW` → `zh_tw`).
fn hint(value: &str) -> Option<&'static str> {
    let tag = value.trim().replace('-', "_");
    let known = |v: &str| {
        ALIASES
            .iter()
            .find(|(alias, _)| *alias == v)
            .map(|(_, meant)| *meant)
            .or_else(|| SUPPORTED_LOCALES.iter().copied().find(|s| *s == v))
    };
    if let Some(meant) = known(&tag) {
        return Some(meant);
    }
    let mut subtags = tag.split('_').filter(|s| !s.is_empty());
    match subtags.next()? {
        "zh" if subtags.any(|s| matches!(s, "hant" | "tw" | "hk" | "mo")) => Some("zh_tw"),
        first if first != tag => known(first),
        _ => None,
    }
}

/// A locale the verification UI offers, in lower case. Only what the API refuses is an error:
/// over kyc.yaml's 7 characters (`invalid_locale`). Anything shorter that is not one of the
/// supported locales (`pt-br`, `en-us`, `zh-hant`, `xx`, the empty string, `english`) is a
/// warning, as the token page says the UI then shows English; it is sent as written, with the
/// supported locale it likely means as the suggestion.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Locale};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&Locale, "zh_tw").is_empty());
/// let f = &findings(&Locale, "xx")[0];
/// assert_eq!((f.code(), f.severity), (Code::UnsupportedLocale, Severity::Warning));
/// let f = &findings(&Locale, "en-us")[0];
/// assert_eq!((f.code(), f.severity, f.suggestion), (Code::UnsupportedLocale, Severity::Warning, Some("en")));
/// let f = &findings(&Locale, "zh-hant-tw")[0];
/// assert_eq!((f.code(), f.severity, f.suggestion), (Code::InvalidLocale, Severity::Error, Some("zh_tw")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale;

impl Rule for Locale {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if SUPPORTED_LOCALES.contains(&value) {
            return;
        }
        let f = if value.chars().count() > MAX_LOCALE_LENGTH {
            Finding::error(Kind::InvalidLocale {
                max: MAX_LOCALE_LENGTH,
            })
        } else {
            Finding::warning(Kind::UnsupportedLocale)
        };
        out.push(f.suggest(hint(value)));
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        // The length only (lower-casing ASCII keeps it); support is a warning.
        keywords([("maxLength", MAX_LOCALE_LENGTH.into())])
    }

    fn describe(&self) -> String {
        format!("at most {MAX_LOCALE_LENGTH} chars; a supported locale (else warning)")
    }

    fn probes(&self) -> Vec<String> {
        [
            "en",
            "EN",
            "ZH_TW",
            "xx",
            "en-us",
            "pt-BR",
            "zh-Hant",
            "sr-Latn",
            "en_usa",
            "english",
            "english1",
            "zh-Hant-TW",
            "e",
            "e n",
            " en",
            "",
            "ééééééé",
            "éééééééé",
        ]
        .map(String::from)
        .to_vec()
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        SUPPORTED_LOCALES.iter().map(|l| (*l).to_owned()).collect()
    }

    /// A tag over the API's 7 characters (an error), and a code iDenfy has no UI for.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![
            Miss::error("english1", Code::InvalidLocale),
            Miss::warning("xx", Code::UnsupportedLocale),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::rules::findings;

    #[test]
    fn length_is_the_only_error() {
        for warn in [
            "",
            " ",
            "e",
            "e n",
            "eng",
            "en-us",
            "en_usa",
            "zh_hant",
            "english",
            "ééééééé",
            "xx",
        ] {
            let f = findings(&Locale, warn);
            assert_eq!(f.len(), 1, "{warn:?}");
            assert_eq!(f[0].code(), Code::UnsupportedLocale, "{warn:?}");
        }
        for error in ["english1", "zh_hant_tw", "éééééééé", "        "] {
            let f = findings(&Locale, error);
            assert_eq!(f[0].code(), Code::InvalidLocale, "{error:?}");
        }
    }

    #[test]
    fn hints() {
        let hint = |v: &str| findings(&Locale, v)[0].suggestion;
        for (value, meant) in [
            ("sl", Some("si")),
            ("en_us", Some("en")),
            ("en-us", Some("en")),
            ("pt-br", Some("pt")),
            ("pt_br", Some("pt")),
            ("zh-tw", Some("zh_tw")),
            ("zh-hant", Some("zh_tw")),
            ("zh-hant-tw", Some("zh_tw")),
            ("zh-hans-cn", Some("zh")),
            ("zh-cn", Some("zh")),
            ("sr-latn", Some("sr")),
            ("nb-no", Some("no")),
            ("sl-si", Some("si")),
            (" en ", Some("en")),
            ("english", Some("en")),
            ("xx", None),
            ("xx-yy", None),
            ("", None),
            ("e n", None),
            ("_", None),
        ] {
            assert_eq!(hint(value), meant, "{value:?}");
        }
        assert_eq!(SUPPORTED_LOCALES.len(), 35);
        for (alias, meant) in ALIASES {
            assert!(!SUPPORTED_LOCALES.contains(alias), "{alias}");
            assert!(SUPPORTED_LOCALES.contains(meant), "{meant}");
        }
    }
}
