//! UUIDs in their canonical 8-4-4-4-12 hexadecimal form (theme, riskAssessmentProfile).

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};
use regex::Regex;
use std::sync::LazyLock;

const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

static UUID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(UUID_PATTERN).expect("the constant UUID pattern compiles"));

/// Whether `s` is a hyphenated UUID.
pub fn is_uuid(s: &str) -> bool {
    UUID.is_match(s)
}

/// A hyphenated UUID, any case.
///
/// ```
/// use idenfy_preflight::rules::{findings, Uuid};
///
/// assert!(findings(&Uuid, "theme", "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab").is_empty());
/// assert_eq!(findings(&Uuid, "theme", "e8cadb52d4294dc2b78899dfbbe8a4ab").len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uuid;

impl Rule for Uuid {
    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", UUID_PATTERN.into())])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if !is_uuid(value) {
            out.push(Finding::error(
                Code::InvalidUuid,
                format!("{field} must be a UUID written as 8-4-4-4-12 hexadecimal digits"),
            ));
        }
    }
}
