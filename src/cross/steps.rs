//! Between additionalSteps and additionalData: data for a step the request does not define,
//! and COMPARE fields without data to compare with. The facts are read from the members as
//! written (`facts_of_steps`, `facts_of_data`), before they are checked and normalized, so each
//! finding points into the input.

use super::{CrossRule, Data, Facts, Step};
use crate::context::Context;
use crate::diag::loc::Loc;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind};
use crate::json::keys::Repeats;
use crate::json::Value;
use crate::spec::catalogue::{member, MemberId};
use crate::spec::steps::COMPARE;

const ADDITIONAL_DATA: MemberId = member("additionalData");
const ADDITIONAL_STEPS: MemberId = member("additionalSteps");

pub(super) const UNKNOWN_STEP: CrossRule = CrossRule {
    reads: super::reads(&[ADDITIONAL_DATA]),
    check: unknown_step,
    schema: None,
};

pub(super) const MISSING_COMPARE_DATA: CrossRule = CrossRule {
    reads: super::reads(&[ADDITIONAL_STEPS]),
    check: missing_compare_data,
    schema: None,
};

fn unknown_step(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    for entry in &facts.data {
        if !facts.steps.iter().any(|s| s.name == entry.step) {
            let f = Finding::warning(Kind::AdditionalDataUnknownStep {
                step: entry.step.clone(),
            });
            out.report_at(&entry.place, f);
        }
    }
}

fn missing_compare_data(facts: &Facts, _ctx: &Context, out: &mut Sink) {
    for step in facts.steps.iter().filter(|s| s.compare) {
        let data = facts.data.iter().find(|d| d.step == step.name);
        for (field, place) in &step.fields {
            if !data.is_some_and(|d| d.fields.iter().any(|f| f == field)) {
                let f = Finding::warning(Kind::MissingCompareData {
                    step: step.name.clone(),
                    field: field.clone(),
                });
                out.report_at(place, f);
            }
        }
    }
}

/// The members of an object as written, without repeated names (the first one counts, as in
/// the check).
fn members<'v, 'a>(value: &'v Value<'a>) -> impl Iterator<Item = (usize, &'v str, &'v Value<'a>)> {
    let members: &[(std::borrow::Cow<'a, str>, Value<'a>)] = match value {
        Value::Object(m) => m,
        _ => &[],
    };
    let repeats = Repeats::exact(members.iter().map(|(k, _)| k.as_ref()));
    members
        .iter()
        .enumerate()
        .filter(move |(i, _)| !repeats.get(*i))
        .map(|(i, (k, v))| (i, k.as_ref(), v))
}

/// The steps of additionalSteps (`value`, at `loc`) as written.
pub(crate) fn facts_of_steps(value: &Value<'_>, loc: &Loc<'_>) -> Vec<Step> {
    let mut out = Vec::new();
    for (i, country, by_document) in members(value) {
        let at_country = loc.key(country, i);
        for (j, document, by_name) in members(by_document) {
            let at_document = at_country.key(document, j);
            for (k, name, spec) in members(by_name) {
                // A step that is not an object defines nothing (the check reports it).
                if !matches!(spec, Value::Object(_)) {
                    continue;
                }
                let at_step = at_document.key(name, k);
                let mut step = Step {
                    name: name.to_owned(),
                    compare: false,
                    fields: Vec::new(),
                };
                for (n, key, v) in members(spec) {
                    match (key, v) {
                        ("type", Value::String(t)) => step.compare = t == COMPARE,
                        ("fields", Value::Array(items)) => {
                            let at_fields = at_step.key(key, n);
                            for (f, item) in items.iter().enumerate() {
                                if let Value::String(s) = item {
                                    if !s.is_empty() {
                                        step.fields
                                            .push((s.to_string(), at_fields.index(f).place()));
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                out.push(step);
            }
        }
    }
    out
}

/// The entries of additionalData (`value`, at `loc`) as written.
pub(crate) fn facts_of_data(value: &Value<'_>, loc: &Loc<'_>) -> Vec<Data> {
    members(value)
        .map(|(i, step, fields)| Data {
            step: step.to_owned(),
            place: loc.key(step, i).place(),
            fields: members(fields)
                .filter(|(_, _, v)| matches!(v, Value::String(_)))
                .map(|(_, k, _)| k.to_owned())
                .collect(),
        })
        .collect()
}
