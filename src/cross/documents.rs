//! documents: "The available document types depend on the selected country and the account's
//! allowed document settings". With the partner profile's allowed documents, a type allowed in
//! none of the chosen countries is one the client can never pick.

use super::{CrossMiss, CrossRule, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity, Subject};
use crate::profile::Profile;
use crate::spec::catalogue::{member, MemberId};
use crate::spec::rules::document_type::{legacy, DOCUMENT_TYPES};
use std::collections::{BTreeMap, BTreeSet};

const COUNTRY: MemberId = member("country");
const DOCUMENTS: MemberId = member("documents");

pub(super) const RULE: CrossRule = CrossRule {
    reads: super::reads(&[DOCUMENTS]),
    check,
    schema: None,
    involves: &[COUNTRY, DOCUMENTS],
    keep,
    misses,
};

type Allowed = BTreeMap<String, BTreeSet<String>>;

fn allowed_documents(ctx: &Context) -> Option<&Allowed> {
    ctx.profile().and_then(|p| p.allowed_documents.as_ref())
}

/// The list of `country`: its own, else the one for every country not listed (`ALL`); `None`
/// where the profile says neither.
pub(crate) fn list_of<'a>(allowed: &'a Allowed, country: &str) -> Option<&'a BTreeSet<String>> {
    let own = allowed
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(country))
        .map(|(_, l)| l);
    own.or_else(|| allowed.get("ALL"))
}

/// Whether `document` is allowed somewhere the client may choose: in one of `countries`, or,
/// with no country chosen (or `ALL`), anywhere. `None` where the profile cannot tell.
fn allowed_in(allowed: &Allowed, countries: &[String], document: &str) -> Option<bool> {
    // The profile's lists may hold legacy names too: each is compared as the type it is
    // classified under, like the request's.
    let has = |l: &BTreeSet<String>| {
        l.iter().any(|listed| {
            as_listed(&listed.to_ascii_uppercase())
                .is_some_and(|t| t.eq_ignore_ascii_case(document))
        })
    };
    if countries.is_empty() || countries.iter().any(|c| c == "ALL") {
        // Countries the profile does not list follow ALL; without it they are unknown.
        let all = allowed.get("ALL")?;
        return Some(has(all) || allowed.values().any(has));
    }
    let mut known = true;
    for c in countries {
        match list_of(allowed, c) {
            Some(l) if has(l) => return Some(true),
            Some(_) => {}
            None => known = false,
        }
    }
    known.then_some(false)
}

/// The type the account's settings know `document` as: a legacy alias is its base type (the API
/// classifies it so); a retired or webhook-only name has none, and is not compared.
pub(crate) fn as_listed(document: &str) -> Option<&str> {
    match legacy(document) {
        Some(l) => l.instead,
        None => Some(document),
    }
}

/// The countries the session offers: the request's, else the profile's default (`true`: from
/// the default).
fn chosen(
    facts: &Facts,
    members_default: Option<&serde_json::Value>,
) -> Option<(Vec<String>, bool)> {
    match facts.strings(COUNTRY) {
        Some((items, _)) => Some((
            items.into_iter().map(|(_, c)| c.to_owned()).collect(),
            false,
        )),
        None if facts
            .get(COUNTRY)
            .is_some_and(|f| f.scalar != super::Scalar::Null) =>
        {
            None
        }
        None => Some((
            countries_of(members_default),
            members_default.is_some_and(|v| !v.is_null()),
        )),
    }
}

/// The country codes of a JSON `country` value (none for `null` or absent).
fn countries_of(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::String(s)) => vec![s.to_ascii_uppercase()],
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(serde_json::Value::as_str)
            .map(str::to_ascii_uppercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// The countries a client may pick where none of `documents` (as the account's settings know
/// them) is allowed: each named country whose list the profile knows and holds none of them.
/// With no country chosen, or `ALL`, the client may pick any country: each country the profile
/// lists, and `ALL` for every country it does not list (when it has an `ALL` list). A country
/// the profile says nothing of is unknown, and not among them.
fn stranded(allowed: &Allowed, countries: &[String], documents: &[&str]) -> Vec<String> {
    let none_in = |l: &BTreeSet<String>| !documents.iter().any(|d| holds_type(l, d));
    let mut out: Vec<String> = Vec::new();
    if countries.is_empty() || countries.iter().any(|c| c == "ALL") {
        for (c, l) in allowed {
            if none_in(l) && !out.contains(c) {
                out.push(c.clone());
            }
        }
        // Countries first, ALL (every other one) last.
        out.sort_by_key(|c| c == "ALL");
        return out;
    }
    for c in countries {
        if list_of(allowed, c).is_some_and(none_in) && !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(allowed) = allowed_documents(ctx) else {
        return;
    };
    let default = super::facts::profile_default(ctx, COUNTRY);
    let Some((countries, by_default)) = chosen(facts, default) else {
        return;
    };
    let Some((documents, fact)) = facts.strings(DOCUMENTS) else {
        return;
    };
    let at = fact.loc(DOCUMENTS);
    let subject = || Subject::part(DOCUMENTS.name(), "items");
    // The types the client can pick somewhere, each with its index.
    let mut somewhere: Vec<(usize, &str)> = Vec::new();
    for (i, document) in documents {
        let Some(document) = as_listed(document) else {
            continue;
        };
        match allowed_in(allowed, &countries, document) {
            Some(false) => {
                let listed = countries.iter().filter(|c| *c != "ALL").cloned().collect();
                let f = Finding::error(Kind::DocumentNotAllowed {
                    countries: listed,
                    by_default,
                })
                .about(subject(), false);
                out.report(&at.index(i.unwrap_or(0)), f, None);
            }
            _ => somewhere.push((i.unwrap_or(0), document)),
        }
    }
    if somewhere.is_empty() {
        return;
    }
    // A country where none of the types the client can pick is allowed: a client who picks it
    // has no document. Each of those types is named at its element, with the countries where
    // it is not allowed.
    let types: Vec<&str> = somewhere.iter().map(|(_, d)| *d).collect();
    let lost = stranded(allowed, &countries, &types);
    if lost.is_empty() {
        return;
    }
    for (i, document) in somewhere {
        let not_here: Vec<String> = lost
            .iter()
            .filter(|c| list_of(allowed, c).is_some_and(|l| !holds_type(l, document)))
            .cloned()
            .collect();
        if !not_here.is_empty() {
            let f = Finding::warning(Kind::DocumentNotAllowedInCountry {
                countries: not_here,
                by_default,
            })
            .about(subject(), false);
            out.report(&at.index(i), f, None);
        }
    }
}

/// Whether the list `l` holds the type `document` (a legacy name in it as its base type).
pub(crate) fn holds_type(l: &BTreeSet<String>, document: &str) -> bool {
    l.iter().any(|listed| {
        as_listed(&listed.to_ascii_uppercase()).is_some_and(|t| t.eq_ignore_ascii_case(document))
    })
}

/// Types allowed nowhere the client may choose are dropped (and the member with them, if none
/// is left).
fn keep(members: &mut Members, ctx: &Context) {
    let Some(allowed) = allowed_documents(ctx) else {
        return;
    };
    let countries = countries_of(super::effective(members, COUNTRY, ctx));
    let Some(serde_json::Value::Array(items)) = members.get_mut(DOCUMENTS.name()) else {
        return;
    };
    let before = items.len();
    items.retain(|d| {
        let Some(d) = d.as_str().map(str::to_ascii_uppercase) else {
            return true;
        };
        as_listed(&d).is_none_or(|d| allowed_in(allowed, &countries, d) != Some(false))
    });
    // A country left with none of the types: the client who picks it has no document, so the
    // member goes (the session then offers what the account allows).
    let types: Vec<String> = items
        .iter()
        .filter_map(serde_json::Value::as_str)
        .filter_map(|d| as_listed(&d.to_ascii_uppercase()).map(str::to_owned))
        .collect();
    let types: Vec<&str> = types.iter().map(String::as_str).collect();
    if (items.is_empty() && before > 0) || !stranded(allowed, &countries, &types).is_empty() {
        members.remove(DOCUMENTS.name());
    }
}

/// A country with its own list, and a document type that list leaves out; not a country NFC
/// would refuse.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(allowed) = allowed_documents(ctx) else {
        return Vec::new();
    };
    let profile: Option<&Profile> = ctx.profile();
    let nfc_refuses = |c: &str| {
        let required = super::facts::profile_default(ctx, member("nfcRequired"))
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        required
            && profile
                .and_then(|p| p.nfc_countries.as_ref())
                .is_some_and(|n| !crate::profile::holds(n, c))
    };
    allowed
        .iter()
        .filter(|(c, _)| *c != "ALL" && !nfc_refuses(c))
        .find_map(|(c, list)| {
            let countries = [c.clone()];
            DOCUMENT_TYPES
                .iter()
                .find(|d| !list.contains(**d) && allowed_in(allowed, &countries, d) == Some(false))
                .map(|d| (c.clone(), *d))
        })
        .map(|(c, d)| CrossMiss {
            set: vec![
                (COUNTRY.name(), c.into()),
                (DOCUMENTS.name(), serde_json::json!([d])),
            ],
            pointer: format!("/{}/0", DOCUMENTS.name()),
            code: Code::DocumentNotAllowed,
            severity: Severity::Error,
        })
        .into_iter()
        .chain(partly_allowed(allowed, &nfc_refuses))
        .collect()
}

/// Two countries with their own lists, and a type the first allows and the second does not:
/// the second is left with no document (a warning).
fn partly_allowed(allowed: &Allowed, nfc_refuses: &dyn Fn(&str) -> bool) -> Option<CrossMiss> {
    let named: Vec<(&String, &BTreeSet<String>)> = allowed
        .iter()
        .filter(|(c, _)| *c != "ALL" && !nfc_refuses(c))
        .collect();
    named.iter().find_map(|(a, la)| {
        named.iter().find_map(|(b, lb)| {
            la.iter()
                .filter_map(|d| as_listed(&d.to_ascii_uppercase()).map(str::to_owned))
                .find(|d| !holds_type(lb, d))
                .map(|d| CrossMiss {
                    set: vec![
                        (COUNTRY.name(), serde_json::json!([a, b])),
                        (DOCUMENTS.name(), serde_json::json!([d])),
                    ],
                    pointer: format!("/{}/0", DOCUMENTS.name()),
                    code: Code::DocumentNotAllowedInCountry,
                    severity: Severity::Warning,
                })
        })
    })
}
