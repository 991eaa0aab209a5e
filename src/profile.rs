//! The partner's account as far as the partner knows it: permissions, the environment's
//! features, dashboard defaults and configured lists.
//!
//! Every part is optional. A part left out is unknown, and the rules that need it stay as they
//! are without a profile: a profile can make a check more precise, never stricter by omission.
//! The file format (`--profile FILE`) is declared in `spec/profile.rs` and checked by the same
//! engine as a request, which then builds this value; a profile built in Rust is used as given.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a partner's iDenfy account allows and presets, for the rules that depend on it.
///
/// ```
/// use idenfy_preflight::{check_str, Code, Context, Permissions, Profile};
/// use std::collections::BTreeSet;
///
/// let mut profile = Profile::default();
/// profile.permissions.callback_override = Some(false);
/// profile.nfc_countries = Some(BTreeSet::from(["LT".to_owned()]));
/// let ctx = Context::new().with_profile(profile);
///
/// let body = r#"{"clientId": "c1", "callbackUrl": "https://example.com/hook"}"#;
/// let report = check_str(body, &ctx);
/// assert_eq!(report.violations()[0].code(), Code::MissingPermission);
/// // Without the profile, the same request is fine.
/// assert!(check_str(body, &Context::new()).is_valid());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Profile {
    /// The account's permissions.
    #[serde(default)]
    pub permissions: Permissions,
    /// The request members for the features the environment offers (`verifyBank`,
    /// `checkAml`, …); turning on another is an error. Unknown when `None`.
    #[serde(default)]
    pub features: Option<BTreeSet<String>>,
    /// Dashboard defaults, by request member name (`{"verifyBank": true}`): the value a session
    /// runs with when the request leaves the member out or sends `null`.
    #[serde(default)]
    pub defaults: BTreeMap<String, serde_json::Value>,
    /// The environment's default `expiryTime`, in seconds (documented default 86400).
    #[serde(default)]
    pub default_expiry_time: Option<u32>,
    /// The environment's default `sessionLength`, in seconds (documented default 1800).
    #[serde(default)]
    pub default_session_length: Option<u32>,
    /// The longest `expiryTime` a request with `generateDigitString` may ask for; when unknown,
    /// the default expiry time (the docs: "must be the value as default expiryTime").
    #[serde(default)]
    pub digit_string_max_expiry: Option<u32>,
    /// The active questionnaire keys.
    #[serde(default)]
    pub questionnaires: Option<BTreeSet<String>>,
    /// The risk assessment profile IDs, as strings (`"12"`, or a UUID).
    #[serde(default)]
    pub risk_assessment_profiles: Option<BTreeSet<String>>,
    /// The document types allowed, by country code; the key `ALL` holds the types allowed in
    /// every country not listed.
    #[serde(default)]
    pub allowed_documents: Option<BTreeMap<String, BTreeSet<String>>>,
    /// The countries whose documents can be NFC-read.
    #[serde(default)]
    pub nfc_countries: Option<BTreeSet<String>>,
    /// The countries registry-centre checks are available for.
    #[serde(default)]
    pub registry_center_countries: Option<BTreeSet<String>>,
    /// The UI languages the account offers, where narrower than iDenfy's list.
    #[serde(default)]
    pub locales: Option<BTreeSet<String>>,
    /// How the client reaches the verification UI.
    #[serde(default)]
    pub flow: Option<Flow>,
    /// The partner's own rules by their code (namespaced with a dot: `acme.eu_only`, so it never
    /// collides with this crate's codes), checked after iDenfy's, each reporting under its code.
    #[serde(default)]
    pub policies: BTreeMap<String, PolicySpec>,
}

/// A partner's own rule, as a profile file declares it: members that must be set, or checks on
/// one member's value. (In Rust, [`Policy`](crate::Policy) builds the same, and more.)
///
/// ```json
/// "policies": {
///   "acme.eu_only": {"member": "country", "oneOf": ["LT", "LV", "EE"]},
///   "acme.names": {"require": ["firstName", "lastName"], "message": "we need the name"},
///   "acme.short_tokens": {"member": "expiryTime", "max": 3600, "warning": true}
/// }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PolicySpec {
    /// The message its violations carry, instead of one saying what the check wants.
    #[serde(default)]
    pub message: Option<String>,
    /// Report a warning instead of an error.
    #[serde(default)]
    pub warning: bool,
    /// Request members that must be set (present and not `null`).
    #[serde(default)]
    pub require: Vec<String>,
    /// The member the checks below are about.
    #[serde(default)]
    pub member: Option<String>,
    /// Its value (each item of a list) must be one of these.
    #[serde(default)]
    pub one_of: Option<BTreeSet<String>>,
    /// Its integer value must be at least this.
    #[serde(default)]
    pub min: Option<i64>,
    /// Its integer value must be at most this.
    #[serde(default)]
    pub max: Option<i64>,
    /// Its string value must have at least this many characters.
    #[serde(default)]
    pub min_length: Option<usize>,
    /// Its string value must have at most this many characters.
    #[serde(default)]
    pub max_length: Option<usize>,
}

/// The account's permissions; each is unknown when `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Permissions {
    /// `review_failed_edit`: the request may set `reviewFailed`.
    #[serde(default)]
    pub review_failed_edit: Option<bool>,
    /// `review_successful_edit`: the request may set `reviewSuccessful`.
    #[serde(default)]
    pub review_successful_edit: Option<bool>,
    /// The partner (bank) packet: the request may turn on `verifyBank` and its sub-checks.
    #[serde(default)]
    pub bank_packet: Option<bool>,
    /// The request may ask for an 8-digit mobile code (`generateDigitString`).
    #[serde(default)]
    pub digit_string: Option<bool>,
    /// Callback override: the request may set `callbackUrl`.
    #[serde(default)]
    pub callback_override: Option<bool>,
    /// The request may define `additionalSteps` itself.
    #[serde(default)]
    pub additional_steps: Option<bool>,
}

/// One permission of [`Permissions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Permission {
    /// `review_failed_edit`.
    ReviewFailedEdit,
    /// `review_successful_edit`.
    ReviewSuccessfulEdit,
    /// The bank packet.
    BankPacket,
    /// Digit strings.
    DigitString,
    /// Callback override.
    CallbackOverride,
    /// Additional steps through the API.
    AdditionalSteps,
}

impl Permission {
    /// Every permission.
    pub const ALL: [Permission; 6] = [
        Permission::ReviewFailedEdit,
        Permission::ReviewSuccessfulEdit,
        Permission::BankPacket,
        Permission::DigitString,
        Permission::CallbackOverride,
        Permission::AdditionalSteps,
    ];

    /// The snake_case name messages and `params.permission` use (`review_failed_edit`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Permission::ReviewFailedEdit => "review_failed_edit",
            Permission::ReviewSuccessfulEdit => "review_successful_edit",
            Permission::BankPacket => "bank_packet",
            Permission::DigitString => "digit_string",
            Permission::CallbackOverride => "callback_override",
            Permission::AdditionalSteps => "additional_steps",
        }
    }

    /// Its member in the profile file's `permissions` (`reviewFailedEdit`).
    pub const fn member(self) -> &'static str {
        match self {
            Permission::ReviewFailedEdit => "reviewFailedEdit",
            Permission::ReviewSuccessfulEdit => "reviewSuccessfulEdit",
            Permission::BankPacket => "bankPacket",
            Permission::DigitString => "digitString",
            Permission::CallbackOverride => "callbackOverride",
            Permission::AdditionalSteps => "additionalSteps",
        }
    }
}

impl Permissions {
    /// Whether the account has `permission` (`None`: unknown).
    ///
    /// ```
    /// use idenfy_preflight::{Permission, Permissions};
    ///
    /// let mut p = Permissions::default();
    /// p.bank_packet = Some(true);
    /// assert_eq!(p.get(Permission::BankPacket), Some(true));
    /// assert_eq!(p.get(Permission::DigitString), None);
    /// ```
    pub const fn get(&self, permission: Permission) -> Option<bool> {
        match permission {
            Permission::ReviewFailedEdit => self.review_failed_edit,
            Permission::ReviewSuccessfulEdit => self.review_successful_edit,
            Permission::BankPacket => self.bank_packet,
            Permission::DigitString => self.digit_string,
            Permission::CallbackOverride => self.callback_override,
            Permission::AdditionalSteps => self.additional_steps,
        }
    }
}

/// How the client reaches the verification UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Flow {
    /// The hosted page the client is redirected to (redirect URLs apply).
    Redirect,
    /// An iFrame in the partner's page (the redirect URLs are not used).
    Iframe,
}

impl Profile {
    /// The dashboard default for the request member `name`, if the profile states one.
    ///
    /// ```
    /// use idenfy_preflight::Profile;
    ///
    /// let mut profile = Profile::default();
    /// profile.defaults.insert("verifyBank".into(), true.into());
    /// assert_eq!(profile.default_of("verifyBank"), Some(&serde_json::Value::Bool(true)));
    /// assert_eq!(profile.default_of("checkAml"), None);
    /// ```
    pub fn default_of(&self, name: &str) -> Option<&serde_json::Value> {
        self.defaults.get(name)
    }

    /// The longest `expiryTime` a request with `generateDigitString` may ask for, if the
    /// profile says: its digit-string maximum, else its default expiry time.
    pub fn digit_string_limit(&self) -> Option<u32> {
        self.digit_string_max_expiry.or(self.default_expiry_time)
    }
}
