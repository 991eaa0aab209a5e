//! The generators' near-miss interpreter of the vocabulary: for each rule, members that break it
//! alone (set on a request without any member the rule involves), with the violation each set
//! earns. The code and severity come from the rule's own finding, so they are stated once.

use super::vocab::{Gate, Probe, Read, Rule};
use super::CrossMiss;
use crate::context::Context;
use crate::diag::Finding;
use crate::spec::catalogue::MemberId;
use serde_json::{json, Value};

fn at(m: MemberId, f: &Finding, set: Vec<(MemberId, Value)>) -> CrossMiss {
    CrossMiss::at(m, f.code(), f.severity, set)
}

/// The near misses of `rule` under `ctx`; `rules` is the whole table (a miss keeps clear of
/// what another gate forbids).
pub(crate) fn misses(rule: &Rule, rules: &[Rule], ctx: &Context) -> Vec<CrossMiss> {
    match rule {
        // Each forced member set against the deciding value.
        Rule::Forces(f) => {
            let finding = (f.finding)(false);
            f.forced
                .iter()
                .map(|&m| {
                    at(
                        m,
                        &finding,
                        vec![(f.by, f.when.to_json()), (m, (!f.to).into())],
                    )
                })
                .collect()
        }
        // Each requiring member beside the required one off, and alone (unknown).
        Rule::Requires(r) => {
            let (off, unknown) = ((r.finding)(false), (r.unknown)());
            r.members
                .iter()
                .flat_map(|&m| {
                    [
                        at(m, &off, vec![(r.on, false.into()), (m, true.into())]),
                        at(m, &unknown, vec![(m, true.into())]),
                    ]
                })
                .collect()
        }
        Rule::AtMost(o) => {
            let (low, high) = o.sample;
            let f = (o.finding)(false);
            vec![at(
                o.low,
                &f,
                vec![(o.low, low.into()), (o.high, high.into())],
            )]
        }
        // One past the account's limit, where the member's own bound leaves room for it.
        Rule::CappedBy(c) => {
            let over = i64::from((c.limit)(ctx).0) + 1;
            let fits = match c.member.member().shape {
                crate::spec::Shape::Int(b) => b.max.is_none_or(|m| over <= m),
                _ => false,
            };
            let f = (c.finding)(over - 1, false, false);
            fits.then(|| {
                at(
                    c.member,
                    &f,
                    vec![(c.when, true.into()), (c.member, over.into())],
                )
            })
            .into_iter()
            .collect()
        }
        Rule::InSet(l) => {
            let Some(set) = (l.set)(ctx.account()) else {
                return Vec::new();
            };
            let outside: Option<Value> = match l.probe {
                Probe::Altered => set.first().map(|first| format!("{first}x").into()),
                Probe::SmallestId => {
                    let unknown = (1..)
                        .find(|i: &i64| !set.contains(&i.to_string()))
                        .unwrap_or(1);
                    Some(unknown.into())
                }
                Probe::FirstOutside(candidates) => candidates()
                    .into_iter()
                    .find(|c| !set.contains(c))
                    .map(Into::into),
            };
            let f = (l.finding)(None);
            outside
                .map(|v| match l.read {
                    Read::Items => CrossMiss {
                        set: vec![(l.member.name(), json!([v]))],
                        pointer: format!("/{}/0", l.member.name()),
                        code: f.code(),
                        severity: f.severity,
                    },
                    _ => at(l.member, &f, vec![(l.member, v)]),
                })
                .into_iter()
                .collect()
        }
        Rule::Gated(g) => gated(g, rules, ctx),
        Rule::IgnoredInFlow(i) => {
            if ctx.account().flow() != Some(i.flow) {
                return Vec::new();
            }
            let f = (i.finding)();
            i.members
                .iter()
                .map(|&m| at(m, &f, vec![(m, i.sample.into())]))
                .collect()
        }
        Rule::Custom(c) => (c.misses)(ctx),
    }
}

/// A value of a gated member its own rules accept.
fn sample(m: MemberId) -> Value {
    match m.name() {
        "callbackUrl" => "https://example.com/idenfy/callback".into(),
        "additionalSteps" => json!({"ALL": {"ALL": {"PROOF_OF_ADDRESS": {"type": "UPLOAD"}}}}),
        _ => true.into(),
    }
}

/// Whether another gate of `rules` than `own` forbids `m` to hold `v`.
fn other_forbids(own: &Gate, rules: &[Rule], ctx: &Context, m: MemberId, v: &Value) -> bool {
    rules.iter().any(|r| match r {
        Rule::Gated(g) if !std::ptr::eq(g, own) => super::repair::forbids(g, ctx, m, v),
        _ => false,
    })
}

fn gated(g: &Gate, rules: &[Rule], ctx: &Context) -> Vec<CrossMiss> {
    let account = ctx.account();
    match g {
        // A member that needs a permission the account lacks, set; the requiring members of a
        // `Requires` rule (the bank sub-checks) are asked for through the required one alone,
        // since on their own they also earn that rule's finding.
        Gate::Permissions(gated) => {
            let requiring = |m: MemberId| {
                rules.iter().any(|r| match r {
                    Rule::Requires(req) => req.members.contains(&m),
                    _ => false,
                })
            };
            gated
                .iter()
                .filter(|&&(m, p, _)| {
                    !requiring(m)
                        && account.permission(p) == Some(false)
                        && !other_forbids(g, rules, ctx, m, &true.into())
                })
                .map(|&(m, permission, _)| {
                    let f = Finding::error(crate::diag::Kind::MissingPermission { permission });
                    at(m, &f, vec![(m, sample(m))])
                })
                .collect()
        }
        // Each feature the environment lacks, turned on; not those a permission also forbids.
        Gate::Features(features) => features
            .iter()
            .filter(|&&m| {
                account.lacks_feature(m) && !other_forbids(g, rules, ctx, m, &true.into())
            })
            .map(|&m| {
                let f = Finding::error(crate::diag::Kind::FeatureNotInEnvironment);
                at(m, &f, vec![(m, true.into())])
            })
            .collect(),
    }
}
