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
//!
//! The [`Arbitrary`] impl builds requests for the default [`Engine`] and [`Context`] (no date,
//! no partner profile). A service that checks with its own engine (its partner profile) and
//! context (today's date) builds them for those with [`ArbitraryRequest::arbitrary_in`], so a
//! valid one stays clean under them (a document expiring no earlier than `today`, only what the
//! profile allows):
//!
//! ```
//! use arbitrary::Unstructured;
//! use idenfy_preflight::arbitrary::ArbitraryRequest;
//! use idenfy_preflight::{Context, Date, Engine, Month};
//!
//! let engine = Engine::builder()
//!     .profile_file(br#"{"permissions": {"callbackOverride": false}}"#, &Context::new())?
//!     .build()?;
//! let ctx = Context::new().with_today(Date::from_calendar_date(2026, Month::November, 25)?);
//! let bytes = [7u8; 256];
//! let request = ArbitraryRequest::arbitrary_in(&mut Unstructured::new(&bytes), &engine, &ctx)?;
//! let report = engine.check(&request.body, &ctx);
//! match &request.label {
//!     None => assert!(report.violations().is_empty()),
//!     Some(label) => assert!(label.holds(&report)),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In a fuzz target: `fuzz_target!(|data: &[u8]| { if let Ok(r) =
//! ArbitraryRequest::arbitrary_in(&mut Unstructured::new(data), &ENGINE, &CTX) { my_handler(&r.body); } })`.

use crate::check::engine::Engine;
use crate::context::Context;
use crate::cross::Members;
use crate::kit::{self, candidates, BodyText, Recipe};
use arbitrary::{Arbitrary, Result, Unstructured};
use serde_json::Value;
use std::sync::{Arc, Mutex};

pub use crate::kit::{Label, DEBUG_BODY_BYTES};

/// A request body and, when one rule was broken on purpose, the violation it earns (under the
/// [`Engine`] and [`Context`] it was built for: the default ones through [`Arbitrary`], the
/// caller's through [`arbitrary_in`](Self::arbitrary_in)).
///
/// Its `Debug` shows the body as text (lossy UTF-8), cut after [`DEBUG_BODY_BYTES`] bytes with
/// its whole length noted.
#[derive(Clone, PartialEq, Eq)]
pub struct ArbitraryRequest {
    /// The body as sent.
    pub body: Vec<u8>,
    /// `None` for a valid request; else what the engine reports for it.
    pub label: Option<Label>,
}

impl std::fmt::Debug for ArbitraryRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArbitraryRequest")
            .field("body", &BodyText(&self.body))
            .field("label", &self.label)
            .finish()
    }
}

/// The near misses of the last context asked for: working them out checks every candidate miss
/// under a partner profile, too slow to repeat for each fuzzer input.
static RECIPES: Mutex<Option<(Context, Arc<Vec<Recipe>>)>> = Mutex::new(None);

fn recipes(ctx: &Context) -> Arc<Vec<Recipe>> {
    let mut cached = RECIPES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match cached.as_ref() {
        Some((c, recipes)) if c == ctx => Arc::clone(recipes),
        _ => {
            let recipes = Arc::new(kit::recipes(ctx));
            *cached = Some((ctx.clone(), Arc::clone(&recipes)));
            recipes
        }
    }
}

fn valid_members(u: &mut Unstructured<'_>, ctx: &Context) -> Result<Members> {
    let mut members = Members::new();
    for m in kit::members() {
        let present = m.required || (!kit::is_legacy(m) && u.ratio(1, 3)?);
        if present {
            // Every shape has candidates (tested in tests/arbitrary.rs: any input builds).
            let v = u.choose(&candidates(&m.shape))?.clone();
            members.insert(m.name.to_owned(), v);
        }
    }
    kit::keep_rules(&mut members, ctx);
    Ok(members)
}

impl ArbitraryRequest {
    /// A request built from the fuzzer's bytes for `engine` and `ctx`: valid and clean under
    /// them (no violation at all: the dates kept around `ctx.today`, only what the engine's
    /// partner profile allows; its own policies built in Rust are not kept), or, about one time
    /// in three, with one rule broken and the label it earns under them (see [`Label`]'s
    /// contract).
    ///
    /// # Errors
    ///
    /// None in practice: once the bytes run out, `Unstructured` takes the first choice, so any
    /// input builds (tests/arbitrary.rs holds it); the `Result` is [`Arbitrary`]'s.
    pub fn arbitrary_in(u: &mut Unstructured<'_>, engine: &Engine, ctx: &Context) -> Result<Self> {
        let ctx = &engine.context(ctx);
        let members = valid_members(u, ctx)?;
        if u.ratio(1, 3)? {
            let recipes = recipes(ctx);
            let recipe = u.choose(&recipes)?;
            let miss = recipe.apply(&members, ctx);
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

impl<'a> Arbitrary<'a> for ArbitraryRequest {
    /// [`arbitrary_in`](Self::arbitrary_in) the default [`Engine`] and [`Context`].
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Self::arbitrary_in(u, &Engine::default(), &Context::new())
    }
}
