//! The 8-digit mobile code may not outlive the account's default expiry (docs: "digitString").

use super::{report_at, CrossRule, Facts};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};

const GENERATE_DIGIT_STRING: MemberId = member("generateDigitString");
const EXPIRY_TIME: MemberId = member("expiryTime");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[GENERATE_DIGIT_STRING]),
    check,
    schema: Some(schema),
};

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    if !matches!(facts.bool(GENERATE_DIGIT_STRING), Some((true, _))) {
        return;
    }
    let Some((expiry, fact)) = facts.int(EXPIRY_TIME) else {
        return;
    };
    let max = i64::from(ctx.default_expiry_time);
    if expiry > max {
        let f = Finding::error(Kind::DigitStringExpiryTooLong { max });
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
