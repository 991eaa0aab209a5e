//! A partner policy's code: namespaced, so it never collides with this crate's codes.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

/// The longest partner code.
pub const MAX_PARTNER_CODE: usize = 64;

/// The pattern of a partner code, for the profile schema.
pub const PARTNER_CODE_PATTERN: &str = "^[a-z0-9_]+(\\.[a-z0-9_]+)+$";

/// Whether `code` is a partner code: words of `a-z`, `0-9` and `_`, at least two, joined by dots
/// (`acme.eu_only`), at most [`MAX_PARTNER_CODE`] characters.
///
/// ```
/// use idenfy_preflight::is_partner_code;
///
/// assert!(is_partner_code("acme.eu_only"));
/// assert!(!is_partner_code("eu_only") && !is_partner_code("Acme.x") && !is_partner_code("acme..x"));
/// ```
pub fn is_partner_code(code: &str) -> bool {
    code.len() <= MAX_PARTNER_CODE
        && code.split('.').count() >= 2
        && code.split('.').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// A partner code ([`is_partner_code`]).
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, PartnerCode};
/// use idenfy_preflight::Code;
///
/// assert!(findings(&PartnerCode, "acme.names").is_empty());
/// assert_eq!(findings(&PartnerCode, "names")[0].code(), Code::InvalidPolicy);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartnerCode;

/// Why a code is refused.
pub const NOT_A_PARTNER_CODE: &str =
    "a partner code is lower-case words joined by dots, namespaced (acme.eu_only), at most 64 characters";

impl Rule for PartnerCode {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if !is_partner_code(value) {
            out.push(Finding::error(Kind::InvalidPolicy {
                reason: NOT_A_PARTNER_CODE,
            }));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([
            ("pattern", PARTNER_CODE_PATTERN.into()),
            ("maxLength", MAX_PARTNER_CODE.into()),
        ])
    }

    fn describe(&self) -> String {
        "namespaced partner code (acme.eu_only)".into()
    }

    fn probes(&self) -> Vec<String> {
        let longest = format!("a.{}", "b".repeat(MAX_PARTNER_CODE - 2));
        vec![
            "acme.x".into(),
            "acme".into(),
            "Acme.x".into(),
            "acme..x".into(),
            format!("{longest}b"),
            longest,
        ]
    }

    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![Miss::error("names", Code::InvalidPolicy)]
    }
}
