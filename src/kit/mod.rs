//! The parts of generated requests that both generators share (the proptest strategies and the
//! `Arbitrary` requests): labels, what each member's declaration lets through and what breaks
//! it, every near miss as data, and the rules between members kept by construction.
//!
//! Everything here is read off the catalogue, the rules and the rules between members, so a new
//! member or a changed limit changes what is generated with no edit here. A rule proposes its
//! misses ([`Rule::misses`](crate::spec::rules::Rule::misses)); a member keeps those the rest of
//! its declaration accepts, checked once here with the rules' own checks, so every label is
//! true by construction and nothing is filtered while generating.

mod document;
mod policies;
mod values;

pub(crate) use document::document_misses;
#[cfg(feature = "arbitrary")]
pub(crate) use values::candidates;
pub(crate) use values::{canonical, value_misses};
#[cfg(feature = "proptest")]
pub(crate) use values::{text_examples, FreeTextOf};

use crate::context::Context;
use crate::cross::{Members, RULES};
use crate::diag::{Code, Severity};
use crate::spec::catalogue::{lookup_index, MemberId, FIELDS};
use crate::spec::{Member, Origin};
use serde_json::Value;

/// The violation a near miss must earn: where, which code, how severe.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Label {
    /// The JSON Pointer into the body.
    pub pointer: String,
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
}

impl Label {
    /// Whether `report` holds this violation, and no error besides it.
    ///
    /// ```
    /// # #[cfg(feature = "proptest")] {
    /// use idenfy_preflight::strategies::{near_misses, Label};
    /// use idenfy_preflight::{check, Context};
    ///
    /// let ctx = Context::new();
    /// for miss in near_misses(&ctx) {
    ///     assert!(miss.label.holds(&check(&miss.body, &ctx)), "{miss:?}");
    /// }
    /// # }
    /// ```
    pub fn holds(&self, report: &crate::Report<'_>) -> bool {
        let found = report.violations().iter().any(|v| {
            v.pointer() == self.pointer && v.code() == self.code && v.severity() == self.severity
        });
        let other_error = report.errors().any(|v| {
            !(v.pointer() == self.pointer && v.code() == self.code)
                && v.code() != Code::TooManyViolations
        });
        found && !other_error
    }
}

/// A request body with exactly one rule broken, and the violation that rule reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearMiss {
    /// The body as sent (bytes: some near misses are not JSON, or not UTF-8).
    pub body: Vec<u8>,
    /// What the engine must report for it.
    pub label: Label,
}

/// The members a generated request may hold: every documented one, legacy members too (they
/// only warn).
pub(crate) fn members() -> impl Iterator<Item = &'static Member> {
    FIELDS.iter()
}

/// Whether generated valid requests include `m` (legacy members earn a warning each, so they
/// are rarer).
pub(crate) fn is_legacy(m: &Member) -> bool {
    m.origin == Origin::Legacy
}

/// Every rule between members applied to `members`, so the request keeps them all.
///
/// One rule's repair can break another's (a `DOCUMENT` token turns `autoFaceMatching` off,
/// which then disables five checks that may be on), so the rules are applied again until
/// nothing changes. Each repair only switches flags off, sets the member a rule needs, or lowers
/// a value to its limit, so a round that changes nothing comes within a few rounds.
pub(crate) fn keep_rules(members: &mut Members, ctx: &Context) {
    for _ in 0..=RULES.len() {
        let before = members.clone();
        for rule in RULES {
            (rule.keep)(members, ctx);
        }
        policies::keep(members, ctx);
        if *members == before {
            return;
        }
    }
}

/// The members that share a rule between members with `name` (itself included): a request
/// broken at `name` on purpose leaves them out, so no other rule fires.
pub(crate) fn entangled(name: &str) -> Vec<&'static str> {
    let mut out = vec![];
    for rule in RULES {
        if rule.involves.iter().any(|m| m.name() == name) {
            out.extend(rule.involves.iter().map(|m| m.name()));
        }
    }
    out
}

/// One near miss, before a valid base request is chosen: members to set (or a change of the
/// whole body), and the label.
#[derive(Clone, Debug)]
pub(crate) enum Recipe {
    /// Set these members (after removing every member entangled with them).
    Members {
        set: Vec<(String, Value)>,
        label: Label,
    },
    /// Change the serialized body (not JSON, duplicate keys, limits).
    Body {
        make: fn(&Members, &Context) -> Vec<u8>,
        label: fn(&Context) -> Label,
    },
}

impl Recipe {
    /// The label this recipe earns under `ctx`.
    #[cfg(feature = "proptest")]
    pub(crate) fn label(&self, ctx: &Context) -> Label {
        match self {
            Recipe::Members { label, .. } => label.clone(),
            Recipe::Body { label, .. } => label(ctx),
        }
    }

    /// The near miss on `base` (a valid request's members).
    pub(crate) fn apply(&self, base: &Members, ctx: &Context) -> NearMiss {
        match self {
            Recipe::Members { set, label } => {
                let mut members = base.clone();
                for (name, _) in set {
                    for other in entangled(name) {
                        members.remove(other);
                    }
                    members.remove(name);
                }
                for (name, value) in set {
                    members.insert(name.clone(), value.clone());
                }
                NearMiss {
                    body: serde_json::to_vec(&Value::Object(members)).unwrap_or_default(),
                    label: label.clone(),
                }
            }
            Recipe::Body { make, label } => NearMiss {
                body: make(base, ctx),
                label: label(ctx),
            },
        }
    }
}

/// Every near miss a request body can have under `ctx`: each member's value misses, each rule
/// between members, and the document-level ones (not JSON, not UTF-8, limits, duplicates,
/// unknown and misspelled members).
pub(crate) fn recipes(ctx: &Context) -> Vec<Recipe> {
    let mut out = recipes_of_the_catalogue(ctx);
    out.extend(policies::misses(ctx));
    if ctx.profile.is_some() {
        // A partner profile can make a member's miss moot (a document type the account never
        // allows, a legacy name included): a miss is kept only where its members, set on the
        // smallest request that keeps the profile's policies, earn its label and no other
        // error under the profile.
        let smallest = smallest(ctx);
        out.retain(|r| match r {
            Recipe::Members { set, label } => {
                let mut members = smallest.clone();
                members.extend(set.iter().cloned());
                let body = serde_json::to_vec(&Value::Object(members)).unwrap_or_default();
                label.holds(&crate::check(&body, ctx))
            }
            Recipe::Body { .. } => true,
        });
    }
    out
}

fn recipes_of_the_catalogue(ctx: &Context) -> Vec<Recipe> {
    let mut out = Vec::new();
    // A member the partner profile forbids is never sent, so its value misses would also earn
    // the profile's error; each rule's misses keep clear of what another rule forbids.
    for (i, m) in members().enumerate() {
        let id = MemberId::at(i);
        for miss in value_misses(&m.shape) {
            if crate::cross::forbidden(ctx, id, &miss.value) {
                continue;
            }
            out.push(Recipe::Members {
                set: vec![(m.name.into(), miss.value)],
                label: Label {
                    pointer: format!("/{}{}", m.name, miss.suffix),
                    code: miss.code,
                    severity: miss.severity,
                },
            });
        }
    }
    for rule in RULES {
        for miss in (rule.misses)(ctx) {
            let own = matches!(
                miss.code,
                Code::MissingPermission | Code::FeatureNotInEnvironment
            );
            let forbidden = miss.set.iter().any(|(name, v)| {
                lookup_index(name)
                    .is_some_and(|(i, _)| crate::cross::forbidden(ctx, MemberId::at(i), v))
            });
            if forbidden && !own {
                continue;
            }
            out.push(Recipe::Members {
                set: miss.set.into_iter().map(|(n, v)| (n.into(), v)).collect(),
                label: Label {
                    pointer: miss.pointer,
                    code: miss.code,
                    severity: miss.severity,
                },
            });
        }
    }
    out.extend(document_misses());
    out
}

/// The smallest valid request under `ctx`: `clientId` alone, and what the partner profile's
/// policies require.
pub(crate) fn smallest(ctx: &Context) -> Members {
    let mut members = minimal();
    keep_rules(&mut members, ctx);
    members
}

/// The smallest valid request: `clientId` alone.
pub(crate) fn minimal() -> Members {
    let mut m = Members::new();
    for required in FIELDS.iter().filter(|f| f.required) {
        m.insert(required.name.to_owned(), canonical(&required.shape));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::date;

    /// The contexts the rules between members read: without a date, with one, and with the
    /// example partner profile (in its redirect flow and in an iFrame one).
    fn contexts() -> Vec<Context> {
        let file = include_bytes!("../../examples/profile.json");
        let profile = crate::load_profile(file, &Context::new())
            .into_result()
            .unwrap_or_default();
        assert_ne!(
            profile,
            crate::Profile::default(),
            "the example profile loads"
        );
        let mut iframe = profile.clone();
        iframe.flow = Some(crate::Flow::Iframe);
        let today = Context::new().with_today(date!(2026 - 12 - 01));
        vec![
            Context::new(),
            today.clone(),
            today.clone().with_profile(profile),
            today.with_profile(iframe),
        ]
    }

    fn with_required(set: &[(&str, Value)]) -> Members {
        let mut members = Members::new();
        members.insert("clientId".into(), "client-1".into());
        for (name, value) in set {
            members.insert((*name).into(), value.clone());
        }
        members
    }

    fn violations(members: &Members, ctx: &Context) -> Vec<(String, Code)> {
        let body = serde_json::to_vec(&Value::Object(members.clone())).unwrap_or_default();
        crate::check(&body, ctx)
            .violations()
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code()))
            .collect()
    }

    /// Generators repair a request with `keep_rules`: every near miss of a rule between members
    /// comes out of it clean, warnings included, and a second pass changes nothing.
    #[test]
    fn keeping_the_rules_repairs_each_of_their_misses() {
        for ctx in contexts() {
            for rule in RULES {
                for miss in (rule.misses)(&ctx) {
                    let mut members = with_required(&miss.set);
                    assert_ne!(violations(&members, &ctx), vec![], "{miss:?}");
                    keep_rules(&mut members, &ctx);
                    assert_eq!(violations(&members, &ctx), vec![], "{miss:?} → {members:?}");
                    let kept = members.clone();
                    keep_rules(&mut members, &ctx);
                    assert_eq!(members, kept, "{miss:?}");
                }
            }
        }
    }

    /// The profile's defaults decide too: a default country NFC cannot read under a default
    /// `nfcRequired`, a default a policy refuses, default countries one of which the documents
    /// leave bare. A request that leaves the members out is repaired like one that sends them.
    #[test]
    fn keeping_the_rules_repairs_what_the_defaults_break() {
        let file = br#"{"nfcCountries": ["LT", "LV"],
            "allowedDocuments": {"LT": ["DRIVER_LICENSE", "PASSPORT"], "LV": ["PASSPORT"]},
            "defaults": {"nfcRequired": true, "country": ["LT", "LV", "US"]},
            "policies": {"acme.baltics": {"member": "country", "oneOf": ["LT", "LV"]}}}"#;
        let profile = crate::load_profile(file, &Context::new()).into_result();
        assert!(profile.is_ok(), "the profile loads, with warnings");
        let ctx = Context::new().with_profile(profile.unwrap_or_default());
        for set in [
            vec![],
            vec![("documents", json!(["DRIVER_LICENSE"]))],
            vec![("country", Value::Null)],
        ] {
            let mut members = with_required(&set);
            assert_ne!(violations(&members, &ctx), vec![], "{set:?}");
            keep_rules(&mut members, &ctx);
            assert_eq!(violations(&members, &ctx), vec![], "{set:?} → {members:?}");
        }
    }

    /// A label holds when its violation is there, exactly (pointer, code, severity), and no
    /// other error is; warnings besides it don't matter.
    #[test]
    fn a_label_holds_for_its_violation_alone() {
        let ctx = Context::new();
        let label = |pointer: &str, code, severity| Label {
            pointer: pointer.into(),
            code,
            severity,
        };
        let sex = label("/sex", Code::InvalidValue, Severity::Error);
        let one = crate::check_str(r#"{"clientId": "c", "sex": "X"}"#, &ctx);
        assert!(sex.holds(&one));
        assert!(!label("/tokenType", Code::InvalidValue, Severity::Error).holds(&one));
        assert!(!label("/sex", Code::WrongType, Severity::Error).holds(&one));
        assert!(!label("/sex", Code::InvalidValue, Severity::Warning).holds(&one));
        let warned = crate::check_str(r#"{"clientId": "c", "sex": "X", "zzz": 1}"#, &ctx);
        assert!(sex.holds(&warned));
        let two = crate::check_str(r#"{"clientId": "c", "sex": "X", "tokenType": "x"}"#, &ctx);
        assert!(!sex.holds(&two));
        let unknown = label("/zzz", Code::UnknownField, Severity::Warning);
        assert!(!unknown.holds(&warned), "the sex error is another error");
        let only = crate::check_str(r#"{"clientId": "c", "zzz": 1}"#, &ctx);
        assert!(unknown.holds(&only));
    }

    /// The members sharing a rule with a member: itself and the others of each rule it is in.
    #[test]
    fn entangled_members_share_a_rule() {
        let with_auto = entangled("autoFaceMatching");
        assert!(with_auto.contains(&"checkDocFaceBlacklist") && with_auto.contains(&"tokenType"));
        assert!(!with_auto.contains(&"verifyBank"), "{with_auto:?}");
        assert_eq!(entangled("firstName"), Vec::<&str>::new());
    }

    /// A repair that breaks another rule is repaired in turn: a `DOCUMENT` token switches
    /// `autoFaceMatching` off (no selfie), and then the checks it disables go off too.
    #[test]
    fn one_repair_breaking_another_rule_is_repaired_too() {
        let ctx = Context::new();
        let mut members = with_required(&[
            ("tokenType", "DOCUMENT".into()),
            ("autoFaceMatching", true.into()),
            ("checkDocFaceBlacklist", true.into()),
        ]);
        keep_rules(&mut members, &ctx);
        assert_eq!(violations(&members, &ctx), vec![], "{members:?}");
        assert_eq!(members["autoFaceMatching"], false);
        assert_eq!(members["checkDocFaceBlacklist"], false);
    }

    /// A request that already keeps the rules is left exactly as it is: each part of a miss
    /// (its trigger alone, the flag alone), and each part with one member `null`, where clean.
    #[test]
    fn keeping_the_rules_leaves_a_clean_request_alone() {
        let mut judged = 0;
        for ctx in contexts() {
            for rule in RULES {
                for miss in (rule.misses)(&ctx) {
                    let n = miss.set.len();
                    for subset in 0..(1u32 << n) - 1 {
                        let part: Vec<_> = (0..n)
                            .filter(|i| subset & (1 << i) != 0)
                            .map(|i| miss.set[i].clone())
                            .collect();
                        for nulled in 0..=part.len() {
                            let mut part = part.clone();
                            if let Some((_, v)) = part.get_mut(nulled) {
                                *v = Value::Null;
                            }
                            let mut members = with_required(&part);
                            if !violations(&members, &ctx).is_empty() {
                                continue;
                            }
                            let before = members.clone();
                            keep_rules(&mut members, &ctx);
                            assert_eq!(members, before, "{miss:?}");
                            judged += 1;
                        }
                    }
                }
            }
        }
        assert!(judged > 100, "{judged}");
    }
}
