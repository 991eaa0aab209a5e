//! additionalSteps and additionalData, checked to the leaf (idenfy-facts §8):
//!
//! ```text
//! additionalSteps = { COUNTRY: { DOCTYPE: { STEP_NAME: { type, fields, texts, settings } } } }
//! additionalData  = { STEP_NAME: { field: "string" } }
//! ```
//! COUNTRY is `ALL` or an alpha-2 code, DOCTYPE `ALL` or a document type (legacy names warn); both
//! are upper-cased on the way out, so keys that differ only in case are duplicates. `type` is
//! UPLOAD, EXTRACT or COMPARE.

use crate::engine::{duplicate_flags, duplicate_key, Walk};
use crate::json::Value;
use crate::rules::{country, document_type, Locale, StrRule};
use crate::sink::{Loc, Place};
use crate::suggest::Vocabulary;
use crate::violation::{Code, Finding};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The step types an environment can be configured with.
pub const STEP_TYPES: &[&str] = &["UPLOAD", "EXTRACT", "COMPARE"];
/// Members of a step specification.
pub const STEP_KEYS: &[&str] = &["type", "fields", "texts", "settings"];
/// Members of a step's `settings`.
pub const SETTINGS_KEYS: &[&str] = &["canUpload", "canCapture", "canUploadPDF"];
/// Members of each `texts` entry.
pub const TEXT_KEYS: &[&str] = &["name", "description"];

type Members<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

#[derive(Debug)]
struct StepInfo {
    name: String,
    compare: bool,
    fields: Vec<(String, Place)>,
}

#[derive(Debug)]
struct DataEntry {
    step: String,
    place: Place,
    fields: Vec<String>,
}

/// What the two members told about each other, for the checks between them.
#[derive(Debug, Default)]
pub(crate) struct StepsSummary {
    steps: Vec<StepInfo>,
    data: Vec<DataEntry>,
}

/// Checks and normalizes additionalSteps.
pub(crate) fn check_steps<'a>(
    walk: &mut Walk<'_>,
    members: Members<'a>,
    loc: &Loc<'_>,
) -> Value<'a> {
    let (uppers, mut dups) = upper_keys(&members);
    let mut out = Vec::with_capacity(members.len());
    for (i, ((key, value), upper)) in members.into_iter().zip(uppers).enumerate() {
        let at = loc.key(&key, i);
        if let Some(f) = dups[i].take() {
            walk.report(&at, f, None);
            continue;
        }
        if upper != "ALL" && !country::is_alpha2(&upper) {
            let mut f = Finding::error(
                Code::InvalidStepCountry,
                "additionalSteps keys must be ALL or an ISO 3166-1 alpha-2 country code",
            );
            // Country keys are account settings, not personal data: the message may name it.
            if let Some(s) = country::suggest(&upper) {
                f.message.push_str(&format!("; did you mean {s}?"));
                f = f.with("suggestion", s);
            }
            walk.report(&at, f, None);
        }
        let value = object(
            walk,
            value,
            &at,
            "additionalSteps country entries",
            |walk, members, at| check_documents(walk, members, at),
        );
        out.push((Cow::Owned(upper), value));
    }
    Value::Object(out)
}

/// The upper-cased keys (what the request will carry) and, per key, the duplicate finding if it
/// repeats an earlier key as written or once upper-cased (`lt` and `LT` would both go out as
/// `LT`, leaving the normalized request with the same key twice).
fn upper_keys(members: &Members<'_>) -> (Vec<String>, Vec<Option<Finding>>) {
    let uppers: Vec<String> = members
        .iter()
        .map(|(k, _)| {
            crate::normalize::Norm::Upper
                .apply(Cow::Borrowed(k.as_ref()))
                .into_owned()
        })
        .collect();
    let raw = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let folded = duplicate_flags(uppers.iter().map(String::as_str));
    let findings = members
        .iter()
        .zip(&uppers)
        .enumerate()
        .map(|(i, ((key, _), upper))| {
            if raw[i] {
                Some(duplicate_key(key))
            } else if folded[i] {
                Some(
                    Finding::error(
                        Code::DuplicateKey,
                        "this key repeats an earlier key once both are upper-cased, so the normalized request would carry the same key twice",
                    )
                    .with("name", key.as_ref())
                    .with("normalized", upper.as_str()),
                )
            } else {
                None
            }
        })
        .collect();
    (uppers, findings)
}

fn check_documents<'a>(walk: &mut Walk<'_>, members: Members<'a>, loc: &Loc<'_>) -> Value<'a> {
    let (uppers, mut dups) = upper_keys(&members);
    let mut out = Vec::with_capacity(members.len());
    for (i, ((key, value), upper)) in members.into_iter().zip(uppers).enumerate() {
        let at = loc.key(&key, i);
        if let Some(f) = dups[i].take() {
            walk.report(&at, f, None);
            continue;
        }
        if let Some(legacy) = document_type::legacy(&upper) {
            let mut f = document_type::legacy_finding("additionalSteps document key", legacy);
            // Document types are account settings, not personal data: the message may name it.
            if let Some(base) = legacy.instead {
                f.message.push_str(&format!("; did you mean {base}?"));
            }
            walk.report(&at, f, None);
        } else if upper != "ALL" && !document_type::is_known(&upper) {
            let mut f = Finding::error(
                Code::InvalidStepDocumentType,
                "keys below an additionalSteps country must be ALL or a document type",
            );
            if let Some(s) = document_type::suggest(&upper) {
                f.message.push_str(&format!("; did you mean {s}?"));
                f = f.with("suggestion", s);
            }
            walk.report(&at, f, None);
        }
        let value = object(
            walk,
            value,
            &at,
            "additionalSteps document entries",
            check_step_map,
        );
        out.push((Cow::Owned(upper), value));
    }
    Value::Object(out)
}

fn check_step_map<'a>(walk: &mut Walk<'_>, members: Members<'a>, loc: &Loc<'_>) -> Value<'a> {
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let mut out = Vec::with_capacity(members.len());
    for (i, (key, value)) in members.into_iter().enumerate() {
        let at = loc.key(&key, i);
        if dups[i] {
            walk.report(&at, duplicate_key(&key), None);
            continue;
        }
        if key.trim().is_empty() {
            let f = Finding::error(
                Code::TooShort,
                "additionalSteps step names must not be empty",
            )
            .with("min", 1);
            walk.report(&at, f, None);
        }
        let name = key.to_string();
        let value = object(
            walk,
            value,
            &at,
            "an additionalSteps step",
            |walk, members, at| check_step(walk, name, members, at),
        );
        out.push((key, value));
    }
    Value::Object(out)
}

fn check_step<'a>(
    walk: &mut Walk<'_>,
    name: String,
    members: Members<'a>,
    loc: &Loc<'_>,
) -> Value<'a> {
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let mut info = StepInfo {
        name,
        compare: false,
        fields: Vec::new(),
    };
    for (i, (key, value)) in members.iter().enumerate() {
        let at = loc.key(key, i);
        if dups[i] {
            walk.report(&at, duplicate_key(key), None);
            continue;
        }
        match key.as_ref() {
            "type" => match value {
                Value::String(t) if STEP_TYPES.contains(&t.as_ref()) => {
                    info.compare = t == "COMPARE"
                }
                Value::String(t) => {
                    let mut f = Finding::error(
                        Code::InvalidStepType,
                        "a step type must be UPLOAD, EXTRACT or COMPARE (in capitals)",
                    )
                    .with("allowed", STEP_TYPES);
                    if let Some(meant) = STEP_TYPES.iter().find(|s| s.eq_ignore_ascii_case(t)) {
                        f.message.push_str(&format!("; did you mean {meant}?"));
                        f = f.with("suggestion", *meant);
                    }
                    walk.report(&at, f, Some(value));
                }
                Value::Null => {}
                other => walk.wrong_type(&at, "type", "a string", other),
            },
            "fields" => match value {
                Value::Array(items) => {
                    for (j, item) in items.iter().enumerate() {
                        let item_at = at.index(j);
                        match item {
                            Value::String(s) if !s.is_empty() => {
                                info.fields.push((s.to_string(), item_at.place()))
                            }
                            Value::String(_) => {
                                let f = Finding::error(
                                    Code::TooShort,
                                    "step field names must not be empty",
                                )
                                .with("min", 1);
                                walk.report(&item_at, f, None);
                            }
                            other => walk.wrong_type(&item_at, "fields items", "a string", other),
                        }
                    }
                }
                Value::Null => {}
                other => walk.wrong_type(&at, "fields", "an array of strings", other),
            },
            "texts" => check_texts(walk, value, &at),
            "settings" => match value {
                Value::Object(settings) => {
                    let sd = duplicate_flags(settings.iter().map(|(k, _)| k.as_ref()));
                    for (j, (k, v)) in settings.iter().enumerate() {
                        let s_at = at.key(k, j);
                        if sd[j] {
                            walk.report(&s_at, duplicate_key(k), None);
                        } else if !SETTINGS_KEYS.contains(&k.as_ref()) {
                            unknown(walk, &s_at, k, (SETTINGS_KEYS, &SETTINGS_NAMES), v);
                        } else if !matches!(v, Value::Bool(_)) {
                            walk.wrong_type(&s_at, k, "a boolean (true or false)", v);
                        }
                    }
                }
                Value::Null => {}
                other => walk.wrong_type(&at, "settings", "an object", other),
            },
            other => unknown(walk, &at, other, (STEP_KEYS, &STEP_NAMES), value),
        }
    }
    walk.steps.steps.push(info);
    Value::Object(members)
}

fn check_texts(walk: &mut Walk<'_>, value: &Value<'_>, at: &Loc<'_>) {
    let texts = match value {
        Value::Object(t) => t,
        Value::Null => return,
        other => return walk.wrong_type(at, "texts", "an object", other),
    };
    let td = duplicate_flags(texts.iter().map(|(k, _)| k.as_ref()));
    for (j, (locale, entry)) in texts.iter().enumerate() {
        let l_at = at.key(locale, j);
        if td[j] {
            walk.report(&l_at, duplicate_key(locale), None);
            continue;
        }
        let lower = locale.to_ascii_lowercase();
        walk.run_rules(
            "texts locale",
            false,
            &[StrRule::Locale(Locale)],
            &lower,
            &l_at,
            None,
        );
        match entry {
            Value::Object(e) => {
                let ed = duplicate_flags(e.iter().map(|(k, _)| k.as_ref()));
                for (n, (k, v)) in e.iter().enumerate() {
                    let e_at = l_at.key(k, n);
                    if ed[n] {
                        walk.report(&e_at, duplicate_key(k), None);
                    } else if !TEXT_KEYS.contains(&k.as_ref()) {
                        unknown(walk, &e_at, k, (TEXT_KEYS, &TEXT_NAMES), v);
                    } else if !matches!(v, Value::String(_)) {
                        walk.wrong_type(&e_at, k, "a string", v);
                    }
                }
            }
            other => walk.wrong_type(&l_at, "texts entries", "an object", other),
        }
    }
}

static STEP_NAMES: LazyLock<Vocabulary<'static>> =
    LazyLock::new(|| Vocabulary::new(STEP_KEYS.iter().copied()));
static SETTINGS_NAMES: LazyLock<Vocabulary<'static>> =
    LazyLock::new(|| Vocabulary::new(SETTINGS_KEYS.iter().copied()));
static TEXT_NAMES: LazyLock<Vocabulary<'static>> =
    LazyLock::new(|| Vocabulary::new(TEXT_KEYS.iter().copied()));

fn unknown(
    walk: &mut Walk<'_>,
    at: &Loc<'_>,
    key: &str,
    (known, vocabulary): (&[&'static str], &Vocabulary<'static>),
    value: &Value<'_>,
) {
    let what = format!(
        "this member is not documented here (expected one of {})",
        known.join(", ")
    );
    // The caller's unknown-member policy, and the misspelling rule, hold at every depth.
    let f = crate::engine::unknown_name(walk.ctx.unknown_fields, key, vocabulary, &what);
    walk.report(at, f, None);
    walk.check_nested_duplicates(value, at);
}

/// Requires an object (or null, kept) and hands its members to `inner`.
fn object<'a>(
    walk: &mut Walk<'_>,
    value: Value<'a>,
    at: &Loc<'_>,
    what: &str,
    inner: impl FnOnce(&mut Walk<'_>, Members<'a>, &Loc<'_>) -> Value<'a>,
) -> Value<'a> {
    match value {
        Value::Object(m) => inner(walk, m, at),
        other => {
            walk.wrong_type(at, what, "an object", &other);
            other
        }
    }
}

/// Checks additionalData: step name to an object of string values.
pub(crate) fn check_data<'a>(
    walk: &mut Walk<'_>,
    members: Members<'a>,
    loc: &Loc<'_>,
) -> Value<'a> {
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    for (i, (step, value)) in members.iter().enumerate() {
        let at = loc.key(step, i);
        if dups[i] {
            walk.report(&at, duplicate_key(step), None);
            continue;
        }
        let mut entry = DataEntry {
            step: step.to_string(),
            place: at.place(),
            fields: Vec::new(),
        };
        match value {
            Value::Object(fields) => {
                let fd = duplicate_flags(fields.iter().map(|(k, _)| k.as_ref()));
                for (j, (k, v)) in fields.iter().enumerate() {
                    let f_at = at.key(k, j);
                    if fd[j] {
                        walk.report(&f_at, duplicate_key(k), None);
                        continue;
                    }
                    if matches!(v, Value::String(_)) {
                        entry.fields.push(k.to_string());
                    } else {
                        walk.wrong_type(&f_at, "additionalData values", "a string", v);
                    }
                }
            }
            other => {
                walk.wrong_type(&at, "additionalData entries", "an object", other);
            }
        }
        walk.steps.data.push(entry);
    }
    Value::Object(members)
}

/// Checks between additionalSteps and additionalData (after both were walked).
pub(crate) fn cross(walk: &mut Walk<'_>) {
    let summary = std::mem::take(&mut walk.steps);
    for entry in &summary.data {
        if !summary.steps.iter().any(|s| s.name == entry.step) {
            let f = Finding::warning(
                Code::AdditionalDataUnknownStep,
                "additionalData names a step that additionalSteps in this request does not define; it is used only if the account's dashboard configures that step",
            )
            .with("step", entry.step.as_str());
            walk.sink.report_place(&entry.place, f);
        }
    }
    for step in summary.steps.iter().filter(|s| s.compare) {
        let data = summary.data.iter().find(|d| d.step == step.name);
        for (field, place) in &step.fields {
            if !data.is_some_and(|d| d.fields.iter().any(|f| f == field)) {
                let f = Finding::warning(
                    Code::MissingCompareData,
                    "this COMPARE step field has no value in additionalData, so there is nothing to compare against",
                )
                .with("step", step.name.as_str())
                .with("field", field.as_str());
                walk.sink.report_place(place, f);
            }
        }
    }
}
