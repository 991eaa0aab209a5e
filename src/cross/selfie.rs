//! tokenType DOCUMENT captures the document only: checks on the selfie's face have nothing to
//! look at, so asking for them is a mistake in the flow or in the flags.

use super::{report_at, CrossRule, Facts, Scalar};
use super::{turn_off, CrossMiss, Members};
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

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[TOKEN_TYPE]),
    check,
    schema: None,
    involves: &[
        TOKEN_TYPE,
        FACE_CHECKS[0],
        FACE_CHECKS[1],
        FACE_CHECKS[2],
        FACE_CHECKS[3],
        FACE_CHECKS[4],
    ],
    keep,
    misses,
};

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    let document_only = facts
        .get(TOKEN_TYPE)
        .is_some_and(|f| f.scalar == Scalar::Choice("DOCUMENT"));
    if document_only {
        facts.each_true(&FACE_CHECKS, |m, fact| {
            report_at(out, m, fact, Finding::warning(Kind::FaceCheckWithoutSelfie));
        });
    }
}

/// Without a selfie (tokenType DOCUMENT), the checks that need one are not asked for.
fn keep(members: &mut Members, _ctx: &Context) {
    let document_only = members
        .get(TOKEN_TYPE.name())
        .and_then(serde_json::Value::as_str)
        == Some("DOCUMENT");
    if document_only {
        turn_off(members, &FACE_CHECKS);
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    CrossMiss::each_on(
        &FACE_CHECKS,
        (TOKEN_TYPE, "DOCUMENT".into()),
        Code::FaceCheckWithoutSelfie,
        Severity::Warning,
    )
}
