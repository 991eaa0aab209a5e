//! Any bytes: the check must not panic, and the report must be self-consistent.
#![no_main]

use idenfy_preflight::{check, Context, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = check(data, &Context::new());
    let has_error = report.violations().iter().any(|v| v.severity == Severity::Error);
    assert_eq!(report.is_valid(), !has_error);
    if let Some(request) = report.request() {
        // A valid request re-checks as valid and unchanged.
        let once = request.to_json_string();
        let again = check(once.as_bytes(), &Context::new());
        assert!(again.is_valid());
        assert_eq!(again.request().map(|r| r.to_json_string()), Some(once));
    }
});
