//! Effective settings: each setting of the session resolved to the value it will run with, and
//! where that comes from (the request, the partner profile's default, the API's documented
//! default, or another setting that decides it), so "why did NFC turn on?" is answered before a
//! credit is spent.
//!
//! This is the explain interpreter of the rules between members: the values come from their
//! resolver ([`resolve`]), what decides others from their table ([`RULES`]: each rule's
//! [`forcing`](crate::cross::vocab::Rule::forcing) and [`cap`](crate::cross::vocab::Rule::cap)),
//! and a feature the environment lacks from the account, so nothing here restates a rule.

use super::request;
use crate::context::{Context, DEFAULT_EXPIRY_TIME};
use crate::cross::resolve::resolve;
use crate::cross::vocab::Forcing;
use crate::cross::{Facts, Provenance, Said, RULES};
use crate::json::Value;
use crate::report::{Explanation, Setting};
use crate::spec::catalogue::{member, MemberId, FIELDS};
use crate::spec::profile::is_defaultable;

const EXPIRY_TIME: MemberId = member("expiryTime");
const SESSION_LENGTH: MemberId = member("sessionLength");

/// Checks `input` (the partner's `policies` too) and resolves every setting.
pub(crate) fn explain<'a>(
    input: &'a [u8],
    ctx: &Context,
    policies: &[crate::cross::policy::Policy],
) -> Explanation<'a> {
    let (report, settings) =
        request::check_then(input, ctx, policies, |facts| resolve_all(facts, ctx));
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

/// The forcings of the table, those that decide another's decider first (tokenType DOCUMENT
/// turns autoFaceMatching off, so it names the checks both would turn off).
fn forcings() -> Vec<Forcing> {
    let all: Vec<Forcing> = RULES.iter().filter_map(|r| r.forcing()).collect();
    let upstream = |f: &Forcing| all.iter().any(|g| f.forced.contains(&g.by));
    let (mut first, rest): (Vec<Forcing>, Vec<Forcing>) = all.iter().partition(|f| upstream(f));
    first.extend(rest);
    first
}

/// Each forcing decides on the settings as the request and the account give them, before any
/// forcing (as the rules between members read them: tokenType DOCUMENT forces autoFaceMatching
/// off, yet the doc-face checks autoFaceMatching false would disable still run on the document).
/// Where two forcings decide one setting, the one upstream names it.
fn resolve_all(facts: Option<&Facts<'_>>, ctx: &Context) -> Vec<Setting> {
    let mut out: Vec<Setting> = settings().map(|m| unforced(facts, ctx, m)).collect();
    let value_of = |out: &[Setting], m: MemberId| {
        out.iter()
            .find(|s| s.member == m.name())
            .map(|s| (s.value.clone(), s.provenance))
    };
    // As the rules between members read it: a decider the environment lacks decides nothing
    // here, since no rule reports on what it would turn off.
    let deciding: Vec<Forcing> = forcings()
        .into_iter()
        .filter(|f| {
            value_of(&out, f.by).is_some_and(|(v, from)| {
                from != Provenance::NotInEnvironment
                    && v.as_ref().is_some_and(|v| f.when.matches(Said::Json(v)))
            })
        })
        .collect();
    for s in out.iter_mut() {
        let by = deciding
            .iter()
            .find(|f| f.forced.iter().any(|m| m.name() == s.member));
        if let Some(f) = by {
            s.value = Some(f.to.into());
            s.provenance = Provenance::Forced { by: f.by.name() };
        }
    }
    // A cap brings a value the request does not set down to the limit (one the request sets
    // above it is an error in the report instead).
    for cap in RULES.iter().filter_map(|r| r.cap()) {
        let on = value_of(&out, cap.when).is_some_and(|(v, _)| v == Some(true.into()));
        let limit = i64::from((cap.limit)(ctx).0);
        if let Some(s) = out.iter_mut().find(|s| s.member == cap.member.name()) {
            let over = s
                .value
                .as_ref()
                .and_then(serde_json::Value::as_i64)
                .is_some_and(|e| e > limit);
            if on && over && s.provenance != Provenance::Request {
                s.value = Some(limit.into());
                s.provenance = Provenance::Forced {
                    by: cap.when.name(),
                };
            }
        }
    }
    out
}

/// A setting before other settings decide it: the resolver's answer where the request sets it
/// (`null` only where it turns the feature off), else the environment's (a feature it lacks is
/// off), else the account's lifetimes or the resolver's default, else, for a setting the
/// dashboard cannot preset, the documented one; else unknown.
fn unforced(facts: Option<&Facts<'_>>, ctx: &Context, m: MemberId) -> Setting {
    let member = m.member();
    let api_default = member.default.map(|d| d.to_json());
    let setting = |value, provenance| Setting {
        member: m.name(),
        value,
        provenance,
        api_default: api_default.clone(),
    };
    let account = ctx.account();
    let raw = facts.and_then(|f| f.raw(m));
    let said = match raw {
        None => Said::Absent,
        Some((Value::Null, _)) => Said::Null,
        // The request's own value, whatever its shape (`explain` shows what it sent).
        Some(_) => Said::Other,
    };
    let resolved = resolve(m, said, account);
    if resolved.is_some_and(|e| e.from == Provenance::Request) {
        let value = raw.map(|(v, _)| v.to_serde());
        return setting(value, Provenance::Request);
    }
    if account.lacks_feature(m) {
        return setting(Some(false.into()), Provenance::NotInEnvironment);
    }
    let lifetime = |v: Option<u32>| v.map(serde_json::Value::from);
    let default = match m {
        EXPIRY_TIME => lifetime(account.default_expiry_time()),
        SESSION_LENGTH => lifetime(account.default_session_length()),
        _ => resolved.and_then(|e| match e.value {
            Said::Null => Some(serde_json::Value::Null),
            v => v.as_json().cloned(),
        }),
    };
    if let Some(value) = default {
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
