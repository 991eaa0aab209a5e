//! Any bytes as a request body: the check must not panic, the report must be self-consistent,
//! and a valid request must re-check as valid and unchanged (normalization is idempotent).
#![no_main]

use idenfy_preflight::{check, Context, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ctx = Context::new();
    let report = check(data, &ctx);
    let has_error = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !has_error);
    assert_eq!(report.is_valid(), report.error_count() == 0);
    for v in report.violations() {
        assert!(v.pointer().is_empty() || v.pointer().starts_with('/'));
        // Rendering on demand must not panic either.
        let _ = (v.message(), v.params(), v.to_string());
    }
    let _ = report.to_string();
    if let Some(request) = report.request() {
        let once = request.to_json_string();
        let again = check(once.as_bytes(), &ctx);
        assert!(again.is_valid(), "{once}");
        assert_eq!(again.request().map(|r| r.to_json_string()), Some(once));
    }
});
