//! nfcRequired and nfcOptional contradict each other; the server lets required win, so the
//! optional flag is dead weight and the sender probably meant only one of them.

use super::{flag, CrossMiss, Members};
use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const NFC_REQUIRED: MemberId = member("nfcRequired");
const NFC_OPTIONAL: MemberId = member("nfcOptional");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[NFC_OPTIONAL]),
    check,
    schema: None,
    involves: &[NFC_REQUIRED, NFC_OPTIONAL],
    keep,
    misses,
};

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    if let (Some((true, _)), Some((true, optional))) =
        (facts.bool(NFC_REQUIRED), facts.bool(NFC_OPTIONAL))
    {
        let f = Finding::warning(Kind::NfcRequiredAndOptional);
        report_at(out, NFC_OPTIONAL, optional, f);
    }
}

/// NFC required wins over NFC optional.
fn keep(members: &mut Members, _ctx: &Context) {
    if flag(members, NFC_REQUIRED) == Some(true) && flag(members, NFC_OPTIONAL) == Some(true) {
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
