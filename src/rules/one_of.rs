//! Closed value sets (sex, tokenType, step types), with retired values explained.

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};

/// One of `values`, compared exactly; `retired` values get an error saying they were withdrawn.
///
/// ```
/// use idenfy_preflight::rules::{findings, OneOf};
/// use idenfy_preflight::Code;
///
/// let rule = OneOf { values: &["M", "F"], retired: &[] };
/// assert!(findings(&rule, "sex", "F").is_empty());
/// assert_eq!(findings(&rule, "sex", "f")[0].code, Code::InvalidValue);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OneOf {
    /// The accepted values.
    pub values: &'static [&'static str],
    /// Values the API used to accept, with why they are gone.
    pub retired: &'static [(&'static str, &'static str)],
}

impl Rule for OneOf {
    fn schema(&self, norm: Norm) -> Keywords {
        match norm {
            Norm::AsIs => keywords([("enum", self.values.into())]),
            _ => keywords([(
                "pattern",
                super::one_of_pattern(self.values.iter().copied(), norm).into(),
            )]),
        }
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if self.values.contains(&value) {
            return;
        }
        let allowed = self.values.join(", ");
        if let Some((_, why)) = self.retired.iter().find(|(v, _)| *v == value) {
            out.push(
                Finding::error(
                    Code::RetiredValue,
                    format!(
                        "{field}: this value is no longer offered ({why}); use one of {allowed}"
                    ),
                )
                .with("allowed", self.values),
            );
            return;
        }
        let hint = self
            .values
            .iter()
            .find(|v| v.eq_ignore_ascii_case(value))
            .map(|_| " (values are case-sensitive)")
            .unwrap_or_default();
        let mut f = Finding::error(
            Code::InvalidValue,
            format!("{field} must be one of {allowed}{hint}"),
        )
        .with("allowed", self.values);
        if let Some(v) = self.values.iter().find(|v| v.eq_ignore_ascii_case(value)) {
            f = f.with("suggestion", *v);
        }
        out.push(f);
    }
}
