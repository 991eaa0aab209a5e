//! Structure-aware inputs for cargo-fuzz (cargo feature `arbitrary`): a request built from the
//! fuzzer's bytes out of the catalogue's valid values, sometimes with one rule broken, as the
//! body it serializes to.
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use idenfy_preflight::arbitrary::ArbitraryRequest;
//! use idenfy_preflight::{check, Context};
//!
//! let bytes = [7u8; 256];
//! let request = ArbitraryRequest::arbitrary(&mut Unstructured::new(&bytes)).unwrap();
//! let report = check(&request.body, &Context::new());
//! match &request.label {
//!     None => assert!(report.is_valid()),
//!     Some(label) => assert!(label.holds(&report)),
//! }
//! ```
//!
//! In a fuzz target: `fuzz_target!(|r: ArbitraryRequest| { my_handler(&r.body); })`.

use crate::context::Context;
use crate::cross::Members;
use crate::kit::{self, candidates, Recipe};
use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::Value;
use std::sync::LazyLock;

pub use crate::kit::Label;

/// A request body and, when one rule was broken on purpose, the violation it earns (under the
/// default [`Context`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArbitraryRequest {
    /// The body as sent.
    pub body: Vec<u8>,
    /// `None` for a valid request; else what the engine reports for it.
    pub label: Option<Label>,
}

static RECIPES: LazyLock<Vec<Recipe>> = LazyLock::new(|| kit::recipes(&Context::new()));

fn valid_members(u: &mut Unstructured<'_>) -> Result<Members> {
    let mut members = Members::new();
    for m in kit::members() {
        let present = m.required || (!kit::is_legacy(m) && u.ratio(1, 3)?);
        if present {
            // Every shape has candidates (tested in tests/arbitrary.rs: any input builds).
            let v = u.choose(&candidates(&m.shape))?.clone();
            members.insert(m.name.to_owned(), v);
        }
    }
    kit::keep_rules(&mut members, &Context::new());
    Ok(members)
}

impl<'a> Arbitrary<'a> for ArbitraryRequest {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let members = valid_members(u)?;
        if u.ratio(1, 3)? {
            let recipe = u.choose(&RECIPES)?;
            let miss = recipe.apply(&members, &Context::new());
            return Ok(ArbitraryRequest {
                body: miss.body,
                label: Some(miss.label),
            });
        }
        Ok(ArbitraryRequest {
            body: serde_json::to_vec(&Value::Object(members)).unwrap_or_default(),
            label: None,
        })
    }
}
