//! nfcRequired and nfcOptional contradict each other; the server lets required win, so the
//! optional flag is dead weight and the sender probably meant only one of them.

use super::{effective_flag, flag, CrossMiss, Members};
use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const NFC_REQUIRED: MemberId = member("nfcRequired");
const NFC_OPTIONAL: MemberId = member("nfcOptional");

/// nfcRequired true wins: the scan is no longer optional.
pub(super) const FORCING: super::Forcing = super::Forcing {
    by: NFC_REQUIRED,
    when: true,
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
    if let (Some((true, from)), Some((true, optional))) = (
        facts.effective_bool(NFC_REQUIRED, ctx),
        facts.bool(NFC_OPTIONAL),
    ) {
        let by_default = from.by_default();
        let f = Finding::warning(Kind::NfcRequiredAndOptional { by_default });
        report_at(out, NFC_OPTIONAL, optional, f);
    }
}

/// NFC required wins over NFC optional.
fn keep(members: &mut Members, ctx: &Context) {
    if effective_flag(members, NFC_REQUIRED, ctx) == Some(true)
        && flag(members, NFC_OPTIONAL) == Some(true)
    {
        members.insert(NFC_OPTIONAL.name().into(), false.into());
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    vec![CrossMiss::at(
        NFC_OPTIONAL,
        Code::NfcRequiredAndOptional,
        Severity::Warning,
        vec![(NFC_REQUIRED, true.into()), (NFC_OPTIONAL, true.into())],
    )]
}
