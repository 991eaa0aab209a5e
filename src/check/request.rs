//! The request's member loop: each top-level member through its catalogue declaration, the
//! facts for the rules between members, then the report.

use super::{duplicate_key, Checker, Members, Null, Slot};
use crate::context::Context;
use crate::cross::{self, Fact, Facts};
use crate::diag::loc::{Place, ROOT};
use crate::diag::{Document, Finding, Kind, Subject};
use crate::json::Value;
use crate::report::{Report, ValidRequest};
use crate::spec::catalogue::{self, MemberId, FIELDS};
use crate::spec::Origin;
use rustc_hash::FxHashSet;
use std::borrow::Cow;

const ADDITIONAL_STEPS: MemberId = catalogue::member("additionalSteps");
const ADDITIONAL_DATA: MemberId = catalogue::member("additionalData");

/// Up to this many undocumented members are compared pairwise for repeats; more (a hostile
/// body) go through a hash set.
const PAIRWISE_UNKNOWN: usize = 16;

/// Checks the request body `input` (raw bytes as received).
pub(crate) fn check<'a>(input: &'a [u8], ctx: &Context) -> Report<'a> {
    let mut checker = Checker::new(ctx);
    let Some(members) = checker.read_object(input, Document::Request) else {
        let sink = checker.into_sink();
        let counts = sink.counts();
        return Report::new(None, sink.finish(), counts);
    };
    let mut facts = Facts::new();
    let members = check_members(&mut checker, members, &mut facts);
    let mut sink = checker.into_sink();
    cross::run(&facts, ctx, &mut sink);
    let valid = !sink.has_errors();
    let counts = sink.counts();
    let request = valid.then(|| ValidRequest::new(members));
    Report::new(request, sink.finish(), counts)
}

/// Repeated undocumented member names.
enum Unknowns {
    /// The output positions of the undocumented members so far.
    Few(Vec<usize>),
    Many(FxHashSet<String>),
}

fn check_members<'a>(
    checker: &mut Checker<'_>,
    mut members: Members<'a>,
    facts: &mut Facts,
) -> Members<'a> {
    let mut seen: u128 = 0;
    let mut unknowns = Unknowns::Few(Vec::new());
    let mut kept = 0;
    // Members are checked in place: each slot is taken, checked and put back at `kept`, so the
    // normalized request reuses the reader's vector.
    for position in 0..members.len() {
        let (key, value) =
            std::mem::replace(&mut members[position], (Cow::Borrowed(""), Value::Null));
        let loc = ROOT.key(&key, position);
        let Some(known) = catalogue::known(&key) else {
            if repeats_unknown(&mut unknowns, &members[..kept], &key) {
                checker.report(&loc, duplicate_key(&key), None);
                continue;
            }
            checker.unknown(
                &loc,
                &key,
                &catalogue::NAMES,
                crate::diag::Place::Request,
                &value,
            );
            if let Unknowns::Few(at) = &mut unknowns {
                at.push(kept);
            }
            members[kept] = (key, value);
            kept += 1;
            continue;
        };
        let bit = 1u128 << known.id.min(127);
        if seen & bit != 0 {
            checker.report(&loc, duplicate_key(&key), None);
            continue;
        }
        seen |= bit;
        let field = &FIELDS[known.index];
        if known.alias && members.iter().any(|(k, _)| k == field.name) {
            let f = Finding::error(Kind::AliasConflict {
                alias: field
                    .aliases
                    .iter()
                    .copied()
                    .find(|a| *a == key)
                    .unwrap_or(field.name),
                field: field.name,
            });
            checker.report(&loc, f, None);
        }
        if field.origin == Origin::Legacy {
            checker.report(
                &loc,
                Finding::warning(Kind::LegacyField { name: field.name }),
                None,
            );
        }
        let id = MemberId::at(known.index);
        if id == ADDITIONAL_STEPS {
            facts.steps = cross::steps::facts_of_steps(&value, &loc);
        } else if id == ADDITIONAL_DATA {
            facts.data = cross::steps::facts_of_data(&value, &loc);
        }
        let slot = Slot {
            subject: Subject::of(field.name),
            shape: field.shape,
            null: if field.required {
                Null::Required
            } else {
                Null::Allowed
            },
            personal: field.personal,
        };
        let checked = checker.value(&slot, value, &loc);
        let name = if known.alias {
            field
                .aliases
                .iter()
                .copied()
                .find(|a| *a == key)
                .unwrap_or(field.name)
        } else {
            field.name
        };
        facts.set(
            known.index,
            Fact {
                name,
                position,
                scalar: checked.scalar,
            },
        );
        members[kept] = (Cow::Borrowed(field.name), checked.value);
        kept += 1;
    }
    members.truncate(kept);
    for (index, field) in FIELDS.iter().enumerate() {
        if field.required && !facts.has(index) {
            let f = Finding::error(Kind::MissingRequired {
                field: field.name,
                alias: field.aliases.first().copied(),
                document: Document::Request,
            });
            checker.report_at(&Place::missing(field.name), f);
        }
    }
    members
}

/// Whether `key` repeats an undocumented member kept so far (in `kept`), remembering it.
fn repeats_unknown(unknowns: &mut Unknowns, kept: &[(Cow<'_, str>, Value<'_>)], key: &str) -> bool {
    match unknowns {
        Unknowns::Few(at) if at.len() < PAIRWISE_UNKNOWN => at
            .iter()
            .any(|&i| kept.get(i).is_some_and(|(k, _)| k == key)),
        Unknowns::Few(at) => {
            let set: FxHashSet<String> = at
                .iter()
                .filter_map(|&i| kept.get(i).map(|(k, _)| k.to_string()))
                .collect();
            *unknowns = Unknowns::Many(set);
            repeats_unknown(unknowns, kept, key)
        }
        Unknowns::Many(set) => !set.insert(key.to_owned()),
    }
}
