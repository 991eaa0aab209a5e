//! The cost of a full check against the cost of merely parsing the same body with serde_json,
//! and against the `jsonschema` crate validating the same body with the published schema.
//!
//! Run: `cargo bench --bench check`, then `python3 benches/ratios.py` for the ratio table of
//! that run (medians, each relative to the typed parse of the same input).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

#[path = "support/workloads.rs"]
mod workloads;
use workloads::*;

fn bench(c: &mut Criterion) {
    let ctx = context();
    let with_profile = profile_engine();
    // Compile the schema before timing anything.
    let _ = &*SCHEMA;
    for (name, body) in INPUTS {
        let mut g = c.benchmark_group(name);
        g.bench_function("typed_parse", |b| b.iter(|| typed(black_box(body))));
        g.bench_function("value_parse", |b| b.iter(|| value(black_box(body))));
        g.bench_function("jsonschema_is_valid", |b| {
            b.iter(|| schema_is_valid(black_box(body)))
        });
        g.bench_function("jsonschema_all_errors", |b| {
            b.iter(|| schema_all_errors(black_box(body)))
        });
        g.bench_function("check", |b| b.iter(|| check(black_box(body), &ctx)));
        g.bench_function("check_with_profile", |b| {
            b.iter(|| check_on(&with_profile, black_box(body), &ctx))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
