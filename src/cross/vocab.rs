//! The words rules between members are written in. Each rule is one value of [`Rule`], in the
//! one table ([`RULES`](super::RULES)); each use has its interpreter, which reads the words and
//! nothing else: [`check`](super::check) (findings into the sink), [`repair`](super::repair)
//! (what generators keep), [`misses`](super::misses) (near misses), [`schema`](super::schema)
//! (JSON Schema fragments) and `explain` (check/explain.rs, through [`Rule::forcing`] and
//! [`Rule::cap`]). A rule that fits no word keeps its functions ([`Custom`]), the escape hatch.

use super::{CrossMiss, Facts, Members};
use crate::account::{Account, Set};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::Finding;
use crate::profile::{Flow, Permission};
use crate::spec::catalogue::MemberId;

/// A finding whose one parameter says whether the deciding value is the partner profile's
/// default (`by_default`).
pub(crate) type ByDefault = fn(bool) -> Finding;

/// One rule between members, as a word of the vocabulary.
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// A deciding member's value decides others, whatever they are set to: each set against it
    /// earns the finding (tokenType DOCUMENT turns the face checks off).
    Forces(Forcing),
    /// Each of the members set `true` requires another `true`: it `false` earns the finding,
    /// and it unknown (left out, no default) the `unknown` one (the bank sub-checks need
    /// verifyBank). Its `false` forces them off (what `explain` shows).
    Requires(Requirement),
    /// One integer member at most another (ageLimit ≤ ageMax), either of them possibly the
    /// partner profile's default.
    AtMost(Order),
    /// An integer member capped by a limit while a flag is on (expiryTime by the digit-string
    /// limit while generateDigitString).
    CappedBy(Cap),
    /// A member's value (each item of a list) in one of the account's sets (active
    /// questionnaires, risk profiles, registry centres, locales); silent where the profile does
    /// not list the set.
    InSet(Listed),
    /// Members the account may set only with a permission, or turn on only where the
    /// environment offers the feature.
    Gated(Gate),
    /// Members a flow of the account does not use (the redirect URLs in an iFrame).
    IgnoredInFlow(Ignored),
    /// The escape hatch: a rule that fits no word, with its own function for each use.
    Custom(&'static Custom),
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
    /// Whether the value `v` is the deciding one.
    pub(crate) fn matches(self, v: crate::cross::Said<'_>) -> bool {
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

/// `by` at `when` decides each of `forced` to `to`.
#[derive(Clone, Copy)]
pub(crate) struct Forcing {
    pub(crate) by: MemberId,
    pub(crate) when: When,
    pub(crate) forced: &'static [MemberId],
    pub(crate) to: bool,
    /// What a forced member set against it earns.
    pub(crate) finding: ByDefault,
}

/// Each of `members` set `true` requires `on` `true`.
#[derive(Clone, Copy)]
pub(crate) struct Requirement {
    pub(crate) members: &'static [MemberId],
    pub(crate) on: MemberId,
    /// `on` is `false` (by the request or the profile's default).
    pub(crate) finding: ByDefault,
    /// `on` is unknown: left out (or `null`) and no default says.
    pub(crate) unknown: fn() -> Finding,
}

/// `low` at most `high`.
#[derive(Clone, Copy)]
pub(crate) struct Order {
    pub(crate) low: MemberId,
    pub(crate) high: MemberId,
    pub(crate) finding: ByDefault,
    /// The values a near miss sets (`low` above `high`).
    pub(crate) sample: (i64, i64),
}

/// `member` at most `limit` while `when` is `true`.
#[derive(Clone, Copy)]
pub(crate) struct Cap {
    pub(crate) member: MemberId,
    pub(crate) when: MemberId,
    /// The limit for the account, and whether the partner profile states it.
    pub(crate) limit: fn(&Context) -> (u32, bool),
    /// The limit for the account the published schema describes (the documented default).
    pub(crate) documented: u32,
    /// `(limit, by_default, profile)`: the flag is on by the profile's default; the limit is
    /// the profile's.
    pub(crate) finding: fn(i64, bool, bool) -> Finding,
}

/// How a member's value is read for the set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Read {
    /// A string, compared exactly (generated identifiers), the closest listed one suggested.
    Exact,
    /// A string, compared ignoring case.
    Str,
    /// An ID: an integer as its digits, or a string.
    Id,
    /// Each string of a list, each reported at its element.
    Items,
}

/// What repairing a value outside the set does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Repair {
    /// It becomes the first listed value (the member goes where none is listed).
    First,
    /// The member goes.
    Drop,
    /// The items outside the set go.
    Retain,
}

/// A value outside the set for a near miss.
#[derive(Clone, Copy)]
pub(crate) enum Probe {
    /// The first listed value with a letter added.
    Altered,
    /// The smallest positive integer not listed.
    SmallestId,
    /// The first of these candidates not listed.
    FirstOutside(fn() -> Vec<&'static str>),
}

/// `member`'s value in the account's set.
#[derive(Clone, Copy)]
pub(crate) struct Listed {
    pub(crate) member: MemberId,
    pub(crate) set: fn(&Account) -> Option<&Set>,
    pub(crate) read: Read,
    /// Only values iDenfy offers at all are compared (another already has its own finding);
    /// empty: every value.
    pub(crate) only: &'static [&'static str],
    /// The finding, with the closest listed value (for [`Read::Exact`]).
    pub(crate) finding: fn(Option<String>) -> Finding,
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) repair: Repair,
    pub(crate) probe: Probe,
}

/// What of a member's value needs its permission (declared with the permissions).
pub(crate) use crate::profile::Needs;

/// Members gated by the account.
#[derive(Clone, Copy)]
pub(crate) enum Gate {
    /// Each member with the permission it needs, and what of its value needs it.
    Permissions(&'static [(MemberId, Permission, Needs)]),
    /// These members may be turned on only where the environment offers them (the profile's
    /// `features`).
    Features(&'static [MemberId]),
}

/// `members` are not used in `flow`.
#[derive(Clone, Copy)]
pub(crate) struct Ignored {
    pub(crate) flow: Flow,
    pub(crate) members: &'static [MemberId],
    pub(crate) finding: fn() -> Finding,
    /// A value of each member its own rules accept, for a near miss.
    pub(crate) sample: &'static str,
}

/// A rule that fits no word: its own function for each use.
pub(crate) struct Custom {
    /// The members it reads ([`reads`]): it runs only when one of them is present.
    pub(crate) reads: u128,
    /// Reports what it finds.
    pub(crate) check: fn(&Facts, &Context, &mut Sink),
    /// The same rule as a JSON Schema `if`/`then` fragment, where JSON Schema can say it.
    pub(crate) schema: Option<fn() -> serde_json::Value>,
    /// Every member the rule looks at.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) involves: &'static [MemberId],
    /// Changes a request as little as possible so that it keeps this rule.
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) keep: fn(&mut Members, &Context),
    /// Members that break this rule alone, with the violation each set earns.
    pub(crate) misses: fn(&Context) -> Vec<CrossMiss>,
}

/// The set of `members`, as the bit set [`Rule::reads`] gives (computed at compile time).
pub(crate) const fn reads(members: &[MemberId]) -> u128 {
    let mut mask = 0;
    let mut i = 0;
    while i < members.len() {
        mask |= 1 << members[i].index();
        i += 1;
    }
    mask
}

impl Rule {
    /// The members whose presence makes the rule run (all, `u128::MAX`, where the profile's
    /// defaults alone can decide).
    pub(crate) const fn reads(&self) -> u128 {
        match self {
            // Only a forced (requiring) member present can earn the finding; the decider may be
            // the profile's default.
            Rule::Forces(f) => reads(f.forced),
            Rule::Requires(r) => reads(r.members),
            Rule::AtMost(o) => reads(&[o.low, o.high]),
            Rule::CappedBy(c) => reads(&[c.member, c.when]),
            Rule::InSet(l) => reads(&[l.member]),
            Rule::Gated(Gate::Permissions(gated)) => {
                let mut mask = 0;
                let mut i = 0;
                while i < gated.len() {
                    mask |= 1 << gated[i].0.index();
                    i += 1;
                }
                mask
            }
            Rule::Gated(Gate::Features(members)) => reads(members),
            Rule::IgnoredInFlow(i) => reads(i.members),
            Rule::Custom(c) => c.reads,
        }
    }

    /// For generators: every member the rule looks at, so that a request broken on purpose
    /// elsewhere can keep clear of it (none for a rule that says each member on its own).
    #[cfg_attr(
        not(any(feature = "proptest", feature = "arbitrary")),
        allow(dead_code)
    )]
    pub(crate) fn involves(&self) -> Vec<MemberId> {
        match self {
            Rule::Forces(f) => std::iter::once(f.by)
                .chain(f.forced.iter().copied())
                .collect(),
            Rule::Requires(r) => std::iter::once(r.on)
                .chain(r.members.iter().copied())
                .collect(),
            Rule::AtMost(o) => vec![o.low, o.high],
            Rule::CappedBy(c) => vec![c.when, c.member],
            Rule::InSet(l) => vec![l.member],
            Rule::Gated(_) | Rule::IgnoredInFlow(_) => Vec::new(),
            Rule::Custom(c) => c.involves.to_vec(),
        }
    }

    /// The forcing the rule states, for `explain`: a `Forces` row, and the `false` of a
    /// `Requires` row, which leaves the requiring members nothing to run in.
    pub(crate) fn forcing(&self) -> Option<Forcing> {
        match *self {
            Rule::Forces(f) => Some(f),
            Rule::Requires(r) => Some(Forcing {
                by: r.on,
                when: When::Flag(false),
                forced: r.members,
                to: false,
                finding: r.finding,
            }),
            _ => None,
        }
    }

    /// The cap the rule states, for `explain`.
    pub(crate) fn cap(&self) -> Option<Cap> {
        match *self {
            Rule::CappedBy(c) => Some(c),
            _ => None,
        }
    }
}
