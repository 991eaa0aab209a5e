//! Where violations go: a location type for the walk and the collecting sink.
//!
//! Locations are a linked list on the stack (nothing is allocated while the walk finds nothing);
//! the pointer string and the ordering key are built only when a violation is reported.

use crate::json::Value;
use crate::violation::{Code, Finding, Severity, Violation};
use std::collections::BinaryHeap;

#[derive(Clone, Copy, Debug)]
enum Seg<'p> {
    Key(&'p str),
    Index(usize),
}

/// A place in the input document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc<'p> {
    parent: Option<&'p Loc<'p>>,
    seg: Option<Seg<'p>>,
    /// Position among the parent's members or items; orders violations by input position.
    order: u32,
}

impl<'p> Loc<'p> {
    pub(crate) const ROOT: Loc<'static> = Loc {
        parent: None,
        seg: None,
        order: 0,
    };

    /// The member `name`, which is the `position`-th member of this object.
    pub(crate) fn key(&'p self, name: &'p str, position: usize) -> Loc<'p> {
        Loc {
            parent: Some(self),
            seg: Some(Seg::Key(name)),
            order: saturating_u32(position),
        }
    }

    /// The `index`-th item of this array.
    pub(crate) fn index(&'p self, index: usize) -> Loc<'p> {
        Loc {
            parent: Some(self),
            seg: Some(Seg::Index(index)),
            order: saturating_u32(index),
        }
    }

    fn segments(&self) -> Vec<&Loc<'p>> {
        let mut out = Vec::new();
        let mut cur = Some(self);
        while let Some(l) = cur {
            if l.seg.is_some() {
                out.push(l);
            }
            cur = l.parent;
        }
        out.reverse();
        out
    }

    /// RFC 6901 pointer.
    pub(crate) fn pointer(&self) -> String {
        let mut p = String::new();
        for l in self.segments() {
            p.push('/');
            match l.seg {
                Some(Seg::Key(k)) => push_escaped(&mut p, k),
                Some(Seg::Index(i)) => p.push_str(&i.to_string()),
                None => {}
            }
        }
        p
    }

    fn order_key(&self) -> Vec<u32> {
        self.segments().iter().map(|l| l.order).collect()
    }

    /// A detached copy of this location, for findings reported after the walk has moved on.
    pub(crate) fn place(&self) -> Place {
        Place {
            pointer: self.pointer(),
            order: self.order_key(),
        }
    }
}

/// A location kept beyond the walk (pointer and ordering key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    pointer: String,
    order: Vec<u32>,
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Appends `key` escaped per RFC 6901 (`~` as `~0`, `/` as `~1`).
pub fn push_escaped(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// A kept violation. Kept ones rank errors before warnings, then by input position, then by
/// arrival (stable for ties); the report lists them by position.
#[derive(Debug)]
struct Entry {
    /// 0 for an error, 1 for a warning: when the list is full, warnings go first.
    rank: u8,
    order: Vec<u32>,
    seq: u64,
    violation: Violation,
}

fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.rank, &self.order, self.seq).cmp(&(other.rank, &other.order, other.seq))
    }
}

/// Collects violations, keeping only `cap` of them: every error before any warning, and the
/// earliest by input position among each. A hostile body that breaks a rule a million times
/// costs a million comparisons, not a million stored messages, and 300 unknown members cannot
/// push a real error out of the report.
#[derive(Debug)]
pub(crate) struct Sink {
    /// Max-heap: the least important kept violation (the latest warning, else the latest
    /// error) is on top, ready to be displaced.
    kept: BinaryHeap<Entry>,
    cap: usize,
    seq: u64,
    errors: usize,
    warnings: usize,
    dropped: usize,
    dropped_error: bool,
    show_values: bool,
}

impl Sink {
    pub(crate) fn new(show_values: bool, cap: usize) -> Self {
        Sink {
            kept: BinaryHeap::new(),
            cap,
            seq: 0,
            errors: 0,
            warnings: 0,
            dropped: 0,
            dropped_error: false,
            show_values,
        }
    }

    /// Whether a violation at `order` would be kept; counts it as dropped otherwise.
    fn admit(&mut self, order: &[u32], severity: Severity) -> bool {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        let key = (rank(severity), order, self.seq);
        let fits = self.kept.len() < self.cap
            || self
                .kept
                .peek()
                .is_some_and(|top| key < (top.rank, top.order.as_slice(), top.seq));
        if !fits {
            self.dropped += 1;
            self.dropped_error |= severity == Severity::Error;
        }
        fits
    }

    fn keep(&mut self, order: Vec<u32>, violation: Violation) {
        if self.kept.len() >= self.cap {
            if let Some(out) = self.kept.pop() {
                self.dropped += 1;
                self.dropped_error |= out.violation.severity == Severity::Error;
            }
        }
        self.kept.push(Entry {
            rank: rank(violation.severity),
            order,
            seq: self.seq,
            violation,
        });
        self.seq += 1;
    }

    /// Places a finding at `loc`; `value` is the input value it is about (shown only on opt-in).
    pub(crate) fn report(&mut self, loc: &Loc<'_>, finding: Finding, value: Option<&Value<'_>>) {
        let order = loc.order_key();
        if !self.admit(&order, finding.severity) {
            self.seq += 1;
            return;
        }
        let value = if self.show_values {
            value.map(Value::to_serde)
        } else {
            None
        };
        let violation = violation(loc.pointer(), finding, value);
        self.keep(order, violation);
    }

    /// Places a finding at a location kept from the walk.
    pub(crate) fn report_place(&mut self, place: &Place, finding: Finding) {
        if !self.admit(&place.order, finding.severity) {
            self.seq += 1;
            return;
        }
        let violation = violation(place.pointer.clone(), finding, None);
        self.keep(place.order.clone(), violation);
    }

    /// Places a finding at a member that is absent (ordered before the members).
    pub(crate) fn report_missing(&mut self, name: &str, finding: Finding) {
        if !self.admit(&[], finding.severity) {
            self.seq += 1;
            return;
        }
        let mut pointer = String::from("/");
        push_escaped(&mut pointer, name);
        self.keep(Vec::new(), violation(pointer, finding, None));
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.errors > 0
    }

    /// Every error and every warning found, including those the list left out.
    pub(crate) fn counts(&self) -> (usize, usize) {
        (self.errors, self.warnings)
    }

    /// The kept violations by input position, with a closing `too_many_violations` entry when
    /// any were dropped.
    pub(crate) fn finish(self) -> Vec<Violation> {
        let mut kept = self.kept.into_vec();
        kept.sort_unstable_by(|a, b| (&a.order, a.seq).cmp(&(&b.order, b.seq)));
        let mut out: Vec<Violation> = kept.into_iter().map(|e| e.violation).collect();
        if self.dropped > 0 {
            let (max, dropped) = (self.cap, self.dropped);
            let mut params = crate::violation::Params::new();
            params.insert("limit".into(), max.into());
            params.insert("omitted".into(), dropped.into());
            out.push(Violation {
                pointer: String::new(),
                code: Code::TooManyViolations,
                // An error only if an error was cut: capping must not change validity.
                severity: if self.dropped_error {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message: format!(
                    "the report stops after {max} violations; {dropped} more were found and left out"
                ),
                params,
                value: None,
            });
        }
        out
    }
}

fn violation(pointer: String, finding: Finding, value: Option<serde_json::Value>) -> Violation {
    Violation {
        pointer,
        code: finding.code,
        severity: finding.severity,
        message: finding.message,
        params: finding.params,
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_per_rfc6901() {
        let root = Loc::ROOT;
        let a = root.key("a/b~c", 0);
        let b = a.index(3);
        assert_eq!(b.pointer(), "/a~1b~0c/3");
        assert_eq!(root.pointer(), "");
    }
}
