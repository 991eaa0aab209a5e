//! What generators need from the declarations, as data: the text a member's rules let through,
//! and candidate values that break one rule, each with the violation it earns.
//!
//! The rules propose; the generators (`strategies`, feature `proptest`) keep a member's
//! candidates only where the member's other rules accept them, once, when a strategy is built:
//! labels are true by construction and nothing is filtered while generating.

use crate::diag::{Code, Severity};

/// The characters free text is drawn from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// Any printable character (letters of several scripts, digits, punctuation, spaces).
    Any,
    /// Printable ASCII, `' '`..=`'~'`.
    PrintableAscii,
}

/// What a member's rules allow of free text (a member without a rule over a set of values:
/// `clientId`, `address`, `externalRef`). Each narrowing rule ([`Rule::narrow`]) tightens it.
///
/// [`Rule::narrow`]: super::rules::Rule::narrow
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FreeText {
    /// Fewest characters.
    pub min: usize,
    /// Most characters (`None`: unbounded).
    pub max: Option<usize>,
    /// Where the characters come from.
    pub alphabet: Alphabet,
    /// No whitespace at either end.
    pub trimmed: bool,
}

impl Default for FreeText {
    fn default() -> Self {
        FreeText {
            min: 0,
            max: None,
            alphabet: Alphabet::Any,
            trimmed: false,
        }
    }
}

impl FreeText {
    /// `n` characters that every alphabet and every trimmed text allows.
    pub fn filler(n: usize) -> String {
        "a".repeat(n)
    }
}

/// A value that breaks one rule, and the violation that rule reports for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Miss {
    /// The value as sent.
    pub value: String,
    /// The code the rule reports.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
}

impl Miss {
    /// An error-level miss.
    pub fn error(value: impl Into<String>, code: Code) -> Self {
        Miss {
            value: value.into(),
            code,
            severity: Severity::Error,
        }
    }

    /// A warning-level miss.
    pub fn warning(value: impl Into<String>, code: Code) -> Self {
        Miss {
            value: value.into(),
            code,
            severity: Severity::Warning,
        }
    }
}
