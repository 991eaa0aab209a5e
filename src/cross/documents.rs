//! documents: "The available document types depend on the selected country and the account's
//! allowed document settings". With the partner profile's allowed documents, a type allowed in
//! none of the chosen countries is one the client can never pick.

use super::{CrossMiss, Facts, Members, Said};
use crate::account::{Documents, Set};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Finding, Kind, Severity, Subject};
use crate::spec::catalogue::{member, MemberId};
use crate::spec::rules::document_type::DOCUMENT_TYPES;

pub(crate) use crate::account::as_listed;

const COUNTRY: MemberId = member("country");
const DOCUMENTS: MemberId = member("documents");

pub(super) const RULE: super::vocab::Custom = super::vocab::Custom {
    reads: super::vocab::reads(&[DOCUMENTS]),
    check,
    schema: None,
    involves: &[COUNTRY, DOCUMENTS],
    keep,
    misses,
};

/// Whether `document` is allowed somewhere the client may choose: in one of `countries`, or,
/// with no country chosen (or `ALL`), anywhere. `None` where the profile cannot tell. (The
/// account's lists hold each type as the API classifies it, legacy names as their base type.)
fn allowed_in(allowed: &Documents, countries: &[String], document: &str) -> Option<bool> {
    let has = |l: &Set| l.contains(document);
    if countries.is_empty() || countries.iter().any(|c| c == "ALL") {
        // Countries the profile does not list follow ALL; without it they are unknown.
        let all = allowed.all()?;
        return Some(has(all) || allowed.iter().any(|(_, l)| has(l)));
    }
    let mut known = true;
    for c in countries {
        match allowed.list_of(c) {
            Some(l) if has(l) => return Some(true),
            Some(_) => {}
            None => known = false,
        }
    }
    known.then_some(false)
}

/// The countries the session offers: the request's, else the profile's default (`true`: from
/// the default).
fn chosen(facts: &Facts, ctx: &Context) -> Option<(Vec<String>, bool)> {
    match facts.strings(COUNTRY) {
        Some((items, _)) => Some((
            items.into_iter().map(|(_, c)| c.to_owned()).collect(),
            false,
        )),
        None if !matches!(facts.said(COUNTRY), Said::Absent | Said::Null) => None,
        None => {
            let default =
                super::check::effective(facts, COUNTRY, ctx).and_then(|e| e.value.as_json());
            Some((countries_of(default), default.is_some()))
        }
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
fn stranded(allowed: &Documents, countries: &[String], documents: &[&str]) -> Vec<String> {
    let none_in = |l: &Set| !documents.iter().any(|d| l.contains(d));
    let mut out: Vec<String> = Vec::new();
    if countries.is_empty() || countries.iter().any(|c| c == "ALL") {
        for (c, l) in allowed.iter() {
            if none_in(l) && !out.iter().any(|o| o == c) {
                out.push(c.to_owned());
            }
        }
        // Countries first, ALL (every other one) last.
        out.sort_by_key(|c| c == "ALL");
        return out;
    }
    for c in countries {
        if allowed.list_of(c).is_some_and(none_in) && !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(allowed) = ctx.account().documents() else {
        return;
    };
    let Some((countries, by_default)) = chosen(facts, ctx) else {
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
            .filter(|c| allowed.list_of(c).is_some_and(|l| !l.contains(document)))
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

/// Types allowed nowhere the client may choose are dropped (and the member with them, if none
/// is left).
fn keep(members: &mut Members, ctx: &Context) {
    let Some(allowed) = ctx.account().documents() else {
        return;
    };
    let effective = super::repair::effective(members, COUNTRY, ctx);
    let countries = countries_of(effective.and_then(|e| e.value.as_json()));
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
    let account = ctx.account();
    let Some(allowed) = account.documents() else {
        return Vec::new();
    };
    let nfc_refuses = |c: &str| {
        let required = account
            .default(member("nfcRequired"))
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        required && account.nfc_countries().is_some_and(|n| !n.contains(c))
    };
    allowed
        .iter()
        .filter(|(c, _)| *c != "ALL" && !nfc_refuses(c))
        .find_map(|(c, _)| {
            let countries = [c.to_owned()];
            DOCUMENT_TYPES
                .iter()
                .find(|d| allowed_in(allowed, &countries, d) == Some(false))
                .map(|d| (c.to_owned(), *d))
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
fn partly_allowed(allowed: &Documents, nfc_refuses: &dyn Fn(&str) -> bool) -> Option<CrossMiss> {
    let named: Vec<(&str, &Set)> = allowed
        .iter()
        .filter(|(c, _)| *c != "ALL" && !nfc_refuses(c))
        .collect();
    named.iter().find_map(|(a, la)| {
        named.iter().find_map(|(b, lb)| {
            la.iter().find(|d| !lb.contains(d)).map(|d| CrossMiss {
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
