//! The bank sub-checks need the bank step (verifyBank).

use crate::catalogue::{member, Member};
use crate::engine::{Scalar, Walk};
use crate::violation::{Code, Finding};

const VERIFY_BANK: Member = member("verifyBank");
const SUB_CHECKS: [Member; 3] = [
    member("verifyBankAccounts"),
    member("verifyBankBalances"),
    member("verifyBankTransactions"),
];

pub(super) fn check(walk: &mut Walk<'_>) {
    let main = walk.facts.get(VERIFY_BANK).map(|f| f.scalar);
    for m in SUB_CHECKS {
        let name = m.name();
        let Some((true, fact)) = walk.facts.bool(m) else {
            continue;
        };
        let at = fact.loc();
        let finding = match main {
            Some(Scalar::Bool(false)) => Finding::error(
                Code::RequiresVerifyBank,
                format!("{name} needs verifyBank, which this request sets to false"),
            ),
            None | Some(Scalar::Null) => Finding::warning(
                Code::VerifyBankNotSet,
                format!("{name} needs verifyBank; it is not set here, so it depends on the account setting"),
            ),
            _ => continue,
        };
        walk.report(&at, finding, None);
    }
}

/// The same rule as JSON Schema: with `verifyBank: false`, no sub-check may be `true`. (The
/// warning for an absent verifyBank has no JSON Schema form.)
pub(super) fn schema() -> serde_json::Value {
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
