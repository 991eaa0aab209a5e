//! The collector every check reports into: capped, errors kept ahead of warnings.

use super::code::Severity;
use super::finding::{Finding, Kind};
use super::loc::{Loc, Order, Place};
use super::violation::Violation;
use crate::json::Value;
use std::collections::BinaryHeap;

/// A kept violation, ranked for the heap: errors before warnings, then by input position, then
/// by arrival (stable for ties). The report lists them by position.
#[derive(Debug)]
struct Kept(Violation);

fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
    }
}

impl Kept {
    fn key(&self) -> (u8, Order, u64) {
        (rank(self.0.severity()), self.0.order, self.0.seq)
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Kept {}
impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Kept {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// How many violations the list makes room for at its first (a report rarely holds more).
const FIRST_ROOM: usize = 16;

/// Collects violations, keeping only `cap` of them: every error before any warning, and the
/// earliest by input position among each. A hostile body that breaks a rule a million times
/// costs a million comparisons, not a million stored messages, and 300 unknown members cannot
/// push a real error out of the report.
#[derive(Debug)]
pub(crate) struct Sink {
    /// The kept violations in arrival order, while there is room (a report rarely fills up).
    list: Vec<Kept>,
    /// Once full: a max-heap, the least important kept violation (the latest warning, else the
    /// latest error) on top, ready to be displaced.
    heap: Option<BinaryHeap<Kept>>,
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
            list: Vec::new(),
            heap: None,
            cap,
            seq: 0,
            errors: 0,
            warnings: 0,
            dropped: 0,
            dropped_error: false,
            show_values,
        }
    }

    /// Places `finding` at `loc`; `value` is the input value it is about (copied only when the
    /// caller opted in to values).
    pub(crate) fn report(&mut self, loc: &Loc<'_>, finding: Finding, value: Option<&Value<'_>>) {
        let order = loc.order();
        if self.admit(order, finding.severity) {
            let value = value.filter(|_| self.show_values).map(Value::to_serde);
            self.keep(
                order,
                Violation::new(loc.pointer(), finding, self.show_values, value),
            );
        }
    }

    /// Places `finding` at a location kept from the walk.
    pub(crate) fn report_at(&mut self, place: &Place, finding: Finding) {
        if self.admit(place.order, finding.severity) {
            let violation = Violation::new(place.pointer.clone(), finding, self.show_values, None);
            self.keep(place.order, violation);
        }
    }

    /// Whether a violation at `order` is kept; counts it either way.
    fn admit(&mut self, order: Order, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        let key = (rank(severity), order, self.seq);
        let fits = match &self.heap {
            None => self.list.len() < self.cap,
            Some(heap) => heap.peek().is_some_and(|top| key < top.key()),
        };
        if !fits {
            // Not kept, so it needs no place in the order (`seq`).
            self.dropped += 1;
            self.dropped_error |= severity == Severity::Error;
        }
        fits
    }

    fn keep(&mut self, order: Order, mut violation: Violation) {
        violation.order = order;
        violation.seq = self.seq;
        self.seq += 1;
        let heap = match &mut self.heap {
            None if self.list.len() + 1 < self.cap => {
                if self.list.capacity() == 0 {
                    // Room for a typical report at once: growing 4, 8, 16 copied the list twice.
                    self.list.reserve_exact(self.cap.min(FIRST_ROOM));
                }
                self.list.push(Kept(violation));
                return;
            }
            None => {
                self.list.push(Kept(violation));
                // Full: from now on a newcomer displaces the least important.
                self.heap = Some(BinaryHeap::from(std::mem::take(&mut self.list)));
                return;
            }
            Some(heap) => heap,
        };
        if let Some(out) = heap.pop() {
            self.dropped += 1;
            self.dropped_error |= out.0.severity() == Severity::Error;
        }
        heap.push(Kept(violation));
    }

    /// Whether any error was found.
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
        let mut kept = match self.heap {
            Some(heap) => heap.into_vec(),
            None => self.list,
        };
        if kept.is_empty() && self.dropped == 0 {
            return Vec::new();
        }
        // Members are walked in input order, so the list is mostly sorted already.
        if !kept.is_sorted_by_key(|k| (k.0.order, k.0.seq)) {
            kept.sort_unstable_by_key(|k| (k.0.order, k.0.seq));
        }
        // The same layout: collected in place, no new list.
        let mut out: Vec<Violation> = kept.into_iter().map(|k| k.0).collect();
        if self.dropped > 0 {
            let kind = Kind::TooManyViolations {
                limit: self.cap,
                omitted: self.dropped,
            };
            // An error only if an error was cut: capping must not change validity.
            let finding = if self.dropped_error {
                Finding::error(kind)
            } else {
                Finding::warning(kind)
            };
            out.push(Violation::new(String::new(), finding, false, None));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::loc::ROOT;
    use crate::diag::{Code, Finding, Kind};

    fn codes(sink: Sink) -> Vec<(Code, Severity)> {
        sink.finish()
            .iter()
            .map(|v| (v.code(), v.severity()))
            .collect()
    }

    /// The list makes room for a typical report at its first violation, so it is not copied as
    /// it grows to that size.
    #[test]
    fn the_first_violation_makes_room_for_a_typical_report() {
        let mut sink = Sink::new(false, 100);
        sink.report(
            &ROOT.key("x", 0),
            Finding::error(Kind::NullNotAllowed),
            None,
        );
        assert_eq!(sink.list.capacity(), FIRST_ROOM);
        let mut small = Sink::new(false, 4);
        small.report(
            &ROOT.key("x", 0),
            Finding::error(Kind::NullNotAllowed),
            None,
        );
        assert_eq!(small.list.capacity(), 4);
    }

    /// Among violations at one place, arrival decides: an error displaces the latest warning,
    /// not the first.
    #[test]
    fn the_latest_warning_at_a_place_is_displaced_first() {
        let at = ROOT.key("x", 3);
        let mut sink = Sink::new(false, 2);
        sink.report(&at, Finding::warning(Kind::LegacyField { name: "x" }), None);
        sink.report(&at, Finding::warning(Kind::NullNotAllowed), None);
        sink.report(&at, Finding::error(Kind::NullNotAllowed), None);
        assert_eq!(
            codes(sink),
            [
                (Code::LegacyField, Severity::Warning),
                (Code::NullNotAllowed, Severity::Error),
                (Code::TooManyViolations, Severity::Warning),
            ]
        );
    }

    /// An error pushed out of a full list by an earlier one makes the closing marker an error.
    #[test]
    fn a_displaced_error_makes_the_marker_an_error() {
        let mut sink = Sink::new(false, 2);
        for position in [5, 6, 1] {
            let at = ROOT.key("x", position);
            sink.report(&at, Finding::error(Kind::NullNotAllowed), None);
        }
        let kept = codes(sink);
        assert_eq!(
            kept.last(),
            Some(&(Code::TooManyViolations, Severity::Error))
        );
        assert_eq!(kept.len(), 3);
    }
}
