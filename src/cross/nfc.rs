//! nfcRequired and nfcOptional contradict each other; the server lets required win, so the
//! optional flag is dead weight and the sender probably meant only one of them.

use super::{report_at, CrossRule, Facts, Forcing, When};
use super::{CrossMiss, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const NFC_REQUIRED: MemberId = member("nfcRequired");
const NFC_OPTIONAL: MemberId = member("nfcOptional");

/// nfcRequired true wins: the scan is no longer optional.
pub(super) const FORCING: Forcing = Forcing {
    by: NFC_REQUIRED,
    when: When::Flag(true),
    forced: &[NFC_OPTIONAL],
    to: false,
};

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[NFC_OPTIONAL]),
    check,
    schema: None,
    involves: &[NFC_REQUIRED, NFC_OPTIONAL],
    keep,
    misses,
};

/// nfcRequired may be on by the partner profile's default.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    if let Some(from) = FORCING.decides(facts, ctx) {
        let by_default = from.by_default();
        FORCING.each_against(facts, |m, fact| {
            let f = Finding::warning(Kind::NfcRequiredAndOptional { by_default });
            report_at(out, m, fact, f);
        });
    }
}

/// NFC required wins over NFC optional.
fn keep(members: &mut Members, ctx: &Context) {
    FORCING.keep(members, ctx);
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    FORCING.misses(Code::NfcRequiredAndOptional, Severity::Warning)
}
