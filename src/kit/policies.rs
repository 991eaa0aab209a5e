//! The partner profile's policies, for generators: valid requests keep them, and each policy
//! has its near misses (a required member `null`, a value outside the set, one past a bound).

use super::values::{canonical, text_examples};
use super::{Label, Members, Recipe};
use crate::context::Context;
use crate::cross::policy::normalized_set;
use crate::diag::{Code, Severity};
use crate::profile::PolicySpec;
use crate::spec::catalogue::{lookup, lookup_index, MemberId};
use crate::spec::gen::FreeText;
use crate::spec::profile::MAX_POLICY_LENGTH;
use crate::spec::{Member, Shape, Text};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The profile's policies that can apply, with their member declarations.
fn policies(ctx: &Context) -> Vec<(&str, &PolicySpec)> {
    crate::cross::policy::profile_policies(ctx)
        .iter()
        .map(|p| (p.code.as_ref(), &p.spec))
        .collect()
}

/// The profile's dashboard default for the member `name` the session runs with when the request
/// leaves it out (or sends `null`, but for `questionnaire`, where that is "none").
fn default_of<'c>(ctx: &'c Context, name: &str) -> Option<&'c Value> {
    let (i, _) = lookup_index(name).filter(|(_, alias)| !alias)?;
    ctx.account()
        .default(MemberId::at(i))
        .filter(|v| !v.is_null())
}

/// The default the member `name` of `members` runs with: [`default_of`], where the request
/// leaves it out or sends a `null` that means the default.
fn default_in_effect<'c>(members: &Members, ctx: &'c Context, name: &str) -> Option<&'c Value> {
    let null_disables = member(name).is_some_and(|m| m.null_disables);
    match members.get(name) {
        None => default_of(ctx, name),
        Some(Value::Null) if !null_disables => default_of(ctx, name),
        Some(_) => None,
    }
}

fn member(name: &str) -> Option<&'static Member> {
    lookup(name).map(|(m, _)| m)
}

fn text_of(shape: &Shape) -> Option<&Text> {
    match shape {
        Shape::Str(t) | Shape::List(t) | Shape::StrOrList(t) => Some(t),
        Shape::IntOrStr { text, .. } => Some(text),
        _ => None,
    }
}

/// Whether `s` (as the member sends it) passes the policy's string checks; `set` is the
/// policy's set as the member normalizes it.
fn text_passes(spec: &PolicySpec, set: Option<&BTreeSet<String>>, s: &str) -> bool {
    let n = s.chars().count();
    set.is_none_or(|set| set.contains(s))
        && spec.min_length.is_none_or(|min| n >= min)
        && spec.max_length.is_none_or(|max| n <= max)
}

/// A value of the member that passes the policy, if one is at hand: the set's first value (an
/// integer where the member takes one and it is digits), else a filler of the length the policy
/// wants.
fn passing_value(spec: &PolicySpec, set: Option<&BTreeSet<String>>) -> Option<Value> {
    if let Some(set) = set {
        let first = set.iter().find(|s| text_passes(spec, Some(set), s))?;
        return Some(
            first
                .parse::<i64>()
                .map_or_else(|_| first.as_str().into(), Into::into),
        );
    }
    let n = spec.min_length.unwrap_or(1).max(1);
    Some(FreeText::filler(n))
        .filter(|s| text_passes(spec, None, s))
        .map(Into::into)
}

/// Each policy applied to `members`, so the request keeps them: a required member gets a valid
/// value, a value outside a policy's checks one inside them (or goes, if none is at hand).
pub(crate) fn keep(members: &mut Members, ctx: &Context) {
    for (code, spec) in policies(ctx) {
        for name in &spec.require {
            if members.get(name).is_none_or(Value::is_null)
                && default_in_effect(members, ctx, name).is_none()
            {
                if let Some(m) = member(name) {
                    members.insert(name.clone(), canonical(&m.shape));
                }
            }
        }
        let Some((name, id)) = spec
            .member
            .as_deref()
            .and_then(|n| lookup_index(n).map(|(i, _)| (n, MemberId::at(i))))
        else {
            continue;
        };
        let set = normalized_set(spec, id);
        let set = set.as_ref();
        // Left out, the member runs with the profile's default, which the policy checks too: one
        // it refuses is replaced by a value it accepts (or the policy is left to its warning in
        // the profile's own report, if none is at hand).
        if default_in_effect(members, ctx, name)
            .is_some_and(|d| !crate::cross::policy::default_failures(code, spec, d).is_empty())
        {
            if let Some(p) = passing_value(spec, set) {
                members.insert(name.to_owned(), p);
            }
            continue;
        }
        let Some(value) = members.get_mut(name) else {
            continue;
        };
        match value {
            Value::String(s) if !text_passes(spec, set, &normalized(name, s)) => {
                match passing_value(spec, set) {
                    Some(p) => *value = p,
                    None => {
                        members.remove(name);
                    }
                }
            }
            Value::Array(items) => {
                items.retain(|i| {
                    i.as_str()
                        .is_none_or(|s| text_passes(spec, set, &normalized(name, s)))
                });
            }
            Value::Number(n) if set.is_some_and(|set| !set.contains(&n.to_string())) => {
                match passing_value(spec, set) {
                    Some(p) => *value = p,
                    None => {
                        members.remove(name);
                    }
                }
            }
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    let clamped = spec.max.map_or(i, |max| i.min(max));
                    let clamped = spec.min.map_or(clamped, |min| clamped.max(min));
                    if clamped != i {
                        *value = clamped.into();
                    }
                }
            }
            _ => {}
        }
    }
}

/// The string as the member sends it (its normalizer applied), which the policy checks.
fn normalized(name: &str, s: &str) -> String {
    match member(name).and_then(|m| text_of(&m.shape)) {
        Some(t) => t.norm.apply(s.into()).into_owned(),
        None => s.to_owned(),
    }
}

/// Each policy's near misses, labelled `Code::Policy` at the member.
pub(crate) fn misses(ctx: &Context) -> Vec<Recipe> {
    let mut out = Vec::new();
    for (code, spec) in policies(ctx) {
        let severity = if spec.warning {
            Severity::Warning
        } else {
            Severity::Error
        };
        let recipe = |name: &str, value: Value, suffix: &str| Recipe::Members {
            set: vec![(name.to_owned(), value)],
            label: Label {
                policy: Some(code.to_owned()),
                ..Label::at(format!("/{name}{suffix}"), Code::Policy, severity)
            },
        };
        // A member the profile presets is set by its default: `null` misses nothing (but where
        // `null` is a value of its own, "none").
        let misses = |n: &&String| {
            default_of(ctx, n).is_none() || member(n).is_some_and(|m| m.null_disables)
        };
        for name in spec.require.iter().filter(misses) {
            out.push(recipe(name, Value::Null, ""));
        }
        let Some((i, _)) = spec.member.as_deref().and_then(lookup_index) else {
            continue;
        };
        let id = MemberId::at(i);
        let m = id.member();
        let set = normalized_set(spec, id);
        if let Some(text) = text_of(&m.shape) {
            let mut texts: Vec<String> = text_examples(text);
            if let Some(min) = spec.min_length.filter(|&n| n > 0) {
                texts.push(FreeText::filler(min - 1));
            }
            if let Some(max) = spec.max_length.filter(|&n| n < MAX_POLICY_LENGTH) {
                texts.push(FreeText::filler(max + 1));
            }
            let as_sent = |s: &str| match m.shape {
                Shape::List(_) => (json!([s]), "/0"),
                _ => (s.into(), ""),
            };
            let failing: Vec<String> = texts
                .into_iter()
                .filter(|s| !text_passes(spec, set.as_ref(), &text.norm.apply(s.as_str().into())))
                .collect();
            // A value that breaks the policy and nothing else, where there is one (a locale
            // the account offers but the policy leaves out earns no `unsupported_locale`).
            let alone = |s: &&String| {
                let mut members = super::smallest(ctx);
                members.insert(m.name.to_owned(), as_sent(s).0);
                let body = serde_json::to_vec(&Value::Object(members)).unwrap_or_default();
                crate::check(&body, ctx).violations().len() == 1
            };
            if let Some(s) = failing.iter().find(alone).or(failing.first()) {
                let (value, suffix) = as_sent(s);
                out.push(recipe(m.name, value, suffix));
            }
        }
        if let Some(min) = spec.min {
            out.push(recipe(m.name, min.saturating_sub(1).into(), ""));
        }
        if let Some(max) = spec.max {
            out.push(recipe(m.name, max.saturating_add(1).into(), ""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value the policy accepts is kept as sent; only one it refuses is replaced (by the
    /// set's first value), so generated requests reach every value the policy allows.
    #[test]
    fn a_value_the_policy_accepts_is_kept() {
        let file =
            br#"{"policies": {"acme.baltics": {"member": "country", "oneOf": ["LT", "LV"]}}}"#;
        let profile = crate::load_profile(file, &Context::new())
            .into_result()
            .expect("the profile loads");
        let ctx = Context::new().with_profile(profile);
        for (sent, kept) in [("LV", "LV"), ("LT", "LT"), ("EE", "LT")] {
            let mut members = Members::new();
            members.insert("country".into(), sent.into());
            keep(&mut members, &ctx);
            assert_eq!(members.get("country"), Some(&Value::from(kept)), "{sent}");
        }
    }
}
