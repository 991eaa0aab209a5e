//! In an iFrame flow (partner profile) the client never leaves the partner's page, so the
//! redirect URLs are not used: setting one suggests the flow is not what the sender thinks.

use super::{CrossMiss, CrossRule, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity};
use crate::profile::Flow;
use crate::spec::catalogue::{member, MemberId};

const REDIRECTS: [MemberId; 3] = [
    member("successUrl"),
    member("errorUrl"),
    member("unverifiedUrl"),
];

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&REDIRECTS),
    check,
    schema: None,
    // Each member on its own: no other member changes what the rule says of it.
    involves: &[],
    keep,
    misses,
};

fn iframe(ctx: &Context) -> bool {
    ctx.profile().and_then(|p| p.flow) == Some(Flow::Iframe)
}

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    if !iframe(ctx) {
        return;
    }
    for m in REDIRECTS {
        if let Some((crate::json::Value::String(_), fact)) = facts.value(m) {
            super::report_at(out, m, fact, Finding::warning(Kind::IgnoredInIframe));
        }
    }
}

fn keep(members: &mut Members, ctx: &Context) {
    if iframe(ctx) {
        for m in REDIRECTS {
            if members
                .get(m.name())
                .is_some_and(serde_json::Value::is_string)
            {
                members.remove(m.name());
            }
        }
    }
}

fn misses(ctx: &Context) -> Vec<CrossMiss> {
    if !iframe(ctx) {
        return Vec::new();
    }
    REDIRECTS
        .iter()
        .map(|&m| {
            CrossMiss::at(
                m,
                Code::IgnoredInIframe,
                Severity::Warning,
                vec![(m, "https://example.com/done".into())],
            )
        })
        .collect()
}
