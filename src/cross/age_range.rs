//! ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.

use super::{effective, CrossMiss, Members};
use super::{report_at, CrossRule, Facts, Source};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const AGE_LIMIT: MemberId = member("ageLimit");
const AGE_MAX: MemberId = member("ageMax");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[AGE_LIMIT, AGE_MAX]),
    check,
    schema: None,
    involves: &[AGE_LIMIT, AGE_MAX],
    keep,
    misses,
};

/// Either age may be the partner profile's default; the violation is at the one the request
/// sets (ageLimit when it sets both).
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let (Some((min, min_from)), Some((max, max_from))) = (
        facts.effective_int(AGE_LIMIT, ctx),
        facts.effective_int(AGE_MAX, ctx),
    ) else {
        return;
    };
    let at = match (min_from, max_from) {
        (Source::Request, _) => AGE_LIMIT,
        (Source::Default, Source::Request) => AGE_MAX,
        (Source::Default, Source::Default) => return,
    };
    if min > max {
        let by_default = min_from.by_default() || max_from.by_default();
        if let Some(fact) = facts.get(at) {
            report_at(
                out,
                at,
                fact,
                Finding::warning(Kind::AgeLimitAboveAgeMax { by_default }),
            );
        }
    }
}

/// An age limit above the maximum age is swapped with it; against a default, the request's age
/// takes the default's value.
fn keep(members: &mut Members, ctx: &Context) {
    let int = |m: MemberId| effective(members, m, ctx).and_then(serde_json::Value::as_i64);
    if let (Some(min), Some(max)) = (int(AGE_LIMIT), int(AGE_MAX)) {
        if min > max {
            let set = |m: MemberId| members.get(m.name()).is_some_and(|v| !v.is_null());
            match (set(AGE_LIMIT), set(AGE_MAX)) {
                (true, true) => {
                    members.insert(AGE_LIMIT.name().into(), max.into());
                    members.insert(AGE_MAX.name().into(), min.into());
                }
                (true, false) => {
                    members.insert(AGE_LIMIT.name().into(), max.into());
                }
                (false, _) => {
                    members.insert(AGE_MAX.name().into(), min.into());
                }
            }
        }
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    vec![CrossMiss::at(
        AGE_LIMIT,
        Code::AgeLimitAboveAgeMax,
        Severity::Warning,
        vec![(AGE_LIMIT, 30.into()), (AGE_MAX, 29.into())],
    )]
}
