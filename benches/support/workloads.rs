//! The three inputs of the performance table and the baselines they are measured against,
//! shared by the timing bench (`check.rs`) and the instruction-count bench (`instructions.rs`).

use serde::Deserialize;
use std::sync::LazyLock;

/// The docs' request example (valid; its expired document earns one warning).
pub const DOCS: &[u8] = include_bytes!("../../examples/docs-request.json");
/// The smallest realistic request.
pub const MINIMAL: &[u8] = include_bytes!("../inputs/minimal.json");
/// The docs' example with eight mistakes of the right JSON types (so the typed parse still
/// succeeds): every violation is collected with code, pointer and parameters.
pub const EIGHT_VIOLATIONS: &[u8] = include_bytes!("../inputs/docs-8-violations.json");

/// The inputs, by the name the tables use.
pub const INPUTS: [(&str, &[u8]); 3] = [
    ("docs_example", DOCS),
    ("minimal", MINIMAL),
    ("eight_violations", EIGHT_VIOLATIONS),
];

/// What a service pays anyway: the body into a plain typed struct with the docs' members.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // fields exist to be deserialized
pub struct Typed {
    client_id: String,
    first_name: Option<String>,
    last_name: Option<String>,
    success_url: Option<String>,
    error_url: Option<String>,
    unverified_url: Option<String>,
    callback_url: Option<String>,
    locale: Option<String>,
    show_instructions: Option<bool>,
    expiry_time: Option<u32>,
    session_length: Option<u32>,
    country: Option<String>,
    documents: Option<Vec<String>>,
    date_of_birth: Option<String>,
    date_of_expiry: Option<String>,
    date_of_issue: Option<String>,
    nationality: Option<String>,
    personal_number: Option<String>,
    document_number: Option<String>,
    sex: Option<String>,
    address: Option<String>,
    token_type: Option<String>,
    external_ref: Option<String>,
    utility_bill: Option<bool>,
    additional_steps: Option<serde_json::Value>,
    additional_data: Option<serde_json::Value>,
    questionnaire: Option<String>,
}

/// The published request schema, compiled once (validators are built once in a service too).
pub static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../schema/token-request.schema.json"))
            .expect("the committed schema is JSON");
    jsonschema::validator_for(&schema).expect("the committed schema compiles")
});

/// The check's context: today's date fixed, so the docs' example is expired (one warning).
pub fn context() -> idenfy_preflight::Context {
    idenfy_preflight::Context::new().with_today(time::macros::date!(2026 - 11 - 25))
}

/// An engine for the partner profile of `examples/profile.json`, read and compiled once (a
/// service builds its account's engine at start-up, not per request).
pub fn profile_engine() -> idenfy_preflight::Engine {
    let file = include_bytes!("../../examples/profile.json");
    idenfy_preflight::Engine::builder()
        .profile_file(file, &idenfy_preflight::Context::new())
        .expect("the example profile loads")
        .build()
        .expect("its policies apply")
}

/// One operation of each kind on `body`; the result is returned so it is not optimized away.
pub fn typed(body: &[u8]) -> bool {
    serde_json::from_slice::<Typed>(body).is_ok()
}

pub fn value(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok()
}

pub fn schema_is_valid(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|v| SCHEMA.is_valid(&v))
}

pub fn schema_all_errors(body: &[u8]) -> usize {
    serde_json::from_slice::<serde_json::Value>(body).map_or(0, |v| SCHEMA.iter_errors(&v).count())
}

pub fn check(body: &[u8], ctx: &idenfy_preflight::Context) -> usize {
    idenfy_preflight::check(body, ctx).violations().len()
}

/// The same check under `engine`'s account.
pub fn check_on(
    engine: &idenfy_preflight::Engine,
    body: &[u8],
    ctx: &idenfy_preflight::Context,
) -> usize {
    engine.check(body, ctx).violations().len()
}
