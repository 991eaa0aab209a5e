//! The legacy utilityBill switch and additionalSteps must not be combined (idenfy-facts §8).

use crate::catalogue::{member, Member};
use crate::engine::{Scalar, Walk};
use crate::violation::{Code, Finding};

const UTILITY_BILL: Member = member("utilityBill");
const ADDITIONAL_STEPS: Member = member("additionalSteps");

pub(super) fn check(walk: &mut Walk<'_>) {
    let Some((true, fact)) = walk.facts.bool(UTILITY_BILL) else {
        return;
    };
    let steps = walk.facts.get(ADDITIONAL_STEPS).map(|f| f.scalar);
    if matches!(steps, Some(s) if s != Scalar::Null) {
        let at = fact.loc();
        let f = Finding::warning(
            Code::UtilityBillWithAdditionalSteps,
            "utilityBill true cannot be combined with additionalSteps; define a UTILITY_BILL step instead",
        );
        walk.report(&at, f, None);
    }
}
