//! The legacy utilityBill switch and additionalSteps must not be combined (idenfy-facts §8).

use super::{report_at, CrossRule, Facts, Scalar};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const UTILITY_BILL: MemberId = member("utilityBill");
const ADDITIONAL_STEPS: MemberId = member("additionalSteps");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[UTILITY_BILL]),
    check,
    schema: None,
};

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    let Some((true, fact)) = facts.bool(UTILITY_BILL) else {
        return;
    };
    let steps = facts.get(ADDITIONAL_STEPS).map(|f| f.scalar);
    if matches!(steps, Some(s) if s != Scalar::Null) {
        let f = Finding::warning(Kind::UtilityBillWithAdditionalSteps);
        report_at(out, UTILITY_BILL, fact, f);
    }
}
