//! Near misses of the document as a whole: not JSON, not UTF-8, beyond the limits, a key twice,
//! a required member missing or null, members the API does not know or no longer documents.

use super::{canonical, Label, Recipe};
use crate::context::Context;
use crate::cross::Members;
use crate::diag::{Code, Severity};
use crate::spec::catalogue::FIELDS;
use crate::spec::Origin;
use serde_json::Value;

fn body(members: &Members) -> Vec<u8> {
    serde_json::to_vec(&Value::Object(members.clone())).unwrap_or_default()
}

fn at(pointer: &str, code: Code, severity: Severity) -> Label {
    Label::at(pointer, code, severity)
}

/// The first required member (`clientId`).
fn required() -> &'static crate::spec::Member {
    FIELDS.iter().find(|f| f.required).unwrap_or(&FIELDS[0])
}

/// A body whose first member is repeated: `{"clientId": …, "clientId": …, …}`.
fn duplicate(members: &Members, _ctx: &Context) -> Vec<u8> {
    let r = required();
    let value = members
        .get(r.name)
        .cloned()
        .unwrap_or_else(|| canonical(&r.shape));
    let mut out = format!("{{\"{}\":{},", r.name, value).into_bytes();
    out.extend_from_slice(&body(members)[1..]);
    out
}

fn truncated(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut b = body(members);
    b.pop();
    b
}

fn not_utf8(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut b = b"{\"nickname\":\"\xff\",".to_vec();
    b.extend_from_slice(&body(members)[1..]);
    b
}

fn with_bom(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend(body(members));
    b
}

fn in_array(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut b = b"[".to_vec();
    b.extend(body(members));
    b.push(b']');
    b
}

/// Nested exactly one level past the limit: the arrays, plus the object around them.
fn too_deep(members: &Members, ctx: &Context) -> Vec<u8> {
    let depth = ctx.limits.max_depth.min(127);
    let mut b = format!("{{\"nickname\":{}{},", "[".repeat(depth), "]".repeat(depth)).into_bytes();
    b.extend_from_slice(&body(members)[1..]);
    b
}

fn too_large(members: &Members, ctx: &Context) -> Vec<u8> {
    let mut b = body(members);
    let pad = ctx.limits.max_bytes.saturating_sub(b.len()) + 1;
    b.extend(std::iter::repeat_n(b' ', pad));
    b
}

fn without_required(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut m = members.clone();
    m.remove(required().name);
    body(&m)
}

/// More repeated items than the report keeps (each repeat is a warning, whatever the policy for
/// unknown members): the list ends with `too_many_violations`.
fn too_many(members: &Members, ctx: &Context) -> Vec<u8> {
    let mut m = members.clone();
    let list = FIELDS
        .iter()
        .find(|f| matches!(f.shape, crate::spec::Shape::List(_)) && f.origin != Origin::Legacy);
    if let Some(list) = list {
        let item = match canonical_item(list) {
            Some(item) => item,
            None => return body(&m),
        };
        let repeats = vec![item; ctx.limits.max_violations + 2];
        m.insert(list.name.to_owned(), Value::Array(repeats));
    }
    body(&m)
}

/// A valid item of a list member.
fn canonical_item(list: &crate::spec::Member) -> Option<Value> {
    match &list.shape {
        crate::spec::Shape::List(text) => Some(super::values::canonical_text(text).into()),
        _ => None,
    }
}

fn unknown(members: &Members, _ctx: &Context) -> Vec<u8> {
    let mut m = members.clone();
    m.insert("nickname".into(), "x".into());
    body(&m)
}

/// Every document-level near miss.
pub(crate) fn document_misses() -> Vec<Recipe> {
    let r = required();
    let legacy = FIELDS.iter().filter(|f| f.origin == Origin::Legacy);
    let misspelled = FIELDS
        .iter()
        .find(|f| !f.required && f.name.chars().any(|c| c.is_ascii_uppercase()))
        .map(|f| f.name.to_lowercase());
    // A flag no rule between members reads, so its `null` earns that warning alone.
    let not_nullable = FIELDS
        .iter()
        .find(|f| !f.nullable && !f.required && matches!(f.shape, crate::spec::Shape::Bool));
    let mut out = vec![
        Recipe::Body {
            make: duplicate,
            label: |_| {
                at(
                    &format!("/{}", required().name),
                    Code::DuplicateKey,
                    Severity::Error,
                )
            },
        },
        Recipe::Body {
            make: truncated,
            label: |_| at("", Code::MalformedJson, Severity::Error),
        },
        Recipe::Body {
            make: with_bom,
            label: |_| at("", Code::MalformedJson, Severity::Error),
        },
        Recipe::Body {
            make: not_utf8,
            label: |_| at("", Code::InvalidUtf8, Severity::Error),
        },
        Recipe::Body {
            make: in_array,
            label: |_| at("", Code::NotAnObject, Severity::Error),
        },
        Recipe::Body {
            make: too_deep,
            label: |_| at("", Code::NestingTooDeep, Severity::Error),
        },
        Recipe::Body {
            make: too_large,
            label: |_| at("", Code::DocumentTooLarge, Severity::Error),
        },
        Recipe::Body {
            make: without_required,
            label: |_| {
                at(
                    &format!("/{}", required().name),
                    Code::MissingRequired,
                    Severity::Error,
                )
            },
        },
        Recipe::Body {
            make: too_many,
            label: |_| at("", Code::TooManyViolations, Severity::Warning),
        },
        Recipe::Members {
            set: vec![(r.name.into(), Value::Null)],
            label: at(
                &format!("/{}", r.name),
                Code::NullNotAllowed,
                Severity::Error,
            ),
        },
        Recipe::Body {
            make: unknown,
            // An error where the caller denies unknown members.
            label: |ctx| {
                let severity = match ctx.unknown_fields {
                    crate::context::UnknownFields::Deny => Severity::Error,
                    crate::context::UnknownFields::Warn => Severity::Warning,
                };
                at("/nickname", Code::UnknownField, severity)
            },
        },
    ];
    if let Some(alias) = r.aliases.first() {
        out.push(Recipe::Members {
            set: vec![((*alias).into(), canonical(&r.shape))],
            label: at(&format!("/{alias}"), Code::AliasConflict, Severity::Error),
        });
    }
    if let Some(f) = not_nullable {
        out.push(Recipe::Members {
            set: vec![(f.name.into(), Value::Null)],
            label: at(
                &format!("/{}", f.name),
                Code::UndocumentedNull,
                Severity::Warning,
            ),
        });
    }
    if let Some(name) = misspelled {
        out.push(Recipe::Members {
            label: at(&format!("/{name}"), Code::MisspelledField, Severity::Error),
            set: vec![(name, Value::Null)],
        });
    }
    out.extend(legacy.map(|f| Recipe::Members {
        set: vec![(f.name.into(), canonical(&f.shape))],
        label: at(
            &format!("/{}", f.name),
            Code::LegacyField,
            Severity::Warning,
        ),
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members() -> Members {
        let mut m = Members::new();
        m.insert("clientId".into(), "c1".into());
        m.insert("firstName".into(), "Jo".into());
        m
    }

    fn codes(body: &[u8], ctx: &Context) -> Vec<Code> {
        let report = crate::check(body, ctx);
        report.violations().iter().map(|v| v.code()).collect()
    }

    #[test]
    fn broken_bodies_differ_from_the_valid_one_only_as_named() {
        let (m, ctx) = (members(), Context::new());
        let valid = body(&m);
        assert_eq!(codes(&valid, &ctx), []);
        assert_eq!(truncated(&m, &ctx), valid[..valid.len() - 1]);
        assert_eq!(with_bom(&m, &ctx), [&b"\xEF\xBB\xBF"[..], &valid].concat());
    }

    /// The nesting miss is the first depth that fails: one level less passes.
    #[test]
    fn too_deep_is_one_level_past_the_limit() {
        for max_depth in [1, 5, 32, 200] {
            let ctx = Context::new().with_limits(crate::Limits {
                max_depth,
                ..crate::Limits::default()
            });
            let deep = too_deep(&members(), &ctx);
            assert_eq!(codes(&deep, &ctx), [Code::NestingTooDeep], "{max_depth}");
            let text = String::from_utf8_lossy(&deep)
                .replacen('[', "", 1)
                .replacen(']', "", 1);
            let codes = codes(text.as_bytes(), &ctx);
            assert!(
                !codes.contains(&Code::NestingTooDeep),
                "{max_depth}: {codes:?}"
            );
        }
    }

    /// The repeated list is a current member: a legacy one would add its own warning.
    #[test]
    fn too_many_repeats_a_current_list() {
        let ctx = Context::new();
        let body = too_many(&members(), &ctx);
        let value: Value = serde_json::from_slice(&body).unwrap_or_default();
        let lists: Vec<&String> = value
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(_, v)| {
                v.as_array()
                    .is_some_and(|a| a.len() == ctx.limits.max_violations + 2)
            })
            .map(|(k, _)| k)
            .collect();
        assert_eq!(lists.len(), 1, "{lists:?}");
        let member = crate::spec::catalogue::get(lists[0]).map(|f| f.origin);
        assert!(member.is_some_and(|o| o != Origin::Legacy), "{lists:?}");
    }
}
