//! Document type names (idenfy-facts §7).

use super::{keywords, Keywords, Rule};
use crate::diag::Code;
use crate::diag::{Finding, Kind};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::normalize::Norm;
use crate::suggest::Vocabulary;
use std::sync::LazyLock;

/// Physical and digital document types of the current documentation.
pub const DOCUMENT_TYPES: &[&str] = &[
    "PASSPORT",
    "ID_CARD",
    "DRIVER_LICENSE",
    "RESIDENCE_PERMIT",
    "VISA",
    "NATIONAL_PASSPORT",
    "PAN_CARD",
    "AADHAAR",
    "OLD_ID_CARD",
    "MILITARY_CARD",
    "ADDRESS_CARD",
    "PROVISIONAL_DRIVER_LICENSE",
    "SMART_ID",
    "BANK_ID_SE",
    "BANK_ID_NO",
    "BANK_ID_CZ",
    "CLEAR",
    "ONE_ID",
    "MIT_ID",
    "VERIMI",
    "SPID",
    "ITSME",
    "FTN",
    "YOTI_ID",
];

/// A document type name older docs, the webhook enum or client libraries use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LegacyType {
    /// The name.
    pub name: &'static str,
    /// The current type to send instead, where there is one.
    pub instead: Option<&'static str>,
    /// Why it is not in the current list.
    pub why: &'static str,
}

const fn alias(name: &'static str, base: &'static str) -> LegacyType {
    LegacyType {
        name,
        instead: Some(base),
        why: "an alias the API classifies under a base type",
    }
}

const fn webhook_only(name: &'static str) -> LegacyType {
    LegacyType {
        name,
        instead: None,
        why: "a webhook-only type, not listed for requests",
    }
}

/// Names the API classifies under a base type, or no longer lists for requests.
pub const LEGACY_DOCUMENT_TYPES: &[LegacyType] = &[
    alias("BORDER_CROSSING", "VISA"),
    alias("ASYLUM", "RESIDENCE_PERMIT"),
    alias("WORK_PERMIT", "RESIDENCE_PERMIT"),
    alias("PHOTO_CARD", "ID_CARD"),
    alias("PROOF_OF_AGE_CARD", "ID_CARD"),
    alias("TRAVEL_CARD", "ID_CARD"),
    alias("VOTER_CARD", "ID_CARD"),
    alias("DIPLOMATIC_ID", "ID_CARD"),
    webhook_only("SOCIAL_SECURITY_CARD"),
    LegacyType {
        name: "INTERNATIONAL_PASSPORT",
        instead: Some("PASSPORT"),
        why: "a retired name",
    },
    LegacyType {
        name: "OTHER",
        instead: None,
        why: "a retired request value",
    },
    webhook_only("LA_WALLET"),
    webhook_only("SAMSUNG_WALLET"),
    webhook_only("MOJE_ID_CZ"),
];

/// The legacy type `name` (see [`LEGACY_DOCUMENT_TYPES`]), if it is one.
pub fn legacy(name: &str) -> Option<&'static LegacyType> {
    LEGACY_DOCUMENT_TYPES.iter().find(|l| l.name == name)
}

static NAMES: LazyLock<Vocabulary<'static>> =
    LazyLock::new(|| Vocabulary::new(DOCUMENT_TYPES.iter().copied()));

/// The current document type `value` (upper case) is probably a typo of, if any.
pub fn suggest(value: &str) -> Option<&'static str> {
    NAMES.classify(value).suggestion()
}

/// A current document type (or `ALL` where `allow_all`); legacy names are warnings naming the
/// type to send instead, anything else an error with a suggestion.
///
/// ```
/// use idenfy_preflight::spec::rules::{findings, DocumentType};
/// use idenfy_preflight::{Code, Severity};
///
/// let rule = DocumentType { allow_all: false };
/// assert!(findings(&rule, "PASSPORT").is_empty());
/// let f = &findings(&rule, "VOTER_CARD")[0];
/// assert_eq!((f.code(), f.severity), (Code::LegacyDocumentType, Severity::Warning));
/// assert_eq!(f.suggestion, Some("ID_CARD"));
/// assert_eq!(findings(&rule, "PASPORT")[0].suggestion, Some("PASSPORT"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentType {
    /// Whether the sentinel `ALL` is accepted (additionalSteps keys).
    pub allow_all: bool,
}

impl Rule for DocumentType {
    fn check(&self, value: &str, out: &mut Vec<Finding>) {
        if DOCUMENT_TYPES.contains(&value) || (self.allow_all && value == "ALL") {
            return;
        }
        if let Some(l) = legacy(value) {
            out.push(Finding::warning(Kind::LegacyDocumentType { why: l.why }).suggest(l.instead));
            return;
        }
        out.push(
            Finding::error(Kind::UnknownDocumentType {
                allow_all: self.allow_all,
            })
            .suggest(suggest(value)),
        );
    }

    fn schema(&self, norm: Norm) -> Keywords {
        // Legacy names only warn, so they are accepted here too.
        let names = DOCUMENT_TYPES
            .iter()
            .copied()
            .chain(LEGACY_DOCUMENT_TYPES.iter().map(|l| l.name))
            .chain(self.allow_all.then_some("ALL"));
        keywords([("pattern", super::one_of_pattern(names, norm).into())])
    }

    fn describe(&self) -> String {
        let all = if self.allow_all { " or ALL" } else { "" };
        format!("document type{all} (legacy names warn)")
    }

    fn probes(&self) -> Vec<String> {
        [
            "PASSPORT",
            "passport",
            "VOTER_CARD",
            "PASPORT",
            "OTHER",
            "ALL",
            "ID CARD",
        ]
        .map(String::from)
        .to_vec()
    }

    fn examples(&self, _text: &FreeText) -> Vec<String> {
        let all = self.allow_all.then(|| "ALL".to_owned());
        all.into_iter()
            .chain(DOCUMENT_TYPES.iter().map(|t| (*t).to_owned()))
            .collect()
    }

    /// A typo of a type, a name no type has, and each legacy name (a warning).
    fn misses(&self, _text: &FreeText) -> Vec<Miss> {
        let mut out = vec![
            Miss::error("PASPORT", Code::UnknownDocumentType),
            Miss::error("LIBRARY_CARD", Code::UnknownDocumentType),
        ];
        if !self.allow_all {
            out.push(Miss::error("ALL", Code::UnknownDocumentType));
        }
        out.extend(
            LEGACY_DOCUMENT_TYPES
                .iter()
                .map(|l| Miss::warning(l.name, Code::LegacyDocumentType)),
        );
        out
    }
}
