//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use super::{flag, turn_off, CrossMiss, Members};
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

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[AUTO_FACE_MATCHING]),
    check,
    schema: None,
    involves: &[
        AUTO_FACE_MATCHING,
        DISABLED[0],
        DISABLED[1],
        DISABLED[2],
        DISABLED[3],
        DISABLED[4],
    ],
    keep,
    misses,
};

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    if !matches!(facts.bool(AUTO_FACE_MATCHING), Some((false, _))) {
        return;
    }
    facts.each_true(&DISABLED, |m, fact| {
        report_at(
            out,
            m,
            fact,
            Finding::warning(Kind::DisabledByAutoFaceMatching),
        );
    });
}

/// With autoFaceMatching off, the checks it turns off are not asked for.
fn keep(members: &mut Members, _ctx: &Context) {
    if flag(members, AUTO_FACE_MATCHING) == Some(false) {
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
