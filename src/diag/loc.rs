//! Places in the input document: a linked list on the stack while walking (nothing is
//! allocated while the walk finds nothing), turned into an RFC 6901 pointer and an ordering key
//! only when something is reported there.

#[derive(Clone, Copy, Debug)]
enum Seg<'p> {
    Key(&'p str),
    Index(usize),
}

/// The whole document, as a static so that members' locations can borrow it.
pub(crate) static ROOT: Loc<'static> = Loc::ROOT;

/// A place in the input document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Loc<'p> {
    parent: Option<&'p Loc<'p>>,
    seg: Option<Seg<'p>>,
    /// Position among the parent's members or items; orders violations by input position.
    order: u32,
}

impl<'p> Loc<'p> {
    /// The whole document.
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

    /// This place and its ancestors, from here up to the root (which has no segment).
    fn up(&self) -> impl Iterator<Item = &Loc<'p>> {
        std::iter::successors(Some(self), |l| l.parent).filter(|l| l.seg.is_some())
    }

    /// RFC 6901 pointer.
    pub(crate) fn pointer(&self) -> String {
        // Its length first (one walk up), so the string is allocated once; an escape grows it
        // (rare: scanning for them here would scan every name twice).
        let len: usize = self
            .up()
            .map(|l| {
                1 + match l.seg {
                    Some(Seg::Key(k)) => k.len(),
                    Some(Seg::Index(i)) => digits(i),
                    None => 0,
                }
            })
            .sum();
        let mut p = String::with_capacity(len);
        self.write(&mut p);
        p
    }

    /// Appends the segments from the root down to this place.
    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.seg {
            Some(Seg::Key(k)) => {
                out.push('/');
                push_escaped(out, k);
            }
            Some(Seg::Index(i)) => {
                out.push('/');
                push_index(out, i);
            }
            None => {}
        }
    }

    /// The ordering key: positions from the root down.
    pub(crate) fn order(&self) -> Order {
        // Walked up from here, so each position is put at its depth counted from the root.
        let depth = self.up().count();
        let mut o = Order::default();
        for (i, l) in self.up().enumerate() {
            o.set(depth - 1 - i, l.order);
        }
        o.len = u8::try_from(depth.min(Order::DEPTH)).unwrap_or(u8::MAX);
        o
    }

    /// A detached copy, for findings reported after the walk has moved on.
    pub(crate) fn place(&self) -> Place {
        Place {
            pointer: self.pointer(),
            order: self.order(),
        }
    }
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The number of decimal digits of `n`.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Appends `index` in decimal without the formatting machinery (most pointers into a list end
/// in one).
fn push_index(out: &mut String, mut index: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (index % 10) as u8;
        index /= 10;
        if index == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// Appends `key` escaped per RFC 6901 (`~` as `~0`, `/` as `~1`).
pub(crate) fn push_escaped(out: &mut String, key: &str) {
    // A byte scan: `str::contains` with a set of chars runs a char searcher, several times
    // slower on these short names.
    if !key.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Positions from the root down, held inline: deeper than [`Order::DEPTH`] levels, violations
/// are ordered by arrival, which follows the walk and so the document anyway.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Order {
    positions: [u32; Order::DEPTH],
    len: u8,
}

impl Order {
    const DEPTH: usize = 8;

    /// Sets the position at `depth` (0 at the root's members); deeper than [`Order::DEPTH`] is
    /// left out.
    fn set(&mut self, depth: usize, position: u32) {
        if let Some(slot) = self.positions.get_mut(depth) {
            // Positions are 1-based here so that a parent sorts before its first child.
            *slot = position.saturating_add(1);
        }
    }
}

/// A location kept beyond the walk (pointer and ordering key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) pointer: String,
    pub(crate) order: Order,
}

impl Place {
    /// A member that is absent: ordered before every member.
    pub(crate) fn missing(name: &str) -> Place {
        let mut pointer = String::from("/");
        push_escaped(&mut pointer, name);
        Place {
            pointer,
            order: Order::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pointer without escapes is allocated once, at its length: its length is counted before
    /// it is written (indexes of one digit and of several).
    #[test]
    fn a_pointer_is_allocated_at_its_length() {
        let root = Loc::ROOT;
        let list = root.key("list", 0);
        for i in [0, 9, 10, 123, 1_234_567] {
            let p = list.index(i).key("name", 1).pointer();
            assert_eq!(p.capacity(), p.len(), "{p}");
        }
    }

    #[test]
    fn pointer_escapes_per_rfc6901() {
        let root = Loc::ROOT;
        let a = root.key("a/b~c", 0);
        let b = a.index(3);
        assert_eq!(b.pointer(), "/a~1b~0c/3");
        assert_eq!(root.key("l", 0).index(0).pointer(), "/l/0");
        assert_eq!(root.key("l", 0).index(1_234_567).pointer(), "/l/1234567");
        assert_eq!(root.index(usize::MAX).pointer(), format!("/{}", usize::MAX));
        assert_eq!(root.pointer(), "");
    }

    /// Deeper than the ordering key holds, the positions kept are the outermost ones.
    #[test]
    fn order_keeps_the_outermost_positions() {
        let root = Loc::ROOT;
        let a = root.key("a", 4);
        // Each `Loc` borrows its parent: the chain is built by recursion.
        fn deep(parent: &Loc<'_>, depth: usize, f: &mut dyn FnMut(&Loc<'_>)) {
            if depth == 0 {
                f(parent);
            } else {
                deep(&parent.index(depth), depth - 1, f);
            }
        }
        deep(&a, 10, &mut |l| {
            let o = l.order();
            assert_eq!(o.len, 8);
            assert_eq!(o.positions, [5, 11, 10, 9, 8, 7, 6, 5]);
            assert_eq!(l.pointer(), "/a/10/9/8/7/6/5/4/3/2/1");
        });
        assert_eq!(a.order().positions[..2], [5, 0]);
        assert_eq!(root.key("x~/y", 0).pointer(), "/x~0~1y");
    }

    #[test]
    fn order_follows_the_document() {
        let root = Loc::ROOT;
        let a = root.key("a", 0);
        let a1 = a.index(1);
        let b = root.key("b", 1);
        assert!(Place::missing("x").order < root.order() || root.order() == Order::default());
        assert!(a.order() < a1.order());
        assert!(a1.order() < b.order());
        assert!(root.order() < a.order());
    }
}
