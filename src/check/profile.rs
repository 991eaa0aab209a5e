//! Reading a partner profile file: the same reader and object walker as a request, against the
//! profile's declaration, then the typed [`Profile`] built from what passed.

use super::Checker;
use crate::context::Context;
use crate::cross::policy::Policy;
use crate::diag::loc::ROOT;
use crate::diag::{Document, Finding, Kind};
use crate::json::Value;
use crate::profile::{PolicySpec, Profile};
use crate::report::ProfileReport;
use crate::spec::profile::PROFILE;

/// `value` without the `null` members of its objects, at any depth (`null` is unknown, as if
/// left out). Not for `defaults`, where `null` is a value ("no questionnaire").
fn without_nulls(value: &mut serde_json::Value) {
    if let serde_json::Value::Object(members) = value {
        members.retain(|_, v| !v.is_null());
        for v in members.values_mut() {
            without_nulls(v);
        }
    }
}

/// Each policy must be able to apply (its checks fit its member): what the declaration's shapes
/// cannot say, [`Policy::from_spec`] does, at the part of the policy that is wrong.
fn policies(checker: &mut Checker<'_>, checked: &Value<'_>) {
    let Some(Value::Object(entries)) = checked.get("policies") else {
        return;
    };
    let at = ROOT.key("policies", position(checked, "policies"));
    for (i, (code, entry)) in entries.iter().enumerate() {
        let mut entry_json = entry.to_serde();
        without_nulls(&mut entry_json);
        let Ok(spec) = serde_json::from_value::<PolicySpec>(entry_json) else {
            continue;
        };
        let Err(e) = Policy::from_spec(code, &spec) else {
            continue;
        };
        if !e.declared() {
            let here = at.key(code, i);
            let f = Finding::error(Kind::InvalidPolicy { reason: e.reason });
            match position(entry, e.part) {
                p if e.part != "code" && entry.get(e.part).is_some() => {
                    checker.report(&here.key(e.part, p), f, None)
                }
                _ => checker.report(&here, f, None),
            }
        }
    }
}

/// The position of the member `name` in the object `v` (0 if it has none).
fn position(v: &Value<'_>, name: &str) -> usize {
    match v {
        Value::Object(m) => m.iter().position(|(k, _)| k == name).unwrap_or(0),
        _ => 0,
    }
}

/// Reads and checks the profile file `input`; the profile only if nothing was an error.
///
/// A member the format does not document is an error whatever the caller's policy for requests:
/// the format is this crate's own, so such a member is a mistake (a typo such as `nfcCountrys`,
/// or a request file given as the profile), and ignoring it would silently turn a check off.
pub(crate) fn load(input: &[u8], ctx: &Context) -> ProfileReport {
    let strict = Context {
        unknown_fields: crate::context::UnknownFields::Deny,
        ..ctx.clone()
    };
    let mut checker = Checker::new(&strict);
    let Some(members) = checker.read_object(input, Document::Profile) else {
        return ProfileReport::new(None, checker.into_sink());
    };
    let checked = checker.object(&PROFILE, members, &ROOT);
    policies(&mut checker, &checked);
    if checker.errors() > 0 {
        return ProfileReport::new(None, checker.into_sink());
    }
    // Every member passed its declaration, so the typed value reads it (a member that is
    // `null` is unknown, as if left out); should the two ever disagree, the file is refused
    // with the reason rather than half-read.
    let mut typed = checked.to_serde();
    if let serde_json::Value::Object(members) = &mut typed {
        members.retain(|_, v| !v.is_null());
        let nested = ["permissions", "policies"];
        for (_, part) in members
            .iter_mut()
            .filter(|(k, _)| nested.contains(&k.as_str()))
        {
            without_nulls(part);
        }
    }
    match serde_json::from_value::<Profile>(typed) {
        Ok(profile) => ProfileReport::new(Some(profile), checker.into_sink()),
        Err(e) => {
            let f = Finding::error(Kind::NotSerializable {
                reason: e.to_string(),
            });
            checker.report(&ROOT, f, None);
            ProfileReport::new(None, checker.into_sink())
        }
    }
}
