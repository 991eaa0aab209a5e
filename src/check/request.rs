//! The request's member loop: each top-level member through its catalogue declaration, the
//! facts for the rules between members, then the report.

use super::{duplicate_key, Checker, Members, Null, Slot};
use crate::context::Context;
use crate::cross::policy::Policy;
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
    check_then(input, ctx, &[], |_| ()).0
}

/// Checks `input`, the partner's `policies` too, and hands what the rules between members knew
/// to `then` (`None` when the body is no JSON object).
pub(crate) fn check_then<'a, T>(
    input: &'a [u8],
    ctx: &Context,
    policies: &[Policy],
    then: impl FnOnce(Option<&Facts<'_>>) -> T,
) -> (Report<'a>, T) {
    let mut checker = Checker::new(ctx);
    let Some(members) = checker.read_object(input, Document::Request) else {
        let sink = checker.into_sink();
        let counts = sink.counts();
        return (Report::new(None, sink.finish(), counts), then(None));
    };
    let mut facts = Facts::new();
    let members = check_members(&mut checker, members, &mut facts);
    let mut sink = checker.into_sink();
    facts.values = &members;
    cross::run(&facts, ctx, &mut sink);
    for policy in policies {
        policy.run(&facts, ctx, &mut sink);
    }
    let after = then(Some(&facts));
    // The facts borrow the members, which the report takes next. Moving out the two fields
    // with a destructor ends the borrow without `drop(facts)`, which would copy the whole
    // table (a few kilobytes, a tenth of a minimal request's check) only to discard it.
    let Facts { steps, data, .. } = facts;
    drop((steps, data));
    let valid = !sink.has_errors();
    let counts = sink.counts();
    let request = valid.then(|| ValidRequest::new(members));
    (Report::new(request, sink.finish(), counts), after)
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
    // A repeated member is an error, so no normalized request is handed back: the repeats stay
    // where they are, unchecked, and nothing needs pruning.
    // Members are checked in place, so the normalized request is the reader's own vector.
    for position in 0..members.len() {
        let known = catalogue::known(&members[position].0);
        let Some(known) = known else {
            let repeated =
                repeats_unknown(&mut unknowns, &members[..position], &members[position].0);
            let (key, value) = &members[position];
            let loc = ROOT.key(key, position);
            if repeated {
                checker.report(&loc, duplicate_key(key, checker.document), None);
                continue;
            }
            checker.unknown(
                &loc,
                key,
                &catalogue::NAMES,
                crate::diag::Place::Request,
                value,
            );
            if let Unknowns::Few(at) = &mut unknowns {
                at.push(position);
            }
            continue;
        };
        let field = &FIELDS[known.index];
        let bit = 1u128 << known.id.min(127);
        let repeated = seen & bit != 0;
        seen |= bit;
        let conflict = known.alias && !repeated && members.iter().any(|(k, _)| k == field.name);
        let (key, value) = &mut members[position];
        let loc = ROOT.key(key, position);
        if repeated {
            checker.report(&loc, duplicate_key(key, checker.document), None);
            continue;
        }
        // The name as written: the alias where one was used.
        let name = if known.alias {
            field
                .aliases
                .iter()
                .copied()
                .find(|a| *a == key.as_ref())
                .unwrap_or(field.name)
        } else {
            field.name
        };
        if conflict {
            let f = Finding::error(Kind::AliasConflict {
                alias: name,
                field: field.name,
            });
            checker.report(&loc, f, None);
        }
        if field.origin == Origin::Legacy {
            let f = Finding::warning(Kind::LegacyField { name: field.name });
            checker.report(&loc, f, None);
        }
        let id = MemberId::at(known.index);
        if id == ADDITIONAL_STEPS {
            facts.steps = cross::steps::facts_of_steps(value, &loc);
        } else if id == ADDITIONAL_DATA {
            facts.data = cross::steps::facts_of_data(value, &loc);
        }
        let slot = Slot {
            subject: Subject::of(field.name),
            shape: field.shape,
            null: if field.required {
                Null::Required
            } else if !field.nullable {
                Null::Warned
            } else {
                Null::Allowed
            },
            personal: field.personal,
        };
        let errors = checker.errors();
        let checked = checker.value(&slot, std::mem::take(value), &loc);
        // The slot holds the `null` `take` left; forgetting it skips a call to drop nothing.
        std::mem::forget(std::mem::replace(value, checked.value));
        facts.set(
            known.index,
            Fact {
                position: u32::try_from(position).unwrap_or(u32::MAX),
                alias: known.alias,
                passed: checker.errors() == errors,
                scalar: checked.scalar,
            },
        );
        if known.alias {
            *key = Cow::Borrowed(field.name);
        }
    }
    for id in catalogue::REQUIRED {
        let field = id.member();
        if !facts.has(id) {
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

/// Whether `key` repeats an undocumented member before it (in `earlier`), remembering it.
fn repeats_unknown(
    unknowns: &mut Unknowns,
    earlier: &[(Cow<'_, str>, Value<'_>)],
    key: &str,
) -> bool {
    match unknowns {
        Unknowns::Few(at) if at.len() < PAIRWISE_UNKNOWN => at
            .iter()
            .any(|&i| earlier.get(i).is_some_and(|(k, _)| k == key)),
        Unknowns::Few(at) => {
            let set: FxHashSet<String> = at
                .iter()
                .filter_map(|&i| earlier.get(i).map(|(k, _)| k.to_string()))
                .collect();
            *unknowns = Unknowns::Many(set);
            repeats_unknown(unknowns, earlier, key)
        }
        Unknowns::Many(set) => !set.insert(key.to_owned()),
    }
}
