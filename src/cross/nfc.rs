//! nfcRequired and nfcOptional contradict each other; the server lets required win, so the
//! optional flag is dead weight and the sender probably meant only one of them.

use crate::catalogue::{member, Member};
use crate::engine::Walk;
use crate::violation::{Code, Finding};

const NFC_REQUIRED: Member = member("nfcRequired");
const NFC_OPTIONAL: Member = member("nfcOptional");

pub(super) fn check(walk: &mut Walk<'_>) {
    let (Some((true, _)), Some((true, optional))) =
        (walk.facts.bool(NFC_REQUIRED), walk.facts.bool(NFC_OPTIONAL))
    else {
        return;
    };
    let at = optional.loc();
    let f = Finding::warning(
        Code::NfcRequiredAndOptional,
        "nfcOptional and nfcRequired are both true; required wins, so an NFC scan the client cannot do denies the verification",
    );
    walk.report(&at, f, None);
}
