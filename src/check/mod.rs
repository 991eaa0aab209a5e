//! Checking: one value checker for every shape, one object walker for every nested object, and
//! the request and response member loops as thin clients of both.
//!
//! - `value`: a value against its [`Shape`](crate::spec::Shape) → a [`Checked`] value (what it
//!   saw, normalized, and whether it passed);
//! - `object`: the members of a nested object against its [`Object`](crate::spec::Object)
//!   declaration (documented fields, or keys and values of one shape);
//! - `request`: the top-level member loop of the request, the facts for the rules between
//!   members, the report;
//! - `response`: the response's member loop, the echo comparison and the verification URLs.

pub(crate) mod engine;
pub(crate) mod explain;
mod object;
pub(crate) mod profile;
pub(crate) mod request;
pub(crate) mod response;
mod value;

use crate::context::{Context, UnknownFields};
use crate::cross::Scalar;
use crate::diag::loc::Loc;
use crate::diag::sink::Sink;
use crate::diag::{Document, Finding, JsonType, Kind, Place, Subject};
use crate::json::keys::Repeats;
use crate::json::{self, ReadError, Value};
use crate::spec::Shape;
use crate::suggest::{Resemblance, Vocabulary};
use std::borrow::Cow;

pub(crate) type Members<'a> = Vec<(Cow<'a, str>, Value<'a>)>;

/// A value checked against its shape.
#[derive(Debug)]
pub(crate) struct Checked<'a> {
    /// The value as it is sent: normalized where it passed its type.
    pub(crate) value: Value<'a>,
    /// What rules between members may know of it.
    pub(crate) scalar: Scalar,
}

/// What `null` means where a value is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Null {
    /// Allowed (kept as `null`: the API's default).
    Allowed,
    /// Not allowed: a required member (`null_not_allowed`).
    Required,
    /// Kept as `null`, with a warning (`undocumented_null`): the API reference declares the
    /// member non-nullable, so the server may refuse it.
    Warned,
    /// Not allowed: a nested value of another type (`wrong_type`).
    WrongType,
}

/// Where a value is checked: what it is called, its shape, and what `null` means there.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Slot {
    pub(crate) subject: Subject,
    pub(crate) shape: Shape,
    pub(crate) null: Null,
    pub(crate) personal: bool,
}

/// The state of one check: its context, the sink it reports into, and scratch space for rule
/// findings (reused, so a clean value allocates nothing).
pub(crate) struct Checker<'c> {
    ctx: &'c Context,
    sink: Sink,
    scratch: Vec<Finding>,
    /// Report only errors from value rules (a response's echo: the request's own warnings were
    /// given when it was checked).
    errors_only: bool,
    /// The document being checked (messages about undocumented members differ for a profile).
    document: Document,
}

impl<'c> Checker<'c> {
    pub(crate) fn new(ctx: &'c Context) -> Self {
        Checker {
            ctx,
            sink: Sink::new(ctx.show_values, ctx.limits.max_violations),
            scratch: Vec::new(),
            errors_only: false,
            document: Document::Request,
        }
    }

    pub(crate) fn ctx(&self) -> &'c Context {
        self.ctx
    }

    /// Hands the sink over (to the rules between members, then to the report).
    pub(crate) fn into_sink(self) -> Sink {
        self.sink
    }

    pub(crate) fn report(&mut self, loc: &Loc<'_>, finding: Finding, value: Option<&Value<'_>>) {
        self.sink.report(loc, finding, value);
    }

    /// Places `finding` at a location kept from the walk (an absent member).
    pub(crate) fn report_at(&mut self, place: &crate::diag::loc::Place, finding: Finding) {
        self.sink.report_at(place, finding);
    }

    /// How many errors were reported so far.
    pub(crate) fn errors(&self) -> usize {
        self.sink.counts().0
    }

    /// Reads `input` as a JSON object, reporting at the document why it is not one.
    pub(crate) fn read_object<'a>(
        &mut self,
        input: &'a [u8],
        document: Document,
    ) -> Option<Members<'a>> {
        self.document = document;
        let limits = self.ctx.limits;
        match json::read(input, limits.max_bytes, limits.max_depth) {
            Ok(Value::Object(members)) => Some(members),
            Ok(other) => {
                let found = other.json_type();
                self.report(
                    &crate::diag::loc::ROOT,
                    Finding::error(Kind::NotAnObject { document, found }),
                    None,
                );
                None
            }
            Err(e) => {
                self.report(
                    &crate::diag::loc::ROOT,
                    Finding::error(read_error(e, document)),
                    None,
                );
                None
            }
        }
    }

    /// Reports repeated member names anywhere below `value`: members nobody checks are passed
    /// through, but an ambiguous one must still be flagged.
    pub(crate) fn nested_duplicates(&mut self, value: &Value<'_>, loc: &Loc<'_>) {
        match value {
            Value::Object(members) => {
                let repeats = Repeats::exact(members.iter().map(|(k, _)| k.as_ref()));
                for (i, (k, v)) in members.iter().enumerate() {
                    let child = loc.key(k, i);
                    if repeats.get(i) {
                        self.report(&child, duplicate_key(k, self.document), None);
                    }
                    self.nested_duplicates(v, &child);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.nested_duplicates(v, &loc.index(i));
                }
            }
            _ => {}
        }
    }

    /// Reports a member the object at this place does not document: `misspelled_field` when it
    /// is almost certainly one of them mistyped, else `unknown_field` under the caller's policy.
    pub(crate) fn unknown(
        &mut self,
        loc: &Loc<'_>,
        key: &str,
        known: &Vocabulary<'static>,
        place: Place,
        value: &Value<'_>,
    ) {
        let place = match (self.document, place) {
            (Document::Profile, Place::Among(names)) => Place::InProfile(names),
            (_, place) => place,
        };
        let f = unknown_name(self.ctx.unknown_fields, key, known, place);
        self.report(loc, f, Some(value));
        self.nested_duplicates(value, loc);
    }
}

/// Checks anything that serializes to a request body, in its serialization order.
///
/// A value serde_json cannot serialize is reported as such (one error at the document), not
/// checked as an empty body.
pub(crate) fn serialized(
    body: &impl serde::Serialize,
    ctx: &Context,
    policies: &[crate::cross::policy::Policy],
) -> crate::Report<'static> {
    let bytes = match serde_json::to_vec(body) {
        Ok(bytes) => bytes,
        Err(e) => {
            let finding = Finding::error(Kind::NotSerializable {
                reason: e.to_string(),
            });
            let violation = crate::Violation::new(String::new(), finding, ctx.show_values, None);
            return crate::Report::new(None, vec![violation], (1, 0));
        }
    };
    // The size limit guards against hostile input, not against values the caller built.
    let ctx = Context {
        limits: crate::Limits {
            max_bytes: usize::MAX,
            ..ctx.limits
        },
        ..ctx.clone()
    };
    request::check_then(&bytes, &ctx, policies, |_| ())
        .0
        .into_owned()
}

/// The finding for a member name that `known` (the names documented at `place`) lacks.
pub(crate) fn unknown_name(
    policy: UnknownFields,
    key: &str,
    known: &Vocabulary<'static>,
    place: Place,
) -> Finding {
    let (suggestion, candidates) = match known.classify(key) {
        Resemblance::Misspelling(meant) => {
            let kind = Kind::MisspelledField { look_alike: false };
            return Finding::error(kind).suggest(Some(meant));
        }
        Resemblance::LookAlike(meant) => {
            let kind = Kind::MisspelledField { look_alike: true };
            return Finding::error(kind).suggest(Some(meant));
        }
        Resemblance::Near(s) => (Some(s), Vec::new()),
        Resemblance::Several(c) => (None, c),
        Resemblance::Unrelated => (None, Vec::new()),
    };
    let kind = Kind::UnknownField { place, candidates };
    let f = match policy {
        UnknownFields::Warn => Finding::warning(kind),
        UnknownFields::Deny => Finding::error(kind),
    };
    // Member names are not personal data: the message may always name the suggestion.
    f.suggest(suggestion)
}

/// The finding for a member name repeated in `document`.
pub(crate) fn duplicate_key(name: &str, document: Document) -> Finding {
    Finding::error(Kind::DuplicateKey {
        name: name.to_owned(),
        folded: None,
        document,
    })
}

/// The finding for a document that could not be read.
pub(crate) fn read_error(e: ReadError, document: Document) -> Kind {
    match e {
        ReadError::TooLarge { size, limit } => Kind::DocumentTooLarge {
            document,
            size,
            limit,
        },
        ReadError::InvalidUtf8 {
            offset,
            line,
            column,
        } => Kind::InvalidUtf8 {
            document,
            offset,
            line,
            column,
        },
        ReadError::TooDeep {
            limit,
            line,
            column,
        } => Kind::NestingTooDeep {
            limit,
            line,
            column,
        },
        ReadError::Malformed {
            reason,
            line,
            column,
        } => Kind::MalformedJson {
            document,
            reason: Cow::Owned(reason),
            line,
            column,
        },
    }
}

impl Value<'_> {
    /// The JSON type, as messages name it.
    pub(crate) fn json_type(&self) -> JsonType {
        match self {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Integer,
            Value::NumberText(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check_value, Code, Context, Limits};
    use serde_json::json;

    /// A value the caller built is never too large (the size limit is for hostile bytes), while
    /// the other limits still hold.
    #[test]
    fn a_built_value_is_checked_whatever_its_size() {
        let limits = Limits {
            max_bytes: 16,
            max_violations: 1,
            ..Limits::default()
        };
        let ctx = Context::new().with_limits(limits);
        let body = json!({"clientId": "client-1", "firstName": "Jonas", "lastName": "Jonaitis"});
        assert!(check_value(&body, &ctx).is_valid());
        let codes: Vec<Code> = check_value(&json!({"sex": "X", "locale": 1}), &ctx)
            .violations()
            .iter()
            .map(|v| v.code())
            .collect();
        assert_eq!(codes.len(), 2, "{codes:?}");
        assert_eq!(codes.last(), Some(&Code::TooManyViolations));
    }
}
