//! The response side: check the body of a Generate token **response**, build the URLs that start
//! the verification from its `authToken`, and compare the echoed request with what was sent.
//!
//! The response carries its own members ([`RESPONSE_FIELDS`], declared like the request's) and
//! mirrors the request, with defaults filled in for the members the request left out. Echoed
//! members are checked loosely: each against its type and value rules from the request
//! catalogue, any of them may be `null`, none is required, only errors are reported (the
//! request's own warnings were given when it was checked), and the rules between members do not
//! run (the server answers with what it stored).

mod account;
mod echo;
pub(crate) mod urls;

use super::{duplicate_key, Checker, Members, Null, Slot};
use crate::context::Context;
use crate::diag::loc::{Place, ROOT};
use crate::diag::{Document, Finding, Kind, Subject};
use crate::json::keys::Repeats;
use crate::json::Value;
use crate::report::{ResponseReport, ValidRequest};
use crate::spec::catalogue;
use crate::spec::response::{response_member, EXPECTED_RESPONSE_MEMBERS, RESPONSE_FIELDS};
use std::borrow::Cow;

const AUTH_TOKEN: &str = "authToken";

/// A top-level member of the response as read: its name, position and checked value
/// (normalized like the request member of that name, so echoes compare as sent).
pub(crate) struct Echoed<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) position: usize,
    pub(crate) value: Value<'a>,
}

/// Checks a token response given as raw bytes (see [`crate::check_response`]).
pub(crate) fn check(
    body: &[u8],
    request: Option<&ValidRequest<'_>>,
    ctx: &Context,
) -> ResponseReport {
    let mut checker = Checker::new(ctx);
    let Some(members) = checker.read_object(body, Document::Response) else {
        return ResponseReport::new(checker.into_sink(), None);
    };
    let (echoed, token_ok) = check_members(&mut checker, members);
    if let Some(request) = request {
        echo::compare(&mut checker, request, &echoed);
    }
    if ctx.account().known() {
        account::compare(&mut checker, ctx.account(), request, &echoed);
    }
    // The URLs depend on authToken alone: errors elsewhere (and a full violation list) do not
    // withhold them.
    let token = echoed
        .iter()
        .find(|e| e.name == AUTH_TOKEN)
        .filter(|_| token_ok)
        .and_then(|e| e.value.as_str())
        .map(|t| (urls::redirect_url(t), urls::iframe_url(t)));
    ResponseReport::new(checker.into_sink(), token)
}

/// Checks every member; returns them, and whether authToken is present once and passed its own
/// rules.
fn check_members<'a>(checker: &mut Checker<'_>, members: Members<'a>) -> (Vec<Echoed<'a>>, bool) {
    let repeats = Repeats::exact(members.iter().map(|(k, _)| k.as_ref()));
    let token_once = members.iter().filter(|(k, _)| k == AUTH_TOKEN).count() == 1;
    // Expected members the body names at all: a repeated one has its duplicate_key error.
    let named: Vec<&str> = EXPECTED_RESPONSE_MEMBERS
        .iter()
        .copied()
        .filter(|n| members.iter().any(|(k, _)| k == n))
        .collect();
    let mut token_ok = false;
    let mut out: Vec<Echoed<'a>> = Vec::with_capacity(members.len());
    for (position, (key, value)) in members.into_iter().enumerate() {
        let loc = ROOT.key(&key, position);
        if repeats.get(position) {
            checker.report(&loc, duplicate_key(&key, checker.document), None);
            continue;
        }
        let value = if let Some(member) = response_member(&key) {
            let slot = Slot {
                subject: Subject::of(member.name),
                shape: member.shape,
                null: if member.required {
                    Null::Required
                } else {
                    Null::Allowed
                },
                personal: member.personal,
            };
            let errors = checker.errors();
            let checked = checker.value(&slot, value, &loc);
            if member.name == AUTH_TOKEN {
                token_ok =
                    token_once && checker.errors() == errors && checked.value.as_str().is_some();
            }
            checked.value
        } else if let Some(field) = catalogue::get(&key) {
            let slot = Slot {
                subject: Subject::of(field.name),
                shape: field.shape,
                null: Null::Allowed,
                personal: field.personal,
            };
            checker.errors_only = true;
            let checked = checker.value(&slot, value, &loc);
            checker.errors_only = false;
            checked.value
        } else {
            // Members the server adds that no documentation lists are not the caller's
            // mistake; they are passed over, but an ambiguous duplicate is still reported.
            checker.nested_duplicates(&value, &loc);
            value
        };
        out.push(Echoed {
            name: key,
            position,
            value,
        });
    }
    for member in RESPONSE_FIELDS.iter().filter(|f| f.required) {
        if !out.iter().any(|e| e.name == member.name) {
            let f = Finding::error(Kind::MissingRequired {
                field: member.name,
                alias: None,
                document: Document::Response,
            });
            checker.report_at(&Place::missing(member.name), f);
        }
    }
    for &name in EXPECTED_RESPONSE_MEMBERS {
        let f = Finding::warning(Kind::MissingExpectedMember { field: name });
        match out.iter().find(|e| e.name == name) {
            None if !named.contains(&name) => checker.report_at(&Place::missing(name), f),
            None => {}
            Some(e) if matches!(e.value, Value::Null) => {
                checker.report(&ROOT.key(name, e.position), f, None)
            }
            Some(_) => {}
        }
    }
    (out, token_ok)
}
