//! A read-only view of the field catalogue: what each member is, in words.
//!
//! Public because a service reads it for more than checking: which members hold personal data
//! (to redact its own logs), which are required, what each one means (for its forms and docs).
//! The declarations themselves (shapes, rule objects) stay private, so they can change without
//! breaking anyone; this view renders them as the rules table (docs/RULES.md) does.

use super::table;
use crate::spec::{catalogue::FIELDS, response::RESPONSE_FIELDS, Member};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub use crate::spec::{Origin, Section};

/// One documented member of the request (or of the response).
///
/// ```
/// use idenfy_preflight::catalogue;
///
/// let m = catalogue::member("firstName").expect("documented");
/// assert!(m.personal() && !m.required());
/// assert_eq!(m.type_name(), "string");
/// assert!(m.rules().starts_with("1–100 chars; a letter; no digit"));
/// // Log redaction: every member that holds data about the person.
/// let personal: Vec<&str> = catalogue::members().filter(|m| m.personal()).map(|m| m.name()).collect();
/// assert!(personal.contains(&"dateOfBirth") && !personal.contains(&"locale"));
/// ```
#[derive(Clone, Copy)]
pub struct MemberInfo(pub(crate) &'static Member);

impl MemberInfo {
    /// The JSON name (`firstName`).
    pub fn name(&self) -> &'static str {
        self.0.name
    }

    /// Other names the API accepts for it, normalized to [`name`](Self::name).
    pub fn aliases(&self) -> &'static [&'static str] {
        self.0.aliases
    }

    /// The part of the docs it is documented in.
    pub fn section(&self) -> Section {
        self.0.section
    }

    /// Where it is documented; sending a [`Origin::Legacy`] member earns a warning.
    pub fn origin(&self) -> Origin {
        self.0.origin
    }

    /// Whether a request without it is invalid.
    pub fn required(&self) -> bool {
        self.0.required
    }

    /// Whether `null` draws no warning: `false` where iDenfy's API reference declares the member
    /// non-nullable (`undocumented_null`) or it is required (`null_not_allowed`).
    pub fn nullable(&self) -> bool {
        self.0.nullable && !self.0.required
    }

    /// Whether it holds data about the person: messages never show its value (nor a suggestion
    /// derived from it) unless the caller opts in.
    pub fn personal(&self) -> bool {
        self.0.personal
    }

    /// What it means, in one line (the docs' description).
    pub fn doc(&self) -> &'static str {
        self.0.doc
    }

    /// Its JSON type, in words (`string`, `integer`, `array of strings`).
    pub fn type_name(&self) -> String {
        table::describe(self.0).0
    }

    /// Its rules, in words (`1–100 characters; letters, spaces, ' - . ·`).
    pub fn rules(&self) -> String {
        table::describe(self.0).1
    }

    /// What is done to it before it is checked and sent (`upper case`), or nothing.
    pub fn normalized(&self) -> &'static str {
        table::describe(self.0).2
    }
}

impl std::fmt::Debug for MemberInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("MemberInfo").field(&self.0.name).finish()
    }
}

impl PartialEq for MemberInfo {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for MemberInfo {}

/// As the CLI's `rules --format json` prints it.
impl Serialize for MemberInfo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (type_name, rules, normalized) = table::describe(self.0);
        let mut st = s.serialize_struct("MemberInfo", 11)?;
        st.serialize_field("name", self.name())?;
        st.serialize_field("aliases", self.aliases())?;
        st.serialize_field("section", self.section().title())?;
        st.serialize_field("origin", self.origin().as_str())?;
        st.serialize_field("required", &self.required())?;
        st.serialize_field("nullable", &self.nullable())?;
        st.serialize_field("personal", &self.personal())?;
        st.serialize_field("type", &type_name)?;
        st.serialize_field("rules", &rules)?;
        st.serialize_field("normalized", normalized)?;
        st.serialize_field("doc", self.doc())?;
        st.end()
    }
}

/// Every request member, in the docs' order.
///
/// ```
/// assert!(idenfy_preflight::catalogue::members().any(|m| m.name() == "callbackUrl"));
/// ```
pub fn members() -> impl ExactSizeIterator<Item = MemberInfo> {
    FIELDS.iter().map(MemberInfo)
}

/// The request member named `name` or having it as an alias (`personScanRef` is `clientId`).
/// Names are case-sensitive, as in the API.
///
/// ```
/// use idenfy_preflight::catalogue::member;
///
/// assert_eq!(member("personScanRef").map(|m| m.name()), Some("clientId"));
/// assert!(member("firstname").is_none());
/// ```
pub fn member(name: &str) -> Option<MemberInfo> {
    crate::spec::catalogue::lookup(name).map(|(m, _)| MemberInfo(m))
}

/// Every member of the response that is not an echo of a request member.
///
/// ```
/// let names: Vec<_> = idenfy_preflight::catalogue::response_members().map(|m| m.name()).collect();
/// assert!(names.contains(&"authToken") && !names.contains(&"firstName"));
/// ```
pub fn response_members() -> impl ExactSizeIterator<Item = MemberInfo> {
    RESPONSE_FIELDS.iter().map(MemberInfo)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// `rules --format json` prints what a member is under fixed names and values: scripts
    /// that read it (redaction lists, docs) depend on them.
    #[test]
    fn a_member_serializes_under_its_documented_names() {
        let Some(client) = member("clientId") else {
            unreachable!("clientId is documented")
        };
        let json = serde_json::to_value(client).unwrap_or_default();
        assert_eq!(json["name"], "clientId");
        assert_eq!(json["aliases"], serde_json::json!(["personScanRef"]));
        assert_eq!(json["origin"], "token_page");
        assert_eq!(json["required"], true);
        assert_eq!(json["nullable"], false);
        assert_eq!(json["personal"], true);
        let nullable = |name: &str| member(name).map(|m| m.nullable());
        assert_eq!(nullable("firstName"), Some(true));
        assert_eq!(nullable("questionnaire"), Some(true));
        assert_eq!(nullable("additionalSteps"), Some(true));
        assert_eq!(nullable("checkBlurAndGlare"), Some(true));
        assert_eq!(nullable("checkLiveness"), Some(false));
        assert_eq!(nullable("tokenType"), Some(false));
        assert_eq!(json["doc"], client.doc());
        let origins: BTreeSet<String> = members()
            .filter_map(|m| serde_json::to_value(m).ok())
            .filter_map(|j| j["origin"].as_str().map(str::to_owned))
            .collect();
        let expected = ["api_reference", "legacy", "token_page"].map(String::from);
        assert_eq!(origins, BTreeSet::from(expected));
    }

    /// Each accessor reads its own part of the declaration (a service redacts its logs by
    /// `personal` and builds forms from `required`).
    #[test]
    fn the_accessors_read_the_declaration() {
        let (Some(locale), Some(first)) = (member("locale"), member("firstName")) else {
            unreachable!("documented")
        };
        assert!(!locale.personal() && !locale.required());
        assert!(first.personal() && !first.required());
        assert!(locale.aliases().is_empty());
        assert_eq!(
            (locale.type_name(), locale.normalized()),
            ("string".into(), "lower case")
        );
        assert!(
            locale
                .rules()
                .starts_with("at most 7 chars; a supported locale"),
            "{}",
            locale.rules()
        );
        assert_eq!(first.section(), first.0.section);
        assert_ne!(locale, first);
        assert_eq!(member("firstName"), Some(first));
        assert_eq!(format!("{first:?}"), "MemberInfo(\"firstName\")");
        let personal = members().filter(MemberInfo::personal).count();
        let required: Vec<_> = members()
            .filter(MemberInfo::required)
            .map(|m| m.name())
            .collect();
        assert!(personal > 5 && personal < members().len(), "{personal}");
        assert_eq!(required, ["clientId"]);
    }
}
