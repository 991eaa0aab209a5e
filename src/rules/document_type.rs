//! Document type names (idenfy-facts §7).

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::suggest::Vocabulary;
use crate::violation::{Code, Finding};
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

/// The `legacy_document_type` warning for `legacy` at `what` ("documents"), with the type to
/// send instead as the suggestion where there is one.
pub fn legacy_finding(what: &str, legacy: &LegacyType) -> Finding {
    let f = Finding::warning(
        Code::LegacyDocumentType,
        format!(
            "{what}: this document type is not in the current list ({})",
            legacy.why
        ),
    );
    match legacy.instead {
        Some(base) => f.with("suggestion", base),
        None => f,
    }
}

static NAMES: LazyLock<Vocabulary<'static>> =
    LazyLock::new(|| Vocabulary::new(DOCUMENT_TYPES.iter().copied()));

/// The current document type `value` (upper case) is probably a typo of, if any.
pub fn suggest(value: &str) -> Option<&'static str> {
    NAMES.classify(value).suggestion()
}

/// Whether `name` is a current or legacy document type.
pub fn is_known(name: &str) -> bool {
    DOCUMENT_TYPES.contains(&name) || legacy(name).is_some()
}

/// A current document type; legacy names are warnings, anything else an error.
///
/// ```
/// use idenfy_preflight::rules::{findings, DocumentType};
/// use idenfy_preflight::{Code, Severity};
///
/// assert!(findings(&DocumentType, "documents", "PASSPORT").is_empty());
/// let f = &findings(&DocumentType, "documents", "VOTER_CARD")[0];
/// assert_eq!((f.code, f.severity), (Code::LegacyDocumentType, Severity::Warning));
/// assert_eq!(f.params["suggestion"], "ID_CARD");
/// assert_eq!(findings(&DocumentType, "documents", "PASPORT")[0].params["suggestion"], "PASSPORT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentType;

impl Rule for DocumentType {
    fn schema(&self, norm: Norm) -> Keywords {
        // Legacy names only warn, so they are accepted here too.
        let names = DOCUMENT_TYPES
            .iter()
            .copied()
            .chain(LEGACY_DOCUMENT_TYPES.iter().map(|l| l.name));
        keywords([("pattern", super::one_of_pattern(names, norm).into())])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if DOCUMENT_TYPES.contains(&value) {
            return;
        }
        if let Some(l) = legacy(value) {
            out.push(legacy_finding(field, l));
            return;
        }
        let suggestion = suggest(value);
        let msg = format!("{field} must name a document type the API knows (PASSPORT, ID_CARD, …)");
        let mut f = Finding::error(Code::UnknownDocumentType, msg);
        if let Some(s) = suggestion {
            f = f.with("suggestion", s);
        }
        out.push(f);
    }
}
