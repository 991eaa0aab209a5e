//! UUIDs in their canonical 8-4-4-4-12 hexadecimal form (theme, riskAssessmentProfile).

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Whether `s` is a hyphenated UUID.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A hyphenated UUID, any case.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, Uuid};
///
/// assert!(findings(&Uuid, "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab").is_empty());
/// assert_eq!(findings(&Uuid, "e8cadb52d4294dc2b78899dfbbe8a4ab").len(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uuid;

impl Rule for Uuid {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if !is_uuid(value) {
            out.push(Finding::error(Kind::InvalidUuid));
        }
    }

    fn schema(&self, _norm: Norm) -> Keywords {
        keywords([("pattern", UUID_PATTERN.into())])
    }

    fn describe(&self) -> String {
        "UUID".into()
    }

    fn probes(&self) -> Vec<String> {
        [
            "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab",
            "E8CADB52-D429-4DC2-B788-99DFBBE8A4AB",
            "e8cadb52d4294dc2b78899dfbbe8a4ab",
            "e8cadb52-d429-4dc2-b788-99dfbbe8a4a",
            "g8cadb52-d429-4dc2-b788-99dfbbe8a4ab",
        ]
        .map(String::from)
        .to_vec()
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        [
            "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab",
            "00000000-0000-0000-0000-000000000000",
            "FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
        ]
        .map(String::from)
        .to_vec()
    }

    /// Not hex, and one digit short.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        vec![
            Miss::error("not-a-uuid", Code::InvalidUuid),
            Miss::error("e8cadb52-d429-4dc2-b788-99dfbbe8a4a", Code::InvalidUuid),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_schema_pattern() {
        let re = regex::Regex::new(UUID_PATTERN).unwrap();
        for p in Uuid
            .probes()
            .iter()
            .chain(&["".into(), "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab\n".into()])
        {
            assert_eq!(is_uuid(p), re.is_match(p), "{p:?}");
        }
    }
}
