//! The typed path: any bytes that deserialize as a `TokenRequest` must get the same report
//! through the struct as through its JSON, and a valid one must convert back and re-check to
//! the same JSON value.
#![no_main]

use idenfy_preflight::{check_str, Context, TokenRequest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(typed) = serde_json::from_slice::<TokenRequest>(data) else {
        return;
    };
    let ctx = Context::new();
    let through_struct = typed.check(&ctx);
    let json = typed.to_json_string();
    let through_json = check_str(&json, &ctx).into_owned();
    assert_eq!(through_struct, through_json, "{json}");
    if let Some(sent) = through_struct.request() {
        let back = TokenRequest::try_from(sent).expect("a valid request converts back");
        // The same JSON value: the struct keeps additionalSteps as a `serde_json::Value`, whose
        // objects order their keys, so `lK` then `LT` comes back as `LK` after `LT`.
        let again = back.check(&ctx);
        assert_eq!(
            again.request().map(|r| r.to_serde_value()),
            Some(sent.to_serde_value())
        );
    }
});
