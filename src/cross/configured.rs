//! Values that must be among what the account configured, by the partner profile: an active
//! questionnaire ("Must be an active questionnaire configured for the partner"), one of its risk
//! assessment profiles, a country registry-centre checks are available for, a UI language the
//! account offers. Each is silent where the profile does not list them.

use super::{CrossMiss, CrossRule, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity};
use crate::json::Value;
use crate::profile::{holds, Profile};
use crate::spec::catalogue::{member, MemberId};
use crate::spec::rules::locale::SUPPORTED_LOCALES;
use crate::suggest::Vocabulary;
use std::collections::BTreeSet;

const QUESTIONNAIRE: MemberId = member("questionnaire");
const RISK_PROFILE: MemberId = member("riskAssessmentProfile");
const REGISTRY: MemberId = member("registryCentersCountries");
const LOCALE: MemberId = member("locale");

fn profile(ctx: &Context) -> Option<&Profile> {
    ctx.profile()
}

pub(super) const QUESTIONNAIRES: CrossRule = CrossRule {
    reads: super::reads(&[QUESTIONNAIRE]),
    check: questionnaire,
    schema: None,
    involves: &[QUESTIONNAIRE],
    keep: keep_questionnaire,
    misses: questionnaire_misses,
};

/// Questionnaire keys are compared exactly (they are generated identifiers); the closest active
/// key is suggested.
fn questionnaire(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(keys) = profile(ctx).and_then(|p| p.questionnaires.as_ref()) else {
        return;
    };
    let Some((Value::String(key), fact)) = facts.value(QUESTIONNAIRE) else {
        return;
    };
    if keys.contains(key.as_ref()) {
        return;
    }
    let closest = Vocabulary::new(keys.iter().map(String::as_str))
        .classify(key)
        .suggestion()
        .map(str::to_owned);
    let f = Finding::error(Kind::InactiveQuestionnaire { closest });
    super::report_at(out, QUESTIONNAIRE, fact, f);
}

/// An inactive key becomes the first active one (or goes, if none is active).
fn keep_questionnaire(members: &mut Members, ctx: &Context) {
    let Some(keys) = profile(ctx).and_then(|p| p.questionnaires.as_ref()) else {
        return;
    };
    let Some(key) = members
        .get(QUESTIONNAIRE.name())
        .and_then(serde_json::Value::as_str)
    else {
        return;
    };
    if !keys.contains(key) {
        match keys.first() {
            Some(first) => members.insert(QUESTIONNAIRE.name().into(), first.clone().into()),
            None => members.remove(QUESTIONNAIRE.name()),
        };
    }
}

/// An active key with a letter added: inactive, and the key is the suggestion.
fn questionnaire_misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(first) = profile(ctx)
        .and_then(|p| p.questionnaires.as_ref())
        .and_then(BTreeSet::first)
    else {
        return Vec::new();
    };
    vec![CrossMiss::at(
        QUESTIONNAIRE,
        Code::InactiveQuestionnaire,
        Severity::Error,
        vec![(QUESTIONNAIRE, format!("{first}x").into())],
    )]
}

pub(super) const RISK_PROFILES: CrossRule = CrossRule {
    reads: super::reads(&[RISK_PROFILE]),
    check: risk_profile,
    schema: None,
    involves: &[RISK_PROFILE],
    keep: keep_risk_profile,
    misses: risk_profile_misses,
};

/// The ID as the profile lists it: an integer as its digits, a UUID in any case.
fn risk_id(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn risk_profile(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(ids) = profile(ctx).and_then(|p| p.risk_assessment_profiles.as_ref()) else {
        return;
    };
    let Some((value, fact)) = facts.value(RISK_PROFILE) else {
        return;
    };
    let Some(id) = risk_id(&value.to_serde()) else {
        return;
    };
    if !holds(ids, &id) {
        let f = Finding::error(Kind::UnknownRiskAssessmentProfile);
        super::report_at(out, RISK_PROFILE, fact, f);
    }
}

/// The first ID as the request writes one: an integer where it is digits.
fn as_request_id(id: &str) -> serde_json::Value {
    id.parse::<i64>()
        .ok()
        .filter(|i| *i >= 1)
        .map_or_else(|| id.into(), Into::into)
}

fn keep_risk_profile(members: &mut Members, ctx: &Context) {
    let Some(ids) = profile(ctx).and_then(|p| p.risk_assessment_profiles.as_ref()) else {
        return;
    };
    let Some(id) = members.get(RISK_PROFILE.name()).and_then(risk_id) else {
        return;
    };
    if !holds(ids, &id) {
        match ids.first() {
            Some(first) => members.insert(RISK_PROFILE.name().into(), as_request_id(first)),
            None => members.remove(RISK_PROFILE.name()),
        };
    }
}

/// The smallest positive integer ID the profile does not list.
fn risk_profile_misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(ids) = profile(ctx).and_then(|p| p.risk_assessment_profiles.as_ref()) else {
        return Vec::new();
    };
    let unknown = (1..)
        .find(|i: &i64| !holds(ids, &i.to_string()))
        .unwrap_or(1);
    vec![CrossMiss::at(
        RISK_PROFILE,
        Code::UnknownRiskAssessmentProfile,
        Severity::Error,
        vec![(RISK_PROFILE, unknown.into())],
    )]
}

pub(super) const REGISTRY_CENTERS: CrossRule = CrossRule {
    reads: super::reads(&[REGISTRY]),
    check: registry,
    schema: None,
    involves: &[REGISTRY],
    keep: keep_registry,
    misses: registry_misses,
};

fn registry(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(offered) = profile(ctx).and_then(|p| p.registry_center_countries.as_ref()) else {
        return;
    };
    let Some((Value::Array(items), fact)) = facts.value(REGISTRY) else {
        return;
    };
    let at = fact.loc(REGISTRY);
    for (i, item) in items.iter().enumerate() {
        if item.as_str().is_some_and(|c| !holds(offered, c)) {
            let f = Finding::error(Kind::RegistryCenterUnavailable)
                .about(crate::diag::Subject::part(REGISTRY.name(), "items"), false);
            out.report(&at.index(i), f, None);
        }
    }
}

fn keep_registry(members: &mut Members, ctx: &Context) {
    let Some(offered) = profile(ctx).and_then(|p| p.registry_center_countries.as_ref()) else {
        return;
    };
    if let Some(serde_json::Value::Array(items)) = members.get_mut(REGISTRY.name()) {
        items.retain(|c| c.as_str().is_none_or(|c| holds(offered, c)));
    }
}

/// The first country code the profile does not offer registry checks for.
fn registry_misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(offered) = profile(ctx).and_then(|p| p.registry_center_countries.as_ref()) else {
        return Vec::new();
    };
    let Some(country) = crate::spec::rules::country::codes().find(|c| !holds(offered, c)) else {
        return Vec::new();
    };
    vec![CrossMiss {
        set: vec![(REGISTRY.name(), serde_json::json!([country]))],
        pointer: format!("/{}/0", REGISTRY.name()),
        code: Code::RegistryCenterUnavailable,
        severity: Severity::Error,
    }]
}

pub(super) const LOCALES: CrossRule = CrossRule {
    reads: super::reads(&[LOCALE]),
    check: locale,
    schema: None,
    involves: &[LOCALE],
    keep: keep_locale,
    misses: locale_misses,
};

/// Only a locale iDenfy offers at all is compared: another already has its own warning.
fn locale(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(offered) = profile(ctx).and_then(|p| p.locales.as_ref()) else {
        return;
    };
    let Some((Value::String(locale), fact)) = facts.value(LOCALE) else {
        return;
    };
    if SUPPORTED_LOCALES.contains(&locale.as_ref()) && !holds(offered, locale) {
        super::report_at(out, LOCALE, fact, Finding::warning(Kind::LocaleNotOffered));
    }
}

fn keep_locale(members: &mut Members, ctx: &Context) {
    let Some(offered) = profile(ctx).and_then(|p| p.locales.as_ref()) else {
        return;
    };
    let Some(locale) = members
        .get(LOCALE.name())
        .and_then(serde_json::Value::as_str)
    else {
        return;
    };
    let locale = locale.to_ascii_lowercase();
    if SUPPORTED_LOCALES.contains(&locale.as_str()) && !holds(offered, &locale) {
        members.remove(LOCALE.name());
    }
}

/// The first locale iDenfy offers that the account does not.
fn locale_misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(offered) = profile(ctx).and_then(|p| p.locales.as_ref()) else {
        return Vec::new();
    };
    SUPPORTED_LOCALES
        .iter()
        .find(|l| !holds(offered, l))
        .map(|l| {
            CrossMiss::at(
                LOCALE,
                Code::UnsupportedLocale,
                Severity::Warning,
                vec![(LOCALE, (*l).into())],
            )
        })
        .into_iter()
        .collect()
}
