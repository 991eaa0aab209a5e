//! Members the account may set only with a permission (docs: reviewFailed "Requires
//! 'review_failed_edit' permission", verifyBank "Requires partner packet permission",
//! callbackUrl "Only works if callback override enabled for partner", …). Silent where the
//! partner profile does not say whether the account has the permission.

use super::{CrossMiss, CrossRule, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity};
use crate::json::Value;
use crate::profile::Permission;
use crate::spec::catalogue::{member, MemberId};

/// What of a member's value needs the permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Needs {
    /// Any value but `null` (and `{}`): setting it either way overrides the partner's setting.
    Set,
    /// `true`: turning the feature off needs nothing.
    True,
}

/// Each member that needs a permission, with the permission.
const GATED: [(MemberId, Permission, Needs); 9] = [
    (
        member("reviewFailed"),
        Permission::ReviewFailedEdit,
        Needs::Set,
    ),
    (
        member("reviewSuccessful"),
        Permission::ReviewSuccessfulEdit,
        Needs::Set,
    ),
    (member("verifyBank"), Permission::BankPacket, Needs::True),
    (
        member("verifyBankAccounts"),
        Permission::BankPacket,
        Needs::True,
    ),
    (
        member("verifyBankBalances"),
        Permission::BankPacket,
        Needs::True,
    ),
    (
        member("verifyBankTransactions"),
        Permission::BankPacket,
        Needs::True,
    ),
    (
        member("generateDigitString"),
        Permission::DigitString,
        Needs::True,
    ),
    (
        member("callbackUrl"),
        Permission::CallbackOverride,
        Needs::Set,
    ),
    (
        member("additionalSteps"),
        Permission::AdditionalSteps,
        Needs::Set,
    ),
];

const MEMBERS: [MemberId; GATED.len()] = {
    let mut out = [GATED[0].0; GATED.len()];
    let mut i = 0;
    while i < GATED.len() {
        out[i] = GATED[i].0;
        i += 1;
    }
    out
};

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&MEMBERS),
    check,
    schema: None,
    // Each member on its own: no other member changes what the rule says of it.
    involves: &[],
    keep,
    misses,
};

/// Whether a checked value asks for what `needs` guards (as JSON, for the checker and the
/// generators alike).
fn asks(value: &Value<'_>, needs: Needs) -> bool {
    asks_json(&value.to_serde(), needs)
}

/// The permission the account lacks for the member `m`, by the profile.
fn lacking(ctx: &Context, m: MemberId) -> Option<Permission> {
    let profile = ctx.profile()?;
    GATED
        .iter()
        .find(|(g, p, _)| *g == m && profile.permissions.get(*p) == Some(false))
        .map(|(_, p, _)| *p)
}

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    for (m, _, needs) in GATED {
        let Some(permission) = lacking(ctx, m) else {
            continue;
        };
        if let Some((value, fact)) = facts.value(m) {
            if asks(value, needs) {
                let f = Finding::error(Kind::MissingPermission { permission });
                super::report_at(out, m, fact, f);
            }
        }
    }
}

/// Whether the JSON value `v` of a gated member asks for its permission: an object (the
/// additional steps, by country and document type) only if it defines a step.
fn asks_json(v: &serde_json::Value, needs: Needs) -> bool {
    fn defines(v: &serde_json::Value, depth: usize) -> bool {
        match v {
            serde_json::Value::Object(m) if depth > 0 => m.values().any(|v| defines(v, depth - 1)),
            serde_json::Value::Object(m) => !m.is_empty(),
            _ => false,
        }
    }
    match (needs, v) {
        (_, serde_json::Value::Null) => false,
        (Needs::True, v) => v.as_bool() == Some(true),
        (Needs::Set, serde_json::Value::Object(_)) => defines(v, 2),
        (Needs::Set, _) => true,
    }
}

/// Whether the profile forbids the member `m` to hold `v` (for generators).
pub(crate) fn forbids(ctx: &Context, m: MemberId, v: &serde_json::Value) -> bool {
    lacking(ctx, m).is_some()
        && GATED
            .iter()
            .any(|(g, _, needs)| *g == m && asks_json(v, *needs))
}

/// The permission the account lacks for a dashboard default `v` of the member `m` that turns on
/// what needs it (`verifyBank: true`, `generateDigitString: true`, …). Not for the members the
/// permission lets a request override (`callbackUrl`, `reviewFailed`, `additionalSteps`): a
/// dashboard setting is what such a permission overrides, so it contradicts nothing.
pub(crate) fn default_lacks(
    ctx: &Context,
    m: MemberId,
    v: &serde_json::Value,
) -> Option<Permission> {
    let permission = lacking(ctx, m)?;
    GATED
        .iter()
        .any(|(g, _, needs)| *g == m && *needs == Needs::True && asks_json(v, Needs::True))
        .then_some(permission)
}

/// A member the account may not set is left out.
fn keep(members: &mut Members, ctx: &Context) {
    for (m, _, _) in GATED {
        if members.get(m.name()).is_some_and(|v| forbids(ctx, m, v)) {
            members.remove(m.name());
        }
    }
}

/// A value of each member the account lacks the permission for, which its own rules accept.
fn sample(m: MemberId) -> serde_json::Value {
    match m.name() {
        "callbackUrl" => "https://example.com/idenfy/callback".into(),
        "additionalSteps" => {
            serde_json::json!({"ALL": {"ALL": {"PROOF_OF_ADDRESS": {"type": "UPLOAD"}}}})
        }
        _ => true.into(),
    }
}

/// The members only the bank packet allows are asked for through verifyBank alone: a sub-check
/// on its own also earns the bank rule's warning.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    GATED
        .iter()
        .filter(|(m, _, _)| !m.name().starts_with("verifyBank") || m.name() == "verifyBank")
        .filter(|(m, _, _)| lacking(ctx, *m).is_some() && !super::features::forbids(ctx, *m))
        .map(|&(m, _, _)| {
            CrossMiss::at(
                m,
                Code::MissingPermission,
                Severity::Error,
                vec![(m, sample(m))],
            )
        })
        .collect()
}
