//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
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
