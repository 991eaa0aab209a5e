//! The partner profile file (`--profile FILE`), declared like the request: one [`Field`] per
//! member, checked by the same engine, published as `schema/partner-profile.schema.json`.
//!
//! ```text
//! { permissions: { reviewFailedEdit, reviewSuccessfulEdit, bankPacket, digitString,
//!                  callbackOverride, additionalSteps },
//!   features: [member], defaults: { member: value }, defaultExpiryTime, defaultSessionLength,
//!   digitStringMaxExpiry, questionnaires: [key], riskAssessmentProfiles: [id],
//!   allowedDocuments: { COUNTRY: [DOCTYPE] }, nfcCountries: [COUNTRY],
//!   registryCenterCountries: [COUNTRY], locales: [locale], flow: "redirect" | "iframe" }
//! ```
//!
//! Every member is optional and may be `null` (unknown). The members a profile can name (its
//! features, its defaults) are read off the request catalogue, so a member added there is
//! known here with no edit.

use super::catalogue::{const_eq, member, FIELDS};
use super::normalize::Norm;
use super::rules::{Bounds, Country, DocumentType, Locale, NotBlank, OneOf, PartnerCode};
use super::{names, Field, FoldedKeys, Map, Member, Object, Origin, Section, Shape, Text};
use crate::profile::Permission;

/// Whether the request member `m` is a feature an environment may or may not offer: a
/// verification step or check that is turned on with `true`.
pub const fn is_feature(m: &Member) -> bool {
    let section = matches!(
        m.section,
        Section::VerificationFeatures | Section::AdvancedChecks
    );
    let step = const_eq(m.name, "utilityBill");
    matches!(m.shape, Shape::Bool) && !matches!(m.origin, Origin::Legacy) && (section || step)
}

/// Whether the request member `m` can be preset in the dashboard (the docs' "Parameters you can
/// set as defaults in the dashboard": documents and country, the session settings but
/// expiryTime and sessionLength, and everything under verification features, advanced checks
/// and customization, but the data for COMPARE steps).
pub const fn is_defaultable(m: &Member) -> bool {
    let section = match m.section {
        Section::DocumentData => !m.personal,
        Section::SessionSettings => {
            !const_eq(m.name, "expiryTime") && !const_eq(m.name, "sessionLength")
        }
        Section::VerificationFeatures | Section::AdvancedChecks => true,
        Section::Customization => !const_eq(m.name, "additionalData"),
        _ => false,
    };
    section && !matches!(m.origin, Origin::Legacy)
}

/// How many members are features (`features`), or else can be preset (`defaults`).
const fn count(features: bool) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < FIELDS.len() {
        let picked = if features {
            is_feature(&FIELDS[i])
        } else {
            is_defaultable(&FIELDS[i])
        };
        if picked {
            n += 1;
        }
        i += 1;
    }
    n
}

const FEATURE_COUNT: usize = count(true);
const DEFAULT_COUNT: usize = count(false);

const fn feature_names() -> [&'static str; FEATURE_COUNT] {
    let mut out = [""; FEATURE_COUNT];
    let (mut i, mut n) = (0, 0);
    while i < FIELDS.len() {
        if is_feature(&FIELDS[i]) {
            out[n] = FIELDS[i].name;
            n += 1;
        }
        i += 1;
    }
    out
}

const fn default_fields() -> [Field; DEFAULT_COUNT] {
    let none = Field {
        name: "",
        shape: Shape::Bool,
        nullable: true,
    };
    let mut out = [none; DEFAULT_COUNT];
    let (mut i, mut n) = (0, 0);
    while i < FIELDS.len() {
        if is_defaultable(&FIELDS[i]) {
            out[n] = Field {
                name: FIELDS[i].name,
                shape: FIELDS[i].shape,
                nullable: true,
            };
            n += 1;
        }
        i += 1;
    }
    out
}

/// The request members a profile's `features` may list, in catalogue order.
pub const FEATURES: [&str; FEATURE_COUNT] = feature_names();

const FEATURE: OneOf = OneOf {
    values: &FEATURES,
    retired: &[],
};

/// `defaults`: each request member that can be preset, with the member's own shape.
const DEFAULT_FIELDS: [Field; DEFAULT_COUNT] = default_fields();

/// `defaults`: request member to its dashboard default, checked like the member itself.
pub const DEFAULTS: Object = Object::Fields {
    fields: &DEFAULT_FIELDS,
    names: &names(DEFAULT_FIELDS),
};

const fn permission_fields() -> [Field; Permission::ALL.len()] {
    let none = Field {
        name: "",
        shape: Shape::Bool,
        nullable: true,
    };
    let mut out = [none; Permission::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i].name = Permission::ALL[i].member();
        i += 1;
    }
    out
}

const PERMISSION_FIELDS: [Field; Permission::ALL.len()] = permission_fields();

/// `permissions`: one boolean per permission.
pub const PERMISSIONS: Object = Object::Fields {
    fields: &PERMISSION_FIELDS,
    names: &names(PERMISSION_FIELDS),
};

const COUNTRIES: Shape = Shape::List(Text::new(Norm::Upper, &[&Country { allow_all: false }]));
const KEYS: Shape = Shape::List(Text::new(Norm::AsIs, &[&NotBlank]));

/// `allowedDocuments`: country code (or `ALL`, the types allowed in every country not listed)
/// to document types.
pub const ALLOWED_DOCUMENTS: Object = Object::Map(Map {
    key_label: "COUNTRY",
    keys_are: ("allowedDocuments", "keys"),
    keys: Text::new(Norm::Upper, &[&Country { allow_all: true }]),
    send_normalized_keys: true,
    folded: FoldedKeys::Error,
    values_are: ("allowedDocuments", "entries"),
    values: &Shape::List(Text::new(
        Norm::Upper,
        &[&DocumentType { allow_all: false }],
    )),
    nullable: false,
});

/// The flows a profile can name.
pub const FLOWS: OneOf = OneOf {
    values: &["redirect", "iframe"],
    retired: &[],
};

const fn member_names() -> [&'static str; FIELDS.len()] {
    let mut out = [""; FIELDS.len()];
    let mut i = 0;
    while i < FIELDS.len() {
        out[i] = FIELDS[i].name;
        i += 1;
    }
    out
}

/// Every request member's name, for the members a policy names.
const MEMBER_NAMES: [&str; FIELDS.len()] = member_names();

const MEMBER: OneOf = OneOf {
    values: &MEMBER_NAMES,
    retired: &[],
};

/// The longest length a policy may ask for: longer than any member's value may be.
pub const MAX_POLICY_LENGTH: usize = 4096;

const COUNT: Shape = Shape::Int(Bounds {
    min: 0,
    max: Some(MAX_POLICY_LENGTH as i64),
    plausible_max: None,
});

const ANY_INT: Shape = Shape::Int(Bounds {
    min: i64::MIN,
    max: None,
    plausible_max: None,
});

const POLICY_FIELDS: [Field; 9] = [
    optional("message", Shape::Str(Text::new(Norm::AsIs, &[&NotBlank]))),
    optional("warning", Shape::Bool),
    optional("require", Shape::List(Text::closed(&[&MEMBER]))),
    optional("member", Shape::Str(Text::closed(&[&MEMBER]))),
    optional("oneOf", Shape::List(Text::new(Norm::AsIs, &[]))),
    optional("min", ANY_INT),
    optional("max", ANY_INT),
    optional("minLength", COUNT),
    optional("maxLength", COUNT),
];

/// One policy: members it requires, or checks on one member.
pub const POLICY: Object = Object::Fields {
    fields: &POLICY_FIELDS,
    names: &names(POLICY_FIELDS),
};

/// `policies`: partner code to the policy.
pub const POLICIES: Object = Object::Map(Map {
    key_label: "CODE",
    keys_are: ("policies", "codes"),
    keys: Text::new(Norm::AsIs, &[&PartnerCode]),
    send_normalized_keys: false,
    folded: FoldedKeys::Apart,
    values_are: ("policies", "entries"),
    values: &Shape::Object(&POLICY),
    nullable: false,
});

const fn optional(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        shape,
        nullable: true,
    }
}

const PROFILE_FIELDS: [Field; 14] = [
    optional("permissions", Shape::Object(&PERMISSIONS)),
    optional("features", Shape::List(Text::closed(&[&FEATURE]))),
    optional("defaults", Shape::Object(&DEFAULTS)),
    optional("defaultExpiryTime", member("expiryTime").member().shape),
    optional(
        "defaultSessionLength",
        member("sessionLength").member().shape,
    ),
    optional("digitStringMaxExpiry", member("expiryTime").member().shape),
    optional("questionnaires", KEYS),
    optional("riskAssessmentProfiles", KEYS),
    optional("allowedDocuments", Shape::Object(&ALLOWED_DOCUMENTS)),
    optional("nfcCountries", COUNTRIES),
    optional("registryCenterCountries", COUNTRIES),
    optional("locales", Shape::List(Text::new(Norm::Lower, &[&Locale]))),
    optional("flow", Shape::Str(Text::closed(&[&FLOWS]))),
    optional("policies", Shape::Object(&POLICIES)),
];

/// A partner profile file.
pub const PROFILE: Object = Object::Fields {
    fields: &PROFILE_FIELDS,
    names: &names(PROFILE_FIELDS),
};

/// One line on each member of the profile file, for the schema and the table in docs/PROFILE.md.
pub const PROFILE_DOCS: [(&str, &str); 14] = [
    ("permissions", "The account's permissions; each unknown when left out."),
    ("features", "Request members of the features the environment offers; turning on another is an error."),
    ("defaults", "Dashboard defaults by request member: what a session runs with when the request leaves the member out."),
    ("defaultExpiryTime", "The environment's default expiryTime in seconds (documented default 86400)."),
    ("defaultSessionLength", "The environment's default sessionLength in seconds (documented default 1800)."),
    ("digitStringMaxExpiry", "The longest expiryTime with generateDigitString (when unknown: defaultExpiryTime)."),
    ("questionnaires", "The active questionnaire keys."),
    ("riskAssessmentProfiles", "The risk assessment profile IDs, as strings."),
    ("allowedDocuments", "Document types allowed by country code; ALL holds those of every country not listed."),
    ("nfcCountries", "Countries whose documents can be NFC-read."),
    ("registryCenterCountries", "Countries registry-centre checks are available for."),
    ("locales", "UI languages the account offers, where narrower than iDenfy's list."),
    ("flow", "redirect (hosted page) or iframe (the redirect URLs are not used)."),
    ("policies", "The partner's own rules by namespaced code (acme.eu_only): require members, or check one member (oneOf, min, max, minLength, maxLength); message, warning."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_the_file_is_documented_in_order() {
        let documented: Vec<&str> = PROFILE_DOCS.iter().map(|(n, _)| *n).collect();
        let declared: Vec<&str> = PROFILE_FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(documented, declared);
    }

    /// The features are the flags that turn a step or check on; the defaults are what the docs
    /// list as dashboard settings.
    #[test]
    fn features_and_defaults_are_read_off_the_catalogue() {
        for name in [
            "verifyBank",
            "checkAml",
            "nfcRequired",
            "utilityBill",
            "checkLid",
        ] {
            assert!(FEATURES.contains(&name), "{name}");
        }
        for name in [
            "ageLimit",
            "reviewFailed",
            "questionnaireRequired",
            "checkUrjanet",
        ] {
            assert!(!FEATURES.contains(&name), "{name}");
        }
        let defaults = names(DEFAULT_FIELDS);
        for name in [
            "documents",
            "country",
            "locale",
            "tokenType",
            "callbackUrl",
            "questionnaire",
            "ageMax",
        ] {
            assert!(defaults.contains(&name), "{name}");
        }
        for name in [
            "clientId",
            "firstName",
            "documentNumber",
            "expiryTime",
            "sessionLength",
            "additionalData",
            "maxAttemptCount",
        ] {
            assert!(!defaults.contains(&name), "{name}");
        }
    }
}
