//! ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.

use crate::catalogue::{member, Member};
use crate::engine::Walk;
use crate::violation::{Code, Finding};

const AGE_LIMIT: Member = member("ageLimit");
const AGE_MAX: Member = member("ageMax");

pub(super) fn check(walk: &mut Walk<'_>) {
    let (Some((min, at)), Some((max, _))) = (walk.facts.int(AGE_LIMIT), walk.facts.int(AGE_MAX))
    else {
        return;
    };
    if min > max {
        let at = at.loc();
        let f = Finding::error(
            Code::AgeLimitAboveAgeMax,
            "ageLimit is greater than ageMax, so no client can pass",
        );
        walk.report(&at, f, None);
    }
}
