//! Where violations go: a location type for the walk and the collecting sink.
//!
//! Locations are a linked list on the stack (nothing is allocated while the walk finds nothing);
//! the pointer string and the ordering key are built only when a violation is reported.

use crate::json::Value;
use crate::violation::{Code, Finding, Severity, Violation};

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

/// Collects every violation with its input position; sorting and capping happen once at the end.
#[derive(Debug)]
pub(crate) struct Sink {
    items: Vec<(Vec<u32>, Violation)>,
    show_values: bool,
}

impl Sink {
    pub(crate) fn new(show_values: bool) -> Self {
        Sink {
            items: Vec::new(),
            show_values,
        }
    }

    /// Places a finding at `loc`; `value` is the input value it is about (shown only on opt-in).
    pub(crate) fn report(&mut self, loc: &Loc<'_>, finding: Finding, value: Option<&Value<'_>>) {
        let value = if self.show_values {
            value.map(Value::to_serde)
        } else {
            None
        };
        self.items.push((
            loc.order_key(),
            Violation {
                pointer: loc.pointer(),
                code: finding.code,
                severity: finding.severity,
                message: finding.message,
                params: finding.params,
                value,
            },
        ));
    }

    /// Places a finding at a location kept from the walk.
    pub(crate) fn report_place(&mut self, place: &Place, finding: Finding) {
        self.items.push((
            place.order.clone(),
            Violation {
                pointer: place.pointer.clone(),
                code: finding.code,
                severity: finding.severity,
                message: finding.message,
                params: finding.params,
                value: None,
            },
        ));
    }

    /// Places a finding at a member that is absent (ordered before the members).
    pub(crate) fn report_missing(&mut self, name: &str, finding: Finding) {
        let mut pointer = String::from("/");
        push_escaped(&mut pointer, name);
        self.items.push((
            Vec::new(),
            Violation {
                pointer,
                code: finding.code,
                severity: finding.severity,
                message: finding.message,
                params: finding.params,
                value: None,
            },
        ));
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items
            .iter()
            .any(|(_, v)| v.severity == Severity::Error)
    }

    /// Orders by input position (stable for ties) and caps the list at `max`.
    pub(crate) fn finish(mut self, max: usize) -> Vec<Violation> {
        self.items.sort_by(|a, b| a.0.cmp(&b.0));
        let total = self.items.len();
        let mut out: Vec<Violation> = self.items.into_iter().map(|(_, v)| v).collect();
        if total > max {
            // The marker is an error only if an error was cut: capping must not change validity.
            let severity = if out[max..].iter().any(|v| v.severity == Severity::Error) {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.truncate(max);
            let dropped = total - max;
            let mut params = crate::violation::Params::new();
            params.insert("limit".into(), max.into());
            params.insert("omitted".into(), dropped.into());
            out.push(Violation {
                pointer: String::new(),
                code: Code::TooManyViolations,
                severity,
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
