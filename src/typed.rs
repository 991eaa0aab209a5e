//! A typed request for services that build the body in code.
//!
//! It serializes to the same JSON the API takes and is checked by the same catalogue, so a typed
//! request and a JSON file get the same report.

use crate::context::Context;
use crate::report::Report;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use time::Date;

/// `sex`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Sex {
    /// Male.
    M,
    /// Female.
    F,
}

/// `tokenType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TokenType {
    /// Document and selfie (the API's default).
    Identification,
    /// Document only.
    Document,
}

/// `country`: one code or several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CountrySelection {
    /// One alpha-2 code (or `ALL`).
    One(String),
    /// Several alpha-2 codes; empty allows all.
    Many(Vec<String>),
}

/// `questionnaire`: a key, or `null` to disable the partner's default questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Questionnaire {
    /// Sends `null`.
    Disabled,
    /// Sends this key.
    Key(String),
}

impl Serialize for Questionnaire {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Questionnaire::Disabled => s.serialize_none(),
            Questionnaire::Key(k) => s.serialize_str(k),
        }
    }
}

/// `riskAssessmentProfile`: the docs say integer ID, the examples show a UUID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RiskAssessmentProfile {
    /// A numeric profile ID.
    Id(u64),
    /// A profile UUID.
    Uuid(String),
}

fn date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&format!(
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )),
        None => s.serialize_none(),
    }
}

/// A finite number as a JSON number; NaN and the infinities, which JSON cannot hold, as the
/// strings `"NaN"`, `"inf"` and `"-inf"`, so the check reports them (`wrong_type`) instead of
/// serde_json turning them into `null` and the check passing.
fn number<S: Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) if n.is_finite() => s.serialize_f64(*n),
        Some(n) if n.is_nan() => s.serialize_str("NaN"),
        Some(n) if *n > 0.0 => s.serialize_str("inf"),
        Some(_) => s.serialize_str("-inf"),
        None => s.serialize_none(),
    }
}

/// The Generate token request as a Rust value. `None` members are left out of the body.
///
/// ```
/// use idenfy_preflight::{Context, Sex, TokenRequest};
/// use time::macros::date;
///
/// let request = TokenRequest {
///     first_name: Some("John Tom".into()),
///     sex: Some(Sex::M),
///     date_of_birth: Some(date!(1990 - 12 - 20)),
///     expiry_time: Some(600),
///     ..TokenRequest::new("100000")
/// };
/// let report = request.check(&Context::new());
/// assert!(report.is_valid());
/// assert_eq!(
///     report.request().unwrap().to_json_string(),
///     r#"{"clientId":"100000","firstName":"JOHN TOM","dateOfBirth":"1990-12-20","sex":"M","expiryTime":600}"#
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // each member is documented in the catalogue under its JSON name
pub struct TokenRequest {
    pub client_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "date")]
    pub date_of_birth: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_ref: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountrySelection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub personal_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "date")]
    pub date_of_expiry: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "date")]
    pub date_of_issue: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiry_time: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_length: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_type: Option<TokenType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub show_instructions: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generate_digit_string: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_failed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_successful: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_email: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_phone: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_address: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_accounts: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_balances: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verify_bank_transactions: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nfc_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nfc_optional: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub driver_license_back: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_driver_license: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_max: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_live_face_validation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_live_document_validation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_liveness: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_face_matching: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_blur_and_glare: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_aml: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_ip_proxy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_face_blacklist: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_doc_face_blacklist: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_faces: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_doc_faces: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_duplicate_personal_data: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registry_centers_countries: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_steps: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utility_bill: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<Questionnaire>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questionnaire_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_assessment_profile: Option<RiskAssessmentProfile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_card_verification: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_card_pdf_upload: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_criminal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_person_blacklist: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_lid: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_bsn_masking: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_aml_monitoring: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    pub face_matching_threshold_modifier: Option<f64>,
    /// Members the struct has no field for (sent as given, and checked as unknown or legacy).
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl TokenRequest {
    /// A request with only the required `clientId`.
    pub fn new(client_id: impl Into<String>) -> Self {
        TokenRequest {
            client_id: client_id.into(),
            ..TokenRequest::default()
        }
    }

    /// The JSON body as this struct serializes it, before normalization.
    pub fn to_json_string(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the request with the same catalogue as a JSON body.
    pub fn check(&self, ctx: &Context) -> Report<'static> {
        crate::check::serialized(self, ctx)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Code, Context, Severity};
    use serde::ser::Error as _;
    use serde::{Serialize, Serializer};

    struct Unserializable;

    impl Serialize for Unserializable {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(S::Error::custom("no JSON for this"))
        }
    }

    #[test]
    fn a_serialization_error_is_reported_not_read_as_empty_input() {
        let report = crate::check::serialized(&Unserializable, &Context::new());
        assert!(!report.is_valid());
        assert!(report.request().is_none());
        let [v] = report.violations() else {
            panic!("{:?}", report.violations())
        };
        assert_eq!(
            (v.pointer(), v.code(), v.severity()),
            ("", Code::MalformedJson, Severity::Error)
        );
        assert_eq!(
            v.message(),
            "the value could not be serialized as JSON: no JSON for this"
        );
    }
}
