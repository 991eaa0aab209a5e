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
