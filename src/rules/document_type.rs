//! Document type names (idenfy-facts §7).

use super::{keywords, Keywords, Rule};
use crate::context::Context;
use crate::normalize::Norm;
use crate::violation::{Code, Finding};

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

/// Names that older docs, the webhook enum or client libraries use, with what to send instead.
/// The API classifies these under a base type, or no longer lists them for requests.
pub const LEGACY_DOCUMENT_TYPES: &[(&str, &str)] = &[
    ("BORDER_CROSSING", "classified as VISA"),
    ("ASYLUM", "classified as RESIDENCE_PERMIT"),
    ("WORK_PERMIT", "classified as RESIDENCE_PERMIT"),
    ("PHOTO_CARD", "classified as ID_CARD"),
    ("PROOF_OF_AGE_CARD", "classified as ID_CARD"),
    ("TRAVEL_CARD", "classified as ID_CARD"),
    ("VOTER_CARD", "classified as ID_CARD"),
    ("DIPLOMATIC_ID", "classified as ID_CARD"),
    (
        "SOCIAL_SECURITY_CARD",
        "webhook-only type, not listed for requests",
    ),
    ("INTERNATIONAL_PASSPORT", "retired; use PASSPORT"),
    ("OTHER", "retired request value"),
    ("LA_WALLET", "webhook-only type, not listed for requests"),
    (
        "SAMSUNG_WALLET",
        "webhook-only type, not listed for requests",
    ),
    ("MOJE_ID_CZ", "webhook-only type, not listed for requests"),
];

/// Why `name` is a legacy document type (see [`LEGACY_DOCUMENT_TYPES`]), if it is one.
pub fn legacy_reason(name: &str) -> Option<&'static str> {
    LEGACY_DOCUMENT_TYPES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, why)| *why)
}

/// Whether `name` is a current or legacy document type.
pub fn is_known(name: &str) -> bool {
    DOCUMENT_TYPES.contains(&name) || LEGACY_DOCUMENT_TYPES.iter().any(|(n, _)| *n == name)
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
            .chain(LEGACY_DOCUMENT_TYPES.iter().map(|(n, _)| *n));
        keywords([("pattern", super::one_of_pattern(names, norm).into())])
    }

    fn check(&self, field: &str, value: &str, _ctx: &Context, out: &mut Vec<Finding>) {
        if DOCUMENT_TYPES.contains(&value) {
            return;
        }
        if let Some(why) = legacy_reason(value) {
            out.push(Finding::warning(
                Code::LegacyDocumentType,
                format!("{field}: this document type is not in the current list ({why})"),
            ));
            return;
        }
        let suggestion = crate::suggest::closest(value, DOCUMENT_TYPES.iter().copied());
        let msg = format!("{field} must name a document type the API knows (PASSPORT, ID_CARD, …)");
        let mut f = Finding::error(Code::UnknownDocumentType, msg);
        if let Some(s) = suggestion {
            f = f.with("suggestion", s);
        }
        out.push(f);
    }
}
