//! The partner profile file (`--profile FILE`), declared like the request: one [`Field`] per
//! member, checked by the same engine, published as `schema/partner-profile.schema.json`.
//!
//! The members, their docs and their Rust types are [`Profile`]'s fields (and [`PolicySpec`]'s,
//! [`Permission`]'s), declared once in `src/profile.rs`; this file gives each member the shape
//! its value is checked by, by name, and a member without one (or a shape for no member) fails
//! to compile. Every member is optional and may be `null` (unknown). The members a profile can
//! name (its features, its defaults) are read off the request catalogue, so a member added there
//! is known here with no edit.

use super::catalogue::{const_eq, member, MemberId, FIELDS};
use super::normalize::Norm;
use super::rules::{Bounds, Country, DocumentType, Locale, NotBlank, OneOf, PartnerCode};
use super::{names, Field, FoldedKeys, Map, Member, Object, Origin, Section, Shape, Text};
use crate::profile::{FileMember, Needs, Permission, PolicySpec, Profile};

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

const POLICY_FIELDS: [Field; PolicySpec::MEMBERS.len()] = shaped(
    PolicySpec::MEMBERS,
    [
        ("message", Shape::Str(Text::new(Norm::AsIs, &[&NotBlank]))),
        ("warning", Shape::Bool),
        ("require", Shape::List(Text::closed(&[&MEMBER]))),
        ("member", Shape::Str(Text::closed(&[&MEMBER]))),
        ("oneOf", Shape::List(Text::new(Norm::AsIs, &[]))),
        ("min", ANY_INT),
        ("max", ANY_INT),
        ("minLength", COUNT),
        ("maxLength", COUNT),
    ],
);

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

/// The fields of a profile file's struct (its `MEMBERS`), each with its shape from `shapes`,
/// in the struct's order. A member with no shape, or a shape for no member, fails to compile.
const fn shaped<const N: usize>(members: &[FileMember], shapes: [(&str, Shape); N]) -> [Field; N] {
    assert!(members.len() == N, "one shape per member of the struct");
    let mut out = [Field {
        name: "",
        shape: Shape::Bool,
        nullable: true,
    }; N];
    let mut i = 0;
    while i < N {
        let mut j = 0;
        while !const_eq(shapes[j].0, members[i].name) {
            // Past the end: a member of the struct without a shape.
            j += 1;
        }
        out[i] = Field {
            name: members[i].name,
            shape: shapes[j].1,
            nullable: true,
        };
        i += 1;
    }
    out
}

const PROFILE_FIELDS: [Field; Profile::MEMBERS.len()] = shaped(
    Profile::MEMBERS,
    [
        ("permissions", Shape::Object(&PERMISSIONS)),
        ("features", Shape::List(Text::closed(&[&FEATURE]))),
        ("defaults", Shape::Object(&DEFAULTS)),
        ("defaultExpiryTime", member("expiryTime").member().shape),
        (
            "defaultSessionLength",
            member("sessionLength").member().shape,
        ),
        ("digitStringMaxExpiry", member("expiryTime").member().shape),
        ("questionnaires", KEYS),
        ("riskAssessmentProfiles", KEYS),
        ("allowedDocuments", Shape::Object(&ALLOWED_DOCUMENTS)),
        ("nfcCountries", COUNTRIES),
        ("registryCenterCountries", COUNTRIES),
        ("locales", Shape::List(Text::new(Norm::Lower, &[&Locale]))),
        ("flow", Shape::Str(Text::closed(&[&FLOWS]))),
        ("policies", Shape::Object(&POLICIES)),
    ],
);

/// A partner profile file.
pub const PROFILE: Object = Object::Fields {
    fields: &PROFILE_FIELDS,
    names: &names(PROFILE_FIELDS),
};

/// The line on the profile file's member `name` (the first paragraph of its field's docs), for
/// the schema and the table in docs/PROFILE.md.
pub fn doc(name: &str) -> Option<String> {
    Profile::MEMBERS
        .iter()
        .find(|m| m.name == name)
        .map(FileMember::summary)
}

const fn gated_count() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < Permission::ALL.len() {
        n += Permission::ALL[i].gates().len();
        i += 1;
    }
    n
}

/// Each request member a permission gates, with the permission and what of the member's value
/// needs it, read off the permissions' declaration ([`Permission::gates`]): a gated name that
/// is no request member fails to compile.
pub(crate) const GATED: [(MemberId, Permission, Needs); gated_count()] = {
    let mut out = [(member("clientId"), Permission::ALL[0], Needs::Set); gated_count()];
    let (mut n, mut i) = (0, 0);
    while i < Permission::ALL.len() {
        let p = Permission::ALL[i];
        let mut j = 0;
        while j < p.gates().len() {
            out[n] = (member(p.gates()[j]), p, p.needs());
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_of_the_file_is_documented_in_order() {
        let documented: Vec<&str> = Profile::MEMBERS.iter().map(|m| m.name).collect();
        let declared: Vec<&str> = PROFILE_FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(documented, declared);
        for f in PROFILE_FIELDS {
            assert!(doc(f.name).is_some_and(|d| !d.is_empty()), "{}", f.name);
        }
        let policy: Vec<&str> = PolicySpec::MEMBERS.iter().map(|m| m.name).collect();
        assert_eq!(policy, names(POLICY_FIELDS));
    }

    /// The permissions' table read as the cross rule reads it: each gated member once, with
    /// its permission and what of its value needs it.
    #[test]
    fn gated_members_are_read_off_the_permissions() {
        let gated: Vec<(&str, &str, Needs)> = GATED
            .iter()
            .map(|(m, p, n)| (m.name(), p.as_str(), *n))
            .collect();
        assert_eq!(
            gated,
            [
                ("reviewFailed", "review_failed_edit", Needs::Set),
                ("reviewSuccessful", "review_successful_edit", Needs::Set),
                ("verifyBank", "bank_packet", Needs::True),
                ("verifyBankAccounts", "bank_packet", Needs::True),
                ("verifyBankBalances", "bank_packet", Needs::True),
                ("verifyBankTransactions", "bank_packet", Needs::True),
                ("generateDigitString", "digit_string", Needs::True),
                ("callbackUrl", "callback_override", Needs::Set),
                ("additionalSteps", "additional_steps", Needs::Set),
            ]
        );
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
