//! Data-driven conformance suite, in the style of JSON-Schema-Test-Suite (jsonschema-rs) and the
//! WPT URL data (rust-url): every rule is tested at its boundaries by JSON case files under
//! `tests/cases/`, one file per topic, each an array of cases:
//!
//! ```text
//! {
//!   "name": "unique within the file",
//!   "comment": "optional, ignored",
//!   "body": <JSON value>            exactly one of the four body fields:
//!   "body_text": "raw text",        the bytes of the string, as is (malformed JSON, spelling of
//!                                   numbers, whitespace, exact sizes)
//!   "body_hex": "7b 22 ...",        raw bytes (invalid UTF-8); spaces are ignored
//!   "body_base64": "eyJ...",        raw bytes, standard alphabet
//!   "context": {"today": "YYYY-MM-DD", "max_bytes": n, "max_depth": n, "max_violations": n,
//!               "unknown_fields": "warn" | "deny", "default_expiry_time": n},   all optional
//!   "valid": bool,
//!   "violations": [{"pointer": "/x", "code": "too_long", "severity": "error",
//!                   "params": {...}}],    the exact, complete, ordered list; "params" optional
//!   "request": <JSON>                     optional: the exact normalized request
//! }
//! ```
//!
//! Member order. Violations come out ordered by their position in the input, and the normalized
//! request keeps the input's member order, so a case body must reach the engine in the order it
//! is written. serde_json's `Value` cannot promise that (its `Map` is a `BTreeMap` unless some
//! crate in the build turns on `preserve_order`) and it also drops duplicate keys. So the harness
//! reads case files into its own small order-preserving tree ([`J`], built by serde_json's
//! tokenizer through a visitor, independent of the crate's reader under test): a `"body"` keeps
//! its member order and even duplicate keys, and is re-serialized compactly, in that order, to
//! get the bytes passed to `idenfy_preflight::check`. Violations are therefore compared in order,
//! as the crate promises, never sorted. `"request"` is compared member by member, in order.
//!
//! A `"body"` is re-serialized, so its bytes are compact and its strings re-escaped (`"\u00e9"` in
//! a case file reaches the engine as a raw `é`, which is the same JSON string); use `"body_text"`
//! when the exact bytes matter.
//!
//! Each case file gets its own `#[test]` (see `suite!`), which runs every case of the file and
//! panics once at the end listing every failing case with what was expected and what came out.
//! Further tests check that every case file is run, that every `Code` is expected by at least one
//! case, and that every catalogue member appears in at least one case body.

use idenfy_preflight::catalogue::FIELDS;
use idenfy_preflight::{check, Code, Context, Limits, Report, Severity, UnknownFields};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::collections::{BTreeSet, HashSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// An order-preserving JSON tree for the case files.
// ---------------------------------------------------------------------------------------------

/// JSON with objects as member lists in file order (duplicates kept).
#[derive(Clone, Debug, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<J>),
    Object(Vec<(String, J)>),
}

impl J {
    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            J::String(s) => Some(s),
            _ => None,
        }
    }

    fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("<unserializable: {e}>"))
    }

    /// For comparing `params` (maps compare regardless of order there, which is right for them).
    fn to_serde(&self) -> serde_json::Value {
        match self {
            J::Null => serde_json::Value::Null,
            J::Bool(b) => serde_json::Value::Bool(*b),
            J::Number(n) => serde_json::Value::Number(n.clone()),
            J::String(s) => serde_json::Value::String(s.clone()),
            J::Array(a) => serde_json::Value::Array(a.iter().map(J::to_serde).collect()),
            J::Object(o) => serde_json::Value::Object(
                o.iter().map(|(k, v)| (k.clone(), v.to_serde())).collect(),
            ),
        }
    }
}

impl Serialize for J {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            J::Null => s.serialize_unit(),
            J::Bool(b) => s.serialize_bool(*b),
            J::Number(n) => n.serialize(s),
            J::String(v) => s.serialize_str(v),
            J::Array(a) => {
                let mut seq = s.serialize_seq(Some(a.len()))?;
                for v in a {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            J::Object(o) => {
                let mut map = s.serialize_map(Some(o.len()))?;
                for (k, v) in o {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

struct JVisitor;

impl<'de> Visitor<'de> for JVisitor {
    type Value = J;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<J, E> {
        Ok(J::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<J, E> {
        Ok(J::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<J, E> {
        Ok(J::Number(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<J, E> {
        serde_json::Number::from_f64(n)
            .map(J::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, s: &str) -> Result<J, E> {
        Ok(J::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<J, E> {
        Ok(J::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<J, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(J::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<J, A::Error> {
        let mut members = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, J>()? {
            members.push((k, v));
        }
        Ok(J::Object(members))
    }
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        d.deserialize_any(JVisitor)
    }
}

// ---------------------------------------------------------------------------------------------
// Case files.
// ---------------------------------------------------------------------------------------------

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

/// Every case file name (without `.json`), sorted.
fn case_files() -> Result<Vec<String>, String> {
    let dir = cases_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                names.push(stem.to_owned());
            }
        }
    }
    names.sort();
    Ok(names)
}

fn load(file: &str) -> Result<Vec<J>, String> {
    let path = cases_dir().join(format!("{file}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    match serde_json::from_str::<J>(&text) {
        Ok(J::Array(cases)) => Ok(cases),
        Ok(_) => Err(format!("{}: must hold an array of cases", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

const CASE_KEYS: &[&str] = &[
    "name",
    "comment",
    "body",
    "body_text",
    "body_hex",
    "body_base64",
    "context",
    "valid",
    "violations",
    "request",
];
const CONTEXT_KEYS: &[&str] = &[
    "today",
    "max_bytes",
    "max_depth",
    "max_violations",
    "unknown_fields",
    "default_expiry_time",
];
const VIOLATION_KEYS: &[&str] = &["pointer", "code", "severity", "params"];

/// One expected violation.
#[derive(Debug)]
struct Expected {
    pointer: String,
    code: Code,
    severity: Severity,
    params: Option<Vec<(String, J)>>,
}

/// A case, read and checked for shape.
struct Case {
    name: String,
    body: Vec<u8>,
    ctx: Context,
    valid: bool,
    violations: Vec<Expected>,
    request: Option<J>,
}

fn members<'j>(v: &'j J, what: &str, allowed: &[&str]) -> Result<&'j [(String, J)], String> {
    let J::Object(m) = v else {
        return Err(format!("{what} must be an object"));
    };
    let mut seen = HashSet::new();
    for (k, _) in m {
        if !allowed.contains(&k.as_str()) {
            return Err(format!("{what}: unknown key {k:?} (allowed: {allowed:?})"));
        }
        if !seen.insert(k.as_str()) {
            return Err(format!("{what}: key {k:?} given twice"));
        }
    }
    Ok(m)
}

fn as_usize(v: &J, what: &str) -> Result<usize, String> {
    match v {
        J::Number(n) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| format!("{what} must be a non-negative integer")),
        _ => Err(format!("{what} must be a non-negative integer")),
    }
}

fn decode_hex(s: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !digits.len().is_multiple_of(2) {
        return Err("body_hex has an odd number of digits".into());
    }
    digits
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .ok_or_else(|| format!("body_hex: bad digits {:?}", String::from_utf8_lossy(pair)))
        })
        .collect()
}

fn decode_base64(s: &str) -> Result<Vec<u8>, String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=') {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or_else(|| format!("body_base64: bad character {:?}", c as char))?;
        acc = (acc << 6) | u32::try_from(v).map_err(|e| e.to_string())?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

fn parse_context(v: &J) -> Result<Context, String> {
    let mut ctx = Context::new();
    let mut limits = Limits::default();
    for (k, v) in members(v, "context", CONTEXT_KEYS)? {
        match k.as_str() {
            "today" => {
                let s = v.as_str().ok_or("context.today must be a string")?;
                let format = time::macros::format_description!("[year]-[month]-[day]");
                let d = time::Date::parse(s, format)
                    .map_err(|e| format!("context.today {s:?}: {e}"))?;
                ctx = ctx.with_today(d);
            }
            "max_bytes" => limits.max_bytes = as_usize(v, "context.max_bytes")?,
            "max_depth" => limits.max_depth = as_usize(v, "context.max_depth")?,
            "max_violations" => limits.max_violations = as_usize(v, "context.max_violations")?,
            "unknown_fields" => {
                let policy = match v.as_str() {
                    Some("warn") => UnknownFields::Warn,
                    Some("deny") => UnknownFields::Deny,
                    _ => return Err("context.unknown_fields must be \"warn\" or \"deny\"".into()),
                };
                ctx = ctx.with_unknown_fields(policy);
            }
            "default_expiry_time" => {
                let J::Number(n) = v else {
                    return Err("context.default_expiry_time must be an integer".into());
                };
                let n = n
                    .as_i64()
                    .ok_or("context.default_expiry_time must be an integer")?;
                ctx = ctx.with_default_expiry_time(n);
            }
            _ => unreachable!("keys were checked"),
        }
    }
    Ok(ctx.with_limits(limits))
}

fn parse_violation(v: &J, i: usize) -> Result<Expected, String> {
    let what = format!("violations[{i}]");
    let m = members(v, &what, VIOLATION_KEYS)?;
    let field = |name: &str| {
        m.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .ok_or_else(|| format!("{what}: {name} is required"))
    };
    let pointer = field("pointer")?
        .as_str()
        .ok_or_else(|| format!("{what}.pointer must be a string"))?
        .to_owned();
    let code_name = field("code")?
        .as_str()
        .ok_or_else(|| format!("{what}.code must be a string"))?;
    let code =
        Code::from_name(code_name).ok_or_else(|| format!("{what}: unknown code {code_name:?}"))?;
    let severity = match field("severity")?.as_str() {
        Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        _ => return Err(format!("{what}.severity must be \"error\" or \"warning\"")),
    };
    let params = match v.get("params") {
        None => None,
        Some(J::Object(p)) => Some(p.clone()),
        Some(_) => return Err(format!("{what}.params must be an object")),
    };
    Ok(Expected {
        pointer,
        code,
        severity,
        params,
    })
}

fn parse_case(v: &J) -> Result<Case, String> {
    let m = members(v, "case", CASE_KEYS)?;
    let name = v
        .get("name")
        .and_then(J::as_str)
        .ok_or("case.name (a string) is required")?
        .to_owned();
    let in_case = |e: String| format!("case {name:?}: {e}");
    let bodies: Vec<&(String, J)> = m.iter().filter(|(k, _)| k.starts_with("body")).collect();
    let body = match bodies.as_slice() {
        [(k, b)] => match (k.as_str(), b) {
            ("body", b) => serde_json::to_vec(b).map_err(|e| in_case(e.to_string()))?,
            ("body_text", J::String(s)) => s.as_bytes().to_vec(),
            ("body_hex", J::String(s)) => decode_hex(s).map_err(in_case)?,
            ("body_base64", J::String(s)) => decode_base64(s).map_err(in_case)?,
            (k, _) => return Err(in_case(format!("{k} must be a string"))),
        },
        _ => {
            return Err(in_case(
                "exactly one of body, body_text, body_hex, body_base64 is required".into(),
            ))
        }
    };
    let ctx = match v.get("context") {
        Some(c) => parse_context(c).map_err(in_case)?,
        None => Context::new(),
    };
    let valid = match v.get("valid") {
        Some(J::Bool(b)) => *b,
        _ => return Err(in_case("valid (a boolean) is required".into())),
    };
    let violations = match v.get("violations") {
        Some(J::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| parse_violation(item, i))
            .collect::<Result<_, _>>()
            .map_err(in_case)?,
        _ => {
            return Err(in_case(
                "violations (an array, [] for none) is required".into(),
            ))
        }
    };
    Ok(Case {
        name,
        body,
        ctx,
        valid,
        violations,
        request: v.get("request").cloned(),
    })
}

// ---------------------------------------------------------------------------------------------
// Running and comparing.
// ---------------------------------------------------------------------------------------------

fn show_expected(v: &Expected) -> String {
    let mut s = format!(
        "{:<40} {:<32} {}",
        show_pointer(&v.pointer),
        v.code.as_str(),
        v.severity.as_str()
    );
    if let Some(p) = &v.params {
        let _ = write!(s, " params⊇{}", J::Object(p.clone()).to_text());
    }
    s
}

fn show_actual(report: &Report<'_>) -> Vec<String> {
    report
        .violations()
        .iter()
        .map(|v| {
            let mut s = format!(
                "{:<40} {:<32} {}",
                show_pointer(&v.pointer),
                v.code.as_str(),
                v.severity.as_str()
            );
            if !v.params.is_empty() {
                let _ = write!(s, " params={}", serde_json::Value::Object(v.params.clone()));
            }
            let _ = write!(s, "\n{:>8}{}", "", v.message);
            s
        })
        .collect()
}

fn show_pointer(p: &str) -> String {
    if p.is_empty() {
        "\"\" (document)".to_owned()
    } else {
        p.to_owned()
    }
}

fn matches(expected: &Expected, actual: &idenfy_preflight::Violation) -> bool {
    expected.pointer == actual.pointer
        && expected.code == actual.code
        && expected.severity == actual.severity
        && expected.params.as_ref().is_none_or(|params| {
            params
                .iter()
                .all(|(k, v)| actual.params.get(k) == Some(&v.to_serde()))
        })
}

/// Runs one case; `Err` describes every way it failed.
fn run_case(case: &Case) -> Result<(), String> {
    let report = check(&case.body, &case.ctx);
    let mut problems = Vec::new();

    // Invariants the crate promises for every report.
    let has_errors = report.errors().next().is_some();
    if report.is_valid() == has_errors {
        problems.push(format!(
            "invariant: is_valid() is {} while errors are {}present",
            report.is_valid(),
            if has_errors { "" } else { "not " }
        ));
    }
    if report.request().is_some() != report.is_valid() {
        problems.push("invariant: a request must be present exactly when valid".to_owned());
    }

    if report.is_valid() != case.valid {
        problems.push(format!(
            "valid: expected {}, got {}",
            case.valid,
            report.is_valid()
        ));
    }
    let actual = report.violations();
    let same = actual.len() == case.violations.len()
        && case
            .violations
            .iter()
            .zip(actual)
            .all(|(e, a)| matches(e, a));
    if !same {
        let mut s = String::from("violations differ\n      expected:");
        if case.violations.is_empty() {
            s.push_str(" (none)");
        }
        for e in &case.violations {
            let _ = write!(s, "\n        {}", show_expected(e));
        }
        s.push_str("\n      actual:");
        if actual.is_empty() {
            s.push_str(" (none)");
        }
        for a in show_actual(&report) {
            let _ = write!(s, "\n        {a}");
        }
        problems.push(s);
    }
    if let Some(want) = &case.request {
        let got = match report.request() {
            Some(r) => serde_json::from_str::<J>(&r.to_json_string())
                .map_err(|e| format!("unreadable request: {e}"))?,
            None => J::Null,
        };
        if &got != want {
            problems.push(format!(
                "request differs\n      expected: {}\n      actual:   {}",
                want.to_text(),
                if report.request().is_some() {
                    got.to_text()
                } else {
                    "(no request: the report is invalid)".to_owned()
                }
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

/// Runs every case of `tests/cases/<file>.json`; panics once, listing every failing case.
fn run_file(file: &str) {
    let cases = match load(file) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    assert!(!cases.is_empty(), "{file}.json holds no cases");
    let mut failures = Vec::new();
    let mut names = HashSet::new();
    for (i, raw) in cases.iter().enumerate() {
        let case = match parse_case(raw) {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{file}.json case #{i}: malformed case: {e}"));
                continue;
            }
        };
        if !names.insert(case.name.clone()) {
            failures.push(format!("{file}.json: case name {:?} repeats", case.name));
        }
        if let Err(e) = run_case(&case) {
            let body = String::from_utf8_lossy(&case.body);
            let body: String = if body.chars().count() > 300 {
                body.chars().take(300).chain("…".chars()).collect()
            } else {
                body.into_owned()
            };
            failures.push(format!(
                "{file}.json / {:?}\n    body: {body}\n    {e}",
                case.name
            ));
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} cases in {file}.json failed:\n\n{}\n",
            failures.len(),
            cases.len(),
            failures.join("\n\n")
        );
    }
}

macro_rules! suite {
    ($($file:ident),* $(,)?) => {
        /// The case files with a test of their own.
        const SUITES: &[&str] = &[$(stringify!($file)),*];
        $(
            #[test]
            fn $file() {
                run_file(stringify!($file));
            }
        )*
    };
}

suite!(
    additional_steps,
    booleans_and_types,
    client_id,
    countries,
    cross_field,
    dates,
    document_level,
    documents,
    docs_example,
    integers,
    locale,
    names,
    nulls,
    text_fields,
    unknown_and_legacy,
    urls,
);

// ---------------------------------------------------------------------------------------------
// Coverage of the suite itself.
// ---------------------------------------------------------------------------------------------

fn all_cases() -> Vec<(String, J)> {
    let files = match case_files() {
        Ok(f) => f,
        Err(e) => panic!("{e}"),
    };
    let mut out = Vec::new();
    for file in files {
        match load(&file) {
            Ok(cases) => out.extend(cases.into_iter().map(|c| (file.clone(), c))),
            Err(e) => panic!("{e}"),
        }
    }
    out
}

#[test]
fn every_case_file_has_a_test() {
    let files: BTreeSet<String> = match case_files() {
        Ok(f) => f.into_iter().collect(),
        Err(e) => panic!("{e}"),
    };
    let suites: BTreeSet<String> = SUITES.iter().map(|s| (*s).to_owned()).collect();
    let unrun: Vec<_> = files.difference(&suites).collect();
    let missing: Vec<_> = suites.difference(&files).collect();
    assert!(
        unrun.is_empty() && missing.is_empty(),
        "case files without a suite!() entry: {unrun:?}; suite!() entries without a file: {missing:?}"
    );
}

/// Codes only the response checker produces: no request case can expect them. tests/response.rs
/// (`every_response_only_code_is_produced_here`) proves each of them is produced there.
const RESPONSE_ONLY: &[Code] = idenfy_preflight::response::RESPONSE_ONLY_CODES;

#[test]
fn every_code_is_expected_by_some_case() {
    let mut seen = HashSet::new();
    for (_, case) in all_cases() {
        if let Some(J::Array(vs)) = case.get("violations") {
            for v in vs {
                if let Some(code) = v.get("code").and_then(J::as_str).and_then(Code::from_name) {
                    seen.insert(code);
                }
            }
        }
    }
    let expected_here: Vec<&str> = RESPONSE_ONLY
        .iter()
        .filter(|c| seen.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(
        expected_here.is_empty(),
        "request cases expect response-only codes: {expected_here:?}"
    );
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| !seen.contains(c) && !RESPONSE_ONLY.contains(c))
        .map(|c| c.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "no case expects these codes: {missing:?}"
    );
}

#[test]
fn every_catalogue_member_appears_in_some_body() {
    let mut seen: HashSet<String> = HashSet::new();
    for (_, case) in all_cases() {
        let body = match (case.get("body"), case.get("body_text")) {
            (Some(b), _) => Some(b.clone()),
            (None, Some(J::String(t))) => serde_json::from_str::<J>(t).ok(),
            _ => None,
        };
        if let Some(J::Object(members)) = body {
            seen.extend(members.into_iter().map(|(k, _)| k));
        }
    }
    let missing: Vec<&str> = FIELDS
        .iter()
        .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
        .filter(|name| !seen.contains(*name))
        .collect();
    assert!(
        missing.is_empty(),
        "no case body has these members: {missing:?}"
    );
}

#[test]
fn case_files_are_well_formed() {
    let mut problems = Vec::new();
    for (file, case) in all_cases() {
        if let Err(e) = parse_case(&case) {
            problems.push(format!("{file}.json: {e}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
