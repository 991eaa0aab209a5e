//! Any bytes as a token response, compared with the docs' request: no panic, a consistent
//! report, and URLs exactly when the token is usable.
#![no_main]

use idenfy_preflight::{check, check_response, Context, Severity};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static REQUEST: LazyLock<idenfy_preflight::Report<'static>> = LazyLock::new(|| {
    check(
        include_bytes!("../../examples/docs-request.json"),
        &Context::new(),
    )
    .into_owned()
});

fuzz_target!(|data: &[u8]| {
    let ctx = Context::new();
    // The first byte chooses whether the echo is compared with a request.
    let (with_request, body) = match data.split_first() {
        Some((b, rest)) => (b % 2 == 0, rest),
        None => (false, data),
    };
    let request = if with_request {
        REQUEST.request()
    } else {
        None
    };
    let report = check_response(body, request, &ctx);
    let has_error = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !has_error);
    assert_eq!(
        report.redirect_url().is_some(),
        report.iframe_url().is_some()
    );
    assert!(!report.is_valid() || report.redirect_url().is_some());
    for v in report.violations() {
        let _ = (v.message(), v.params());
    }
});
