//! `ArbitraryRequest` (feature `arbitrary`): from any fuzzer bytes, a valid request checks valid
//! and a near miss earns exactly its label; both kinds come up.
#![cfg(feature = "arbitrary")]

use arbitrary::{Arbitrary, Unstructured};
use idenfy_preflight::arbitrary::ArbitraryRequest;
use idenfy_preflight::{check, Context, Engine};

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

/// The example partner profile (examples/profile.json).
fn profile() -> idenfy_preflight::Profile {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/profile.json");
    let file = std::fs::read(path).expect("examples/profile.json is readable");
    idenfy_preflight::load_profile(&file, &Context::new())
        .into_result()
        .expect("the example profile loads")
}

/// Built for a context, requests keep it: under today's date no valid one carries
/// `document_expired` (through `Arbitrary`, made for the default context, a third of them do),
/// under a partner profile none breaks the account, and each near miss earns its label there.
#[test]
fn requests_built_for_a_context_are_clean_under_it() {
    let today =
        idenfy_preflight::Date::from_calendar_date(2026, idenfy_preflight::Month::November, 25)
            .expect("a date");
    let dated = Context::new().with_today(today);
    let account = Engine::builder()
        .profile(profile())
        .build()
        .expect("the example profile's policies apply");
    let contexts = [(Engine::default(), &dated), (account, &dated)];
    for (engine, ctx) in &contexts {
        let (mut valid, mut broken) = (0, 0);
        for seed in 0..600u64 {
            let data = bytes(seed, 64 + (seed as usize % 512));
            let request =
                ArbitraryRequest::arbitrary_in(&mut Unstructured::new(&data), engine, ctx)
                    .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
            let report = engine.check(&request.body, ctx);
            match &request.label {
                None => {
                    valid += 1;
                    assert!(
                        report.violations().is_empty(),
                        "{request:?}: {:?}",
                        report.violations()
                    );
                }
                Some(label) => {
                    broken += 1;
                    assert!(
                        label.holds(&report),
                        "{request:?}: {:?}",
                        report.violations()
                    );
                }
            }
        }
        assert!(
            valid > 150 && broken > 90,
            "{valid} valid, {broken} near misses"
        );
    }
    // The test can fail: made for the default context, some valid requests are expired today.
    let expired = (0..600u64)
        .filter_map(|seed| {
            let data = bytes(seed, 64 + (seed as usize % 512));
            ArbitraryRequest::arbitrary(&mut Unstructured::new(&data)).ok()
        })
        .filter(|r| r.label.is_none())
        .filter(|r| {
            check(&r.body, &dated)
                .violations()
                .iter()
                .any(|v| v.code() == idenfy_preflight::Code::DocumentExpired)
        })
        .count();
    assert!(
        expired > 0,
        "no valid request of the default context expired today"
    );
}

/// `Debug` shows the body as text, cut after `DEBUG_BODY_BYTES` with its length noted.
#[test]
fn a_request_debugs_its_body_as_short_text() {
    use idenfy_preflight::arbitrary::DEBUG_BODY_BYTES;
    let request = ArbitraryRequest {
        body: format!("{{\"clientId\":\"{}\"}}", "é".repeat(DEBUG_BODY_BYTES)).into_bytes(),
        label: None,
    };
    let shown = format!("{request:?}");
    assert!(
        shown.starts_with(r#"ArbitraryRequest { body: "{\"clientId\":\"éé"#),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("… ({} bytes in all)", request.body.len())),
        "{shown}"
    );
    assert!(shown.len() < DEBUG_BODY_BYTES + 100, "{shown}");
    assert!(
        !shown.contains('\u{fffd}'),
        "cut at a character boundary: {shown}"
    );
}
