//! The cost of a full check against the cost of merely parsing the same body with serde_json.
//!
//! Baselines: `serde_json::from_slice` into a typed struct with the members of the docs' example
//! (what a service pays anyway), and into a generic `serde_json::Value` tree.
//! Run: `cargo bench --bench check`.

use criterion::{criterion_group, criterion_main, Criterion};
use idenfy_preflight::{check, Context};
use serde::Deserialize;
use std::hint::black_box;

const DOCS_EXAMPLE: &[u8] = include_bytes!("../examples/docs-request.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // fields exist to be deserialized
struct Typed {
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

fn bench(c: &mut Criterion) {
    let ctx = Context::new().with_today(time::macros::date!(2026 - 11 - 25));
    let mut g = c.benchmark_group("docs_example");
    g.bench_function("serde_json_typed_baseline", |b| {
        b.iter(|| serde_json::from_slice::<Typed>(black_box(DOCS_EXAMPLE)).map(|t| t.client_id))
    });
    g.bench_function("serde_json_value_baseline", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(DOCS_EXAMPLE)))
    });
    g.bench_function("read_tree_only", |b| {
        b.iter(|| idenfy_preflight::json::read(black_box(DOCS_EXAMPLE), 1 << 20, 32).is_ok())
    });
    g.bench_function("check", |b| {
        b.iter(|| check(black_box(DOCS_EXAMPLE), &ctx).is_valid())
    });
    g.bench_function("check_and_serialize", |b| {
        b.iter(|| {
            check(black_box(DOCS_EXAMPLE), &ctx)
                .request()
                .map(|r| r.to_json_string().len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
