//! Generated from the catalogue (`src/spec/catalogue.rs`) by `tests/typed.rs`: do not edit.
//! After changing the catalogue: `UPDATE_TYPED=1 cargo test --all-features --test all typed::`.

use super::{date, de_date, number, present};
use super::{CountrySelection, Questionnaire, RiskAssessmentProfile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

/// `sex`: Sex as on the document.
///
/// ```
/// use idenfy_preflight::Sex;
///
/// assert_eq!("M".parse::<Sex>(), Ok(Sex::M));
/// assert_eq!(Sex::F.to_string(), "F");
/// let e = "m".parse::<Sex>().unwrap_err(); // exactly as the API spells it
/// assert_eq!(e.to_string(), "sex must be one of M, F");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Male.
    #[serde(rename = "M")]
    M,
    /// Female.
    #[serde(rename = "F")]
    F,
}

api_strings!(Sex, "sex", M => "M", F => "F");

/// `tokenType`: Document only, or document and selfie.
///
/// ```
/// use idenfy_preflight::TokenType;
///
/// assert_eq!("IDENTIFICATION".parse::<TokenType>(), Ok(TokenType::Identification));
/// assert_eq!(TokenType::Document.to_string(), "DOCUMENT");
/// let e = "identification".parse::<TokenType>().unwrap_err(); // exactly as the API spells it
/// assert_eq!(e.to_string(), "tokenType must be one of IDENTIFICATION, DOCUMENT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive] // iDenfy has added and retired values before
pub enum TokenType {
    /// Document and selfie (the API's default).
    #[serde(rename = "IDENTIFICATION")]
    Identification,
    /// Document only.
    #[serde(rename = "DOCUMENT")]
    Document,
}

api_strings!(TokenType, "tokenType", Identification => "IDENTIFICATION", Document => "DOCUMENT");

/// The Generate token request as a Rust value. `None` members are left out of the body.
///
/// It serializes and deserializes with the API's member names; members it has no field for go
/// to [`extra`](Self::extra), so nothing is lost on the way through. One field per member of the
/// catalogue but the legacy ones, each documented by the catalogue's line for it.
///
/// ```
/// use idenfy_preflight::{Context, Date, Month, Sex, TokenRequest};
///
/// let request = TokenRequest {
///     first_name: Some("John Tom".into()),
///     sex: Some(Sex::M),
///     date_of_birth: Some(Date::from_calendar_date(1990, Month::December, 20)?),
///     expiry_time: Some(600),
///     ..TokenRequest::new("100000")
/// };
/// let report = request.check(&Context::new());
/// let sent = report.into_result()?;
/// assert_eq!(
///     sent.to_json_string(),
///     r#"{"clientId":"100000","firstName":"JOHN TOM","dateOfBirth":"1990-12-20","sex":"M","expiryTime":600}"#
/// );
/// // Back to the typed form: what is sent, normalized.
/// let normalized = TokenRequest::try_from(&sent)?;
/// assert_eq!(normalized.first_name.as_deref(), Some("JOHN TOM"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    /// Your unique identifier of the client.
    #[serde(alias = "personScanRef")]
    pub client_id: String,
    /// Given name(s); upper-cased.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Surname(s); upper-cased.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Date of birth.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "date", deserialize_with = "de_date", default)]
    pub date_of_birth: Option<Date>,
    /// Sex as on the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Nationality; ALL clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// Address for proof-of-address checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Your own reference, echoed in webhooks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_ref: Option<String>,
    /// Preselected document country or countries; ALL allows all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountrySelection>,
    /// Document types the client may use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<String>>,
    /// Number of the client's document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// Personal or national number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_number: Option<String>,
    /// Expiry date of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "date", deserialize_with = "de_date", default)]
    pub date_of_expiry: Option<Date>,
    /// Issue date of the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "date", deserialize_with = "de_date", default)]
    pub date_of_issue: Option<Date>,
    /// Redirect after a successful verification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_url: Option<String>,
    /// Redirect after a failed verification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_url: Option<String>,
    /// Redirect after a verification that was not analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified_url: Option<String>,
    /// Webhook URL for this session (needs callback override).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// UI language; unsupported ones fall back to English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Token lifetime in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry_time: Option<u32>,
    /// Time the client has in the UI, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_length: Option<u32>,
    /// Document only, or document and selfie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<TokenType>,
    /// Show the instruction screens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_instructions: Option<bool>,
    /// Generate an 8-digit code for the mobile app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generate_digit_string: Option<bool>,
    /// Manual review of failed sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_failed: Option<bool>,
    /// Manual review of successful sessions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_successful: Option<bool>,
    /// Email verification step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_email: Option<bool>,
    /// Phone verification step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_phone: Option<bool>,
    /// Address verification for the POA step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_address: Option<bool>,
    /// Bank verification step (main toggle).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank: Option<bool>,
    /// Bank accounts check; needs verifyBank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_accounts: Option<bool>,
    /// Balances check; needs verifyBank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_balances: Option<bool>,
    /// Transactions check; needs verifyBank.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_transactions: Option<bool>,
    /// NFC chip reading required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nfc_required: Option<bool>,
    /// NFC chip reading offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nfc_optional: Option<bool>,
    /// Both sides of a driving licence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver_license_back: Option<bool>,
    /// Driving licence registry check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_driver_license: Option<bool>,
    /// Minimum age.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_limit: Option<u64>,
    /// Maximum age.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_max: Option<u64>,
    /// Passive face liveness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_live_face_validation: Option<bool>,
    /// Passive document liveness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_live_document_validation: Option<bool>,
    /// Active 3D face liveness.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_liveness: Option<bool>,
    /// Face matching; false also disables five face checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_face_matching: Option<bool>,
    /// Blur and glare quality checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_blur_and_glare: Option<bool>,
    /// Add the person to AML monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_aml: Option<bool>,
    /// IP proxy check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_ip_proxy: Option<bool>,
    /// Selfie against the face blacklist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_face_blacklist: Option<bool>,
    /// Document photo against the face blacklist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_doc_face_blacklist: Option<bool>,
    /// Same face seen before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_faces: Option<bool>,
    /// Same document face seen before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_doc_faces: Option<bool>,
    /// Same personal data seen before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_personal_data: Option<bool>,
    /// Countries for registry-centre checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry_centers_countries: Option<Vec<String>>,
    /// Custom steps by country and document type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_steps: Option<serde_json::Value>,
    /// Data for COMPARE steps, by step name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<serde_json::Value>,
    /// Legacy utility-bill step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utility_bill: Option<bool>,
    /// Questionnaire key; null disables.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "present", default)]
    pub questionnaire: Option<Questionnaire>,
    /// Make the questionnaire mandatory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questionnaire_required: Option<bool>,
    /// Risk assessment profile ID or UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_assessment_profile: Option<RiskAssessmentProfile>,
    /// UI theme UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Bank card verification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_card_verification: Option<bool>,
    /// Bank card PDF upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_card_pdf_upload: Option<bool>,
    /// Criminal records check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_criminal: Option<bool>,
    /// Person blacklist check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_person_blacklist: Option<bool>,
    /// Lost and invalid documents check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_lid: Option<bool>,
    /// Allow masking of the Dutch BSN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_bsn_masking: Option<bool>,
    /// Add the person to AML monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_aml_monitoring: Option<bool>,
    /// Multiplier of the face-match threshold (default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "number")]
    pub face_matching_threshold_modifier: Option<f64>,
    /// Members the struct has no field for (sent as given, and checked as unknown or legacy).
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}
