//! The checker's interpreter of the vocabulary: each rule's findings, into the sink.

use super::resolve::{resolve, Effective, Provenance};
use super::vocab::{Cap, Forcing, Gate, Ignored, Listed, Needs, Order, Read, Requirement, Rule};
use super::{report_at, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::Subject;
use crate::json::Value;
use crate::spec::catalogue::MemberId;
use crate::suggest::Vocabulary;

/// Reports what `rule` finds in `facts`.
pub(crate) fn check(rule: &Rule, facts: &Facts, ctx: &Context, out: &mut Sink) {
    match rule {
        Rule::Forces(f) => forces(f, facts, ctx, out),
        Rule::Requires(r) => requires(r, facts, ctx, out),
        Rule::AtMost(o) => at_most(o, facts, ctx, out),
        Rule::CappedBy(c) => capped(c, facts, ctx, out),
        Rule::InSet(l) => in_set(l, facts, ctx, out),
        Rule::Gated(g) => gated(g, facts, ctx, out),
        Rule::IgnoredInFlow(i) => ignored(i, facts, ctx, out),
        Rule::Custom(c) => (c.check)(facts, ctx, out),
    }
}

/// The member `m` as the session runs with it (the resolver, over the facts).
pub(crate) fn effective<'f>(
    facts: &'f Facts,
    m: MemberId,
    ctx: &'f Context,
) -> Option<Effective<'f>> {
    resolve(m, facts.said(m), ctx.account())
}

/// Whether the forcing's decider decides, and where its value comes from.
pub(crate) fn decides(f: &Forcing, facts: &Facts, ctx: &Context) -> Option<Provenance> {
    effective(facts, f.by, ctx)
        .filter(|e| f.when.matches(e.value))
        .map(|e| e.from)
}

fn forces(f: &Forcing, facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(from) = decides(f, facts, ctx) else {
        return;
    };
    for &m in f.forced {
        if let Some((v, fact)) = facts.bool(m) {
            if v != f.to {
                report_at(out, m, fact, (f.finding)(from.by_default()));
            }
        }
    }
}

/// `on` left out (or `null`) is the partner profile's default where it states one, and unknown
/// (the `unknown` finding) where not.
fn requires(r: &Requirement, facts: &Facts, ctx: &Context, out: &mut Sink) {
    // The resolver finds no value only where `on` is left out (or `null`) with no default.
    let on = effective(facts, r.on, ctx);
    facts.each_true(r.members, |m, fact| {
        let finding = match on.map(|e| (e.value.as_bool(), e.from)) {
            Some((Some(false), from)) => (r.finding)(from.by_default()),
            None => (r.unknown)(),
            _ => return,
        };
        report_at(out, m, fact, finding);
    });
}

/// Either may be the partner profile's default; the violation is at the one the request sets
/// (`low` when it sets both).
fn at_most(o: &Order, facts: &Facts, ctx: &Context, out: &mut Sink) {
    let int = |m| effective(facts, m, ctx).and_then(|e| Some((e.value.as_int()?, e.from)));
    let (Some((low, low_from)), Some((high, high_from))) = (int(o.low), int(o.high)) else {
        return;
    };
    let at = match (low_from, high_from) {
        (Provenance::Request, _) => o.low,
        (_, Provenance::Request) => o.high,
        _ => return,
    };
    if low > high {
        if let Some(fact) = facts.get(at) {
            let by_default = low_from.by_default() || high_from.by_default();
            report_at(out, at, fact, (o.finding)(by_default));
        }
    }
}

/// The flag may be on by the partner profile's default, and the limit the profile's own.
fn capped(c: &Cap, facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(from) = effective(facts, c.when, ctx)
        .filter(|e| e.value.as_bool() == Some(true))
        .map(|e| e.from)
    else {
        return;
    };
    let Some((value, fact)) = facts.int(c.member) else {
        return;
    };
    let (max, profile) = (c.limit)(ctx);
    let max = i64::from(max);
    if value > max {
        report_at(
            out,
            c.member,
            fact,
            (c.finding)(max, from.by_default(), profile),
        );
    }
}

/// The ID as the profile lists it: an integer as its digits, a string as it is.
pub(crate) fn id_of<'v>(v: &'v Value<'_>) -> Option<std::borrow::Cow<'v, str>> {
    match v {
        Value::Number(n) => Some(n.to_string().into()),
        Value::String(s) => Some(s.as_ref().into()),
        _ => None,
    }
}

fn in_set(l: &Listed, facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(set) = (l.set)(ctx.account()) else {
        return;
    };
    let Some((value, fact)) = facts.value(l.member) else {
        return;
    };
    let offered = |v: &str| l.only.is_empty() || l.only.contains(&v);
    match l.read {
        Read::Exact => {
            let Value::String(key) = value else { return };
            if set.contains_exact(key) {
                return;
            }
            let closest = Vocabulary::new(set.iter())
                .classify(key)
                .suggestion()
                .map(str::to_owned);
            report_at(out, l.member, fact, (l.finding)(closest));
        }
        Read::Str => {
            let Value::String(s) = value else { return };
            if offered(s) && !set.contains(s) {
                report_at(out, l.member, fact, (l.finding)(None));
            }
        }
        Read::Id => {
            if id_of(value).is_some_and(|id| !set.contains(&id)) {
                report_at(out, l.member, fact, (l.finding)(None));
            }
        }
        Read::Items => {
            let Value::Array(items) = value else { return };
            let at = fact.loc(l.member);
            for (i, item) in items.iter().enumerate() {
                if item
                    .as_str()
                    .is_some_and(|c| offered(c) && !set.contains(c))
                {
                    let f = (l.finding)(None).about(Subject::part(l.member.name(), "items"), false);
                    out.report(&at.index(i), f, None);
                }
            }
        }
    }
}

/// Whether a value asks for what `needs` guards: an object (the additional steps, by country
/// and document type) only if it defines a step.
pub(crate) fn asks(v: &serde_json::Value, needs: Needs) -> bool {
    fn defines(v: &serde_json::Value, depth: usize) -> bool {
        match v {
            serde_json::Value::Object(m) if depth > 0 => m.values().any(|v| defines(v, depth - 1)),
            serde_json::Value::Object(m) => !m.is_empty(),
            _ => false,
        }
    }
    match (needs, v) {
        (_, serde_json::Value::Null) => false,
        (Needs::True, v) => v.as_bool() == Some(true),
        (Needs::Set, serde_json::Value::Object(_)) => defines(v, 2),
        (Needs::Set, _) => true,
    }
}

fn gated(g: &Gate, facts: &Facts, ctx: &Context, out: &mut Sink) {
    let account = ctx.account();
    match g {
        Gate::Permissions(gated) => {
            for &(m, permission, needs) in gated.iter() {
                if account.permission(permission) != Some(false) {
                    continue;
                }
                if let Some((value, fact)) = facts.value(m) {
                    let asks = match (needs, value) {
                        (Needs::True, v) => matches!(v, Value::Bool(true)),
                        (_, Value::Null) => false,
                        (Needs::Set, Value::Object(_)) => asks(&value.to_serde(), needs),
                        (Needs::Set, _) => true,
                    };
                    if asks {
                        let f = crate::diag::Finding::error(crate::diag::Kind::MissingPermission {
                            permission,
                        });
                        report_at(out, m, fact, f);
                    }
                }
            }
        }
        Gate::Features(members) => {
            if account.features().is_none() {
                return;
            }
            facts.each_true(members, |m, fact| {
                if account.lacks_feature(m) {
                    let f = crate::diag::Finding::error(crate::diag::Kind::FeatureNotInEnvironment);
                    report_at(out, m, fact, f);
                }
            });
        }
    }
}

fn ignored(i: &Ignored, facts: &Facts, ctx: &Context, out: &mut Sink) {
    if ctx.account().flow() != Some(i.flow) {
        return;
    }
    for &m in i.members {
        if let Some((Value::String(_), fact)) = facts.value(m) {
            report_at(out, m, fact, (i.finding)());
        }
    }
}

/// The boolean member `m` as the session runs with it, and where that comes from.
pub(crate) fn effective_bool(
    facts: &Facts,
    m: MemberId,
    ctx: &Context,
) -> Option<(bool, Provenance)> {
    effective(facts, m, ctx).and_then(|e| Some((e.value.as_bool()?, e.from)))
}

/// The integer member `m` as the session runs with it, and where that comes from.
pub(crate) fn effective_int(
    facts: &Facts,
    m: MemberId,
    ctx: &Context,
) -> Option<(i64, Provenance)> {
    effective(facts, m, ctx).and_then(|e| Some((e.value.as_int()?, e.from)))
}
