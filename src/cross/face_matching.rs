//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use super::{report_at, CrossRule, Facts, Forcing, When};
use super::{CrossMiss, Members};
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
pub(super) const FORCING: Forcing = Forcing {
    by: AUTO_FACE_MATCHING,
    when: When::Flag(false),
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
    let Some(from) = FORCING.decides(facts, ctx) else {
        return;
    };
    let by_default = from.by_default();
    FORCING.each_against(facts, |m, fact| {
        let f = Finding::warning(Kind::DisabledByAutoFaceMatching { by_default });
        report_at(out, m, fact, f);
    });
}

/// With autoFaceMatching off, the checks it turns off are not asked for.
fn keep(members: &mut Members, ctx: &Context) {
    FORCING.keep(members, ctx);
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    FORCING.misses(Code::DisabledByAutoFaceMatching, Severity::Warning)
}
