//! The bank sub-checks need the bank step (verifyBank).

use crate::engine::{Scalar, Walk};
use crate::violation::{Code, Finding};

const SUB_CHECKS: [&str; 3] = [
    "verifyBankAccounts",
    "verifyBankBalances",
    "verifyBankTransactions",
];

pub(super) fn check(walk: &mut Walk<'_>) {
    let main = walk.facts.get("verifyBank").map(|f| f.scalar);
    for name in SUB_CHECKS {
        let Some((true, fact)) = walk.facts.bool(name) else {
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
