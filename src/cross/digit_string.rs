//! The 8-digit mobile code may not outlive the account's default expiry (docs: "digitString").

use crate::catalogue::{member, Member};
use crate::engine::Walk;
use crate::violation::{Code, Finding};

const GENERATE_DIGIT_STRING: Member = member("generateDigitString");
const EXPIRY_TIME: Member = member("expiryTime");

pub(super) fn check(walk: &mut Walk<'_>) {
    if !matches!(walk.facts.bool(GENERATE_DIGIT_STRING), Some((true, _))) {
        return;
    }
    let Some((expiry, fact)) = walk.facts.int(EXPIRY_TIME) else {
        return;
    };
    let limit = walk.ctx.default_expiry_time;
    if expiry > i128::from(limit) {
        let at = fact.loc();
        let f = Finding::error(
            Code::DigitStringExpiryTooLong,
            format!("with generateDigitString true, expiryTime may not exceed the default expiry of {limit} seconds"),
        )
        .with("max", limit);
        walk.report(&at, f, None);
    }
}

/// The same rule as JSON Schema, for an account with the documented default expiry.
pub(super) fn schema() -> serde_json::Value {
    let name = GENERATE_DIGIT_STRING.name();
    serde_json::json!({
        "if": {"properties": {name: {"const": true}}, "required": [name]},
        "then": {"properties": {EXPIRY_TIME.name(): {
            "type": ["integer", "null"],
            "maximum": crate::context::DEFAULT_EXPIRY_TIME
        }}}
    })
}
