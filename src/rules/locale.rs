//! The verification UI's languages. An unsupported one is only a warning: the UI shows English.

use super::Rule;
use crate::context::Context;
use crate::violation::{Code, Finding};

/// The supported locales, lower case (idenfy-facts §6: the 34 listed plus `ko`).
pub const SUPPORTED_LOCALES: &[&str] = &[
    "en", "es", "fr", "ru", "de", "it", "pl", "lt", "lv", "et", "sv", "cs", "ro", "hu", "ja", "bg",
    "nl", "pt", "uk", "sk", "si", "vi", "th", "hi", "id", "hr", "da", "fi", "el", "no", "tr", "sr",
    "zh", "zh_tw", "ko",
];

/// A supported locale, in lower case.
///
/// ```
/// use idenfy_preflight::rules::{findings, Locale};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&Locale, "locale", "zh_tw").is_empty());
/// let f = &findings(&Locale, "locale", "xx")[0];
/// assert_eq!((f.code, f.severity), (Code::UnsupportedLocale, Severity::Warning));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale;

impl Rule for Locale {
    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if SUPPORTED_LOCALES.contains(&value) {
            return;
        }
        let hint = match value {
            "sl" => Some("si"),
            "zh-tw" | "zh_hant" | "zh-hant" => Some("zh_tw"),
            "nb" | "nn" => Some("no"),
            "ua" => Some("uk"),
            "gr" => Some("el"),
            "cz" => Some("cs"),
            "ee" => Some("et"),
            "se" => Some("sv"),
            "dk" => Some("da"),
            "jp" => Some("ja"),
            "kr" => Some("ko"),
            "gb" | "us" => Some("en"),
            _ => value
                .split(['-', '_'])
                .next()
                .filter(|p| *p != value && SUPPORTED_LOCALES.contains(p)),
        };
        let msg = format!(
            "{field} is not a supported UI language, so the verification UI will be shown in English"
        );
        let mut f = Finding::warning(Code::UnsupportedLocale, msg);
        if let Some(h) = hint {
            f = f.with("suggestion", h);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::findings;

    #[test]
    fn hints() {
        assert_eq!(findings(&Locale, "l", "sl")[0].params["suggestion"], "si");
        assert_eq!(
            findings(&Locale, "l", "en_us")[0].params["suggestion"],
            "en"
        );
        assert!(!findings(&Locale, "l", "xx")[0]
            .params
            .contains_key("suggestion"));
        assert_eq!(SUPPORTED_LOCALES.len(), 35);
    }
}
