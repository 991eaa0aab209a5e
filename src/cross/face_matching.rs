//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use super::{effective_flag, turn_off, CrossMiss, Members};
use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const AUTO_FACE_MATCHING: MemberId = member("autoFaceMatching");
const DISABLED: [MemberId; 5] = [
    member("checkLiveness"),
    member("checkFaceBlacklist"),
    member("checkDuplicateDocFaces"),
    member("checkDocFaceBlacklist"),
    member("checkDuplicateFaces"),
];

/// autoFaceMatching false disables the five checks.
pub(super) const FORCING: super::Forcing = super::Forcing {
    by: AUTO_FACE_MATCHING,
    when: false,
    forced: &DISABLED,
    to: false,
};

/// The trigger and the checks it concerns: the rule runs when any is present, since the
/// trigger may be the partner profile's default.
const INVOLVES: [MemberId; 6] = [
    AUTO_FACE_MATCHING,
    DISABLED[0],
    DISABLED[1],
    DISABLED[2],
    DISABLED[3],
    DISABLED[4],
];

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&INVOLVES),
    check,
    schema: None,
    involves: &INVOLVES,
    keep,
    misses,
};

/// autoFaceMatching may be off by the partner profile's default.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some((false, from)) = facts.effective_bool(AUTO_FACE_MATCHING, ctx) else {
        return;
    };
    facts.each_true(&DISABLED, |m, fact| {
        let by_default = from.by_default();
        report_at(
            out,
            m,
            fact,
            Finding::warning(Kind::DisabledByAutoFaceMatching { by_default }),
        );
    });
}

/// With autoFaceMatching off, the checks it turns off are not asked for.
fn keep(members: &mut Members, ctx: &Context) {
    if effective_flag(members, AUTO_FACE_MATCHING, ctx) == Some(false) {
        turn_off(members, &DISABLED);
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    CrossMiss::each_on(
        &DISABLED,
        (AUTO_FACE_MATCHING, false.into()),
        Code::DisabledByAutoFaceMatching,
        Severity::Warning,
    )
}
