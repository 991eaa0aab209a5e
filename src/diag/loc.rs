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

    fn each(&self, f: &mut impl FnMut(&Loc<'p>)) {
        if let Some(parent) = self.parent {
            parent.each(f);
        }
        if self.seg.is_some() {
            f(self);
        }
    }

    /// RFC 6901 pointer.
    pub(crate) fn pointer(&self) -> String {
        let mut len = 0;
        self.each(&mut |l| {
            len += 1 + match l.seg {
                Some(Seg::Key(k)) => k.len(),
                _ => 4,
            }
        });
        let mut p = String::with_capacity(len);
        self.each(&mut |l| {
            p.push('/');
            match l.seg {
                Some(Seg::Key(k)) => push_escaped(&mut p, k),
                Some(Seg::Index(i)) => push_index(&mut p, i),
                None => {}
            }
        });
        p
    }

    /// The ordering key: positions from the root down.
    pub(crate) fn order(&self) -> Order {
        let mut o = Order::default();
        self.each(&mut |l| o.push(l.order));
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
    if !key.contains(['~', '/']) {
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

    fn push(&mut self, position: u32) {
        if let Some(slot) = self.positions.get_mut(usize::from(self.len)) {
            // Positions are 1-based here so that a parent sorts before its first child.
            *slot = position.saturating_add(1);
            self.len += 1;
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
