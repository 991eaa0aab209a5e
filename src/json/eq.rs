//! JSON equality by value: how the response's echo is compared with the request that was sent.

use super::Value;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Whether two checked values are the same JSON value: numbers by numeric value (integers
/// exactly, otherwise as `f64`, so `1.0` and `1` are equal), objects regardless of member order
/// (the last of duplicate names counts, as in `serde_json`), everything else exactly.
pub(crate) fn same_value(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Number(_) | Value::NumberText(_), Value::Number(_) | Value::NumberText(_)) => {
            same_number(a, b)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (last_members(x), last_members(y));
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

/// An object's members by name, the last of duplicate names winning.
fn last_members<'m, 'a>(
    members: &'m [(Cow<'a, str>, Value<'a>)],
) -> FxHashMap<&'m str, &'m Value<'a>> {
    members.iter().map(|(k, v)| (k.as_ref(), v)).collect()
}

fn same_number(a: &Value<'_>, b: &Value<'_>) -> bool {
    let int = |v: &Value<'_>| match v {
        Value::Number(n) => n
            .as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    };
    let float = |v: &Value<'_>| match v {
        Value::Number(n) => n.as_f64(),
        Value::NumberText(t) => t.parse::<f64>().ok(),
        _ => None,
    };
    if let (Some(x), Some(y)) = (int(a), int(b)) {
        return x == y;
    }
    match (float(a), float(b)) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() => x == y,
        // Beyond f64's range (1e400): only the same text is the same number.
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::same_value;

    fn same(a: &str, b: &str) -> bool {
        let read = |s: &'static str| crate::json::read(s.as_bytes(), 1 << 20, 32);
        match (read(leak(a)), read(leak(b))) {
            (Ok(x), Ok(y)) => same_value(&x, &y),
            other => unreachable!("the test's JSON reads: {other:?}"),
        }
    }

    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }

    #[test]
    fn numbers_are_compared_by_value() {
        assert!(same("1", "1.0"));
        assert!(same("18446744073709551615", "18446744073709551615"));
        assert!(!same("9007199254740993", "9007199254740992"));
        assert!(same("0.5", "5e-1"));
        assert!(!same("1", "2"));
    }

    /// Past f64's range every number is infinite as a float, so only the same text is the same
    /// number. (The reader refuses such numbers today; a value built otherwise may hold one.)
    #[test]
    fn numbers_beyond_f64_are_compared_as_written() {
        use crate::json::Value;
        let text = |t: &'static str| Value::NumberText(t.into());
        assert!(same_value(&text("1e400"), &text("1e400")));
        assert!(!same_value(&text("1e400"), &text("2e400")));
        assert!(!same_value(&text("-1e400"), &text("1e400")));
        assert!(!same_value(&text("1e400"), &text("1.5")));
    }

    #[test]
    fn objects_ignore_order_and_keep_the_last_duplicate() {
        assert!(same(
            r#"{"a": 1, "b": [1, 2]}"#,
            r#"{"b": [1, 2.0], "a": 1}"#
        ));
        assert!(same(r#"{"a": 1, "a": 2}"#, r#"{"a": 2}"#));
        assert!(!same(r#"{"a": 1}"#, r#"{"a": 1, "b": 1}"#));
        assert!(!same("[1, 2]", "[2, 1]"));
        assert!(!same("[1]", "[1, 1]"));
        assert!(!same(r#""1""#, "1"));
    }
}
