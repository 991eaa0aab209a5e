//! JSON Schemas (2020-12) generated from the catalogue, for teams and tools that don't run Rust.
//!
//! The schemas say what JSON Schema can say exactly about the body as sent; they never reject
//! what the engine accepts. What only the engine checks is listed in the README ("Using the
//! schemas without Rust"). The files in `schema/` are these functions' output; a test keeps them
//! equal (`UPDATE_SCHEMAS=1 cargo test --test schema` rewrites them).

use crate::catalogue::{Field, Origin, Shape, FIELDS};
use crate::normalize::Norm;
use crate::response::{ResponseShape, RESPONSE_FIELDS};
use crate::rules::{Keywords, Rule, StrRule};
use crate::steps::{SETTINGS_KEYS, STEP_KEYS, STEP_TYPES, TEXT_KEYS};
use crate::Code;
use serde_json::{json, Map, Value};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

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

fn string(norm: Norm, rules: &[StrRule]) -> Value {
    let mut k = Keywords::new();
    k.insert("type".into(), "string".into());
    for r in rules {
        merge(&mut k, r.schema(norm));
    }
    Value::Object(k)
}

fn steps_schema() -> Value {
    let country = crate::rules::Country { allow_all: true }.schema(Norm::Upper);
    let document = crate::rules::DocumentType.schema(Norm::Upper);
    let document_pattern = document
        .get("pattern")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let document_keys = document_pattern.replacen("^(?:", "^(?:[Aa][Ll][Ll]|", 1);
    let booleans: Map<String, Value> = SETTINGS_KEYS
        .iter()
        .map(|k| ((*k).to_owned(), json!({"type": "boolean"})))
        .collect();
    let texts: Map<String, Value> = TEXT_KEYS
        .iter()
        .map(|k| ((*k).to_owned(), json!({"type": "string"})))
        .collect();
    let mut step_types: Vec<Value> = STEP_TYPES.iter().map(|t| json!(t)).collect();
    step_types.push(Value::Null);
    // The step members come from steps::STEP_KEYS; a key added there without a schema here
    // gets an empty (accept-all) schema rather than silently disappearing.
    let step_properties: Map<String, Value> = STEP_KEYS
        .iter()
        .map(|k| {
            let schema = match *k {
                "type" => json!({"enum": step_types}),
                "fields" => {
                    json!({"type": ["array", "null"], "items": {"type": "string", "minLength": 1}})
                }
                "texts" => json!({
                    "type": ["object", "null"],
                    "propertyNames": {"pattern": crate::rules::locale::LOCALE_FORM_PATTERN},
                    "additionalProperties": {"type": "object", "properties": texts}
                }),
                "settings" => json!({"type": ["object", "null"], "properties": booleans}),
                _ => json!({}),
            };
            ((*k).to_owned(), schema)
        })
        .collect();
    let step = json!({"type": "object", "properties": step_properties});
    json!({
        "type": "object",
        "propertyNames": country,
        "additionalProperties": {
            "type": "object",
            "propertyNames": {"pattern": document_keys},
            "additionalProperties": {
                "type": "object",
                "propertyNames": {"pattern": crate::rules::char_class(true, char::is_whitespace)},
                "additionalProperties": step
            }
        }
    })
}

/// The schema of one member's value (without `null`).
fn shape_schema(shape: Shape) -> Value {
    match shape {
        Shape::Str { norm, rules } => string(norm, rules),
        Shape::Date => {
            json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"})
        }
        Shape::Int(r) => {
            let mut v = json!({"type": "integer", "minimum": r.min});
            if let Some(max) = r.max {
                v["maximum"] = max.into();
            }
            v
        }
        Shape::Number(r) => {
            let mut v = json!({"type": "number", "minimum": r.min});
            if let Some(max) = r.max {
                v["maximum"] = max.into();
            }
            v
        }
        Shape::Bool => json!({"type": "boolean"}),
        Shape::StrList { norm, rules } => json!({"type": "array", "items": string(norm, rules)}),
        Shape::StrOrList { norm, rules } => {
            json!({"anyOf": [string(norm, rules), {"type": "array", "items": string(norm, rules)}]})
        }
        Shape::IntOrUuid => json!({
            "anyOf": [
                {"type": "integer", "minimum": 1},
                string(Norm::AsIs, &[StrRule::Uuid(crate::rules::Uuid)])
            ]
        }),
        Shape::AdditionalSteps => steps_schema(),
        Shape::AdditionalData => json!({
            "type": "object",
            "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}}
        }),
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
pub fn field_schema(field: &Field) -> Value {
    let mut s = shape_schema(field.shape);
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

/// The violation report the CLI (`--format json`) and [`Report`](crate::Report) emit.
pub fn report_schema() -> Value {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    json!({
        "$schema": DRAFT,
        "$id": "https://idenfy-preflight.invalid/schema/report.schema.json",
        "title": "idenfy-preflight report",
        "type": "object",
        "required": ["valid", "request", "violations"],
        "additionalProperties": false,
        "properties": {
            "valid": {"type": "boolean", "description": "No error-severity violation."},
            "request": {"type": ["object", "null"], "description": "The normalized request, when valid."},
            "violations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["pointer", "code", "severity", "message"],
                    "additionalProperties": false,
                    "properties": {
                        "pointer": {"type": "string", "description": "RFC 6901 JSON Pointer into the input."},
                        "code": {"enum": codes},
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

fn response_shape_schema(shape: ResponseShape) -> Value {
    match shape {
        ResponseShape::Like(shape) => shape_schema(shape),
        // Digits only: the docs say `length` digits, but their own examples have 7, and the
        // response checker only warns about the length (see the README).
        ResponseShape::DigitString { length } => json!({
            "type": "string",
            "pattern": "^[0-9]+$",
            "description": format!("Documented as {length} digits; the docs' own examples have 7.")
        }),
        ResponseShape::ListsByCountry { items } => json!({
            "type": "object",
            "propertyNames": crate::rules::Country { allow_all: true }.schema(Norm::Upper),
            "additionalProperties": {"type": "array", "items": string(Norm::AsIs, items)}
        }),
    }
}

/// The Generate token response: its own members, and the echoed request members (any of which
/// may be `null` or a default).
pub fn response_schema() -> Value {
    let mut properties = Map::new();
    for f in FIELDS {
        let mut s = nullable(shape_schema(f.shape));
        s["description"] = format!("Echo of the request member: {}", f.doc).into();
        properties.insert(f.name.into(), s);
    }
    let mut required = Vec::new();
    for f in RESPONSE_FIELDS {
        let mut s = response_shape_schema(f.shape);
        if f.required {
            required.push(f.name);
        } else {
            s = nullable(s);
        }
        s["description"] = f.doc.into();
        properties.insert(f.name.into(), s);
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

/// Every schema with its file name under `schema/`.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("token-request.schema.json", request_schema()),
        ("token-response.schema.json", response_schema()),
        ("report.schema.json", report_schema()),
    ]
}

/// Which violations of a code the published request schema cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every violation of the code.
    All,
    /// Violations at these members only.
    Members(&'static [&'static str]),
    /// `wrong_type` where an integer was written with a fraction or exponent (`600.0`): JSON
    /// Schema's `integer` accepts any number with a zero fraction.
    IntegralFloats,
}

/// A rule only the engine checks, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EngineOnly {
    /// The codes it reports.
    pub codes: &'static [Code],
    /// Which of their violations.
    pub scope: Scope,
    /// Why JSON Schema cannot say it.
    pub why: &'static str,
}

/// The rules the request schema leaves to the engine (warnings are never in a schema).
pub const ENGINE_ONLY: &[EngineOnly] = &[
    EngineOnly {
        codes: &[Code::InvalidUtf8, Code::MalformedJson, Code::DocumentTooLarge, Code::NestingTooDeep, Code::DuplicateKey],
        scope: Scope::All,
        why: "A schema sees a parsed document: bytes, syntax, size, depth and duplicate names are gone by then (so are additionalSteps keys that are equal once upper-cased, `lt` and `LT`).",
    },
    EngineOnly {
        codes: &[Code::InvalidCalendarDate],
        scope: Scope::All,
        why: "The pattern checks the YYYY-MM-DD shape, not that the day exists (the schema carries no `format: date`, which validators treat differently).",
    },
    EngineOnly {
        codes: &[Code::DateInFuture, Code::IssuedAfterExpiry, Code::BornAfterIssue, Code::AgeLimitAboveAgeMax],
        scope: Scope::All,
        why: "Compares a value with today or with another member.",
    },
    EngineOnly {
        codes: &[Code::InvalidUrl, Code::UrlNeedsRepair, Code::UrlMissingHost],
        scope: Scope::All,
        why: "Needs a WHATWG URL parser; the schema checks the https scheme and a non-empty authority.",
    },
    EngineOnly {
        codes: &[Code::TooShort, Code::TooLong],
        scope: Scope::Members(&["firstName", "lastName"]),
        why: "Name lengths count the normalized name (trimmed, spaces collapsed, upper-cased: `ß` becomes `SS`); the schema only requires a non-empty string.",
    },
    EngineOnly {
        codes: &[Code::WrongType],
        scope: Scope::IntegralFloats,
        why: "JSON Schema's `integer` accepts `600.0`, and compares numbers as floats, so it cannot see an integer beyond 64 bits; the engine wants `600` within 64 bits.",
    },
    EngineOnly {
        codes: &[Code::MisspelledField],
        scope: Scope::All,
        why: "Telling a mistyped member name (`lastname`, `personalNumer`) from an undocumented one takes an edit distance; the schema allows undocumented members, as the engine only warns about them.",
    },
    EngineOnly {
        codes: &[Code::TooManyViolations],
        scope: Scope::All,
        why: "A property of the report, not of the request.",
    },
];

/// Whether the request schema rejects what `violation` reports (for error-severity violations
/// under the default [`Context`](crate::Context)).
pub fn schema_expresses(violation: &crate::Violation) -> bool {
    let member = violation.pointer.split('/').nth(1).unwrap_or("");
    !ENGINE_ONLY.iter().any(|e| {
        e.codes.contains(&violation.code)
            && match e.scope {
                Scope::All => true,
                Scope::Members(m) => m.contains(&member),
                Scope::IntegralFloats => {
                    violation.params.get("found").and_then(Value::as_str) == Some("number")
                        // Without the value (not opted in), assume the integral case.
                        && violation.value.as_ref().and_then(Value::as_f64).is_none_or(|x| x.fract() == 0.0)
                }
            }
    })
}

/// The README table of [`ENGINE_ONLY`].
pub fn engine_only_markdown() -> String {
    let mut out = String::from("| Codes | Where | Why the schema cannot say it |\n|---|---|---|\n");
    for e in ENGINE_ONLY {
        let codes: Vec<String> = e.codes.iter().map(|c| format!("`{c}`")).collect();
        let scope = match e.scope {
            Scope::All => "everywhere".to_owned(),
            Scope::Members(m) => m
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
            Scope::IntegralFloats => {
                "integers written as `600.0`, `6e2` or beyond 64 bits".to_owned()
            }
        };
        out.push_str(&format!("| {} | {scope} | {} |\n", codes.join(", "), e.why));
    }
    out
}
