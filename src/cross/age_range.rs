//! ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.

use crate::engine::Walk;
use crate::violation::{Code, Finding};

pub(super) fn check(walk: &mut Walk<'_>) {
    let (Some((min, at)), Some((max, _))) = (walk.facts.int("ageLimit"), walk.facts.int("ageMax"))
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
