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

mod age_limits;
mod age_range;
mod bank;
mod configured;
pub(crate) mod dates;
mod digit_string;
pub(crate) mod documents;
mod face_matching;
pub(crate) mod facts;
pub(crate) mod features;
mod iframe;
mod nfc;
pub(crate) mod nfc_country;
pub(crate) mod permissions;
pub(crate) mod policy;
mod selfie;
pub(crate) mod steps;
mod utility_bill;

pub(crate) use facts::{Data, Fact, Facts, Scalar, Source, Step};

/// One rule between members.
pub(crate) struct CrossRule {
    /// The members it reads ([`reads`]): it runs only when one of them is present.
    pub(crate) reads: u128,
    /// Reports what it finds.
    pub(crate) check: fn(&Facts, &Context, &mut Sink),
    /// The same rule as a JSON Schema `if`/`then` fragment, where JSON Schema can say it (for
    /// the account the schema describes: the documented defaults).
    pub(crate) schema: Option<fn() -> serde_json::Value>,
    /// For generators: every member the rule looks at, so that a request broken on purpose
    /// elsewhere can keep clear of this rule.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) involves: &'static [MemberId],
    /// For generators: changes a request (its members as JSON) as little as possible so that
    /// it keeps this rule, warnings included.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) keep: fn(&mut Members, &Context),
    /// For generators: members that break this rule alone, set on a request without any member
    /// the rule [`involves`](Self::involves), with the violation each set earns.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) misses: fn(&Context) -> Vec<CrossMiss>,
}

/// A request's members as JSON, for generators.
pub(crate) type Members = serde_json::Map<String, serde_json::Value>;

/// Members that break one rule between members, and the violation it reports.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CrossMiss {
    /// The members to set.
    pub(crate) set: Vec<(&'static str, serde_json::Value)>,
    /// Where the violation is.
    pub(crate) pointer: String,
    /// Its code.
    pub(crate) code: crate::diag::Code,
    /// Its severity.
    pub(crate) severity: crate::diag::Severity,
}

impl CrossMiss {
    /// `set` earns `code` at the member `at`.
    pub(crate) fn at(
        at: MemberId,
        code: crate::diag::Code,
        severity: crate::diag::Severity,
        set: Vec<(MemberId, serde_json::Value)>,
    ) -> Self {
        CrossMiss {
            set: set.into_iter().map(|(m, v)| (m.name(), v)).collect(),
            pointer: format!("/{}", at.name()),
            code,
            severity,
        }
    }
}

/// The boolean member `m` of `members`, if it is one.
pub(crate) fn flag(members: &Members, m: MemberId) -> Option<bool> {
    members.get(m.name()).and_then(serde_json::Value::as_bool)
}

/// The member `m` of `members` as the session runs with it: its value, else (absent or `null`)
/// the partner profile's default.
pub(crate) fn effective<'m>(
    members: &'m Members,
    m: MemberId,
    ctx: &'m Context,
) -> Option<&'m serde_json::Value> {
    match members.get(m.name()) {
        None | Some(serde_json::Value::Null) => facts::profile_default(ctx, m),
        Some(v) => Some(v),
    }
}

/// The boolean member `m` as the session runs with it (see [`effective`]).
pub(crate) fn effective_flag(members: &Members, m: MemberId, ctx: &Context) -> Option<bool> {
    effective(members, m, ctx).and_then(serde_json::Value::as_bool)
}

/// One setting deciding others, whatever they are set to (docs: autoFaceMatching "When disabled,
/// also disables" five checks): what [`explain`](crate::explain) reports as forced, and what the
/// rule declaring it reads (its check, its `keep`, its near misses), so the fact is stated once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Forcing {
    /// The deciding member.
    pub(crate) by: MemberId,
    /// Its value that decides.
    pub(crate) when: When,
    /// The members it decides, and the value they then run with.
    pub(crate) forced: &'static [MemberId],
    pub(crate) to: bool,
}

/// The value of a deciding member that decides others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    /// A boolean member's value (`autoFaceMatching` `false`).
    Flag(bool),
    /// A closed-set member's value, as it passed its own rules (`tokenType` `DOCUMENT`).
    Choice(&'static str),
}

impl When {
    /// Whether the JSON value `v` is the deciding one.
    pub(crate) fn matches(self, v: &serde_json::Value) -> bool {
        match self {
            When::Flag(b) => v.as_bool() == Some(b),
            When::Choice(c) => v.as_str() == Some(c),
        }
    }

    /// The deciding value as JSON.
    pub(crate) fn to_json(self) -> serde_json::Value {
        match self {
            When::Flag(b) => b.into(),
            When::Choice(c) => c.into(),
        }
    }
}

impl Forcing {
    /// Whether the deciding member decides, as the session runs with it (the request's value,
    /// else the partner profile's default), and where its value comes from.
    pub(crate) fn decides(&self, facts: &Facts, ctx: &Context) -> Option<Source> {
        match self.when {
            When::Flag(b) => facts
                .effective_bool(self.by, ctx)
                .and_then(|(v, from)| (v == b).then_some(from)),
            When::Choice(c) => facts.effective_is(self.by, c, ctx),
        }
    }

    /// Calls `f` for each forced member the request sets to the other value.
    pub(crate) fn each_against(&self, facts: &Facts, mut f: impl FnMut(MemberId, &Fact)) {
        for &m in self.forced {
            if let Some((v, fact)) = facts.bool(m) {
                if v != self.to {
                    f(m, fact);
                }
            }
        }
    }

    /// For generators: where the deciding member decides (see [`effective`]), the forced members
    /// the request sets to the other value take the forced one.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) fn keep(&self, members: &mut Members, ctx: &Context) {
        if effective(members, self.by, ctx).is_some_and(|v| self.when.matches(v)) {
            for &m in self.forced {
                if flag(members, m) == Some(!self.to) {
                    members.insert(m.name().into(), self.to.into());
                }
            }
        }
    }

    /// For generators: each forced member set to the other value beside the deciding value
    /// earns `code` at that member.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) fn misses(
        &self,
        code: crate::diag::Code,
        severity: crate::diag::Severity,
    ) -> Vec<CrossMiss> {
        self.forced
            .iter()
            .map(|&m| {
                let set = vec![(self.by, self.when.to_json()), (m, (!self.to).into())];
                CrossMiss::at(m, code, severity, set)
            })
            .collect()
    }
}

/// Every forcing, each declared beside its rule. Where two decide the same setting, `explain`
/// names the first: tokenType DOCUMENT (no selfie at all) before autoFaceMatching false.
pub(crate) const FORCINGS: [Forcing; 4] = [
    selfie::FORCING,
    bank::FORCING,
    face_matching::FORCING,
    nfc::FORCING,
];

/// Every rule between members, in the order they run.
pub(crate) const RULES: &[CrossRule] = &[
    dates::RULE,
    age_range::RULE,
    age_limits::RULE,
    digit_string::RULE,
    bank::RULE,
    face_matching::RULE,
    nfc::RULE,
    selfie::RULE,
    utility_bill::RULE,
    steps::UNKNOWN_STEP,
    steps::MISSING_COMPARE_DATA,
    // The rules that read the partner profile (each silent where the profile does not say).
    permissions::RULE,
    features::RULE,
    configured::QUESTIONNAIRES,
    configured::RISK_PROFILES,
    configured::REGISTRY_CENTERS,
    configured::LOCALES,
    documents::RULE,
    nfc_country::RULE,
    iframe::RULE,
];

/// Whether the partner profile in `ctx` forbids the member `m` to hold `v`: a permission the
/// account lacks, or a feature its environment does not offer (for generators, which keep such
/// members out of requests meant to break something else).
#[cfg_attr(
    not(any(feature = "proptest", feature = "arbitrary")),
    allow(dead_code)
)]
pub(crate) fn forbidden(ctx: &Context, m: MemberId, v: &serde_json::Value) -> bool {
    permissions::forbids(ctx, m, v) || (v.as_bool() == Some(true) && features::forbids(ctx, m))
}

/// Runs every rule between members (those whose members are present).
pub(crate) fn run(facts: &Facts, ctx: &Context, out: &mut Sink) {
    for rule in RULES.iter().filter(|r| r.reads & facts.present() != 0) {
        (rule.check)(facts, ctx, out);
    }
    policy::run_profile(facts, ctx, out);
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
