//! The legacy utilityBill switch and additionalSteps must not be combined (idenfy-facts §8).

use super::repair::flag;
use super::{report_at, Facts, Scalar};
use super::{CrossMiss, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const UTILITY_BILL: MemberId = member("utilityBill");
const ADDITIONAL_STEPS: MemberId = member("additionalSteps");

pub(super) const RULE: super::vocab::Custom = super::vocab::Custom {
    reads: super::vocab::reads(&[UTILITY_BILL]),
    check,
    schema: None,
    involves: &[UTILITY_BILL, ADDITIONAL_STEPS],
    keep,
    misses,
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

/// With additional steps, the utility bill is asked for through them rather than the flag.
fn keep(members: &mut Members, _ctx: &Context) {
    let steps = members
        .get(ADDITIONAL_STEPS.name())
        .is_some_and(|s| !s.is_null());
    if steps && flag(members, UTILITY_BILL) == Some(true) {
        members.insert(UTILITY_BILL.name().into(), false.into());
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    let steps = serde_json::json!({"ALL": {"ALL": {"UTILITY_BILL": {"type": "UPLOAD"}}}});
    vec![CrossMiss::at(
        UTILITY_BILL,
        Code::UtilityBillWithAdditionalSteps,
        Severity::Warning,
        vec![(UTILITY_BILL, true.into()), (ADDITIONAL_STEPS, steps)],
    )]
}
