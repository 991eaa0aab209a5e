//! The schema interpreter of the vocabulary: each rule JSON Schema can say, as an `if`/`then`
//! fragment for the account the published schema describes (the documented defaults, no
//! partner profile). JSON Schema has no warnings, so only rules whose finding is an error have
//! one; a rule that depends on the partner profile (a set, a gate, a flow) has none.

use super::vocab::{Forcing, Rule};
use crate::diag::Severity;
use serde_json::{json, Map, Value};

/// The fragment of `rule`, if JSON Schema can say it.
pub(crate) fn fragment(rule: &Rule) -> Option<Value> {
    match rule {
        Rule::Forces(_) | Rule::Requires(_) => rule.forcing().and_then(|f| forced(&f)),
        Rule::CappedBy(c) => {
            let f = (c.finding)(i64::from(c.documented), false, false);
            (f.severity == Severity::Error).then(|| {
                let when = c.when.name();
                json!({
                    "if": {"properties": {when: {"const": true}}, "required": [when]},
                    "then": {"properties": {c.member.name(): {
                        "type": ["integer", "null"],
                        "maximum": c.documented
                    }}}
                })
            })
        }
        Rule::Custom(c) => c.schema.map(|s| s()),
        Rule::AtMost(_) | Rule::InSet(_) | Rule::Gated(_) | Rule::IgnoredInFlow(_) => None,
    }
}

/// With the deciding value sent, no forced member may be sent against it (what the request
/// sends: JSON Schema cannot know the profile's defaults).
fn forced(f: &Forcing) -> Option<Value> {
    if (f.finding)(false).severity != Severity::Error {
        return None;
    }
    let against: Map<String, Value> = f
        .forced
        .iter()
        .map(|m| (m.name().to_owned(), json!({"not": {"const": !f.to}})))
        .collect();
    let by = f.by.name();
    Some(json!({
        "if": {"properties": {by: {"const": f.when.to_json()}}, "required": [by]},
        "then": {"properties": against}
    }))
}
