//! The 8-digit mobile code may not outlive the account's default expiry (docs: "digitString").

use super::{effective_flag, CrossMiss, Members};
use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const GENERATE_DIGIT_STRING: MemberId = member("generateDigitString");
const EXPIRY_TIME: MemberId = member("expiryTime");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[GENERATE_DIGIT_STRING, EXPIRY_TIME]),
    check,
    schema: Some(schema),
    involves: &[GENERATE_DIGIT_STRING, EXPIRY_TIME],
    keep,
    misses,
};

/// generateDigitString may be on by the partner profile's default, and the limit its own.
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some((true, from)) = facts.effective_bool(GENERATE_DIGIT_STRING, ctx) else {
        return;
    };
    let Some((expiry, fact)) = facts.int(EXPIRY_TIME) else {
        return;
    };
    let (max, profile) = ctx.digit_string_limit();
    let max = i64::from(max);
    if expiry > max {
        let f = Finding::error(Kind::DigitStringExpiryTooLong {
            max,
            by_default: from.by_default(),
            profile,
        });
        report_at(out, EXPIRY_TIME, fact, f);
    }
}

/// The same rule as JSON Schema, for an account with the documented default expiry.
fn schema() -> serde_json::Value {
    let name = GENERATE_DIGIT_STRING.name();
    serde_json::json!({
        "if": {"properties": {name: {"const": true}}, "required": [name]},
        "then": {"properties": {EXPIRY_TIME.name(): {
            "type": ["integer", "null"],
            "maximum": crate::context::DEFAULT_EXPIRY_TIME
        }}}
    })
}

/// With a digit string, an expiry beyond the account's default comes down to it.
fn keep(members: &mut Members, ctx: &Context) {
    let expiry = members
        .get(EXPIRY_TIME.name())
        .and_then(serde_json::Value::as_i64);
    let max = i64::from(ctx.digit_string_limit().0);
    if effective_flag(members, GENERATE_DIGIT_STRING, ctx) == Some(true)
        && expiry.is_some_and(|e| e > max)
    {
        members.insert(EXPIRY_TIME.name().into(), max.into());
    }
}

/// One second past the account's default, where the member's own bound leaves room for it.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    let over = i64::from(ctx.digit_string_limit().0) + 1;
    let fits = match EXPIRY_TIME.member().shape {
        crate::spec::Shape::Int(b) => b.max.is_none_or(|m| over <= m),
        _ => false,
    };
    fits.then(|| {
        CrossMiss::at(
            EXPIRY_TIME,
            Code::DigitStringExpiryTooLong,
            Severity::Error,
            vec![
                (GENERATE_DIGIT_STRING, true.into()),
                (EXPIRY_TIME, over.into()),
            ],
        )
    })
    .into_iter()
    .collect()
}
