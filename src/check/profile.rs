//! Reading a partner profile file: the same reader and object walker as a request, against the
//! profile's declaration, then the typed [`Profile`] built from what passed.

use super::Checker;
use crate::context::Context;
use crate::cross::policy::Policy;
use crate::diag::loc::{Loc, ROOT};
use crate::diag::{Document, Finding, Kind, Severity, Subject};
use crate::json::Value;
use crate::profile::{PolicySpec, Profile};
use crate::report::ProfileReport;
use crate::spec::catalogue::MemberId;
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

/// The profile checked against itself: each dashboard default against the profile's features,
/// permissions, policies and NFC countries, at the default in the file.
///
/// A default that turns on a feature the profile's `features` leave out is an **error**: the
/// dashboard presets only what the environment offers ("You can only override features …
/// available in your environment"), so one of the two statements is false for certain, and a
/// wrong `features` refuses valid requests. The rest are **warnings**, contradictions that only
/// might be wrong: a permission may gate only the request's override of a setting the dashboard
/// still has; a default that breaks the partner's own policy may be meant to make requests send
/// the member (each request that leaves it out gets the policy's violation); a default country
/// NFC cannot read with NFC required by default is an account set up to deny, which the
/// requests that leave both out are told of (an error there).
fn itself(checker: &mut Checker<'_>, checked: &Value<'_>, profile: &Profile) {
    let Some(Value::Object(defaults)) = checked.get("defaults") else {
        return;
    };
    let ctx = Context::new().with_profile(profile.clone());
    let root = ROOT.key("defaults", position(checked, "defaults"));
    for (j, (name, value)) in defaults.iter().enumerate() {
        let Some((index, false)) = crate::spec::catalogue::lookup_index(name) else {
            continue;
        };
        let m = MemberId::at(index);
        let at = root.key(name, j);
        let json = value.to_serde();
        let about = |f: Finding| f.about(Subject::of(m.name()), false);
        if json.as_bool() == Some(true) && ctx.account().lacks_feature(m) {
            checker.report(
                &at,
                about(Finding::error(Kind::DefaultNotInEnvironment)),
                None,
            );
        }
        if let Some(permission) = crate::cross::default_lacks(&ctx, m, &json) {
            let f = Finding::warning(Kind::DefaultNeedsPermission { permission });
            checker.report(&at, about(f), None);
        }
        for (code, spec) in &profile.policies {
            if spec.member.as_deref() != Some(m.name()) {
                continue;
            }
            for (i, mut f) in crate::cross::policy::default_failures(code, spec, &json) {
                f.severity = Severity::Warning;
                match i {
                    Some(i) => checker.report(&at.index(i), f, None),
                    None => checker.report(&at, f, None),
                }
            }
        }
        if name == "country" {
            nfc_default_country(checker, &at, &json, &ctx);
        }
    }
}

/// A default country NFC cannot read while NFC is required by default (a warning at it).
fn nfc_default_country(
    checker: &mut Checker<'_>,
    at: &Loc<'_>,
    country: &serde_json::Value,
    ctx: &Context,
) {
    let account = ctx.account();
    let Some(nfc) = account.nfc_countries() else {
        return;
    };
    let nfc_required = crate::spec::catalogue::member("nfcRequired");
    if account
        .default(nfc_required)
        .and_then(serde_json::Value::as_bool)
        != Some(true)
    {
        return;
    }
    let finding = || {
        Finding::warning(Kind::NfcCountryUnsupported {
            by_default: true,
            country_by_default: true,
        })
        .about(Subject::of("country"), false)
    };
    let one = |c: &serde_json::Value| crate::cross::nfc_country::refused(nfc, Some(c));
    match country {
        serde_json::Value::Array(items) => {
            for (i, c) in items.iter().enumerate() {
                if one(c) {
                    checker.report(&at.index(i), finding(), None);
                }
            }
        }
        c if one(c) => checker.report(at, finding(), None),
        _ => {}
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
        Ok(profile) => {
            itself(&mut checker, &checked, &profile);
            if checker.errors() > 0 {
                return ProfileReport::new(None, checker.into_sink());
            }
            ProfileReport::new(Some(profile), checker.into_sink())
        }
        Err(e) => {
            let f = Finding::error(Kind::NotSerializable {
                reason: e.to_string(),
            });
            checker.report(&ROOT, f, None);
            ProfileReport::new(None, checker.into_sink())
        }
    }
}
