//! `ArbitraryRequest` (feature `arbitrary`): from any fuzzer bytes, a valid request checks valid
//! and a near miss earns exactly its label; both kinds come up.
#![cfg(feature = "arbitrary")]

use arbitrary::{Arbitrary, Unstructured};
use idenfy_preflight::arbitrary::ArbitraryRequest;
use idenfy_preflight::{check, Context};

/// Deterministic pseudo-random bytes (xorshift), as a fuzzer's input would be.
fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

#[test]
fn labels_hold_for_any_input() {
    let ctx = Context::new();
    let (mut valid, mut broken) = (0, 0);
    let mut seen = std::collections::BTreeSet::new();
    let mut values = std::collections::BTreeSet::new();
    let inputs = if std::env::var_os("IDENFY_QUICK_TESTS").is_some() {
        400
    } else {
        2000
    };
    for seed in 0..inputs {
        let data = bytes(seed, 64 + (seed as usize % 512));
        // Any input builds a request: a fuzzer's bytes are never wasted on an error.
        let request = match ArbitraryRequest::arbitrary(&mut Unstructured::new(&data)) {
            Ok(request) => request,
            Err(e) => panic!("seed {seed}: {e}"),
        };
        let report = check(&request.body, &ctx);
        match &request.label {
            None => {
                valid += 1;
                if let Ok(serde_json::Value::Object(m)) = serde_json::from_slice(&request.body) {
                    seen.extend(m.keys().cloned());
                    values.extend(m.into_iter().map(|(k, v)| format!("{k}={v}")));
                }
                // Clean, not just valid: no legacy member, nothing a warning is about.
                assert!(
                    report.violations().is_empty(),
                    "{} {:?}",
                    String::from_utf8_lossy(&request.body),
                    report.violations()
                );
            }
            Some(label) => {
                broken += 1;
                assert!(label.holds(&report), "{label:?}: {:?}", report.violations());
            }
        }
    }
    // Valid requests hold every documented member now and then, but never a legacy one (it
    // would earn a warning).
    for m in idenfy_preflight::catalogue::members() {
        let legacy = m.origin() == idenfy_preflight::catalogue::Origin::Legacy;
        assert_eq!(seen.contains(m.name()), !legacy, "{}", m.name());
    }
    // Each member over several values (its edges and some between), not one canonical value.
    assert!(values.len() > 3 * seen.len(), "{} values", values.len());
    // Both kinds, in about the shares a full run sees (over 25% and 15%).
    assert!(
        valid * 4 > inputs && broken * 100 > inputs * 15,
        "{valid} valid, {broken} near misses"
    );
}
