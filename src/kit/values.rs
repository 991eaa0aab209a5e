//! Values of one shape: the free text a string's rules allow, its examples, a canonical valid
//! value, and its misses with their labels, all read off the declaration.

use crate::diag::{Code, Finding, Severity};
use crate::spec::gen::{FreeText, Miss};
use crate::spec::rules::date;
use crate::spec::{Object, Shape, Text};
use serde_json::{json, Value};

/// The free text `text`'s rules allow.
pub(crate) trait FreeTextOf {
    /// Every rule's narrowing applied.
    fn free_text(&self) -> FreeText;
}

impl FreeTextOf for Text {
    fn free_text(&self) -> FreeText {
        let mut t = FreeText::default();
        for r in self.rules {
            r.narrow(&mut t);
        }
        t
    }
}

/// What the rules of `text` find in `value` (as sent: the normalizer runs first, as in the
/// check).
fn findings(text: &Text, value: &str) -> Vec<Finding> {
    let normalized = text.norm.apply(value.into());
    let mut out = Vec::new();
    for r in text.rules {
        r.check(&normalized, &mut out);
    }
    out
}

/// The examples the rules of `text` propose that all of them accept, as sent.
pub(crate) fn text_examples(text: &Text) -> Vec<String> {
    let free = text.free_text();
    let mut out: Vec<String> = text
        .rules
        .iter()
        .flat_map(|r| r.examples(&free))
        .filter(|e| findings(text, e).is_empty())
        .collect();
    out.dedup();
    out
}

/// A miss of one value, with where it is below the member (`""`, `/0`, `/LTU`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ValueMiss {
    pub(crate) suffix: String,
    pub(crate) value: Value,
    pub(crate) code: Code,
    pub(crate) severity: Severity,
}

impl ValueMiss {
    fn here(value: Value, code: Code, severity: Severity) -> Self {
        ValueMiss {
            suffix: String::new(),
            value,
            code,
            severity,
        }
    }

    /// The same miss one level down, at `segment` of a value built around it by `wrap`.
    fn below(self, segment: &str, wrap: impl FnOnce(Value) -> Value) -> Self {
        let mut escaped = String::from("/");
        crate::diag::loc::push_escaped(&mut escaped, segment);
        ValueMiss {
            suffix: format!("{escaped}{}", self.suffix),
            value: wrap(self.value),
            ..self
        }
    }
}

/// The misses of `text` the rest of its rules accept: a rule's miss earns exactly its label.
fn text_misses(text: &Text) -> Vec<ValueMiss> {
    let free = text.free_text();
    text.rules
        .iter()
        .flat_map(|r| r.misses(&free))
        .filter(|Miss { value, code, .. }| {
            let found = findings(text, value);
            found.len() == 1 && found[0].code() == *code
        })
        .map(|m| ValueMiss::here(m.value.into(), m.code, m.severity))
        .collect()
}

/// `items` as a list of `text` the engine takes without a word, for generators that pick the
/// items one by one: a repeat (once normalized) goes, then each item a rule over the whole list
/// reports (`ALL` beside a code: `redundant_with_all`) goes too, until none is reported. The
/// rules' own [`check_items`](crate::spec::rules::Rule::check_items) decides, so a new rule over
/// lists is kept with no edit here.
pub(crate) fn keep_list_rules(text: &Text, items: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for item in items {
        let n = text.norm.apply(item.as_str().into()).into_owned();
        if !seen.contains(&n) {
            seen.push(n);
            kept.push(item);
        }
    }
    // Each round removes one item, so this ends (at the latest with an empty list).
    loop {
        let normalized: Vec<String> = kept
            .iter()
            .map(|i| text.norm.apply(i.as_str().into()).into_owned())
            .collect();
        let texts: Vec<&str> = normalized.iter().map(String::as_str).collect();
        let mut found = Vec::new();
        if texts.len() > 1 {
            for r in text.rules {
                r.check_items(&texts, &mut found);
            }
        }
        match found.first() {
            Some(&(at, _)) if at < kept.len() => {
                kept.remove(at);
            }
            _ => return kept,
        }
    }
}

/// The items the rules over a whole list are about (`ALL`, and the code beside it), where the
/// member's rules accept each alone: the edges of a list, which a generator draws more often
/// than one example among hundreds, so that [`keep_list_rules`] is exercised every run.
#[cfg(any(feature = "proptest", test))]
pub(crate) fn list_edges(text: &Text) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (items, _, _) in text.rules.iter().flat_map(|r| r.list_misses()) {
        for item in items {
            if findings(text, &item).is_empty() && !out.contains(&item) {
                out.push(item);
            }
        }
    }
    out
}

/// Lists the rules of `text` refuse as a whole (`ALL` beside a code).
fn list_misses(text: &Text) -> Vec<ValueMiss> {
    text.rules
        .iter()
        .flat_map(|r| r.list_misses())
        .map(|(items, at, m)| ValueMiss {
            suffix: format!("/{at}"),
            value: json!(items),
            code: m.code,
            severity: m.severity,
        })
        .collect()
}

/// A valid value of `shape` that every generator can start from.
pub(crate) fn canonical(shape: &Shape) -> Value {
    match shape {
        Shape::Str(text) => canonical_text(text).into(),
        Shape::Date => "2000-01-01".into(),
        Shape::Int(b) => b.min.into(),
        Shape::Number(b) => json!(b.min),
        Shape::Bool => true.into(),
        Shape::List(_) => json!([]),
        Shape::StrOrList(text) => canonical_text(text).into(),
        Shape::IntOrStr { int, .. } => int.min.into(),
        Shape::Object(_) => json!({}),
    }
}

pub(crate) fn canonical_text(text: &Text) -> String {
    text_examples(text)
        .into_iter()
        .next()
        .unwrap_or_else(|| FreeText::filler(text.free_text().min.max(1)))
}

/// A value of another JSON type than `shape` takes.
fn wrong_type(shape: &Shape) -> Value {
    match shape {
        Shape::Str(_) | Shape::Date | Shape::StrOrList(_) => json!(5),
        Shape::Int(_) | Shape::Number(_) | Shape::IntOrStr { .. } => json!(true),
        Shape::Bool => json!("true"),
        Shape::List(_) => json!({}),
        Shape::Object(_) => json!([]),
    }
}

/// Every miss of one value of `shape`, with its label.
pub(crate) fn value_misses(shape: &Shape) -> Vec<ValueMiss> {
    let mut out = vec![ValueMiss::here(
        wrong_type(shape),
        Code::WrongType,
        Severity::Error,
    )];
    match shape {
        Shape::Str(text) => out.extend(text_misses(text)),
        Shape::Date => out.extend(
            date::misses()
                .into_iter()
                .map(|m| ValueMiss::here(m.value.into(), m.code, m.severity)),
        ),
        Shape::Int(b) => {
            out.extend(
                b.misses()
                    .into_iter()
                    .map(|(v, code, sev)| ValueMiss::here(v.into(), code, sev)),
            );
            // An integer written with a fraction is no integer; with a zero fraction it is the
            // integer JSON Schema counts, rewritten with a warning.
            out.push(ValueMiss::here(
                json!(b.min as f64 + 0.5),
                Code::WrongType,
                Severity::Error,
            ));
            // At both ends of the range: a partner's default can put a rule between members
            // against one end (a default ageLimit against an ageMax of 1), and the kit keeps the
            // end that earns the warning alone.
            let (low, high) = b.valid_range();
            for end in [low, high] {
                out.push(ValueMiss::here(
                    json!(end as f64),
                    Code::IntegerWrittenAsFloat,
                    Severity::Warning,
                ));
            }
        }
        Shape::Number(b) => out.extend(
            b.misses()
                .into_iter()
                .map(|(v, code, sev)| ValueMiss::here(json!(v), code, sev)),
        ),
        Shape::Bool => {}
        Shape::List(text) => {
            out.extend(list_misses(text));
            out.extend(
                text_misses(text)
                    .into_iter()
                    .map(|m| m.below("0", |v| json!([v]))),
            );
            let item = canonical_text(text);
            out.push(ValueMiss {
                suffix: "/1".into(),
                value: json!([item, item]),
                code: Code::DuplicateItem,
                severity: Severity::Warning,
            });
        }
        Shape::StrOrList(text) => {
            out.extend(list_misses(text));
            out.extend(text_misses(text));
            out.extend(
                text_misses(text)
                    .into_iter()
                    .map(|m| m.below("0", |v| json!([v]))),
            );
        }
        Shape::IntOrStr { int, text } => {
            out.extend(
                int.misses()
                    .into_iter()
                    .map(|(v, code, sev)| ValueMiss::here(v.into(), code, sev)),
            );
            out.extend(text_misses(text));
        }
        Shape::Object(object) => out.extend(object_misses(object)),
    }
    out
}

/// Misses inside an object: a key its rules refuse, and each value's misses at its key.
fn object_misses(object: &Object) -> Vec<ValueMiss> {
    let mut out = Vec::new();
    match object {
        Object::Fields { fields, .. } => {
            for f in fields.iter() {
                for m in value_misses(&f.shape) {
                    out.push(m.below(f.name, |v| json!({ f.name: v })));
                }
            }
        }
        Object::Map(map) => {
            let inner = canonical(map.values);
            for m in text_misses(&map.keys) {
                // The key is the miss; the value under it is a valid one.
                let key = m.value.as_str().unwrap_or_default().to_owned();
                out.push(m.below(&key, |_| json!({ key.clone(): inner.clone() })));
            }
            let key = canonical_text(&map.keys);
            for m in value_misses(map.values) {
                out.push(m.below(&key, |v| json!({ key.clone(): v })));
            }
        }
    }
    out
}

/// A finite list of valid values of `shape`, edges first, for generators that choose rather
/// than draw (the `Arbitrary` requests).
#[cfg(feature = "arbitrary")]
pub(crate) fn candidates(shape: &Shape) -> Vec<Value> {
    let texts = |text: &Text| -> Vec<String> {
        let examples = text_examples(text);
        if !examples.is_empty() {
            return examples
                .iter()
                .flat_map(|e| text.norm.spellings(e))
                .collect();
        }
        let free = text.free_text();
        let mut out = vec![FreeText::filler(free.min), FreeText::filler(free.min + 1)];
        out.extend(free.max.map(FreeText::filler));
        out
    };
    match shape {
        Shape::Str(text) => texts(text).into_iter().map(Value::from).collect(),
        Shape::Date => ["2000-01-01", "2000-02-29", "1990-12-20", "2020-06-15"]
            .map(Value::from)
            .to_vec(),
        Shape::Int(b) => {
            let (lo, hi) = b.valid_range();
            vec![lo.into(), hi.into(), (lo + (hi - lo) / 2).into()]
        }
        Shape::Number(b) => {
            let (lo, hi) = b.valid_range();
            vec![json!(lo), json!(hi), json!((lo + hi) / 2.0)]
        }
        Shape::Bool => vec![true.into(), false.into()],
        Shape::List(text) => {
            let items = texts(text);
            let mut out = vec![json!([])];
            out.extend(items.first().map(|i| json!([i])));
            // The first two items, kept as a list the engine takes without a word (`ALL` and
            // a code would earn `redundant_with_all`; a repeat, `duplicate_item`).
            let pair = keep_list_rules(text, items.iter().take(2).cloned().collect());
            if pair.len() == 2 {
                out.push(json!(pair));
            }
            out
        }
        Shape::StrOrList(text) => {
            let items = texts(text);
            let mut out: Vec<Value> = items.iter().take(8).map(|i| json!(i)).collect();
            out.extend(items.first().map(|i| json!([i])));
            out
        }
        Shape::IntOrStr { int, text } => {
            let (lo, hi) = int.valid_range();
            let mut out = vec![lo.into(), hi.into()];
            out.extend(texts(text).into_iter().map(Value::from));
            out
        }
        Shape::Object(_) => vec![canonical(shape)],
    }
}
