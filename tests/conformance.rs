//! Data-driven conformance suite, in the style of JSON-Schema-Test-Suite (jsonschema-rs) and the
//! WPT URL data (rust-url): every rule is tested at its boundaries by JSON case files under
//! `tests/cases/`, one file per topic, each an array of cases, and **each case is a test of its
//! own** (`cargo test --test conformance -- names::` runs one file, a case's name runs one case):
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
//!               "unknown_fields": "warn" | "deny", "default_expiry_time": n,
//!               "show_values": bool (the caller opts in to values and what is derived from them),
//!               "profile": <partner profile file, as JSON>},   all optional
//!   "valid": bool,
//!   "violations": [{"pointer": "/x", "code": "too_long", "severity": "error",   (or a partner
//!                                                   policy's code, "acme.names")
//!                   "params": {...}, "message": "..."}],   the exact, complete, ordered list;
//!                                         "params" optional and compared as a subset (a
//!                                         `null` parameter must be absent: no param is null),
//!                                         "message" optional and compared exactly
//!   "request": <JSON>                     optional: the exact normalized request
//! }
//! ```
//!
//! Member order. Violations come out ordered by their position in the input, and the normalized
//! request keeps the input's member order, so a case body must reach the engine in the order it
//! is written, duplicates included. The harness keeps `"body"` and `"request"` as written
//! (`serde_json::value::RawValue`) and transcodes them to compact JSON event by event
//! (`serde-transcode`), which keeps member order and duplicate keys without building any tree:
//! no JSON reader of the crate under test is involved. `"request"` is compared with the
//! normalized request transcoded the same way, so numbers are spelled alike on both sides.
//!
//! A `"body"` is re-serialized, so its bytes are compact and its strings re-escaped (`"\u00e9"` in
//! a case file reaches the engine as a raw `é`, which is the same JSON string); use `"body_text"`
//! when the exact bytes matter.
//!
//! With `CONFORMANCE_EXPORT=<file>` the run also writes every case for the bindings' own suites
//! (Python, JavaScript): its exact body bytes (`body_hex`), its context and expectations as
//! written, and the Rust engine's whole report (`report`, the `--format json` shape, compact), so
//! each binding proves it reports what this crate reports (`.ci/run` passes it on).
//!
//! Further tests check the suite itself: every `Code` is expected by at least one case, every
//! catalogue member appears in at least one case body, case names are unique within a file, and
//! every code a case expects as an error has a reason (`Code::reason`) citing its source.

use idenfy_preflight::spec::catalogue::FIELDS;
use idenfy_preflight::{check, Code, Context, Engine, Limits, Report, UnknownFields};
use libtest_mimic::{Arguments, Failed, Trial};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One case as written in a case file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    name: String,
    #[allow(dead_code)] // for the reader of the case file
    comment: Option<String>,
    body: Option<Box<RawValue>>,
    body_text: Option<String>,
    body_hex: Option<String>,
    body_base64: Option<String>,
    context: Option<RawContext>,
    valid: bool,
    violations: Vec<Expected>,
    request: Option<Box<RawValue>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    #[serde(skip_serializing_if = "Option::is_none")]
    today: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_bytes: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_depth: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_violations: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unknown_fields: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_expiry_time: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    show_values: Option<bool>,
    /// A partner profile file; the case is broken if it does not load.
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<serde_json::Value>,
}

/// One expected violation.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    pointer: String,
    code: String,
    severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    params: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// A case ready to run.
struct Case {
    body: Vec<u8>,
    /// The account (`profile`, `unknown_fields`, `default_expiry_time`), compiled once; `None`
    /// when the case sets none of them (the default engine, which the free functions are).
    engine: Option<Engine>,
    ctx: Context,
    valid: bool,
    violations: Vec<Expected>,
    request: Option<String>,
}

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

fn load(file: &str) -> Result<Vec<RawCase>, String> {
    let path = cases_dir().join(format!("{file}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Compact JSON of `raw`, event by event: member order and duplicate keys are kept.
fn compact(raw: &str) -> Result<String, String> {
    let mut out = Vec::new();
    let mut de = serde_json::Deserializer::from_str(raw);
    serde_transcode::transcode(&mut de, &mut serde_json::Serializer::new(&mut out))
        .map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
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

fn context(raw: Option<RawContext>) -> Result<(Option<Engine>, Context), String> {
    let raw = raw.unwrap_or_default();
    let mut ctx = Context::new();
    let mut engine = Engine::builder();
    let mut account = false;
    let mut limits = Limits::default();
    if let Some(s) = raw.today {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let d = time::Date::parse(&s, format).map_err(|e| format!("context.today {s:?}: {e}"))?;
        ctx = ctx.with_today(d);
    }
    limits.max_bytes = raw.max_bytes.unwrap_or(limits.max_bytes);
    limits.max_depth = raw.max_depth.unwrap_or(limits.max_depth);
    limits.max_violations = raw.max_violations.unwrap_or(limits.max_violations);
    match raw.unknown_fields.as_deref() {
        None | Some("warn") => {}
        Some("deny") => {
            engine = engine.unknown_fields(UnknownFields::Deny);
            account = true;
        }
        Some(other) => return Err(format!("context.unknown_fields {other:?}: warn or deny")),
    }
    if let Some(n) = raw.default_expiry_time {
        engine = engine.default_expiry_time(n);
        account = true;
    }
    if let Some(show) = raw.show_values {
        ctx = ctx.with_show_values(show);
    }
    if let Some(file) = raw.profile {
        let bytes = serde_json::to_vec(&file).map_err(|e| e.to_string())?;
        let profile = idenfy_preflight::load_profile(&bytes, &Context::new())
            .into_result()
            .map_err(|r| format!("context.profile does not load: {r}"))?;
        engine = engine.profile(profile);
        account = true;
    }
    let engine = match account {
        true => Some(engine.build().map_err(|e| format!("context: {e}"))?),
        false => None,
    };
    Ok((engine, ctx.with_limits(limits)))
}

fn prepare(raw: RawCase) -> Result<Case, String> {
    let body = match (raw.body, raw.body_text, raw.body_hex, raw.body_base64) {
        (Some(b), None, None, None) => compact(b.get())?.into_bytes(),
        (None, Some(t), None, None) => t.into_bytes(),
        (None, None, Some(h), None) => decode_hex(&h)?,
        (None, None, None, Some(b)) => decode_base64(&b)?,
        _ => {
            return Err("exactly one of body, body_text, body_hex, body_base64 is required".into())
        }
    };
    for (i, v) in raw.violations.iter().enumerate() {
        if Code::from_name(&v.code).is_none() && !idenfy_preflight::is_partner_code(&v.code) {
            return Err(format!("violations[{i}]: unknown code {:?}", v.code));
        }
        if !matches!(v.severity.as_str(), "error" | "warning") {
            return Err(format!(
                "violations[{i}]: severity must be error or warning"
            ));
        }
    }
    let (engine, ctx) = context(raw.context)?;
    Ok(Case {
        body,
        engine,
        ctx,
        valid: raw.valid,
        violations: raw.violations,
        request: raw.request.map(|r| compact(r.get())).transpose()?,
    })
}

fn show_pointer(p: &str) -> String {
    if p.is_empty() {
        "\"\" (document)".to_owned()
    } else {
        p.to_owned()
    }
}

fn show_expected(v: &Expected) -> String {
    let mut s = format!(
        "{:<40} {:<32} {}",
        show_pointer(&v.pointer),
        v.code,
        v.severity
    );
    if let Some(p) = &v.params {
        let _ = write!(s, " params⊇{}", serde_json::Value::Object(p.clone()));
    }
    if let Some(m) = &v.message {
        let _ = write!(s, "\n{:>8}{m}", "");
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
                show_pointer(v.pointer()),
                v.code_name(),
                v.severity()
            );
            let params = v.params();
            if !params.is_empty() {
                let _ = write!(s, " params={}", serde_json::Value::Object(params));
            }
            let _ = write!(s, "\n{:>8}{}", "", v.message());
            s
        })
        .collect()
}

fn matches(expected: &Expected, actual: &idenfy_preflight::Violation) -> bool {
    let params = actual.params();
    expected.pointer == actual.pointer()
        && expected.code == actual.code_name()
        && expected.severity == actual.severity().as_str()
        && expected.params.as_ref().is_none_or(|want| {
            want.iter()
                .all(|(k, v)| params.get(k) == (!v.is_null()).then_some(v))
        })
        && expected
            .message
            .as_ref()
            .is_none_or(|want| *want == actual.message())
}

/// Runs one case; `Err` describes every way it failed.
fn run_case(case: &Case) -> Result<(), String> {
    let mut problems = Vec::new();
    let report = match &case.engine {
        Some(engine) => engine.check(&case.body, &case.ctx),
        None => {
            // The free function is the default engine: the same report, whichever is called.
            let report = check(&case.body, &case.ctx);
            if Engine::default().check(&case.body, &case.ctx) != report {
                problems.push("Engine::default() and check() differ".to_owned());
            }
            report
        }
    };

    // Invariants the crate promises for every report.
    let has_errors = report.errors().next().is_some();
    if report.is_valid() == has_errors {
        problems.push(format!(
            "invariant: is_valid() is {} while errors are {}present",
            report.is_valid(),
            if has_errors { "" } else { "not " }
        ));
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
            Some(r) => compact(&r.to_json_string())?,
            None => "(no request: the report is invalid)".to_owned(),
        };
        if &got != want {
            problems.push(format!(
                "request differs\n      expected: {want}\n      actual:   {got}"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        let body = String::from_utf8_lossy(&case.body);
        let body: String = if body.chars().count() > 300 {
            body.chars().take(300).chain("…".chars()).collect()
        } else {
            body.into_owned()
        };
        Err(format!("body: {body}\n    {}", problems.join("\n    ")))
    }
}

/// Codes only the response checker produces: no request case can expect them. tests/response.rs
/// (`every_response_only_code_is_produced_here`) proves each of them is produced there.
const RESPONSE_ONLY: &[Code] = idenfy_preflight::response::RESPONSE_ONLY_CODES;

/// Every code is expected by some case, and no request case expects a response-only code.
fn every_code_is_expected(all: &[(String, RawCase)]) -> Result<(), Failed> {
    let seen: HashSet<Code> = all
        .iter()
        .flat_map(|(_, c)| &c.violations)
        .filter_map(|v| match Code::from_name(&v.code) {
            None if idenfy_preflight::is_partner_code(&v.code) => Some(Code::Policy),
            other => other,
        })
        .collect();
    let here: Vec<&str> = RESPONSE_ONLY
        .iter()
        .filter(|c| seen.contains(c))
        .map(|c| c.as_str())
        .collect();
    if !here.is_empty() {
        return Err(format!("request cases expect response-only codes: {here:?}").into());
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| {
            !seen.contains(c)
                && !RESPONSE_ONLY.contains(c)
                && !idenfy_preflight::PROFILE_ONLY_CODES.contains(c)
        })
        .map(|c| c.as_str())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("no case expects these codes: {missing:?}").into())
    }
}

/// Every code some case expects as an error states a reason that cites its source (the
/// principle of issue 16: an error needs a documented reason).
fn every_error_cites_its_reason(all: &[(String, RawCase)]) -> Result<(), Failed> {
    let errors: HashSet<Code> = all
        .iter()
        .flat_map(|(_, c)| &c.violations)
        .filter(|v| v.severity == "error")
        .filter_map(|v| Code::from_name(&v.code))
        .collect();
    let mut uncited: Vec<&str> = errors
        .iter()
        .filter(|c| {
            !idenfy_preflight::diag::REASON_SOURCES
                .iter()
                .any(|s| c.reason().contains(s))
        })
        .map(|c| c.as_str())
        .collect();
    uncited.sort_unstable();
    if errors.len() < 30 {
        return Err(format!("only {} codes are expected as errors", errors.len()).into());
    }
    if uncited.is_empty() {
        Ok(())
    } else {
        Err(format!("error codes whose reason cites no source: {uncited:?}").into())
    }
}

/// Every name of the catalogue appears in some case body.
fn every_member_appears(all: &[(String, RawCase)]) -> Result<(), Failed> {
    let mut seen: HashSet<String> = HashSet::new();
    for (_, case) in all {
        let text = match (&case.body, &case.body_text) {
            (Some(b), _) => b.get().to_owned(),
            (None, Some(t)) => t.clone(),
            _ => continue,
        };
        if let Ok(serde_json::Value::Object(m)) = serde_json::from_str(&text) {
            seen.extend(m.into_iter().map(|(k, _)| k));
        }
    }
    let missing: Vec<&str> = FIELDS
        .iter()
        .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
        .filter(|name| !seen.contains(*name))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("no case body has these members: {missing:?}").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    let mut all: Vec<(String, RawCase)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    match case_files() {
        Ok(files) => {
            for file in files {
                match load(&file) {
                    Ok(cases) if cases.is_empty() => {
                        problems.push(format!("{file}.json holds no cases"))
                    }
                    Ok(cases) => all.extend(cases.into_iter().map(|c| (file.clone(), c))),
                    Err(e) => problems.push(e),
                }
            }
        }
        Err(e) => problems.push(e),
    }
    let mut names = HashSet::new();
    for (file, case) in &all {
        if !names.insert((file.clone(), case.name.clone())) {
            problems.push(format!("{file}.json: case name {:?} repeats", case.name));
        }
    }
    let every_code = every_code_is_expected(&all);
    let every_member = every_member_appears(&all);
    let every_error = every_error_cites_its_reason(&all);
    trials.push(Trial::test(
        "suite::every_error_code_cites_the_reason_of_its_refusal",
        move || every_error,
    ));
    trials.push(Trial::test(
        "suite::every_code_is_expected_by_some_case",
        move || every_code,
    ));
    trials.push(Trial::test(
        "suite::every_catalogue_member_appears_in_some_body",
        move || every_member,
    ));
    trials.push(Trial::test(
        "suite::case_files_are_well_formed",
        move || {
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("\n").into())
            }
        },
    ));
    let export_to = std::env::var_os("CONFORMANCE_EXPORT");
    let mut export = Vec::new();
    for (file, raw) in all {
        let name = format!("{file}::{}", raw.name);
        let written = export_to.as_ref().map(|_| Written::of(&raw));
        let prepared = prepare(raw);
        if let Some(written) = written {
            export.push(written.with_report(&name, &prepared));
        }
        trials.push(Trial::test(name, move || {
            let case = prepared.map_err(|e| format!("malformed case: {e}"))?;
            run_case(&case).map_err(Failed::from)
        }));
    }
    if let Some(path) = export_to {
        let written = write_export(Path::new(&path), export);
        trials.push(Trial::test("suite::export_for_the_bindings", move || {
            written.map_err(Failed::from)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

/// What a case file says of a case, kept for the export before [`prepare`] consumes it.
struct Written {
    context: RawContext,
    valid: bool,
    violations: Vec<Expected>,
}

impl Written {
    fn of(raw: &RawCase) -> Self {
        Written {
            context: raw.context.clone().unwrap_or_default(),
            valid: raw.valid,
            violations: raw.violations.clone(),
        }
    }

    /// The exported case: the bytes the engine checks and its report, beside what is expected.
    fn with_report(self, name: &str, prepared: &Result<Case, String>) -> Result<Value, String> {
        let case = prepared
            .as_ref()
            .map_err(|e| format!("{name}: malformed case: {e}"))?;
        let report = match &case.engine {
            Some(engine) => engine.check(&case.body, &case.ctx),
            None => check(&case.body, &case.ctx),
        };
        let report = serde_json::to_string(&report).map_err(|e| e.to_string())?;
        let hex: String = case.body.iter().map(|b| format!("{b:02x}")).collect();
        Ok(serde_json::json!({
            "name": name,
            "body_hex": hex,
            "context": self.context,
            "valid": self.valid,
            "violations": self.violations,
            "request": case.request,
            "report": report,
        }))
    }
}

/// Writes `{"cases": [...]}` to `path`: every case, or an error naming the first that is not.
fn write_export(path: &Path, cases: Vec<Result<Value, String>>) -> Result<(), String> {
    let cases = cases.into_iter().collect::<Result<Vec<_>, _>>()?;
    let text =
        serde_json::to_string(&serde_json::json!({ "cases": cases })).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
