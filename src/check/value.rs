//! The one value checker: a value against its shape, for every member and every nested value.

use super::{Checked, Checker, Null, Slot};
use crate::cross::Scalar;
use crate::diag::loc::Loc;
use crate::diag::{Expected, Finding, Kind, Severity, Subject, TypeHint};
use crate::json::keys::Repeats;
use crate::json::Value;
use crate::spec::rules::{date, Bounds};
use crate::spec::{Shape, Text};
use std::borrow::Cow;

impl Checker<'_> {
    /// Checks and normalizes one value; reports what it finds at `loc`.
    pub(crate) fn value<'a>(
        &mut self,
        slot: &Slot,
        value: Value<'a>,
        loc: &Loc<'_>,
    ) -> Checked<'a> {
        if let Value::Null = value {
            match slot.null {
                Null::Allowed => {
                    return Checked {
                        value,
                        scalar: Scalar::Null,
                    }
                }
                Null::Warned => {
                    let f = Finding::warning(Kind::UndocumentedNull);
                    self.say(slot, loc, f, None);
                    return Checked {
                        value,
                        scalar: Scalar::Null,
                    };
                }
                Null::Required => {
                    let f = Finding::error(Kind::NullNotAllowed);
                    self.say(slot, loc, f, None);
                    return Checked {
                        value,
                        scalar: Scalar::Other,
                    };
                }
                Null::WrongType => return self.mistyped(slot, slot.shape.expected(), value, loc),
            }
        }
        // The shape by reference: copying it (with the value, into a tuple) cost more than
        // the dispatch itself.
        match (&slot.shape, value) {
            (Shape::Str(text), Value::String(s)) => self.text(slot, text, s, loc),
            (Shape::Date, Value::String(s)) => match date::parse(&s) {
                Ok(d) => Checked {
                    value: Value::String(s),
                    scalar: Scalar::Date(d),
                },
                Err(f) => {
                    let v = Value::String(s);
                    self.say(slot, loc, f, Some(&v));
                    Checked {
                        value: v,
                        scalar: Scalar::Other,
                    }
                }
            },
            (Shape::Int(bounds), v @ (Value::Number(_) | Value::NumberText(_))) => {
                self.integer(slot, *bounds, v, loc)
            }
            (Shape::Number(bounds), v @ (Value::Number(_) | Value::NumberText(_))) => {
                let x = match &v {
                    Value::Number(n) => n.as_f64(),
                    Value::NumberText(t) => t.parse::<f64>().ok(),
                    _ => None,
                };
                match bounds.check(x.unwrap_or(f64::NAN)) {
                    Some(f) => {
                        self.say(slot, loc, f, Some(&v));
                        Checked {
                            value: v,
                            scalar: Scalar::Other,
                        }
                    }
                    None => Checked {
                        value: v,
                        scalar: Scalar::Other,
                    },
                }
            }
            (Shape::Bool, Value::Bool(b)) => Checked {
                value: Value::Bool(b),
                scalar: Scalar::Bool(b),
            },
            (Shape::List(text), Value::Array(items)) => self.list(slot, text, items, loc),
            (Shape::StrOrList(text), Value::String(s)) => self.text(slot, text, s, loc),
            (Shape::StrOrList(text), Value::Array(items)) => self.list(slot, text, items, loc),
            (Shape::IntOrStr { int, .. }, v @ (Value::Number(_) | Value::NumberText(_))) => {
                self.integer(slot, *int, v, loc)
            }
            // A string is a UUID, an open text: its scalar is no choice the rules read.
            (Shape::IntOrStr { text, .. }, Value::String(s)) => self.text(slot, text, s, loc),
            (Shape::Object(object), Value::Object(members)) => {
                let value = self.object(object, members, loc);
                Checked {
                    value,
                    scalar: Scalar::Other,
                }
            }
            (shape, other) => self.mistyped(slot, shape.expected(), other, loc),
        }
    }

    /// Reports `f` about the slot's subject.
    fn say(&mut self, slot: &Slot, loc: &Loc<'_>, f: Finding, value: Option<&Value<'_>>) {
        if self.errors_only && f.severity != Severity::Error {
            return;
        }
        let f = f.about(slot.subject, slot.personal);
        self.report(loc, f, value);
    }

    /// Normalizes a string and runs its rules on the result.
    fn text<'a>(
        &mut self,
        slot: &Slot,
        text: &Text,
        s: Cow<'a, str>,
        loc: &Loc<'_>,
    ) -> Checked<'a> {
        let original = self.ctx().show_values.then(|| Value::String(s.clone()));
        let n = text.norm.apply(s);
        for rule in text.rules {
            rule.check(&n, &mut self.scratch);
        }
        if !self.scratch.is_empty() {
            let mut found = std::mem::take(&mut self.scratch);
            for f in found.drain(..) {
                self.say(slot, loc, f, original.as_ref());
            }
            self.scratch = found;
        }
        // A choice is a member of the closed set, which its set's rule accepts: a value that
        // failed that rule has none to give.
        let choice = if text.closed {
            text.rules.iter().find_map(|r| r.choice(&n))
        } else {
            None
        };
        Checked {
            value: Value::String(n),
            scalar: choice.map_or(Scalar::Other, Scalar::Choice),
        }
    }

    /// An integer member's value: an integer literal, or a number literal written with a zero
    /// fraction or an exponent (`3600.0`, `3.6e3`, `-0`), which JSON Schema counts as the integer
    /// it denotes. That one is rewritten as the integer (within 64 bits), with a warning; the
    /// bounds apply to the integer either way.
    fn integer<'a>(
        &mut self,
        slot: &Slot,
        bounds: Bounds<i64>,
        value: Value<'a>,
        loc: &Loc<'_>,
    ) -> Checked<'a> {
        let (i, value, rewritten) = match value {
            Value::Number(n) => match n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from))
            {
                Some(i) => (i, Value::Number(n), None),
                None => return self.mistyped(slot, slot.shape.expected(), Value::Number(n), loc),
            },
            Value::NumberText(text) => match integral(&text) {
                // Integral, so exact once within i128 (the cast saturates beyond it).
                #[allow(clippy::cast_possible_truncation)]
                Some(x) => match i64::try_from(x as i128) {
                    Ok(n) => (i128::from(n), Value::Number(n.into()), Some(true)),
                    Err(_) => (x as i128, Value::NumberText(text), Some(false)),
                },
                None => {
                    let v = Value::NumberText(text);
                    return self.mistyped(slot, slot.shape.expected(), v, loc);
                }
            },
            other => return self.mistyped(slot, slot.shape.expected(), other, loc),
        };
        let saturated = i64::try_from(i).unwrap_or(if i < 0 { i64::MIN } else { i64::MAX });
        let finding = bounds.check_int(i);
        // Said of a value that is sent: one out of bounds has its error instead.
        if let Some(rewritten) = rewritten {
            if finding
                .as_ref()
                .is_none_or(|f| f.severity != Severity::Error)
            {
                let f = Finding::warning(Kind::IntegerWrittenAsFloat { rewritten });
                self.say(slot, loc, f, None);
            }
        }
        match finding {
            // An implausible value is still the value sent: rules between members use it.
            Some(f) if f.severity != Severity::Error => {
                self.say(slot, loc, f, Some(&value));
                Checked {
                    value,
                    scalar: Scalar::Int(saturated),
                }
            }
            Some(f) => {
                self.say(slot, loc, f, Some(&value));
                Checked {
                    value,
                    scalar: Scalar::Other,
                }
            }
            None => Checked {
                value,
                scalar: Scalar::Int(saturated),
            },
        }
    }

    /// Each item of an array of strings, then the rules over the whole list, then repeats.
    fn list<'a>(
        &mut self,
        slot: &Slot,
        text: &Text,
        mut items: Vec<Value<'a>>,
        loc: &Loc<'_>,
    ) -> Checked<'a> {
        let item_slot = Slot {
            subject: Subject::part(slot.subject.name, "items"),
            ..*slot
        };
        let mut all_strings = true;
        for (i, item) in items.iter_mut().enumerate() {
            let at = loc.index(i);
            let v = std::mem::replace(item, Value::Null);
            *item = match v {
                Value::String(s) => {
                    let checked = self.text(slot, text, s, &at);
                    checked.value
                }
                other => {
                    all_strings = false;
                    let checked = self.mistyped(&item_slot, Expected::String, other, &at);
                    checked.value
                }
            };
        }
        if all_strings && items.len() > 1 {
            let texts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            let mut whole = Vec::new();
            for rule in text.rules {
                rule.check_items(&texts, &mut whole);
            }
            let repeats = Repeats::exact(texts.iter().copied());
            drop(texts);
            for (i, f) in whole {
                self.say(slot, &loc.index(i), f, None);
            }
            for i in 0..items.len() {
                if repeats.get(i) {
                    let f = Finding::warning(Kind::DuplicateItem);
                    self.say(slot, &loc.index(i), f, items.get(i));
                }
            }
        } else if items.len() > 1 {
            // Repeats among the strings only.
            let repeats = Repeats::exact(
                items
                    .iter()
                    .map(|v| v.as_str().unwrap_or("\u{0}not a string")),
            );
            for i in 0..items.len() {
                if repeats.get(i) && items[i].as_str().is_some() {
                    let f = Finding::warning(Kind::DuplicateItem);
                    self.say(slot, &loc.index(i), f, items.get(i));
                }
            }
        }
        Checked {
            value: Value::Array(items),
            scalar: Scalar::Other,
        }
    }

    /// Reports a value of the wrong JSON type (with a hint where the fix is plain), and any
    /// ambiguous member name inside it.
    pub(crate) fn mistyped<'a>(
        &mut self,
        slot: &Slot,
        expected: Expected,
        value: Value<'a>,
        loc: &Loc<'_>,
    ) -> Checked<'a> {
        let hint = match (&value, expected) {
            (Value::String(s), Expected::Integer) if s.trim().parse::<i64>().is_ok() => {
                Some(TypeHint::Unquote)
            }
            (Value::String(s), Expected::Boolean) if matches!(s.as_ref(), "true" | "false") => {
                Some(TypeHint::UnquoteBoolean)
            }
            (Value::NumberText(_), Expected::Integer) => Some(TypeHint::WholeNumber),
            _ => None,
        };
        let f = Finding::error(Kind::WrongType {
            expected,
            found: value.json_type(),
            hint,
        });
        // A wrong type is an error whatever the mode.
        let f = f.about(slot.subject, slot.personal);
        self.report(loc, f, Some(&value));
        self.nested_duplicates(&value, loc);
        Checked {
            value,
            scalar: Scalar::Other,
        }
    }
}

/// The integer a number literal with a fraction or an exponent denotes, if it is one: the
/// literal read as the nearest double, as JSON Schema validators (Python's `jsonschema`, Ajv)
/// read it, whose fraction is zero (`3600.0`, `3.6e3`, `36e2`, `-0` and `-0.0`; not `3600.5`).
/// serde_json refuses a literal beyond the double range (`1e400`) while reading, so every
/// literal here is finite.
pub(crate) fn integral(literal: &str) -> Option<f64> {
    literal
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && x.fract() == 0.0)
}

#[cfg(test)]
mod tests {
    use super::integral;

    #[test]
    fn integral_literals() {
        for (literal, integer) in [
            ("3600.0", 3600.0),
            ("3600.000", 3600.0),
            ("3.6e3", 3600.0),
            ("36E+2", 3600.0),
            ("360000e-2", 3600.0),
            ("-0", 0.0),
            ("-0.0", 0.0),
            ("1e20", 1e20),
        ] {
            assert_eq!(integral(literal), Some(integer), "{literal}");
        }
        for literal in [
            "3600.5", "3.6001e3", "1e-1", "0.5", "-0.1", "NaN", "inf", "x",
        ] {
            assert_eq!(integral(literal), None, "{literal}");
        }
    }
}
