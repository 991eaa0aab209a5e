//! Bytes to a [`Value`] tree: serde_json's tokenizer through a custom visitor.
//!
//! serde_json's own `Value` keeps the last of two duplicate keys and copies every string. This
//! reader keeps every member in input order (so duplicates can be reported at their pointer),
//! borrows strings from the input when they have no escapes, and enforces the depth limit while
//! reading, so a hostile document never reaches the rules. It costs about what a typed
//! `from_slice` costs.

use super::Value;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

/// Why a document could not be read into a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the size limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// Nested deeper than the limit.
    TooDeep {
        /// The limit.
        limit: usize,
        /// 1-based line where the limit was crossed.
        line: usize,
        /// 1-based column where the limit was crossed.
        column: usize,
    },
    /// Not well-formed JSON.
    Malformed {
        /// serde_json's description, without the position.
        reason: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

/// serde_json's own recursion guard; our limit can only be tighter.
const READER_DEPTH_CAP: usize = 127;
const DEPTH_MARKER: &str = "nesting deeper than the limit";

/// Reads a document into a tree, enforcing the size and depth limits. Duplicate members are
/// kept, so that they can be reported where they are.
pub fn read(bytes: &[u8], max_bytes: usize, max_depth: usize) -> Result<Value<'_>, ReadError> {
    if bytes.len() > max_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(ReadError::Malformed {
            reason: "the body starts with a byte-order mark (U+FEFF), which JSON senders must not add (RFC 8259 section 8.1); save the file as UTF-8 without BOM".into(),
            line: 1,
            column: 1,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            // The prefix up to `offset` is valid UTF-8 by definition.
            let prefix = String::from_utf8_lossy(&bytes[..offset]);
            let (line, column) = line_column(&prefix);
            return Err(ReadError::InvalidUtf8 {
                offset,
                line,
                column,
            });
        }
    };
    read_str(text, max_depth)
}

/// Like [`read`] for input that is already a `str` (no size check).
pub fn read_str(text: &str, max_depth: usize) -> Result<Value<'_>, ReadError> {
    let limit = max_depth.min(READER_DEPTH_CAP);
    let mut de = serde_json::Deserializer::from_str(text);
    let inexact = Cell::new(0usize);
    let parsed = Node {
        depth: 0,
        limit,
        inexact: &inexact,
        // A member of a request body takes about 25 bytes (`"firstName": "John Tom",`);
        // reserving for the top level once avoids growing it on the way.
        members: (text.len() / 24).clamp(4, 64),
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v))
    .map(|mut v| {
        // serde_json hands non-integers over as f64 only; take their text from the input.
        if inexact.get() > 0 {
            restore_number_texts(text, &mut v);
        }
        v
    });
    parsed.map_err(|e| {
        // serde_json reports column 0 at the end of empty input; positions here are 1-based.
        let (line, column) = (e.line().max(1), e.column().max(1));
        let text = e.to_string();
        if text.starts_with(DEPTH_MARKER) || text.starts_with("recursion limit exceeded") {
            ReadError::TooDeep {
                limit,
                line,
                column,
            }
        } else {
            let reason = match text.rfind(" at line ") {
                Some(i) => text[..i].to_owned(),
                None => text,
            };
            ReadError::Malformed {
                reason,
                line,
                column,
            }
        }
    })
}

fn line_column(prefix: &str) -> (usize, usize) {
    let line = prefix.matches('\n').count() + 1;
    let column = match prefix.rfind('\n') {
        Some(i) => prefix[i + 1..].chars().count() + 1,
        None => prefix.chars().count() + 1,
    };
    (line, column)
}

/// The number literals of a well-formed JSON text, in document order.
fn number_literals(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < b.len() && matches!(b[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                out.push(&text[start..i]);
            }
            _ => i += 1,
        }
    }
    out
}

/// Gives every [`Value::NumberText`] its literal from `text` (numbers are visited in document
/// order, which is also the order of the literals).
fn restore_number_texts<'a>(text: &'a str, root: &mut Value<'a>) {
    fn walk<'a>(v: &mut Value<'a>, literals: &mut std::vec::IntoIter<&'a str>) {
        match v {
            Value::Number(_) => {
                literals.next();
            }
            Value::NumberText(t) => {
                if let Some(lit) = literals.next() {
                    *t = Cow::Borrowed(lit);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, literals)),
            Value::Object(members) => members.iter_mut().for_each(|(_, m)| walk(m, literals)),
            _ => {}
        }
    }
    walk(root, &mut number_literals(text).into_iter());
}

struct Node<'c> {
    /// Members to reserve room for in an object at this depth.
    members: usize,
    depth: usize,
    limit: usize,
    inexact: &'c Cell<usize>,
}

impl<'c> Node<'c> {
    fn child<E: de::Error>(&self) -> Result<Node<'c>, E> {
        if self.depth >= self.limit {
            return Err(E::custom(DEPTH_MARKER));
        }
        Ok(Node {
            depth: self.depth + 1,
            limit: self.limit,
            members: 4,
            inexact: self.inexact,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value<'de>, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value<'de>, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value<'de>, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value<'de>, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value<'de>, E> {
        self.inexact.set(self.inexact.get() + 1);
        // A placeholder; `restore_number_texts` puts the literal in once parsing is done.
        Ok(Value::NumberText(Cow::Owned(n.to_string())))
    }
    // serde_json hands a string over borrowed, or from its scratch buffer when it holds an
    // escape (`visit_str`); never as an owned `String`, so `visit_string` keeps its default.
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value<'de>, E> {
        Ok(Value::String(Cow::Owned(s.to_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
        let child = self.child()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(Node { ..child })? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'de>, A::Error> {
        let capacity = self.members;
        let child = self.child()?;
        // Allocated at the first member, so an empty object (`"additionalData": {}`) allocates
        // nothing, with no test per member.
        let Some(k) = map.next_key_seed(Key)? else {
            return Ok(Value::Object(Vec::new()));
        };
        let mut members = Vec::with_capacity(capacity);
        members.push((k, map.next_value_seed(Node { ..child })?));
        while let Some(k) = map.next_key_seed(Key)? {
            let v = map.next_value_seed(Node { ..child })?;
            members.push((k, v));
        }
        Ok(Value::Object(members))
    }
}

struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(s))
    }
    fn visit_str<E>(self, s: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicates_and_borrows() {
        let v = read(br#"{"a":"x","a":"y\n"}"#, 100, 4).unwrap();
        let Value::Object(m) = v else { panic!() };
        assert!(matches!(m[0].1, Value::String(Cow::Borrowed("x"))));
        assert!(matches!(&m[1].1, Value::String(Cow::Owned(s)) if s == "y\n"));
    }

    #[test]
    fn depth_limit_is_inclusive() {
        assert!(read(b"[[1]]", 100, 2).is_ok());
        assert!(matches!(
            read(b"[[[1]]]", 100, 2),
            Err(ReadError::TooDeep { limit: 2, .. })
        ));
    }

    #[test]
    fn size_limit_is_inclusive() {
        assert!(read(b"{}", 2, 4).is_ok());
        assert!(matches!(
            read(b"{} ", 2, 4),
            Err(ReadError::TooLarge { size: 3, limit: 2 })
        ));
    }

    #[test]
    fn reports_utf8_position() {
        let err = read(b"{\n  \"a\": \"\xff\"}", 100, 4).unwrap_err();
        assert_eq!(
            err,
            ReadError::InvalidUtf8 {
                offset: 10,
                line: 2,
                column: 9
            }
        );
    }

    #[test]
    fn malformed_has_line_and_column() {
        let err = read(b"{\"a\": }", 100, 4).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::Malformed {
                    line: 1,
                    column: 7,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(matches!(
            read(b"{} x", 100, 4),
            Err(ReadError::Malformed { .. })
        ));
        assert!(matches!(
            read(b"", 100, 4),
            Err(ReadError::Malformed { .. })
        ));
    }

    #[test]
    fn byte_order_mark_is_named() {
        let err = read(b"\xEF\xBB\xBF{}", 100, 4).unwrap_err();
        assert!(
            matches!(err, ReadError::Malformed { reason, line: 1, column: 1 } if reason.contains("byte-order mark"))
        );
    }

    #[test]
    fn numbers_keep_their_text() {
        let text = r#"{"a":[1,-0,1E+2,"x\"1.5",0.30000000000000000001],"b":12345678901234567890123,"c":-7}"#;
        let v = read(text.as_bytes(), 1000, 8).unwrap();
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"a":[1,-0,1E+2,"x\"1.5",0.30000000000000000001],"b":12345678901234567890123,"c":-7}"#
        );
        assert_eq!(v.get("c"), Some(&Value::Number((-7).into())));
    }

    #[test]
    fn hostile_depth_beyond_reader_cap_is_too_deep() {
        let doc = "[".repeat(5000);
        assert!(matches!(
            read(doc.as_bytes(), 1 << 20, 10_000),
            Err(ReadError::TooDeep { .. })
        ));
    }
}
