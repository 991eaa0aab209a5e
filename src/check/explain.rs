//! Effective settings: each setting of the session resolved to the value it will run with, and
//! where that comes from (the request, the partner profile's default, the API's documented
//! default, or another setting that decides it), so "why did NFC turn on?" is answered before a
//! credit is spent.

use super::request;
use crate::context::{Context, DEFAULT_EXPIRY_TIME};
use crate::cross::{Facts, FORCINGS};
use crate::json::Value;
use crate::profile::holds;
use crate::report::{Explanation, Provenance, Setting};
use crate::spec::catalogue::{member, MemberId, FIELDS};
use crate::spec::profile::{is_defaultable, FEATURES};

const EXPIRY_TIME: MemberId = member("expiryTime");
const SESSION_LENGTH: MemberId = member("sessionLength");
const GENERATE_DIGIT_STRING: MemberId = member("generateDigitString");

/// Checks `input` (the partner's `policies` too) and resolves every setting.
pub(crate) fn explain<'a>(
    input: &'a [u8],
    ctx: &Context,
    policies: &[crate::cross::policy::Policy],
) -> Explanation<'a> {
    let (report, settings) = request::check_then(input, ctx, policies, |facts| resolve(facts, ctx));
    Explanation::new(report, settings)
}

/// The settings: what the dashboard can preset, and the two lifetimes the environment sets.
fn settings() -> impl Iterator<Item = MemberId> {
    FIELDS
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            let id = MemberId::at(*i);
            is_defaultable(m) || id == EXPIRY_TIME || id == SESSION_LENGTH
        })
        .map(|(i, _)| MemberId::at(i))
}

/// Each forcing decides on the settings as the request and the account give them, before any
/// forcing (as the rules between members read them: tokenType DOCUMENT forces autoFaceMatching
/// off, yet the doc-face checks autoFaceMatching false would disable still run on the document).
/// Where two forcings decide one setting, the first in [`FORCINGS`] names it.
fn resolve(facts: Option<&Facts<'_>>, ctx: &Context) -> Vec<Setting> {
    let mut out: Vec<Setting> = settings().map(|m| unforced(facts, ctx, m)).collect();
    // As the rules between members read it: a decider the environment lacks decides nothing
    // here, since no rule reports on what it would turn off.
    let deciding: Vec<_> = FORCINGS
        .iter()
        .filter(|forcing| {
            out.iter()
                .find(|s| s.member == forcing.by.name())
                .filter(|s| s.provenance != Provenance::NotInEnvironment)
                .and_then(|s| s.value.as_ref())
                .is_some_and(|v| forcing.when.matches(v))
        })
        .collect();
    for s in out.iter_mut() {
        let by = deciding
            .iter()
            .find(|forcing| forcing.forced.iter().any(|m| m.name() == s.member));
        if let Some(forcing) = by {
            s.value = Some(forcing.to.into());
            s.provenance = Provenance::Forced {
                by: forcing.by.name(),
            };
        }
    }
    cap_expiry(&mut out, ctx);
    out
}

/// With a digit string, an expiry the request does not set comes down to the digit-string
/// limit (one the request sets above it is an error in the report instead).
fn cap_expiry(out: &mut [Setting], ctx: &Context) {
    let digits = out
        .iter()
        .any(|s| s.member == GENERATE_DIGIT_STRING.name() && s.value == Some(true.into()));
    let limit = i64::from(ctx.digit_string_limit().0);
    if let Some(expiry) = out.iter_mut().find(|s| s.member == EXPIRY_TIME.name()) {
        let over = expiry
            .value
            .as_ref()
            .and_then(serde_json::Value::as_i64)
            .is_some_and(|e| e > limit);
        if digits && over && expiry.provenance != Provenance::Request {
            expiry.value = Some(limit.into());
            expiry.provenance = Provenance::Forced {
                by: GENERATE_DIGIT_STRING.name(),
            };
        }
    }
}

/// A setting before other settings decide it: the request's value (`null` only where it turns
/// the feature off), else the environment's (a feature it lacks is off), else the profile's
/// default, else, for a setting the dashboard cannot preset, the documented one; else unknown.
fn unforced(facts: Option<&Facts<'_>>, ctx: &Context, m: MemberId) -> Setting {
    let member = m.member();
    let api_default = member.default.map(|d| d.to_json());
    let setting = |value, provenance| Setting {
        member: m.name(),
        value,
        provenance,
        api_default: api_default.clone(),
    };
    if let Some((value, _)) = facts.and_then(|f| f.raw(m)) {
        if *value != Value::Null || member.null_disables {
            return setting(Some(value.to_serde()), Provenance::Request);
        }
    }
    let profile = ctx.profile();
    let features = profile.and_then(|p| p.features.as_ref());
    if features.is_some_and(|f| FEATURES.contains(&m.name()) && !holds(f, m.name())) {
        return setting(Some(false.into()), Provenance::NotInEnvironment);
    }
    let lifetime = |v: Option<u32>| v.map(serde_json::Value::from);
    let account = match m {
        EXPIRY_TIME => lifetime(profile.and_then(|p| p.default_expiry_time)),
        SESSION_LENGTH => lifetime(profile.and_then(|p| p.default_session_length)),
        // A default of `null` is unknown, as the rules read it, unless `null` means "off".
        _ => profile
            .and_then(|p| p.default_of(m.name()))
            .filter(|v| !v.is_null() || member.null_disables)
            .cloned(),
    };
    if let Some(value) = account {
        return setting(Some(value), Provenance::ProfileDefault);
    }
    if m == EXPIRY_TIME && ctx.default_expiry_time != DEFAULT_EXPIRY_TIME {
        return setting(
            Some(ctx.default_expiry_time.into()),
            Provenance::ProfileDefault,
        );
    }
    match &api_default {
        Some(d) if !is_defaultable(member) => setting(Some(d.clone()), Provenance::ApiDefault),
        _ => setting(None, Provenance::Unknown),
    }
}
