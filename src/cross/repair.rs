//! The generators' interpreter of the vocabulary: each rule's repair. It changes a request (its
//! members as JSON) as little as possible so that it keeps the rule, warnings included.
// Only the generators (the `proptest` and `arbitrary` features) repair requests.
#![cfg_attr(
    not(any(feature = "proptest", feature = "arbitrary")),
    allow(dead_code)
)]

use super::resolve::{resolve, Effective};
use super::vocab::{Forcing, Gate, Ignored, Listed, Order, Read, Repair, Requirement, Rule};
use super::{Members, Said};
use crate::context::Context;
use crate::spec::catalogue::MemberId;
use serde_json::Value;

/// Repairs `members` for `rule`.
pub(crate) fn keep(rule: &Rule, members: &mut Members, ctx: &Context) {
    match rule {
        Rule::Forces(f) => forced(f, members, ctx),
        Rule::Requires(r) => required(r, members, ctx),
        Rule::AtMost(o) => ordered(o, members, ctx),
        Rule::CappedBy(c) => {
            let over = members
                .get(c.member.name())
                .and_then(Value::as_i64)
                .is_some_and(|v| v > i64::from((c.limit)(ctx).0));
            if over && effective_flag(members, c.when, ctx) == Some(true) {
                let max = i64::from((c.limit)(ctx).0);
                members.insert(c.member.name().into(), max.into());
            }
        }
        Rule::InSet(l) => listed(l, members, ctx),
        Rule::Gated(g) => gated(g, members, ctx),
        Rule::IgnoredInFlow(i) => ignored(i, members, ctx),
        Rule::Custom(c) => (c.keep)(members, ctx),
    }
}

/// The member `m` of `members` as the session runs with it (the resolver, over JSON).
pub(crate) fn effective<'m>(
    members: &'m Members,
    m: MemberId,
    ctx: &'m Context,
) -> Option<Effective<'m>> {
    resolve(m, Said::json(members.get(m.name())), ctx.account())
}

/// The boolean member `m` as the session runs with it.
pub(crate) fn effective_flag(members: &Members, m: MemberId, ctx: &Context) -> Option<bool> {
    effective(members, m, ctx).and_then(|e| e.value.as_bool())
}

/// The boolean member `m` of `members`, if it is one.
pub(crate) fn flag(members: &Members, m: MemberId) -> Option<bool> {
    members.get(m.name()).and_then(Value::as_bool)
}

/// Where the decider decides, the forced members set against it take the forced value.
fn forced(f: &Forcing, members: &mut Members, ctx: &Context) {
    if effective(members, f.by, ctx).is_some_and(|e| f.when.matches(e.value)) {
        for &m in f.forced {
            if flag(members, m) == Some(!f.to) {
                members.insert(m.name().into(), f.to.into());
            }
        }
    }
}

/// A requiring member asked for turns the required one on (unless the default already does).
fn required(r: &Requirement, members: &mut Members, ctx: &Context) {
    if r.members.iter().any(|&m| flag(members, m) == Some(true))
        && effective_flag(members, r.on, ctx) != Some(true)
    {
        members.insert(r.on.name().into(), true.into());
    }
}

/// `low` above `high` are swapped; against a default, the request's member takes the
/// default's value.
fn ordered(o: &Order, members: &mut Members, ctx: &Context) {
    let int = |m: MemberId| effective(members, m, ctx).and_then(|e| e.value.as_int());
    if let (Some(low), Some(high)) = (int(o.low), int(o.high)) {
        if low > high {
            let set = |m: MemberId| members.get(m.name()).is_some_and(|v| !v.is_null());
            match (set(o.low), set(o.high)) {
                (true, true) => {
                    members.insert(o.low.name().into(), high.into());
                    members.insert(o.high.name().into(), low.into());
                }
                (true, false) => {
                    members.insert(o.low.name().into(), high.into());
                }
                (false, _) => {
                    members.insert(o.high.name().into(), low.into());
                }
            }
        }
    }
}

/// The ID as the profile lists it: an integer as its digits, a string as it is.
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// A listed ID as the request writes one: an integer where it is digits.
pub(crate) fn as_request_id(id: &str) -> Value {
    id.parse::<i64>()
        .ok()
        .filter(|i| *i >= 1)
        .map_or_else(|| id.into(), Into::into)
}

fn listed(l: &Listed, members: &mut Members, ctx: &Context) {
    let Some(set) = (l.set)(ctx.account()) else {
        return;
    };
    let name = l.member.name();
    let offered = |v: &str| l.only.is_empty() || l.only.contains(&v);
    let outside = match (l.read, members.get(name)) {
        (Read::Exact, Some(Value::String(s))) => !set.contains_exact(s),
        (Read::Str, Some(Value::String(s))) => {
            let s = s.to_ascii_lowercase();
            offered(&s) && !set.contains(&s)
        }
        (Read::Id, Some(v)) => id_of(v).is_some_and(|id| !set.contains(&id)),
        (Read::Items, Some(Value::Array(_))) => true,
        _ => false,
    };
    if !outside {
        return;
    }
    match l.repair {
        Repair::First => match set.first() {
            Some(first) => {
                let v = match l.read {
                    Read::Id => as_request_id(first),
                    _ => first.into(),
                };
                members.insert(name.into(), v);
            }
            None => {
                members.remove(name);
            }
        },
        Repair::Drop => {
            members.remove(name);
        }
        Repair::Retain => {
            if let Some(Value::Array(items)) = members.get_mut(name) {
                items.retain(|c| c.as_str().is_none_or(|c| !offered(c) || set.contains(c)));
            }
        }
    }
}

/// Whether the profile forbids the member `m` to hold `v`: a permission the account lacks, or
/// a feature its environment does not offer (for generators, which keep such members out of
/// requests meant to break something else).
pub(crate) fn forbidden(rules: &[Rule], ctx: &Context, m: MemberId, v: &Value) -> bool {
    rules.iter().any(|r| match r {
        Rule::Gated(g) => forbids(g, ctx, m, v),
        _ => false,
    })
}

/// Whether the gate forbids the member `m` to hold `v` under the account in `ctx`.
pub(crate) fn forbids(g: &Gate, ctx: &Context, m: MemberId, v: &Value) -> bool {
    let account = ctx.account();
    match g {
        Gate::Permissions(gated) => gated.iter().any(|&(g, p, needs)| {
            g == m && account.permission(p) == Some(false) && super::check::asks(v, needs)
        }),
        Gate::Features(members) => {
            v.as_bool() == Some(true) && members.contains(&m) && account.lacks_feature(m)
        }
    }
}

fn gated(g: &Gate, members: &mut Members, ctx: &Context) {
    match g {
        // A member the account may not set is left out.
        Gate::Permissions(gated) => {
            for &(m, _, _) in gated.iter() {
                if members.get(m.name()).is_some_and(|v| forbids(g, ctx, m, v)) {
                    members.remove(m.name());
                }
            }
        }
        // A feature the environment lacks is switched off.
        Gate::Features(features) => {
            for &m in features.iter() {
                if flag(members, m) == Some(true) && ctx.account().lacks_feature(m) {
                    members.insert(m.name().into(), false.into());
                }
            }
        }
    }
}

fn ignored(i: &Ignored, members: &mut Members, ctx: &Context) {
    if ctx.account().flow() == Some(i.flow) {
        for &m in i.members {
            if members.get(m.name()).is_some_and(Value::is_string) {
                members.remove(m.name());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repair changes only what breaks its rule: the smallest request breaks none, and every
    /// rule leaves it as it is.
    #[test]
    fn every_rule_leaves_the_smallest_request_as_it_is() {
        // Defaults at the rules' boundaries: an age limit equal to the age maximum is in order,
        // and a repair that "swapped" them would write a member the caller left out.
        let mut boundary = crate::Profile::default();
        boundary.defaults.insert("ageLimit".into(), 20.into());
        boundary.defaults.insert("ageMax".into(), 20.into());
        for ctx in [Context::new(), Context::new().with_profile(boundary)] {
            for (i, rule) in super::super::RULES.iter().enumerate() {
                let mut members = super::super::Members::new();
                members.insert("clientId".into(), "c1".into());
                let before = members.clone();
                keep(rule, &mut members, &ctx);
                assert_eq!(members, before, "rule {i} of cross::RULES");
            }
        }
    }

    /// The rule of `member` among the account's sets.
    fn listed_rule(member: &str) -> &'static Rule {
        super::super::RULES
            .iter()
            .find(|r| matches!(r, Rule::InSet(l) if l.member.name() == member))
            .expect("a set rule of the member")
    }

    /// Each set's repair keeps what the account lists as sent and replaces, drops or thins out
    /// only what it does not.
    #[test]
    fn a_set_repair_changes_only_what_the_account_does_not_list() {
        let file = br#"{"riskAssessmentProfiles": ["12", "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab"],
            "locales": ["lt", "en"], "registryCenterCountries": ["LT"],
            "questionnaires": ["kyc-basic"]}"#;
        let profile = crate::load_profile(file, &Context::new())
            .into_result()
            .expect("the profile loads");
        let ctx = Context::new().with_profile(profile);
        let uuid = "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab";
        let cases: [(&str, Value, Option<Value>); 11] = [
            ("riskAssessmentProfile", 12.into(), Some(12.into())),
            ("riskAssessmentProfile", "12".into(), Some("12".into())),
            ("riskAssessmentProfile", uuid.into(), Some(uuid.into())),
            // Replaced by the first listed, written as the request writes an integer ID.
            ("riskAssessmentProfile", 99.into(), Some(12.into())),
            ("locale", "en".into(), Some("en".into())),
            ("locale", "EN".into(), Some("EN".into())),
            // One iDenfy offers but the account does not, and one iDenfy does not offer at all
            // (which has its own warning, not this rule's).
            ("locale", "lv".into(), None),
            ("locale", "xx".into(), Some("xx".into())),
            (
                "registryCentersCountries",
                serde_json::json!(["LV", "LT"]),
                Some(serde_json::json!(["LT"])),
            ),
            (
                "questionnaire",
                "kyc-basic".into(),
                Some("kyc-basic".into()),
            ),
            ("questionnaire", "other".into(), Some("kyc-basic".into())),
        ];
        for (member, sent, kept) in cases {
            let mut members = super::super::Members::new();
            members.insert(member.into(), sent.clone());
            keep(listed_rule(member), &mut members, &ctx);
            assert_eq!(members.get(member), kept.as_ref(), "{member}: {sent}");
        }
    }

    /// An age limit above the age maximum is swapped with it, each where the request set it.
    #[test]
    fn an_age_limit_above_the_maximum_is_swapped() {
        let rule = super::super::RULES
            .iter()
            .find(|r| matches!(r, Rule::AtMost(_)))
            .expect("the order rule");
        let mut members = super::super::Members::new();
        members.insert("ageLimit".into(), 30.into());
        members.insert("ageMax".into(), 20.into());
        keep(rule, &mut members, &Context::new());
        assert_eq!(members.get("ageLimit"), Some(&20.into()));
        assert_eq!(members.get("ageMax"), Some(&30.into()));
    }

    /// A member the account may not set is left out, each by its own permission: with only one
    /// withheld, only its members go.
    #[test]
    fn a_withheld_permission_drops_only_its_own_members() {
        let rule = super::super::RULES
            .iter()
            .find(|r| matches!(r, Rule::Gated(Gate::Permissions(_))))
            .expect("the permissions rule");
        for permission in crate::Permission::ALL {
            let file = serde_json::json!({"permissions": {permission.member(): false}}).to_string();
            let profile = crate::load_profile(file.as_bytes(), &Context::new())
                .into_result()
                .expect("the profile loads");
            let ctx = Context::new().with_profile(profile);
            let mut members = super::super::Members::new();
            for &(m, _, _) in super::super::PERMISSION_GATES.iter() {
                members.insert(m.name().into(), true.into());
            }
            keep(rule, &mut members, &ctx);
            for &(m, p, _) in super::super::PERMISSION_GATES.iter() {
                let kept = members.contains_key(m.name());
                assert_eq!(
                    kept,
                    p != permission,
                    "{} withheld, {}",
                    permission.as_str(),
                    m.name()
                );
            }
        }
    }
}
