//! "You can only override features, parameters, and variables available in your environment":
//! with the partner profile's list of features, turning on another is an error. Silent where
//! the profile does not list the environment's features.

use super::{CrossMiss, CrossRule, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity};
use crate::profile::holds;
use crate::spec::catalogue::{member, MemberId};
use crate::spec::profile::FEATURES;

const IDS: [MemberId; FEATURES.len()] = {
    let mut out = [member("clientId"); FEATURES.len()];
    let mut i = 0;
    while i < FEATURES.len() {
        out[i] = member(FEATURES[i]);
        i += 1;
    }
    out
};

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&IDS),
    check,
    schema: None,
    // Each member on its own: no other member changes what the rule says of it.
    involves: &[],
    keep,
    misses,
};

/// Whether the profile says the environment lacks the feature `m` (false for a member that is
/// no feature, and where the profile does not list the features).
pub(crate) fn forbids(ctx: &Context, m: MemberId) -> bool {
    let Some(features) = ctx.profile().and_then(|p| p.features.as_ref()) else {
        return false;
    };
    IDS.contains(&m) && !holds(features, m.name())
}

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    if ctx.profile().is_none_or(|p| p.features.is_none()) {
        return;
    }
    facts.each_true(&IDS, |m, fact| {
        if forbids(ctx, m) {
            let f = Finding::error(Kind::FeatureNotInEnvironment);
            super::report_at(out, m, fact, f);
        }
    });
}

/// A feature the environment lacks is switched off.
fn keep(members: &mut Members, ctx: &Context) {
    for m in IDS {
        if super::flag(members, m) == Some(true) && forbids(ctx, m) {
            members.insert(m.name().into(), false.into());
        }
    }
}

/// Each feature the environment lacks, turned on; not those a permission also forbids.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    IDS.iter()
        .filter(|&&m| forbids(ctx, m) && !super::permissions::forbids(ctx, m, &true.into()))
        .map(|&m| {
            CrossMiss::at(
                m,
                Code::FeatureNotInEnvironment,
                Severity::Error,
                vec![(m, true.into())],
            )
        })
        .collect()
}
