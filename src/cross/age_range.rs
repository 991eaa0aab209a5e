//! ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.

use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const AGE_LIMIT: MemberId = member("ageLimit");
const AGE_MAX: MemberId = member("ageMax");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[AGE_LIMIT, AGE_MAX]),
    check,
    schema: None,
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
