//! The tables in docs/ (RULES.md, CODES.md, PROFILE.md), rendered from the catalogue and the codes
//! so the docs cannot drift (tests/readme.rs).

use super::catalogue::MemberInfo;
use crate::diag::Code;
use crate::spec::catalogue::FIELDS;
use crate::spec::normalize::Norm;
use crate::spec::{Member, Object, Origin, Shape, Text};

fn rules_text(text: &Text) -> String {
    text.rules
        .iter()
        .map(|r| r.describe())
        .collect::<Vec<_>>()
        .join("; ")
}

fn norm_text(norm: Norm) -> &'static str {
    match norm {
        Norm::AsIs => "",
        Norm::Upper => "upper case",
        Norm::Lower => "lower case",
        Norm::PersonName => "trim, collapse spaces, NFC, upper case",
    }
}

fn object_text(object: &Object) -> String {
    match object {
        Object::Fields { names, .. } => format!("{{{}}}", names.join(", ")),
        Object::Map(map) => {
            // The keys' own rules, where they have any (`STEP (not blank)`).
            let keys = match rules_text(&map.keys) {
                rules if rules.is_empty() => map.key_label.to_owned(),
                rules => format!("{} ({rules})", map.key_label),
            };
            let values = match map.values {
                Shape::Object(inner) => object_text(inner),
                Shape::Str(_) => "string".into(),
                other => describe_shape(other).0,
            };
            format!("{keys} → {values}")
        }
    }
}

fn describe_shape(shape: &Shape) -> (String, String, &'static str) {
    match shape {
        Shape::Str(t) => ("string".into(), rules_text(t), norm_text(t.norm)),
        Shape::Date => ("string".into(), "YYYY-MM-DD, real date".into(), ""),
        Shape::Int(b) => ("integer".into(), b.describe(), ""),
        Shape::Number(b) => ("number".into(), b.describe(), ""),
        Shape::Bool => ("boolean".into(), String::new(), ""),
        Shape::List(t) => (
            "array of strings".into(),
            format!("each: {}; repeats warn", rules_text(t)),
            norm_text(t.norm),
        ),
        Shape::StrOrList(t) => (
            "string or array".into(),
            format!("each: {}", rules_text(t)),
            norm_text(t.norm),
        ),
        Shape::IntOrStr { int, text } => (
            "integer or string".into(),
            format!("{}, or {}", int.describe(), rules_text(text)),
            "",
        ),
        Shape::Object(o) => (
            "object".into(),
            object_text(o),
            match o {
                Object::Map(m) if m.send_normalized_keys => "keys upper case",
                _ => "",
            },
        ),
    }
}

/// The type column, the rules column and the normalizer column of one member.
pub fn describe(field: &Member) -> (String, String, &'static str) {
    describe_shape(&field.shape)
}

/// The rules table of docs/RULES.md (GitHub Markdown), one row per catalogue member.
///
/// ```
/// let table = idenfy_preflight::render::rules_markdown();
/// assert!(table.contains("| `firstName` |"));
/// ```
pub fn rules_markdown() -> String {
    rules_markdown_for(FIELDS.iter().map(MemberInfo))
}

/// The rule table of some members only (`idenfy-preflight rules url`).
///
/// ```
/// use idenfy_preflight::{catalogue, render::rules_markdown_for};
///
/// let urls = catalogue::members().filter(|m| m.name().ends_with("Url"));
/// let table = rules_markdown_for(urls);
/// assert_eq!(table.lines().count(), 2 + 4); // heading, rule, successUrl … callbackUrl
/// ```
pub fn rules_markdown_for(members: impl IntoIterator<Item = MemberInfo>) -> String {
    let mut out = String::from(
        "| Member | Type | Rules | Normalized | Docs section |\n|---|---|---|---|---|\n",
    );
    for MemberInfo(f) in members {
        let (ty, rules, norm) = describe(f);
        let mut name = format!("`{}`", f.name);
        for a in f.aliases {
            name.push_str(&format!(" (alias `{a}`)"));
        }
        let required = if f.required {
            "required"
        } else if f.nullable {
            "nullable"
        } else {
            "null warns"
        };
        let rules = if rules.is_empty() {
            String::new()
        } else {
            format!("; {rules}")
        };
        let origin = match f.origin {
            Origin::TokenPage => "",
            Origin::ApiReference => " (API reference only)",
            Origin::Legacy => " (legacy: warns)",
        };
        out.push_str(&format!(
            "| {name} | {ty} | {required}{rules} | {norm} | {}{origin} |\n",
            f.section.title()
        ));
    }
    out
}

/// The table of the partner profile file's members in docs/PROFILE.md, from its declaration.
///
/// ```
/// let table = idenfy_preflight::render::profile_markdown();
/// assert!(table.contains("| `nfcCountries` | array of strings |"));
/// ```
pub fn profile_markdown() -> String {
    use crate::spec::profile::{doc, PROFILE};
    let mut out =
        String::from("| Member | Type | Rules | Normalized | Meaning |\n|---|---|---|---|---|\n");
    let Object::Fields { fields, .. } = PROFILE else {
        return out;
    };
    for f in fields {
        let doc = doc(f.name).unwrap_or_default();
        let (ty, rules, norm) = match (f.name, &f.shape) {
            // Its members are the request's own: their rules are the rule table's.
            ("defaults", _) => (
                "object".to_owned(),
                "request member → its value, checked by the member's rules".to_owned(),
                "as the member",
            ),
            (_, shape) => describe_shape(shape),
        };
        out.push_str(&format!(
            "| `{}` | {ty} | {rules} | {norm} | {doc} |\n",
            f.name
        ));
    }
    out
}

/// The table of violation codes in docs/CODES.md, from [`Code::ALL`]: each code's meaning and
/// reason.
///
/// ```
/// assert!(idenfy_preflight::render::codes_markdown().contains("| `duplicate_key` |"));
/// ```
pub fn codes_markdown() -> String {
    let mut out = String::from("| Code | Meaning | Reason |\n|---|---|---|\n");
    for code in Code::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.description(),
            code.reason().replace('|', "\\|")
        ));
    }
    out
}
