//! What the rules between members may know about the members that were present: the checker
//! records it while walking the body, the rules read it afterwards.

use super::Said;
use crate::diag::loc::{Loc, Place, ROOT};
use crate::json::Value;
use crate::spec::catalogue::{MemberId, FIELDS};
use std::borrow::Cow;
use time::Date;

/// A present member's value, as far as rules between members care.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Scalar {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer that passed its own rules (beyond `i64` saturates).
    Int(i64),
    /// A calendar date.
    Date(Date),
    /// One of a closed set of values (the rule's own constant: `tokenType` `DOCUMENT`).
    Choice(&'static str),
    /// Present, but of another shape, or invalid.
    Other,
}

/// A present member as the rules between members see it (kept small: the table of facts is
/// set up for every check).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fact {
    /// Position among the top-level members.
    pub(crate) position: u32,
    /// The member was written under its (first) alias.
    pub(crate) alias: bool,
    /// Its value passed its own rules (no error), so the rules comparing it with the partner
    /// profile may read it; a value already in error is not reported twice.
    pub(crate) passed: bool,
    pub(crate) scalar: Scalar,
}

impl Fact {
    /// Where the member `m`, of which this is the fact, is in the input.
    pub(crate) fn loc(&self, m: MemberId) -> Loc<'static> {
        let member = m.member();
        let name = match member.aliases.first() {
            Some(alias) if self.alias => alias,
            _ => member.name,
        };
        ROOT.key(name, self.position as usize)
    }
}

/// A step of additionalSteps, as the rules between additionalSteps and additionalData see it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Step {
    pub(crate) name: String,
    /// Its type is COMPARE.
    pub(crate) compare: bool,
    /// Its field names, each with where it is.
    pub(crate) fields: Vec<(String, Place)>,
}

/// One additionalData entry: the step it is for, where, and the fields that have a value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Data {
    pub(crate) step: String,
    pub(crate) place: Place,
    pub(crate) fields: Vec<String>,
}

// The bit sets of members present hold every member of the catalogue.
const _: () = assert!(FIELDS.len() <= 128);

/// The strings of a member, each with its index in the array (`None`: a lone string).
pub(crate) type Strings<'f> = Vec<(Option<usize>, &'f str)>;

/// Everything the rules between members may know.
#[derive(Debug)]
pub(crate) struct Facts<'v> {
    by_field: [Option<Fact>; FIELDS.len()],
    /// Bit `i` for each member of the catalogue present.
    present: u128,
    /// The steps additionalSteps defines (empty without it).
    pub(crate) steps: Vec<Step>,
    /// The entries of additionalData (empty without it).
    pub(crate) data: Vec<Data>,
    /// The top-level members as checked (normalized where they passed), for the rules that
    /// compare a value with the partner profile's lists; a fact's position indexes it.
    pub(crate) values: &'v [(Cow<'v, str>, Value<'v>)],
}

impl<'v> Facts<'v> {
    pub(crate) fn new() -> Self {
        Facts {
            by_field: [None; FIELDS.len()],
            present: 0,
            steps: Vec::new(),
            data: Vec::new(),
            values: &[],
        }
    }

    /// The checked value of the member `m`, with its fact, where it passed its own rules.
    pub(crate) fn value(&self, m: MemberId) -> Option<(&Value<'v>, &Fact)> {
        let fact = self.get(m)?;
        if !fact.passed {
            return None;
        }
        let (_, v) = self.values.get(fact.position as usize)?;
        Some((v, fact))
    }

    /// The checked value of the member `m` whether or not it passed (normalized where its type
    /// allowed), with its fact.
    pub(crate) fn raw(&self, m: MemberId) -> Option<(&Value<'v>, &Fact)> {
        let fact = self.get(m)?;
        let (_, v) = self.values.get(fact.position as usize)?;
        Some((v, fact))
    }

    /// The strings of the member `m` (a string, or an array of strings) where it passed its own
    /// rules, each with its index in the array (`None` for a lone string).
    pub(crate) fn strings(&self, m: MemberId) -> Option<(Strings<'_>, &Fact)> {
        let (value, fact) = self.value(m)?;
        let items = match value {
            Value::String(s) => vec![(None, s.as_ref())],
            Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.as_str().map(|s| (Some(i), s)))
                .collect(),
            _ => return None,
        };
        Some((items, fact))
    }

    /// What the request says of the member `m` (for the resolver).
    pub(crate) fn said(&self, m: MemberId) -> Said<'static> {
        match self.get(m).map(|f| f.scalar) {
            None => Said::Absent,
            Some(Scalar::Null) => Said::Null,
            Some(Scalar::Bool(b)) => Said::Bool(b),
            Some(Scalar::Int(i)) => Said::Int(i),
            Some(Scalar::Choice(c)) => Said::Str(c),
            Some(Scalar::Date(_) | Scalar::Other) => Said::Other,
        }
    }

    /// Records the member at `index` of the catalogue; the first occurrence is the one
    /// checked, a later alias only conflicts.
    pub(crate) fn set(&mut self, index: usize, fact: Fact) {
        if let Some(slot @ None) = self.by_field.get_mut(index) {
            *slot = Some(fact);
            self.present |= 1 << index;
        }
    }

    /// The members present, as a bit set by catalogue position.
    pub(crate) fn present(&self) -> u128 {
        self.present
    }

    pub(crate) fn get(&self, m: MemberId) -> Option<&Fact> {
        self.by_field.get(m.index()).and_then(Option::as_ref)
    }

    /// Whether the member `m` is present (its index is below 128: asserted above).
    pub(crate) fn has(&self, m: MemberId) -> bool {
        self.present & (1 << m.index()) != 0
    }

    pub(crate) fn bool(&self, m: MemberId) -> Option<(bool, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Bool(b) => Some((b, f)),
            _ => None,
        })
    }

    pub(crate) fn int(&self, m: MemberId) -> Option<(i64, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Int(i) => Some((i, f)),
            _ => None,
        })
    }

    pub(crate) fn date(&self, m: MemberId) -> Option<(Date, &Fact)> {
        self.get(m).and_then(|f| match f.scalar {
            Scalar::Date(d) => Some((d, f)),
            _ => None,
        })
    }

    /// Calls `f` for each of `members` that is `true`.
    pub(crate) fn each_true(&self, members: &[MemberId], mut f: impl FnMut(MemberId, &Fact)) {
        for &m in members {
            if let Some((true, fact)) = self.bool(m) {
                f(m, fact);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::catalogue::member;

    /// A rule between members reports at the name the caller wrote: the alias, where one was
    /// used (only `clientId` has one today, and no rule reports at it yet).
    #[test]
    fn a_fact_is_located_under_the_name_written() {
        let fact = |alias| Fact {
            position: 2,
            alias,
            passed: true,
            scalar: Scalar::Bool(true),
        };
        let client = member("clientId");
        assert_eq!(fact(true).loc(client).pointer(), "/personScanRef");
        assert_eq!(fact(false).loc(client).pointer(), "/clientId");
        assert_eq!(fact(true).loc(member("locale")).pointer(), "/locale");
    }

    /// Only `clientId` (the first member) is required today, so the missing-member check alone
    /// would not notice a bit set read at the wrong place.
    #[test]
    fn facts_know_which_members_are_present() {
        let (client, locale) = (member("clientId"), member("locale"));
        let mut facts = Facts::new();
        assert!(!facts.has(client) && !facts.has(locale));
        let fact = Fact {
            position: 0,
            alias: false,
            passed: true,
            scalar: Scalar::Null,
        };
        facts.set(locale.index(), fact);
        assert!(facts.has(locale) && !facts.has(client));
        assert_eq!(facts.present(), 1 << locale.index());
    }
}
