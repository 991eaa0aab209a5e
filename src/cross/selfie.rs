//! tokenType DOCUMENT captures the document only: checks on the selfie's face have nothing to
//! look at, so asking for them is a mistake in the flow or in the flags.

use super::{report_at, CrossRule, Facts, Forcing, When};
use super::{CrossMiss, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const TOKEN_TYPE: MemberId = member("tokenType");
/// The checks that need the selfie (the document-photo checks, checkDocFaceBlacklist and
/// checkDuplicateDocFaces, work without one).
const FACE_CHECKS: [MemberId; 5] = [
    member("checkLiveness"),
    member("idLiveFaceValidation"),
    member("checkFaceBlacklist"),
    member("checkDuplicateFaces"),
    member("autoFaceMatching"),
];

/// tokenType DOCUMENT turns the checks that need the selfie off: `explain` shows them forced,
/// and this rule reads the same record.
pub(super) const FORCING: Forcing = Forcing {
    by: TOKEN_TYPE,
    when: When::Choice("DOCUMENT"),
    forced: &FACE_CHECKS,
    to: false,
};

/// The trigger and the checks it concerns: the rule runs when any is present, since the
/// trigger may be the partner profile's default.
const INVOLVES: [MemberId; 6] = [
    TOKEN_TYPE,
    FACE_CHECKS[0],
    FACE_CHECKS[1],
    FACE_CHECKS[2],
    FACE_CHECKS[3],
    FACE_CHECKS[4],
];

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&INVOLVES),
    check,
    schema: None,
    involves: &INVOLVES,
    keep,
    misses,
};

/// tokenType may be DOCUMENT by the partner profile's default.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    if let Some(from) = FORCING.decides(facts, ctx) {
        let by_default = from.by_default();
        FORCING.each_against(facts, |m, fact| {
            let f = Finding::warning(Kind::FaceCheckWithoutSelfie { by_default });
            report_at(out, m, fact, f);
        });
    }
}

/// Without a selfie (tokenType DOCUMENT), the checks that need one are not asked for.
fn keep(members: &mut Members, ctx: &Context) {
    FORCING.keep(members, ctx);
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    FORCING.misses(Code::FaceCheckWithoutSelfie, Severity::Warning)
}
