//! The account: with a partner profile, what the response says of the account (its
//! `allowedDocuments`, the defaults it filled in for the members the request left out) compared
//! with what the profile says. A difference means the profile is out of date, so the checks it
//! drives are wrong: warnings, at the response's member.

use super::Echoed;
use crate::account::{as_listed, Account};
use crate::check::Checker;
use crate::diag::loc::ROOT;
use crate::diag::{Finding, Kind, ProfileMismatch};
use crate::json::eq::same_value;
use crate::json::Value;
use crate::report::ValidRequest;

const ALLOWED_DOCUMENTS: &str = "allowedDocuments";

/// Reports where the response's account settings differ from `profile`'s.
pub(super) fn compare(
    checker: &mut Checker<'_>,
    account: &Account,
    request: Option<&ValidRequest<'_>>,
    echoed: &[Echoed<'_>],
) {
    documents(checker, account, echoed);
    if let Some(request) = request {
        defaults(checker, account, request, echoed);
    }
}

/// The types of a list of document names, as the account's settings know them.
fn types(items: &[Value<'_>]) -> Vec<(usize, String)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_str().map(|s| (i, s.to_ascii_uppercase())))
        .filter_map(|(i, s)| as_listed(&s).map(|t| (i, t.to_owned())))
        .collect()
}

/// Each country of the response's `allowedDocuments` whose list the profile knows (its own, or
/// `ALL`'s for a country it does not list), compared both ways.
fn documents(checker: &mut Checker<'_>, account: &Account, echoed: &[Echoed<'_>]) {
    let Some(allowed) = account.documents() else {
        return;
    };
    let Some(e) = echoed.iter().find(|e| e.name == ALLOWED_DOCUMENTS) else {
        return;
    };
    let Value::Object(countries) = &e.value else {
        return;
    };
    let at = ROOT.key(&e.name, e.position);
    for (p, (country, list)) in countries.iter().enumerate() {
        let Value::Array(items) = list else {
            continue;
        };
        let country = country.to_ascii_uppercase();
        let Some(ours) = allowed.list_of(&country) else {
            continue;
        };
        let here = at.key(&country, p);
        let theirs = types(items);
        for (i, t) in &theirs {
            if !ours.contains(t) {
                let f = mismatch(ProfileMismatch::NotInProfile {
                    country: country.clone(),
                    document: t.clone(),
                });
                checker.report(&here.index(*i), f, None);
            }
        }
        let mut missing: Vec<String> = ours
            .iter()
            .map(str::to_owned)
            .filter(|d| !theirs.iter().any(|(_, t)| t == d))
            .collect();
        missing.dedup();
        for document in missing {
            let f = mismatch(ProfileMismatch::NotInResponse {
                country: country.clone(),
                document,
            });
            checker.report(&here, f, None);
        }
    }
}

fn mismatch(mismatch: ProfileMismatch) -> Finding {
    Finding::warning(Kind::ProfileMismatch {
        member: ALLOWED_DOCUMENTS,
        mismatch: Box::new(mismatch),
    })
}

/// Each member the request left out (or sent `null`, where that means the default) that the
/// response echoes with another value than the profile's dashboard default. A `null` echo says
/// nothing (the docs' own example echoes `questionnaire: null` for one the request sent).
fn defaults(
    checker: &mut Checker<'_>,
    account: &Account,
    request: &ValidRequest<'_>,
    echoed: &[Echoed<'_>],
) {
    for (id, default) in account.defaults() {
        let member = id.member();
        let name = member.name;
        let null_disables = member.null_disables;
        let in_effect = match request.members().find(|(n, _)| *n == name) {
            None => true,
            Some((_, Value::Null)) => !null_disables,
            Some(_) => false,
        };
        if !in_effect || default.is_null() {
            continue;
        }
        let Some(e) = echoed.iter().find(|e| e.name == name) else {
            continue;
        };
        if e.value == Value::Null || same_value(&Value::from_serde(default), &e.value) {
            continue;
        }
        let f = Finding::warning(Kind::ProfileMismatch {
            member: member.name,
            mismatch: Box::new(ProfileMismatch::OtherDefault),
        });
        checker.report(&ROOT.key(&e.name, e.position), f, None);
    }
}
