//! The bank sub-checks need the bank step (verifyBank).

use super::{flag, CrossMiss, Members};
use super::{report_at, CrossRule, Facts, Scalar};
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

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[VERIFY_BANK, SUB_CHECKS[0], SUB_CHECKS[1], SUB_CHECKS[2]]),
    check,
    schema: Some(schema),
    involves: &[VERIFY_BANK, SUB_CHECKS[0], SUB_CHECKS[1], SUB_CHECKS[2]],
    keep,
    misses,
};

fn check(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    let main = facts.get(VERIFY_BANK).map(|f| f.scalar);
    facts.each_true(&SUB_CHECKS, |m, fact| {
        let finding = match main {
            Some(Scalar::Bool(false)) => Finding::error(Kind::RequiresVerifyBank),
            None | Some(Scalar::Null) => Finding::warning(Kind::VerifyBankNotSet),
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

/// A sub-check asked for turns verifyBank on.
fn keep(members: &mut Members, _ctx: &Context) {
    if SUB_CHECKS.iter().any(|&m| flag(members, m) == Some(true)) {
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
