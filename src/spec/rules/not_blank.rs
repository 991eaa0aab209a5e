//! Names that must hold something besides whitespace (additionalSteps step names).

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

/// At least one character that is not whitespace.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, NotBlank};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&NotBlank, "UTILITY_BILL").is_empty());
/// assert_eq!(findings(&NotBlank, "  ")[0].code(), Code::TooShort);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotBlank;

impl Rule for NotBlank {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if value.trim().is_empty() {
            out.push(Finding::error(Kind::TooShort {
                min: 1,
                length: value.trim().chars().count(),
            }));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        // Some character that is not whitespace, anywhere.
        keywords([(
            "pattern",
            super::char_class(true, char::is_whitespace).into(),
        )])
    }

    fn describe(&self) -> String {
        "not blank".into()
    }

    fn probes(&self) -> Vec<String> {
        vec![String::new(), " ".into(), "S".into()]
    }

    fn narrow(&self, text: &mut FreeText) {
        text.min = text.min.max(1);
        text.trimmed = true;
    }

    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![Miss::error("  ", Code::TooShort)]
    }
}
