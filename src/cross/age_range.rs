//! ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.

use super::{report_at, CrossRule, Facts};
use super::{CrossMiss, Members};
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

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    let (Some((min, at)), Some((max, _))) = (facts.int(AGE_LIMIT), facts.int(AGE_MAX)) else {
        return;
    };
    if min > max {
        report_at(
            out,
            AGE_LIMIT,
            at,
            Finding::error(Kind::AgeLimitAboveAgeMax),
        );
    }
}

/// An age limit above the maximum age is swapped with it.
fn keep(members: &mut Members, _ctx: &Context) {
    let int = |m: MemberId| members.get(m.name()).and_then(serde_json::Value::as_i64);
    if let (Some(min), Some(max)) = (int(AGE_LIMIT), int(AGE_MAX)) {
        if min > max {
            members.insert(AGE_LIMIT.name().into(), max.into());
            members.insert(AGE_MAX.name().into(), min.into());
        }
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    vec![CrossMiss::at(
        AGE_LIMIT,
        Code::AgeLimitAboveAgeMax,
        Severity::Error,
        vec![(AGE_LIMIT, 30.into()), (AGE_MAX, 29.into())],
    )]
}
