//! A valid request allocates nothing beyond its normalized output: a counting allocator holds
//! the number of allocations of a check to the number of heap blocks the normalized request
//! itself owns.

use idenfy_preflight::{check, Context};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const DOCS: &[u8] = include_bytes!("../examples/docs-request.json");
const MINIMAL: &[u8] = br#"{"clientId": "100000", "firstName": "John Tom", "lastName": "Smith"}"#;
/// Empty containers own no block. (Step content is left out: the rules between steps and data
/// copy what they read, docs/PERFORMANCE.md, "Allocations".)
const CONTAINERS: &[u8] = br#"{"clientId": "c", "additionalData": {}, "documents": []}"#;

/// Allocations made by one check of `body` (after a first check built the lazy tables).
fn allocations<'a>(body: &'a [u8], ctx: &Context) -> (usize, idenfy_preflight::Report<'a>) {
    drop(check(body, ctx));
    let region = Region::new(GLOBAL);
    let report = check(body, ctx);
    let stats = region.change();
    (stats.allocations + stats.reallocations, report)
}

// One test only: the counter is global, and tests running in parallel would count each other.
#[test]
fn a_valid_request_allocates_only_its_normalized_output() {
    let ctx = Context::new();
    for (name, body) in [
        ("minimal", MINIMAL),
        ("docs example", DOCS),
        ("containers", CONTAINERS),
    ] {
        let (n, report) = allocations(body, &ctx);
        let request = report.request().expect("valid");
        assert!(report.violations().is_empty(), "{name}");
        let owned = request.heap_blocks();
        assert_eq!(
            n, owned,
            "{name}: {n} allocations for {owned} blocks of output"
        );
    }
    // With today's date the docs' example document is expired: one warning, whose pointer and
    // the list holding it are the only allocations beyond the output. Building the message and
    // parameters waits until they are asked for.
    let ctx = Context::new().with_today(time::macros::date!(2026 - 11 - 25));
    let (n, report) = allocations(DOCS, &ctx);
    assert_eq!(report.violations().len(), 1);
    let owned = report.request().expect("valid").heap_blocks();
    assert_eq!(
        n,
        owned + 2,
        "{n} allocations for {owned} blocks of output and one warning"
    );
}
