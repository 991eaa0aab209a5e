//! Structure-aware: requests built from the catalogue by `ArbitraryRequest` (feature
//! `arbitrary`), valid or with one rule broken. A valid one must check valid; a near miss must
//! earn exactly its label.
#![no_main]

use idenfy_preflight::arbitrary::ArbitraryRequest;
use idenfy_preflight::{check, Context};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|request: ArbitraryRequest| {
    let report = check(&request.body, &Context::new());
    match &request.label {
        None => assert!(report.is_valid(), "{:?}", report.violations()),
        Some(label) => assert!(label.holds(&report), "{label:?}: {:?}", report.violations()),
    }
});
