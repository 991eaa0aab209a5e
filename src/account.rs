//! The partner's account as the checks read it: the [`Profile`] a caller gave, compiled once when
//! it is attached, so that no check re-reads or re-normalizes it.
//!
//! Every rule that depends on the account reads it through [`Account`] (from
//! `Context::account`), never through the caller's `Profile` value directly: this is the one
//! place where what the account knows is turned into what the rules look up. Compiling does the
//! work a lookup would otherwise repeat: each set folded and sorted once (a lookup is a binary
//! search, without allocating), the documents resolved by country to the types the API
//! classifies them as, the dashboard defaults indexed by member, the limits resolved. The
//! partner's policies are compiled by the rules between members (which own what a policy may
//! say) on the first check, once per account, into [`CompiledPolicy`] values kept here.

use crate::profile::{Flow, Permission, Profile};
use crate::spec::catalogue::{lookup_index, MemberId, FIELDS};
use crate::spec::profile::FEATURES;
use crate::spec::rules::document_type::legacy;
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// A set of codes as the profile lists them, looked up ignoring ASCII case (a profile built in
/// Rust may spell codes in either case), in the order the profile lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Set {
    /// As listed, in the profile's order.
    items: Vec<Box<str>>,
    /// Folded to lower case, sorted and without repeats, for [`contains`](Self::contains).
    folded: Vec<Box<str>>,
    /// As listed, sorted and without repeats, for [`contains_exact`](Self::contains_exact).
    exact: Vec<Box<str>>,
}

/// `a` and `b` compared as if both were lower case, without folding either.
fn cmp_folded(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl Set {
    pub(crate) fn new<'a>(items: impl IntoIterator<Item = &'a str>) -> Self {
        let items: Vec<Box<str>> = items.into_iter().map(Into::into).collect();
        let mut folded: Vec<Box<str>> = items
            .iter()
            .map(|s| s.to_ascii_lowercase().into_boxed_str())
            .collect();
        folded.sort_unstable();
        folded.dedup();
        let mut exact = items.clone();
        exact.sort_unstable();
        exact.dedup();
        Set {
            items,
            folded,
            exact,
        }
    }

    fn of(set: Option<&BTreeSet<String>>) -> Option<Self> {
        set.map(|s| Set::new(s.iter().map(String::as_str)))
    }

    /// Whether the set holds `value`, ignoring ASCII case.
    pub(crate) fn contains(&self, value: &str) -> bool {
        self.folded
            .binary_search_by(|s| cmp_folded(s, value))
            .is_ok()
    }

    /// Whether the set holds `value` exactly (generated identifiers: questionnaire keys).
    pub(crate) fn contains_exact(&self, value: &str) -> bool {
        self.exact
            .binary_search_by(|s| s.as_ref().cmp(value))
            .is_ok()
    }

    /// The codes as listed, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.items.iter().map(AsRef::as_ref)
    }

    /// The first code listed.
    pub(crate) fn first(&self) -> Option<&str> {
        self.iter().next()
    }
}

/// The document types the account allows, by country, as the API classifies them (a legacy
/// alias in the profile's lists is its base type; a retired name, which no request can match,
/// is left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Documents {
    /// Each country's key as the profile writes it (`ALL` included), in the profile's order,
    /// with its types.
    lists: Vec<(Box<str>, Set)>,
    /// The position of `ALL` in `lists`.
    all: Option<usize>,
}

impl Documents {
    /// The list of `country`: its own, else the one for every country not listed (`ALL`);
    /// `None` where the profile says neither.
    pub(crate) fn list_of(&self, country: &str) -> Option<&Set> {
        self.lists
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(country))
            .map(|(_, l)| l)
            .or_else(|| self.all())
    }

    /// The list for every country not listed.
    pub(crate) fn all(&self) -> Option<&Set> {
        self.all.and_then(|i| self.lists.get(i)).map(|(_, l)| l)
    }

    /// Each country (as the profile writes it, `ALL` included) with its list.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &Set)> {
        self.lists.iter().map(|(c, l)| (c.as_ref(), l))
    }
}

/// The type the account's settings know `document` (upper case) as: a legacy alias is its base
/// type (the API classifies it so); a retired or webhook-only name has none, and is not compared.
pub(crate) fn as_listed(document: &str) -> Option<&str> {
    match legacy(document) {
        Some(l) => l.instead,
        None => Some(document),
    }
}

/// One of the partner's policies, compiled: its code, the members it reads, and its set of
/// values as the member normalizes them. Built by `cross::policy`, which owns what a policy may
/// say; kept here so that it is built once per account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompiledPolicy {
    pub(crate) code: Arc<str>,
    /// The profile's declaration (its message, severity and bounds).
    pub(crate) spec: crate::profile::PolicySpec,
    /// The members it requires.
    pub(crate) require: Vec<MemberId>,
    /// The member its value checks are about.
    pub(crate) member: Option<MemberId>,
    /// Its `oneOf`, as the member normalizes its values.
    pub(crate) set: Option<BTreeSet<String>>,
}

/// An account compiled for checking. Without a profile, it knows nothing, and every rule that
/// depends on the account assumes nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Account {
    profile: Option<Arc<Profile>>,
    /// The dashboard default of each member of the catalogue, by position.
    defaults: Vec<Option<serde_json::Value>>,
    /// Bit `i`: the member at position `i` is a feature the environment does not offer.
    lacks_feature: u128,
    features: Option<Set>,
    questionnaires: Option<Set>,
    risk_assessment_profiles: Option<Set>,
    registry_center_countries: Option<Set>,
    locales: Option<Set>,
    nfc_countries: Option<Set>,
    documents: Option<Documents>,
    /// The policies of the profile that can apply, compiled on the first check.
    policies: OnceLock<Vec<CompiledPolicy>>,
}

// The bit set of features lacking holds every member of the catalogue.
const _: () = assert!(FIELDS.len() <= 128);

/// The account that knows nothing (no partner profile).
pub(crate) static UNKNOWN: Account = Account {
    profile: None,
    defaults: Vec::new(),
    lacks_feature: 0,
    features: None,
    questionnaires: None,
    risk_assessment_profiles: None,
    registry_center_countries: None,
    locales: None,
    nfc_countries: None,
    documents: None,
    policies: OnceLock::new(),
};

impl Account {
    /// Compiles `profile` for checking.
    pub(crate) fn compile(profile: Arc<Profile>) -> Self {
        let mut defaults = vec![None; FIELDS.len()];
        for (name, value) in &profile.defaults {
            if let Some((i, false)) = lookup_index(name) {
                if let Some(slot) = defaults.get_mut(i) {
                    *slot = Some(value.clone());
                }
            }
        }
        let features = Set::of(profile.features.as_ref());
        let mut lacks_feature = 0u128;
        if let Some(features) = &features {
            for name in FEATURES {
                if let Some((i, false)) = lookup_index(name) {
                    if !features.contains(name) {
                        lacks_feature |= 1 << i;
                    }
                }
            }
        }
        let documents = profile.allowed_documents.as_ref().map(|allowed| {
            let lists: Vec<(Box<str>, Set)> = allowed
                .iter()
                .map(|(country, listed)| {
                    let upper: Vec<String> =
                        listed.iter().map(|d| d.to_ascii_uppercase()).collect();
                    let types = Set::new(upper.iter().filter_map(|d| as_listed(d)));
                    (country.as_str().into(), types)
                })
                .collect();
            let all = lists.iter().position(|(c, _)| c.as_ref() == "ALL");
            Documents { lists, all }
        });
        Account {
            defaults,
            lacks_feature,
            features,
            questionnaires: Set::of(profile.questionnaires.as_ref()),
            risk_assessment_profiles: Set::of(profile.risk_assessment_profiles.as_ref()),
            registry_center_countries: Set::of(profile.registry_center_countries.as_ref()),
            locales: Set::of(profile.locales.as_ref()),
            nfc_countries: Set::of(profile.nfc_countries.as_ref()),
            documents,
            policies: OnceLock::new(),
            profile: Some(profile),
        }
    }

    /// The profile as the caller gave it, if any.
    pub(crate) fn profile(&self) -> Option<&Profile> {
        self.profile.as_deref()
    }

    /// Whether there is a profile at all.
    pub(crate) fn known(&self) -> bool {
        self.profile.is_some()
    }

    /// The dashboard default of `m`, if the profile states one.
    pub(crate) fn default(&self, m: MemberId) -> Option<&serde_json::Value> {
        self.defaults.get(m.index())?.as_ref()
    }

    /// Each member with a dashboard default, in catalogue order.
    pub(crate) fn defaults(&self) -> impl Iterator<Item = (MemberId, &serde_json::Value)> {
        self.defaults
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_ref().map(|v| (MemberId::at(i), v)))
    }

    /// Whether the profile lists the features and `m` is one it lacks (any index fits the bits).
    pub(crate) fn lacks_feature(&self, m: MemberId) -> bool {
        self.lacks_feature & (1 << m.index()) != 0
    }

    /// The features the environment offers, where the profile lists them.
    pub(crate) fn features(&self) -> Option<&Set> {
        self.features.as_ref()
    }

    /// Whether the account has `permission` (`None`: unknown).
    pub(crate) fn permission(&self, permission: Permission) -> Option<bool> {
        self.profile()?.permissions.get(permission)
    }

    /// The active questionnaire keys (compared exactly: they are generated identifiers).
    pub(crate) fn questionnaire_set(&self) -> Option<&Set> {
        self.questionnaires.as_ref()
    }

    pub(crate) fn risk_assessment_profiles(&self) -> Option<&Set> {
        self.risk_assessment_profiles.as_ref()
    }

    pub(crate) fn registry_center_countries(&self) -> Option<&Set> {
        self.registry_center_countries.as_ref()
    }

    pub(crate) fn locales(&self) -> Option<&Set> {
        self.locales.as_ref()
    }

    pub(crate) fn nfc_countries(&self) -> Option<&Set> {
        self.nfc_countries.as_ref()
    }

    pub(crate) fn documents(&self) -> Option<&Documents> {
        self.documents.as_ref()
    }

    pub(crate) fn flow(&self) -> Option<Flow> {
        self.profile()?.flow
    }

    /// The environment's default `expiryTime`, if the profile says.
    pub(crate) fn default_expiry_time(&self) -> Option<u32> {
        self.profile()?.default_expiry_time
    }

    /// The environment's default `sessionLength`, if the profile says.
    pub(crate) fn default_session_length(&self) -> Option<u32> {
        self.profile()?.default_session_length
    }

    /// The account with its profile's policies already compiled (by an engine, when it is
    /// built), so that no check compiles them.
    pub(crate) fn with_policies(self, policies: Vec<CompiledPolicy>) -> Self {
        Account {
            policies: OnceLock::from(policies),
            ..self
        }
    }

    /// The policies compiled so far, if they are.
    #[cfg(test)]
    pub(crate) fn compiled_policies(&self) -> Option<&[CompiledPolicy]> {
        self.policies.get().map(Vec::as_slice)
    }

    /// The profile's policies that can apply, compiled by `compile` on the first call (once per
    /// account).
    pub(crate) fn policies(
        &self,
        compile: impl FnOnce(&Profile) -> Vec<CompiledPolicy>,
    ) -> &[CompiledPolicy] {
        match self.profile() {
            None => &[],
            Some(p) => self.policies.get_or_init(|| compile(p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_looked_up_ignoring_case_and_keeps_its_order() {
        let set = Set::new(["lt", "EN", "Lv"]);
        for yes in ["lt", "LT", "en", "En", "lv", "LV"] {
            assert!(set.contains(yes), "{yes}");
        }
        for no in ["", "l", "ltx", "ru", "e"] {
            assert!(!set.contains(no), "{no}");
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), ["lt", "EN", "Lv"]);
        assert_eq!(set.first(), Some("lt"));
        assert!(!Set::default().contains("lt"));
    }

    #[test]
    fn documents_resolve_by_country_then_all() {
        let profile = Profile {
            allowed_documents: Some(
                [
                    ("lt".to_owned(), BTreeSet::from(["passport".to_owned()])),
                    ("ALL".to_owned(), BTreeSet::from(["ID_CARD".to_owned()])),
                ]
                .into(),
            ),
            ..Profile::default()
        };
        let account = Account::compile(Arc::new(profile));
        let docs = account
            .documents()
            .map(|d| d.list_of("LT").map(|l| l.contains("PASSPORT")));
        assert_eq!(docs, Some(Some(true)));
        let de = account.documents().and_then(|d| d.list_of("DE"));
        assert!(de.is_some_and(|l| l.contains("ID_CARD") && !l.contains("PASSPORT")));
    }

    #[test]
    fn defaults_and_features_are_indexed_by_member() {
        let mut profile = Profile {
            features: Some(BTreeSet::from(["checkAml".to_owned()])),
            ..Profile::default()
        };
        profile.defaults.insert("verifyBank".into(), true.into());
        let account = Account::compile(Arc::new(profile));
        let bank = crate::spec::catalogue::member("verifyBank");
        let aml = crate::spec::catalogue::member("checkAml");
        assert_eq!(account.default(bank), Some(&true.into()));
        assert_eq!(account.default(aml), None);
        assert!(account.lacks_feature(bank) && !account.lacks_feature(aml));
        assert!(!UNKNOWN.lacks_feature(bank) && UNKNOWN.default(bank).is_none());
    }
}
