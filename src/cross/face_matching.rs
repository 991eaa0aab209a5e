//! autoFaceMatching false also disables five checks (docs); asking for them anyway is a mistake.

use crate::engine::Walk;
use crate::violation::{Code, Finding};

const DISABLED: [&str; 5] = [
    "checkLiveness",
    "checkFaceBlacklist",
    "checkDuplicateDocFaces",
    "checkDocFaceBlacklist",
    "checkDuplicateFaces",
];

pub(super) fn check(walk: &mut Walk<'_>) {
    if !matches!(walk.facts.bool("autoFaceMatching"), Some((false, _))) {
        return;
    }
    for name in DISABLED {
        if let Some((true, fact)) = walk.facts.bool(name) {
            let at = fact.loc();
            let f = Finding::warning(
                Code::DisabledByAutoFaceMatching,
                format!("{name} is true, but autoFaceMatching false disables it"),
            );
            walk.report(&at, f, None);
        }
    }
}
