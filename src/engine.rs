//! The walk: reads the body, runs every member through its catalogue declaration, then the
//! cross-field rules, and assembles the report.

use crate::catalogue::{self, member, Field, Member, Origin, Shape, FIELDS};
use crate::context::{Context, UnknownFields};
use crate::cross;
use crate::json::{self, ReadError, Value};
use crate::report::{Report, ValidRequest};
use crate::rules::{IntRange, Rule, StrRule, Uuid};
use crate::sink::{Loc, Sink};
use crate::steps::{self, StepsSummary};
use crate::suggest::{Resemblance, Vocabulary};
use crate::violation::{Code, Finding, Severity};
use std::borrow::Cow;
use std::collections::HashSet;
use time::Date;

pub(crate) static ROOT: Loc<'static> = Loc::ROOT;

/// The integer half of [`Shape::IntOrUuid`].
const POSITIVE: IntRange = IntRange {
    min: 1,
    max: None,
    plausible_max: None,
};

/// What a cross-field rule may know about a member that was present.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Scalar {
    Null,
    Bool(bool),
    Int(i128),
    Date(Date),
    /// One of a closed set of values (the rule's own constant: `tokenType` `DOCUMENT`).
    Choice(&'static str),
    /// Present but of another shape, or invalid.
    Other,
}

/// A present member as cross-field rules see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fact {
    /// The name used in the input (an alias where one was used).
    pub name: &'static str,
    /// Position among the top-level members.
    pub position: usize,
    pub scalar: Scalar,
}

impl Fact {
    pub(crate) fn loc(&self) -> Loc<'static> {
        ROOT.key(self.name, self.position)
    }
}

/// Per-field facts, indexed like [`catalogue::FIELDS`].
#[derive(Debug)]
pub(crate) struct Facts {
    by_field: Vec<Option<Fact>>,
}

impl Facts {
    fn new() -> Self {
        Facts {
            by_field: vec![None; catalogue::FIELDS.len()],
        }
    }

    fn set(&mut self, index: usize, fact: Fact) {
        if let Some(slot) = self.by_field.get_mut(index) {
            // The first occurrence is the one validated; a later alias only conflicts.
            if slot.is_none() {
                *slot = Some(fact);
            }
        }
    }

    pub(crate) fn get(&self, m: Member) -> Option<&Fact> {
        self.by_field.get(m.index()).and_then(Option::as_ref)
    }

    pub(crate) fn bool(&self, m: Member) -> Option<(bool, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Bool(b) => Some((b, f)),
            _ => None,
        })
    }

    pub(crate) fn int(&self, m: Member) -> Option<(i128, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Int(i) => Some((i, f)),
            _ => None,
        })
    }

    pub(crate) fn date(&self, m: Member) -> Option<(Date, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Date(d) => Some((d, f)),
            _ => None,
        })
    }
}

/// The state of one check.
pub(crate) struct Walk<'c> {
    pub ctx: &'c Context,
    pub sink: Sink,
    pub facts: Facts,
    pub steps: StepsSummary,
    findings: Vec<Finding>,
}

impl<'c> Walk<'c> {
    pub(crate) fn new(ctx: &'c Context) -> Self {
        Walk {
            ctx,
            sink: Sink::new(ctx.show_values, ctx.limits.max_violations),
            facts: Facts::new(),
            steps: StepsSummary::default(),
            findings: Vec::new(),
        }
    }

    pub(crate) fn report(&mut self, loc: &Loc<'_>, finding: Finding, value: Option<&Value<'_>>) {
        self.sink.report(loc, finding, value);
    }

    /// Runs string rules on `value` and reports what they find at `loc`.
    /// `personal`: the member holds personal data, so suggestions stay out of messages unless
    /// the caller opted in.
    pub(crate) fn run_rules(
        &mut self,
        field: &str,
        personal: bool,
        rules: &[StrRule],
        value: &str,
        loc: &Loc<'_>,
        original: Option<&Value<'_>>,
    ) -> bool {
        let mut found = std::mem::take(&mut self.findings);
        for rule in rules {
            rule.check(field, value, self.ctx, &mut found);
        }
        let clean = found.is_empty();
        let reveal = self.ctx.show_values || !personal;
        for mut f in found.drain(..) {
            word_suggestion(&mut f, reveal);
            self.sink.report(loc, f, original);
        }
        self.findings = found;
        clean
    }

    pub(crate) fn wrong_type(
        &mut self,
        loc: &Loc<'_>,
        name: &str,
        expected: &str,
        value: &Value<'_>,
    ) {
        let found = value.type_name();
        let hint = match value {
            Value::String(s) if expected == "an integer" && s.trim().parse::<i64>().is_ok() => {
                " (write the number without quotes)"
            }
            Value::String(s)
                if expected.starts_with("a boolean") && matches!(s.as_ref(), "true" | "false") =>
            {
                " (write true or false without quotes)"
            }
            Value::NumberText(_) if expected == "an integer" => {
                " (a whole number written without fraction or exponent, within 64 bits)"
            }
            _ => "",
        };
        let f = Finding::error(
            Code::WrongType,
            format!("{name} must be {expected}, not {}{hint}", article(found)),
        )
        .with("expected", expected)
        .with("found", found);
        self.report(loc, f, Some(value));
        // A value of the wrong type is not checked further, but an ambiguous one inside it
        // must still be flagged.
        self.check_nested_duplicates(value, loc);
    }

    /// Reports duplicate member names anywhere below `value` (members the catalogue does not
    /// describe are passed through, but an ambiguous one must still be flagged).
    pub(crate) fn check_nested_duplicates(&mut self, value: &Value<'_>, loc: &Loc<'_>) {
        match value {
            Value::Object(members) => {
                let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
                for (i, (k, v)) in members.iter().enumerate() {
                    let child = loc.key(k, i);
                    if dups[i] {
                        self.report(&child, duplicate_key(k), None);
                    }
                    self.check_nested_duplicates(v, &child);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.check_nested_duplicates(v, &loc.index(i));
                }
            }
            _ => {}
        }
    }

    /// Validates and normalizes one member's value.
    pub(crate) fn check_value<'a>(
        &mut self,
        field: &Field,
        value: Value<'a>,
        loc: &Loc<'_>,
    ) -> (Value<'a>, Scalar) {
        let name = field.name;
        if let Value::Null = value {
            if field.required {
                self.report(
                    loc,
                    Finding::error(
                        Code::NullNotAllowed,
                        format!("{name} is required and may not be null"),
                    ),
                    None,
                );
                return (value, Scalar::Other);
            }
            return (value, Scalar::Null);
        }
        match field.shape {
            Shape::Str { norm, rules } => match value {
                Value::String(s) => {
                    let original = self.ctx.show_values.then(|| Value::String(s.clone()));
                    let n = norm.apply(s);
                    let clean = self.run_rules(
                        name,
                        field.is_personal(),
                        rules,
                        &n,
                        loc,
                        original.as_ref(),
                    );
                    let choice = rules.iter().find_map(|r| match r {
                        StrRule::OneOf(o) if clean => o.values.iter().copied().find(|v| *v == n),
                        _ => None,
                    });
                    (
                        Value::String(n),
                        choice.map_or(Scalar::Other, Scalar::Choice),
                    )
                }
                other => self.mistyped(loc, field, other),
            },
            Shape::Date => match value {
                Value::String(s) => match crate::rules::date::parse(name, &s) {
                    Ok(d) => (Value::String(s), Scalar::Date(d)),
                    Err(f) => {
                        let v = Value::String(s);
                        self.report(loc, f, Some(&v));
                        (v, Scalar::Other)
                    }
                },
                other => self.mistyped(loc, field, other),
            },
            Shape::Int(range) => self.integer(field, range, value, loc),
            Shape::Number(range) => match value {
                Value::Number(_) | Value::NumberText(_) => {
                    let x = match &value {
                        Value::Number(n) => n.as_f64(),
                        Value::NumberText(t) => t.parse::<f64>().ok(),
                        _ => None,
                    };
                    if let Some(f) = range.check(name, x.unwrap_or(f64::NAN)) {
                        self.report(loc, f, Some(&value));
                    }
                    (value, Scalar::Other)
                }
                other => self.mistyped(loc, field, other),
            },
            Shape::Bool => match value {
                Value::Bool(b) => (value, Scalar::Bool(b)),
                other => self.mistyped(loc, field, other),
            },
            Shape::StrList { norm, rules } => match value {
                Value::Array(items) => (
                    self.string_items(name, field.is_personal(), norm, rules, items, loc),
                    Scalar::Other,
                ),
                other => self.mistyped(loc, field, other),
            },
            Shape::StrOrList { norm, rules } => match value {
                Value::String(s) => {
                    let original = self.ctx.show_values.then(|| Value::String(s.clone()));
                    let n = norm.apply(s);
                    self.run_rules(name, field.is_personal(), rules, &n, loc, original.as_ref());
                    (Value::String(n), Scalar::Other)
                }
                Value::Array(items) => (
                    self.string_items(name, field.is_personal(), norm, rules, items, loc),
                    Scalar::Other,
                ),
                other => self.mistyped(loc, field, other),
            },
            Shape::IntOrUuid => match value {
                Value::Number(_) => self.integer(field, POSITIVE, value, loc),
                Value::String(s) => {
                    let v = Value::String(s);
                    if let Value::String(s) = &v {
                        self.run_rules(name, false, &[StrRule::Uuid(Uuid)], s, loc, Some(&v));
                    }
                    (v, Scalar::Other)
                }
                other => self.mistyped(loc, field, other),
            },
            Shape::AdditionalSteps => match value {
                Value::Object(members) => (steps::check_steps(self, members, loc), Scalar::Other),
                other => self.mistyped(loc, field, other),
            },
            Shape::AdditionalData => match value {
                Value::Object(members) => (steps::check_data(self, members, loc), Scalar::Other),
                other => self.mistyped(loc, field, other),
            },
        }
    }

    fn mistyped<'a>(
        &mut self,
        loc: &Loc<'_>,
        field: &Field,
        value: Value<'a>,
    ) -> (Value<'a>, Scalar) {
        self.wrong_type(loc, field.name, field.shape.expected(), &value);
        (value, Scalar::Other)
    }

    fn integer<'a>(
        &mut self,
        field: &Field,
        range: IntRange,
        value: Value<'a>,
        loc: &Loc<'_>,
    ) -> (Value<'a>, Scalar) {
        let int = match &value {
            Value::Number(n) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from)),
            _ => None,
        };
        match int {
            Some(i) => match range.check(field.name, i) {
                // An implausible value is still the value sent: rules between members use it.
                Some(f) if f.severity == Severity::Error => {
                    self.report(loc, f, Some(&value));
                    (value, Scalar::Other)
                }
                Some(f) => {
                    self.report(loc, f, Some(&value));
                    (value, Scalar::Int(i))
                }
                None => (value, Scalar::Int(i)),
            },
            None => {
                let expected = if matches!(field.shape, Shape::IntOrUuid) {
                    field.shape.expected()
                } else {
                    "an integer"
                };
                self.wrong_type(loc, field.name, expected, &value);
                (value, Scalar::Other)
            }
        }
    }

    pub(crate) fn string_items<'a>(
        &mut self,
        name: &str,
        personal: bool,
        norm: crate::normalize::Norm,
        rules: &[StrRule],
        items: Vec<Value<'a>>,
        loc: &Loc<'_>,
    ) -> Value<'a> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let at = loc.index(i);
            match item {
                Value::String(s) => {
                    let original = self.ctx.show_values.then(|| Value::String(s.clone()));
                    let n = norm.apply(s);
                    self.run_rules(name, personal, rules, &n, &at, original.as_ref());
                    out.push(Value::String(n));
                }
                other => {
                    self.wrong_type(&at, &format!("{name} items"), "a string", &other);
                    out.push(other);
                }
            }
        }
        let strings = out.iter().map(|v| v.as_str().unwrap_or("\u{0}non-string"));
        let mut whole = Vec::new();
        let texts: Vec<&str> = out.iter().filter_map(Value::as_str).collect();
        if texts.len() == out.len() {
            for rule in rules {
                rule.check_items(name, &texts, &mut whole);
            }
        }
        for (i, f) in whole {
            self.report(&loc.index(i), f, None);
        }
        let repeats = duplicate_flags(strings);
        for (i, repeated) in repeats.iter().enumerate() {
            if *repeated && out[i].as_str().is_some() {
                let f = Finding::warning(
                    Code::DuplicateItem,
                    format!("{name} lists the same value twice"),
                );
                self.report(&loc.index(i), f, out.get(i));
            }
        }
        Value::Array(out)
    }
}

/// The end of a message whose suggestion is withheld (formats without `params` drop it).
pub(crate) const SUGGESTION_WITHHELD: &str = "; a likely correction is in params.suggestion";

/// Ends a finding's message with its suggestion, or, for a personal member without the opt-in,
/// only with where to find it (the suggestion would reveal the value: `LTU` → `LT`).
fn word_suggestion(f: &mut Finding, reveal: bool) {
    let Some(s) = f
        .params
        .get("suggestion")
        .and_then(serde_json::Value::as_str)
    else {
        return;
    };
    let tail = if reveal {
        format!("; did you mean {s}?")
    } else {
        SUGGESTION_WITHHELD.to_owned()
    };
    f.message.push_str(&tail);
}

pub(crate) fn duplicate_key(name: &str) -> Finding {
    Finding::error(
        Code::DuplicateKey,
        "this member name appears more than once in the object; JSON parsers disagree on which copy wins, so the request is ambiguous".to_string(),
    )
    .with("name", name)
}

/// `flags[i]` is true when item `i` repeats an earlier item.
pub(crate) fn duplicate_flags<'k>(
    keys: impl ExactSizeIterator<Item = &'k str> + Clone,
) -> Vec<bool> {
    let n = keys.len();
    let mut flags = vec![false; n];
    if n <= 32 {
        // Quadratic but allocation-free; bodies are small.
        let all: Vec<&str> = keys.collect();
        for i in 1..n {
            flags[i] = all[..i].contains(&all[i]);
        }
    } else {
        let mut seen = HashSet::with_capacity(n);
        for (i, k) in keys.enumerate() {
            flags[i] = !seen.insert(k);
        }
    }
    flags
}

pub(crate) fn article(type_name: &str) -> String {
    match type_name {
        "null" => "null".into(),
        "integer" | "array" | "object" => format!("an {type_name}"),
        other => format!("a {other}"),
    }
}

/// Reads `input` as a JSON object (`what` names it in messages: "request body"), reporting at
/// the document why it is not one.
pub(crate) fn read_object<'a>(
    walk: &mut Walk<'_>,
    input: &'a [u8],
    what: &str,
) -> Option<Vec<(Cow<'a, str>, Value<'a>)>> {
    let ctx = walk.ctx;
    match json::read(input, ctx.limits.max_bytes, ctx.limits.max_depth) {
        Ok(Value::Object(members)) => Some(members),
        Ok(other) => {
            let f = Finding::error(
                Code::NotAnObject,
                format!(
                    "the {what} must be a JSON object, not {}",
                    article(other.type_name())
                ),
            )
            .with("found", other.type_name());
            walk.report(&ROOT, f, None);
            None
        }
        Err(e) => {
            walk.report(&ROOT, read_error(e, what), None);
            None
        }
    }
}

/// Checks the request body `input` (raw bytes as received).
pub(crate) fn check<'a>(input: &'a [u8], ctx: &Context) -> Report<'a> {
    let mut walk = Walk::new(ctx);
    let Some(members) = read_object(&mut walk, input, "request body") else {
        return finish(walk, None);
    };
    let out = check_members(&mut walk, members);
    finish(walk, Some(out))
}

fn check_members<'a>(
    walk: &mut Walk<'_>,
    members: Vec<(Cow<'a, str>, Value<'a>)>,
) -> Vec<(Cow<'a, str>, Value<'a>)> {
    let dups = duplicate_flags(members.iter().map(|(k, _)| k.as_ref()));
    let known: Vec<Option<(usize, bool)>> = members
        .iter()
        .map(|(k, _)| catalogue::lookup_index(k))
        .collect();
    // An alias conflicts when its canonical name is also present (checked only for aliases).
    let conflicts = |i: usize| match known[i] {
        Some((f, true)) => members.iter().any(|(other, _)| other == FIELDS[f].name),
        _ => false,
    };
    let conflicts: Vec<bool> = (0..members.len()).map(conflicts).collect();
    let mut out = Vec::with_capacity(members.len());
    for (i, (key, value)) in members.into_iter().enumerate() {
        let loc = ROOT.key(&key, i);
        if dups[i] {
            walk.report(&loc, duplicate_key(&key), None);
            continue;
        }
        match known[i] {
            Some((index, alias)) => {
                let field = &FIELDS[index];
                if conflicts[i] {
                    let f = Finding::error(
                        Code::AliasConflict,
                        format!(
                            "{key} is the legacy name of {}; send only one of them",
                            field.name
                        ),
                    )
                    .with("field", field.name);
                    walk.report(&loc, f, None);
                }
                if field.origin == Origin::Legacy {
                    let f = Finding::warning(
                        Code::LegacyField,
                        format!(
                            "{key} appears only in old iDenfy documentation; the API may ignore it"
                        ),
                    );
                    walk.report(&loc, f, None);
                }
                let (v, scalar) = walk.check_value(field, value, &loc);
                let used = if alias {
                    field
                        .aliases
                        .iter()
                        .copied()
                        .find(|a| *a == key)
                        .unwrap_or(field.name)
                } else {
                    field.name
                };
                walk.facts.set(
                    index,
                    Fact {
                        name: used,
                        position: i,
                        scalar,
                    },
                );
                out.push((Cow::Borrowed(field.name), v));
            }
            None => {
                unknown_member(walk, &key, &value, &loc);
                out.push((key, value));
            }
        }
    }
    const CLIENT_ID: Member = member("clientId");
    if walk.facts.get(CLIENT_ID).is_none() {
        walk.sink.report_missing(
            "clientId",
            Finding::error(
                Code::MissingRequired,
                "clientId is required (legacy name: personScanRef)",
            )
            .with("field", "clientId"),
        );
    }
    cross::run(walk);
    steps::cross(walk);
    out
}

fn unknown_member(walk: &mut Walk<'_>, key: &str, value: &Value<'_>, loc: &Loc<'_>) {
    let f = unknown_name(
        walk.ctx.unknown_fields,
        key,
        &catalogue::NAMES,
        "this member is not documented for the Generate token request",
    );
    walk.report(loc, f, Some(value));
    walk.check_nested_duplicates(value, loc);
}

/// The finding for a member name that `known` (the names documented at this place) lacks:
/// `misspelled_field` (an error) when it is almost certainly one of them mistyped, else
/// `unknown_field` under the caller's policy, with a suggestion where one is close. `what`
/// opens the message.
pub(crate) fn unknown_name(
    policy: UnknownFields,
    key: &str,
    known: &Vocabulary<'static>,
    what: &str,
) -> Finding {
    let resemblance = known.classify(key);
    if let Resemblance::Misspelling(meant) = resemblance {
        return Finding::error(
            Code::MisspelledField,
            format!("not a documented member name, but {meant} is (iDenfy ignores members it does not know, so this value would be lost); did you mean {meant}?"),
        )
        .with("suggestion", meant);
    }
    let mut msg = what.to_owned();
    match &resemblance {
        Resemblance::Near(s) => msg.push_str(&format!("; did you mean {s}?")),
        Resemblance::Several(c) => msg.push_str(&format!("; did you mean {}?", c.join(" or "))),
        _ => msg.push('.'),
    }
    let mut f = match policy {
        UnknownFields::Warn => {
            msg.push_str(" It is passed through unchanged, and the API will probably ignore it.");
            Finding::warning(Code::UnknownField, msg)
        }
        UnknownFields::Deny => Finding::error(Code::UnknownField, msg),
    };
    match resemblance {
        Resemblance::Near(s) => f = f.with("suggestion", s),
        Resemblance::Several(c) => f = f.with("candidates", c),
        _ => {}
    }
    f
}

/// The finding for a document that could not be read; `what` names it ("request body").
pub(crate) fn read_error(e: ReadError, what: &str) -> Finding {
    match e {
        ReadError::TooLarge { size, limit } => Finding::error(
            Code::DocumentTooLarge,
            // Readers may stop at limit + 1 bytes, so the size is a lower bound.
            format!("the {what} is larger than the limit of {limit} bytes"),
        )
        .with("size", size)
        .with("limit", limit),
        ReadError::InvalidUtf8 { offset, line, column } => Finding::error(
            Code::InvalidUtf8,
            format!("the {what} is not valid UTF-8 (first bad byte at line {line}, column {column})"),
        )
        .with("offset", offset)
        .with("line", line)
        .with("column", column),
        ReadError::TooDeep { limit, line, column } => Finding::error(
            Code::NestingTooDeep,
            format!("arrays and objects are nested more than {limit} levels deep (at line {line}, column {column})"),
        )
        .with("limit", limit)
        .with("line", line)
        .with("column", column),
        ReadError::Malformed { reason, line, column } => Finding::error(
            Code::MalformedJson,
            format!("the {what} is not valid JSON: {reason} at line {line}, column {column}"),
        )
        .with("reason", reason)
        .with("line", line)
        .with("column", column),
    }
}

fn finish<'a>(walk: Walk<'_>, members: Option<Vec<(Cow<'a, str>, Value<'a>)>>) -> Report<'a> {
    let valid = !walk.sink.has_errors() && members.is_some();
    let counts = walk.sink.counts();
    let violations = walk.sink.finish();
    let request = members.filter(|_| valid).map(ValidRequest::new);
    Report::new(valid, request, violations, counts)
}
