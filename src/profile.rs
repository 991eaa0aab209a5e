//! The partner's account as far as the partner knows it: permissions, the environment's
//! features, dashboard defaults and configured lists.
//!
//! Every part is optional. A part left out is unknown, and the rules that need it stay as they
//! are without a profile: a profile can make a check more precise, never stricter by omission.
//! The file format (`--profile FILE`) is declared here, once: the fields of [`Profile`],
//! [`PolicySpec`] and [`Permissions`] are the file's members, with their names, types and docs
//! (whose first paragraph is the member's line in the schema and docs/PROFILE.md). `spec/profile.rs`
//! gives each member the shape the same engine as a request checks it by, which then builds
//! this value; a profile built in Rust is used as given.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A member of the profile file, as its struct declares it: the JSON name and the field's doc
/// lines, whose first paragraph is the member's line in the file's table, its JSON Schema and
/// docs/PROFILE.md (`render::profile_markdown`).
#[derive(Clone, Copy, Debug)]
pub struct FileMember {
    /// The member's name in the file (`nfcCountries`).
    pub name: &'static str,
    /// The field's doc lines, as written (a blank line ends the first paragraph).
    pub docs: &'static [&'static str],
}

impl FileMember {
    /// The first paragraph of the docs, on one line.
    pub fn summary(&self) -> String {
        let lines: Vec<&str> = self
            .docs
            .iter()
            .map(|l| l.trim())
            .take_while(|l| !l.is_empty())
            .collect();
        lines.join(" ")
    }
}

/// A struct of the profile file, declared once: each field with its member's JSON name, its
/// Rust type and its docs. It emits the struct (each field `#[serde(rename, default)]`: a member
/// left out is unknown) and `MEMBERS`, which the file's declaration (`spec/profile.rs`), its
/// schema and the table in docs/PROFILE.md read.
macro_rules! file_struct {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $(
                $(#[doc = $doc:literal])+
                $member:literal => $field:ident: $ty:ty,
            )+
        }
    ) => {
        $(#[$attr])*
        pub struct $name {
            $(
                $(#[doc = $doc])+
                #[serde(rename = $member, default)]
                pub $field: $ty,
            )+
        }

        impl $name {
            /// The members of the file this struct reads, in order.
            pub(crate) const MEMBERS: &'static [FileMember] = &[
                $(FileMember { name: $member, docs: &[$($doc),+] },)+
            ];
        }
    };
}

file_struct! {
    /// What a partner's iDenfy account allows and presets, for the rules that depend on it.
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Code, Context, Engine, Permissions, Profile};
    /// use std::collections::BTreeSet;
    ///
    /// let mut profile = Profile::default();
    /// profile.permissions.callback_override = Some(false);
    /// profile.nfc_countries = Some(BTreeSet::from(["LT".to_owned()]));
    /// let engine = Engine::builder().profile(profile).build()?;
    ///
    /// let body = r#"{"clientId": "c1", "callbackUrl": "https://example.com/hook"}"#;
    /// let report = engine.check_str(body, &Context::new());
    /// assert_eq!(report.violations()[0].code(), Code::MissingPermission);
    /// // Without the profile, the same request is fine.
    /// assert!(check_str(body, &Context::new()).is_valid());
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[non_exhaustive]
    pub struct Profile {
        /// The account's permissions; each unknown when left out.
        "permissions" => permissions: Permissions,
        /// Request members of the features the environment offers; turning on another is an
        /// error.
        ///
        /// Each a request member that turns a feature on with `true` (`verifyBank`, `checkAml`,
        /// …). Unknown when `None`.
        "features" => features: Option<BTreeSet<String>>,
        /// Dashboard defaults by request member: what a session runs with when the request
        /// leaves the member out.
        ///
        /// By request member name (`{"verifyBank": true}`); also what it runs with when the
        /// request sends `null`.
        "defaults" => defaults: BTreeMap<String, serde_json::Value>,
        /// The environment's default expiryTime in seconds (documented default 86400).
        "defaultExpiryTime" => default_expiry_time: Option<u32>,
        /// The environment's default sessionLength in seconds (documented default 1800).
        "defaultSessionLength" => default_session_length: Option<u32>,
        /// The longest expiryTime with generateDigitString (when unknown: defaultExpiryTime).
        ///
        /// The docs: "must be the value as default expiryTime".
        "digitStringMaxExpiry" => digit_string_max_expiry: Option<u32>,
        /// The active questionnaire keys.
        "questionnaires" => questionnaires: Option<BTreeSet<String>>,
        /// The risk assessment profile IDs, as strings.
        ///
        /// `"12"`, or a UUID.
        "riskAssessmentProfiles" => risk_assessment_profiles: Option<BTreeSet<String>>,
        /// Document types allowed by country code; ALL holds those of every country not listed.
        "allowedDocuments" => allowed_documents: Option<BTreeMap<String, BTreeSet<String>>>,
        /// Countries whose documents can be NFC-read.
        "nfcCountries" => nfc_countries: Option<BTreeSet<String>>,
        /// Countries registry-centre checks are available for.
        "registryCenterCountries" => registry_center_countries: Option<BTreeSet<String>>,
        /// UI languages the account offers, where narrower than iDenfy's list.
        "locales" => locales: Option<BTreeSet<String>>,
        /// redirect (hosted page) or iframe (the redirect URLs are not used).
        ///
        /// How the client reaches the verification UI.
        "flow" => flow: Option<Flow>,
        /// The partner's own rules by namespaced code (acme.eu_only): require members, or check
        /// one member (oneOf, min, max, minLength, maxLength); message, warning.
        ///
        /// The code is namespaced with a dot, so it never collides with this crate's codes;
        /// the rules are checked after iDenfy's, each reporting under its code.
        "policies" => policies: BTreeMap<String, PolicySpec>,
    }
}

file_struct! {
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
    #[non_exhaustive]
    pub struct PolicySpec {
        /// The message its violations carry, instead of one saying what the check wants.
        "message" => message: Option<String>,
        /// Report a warning instead of an error.
        "warning" => warning: bool,
        /// Request members that must be set (present and not `null`).
        "require" => require: Vec<String>,
        /// The member the checks below are about.
        "member" => member: Option<String>,
        /// Its value (each item of a list) must be one of these.
        "oneOf" => one_of: Option<BTreeSet<String>>,
        /// Its integer value must be at least this.
        "min" => min: Option<i64>,
        /// Its integer value must be at most this.
        "max" => max: Option<i64>,
        /// Its string value must have at least this many characters.
        "minLength" => min_length: Option<usize>,
        /// Its string value must have at most this many characters.
        "maxLength" => max_length: Option<usize>,
    }
}

/// What of a gated member's value needs its permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Needs {
    /// Any value but `null` (and `{}`): setting it either way overrides the partner's setting.
    Set,
    /// `true`: turning the feature off needs nothing.
    True,
}

/// The permissions, declared once. Each row: the [`Permission`] variant, the [`Permissions`]
/// field (whose name is also the snake_case name messages use), the profile file's member, what
/// of a gated member's value needs it (`set`: any value; `on`: `true`), the request members it
/// gates, and the line that documents both the variant and the field.
macro_rules! permissions {
    ($(
        #[doc = $doc:literal]
        $variant:ident = $field:ident, $member:literal, $needs:ident [$($gated:literal),+];
    )+) => {
        /// The account's permissions; each is unknown when `None`.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct Permissions {
            $(
                #[doc = $doc]
                #[serde(rename = $member, default)]
                pub $field: Option<bool>,
            )+
        }

        /// One permission of [`Permissions`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Permission {
            $(#[doc = $doc] $variant,)+
        }

        impl Permission {
            /// Every permission.
            pub const ALL: [Permission; [$(Permission::$variant),+].len()] =
                [$(Permission::$variant),+];

            /// The snake_case name messages and `params.permission` use (`review_failed_edit`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Permission::$variant => stringify!($field),)+
                }
            }

            /// Its member in the profile file's `permissions` (`reviewFailedEdit`).
            pub const fn member(self) -> &'static str {
                match self {
                    $(Permission::$variant => $member,)+
                }
            }

            /// The request members the account may set (or turn on) only with this permission.
            ///
            /// ```
            /// use idenfy_preflight::Permission;
            ///
            /// assert_eq!(Permission::CallbackOverride.gates(), ["callbackUrl"]);
            /// assert!(Permission::BankPacket.gates().contains(&"verifyBankBalances"));
            /// ```
            pub const fn gates(self) -> &'static [&'static str] {
                match self {
                    $(Permission::$variant => &[$($gated),+],)+
                }
            }

            /// What of a gated member's value needs the permission.
            pub(crate) const fn needs(self) -> Needs {
                match self {
                    $(Permission::$variant => permissions!(@needs $needs),)+
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
                    $(Permission::$variant => self.$field,)+
                }
            }
        }
    };
    (@needs set) => { Needs::Set };
    (@needs on) => { Needs::True };
}

// Docs: reviewFailed "Requires 'review_failed_edit' permission", verifyBank "Requires partner
// packet permission", generateDigitString (a permission on the account), callbackUrl "Only
// works if callback override enabled for partner", additionalSteps (set through the API only
// with the permission).
permissions! {
    /// `review_failed_edit`: the request may set `reviewFailed`.
    ReviewFailedEdit = review_failed_edit, "reviewFailedEdit", set ["reviewFailed"];
    /// `review_successful_edit`: the request may set `reviewSuccessful`.
    ReviewSuccessfulEdit = review_successful_edit, "reviewSuccessfulEdit", set ["reviewSuccessful"];
    /// The partner (bank) packet: the request may turn on `verifyBank` and its sub-checks.
    BankPacket = bank_packet, "bankPacket", on [
        "verifyBank",
        "verifyBankAccounts",
        "verifyBankBalances",
        "verifyBankTransactions"
    ];
    /// The request may ask for an 8-digit mobile code (`generateDigitString`).
    DigitString = digit_string, "digitString", on ["generateDigitString"];
    /// Callback override: the request may set `callbackUrl`.
    CallbackOverride = callback_override, "callbackOverride", set ["callbackUrl"];
    /// The request may define `additionalSteps` itself.
    AdditionalSteps = additional_steps, "additionalSteps", set ["additionalSteps"];
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
