//! Closed value sets (sex, tokenType, step types), with retired values explained.

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;

/// One of `values`, compared exactly; `retired` values get an error saying they were withdrawn.
/// A value that differs only in letter case, or by a typo, suggests the right one.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, OneOf};
/// use idenfy_preflight::Code;
///
/// let rule = OneOf { values: &["M", "F"], retired: &[] };
/// assert!(findings(&rule, "F").is_empty());
/// let f = &findings(&rule, "f")[0];
/// assert_eq!((f.code(), f.suggestion), (Code::InvalidValue, Some("F")));
/// let rule = OneOf { values: &["IDENTIFICATION", "DOCUMENT"], retired: &[] };
/// assert_eq!(findings(&rule, "DOCUMNT")[0].suggestion, Some("DOCUMENT"));
/// assert_eq!(findings(&rule, "X")[0].suggestion, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneOf {
    /// The accepted values.
    pub values: &'static [&'static str],
    /// Values the API used to accept, with why they are gone.
    pub retired: &'static [(&'static str, &'static str)],
}

impl Rule for OneOf {
    fn choice(&self, value: &str) -> Option<&'static str> {
        self.values.iter().copied().find(|v| *v == value)
    }

    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if self.values.contains(&value) {
            return;
        }
        if let Some((_, why)) = self.retired.iter().find(|(v, _)| *v == value) {
            out.push(Finding::error(Kind::RetiredValue {
                allowed: self.values,
                why,
            }));
            return;
        }
        let case_only = self
            .values
            .iter()
            .copied()
            .find(|v| v.eq_ignore_ascii_case(value));
        // Else a typo of one value (`DOCUMNT`); the sets are a few words, so preparing them
        // here, on the error path only, costs little.
        let meant = case_only.or_else(|| {
            crate::suggest::Vocabulary::new(self.values.iter().copied())
                .classify(value)
                .suggestion()
        });
        out.push(
            Finding::error(Kind::InvalidValue {
                allowed: self.values,
                case_only: case_only.is_some(),
            })
            .suggest(meant),
        );
    }

    fn schema(&self, norm: Norm) -> Keywords {
        match norm {
            Norm::AsIs => keywords([("enum", self.values.into())]),
            _ => keywords([(
                "pattern",
                super::one_of_pattern(self.values.iter().copied(), norm).into(),
            )]),
        }
    }

    fn describe(&self) -> String {
        let mut s = format!("one of {}", self.values.join(", "));
        if !self.retired.is_empty() {
            let retired: Vec<_> = self.retired.iter().map(|(v, _)| *v).collect();
            s.push_str(&format!(" (retired: {})", retired.join(", ")));
        }
        s
    }

    fn probes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for v in self.values {
            out.push((*v).to_owned());
            out.push(v.to_lowercase());
        }
        out.extend(self.retired.iter().map(|(v, _)| (*v).to_owned()));
        out.push("X".into());
        out
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        self.values.iter().map(|v| (*v).to_owned()).collect()
    }

    /// A value of no set, one in the wrong case, and each retired one.
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        let mut out = vec![Miss::error("NOT_ONE_OF_THEM", Code::InvalidValue)];
        if let Some(v) = self.values.iter().find(|v| v.to_lowercase() != **v) {
            out.push(Miss::error(v.to_lowercase(), Code::InvalidValue));
        }
        out.extend(
            self.retired
                .iter()
                .map(|(v, _)| Miss::error(*v, Code::RetiredValue)),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set of upper-case values is broken by writing one in lower case (where the member
    /// does not upper-case it first, `sex: "m"`); a set already in lower case has no such miss.
    #[test]
    fn misses_include_the_lower_case_spelling() {
        let sex = OneOf {
            values: &["M", "F"],
            retired: &[],
        };
        let values: Vec<String> = sex
            .misses(&FreeText::default())
            .into_iter()
            .map(|m| m.value)
            .collect();
        assert!(values.contains(&"m".to_owned()), "{values:?}");
        let lower = OneOf {
            values: &["a", "b"],
            retired: &[],
        };
        assert_eq!(lower.misses(&FreeText::default()).len(), 1);
    }
}
