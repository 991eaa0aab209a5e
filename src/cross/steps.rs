//! Between additionalSteps and additionalData: data for a step the request does not define,
//! and COMPARE fields without data to compare with. The facts are read from the members as
//! written (`facts_of_steps`, `facts_of_data`), before they are checked and normalized, so each
//! finding points into the input.

use super::{CrossMiss, Members};
use super::{Data, Facts, Step};
use crate::context::Context;
use crate::diag::loc::Loc;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::json::keys::Repeats;
use crate::json::Value;
use crate::spec::catalogue::{member, MemberId};
use crate::spec::steps::COMPARE;

const ADDITIONAL_DATA: MemberId = member("additionalData");
const ADDITIONAL_STEPS: MemberId = member("additionalSteps");

pub(super) const UNKNOWN_STEP: super::vocab::Custom = super::vocab::Custom {
    reads: super::vocab::reads(&[ADDITIONAL_DATA]),
    check: unknown_step,
    schema: None,
    involves: &[ADDITIONAL_DATA, ADDITIONAL_STEPS],
    keep: keep_known_steps,
    misses: unknown_step_misses,
};

pub(super) const MISSING_COMPARE_DATA: super::vocab::Custom = super::vocab::Custom {
    reads: super::vocab::reads(&[ADDITIONAL_STEPS]),
    check: missing_compare_data,
    schema: None,
    involves: &[ADDITIONAL_DATA, ADDITIONAL_STEPS],
    keep: keep_compare_data,
    misses: missing_compare_data_misses,
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

/// The step names of additionalSteps as JSON (country → document → step).
fn step_specs(members: &Members) -> Vec<(String, serde_json::Value)> {
    let mut out = Vec::new();
    let objects = |v: &serde_json::Value| v.as_object().cloned().unwrap_or_default();
    if let Some(steps) = members.get(ADDITIONAL_STEPS.name()) {
        for (_, documents) in objects(steps) {
            for (_, named) in objects(&documents) {
                out.extend(objects(&named));
            }
        }
    }
    out
}

/// Data only for steps the request defines.
fn keep_known_steps(members: &mut Members, _ctx: &Context) {
    let names: Vec<String> = step_specs(members).into_iter().map(|(n, _)| n).collect();
    if let Some(serde_json::Value::Object(data)) = members.get_mut(ADDITIONAL_DATA.name()) {
        data.retain(|step, _| names.contains(step));
    }
}

/// Every COMPARE field has its value in additionalData.
fn keep_compare_data(members: &mut Members, _ctx: &Context) {
    let mut wanted: Vec<(String, String)> = Vec::new();
    for (name, spec) in step_specs(members) {
        if spec.get("type").and_then(serde_json::Value::as_str) == Some(COMPARE) {
            let fields = spec.get("fields").and_then(serde_json::Value::as_array);
            for f in fields
                .into_iter()
                .flatten()
                .filter_map(serde_json::Value::as_str)
            {
                wanted.push((name.clone(), f.to_owned()));
            }
        }
    }
    if wanted.is_empty() {
        return;
    }
    let data = members
        .entry(ADDITIONAL_DATA.name())
        .or_insert_with(|| serde_json::json!({}));
    if !data.is_object() {
        *data = serde_json::json!({});
    }
    if let Some(data) = data.as_object_mut() {
        for (step, field) in wanted {
            let entry = data.entry(step).or_insert_with(|| serde_json::json!({}));
            if !entry.is_object() {
                *entry = serde_json::json!({});
            }
            if let Some(entry) = entry.as_object_mut() {
                entry.entry(field).or_insert_with(|| "value".into());
            }
        }
    }
}

fn unknown_step_misses(_ctx: &Context) -> Vec<CrossMiss> {
    vec![CrossMiss {
        set: vec![(
            ADDITIONAL_DATA.name(),
            serde_json::json!({"EXTRA_STEP": {"address": "x"}}),
        )],
        pointer: format!("/{}/EXTRA_STEP", ADDITIONAL_DATA.name()),
        code: Code::AdditionalDataUnknownStep,
        severity: Severity::Warning,
    }]
}

fn missing_compare_data_misses(_ctx: &Context) -> Vec<CrossMiss> {
    let steps = serde_json::json!({"ALL": {"ALL": {"UTILITY_BILL": {"type": COMPARE, "fields": ["address"]}}}});
    vec![CrossMiss {
        set: vec![(ADDITIONAL_STEPS.name(), steps)],
        pointer: format!("/{}/ALL/ALL/UTILITY_BILL/fields/0", ADDITIONAL_STEPS.name()),
        code: Code::MissingCompareData,
        severity: Severity::Warning,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn members(value: serde_json::Value) -> Members {
        value.as_object().cloned().unwrap_or_default()
    }

    /// Generators drop data for steps the request doesn't define, and keep the rest as it is.
    #[test]
    fn keeping_known_steps_drops_only_the_unknown_ones() {
        let mut m = members(json!({
            "additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {"type": "UPLOAD"}}}},
            "additionalData": {"UTILITY_BILL": {"address": "a"}, "EXTRA": {"address": "b"}},
        }));
        keep_known_steps(&mut m, &Context::new());
        assert_eq!(
            m["additionalData"],
            json!({"UTILITY_BILL": {"address": "a"}})
        );
    }

    /// Every COMPARE field gets a value, whatever additionalData held: what was there stays,
    /// and what was not an object becomes one. Fields of other step types get nothing.
    #[test]
    fn keeping_compare_data_fills_in_only_the_missing_fields() {
        let steps = json!({"ALL": {"ALL": {
            "UTILITY_BILL": {"type": "COMPARE", "fields": ["address", "name"]},
            "OTHER": {"type": "UPLOAD", "fields": ["address"]},
        }}});
        let filled = |data: Option<serde_json::Value>| {
            let mut m = members(json!({"additionalSteps": steps}));
            if let Some(data) = data {
                m.insert("additionalData".into(), data);
            }
            keep_compare_data(&mut m, &Context::new());
            m.get("additionalData").cloned()
        };
        let both = json!({"UTILITY_BILL": {"address": "value", "name": "value"}});
        assert_eq!(filled(None), Some(both.clone()));
        assert_eq!(filled(Some(json!("x"))), Some(both.clone()));
        assert_eq!(filled(Some(json!({"UTILITY_BILL": "x"}))), Some(both));
        assert_eq!(
            filled(Some(
                json!({"UTILITY_BILL": {"name": "n", "extra": "e"}, "KEPT": {}})
            )),
            Some(json!({
                "UTILITY_BILL": {"name": "n", "extra": "e", "address": "value"},
                "KEPT": {},
            }))
        );
        let mut upload_only = members(json!({"additionalSteps": {"ALL": {"ALL": {
            "OTHER": {"type": "UPLOAD", "fields": ["address"]},
        }}}}));
        keep_compare_data(&mut upload_only, &Context::new());
        assert_eq!(upload_only.get("additionalData"), None);
    }
}
