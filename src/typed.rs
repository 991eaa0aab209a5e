//! A typed request for services that build the body in code.
//!
//! It serializes to the same JSON the API takes and is checked by the same catalogue, so a typed
//! request and a JSON file get the same report.

use crate::context::Context;
use crate::report::{Report, ValidRequest};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use time::Date;

/// A string that is not one of an enum's values (`"X"` for [`Sex`]).
///
/// ```
/// use idenfy_preflight::Sex;
///
/// let e = "X".parse::<Sex>().unwrap_err();
/// assert_eq!(e.to_string(), "sex must be one of M, F");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    member: &'static str,
    values: &'static [&'static str],
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} must be one of {}",
            self.member,
            self.values.join(", ")
        )
    }
}

impl std::error::Error for ParseError {}

/// `FromStr` and `Display` by the API's spelling of each value, one table per enum.
macro_rules! api_strings {
    ($ty:ident, $member:literal, $($variant:ident => $text:literal),+) => {
        impl $ty {
            /// The value as the API spells it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = ParseError;

            /// Exactly as the API spells it (the check does not change the case either).
            fn from_str(s: &str) -> Result<Self, ParseError> {
                match s {
                    $($text => Ok($ty::$variant),)+
                    _ => Err(ParseError {
                        member: $member,
                        values: &[$($text),+],
                    }),
                }
            }
        }
    };
}

/// `sex`.
///
/// ```
/// use idenfy_preflight::Sex;
///
/// assert_eq!("F".parse::<Sex>(), Ok(Sex::F));
/// assert_eq!(Sex::M.to_string(), "M");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// Male.
    M,
    /// Female.
    F,
}

api_strings!(Sex, "sex", M => "M", F => "F");

/// `tokenType`.
///
/// ```
/// use idenfy_preflight::TokenType;
///
/// assert_eq!("DOCUMENT".parse::<TokenType>(), Ok(TokenType::Document));
/// assert_eq!(format!("{:<16}|", TokenType::Identification), "IDENTIFICATION  |");
/// assert!("VIDEO_CALL".parse::<TokenType>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive] // iDenfy has added and retired token types before
pub enum TokenType {
    /// Document and selfie (the API's default).
    Identification,
    /// Document only.
    Document,
}

api_strings!(TokenType, "tokenType", Identification => "IDENTIFICATION", Document => "DOCUMENT");

/// `country`: one code or several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// `null` is [`Questionnaire::Disabled`] (a member left out is `None` in [`TokenRequest`]).
impl<'de> Deserialize<'de> for Questionnaire {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<String>::deserialize(d)? {
            None => Questionnaire::Disabled,
            Some(key) => Questionnaire::Key(key),
        })
    }
}

/// A present member, `null` included, as `Some` (for [`Questionnaire`], whose `null` means
/// something).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// `riskAssessmentProfile`: the docs say integer ID, the examples show a UUID.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// A `YYYY-MM-DD` string, by the same rule as the check (a sign or a short year is refused).
fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => crate::spec::rules::date::parse(&s)
            .map(Some)
            .map_err(|_| serde::de::Error::custom("expected a real date written YYYY-MM-DD")),
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
/// It serializes and deserializes with the API's member names; members it has no field for go
/// to [`extra`](Self::extra), so nothing is lost on the way through.
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date",
        deserialize_with = "de_date",
        default
    )]
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date",
        deserialize_with = "de_date",
        default
    )]
    pub date_of_expiry: Option<Date>,
    /// Issue date of the document.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "date",
        deserialize_with = "de_date",
        default
    )]
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
    pub age_limit: Option<u32>,
    /// Maximum age.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_max: Option<u32>,
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
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present",
        default
    )]
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
        crate::check::serialized(self, ctx, &[])
    }
}

/// The normalized request as a typed value. It fails only where the struct cannot hold what the
/// check accepts, which `tests/typed.rs` rules out for every member.
impl TryFrom<&ValidRequest<'_>> for TokenRequest {
    type Error = serde_json::Error;

    fn try_from(request: &ValidRequest<'_>) -> Result<Self, Self::Error> {
        serde_json::from_value(request.to_serde_value())
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
        let report = crate::check::serialized(&Unserializable, &Context::new(), &[]);
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
