//! The rule table of the README, rendered from the catalogue so the docs cannot drift.

use crate::catalogue::{Field, Origin, Shape, FIELDS};
use crate::normalize::Norm;
use crate::rules::StrRule;

fn rule_text(rule: &StrRule) -> String {
    match rule {
        StrRule::Length(l) => match (l.min, l.max) {
            (0, Some(max)) => format!("≤{max} chars"),
            (min, Some(max)) => format!("{min}–{max} chars"),
            (min, None) => format!("≥{min} chars"),
        },
        StrRule::PrintableAscii(_) => "printable ASCII".into(),
        StrRule::PersonName(_) => {
            let punctuation: Vec<String> = crate::rules::person_name::NAME_PUNCTUATION
                .iter()
                .filter(|(c, _)| !c.is_control() && !matches!(*c, '\u{200C}' | '\u{200D}'))
                .map(|(c, _)| match c {
                    '`' => "`` ` ``".to_owned(),
                    c => format!("`{c}`"),
                })
                .collect();
            format!(
                "letters, marks, spaces, {}, ZWNJ, ZWJ; a letter",
                punctuation.join(" ")
            )
        }
        StrRule::OneOf(o) => {
            let mut s = format!("one of {}", o.values.join(", "));
            if !o.retired.is_empty() {
                let retired: Vec<_> = o.retired.iter().map(|(v, _)| *v).collect();
                s.push_str(&format!(" (retired: {})", retired.join(", ")));
            }
            s
        }
        StrRule::Country(c) if c.allow_all => "ISO 3166-1 alpha-2 or ALL".into(),
        StrRule::Country(_) => "ISO 3166-1 alpha-2".into(),
        StrRule::DocumentType(_) => "document type (legacy names warn)".into(),
        StrRule::HttpsUrl(u) if u.callback => {
            "absolute https URL, no repairs; warns on credentials, private hosts".into()
        }
        StrRule::HttpsUrl(_) => "absolute https URL, no repairs; warns on credentials".into(),
        StrRule::Locale(_) => "supported locale (else warning)".into(),
        StrRule::Uuid(_) => "UUID".into(),
        StrRule::Trimmed(_) => "warns on surrounding whitespace".into(),
    }
}

fn rules_text(rules: &[StrRule]) -> String {
    rules.iter().map(rule_text).collect::<Vec<_>>().join("; ")
}

fn norm_text(norm: Norm) -> &'static str {
    match norm {
        Norm::AsIs => "",
        Norm::Upper => "upper case",
        Norm::Lower => "lower case",
        Norm::PersonName => "trim, collapse spaces, NFC, upper case",
    }
}

/// The type column and rules column of one member.
pub fn describe(field: &Field) -> (String, String, &'static str) {
    match field.shape {
        Shape::Str { norm, rules } => ("string".into(), rules_text(rules), norm_text(norm)),
        Shape::Date => ("string".into(), "YYYY-MM-DD, real date".into(), ""),
        Shape::Int(r) => {
            let mut rules = match r.max {
                Some(max) => format!("{}–{max}", r.min),
                None => format!("≥{}", r.min),
            };
            if let Some(p) = r.plausible_max {
                rules.push_str(&format!("; warns above {p}"));
            }
            ("integer".into(), rules, "")
        }
        Shape::Number(r) => (
            "number".into(),
            match r.max {
                Some(max) => format!("{}–{max}", r.min),
                None => format!("≥{}", r.min),
            },
            "",
        ),
        Shape::Bool => ("boolean".into(), String::new(), ""),
        Shape::StrList { norm, rules } => (
            "array of strings".into(),
            format!("each: {}; repeats warn", rules_text(rules)),
            norm_text(norm),
        ),
        Shape::StrOrList { norm, rules } => (
            "string or array".into(),
            format!("each: {}", rules_text(rules)),
            norm_text(norm),
        ),
        Shape::IntOrUuid => ("integer or string".into(), "≥1, or UUID".into(), ""),
        Shape::AdditionalSteps => (
            "object".into(),
            "COUNTRY → DOCTYPE → STEP → {type, fields, texts, settings}".into(),
            "keys upper case",
        ),
        Shape::AdditionalData => ("object".into(), "STEP → {field: string}".into(), ""),
    }
}

/// The README's rule table (GitHub Markdown), one row per catalogue member.
///
/// ```
/// let table = idenfy_preflight::table::markdown();
/// assert!(table.contains("| `firstName` |"));
/// ```
pub fn markdown() -> String {
    let mut out = String::from(
        "| Member | Type | Rules | Normalized | Docs section |\n|---|---|---|---|---|\n",
    );
    for f in FIELDS {
        let (ty, rules, norm) = describe(f);
        let mut name = format!("`{}`", f.name);
        for a in f.aliases {
            name.push_str(&format!(" (alias `{a}`)"));
        }
        let required = if f.required {
            "required; "
        } else {
            "nullable; "
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

/// The README's table of violation codes, from [`Code::ALL`](crate::Code::ALL).
///
/// ```
/// assert!(idenfy_preflight::table::codes_markdown().contains("| `duplicate_key` |"));
/// ```
pub fn codes_markdown() -> String {
    let mut out = String::from("| Code | Meaning |\n|---|---|\n");
    for code in crate::Code::ALL {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            code.as_str(),
            code.description()
        ));
    }
    out
}
