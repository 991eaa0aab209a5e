//! The one object walker: the members of a nested object against its declaration, either
//! documented fields (a step's `type`, `fields`, …) or keys and values of one shape
//! (additionalSteps' country keys, additionalData's step names, allowedDocuments).

use super::{duplicate_key, Checker, Members, Null, Slot};
use crate::diag::loc::Loc;
use crate::diag::{Finding, Folded, Kind, Place, Severity, Subject};
use crate::json::keys::Repeats;
use crate::json::Value;
use crate::spec::{FoldedKeys, Map, Object};
use crate::suggest::Vocabulary;
use std::borrow::Cow;

impl Checker<'_> {
    /// Checks the members of an object declared by `object`; returns the object as it is sent.
    pub(crate) fn object<'a>(
        &mut self,
        object: &Object,
        members: Members<'a>,
        loc: &Loc<'_>,
    ) -> Value<'a> {
        match object {
            Object::Fields { fields, names } => self.fields(fields, names, members, loc),
            Object::Map(map) => self.map(map, members, loc),
        }
    }

    fn fields<'a>(
        &mut self,
        fields: &[crate::spec::Field],
        names: &'static [&'static str],
        mut members: Members<'a>,
        loc: &Loc<'_>,
    ) -> Value<'a> {
        let repeats = Repeats::exact(members.iter().map(|(k, _)| k.as_ref()));
        let mut kept = 0;
        for i in 0..members.len() {
            let (key, value) = std::mem::replace(&mut members[i], (Cow::Borrowed(""), Value::Null));
            let at = loc.key(&key, i);
            if repeats.get(i) {
                self.report(&at, duplicate_key(&key, self.document), None);
                continue;
            }
            let value = match fields.iter().find(|f| f.name == key) {
                Some(field) => {
                    let slot = Slot {
                        subject: Subject::of(field.name),
                        shape: field.shape,
                        null: if field.nullable {
                            Null::Allowed
                        } else {
                            Null::WrongType
                        },
                        personal: false,
                    };
                    self.value(&slot, value, &at).value
                }
                None => {
                    let known = Vocabulary::new(names.iter().copied());
                    self.unknown(&at, &key, &known, Place::Among(names), &value);
                    value
                }
            };
            members[kept] = (key, value);
            kept += 1;
        }
        members.truncate(kept);
        Value::Object(members)
    }

    fn map<'a>(&mut self, map: &Map, mut members: Members<'a>, loc: &Loc<'_>) -> Value<'a> {
        let exact = Repeats::exact(members.iter().map(|(k, _)| k.as_ref()));
        let folded = match map.folded {
            FoldedKeys::Apart => None,
            _ => Some(Repeats::folded(members.iter().map(|(k, _)| k.as_ref()))),
        };
        let key_slot = Slot {
            subject: Subject::part(map.keys_are.0, map.keys_are.1),
            shape: crate::spec::Shape::Str(map.keys),
            null: Null::WrongType,
            personal: false,
        };
        let value_slot = Slot {
            subject: Subject::part(map.values_are.0, map.values_are.1),
            shape: *map.values,
            null: if map.nullable {
                Null::Allowed
            } else {
                Null::WrongType
            },
            personal: false,
        };
        let mut kept = 0;
        for i in 0..members.len() {
            let (key, value) = std::mem::replace(&mut members[i], (Cow::Borrowed(""), Value::Null));
            let at = loc.key(&key, i);
            if exact.get(i) {
                self.report(&at, duplicate_key(&key, self.document), None);
                continue;
            }
            if folded.as_ref().is_some_and(|f| f.get(i)) {
                let normalized = key.to_ascii_uppercase();
                let (kind, severity) = match map.folded {
                    FoldedKeys::Warning => (Folded::TwoLists { normalized }, Severity::Warning),
                    _ => (Folded::SameKeyTwice { normalized }, Severity::Error),
                };
                let kind = Kind::DuplicateKey {
                    name: key.to_string(),
                    folded: Some(kind),
                    document: self.document,
                };
                let f = match severity {
                    Severity::Error => Finding::error(kind),
                    Severity::Warning => Finding::warning(kind),
                };
                let f = f.about(Subject::of(map.keys_are.0), false);
                self.report(&at, f, None);
                if severity == Severity::Error {
                    // The normalized request would carry the key twice: it goes no further.
                    continue;
                }
            }
            let checked_key = self.value(&key_slot, Value::String(key.clone()), &at);
            let value = self.value(&value_slot, value, &at).value;
            let out_key = match (map.send_normalized_keys, checked_key.value) {
                (true, Value::String(normalized)) => normalized,
                _ => key,
            };
            members[kept] = (out_key, value);
            kept += 1;
        }
        members.truncate(kept);
        Value::Object(members)
    }
}
