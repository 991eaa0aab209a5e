//! JSON Schemas (2020-12) generated from the catalogue, for teams and tools that don't run Rust.
//!
//! The schemas say what JSON Schema can say exactly about the body as sent; they never reject
//! what the engine accepts. What only the engine checks is listed in docs/SCHEMAS.md ("What
//! only the engine checks"). The files in `schema/` are these functions' output; a test keeps them
//! equal (`UPDATE_SCHEMAS=1 cargo test --test all schema::` rewrites them).

use crate::diag::Code;
use crate::spec::catalogue::FIELDS;
use crate::spec::response::RESPONSE_FIELDS;
use crate::spec::rules::{Bound, Bounds, Keywords};
use crate::spec::{Member, Object, Origin, Shape, Text};
use serde_json::{json, Map, Value};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// `YYYY-MM-DD` of a day in the calendar, years 0001 to 9999, as the engine reads dates: each
/// month's length, and 29 February in leap years (a multiple of 4, of 400 for a century). Only
/// ranges and alternatives, so that every validator reads it alike; a tool that generates from
/// the schema (Schemathesis) generates only dates the engine accepts.
const CALENDAR_DATE: &str = concat!(
    "^(?:",
    // Any year but 0000, and a day every year has.
    "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    // 29 February of a leap year.
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29",
    ")$"
);

/// Merges rule keyword sets; a keyword two rules both use (two patterns) goes into `allOf`.
fn merge(into: &mut Keywords, more: Keywords) {
    for (k, v) in more {
        if into.contains_key(&k) {
            let all = into.entry("allOf").or_insert_with(|| json!([]));
            if let Value::Array(a) = all {
                a.push(json!({ k: v }));
            }
        } else {
            into.insert(k, v);
        }
    }
}

fn string(text: &Text) -> Value {
    let mut k = Keywords::new();
    k.insert("type".into(), "string".into());
    for r in text.rules {
        merge(&mut k, r.schema(text.norm));
    }
    Value::Object(k)
}

fn bounded<T: Bound>(ty: &str, b: &Bounds<T>) -> Value
where
    Value: From<crate::diag::Num>,
{
    let mut v = json!({"type": ty, "minimum": Value::from(b.min.num())});
    if let Some(max) = b.max {
        v["maximum"] = Value::from(max.num());
    }
    v
}

fn object_schema(object: &Object) -> Value {
    match object {
        Object::Fields { fields, .. } => {
            let properties: Map<String, Value> = fields
                .iter()
                .map(|f| {
                    let s = shape_schema(&f.shape);
                    let s = if f.nullable { nullable(s) } else { s };
                    (f.name.to_owned(), s)
                })
                .collect();
            json!({"type": "object", "properties": properties})
        }
        Object::Map(map) => {
            let mut keys = Keywords::new();
            for r in map.keys.rules {
                merge(&mut keys, r.schema(map.keys.norm));
            }
            let values = shape_schema(map.values);
            let values = if map.nullable {
                nullable(values)
            } else {
                values
            };
            let mut s = json!({"type": "object", "additionalProperties": values});
            if !keys.is_empty() {
                s["propertyNames"] = Value::Object(keys);
            }
            s
        }
    }
}

/// The schema of one value (without `null`), from its shape: the same declarations the engine
/// checks with.
fn shape_schema(shape: &Shape) -> Value {
    match shape {
        Shape::Str(text) => string(text),
        // The shape only: whether the day exists is the engine's (no `format: date`, which
        // validators treat differently).
        Shape::Date => json!({"type": "string", "pattern": CALENDAR_DATE}),
        Shape::Int(b) => bounded("integer", b),
        Shape::Number(b) => bounded("number", b),
        Shape::Bool => json!({"type": "boolean"}),
        Shape::List(text) => json!({"type": "array", "items": string(text)}),
        Shape::StrOrList(text) => {
            json!({"anyOf": [string(text), {"type": "array", "items": string(text)}]})
        }
        Shape::IntOrStr { int, text } => json!({"anyOf": [bounded("integer", int), string(text)]}),
        Shape::Object(object) => object_schema(object),
    }
}

fn nullable(schema: Value) -> Value {
    match schema {
        Value::Object(mut m) => match m.get("type").cloned() {
            Some(Value::String(t)) => {
                m.insert("type".into(), json!([t, "null"]));
                if let Some(Value::Array(e)) = m.get_mut("enum") {
                    e.push(Value::Null);
                }
                Value::Object(m)
            }
            _ => json!({"anyOf": [Value::Object(m), {"type": "null"}]}),
        },
        other => other,
    }
}

/// The schema of one catalogue member.
pub fn field_schema(field: &Member) -> Value {
    let mut s = shape_schema(&field.shape);
    if !field.required {
        s = nullable(s);
    }
    if let Value::Object(m) = &mut s {
        m.insert("description".into(), field.doc.into());
        if field.origin == Origin::Legacy {
            m.insert("deprecated".into(), true.into());
        }
    }
    s
}

/// The Generate token request body.
///
/// ```
/// let schema = idenfy_preflight::schema::request_schema();
/// assert_eq!(schema["properties"]["sex"]["enum"], serde_json::json!(["M", "F", null]));
/// ```
pub fn request_schema() -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut exclusive = Vec::new();
    for f in FIELDS {
        properties.insert(f.name.into(), field_schema(f));
        for alias in f.aliases {
            let mut s = field_schema(f);
            s["description"] = format!("Legacy name of {}.", f.name).into();
            properties.insert((*alias).into(), s);
            exclusive.push(json!({"not": {"required": [f.name, alias]}}));
        }
        if f.required {
            let names: Vec<&str> = std::iter::once(f.name)
                .chain(f.aliases.iter().copied())
                .collect();
            required.push(json!({"anyOf": names.iter().map(|n| json!({"required": [n]})).collect::<Vec<_>>()}));
        }
    }
    let mut all_of = required;
    all_of.extend(exclusive);
    all_of.extend(crate::cross::schema_fragments());
    json!({
        "$schema": DRAFT,
        "$id": "https://idenfy-preflight.invalid/schema/token-request.schema.json",
        "title": "iDenfy Generate token request (POST /api/v2/token)",
        "description": "Generated from the idenfy-preflight field catalogue. Undocumented members are allowed (the engine warns about them).",
        "type": "object",
        "properties": properties,
        "allOf": all_of
    })
}

/// A violation's `code`: one of this crate's codes, or a partner policy's own (the report's and
/// problem details' alike).
pub(crate) fn code_schema() -> Value {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    json!({
        "description": "One of this crate's codes, or a partner policy's own (namespaced: acme.eu_only).",
        "anyOf": [
            {"enum": codes},
            {"type": "string", "pattern": crate::spec::rules::partner_code::PARTNER_CODE_PATTERN}
        ]
    })
}

/// The violation report the CLI (`--format json`) and [`Report`](crate::Report) emit; a partner
/// profile file's report ([`ProfileReport`](crate::ProfileReport)) has the same shape, with
/// `profile` in place of `request`.
pub fn report_schema() -> Value {
    json!({
        "$schema": DRAFT,
        "$id": "https://idenfy-preflight.invalid/schema/report.schema.json",
        "title": "idenfy-preflight report",
        "type": "object",
        "required": ["valid", "violations"],
        "anyOf": [{"required": ["request"]}, {"required": ["profile"]}],
        "additionalProperties": false,
        "properties": {
            "valid": {"type": "boolean", "description": "No error-severity violation."},
            "request": {"type": ["object", "null"], "description": "The normalized request, when valid."},
            "profile": {"type": ["object", "null"], "description": "A partner profile file's report: the profile as read, when valid."},
            "violations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["pointer", "code", "severity", "message"],
                    "additionalProperties": false,
                    "properties": {
                        "pointer": {"type": "string", "description": "RFC 6901 JSON Pointer into the input."},
                        "code": code_schema(),
                        "severity": {"enum": ["error", "warning"]},
                        "message": {"type": "string"},
                        "params": {"type": "object"},
                        "value": {"description": "The offending input value (opt-in)."}
                    }
                }
            }
        }
    })
}

/// The Generate token response: its own members, and the echoed request members (any of which
/// may be `null` or a default).
pub fn response_schema() -> Value {
    let mut properties = Map::new();
    for f in FIELDS {
        let mut s = nullable(shape_schema(&f.shape));
        s["description"] = format!("Echo of the request member: {}", f.doc).into();
        properties.insert(f.name.into(), s);
    }
    let mut required = Vec::new();
    for f in RESPONSE_FIELDS {
        if f.required {
            required.push(f.name);
        }
        properties.insert(f.name.into(), field_schema(f));
    }
    json!({
        "$schema": DRAFT,
        "$id": "https://idenfy-preflight.invalid/schema/token-response.schema.json",
        "title": "iDenfy Generate token response (201 Created)",
        "description": "Generated from the idenfy-preflight response and request catalogues.",
        "type": "object",
        "required": required,
        "properties": properties
    })
}

/// The partner profile file (`--profile FILE`, [`load_profile`](crate::load_profile)), from
/// its declaration: every member optional, each request member under `defaults` with the
/// request's own schema.
///
/// ```
/// let schema = idenfy_preflight::schema::profile_schema();
/// assert_eq!(schema["properties"]["flow"]["enum"], serde_json::json!(["redirect", "iframe", null]));
/// ```
pub fn profile_schema() -> Value {
    let mut s = object_schema(&crate::spec::profile::PROFILE);
    if let Some(Value::Object(properties)) = s.get_mut("properties") {
        for (name, p) in properties.iter_mut() {
            if let (Some(doc), Value::Object(p)) = (crate::spec::profile::doc(name), p) {
                p.insert("description".into(), doc.into());
            }
        }
    }
    if let Value::Object(m) = &mut s {
        m.insert("$schema".into(), DRAFT.into());
        m.insert(
            "$id".into(),
            "https://idenfy-preflight.invalid/schema/partner-profile.schema.json".into(),
        );
        m.insert("title".into(), "idenfy-preflight partner profile".into());
        m.insert(
            "description".into(),
            "What a partner knows of its iDenfy account, for the account-dependent checks. Every member is optional; one left out (or null) is unknown. Generated from the idenfy-preflight profile declaration.".into(),
        );
    }
    s
}

/// Every schema with its file name under `schema/`.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("token-request.schema.json", request_schema()),
        ("token-response.schema.json", response_schema()),
        ("report.schema.json", report_schema()),
        ("partner-profile.schema.json", profile_schema()),
    ]
}

/// Which violations of a code the published request schema cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every violation of the code.
    All,
    /// Violations at these members only.
    Members(&'static [&'static str]),
}

/// A rule only the engine checks, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineOnly {
    /// The codes it reports.
    pub codes: Vec<Code>,
    /// Which of their violations.
    pub scope: Scope,
    /// Why JSON Schema cannot say it.
    pub why: &'static str,
}

/// The rules the request schema leaves to the engine (warnings are never in a schema). The
/// rules between members that have no JSON Schema form are read off the table of those rules
/// (the codes their misses earn), so a new one is listed here with no edit.
pub fn engine_only() -> Vec<EngineOnly> {
    let mut out = vec![
    EngineOnly {
        codes: vec![Code::InvalidUtf8, Code::MalformedJson, Code::DocumentTooLarge, Code::NestingTooDeep, Code::DuplicateKey],
        scope: Scope::All,
        why: "A schema sees a parsed document: bytes, syntax, size, depth and duplicate names are gone by then (so are additionalSteps keys that are equal once upper-cased, `lt` and `LT`).",
    },
    EngineOnly {
        codes: vec![Code::InvalidUrl, Code::UrlNeedsRepair, Code::UrlMissingHost],
        scope: Scope::All,
        why: "Needs a WHATWG URL parser; the schema checks the https scheme and a non-empty authority.",
    },
    EngineOnly {
        codes: vec![Code::TooShort, Code::TooLong],
        scope: Scope::Members(&["firstName", "lastName"]),
        why: "Name lengths count the normalized name (trimmed, spaces collapsed, upper-cased: `ß` becomes `SS`); the schema only requires a non-empty string.",
    },
    EngineOnly {
        codes: vec![Code::MisspelledField],
        scope: Scope::All,
        why: "Telling a mistyped member name (`lastname`, `personalNumer`) from an undocumented one takes an edit distance; the schema allows undocumented members, as the engine only warns about them.",
    },
    EngineOnly {
        codes: vec![Code::TooManyViolations],
        scope: Scope::All,
        why: "A property of the report, not of the request.",
    },
    EngineOnly {
        codes: vec![
            Code::MissingPermission,
            Code::FeatureNotInEnvironment,
            Code::InactiveQuestionnaire,
            Code::UnknownRiskAssessmentProfile,
            Code::DocumentNotAllowed,
            Code::NfcCountryUnsupported,
            Code::RegistryCenterUnavailable,
        ],
        scope: Scope::All,
        why: "Depends on the partner's account (a partner profile), which the published schema does not describe.",
    },
];
    let today = crate::context::Context::new().with_today(
        time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap_or(time::Date::MIN),
    );
    let rules = &crate::cross::RULES;
    let mut between: Vec<Code> = rules
        .iter()
        .filter(|r| crate::cross::schema::fragment(r).is_none())
        .flat_map(|r| crate::cross::misses::misses(r, rules, &today))
        .filter(|m| m.severity == crate::diag::Severity::Error)
        .map(|m| m.code)
        .collect();
    between.sort_unstable();
    between.dedup();
    // After the document-level and calendar entries, in the order of the table in docs/SCHEMAS.md.
    out.insert(
        2.min(out.len()),
        EngineOnly {
            codes: between,
            scope: Scope::All,
            why: "Compares a value with today or with another member.",
        },
    );
    out
}

/// Whether the request schema rejects what `violation` reports (for error-severity violations
/// under the default [`Context`](crate::Context)).
pub fn expresses(violation: &crate::Violation) -> bool {
    let member = violation.pointer().split('/').nth(1).unwrap_or("");
    !engine_only().iter().any(|e| {
        e.codes.contains(&violation.code())
            && match e.scope {
                Scope::All => true,
                Scope::Members(m) => m.contains(&member),
            }
    })
}

/// The table of [`engine_only`] in docs/SCHEMAS.md.
pub fn engine_only_markdown() -> String {
    let mut out = String::from("| Codes | Where | Why the schema cannot say it |\n|---|---|---|\n");
    for e in engine_only() {
        let codes: Vec<String> = e.codes.iter().map(|c| format!("`{c}`")).collect();
        let scope = match e.scope {
            Scope::All => "everywhere".to_owned(),
            Scope::Members(m) => m
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push_str(&format!("| {} | {scope} | {} |\n", codes.join(", "), e.why));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date pattern takes exactly the dates the engine reads: every month and day around
    /// the edges, in years that are leap (4, 2000, 2024), not leap (1900, 2023, 2100) and at the
    /// ends (0000, 0001, 9999).
    #[test]
    fn the_date_pattern_is_the_engines_calendar() {
        let pattern = regex::Regex::new(CALENDAR_DATE).expect("the pattern compiles");
        for year in [0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let date = format!("{year:04}-{month:02}-{day:02}");
                    let engine = crate::spec::rules::date::parse(&date).is_ok();
                    assert_eq!(pattern.is_match(&date), engine, "{date}");
                }
            }
        }
    }
}
