//! The bank sub-checks need the bank step (verifyBank).

use super::{effective_flag, flag, CrossMiss, Members};
use super::{report_at, CrossRule, Facts, Source};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const VERIFY_BANK: MemberId = member("verifyBank");
const SUB_CHECKS: [MemberId; 3] = [
    member("verifyBankAccounts"),
    member("verifyBankBalances"),
    member("verifyBankTransactions"),
];

/// verifyBank false leaves its sub-checks nothing to run in.
pub(super) const FORCING: super::Forcing = super::Forcing {
    by: VERIFY_BANK,
    when: super::When::Flag(false),
    forced: &SUB_CHECKS,
    to: false,
};

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[VERIFY_BANK, SUB_CHECKS[0], SUB_CHECKS[1], SUB_CHECKS[2]]),
    check,
    schema: Some(schema),
    involves: &[VERIFY_BANK, SUB_CHECKS[0], SUB_CHECKS[1], SUB_CHECKS[2]],
    keep,
    misses,
};

/// verifyBank left out (or `null`) is the partner profile's default where it states one, and
/// unknown (a warning) where not.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let main = facts.effective_bool(VERIFY_BANK, ctx);
    let unset = facts
        .get(VERIFY_BANK)
        .is_none_or(|f| f.scalar == super::Scalar::Null);
    facts.each_true(&SUB_CHECKS, |m, fact| {
        let finding = match main {
            Some((false, from)) => Finding::error(Kind::RequiresVerifyBank {
                by_default: from == Source::Default,
            }),
            None if unset => Finding::warning(Kind::VerifyBankNotSet),
            _ => return,
        };
        report_at(out, m, fact, finding);
    });
}

/// The same rule as JSON Schema: with `verifyBank: false`, no sub-check may be `true`. (The
/// warning for an absent verifyBank has no JSON Schema form.)
fn schema() -> serde_json::Value {
    let subs: serde_json::Map<String, serde_json::Value> = SUB_CHECKS
        .iter()
        .map(|m| {
            (
                m.name().to_owned(),
                serde_json::json!({"not": {"const": true}}),
            )
        })
        .collect();
    serde_json::json!({
        "if": {"properties": {VERIFY_BANK.name(): {"const": false}}, "required": [VERIFY_BANK.name()]},
        "then": {"properties": subs}
    })
}

/// A sub-check asked for turns verifyBank on (unless the profile's default already does).
fn keep(members: &mut Members, ctx: &Context) {
    if SUB_CHECKS.iter().any(|&m| flag(members, m) == Some(true))
        && effective_flag(members, VERIFY_BANK, ctx) != Some(true)
    {
        members.insert(VERIFY_BANK.name().into(), true.into());
    }
}

fn misses(_ctx: &Context) -> Vec<CrossMiss> {
    SUB_CHECKS
        .iter()
        .flat_map(|&sub| {
            [
                CrossMiss::at(
                    sub,
                    Code::RequiresVerifyBank,
                    Severity::Error,
                    vec![(VERIFY_BANK, false.into()), (sub, true.into())],
                ),
                CrossMiss::at(
                    sub,
                    Code::VerifyBankNotSet,
                    Severity::Warning,
                    vec![(sub, true.into())],
                ),
            ]
        })
        .collect()
}
