//! proptest strategies for testing a service that builds, forwards or answers Generate token
//! requests (cargo feature `proptest`): valid requests, and near misses labelled with the
//! violation the engine reports for them.
//!
//! Everything is generated **by construction** from the catalogue, the rules and the rules
//! between members: no `prop_filter`, so generation never rejects (however many members and
//! rules between them), and a shrunk near miss keeps its label, because its broken part is
//! fixed and only the valid rest shrinks, within valid values.
//!
//! Each strategy builds for an [`Engine`] (its partner profile, policies and account settings)
//! and a [`Context`] (today's date, the limits): what your service checks with.
//! [`Engine::default()`] is the engine without a profile, which the free functions are.
//!
//! ```
//! use idenfy_preflight::strategies::{near_miss, valid_request};
//! use idenfy_preflight::{Context, Engine};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let (engine, ctx) = (Engine::default(), Context::new());
//! let mut runner = TestRunner::default();
//! // Your service must accept every valid request …
//! runner.run(&valid_request(&engine, &ctx), |body| {
//!     let bytes = serde_json::to_vec(&body).unwrap();
//!     prop_assert!(engine.check(&bytes, &ctx).is_valid());
//!     Ok(())
//! }).unwrap();
//! // … and refuse every near miss with an error label, for the labelled reason.
//! runner.run(&near_miss(&engine, &ctx), |miss| {
//!     prop_assert!(miss.label.holds(&engine.check(&miss.body, &ctx)), "{:?}", miss.label);
//!     Ok(())
//! }).unwrap();
//! ```

use crate::check::engine::Engine;
use crate::context::Context;
use crate::cross::Members;
use crate::kit::{self, text_examples, FreeTextOf, Recipe};
use crate::spec::gen::{Alphabet, FreeText};
use crate::spec::{Object, Shape, Text};
use crate::typed::TokenRequest;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::{json, Map, Value};

pub use crate::kit::{Label, NearMiss, DEBUG_BODY_BYTES};

/// Characters of free text: letters of several scripts, digits, punctuation and spaces.
const ANY_CHARS: &[char] = &[
    'a', 'z', 'A', 'Z', '0', '9', ' ', '-', '.', '@', '_', 'é', 'ß', 'Ж', 'ŋ', '李', 'ジ', 'ä', '€',
];

/// Free text the way `free` allows it: exactly the fewest characters (the first passing
/// length), lengths from there to a little more, and exactly the most where there is one (the
/// last passing length).
fn free_text(free: FreeText) -> BoxedStrategy<String> {
    let chars: BoxedStrategy<char> = match free.alphabet {
        Alphabet::PrintableAscii => proptest::char::range(' ', '~').boxed(),
        Alphabet::Any => prop::sample::select(ANY_CHARS).boxed(),
    };
    let top = free.max.map_or(free.min + 24, |m| m.min(free.min + 24));
    let mut lengths: Vec<BoxedStrategy<usize>> =
        vec![Just(free.min).boxed(), (free.min..=top).boxed()];
    if let Some(max) = free.max.filter(|&m| m > top && m <= 4096) {
        lengths.push(Just(max).boxed());
    }
    Union::new(lengths)
        .prop_flat_map(move |n| prop::collection::vec(chars.clone(), n))
        .prop_map(move |mut v| {
            // Trimmed text neither starts nor ends with whitespace: those ends become letters.
            if free.trimmed {
                for i in [0, v.len().saturating_sub(1)] {
                    if v.get(i).is_some_and(|c| c.is_whitespace()) {
                        v[i] = 'a';
                    }
                }
            }
            v.into_iter().collect()
        })
        .boxed()
}

/// A string of `text`: one of its rules' examples, in any spelling its normalizer accepts, or
/// free text where no rule names the values.
fn text_value(text: &'static Text) -> BoxedStrategy<String> {
    let examples = text_examples(text);
    if examples.is_empty() {
        return free_text(text.free_text());
    }
    // The longest examples (the last passing length) are an edge: weighted like one, not
    // drawn as one example among dozens.
    let max = text.free_text().max;
    let longest: Vec<String> = examples
        .iter()
        .filter(|e| max.is_some_and(|m| e.chars().count() == m))
        .cloned()
        .collect();
    let spelled = move |pick: BoxedStrategy<String>| {
        pick.prop_flat_map(move |e| prop::sample::select(text.norm.spellings(&e)))
            .boxed()
    };
    let any = spelled(prop::sample::select(examples).boxed());
    if longest.is_empty() {
        return any;
    }
    prop_oneof![3 => any, 1 => spelled(prop::sample::select(longest).boxed())].boxed()
}

/// Items of `text` as a list the engine takes without a word: none repeated once normalized
/// (`duplicate_item`), nothing a rule over the whole list reports (`ALL` beside a code:
/// `redundant_with_all`). The items those rules are about (`ALL`, and a code beside it) are
/// drawn as often as all the other examples together, so the lists they would break come up in
/// every run and are kept clean by the same repair each time.
fn distinct_items(text: &'static Text) -> BoxedStrategy<Vec<String>> {
    let edges = kit::list_edges(text);
    let item = if edges.is_empty() {
        text_value(text)
    } else {
        let edge = prop::sample::select(edges)
            .prop_flat_map(move |e| prop::sample::select(text.norm.spellings(&e)));
        prop_oneof![text_value(text), edge].boxed()
    };
    prop::collection::vec(item, 0..4)
        .prop_map(move |items| kit::keep_list_rules(text, items))
        .boxed()
}

/// A valid value of `shape`, over its whole range with weight on the edges.
fn value(shape: &'static Shape) -> BoxedStrategy<Value> {
    match shape {
        Shape::Str(text) => text_value(text).prop_map(Value::from).boxed(),
        Shape::Date => prop_oneof![
            (1900i32..=2100, 1u8..=12, 1u8..=28)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            prop::sample::select(vec!["2000-02-29", "2024-02-29", "1999-12-31", "2001-01-01"])
                .prop_map(String::from),
        ]
        .prop_map(Value::from)
        .boxed(),
        Shape::Int(b) => {
            let (lo, hi) = b.valid_range();
            prop_oneof![Just(lo), Just(hi), lo..=hi]
                .prop_map(Value::from)
                .boxed()
        }
        Shape::Number(b) => {
            let (lo, hi) = b.valid_range();
            prop_oneof![Just(lo), Just(hi), lo..hi]
                .prop_map(|x| json!(x))
                .boxed()
        }
        Shape::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Shape::List(text) => distinct_items(text).prop_map(|v| json!(v)).boxed(),
        Shape::StrOrList(text) => prop_oneof![
            text_value(text).prop_map(Value::from),
            distinct_items(text).prop_map(|v| json!(v)),
        ]
        .boxed(),
        Shape::IntOrStr { int, text } => {
            let (lo, hi) = int.valid_range();
            prop_oneof![
                (lo..=hi).prop_map(Value::from),
                text_value(text).prop_map(Value::from),
            ]
            .boxed()
        }
        Shape::Object(object) => object_value(object),
    }
}

/// A valid object of `object`'s declaration: some documented members, or a few keys.
fn object_value(object: &'static Object) -> BoxedStrategy<Value> {
    match object {
        Object::Fields { fields, .. } => {
            let members: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = fields
                .iter()
                .map(|f| {
                    let v = if f.nullable {
                        prop_oneof![4 => value(&f.shape), 1 => Just(Value::Null)].boxed()
                    } else {
                        value(&f.shape)
                    };
                    prop::option::of(v.prop_map(move |v| (f.name, v))).boxed()
                })
                .collect();
            members
                .prop_map(|m| {
                    Value::Object(
                        m.into_iter()
                            .flatten()
                            .map(|(k, v)| (k.into(), v))
                            .collect(),
                    )
                })
                .boxed()
        }
        Object::Map(map) => {
            let entry = (text_value(&map.keys), value(map.values));
            prop::collection::vec(entry, 0..3)
                .prop_map(move |entries| {
                    // Keys equal once normalized would be repeats (or, where the keys are sent
                    // normalized, one key twice): the first one stays.
                    let mut out = Map::new();
                    let mut seen = Vec::new();
                    for (k, v) in entries {
                        let n = map.keys.norm.apply(k.as_str().into()).into_owned();
                        if !seen.contains(&n) {
                            seen.push(n);
                            out.insert(k, v);
                        }
                    }
                    Value::Object(out)
                })
                .boxed()
        }
    }
}

/// Requests `engine` accepts under `ctx` **clean**: no error, and no warning but a legacy
/// member's `legacy_field`. `clientId` and any subset of the other members (legacy ones rarely:
/// they warn), `null` for some (where the engine takes a `null` without a word), every value
/// over its legal range with weight on the edges (last passing lengths and numbers, leap days,
/// `ALL` (alone: beside a code it earns `redundant_with_all`), both `country` shapes, names in
/// several scripts with the punctuation of names, URLs with ports, queries and IDN hosts), and
/// the rules between members kept by construction (bank sub-flags, age range, the dates' order
/// around `ctx.today`, the digit string's expiry, additionalSteps and additionalData that fit
/// together). [`valid_body`] gives the same as bytes. The engine's own policies built in Rust
/// are not kept (a test of the partner's cannot be generated for); its profile's are.
pub fn valid_request(engine: &Engine, ctx: &Context) -> BoxedStrategy<Value> {
    request_for(engine.context(ctx))
}

/// [`valid_request`] for the context the checks receive (the engine's account in it).
fn request_for(ctx: Context) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Option<(&'static str, Value)>>> = kit::members()
        .map(|m| {
            let v = value(&m.shape).prop_map(move |v| (m.name, v));
            if m.required {
                v.prop_map(Some).boxed()
            } else {
                let present = if kit::is_legacy(m) { 0.05 } else { 0.3 };
                // `null` only where the engine takes it without a word (a documented null).
                let v = if kit::null_is_clean(m) {
                    prop_oneof![9 => v, 1 => Just((m.name, Value::Null))].boxed()
                } else {
                    v.boxed()
                };
                prop::option::weighted(present, v).boxed()
            }
        })
        .collect();
    members
        .prop_map(move |chosen| {
            let mut m: Members = chosen
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            kit::keep_rules(&mut m, &ctx);
            Value::Object(m)
        })
        .boxed()
}

/// [`valid_request`] as the body a client sends (serialized JSON bytes): the same kind of body
/// as [`NearMiss::body`], for a handler that takes bytes.
pub fn valid_body(engine: &Engine, ctx: &Context) -> BoxedStrategy<Vec<u8>> {
    valid_request(engine, ctx)
        .prop_map(|body| serde_json::to_vec(&body).unwrap_or_default())
        .boxed()
}

/// [`valid_request`] as a typed [`TokenRequest`] (its normalized form).
pub fn valid_token_request(engine: &Engine, ctx: &Context) -> BoxedStrategy<TokenRequest> {
    let ctx = engine.context(ctx);
    request_for(ctx.clone())
        .prop_map(move |body| {
            let bytes = serde_json::to_vec(&body).unwrap_or_default();
            let report = crate::check(&bytes, &ctx);
            // A valid request always converts (the kit's own tests hold it); the fallback only
            // keeps this total.
            report
                .request()
                .and_then(|r| TokenRequest::try_from(r).ok())
                .unwrap_or_else(|| TokenRequest::new("fallback"))
        })
        .boxed()
}

/// A valid request with exactly one rule broken, and its label: the violation the engine
/// reports for it (pointer, code, severity), and no other error. Every code a request body can
/// earn is as likely as any other: value rules of every member (the first failing length or
/// number, one forbidden character, a wrong type), every rule between members, and the
/// document-level ones (a key twice, not JSON, not UTF-8, a byte-order mark, nesting and size
/// limits, unknown, misspelled, legacy and aliased members). A shrunk case is the same near
/// miss on a smaller valid request, so its label stays true.
pub fn near_miss(engine: &Engine, ctx: &Context) -> BoxedStrategy<NearMiss> {
    let ctx = &engine.context(ctx);
    let mut by_code: std::collections::BTreeMap<crate::Code, Vec<Recipe>> = Default::default();
    for r in kit::recipes(ctx) {
        by_code.entry(r.label(ctx).code).or_default().push(r);
    }
    let groups: Vec<BoxedStrategy<Recipe>> = by_code
        .into_values()
        .map(|g| prop::sample::select(g).boxed())
        .collect();
    let ctx = ctx.clone();
    // The broken part never shrinks (shrinking it could trade one near miss for another); the
    // valid rest does.
    (Union::new(groups).no_shrink(), request_for(ctx.clone()))
        .prop_map(move |(recipe, base)| {
            let base = match base {
                Value::Object(m) => m,
                _ => kit::minimal(),
            };
            recipe.apply(&base, &ctx)
        })
        .boxed()
}

/// Every near miss once, each on the smallest valid request: for a table of cases.
///
/// ```
/// use idenfy_preflight::strategies::near_misses;
/// use idenfy_preflight::{Code, Context, Engine};
///
/// let all = near_misses(&Engine::default(), &Context::new());
/// assert!(all.iter().any(|m| m.label.code == Code::InvalidCountryCode && m.label.pointer == "/nationality"));
/// ```
pub fn near_misses(engine: &Engine, ctx: &Context) -> Vec<NearMiss> {
    let ctx = &engine.context(ctx);
    let base = kit::smallest(ctx);
    kit::recipes(ctx)
        .iter()
        .map(|r| r.apply(&base, ctx))
        .collect()
}

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|x| json!(x)),
        ".{0,16}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-zA-Z]{1,12}",
                    prop::sample::select(
                        kit::members()
                            .map(|m| m.name.to_owned())
                            .collect::<Vec<_>>()
                    )
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bodies for robustness tests: arbitrary bytes, arbitrary JSON (with documented member names
/// as keys, often), valid requests and near misses.
pub fn any_body() -> BoxedStrategy<Vec<u8>> {
    let (engine, ctx) = (Engine::default(), Context::new());
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap_or_default()),
        valid_body(&engine, &ctx),
        near_miss(&engine, &ctx).prop_map(|m| m.body),
    ]
    .boxed()
}
