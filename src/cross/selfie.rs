//! tokenType DOCUMENT captures the document only: checks on the selfie's face have nothing to
//! look at, so asking for them is a mistake in the flow or in the flags.

use crate::catalogue::{member, Member};
use crate::engine::{Scalar, Walk};
use crate::violation::{Code, Finding};

const TOKEN_TYPE: Member = member("tokenType");
/// The checks that need the selfie (the document-photo checks, checkDocFaceBlacklist and
/// checkDuplicateDocFaces, work without one).
pub(crate) const FACE_CHECKS: [Member; 5] = [
    member("checkLiveness"),
    member("idLiveFaceValidation"),
    member("checkFaceBlacklist"),
    member("checkDuplicateFaces"),
    member("autoFaceMatching"),
];

pub(super) fn check(walk: &mut Walk<'_>) {
    let document_only = walk
        .facts
        .get(TOKEN_TYPE)
        .is_some_and(|f| f.scalar == Scalar::Choice("DOCUMENT"));
    if !document_only {
        return;
    }
    for m in FACE_CHECKS {
        let name = m.name();
        if let Some((true, fact)) = walk.facts.bool(m) {
            let at = fact.loc();
            let f = Finding::warning(
                Code::FaceCheckWithoutSelfie,
                format!("{name} is true, but tokenType DOCUMENT takes no selfie, so there is no face to check"),
            );
            walk.report(&at, f, None);
        }
    }
}
