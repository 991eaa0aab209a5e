//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use crate::catalogue::{member, Member};
use crate::engine::Walk;
use crate::violation::{Code, Finding};

const AUTO_FACE_MATCHING: Member = member("autoFaceMatching");
const DISABLED: [Member; 5] = [
    member("checkLiveness"),
    member("checkFaceBlacklist"),
    member("checkDuplicateDocFaces"),
    member("checkDocFaceBlacklist"),
    member("checkDuplicateFaces"),
];

pub(super) fn check(walk: &mut Walk<'_>) {
    if !matches!(walk.facts.bool(AUTO_FACE_MATCHING), Some((false, _))) {
        return;
    }
    for m in DISABLED {
        let name = m.name();
        if let Some((true, fact)) = walk.facts.bool(m) {
            let at = fact.loc();
            let f = Finding::warning(
                Code::DisabledByAutoFaceMatching,
                format!("{name} is true, but autoFaceMatching false disables it"),
            );
            walk.report(&at, f, None);
        }
    }
}
