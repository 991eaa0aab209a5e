//! Rules between members, as a table: each entry a function over the members' facts and, where
//! JSON Schema can say the same, its schema fragment beside it.
//!
//! They run after every member was checked, whatever failed before: each rule uses the members
//! it needs that parsed, and stays silent about the others (their own violations are already in
//! the report). They read [`Facts`] and report into the sink; they never call back into the
//! checker.

use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Subject};
use crate::spec::catalogue::MemberId;

mod age_range;
mod bank;
pub(crate) mod dates;
mod digit_string;
mod face_matching;
pub(crate) mod facts;
mod nfc;
mod selfie;
pub(crate) mod steps;
mod utility_bill;

pub(crate) use facts::{Data, Fact, Facts, Scalar, Step};

/// One rule between members.
pub(crate) struct CrossRule {
    /// The members it reads ([`reads`]): it runs only when one of them is present.
    pub(crate) reads: u128,
    /// Reports what it finds.
    pub(crate) check: fn(&Facts, &Context, &mut Sink),
    /// The same rule as a JSON Schema `if`/`then` fragment, where JSON Schema can say it (for
    /// the account the schema describes: the documented defaults).
    pub(crate) schema: Option<fn() -> serde_json::Value>,
}

/// Every rule between members, in the order they run.
pub(crate) const RULES: &[CrossRule] = &[
    dates::RULE,
    age_range::RULE,
    digit_string::RULE,
    bank::RULE,
    face_matching::RULE,
    nfc::RULE,
    selfie::RULE,
    utility_bill::RULE,
    steps::UNKNOWN_STEP,
    steps::MISSING_COMPARE_DATA,
];

/// Runs every rule between members (those whose members are present).
pub(crate) fn run(facts: &Facts, ctx: &Context, out: &mut Sink) {
    for rule in RULES.iter().filter(|r| r.reads & facts.present() != 0) {
        (rule.check)(facts, ctx, out);
    }
}

/// The set of `members`, as the bit set [`CrossRule::reads`] holds (computed at compile time).
pub(crate) const fn reads(members: &[MemberId]) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < members.len() {
        mask |= 1 << members[i].index();
        i += 1;
    }
    mask
}

/// The schema fragments of the rules JSON Schema can express, for `allOf`.
pub(crate) fn schema_fragments() -> Vec<serde_json::Value> {
    RULES.iter().filter_map(|r| r.schema.map(|s| s())).collect()
}

/// Reports `finding` about the member `m` of `fact`.
fn report_at(out: &mut Sink, m: MemberId, fact: &Fact, finding: Finding) {
    let finding = finding.about(Subject::of(m.name()), m.member().personal);
    out.report(&fact.loc(m), finding, None);
}
