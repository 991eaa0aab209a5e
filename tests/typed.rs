//! The typed request covers the catalogue, is documented by it, round-trips through JSON and
//! gets the same report as the same JSON.

use idenfy_preflight::catalogue::{self, Origin};
use idenfy_preflight::{
    check_str, Context, CountrySelection, Questionnaire, RiskAssessmentProfile, Sex, TokenRequest,
    TokenType,
};
use serde_json::json;
use time::macros::date;

fn everything() -> TokenRequest {
    TokenRequest {
        first_name: Some("John Tom".into()),
        last_name: Some("Smith".into()),
        date_of_birth: Some(date!(1990 - 12 - 20)),
        sex: Some(Sex::M),
        nationality: Some("lt".into()),
        address: Some("Address".into()),
        external_ref: Some("reference".into()),
        country: Some(CountrySelection::Many(vec!["lt".into(), "LV".into()])),
        documents: Some(vec!["PASSPORT".into()]),
        document_number: Some("123456".into()),
        personal_number: Some("123456789".into()),
        date_of_expiry: Some(date!(2030 - 01 - 01)),
        date_of_issue: Some(date!(2020 - 01 - 01)),
        success_url: Some("https://example.com/ok".into()),
        error_url: Some("https://example.com/fail".into()),
        unverified_url: Some("https://example.com/unverified".into()),
        callback_url: Some("https://example.com/hook".into()),
        locale: Some("EN".into()),
        expiry_time: Some(600),
        session_length: Some(600),
        token_type: Some(TokenType::Identification),
        show_instructions: Some(true),
        generate_digit_string: Some(false),
        review_failed: Some(false),
        review_successful: Some(false),
        verify_email: Some(false),
        verify_phone: Some(false),
        verify_address: Some(false),
        verify_bank: Some(true),
        verify_bank_accounts: Some(true),
        verify_bank_balances: Some(true),
        verify_bank_transactions: Some(true),
        nfc_required: Some(false),
        nfc_optional: Some(true),
        driver_license_back: Some(true),
        check_driver_license: Some(false),
        age_limit: Some(18),
        age_max: Some(99),
        id_live_face_validation: Some(true),
        id_live_document_validation: Some(true),
        check_liveness: Some(true),
        auto_face_matching: Some(true),
        check_blur_and_glare: Some(true),
        check_aml: Some(false),
        check_ip_proxy: Some(false),
        check_face_blacklist: Some(false),
        check_doc_face_blacklist: Some(false),
        check_duplicate_faces: Some(false),
        check_duplicate_doc_faces: Some(false),
        check_duplicate_personal_data: Some(false),
        registry_centers_countries: Some(vec!["LT".into()]),
        additional_steps: Some(json!({"ALL": {"ALL": {"UTILITY_BILL": {"type": "UPLOAD"}}}})),
        additional_data: Some(json!({})),
        utility_bill: Some(false),
        questionnaire: Some(Questionnaire::Disabled),
        questionnaire_required: Some(false),
        risk_assessment_profile: Some(RiskAssessmentProfile::Uuid(
            "e8cadb52-d429-4dc2-b788-99dfbbe8a4ab".into(),
        )),
        theme: Some("e8cadb52-d429-4dc2-b788-99dfbbe8a4ab".into()),
        bank_card_verification: Some(false),
        bank_card_pdf_upload: Some(false),
        check_criminal: Some(false),
        check_person_blacklist: Some(false),
        check_lid: Some(false),
        allow_bsn_masking: Some(false),
        auto_aml_monitoring: Some(false),
        face_matching_threshold_modifier: Some(1.0),
        ..TokenRequest::new("100000")
    }
}

#[test]
fn typed_request_has_a_field_for_every_current_member() {
    let body = serde_json::to_value(everything()).unwrap();
    let keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for f in catalogue::members().filter(|f| f.origin() != Origin::Legacy) {
        assert!(keys.contains(&f.name()), "TokenRequest lacks {}", f.name());
    }
    for k in &keys {
        assert!(
            catalogue::members().any(|f| f.name() == *k),
            "TokenRequest has {k}, which the catalogue lacks"
        );
    }
}

#[test]
fn typed_and_json_give_the_same_report() {
    let ctx = Context::new().with_today(date!(2026 - 11 - 25));
    let typed = everything();
    let from_typed = typed.check(&ctx);
    let json = typed.to_json_string();
    let from_json = check_str(&json, &ctx);
    assert!(from_typed.is_valid(), "{:?}", from_typed.violations());
    assert_eq!(from_typed, from_json.into_owned());
    let request = from_typed.request().unwrap();
    assert_eq!(request.get("questionnaire"), Some(serde_json::Value::Null));
    assert_eq!(request.to_serde_value()["country"], json!(["LT", "LV"]));
    assert_eq!(request.to_serde_value()["locale"], json!("en"));
}

#[test]
fn typed_request_errors_point_at_the_json_names() {
    let bad = TokenRequest {
        first_name: Some("R2D2".into()),
        age_limit: Some(30),
        age_max: Some(20),
        extra: [("firstname".to_string(), json!("x"))]
            .into_iter()
            .collect(),
        ..TokenRequest::new("")
    };
    let report = bad.check(&Context::new());
    let found: Vec<(&str, &str)> = report
        .violations()
        .iter()
        .map(|v| (v.pointer(), v.code().as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("/clientId", "too_short"),
            ("/firstName", "invalid_name_character"),
            ("/ageLimit", "age_limit_above_age_max"),
            ("/firstname", "misspelled_field"),
        ]
    );
}

#[test]
fn non_finite_numbers_are_wrong_type_not_null() {
    for (n, sent) in [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
    ] {
        let typed = TokenRequest {
            face_matching_threshold_modifier: Some(n),
            ..TokenRequest::new("c1")
        };
        assert_eq!(
            typed.to_json_string(),
            format!(r#"{{"clientId":"c1","faceMatchingThresholdModifier":"{sent}"}}"#)
        );
        let report = typed.check(&Context::new());
        assert!(!report.is_valid(), "{n}");
        let found: Vec<(&str, &str, &str)> = report
            .violations()
            .iter()
            .map(|v| (v.pointer(), v.code().as_str(), v.severity().as_str()))
            .collect();
        assert_eq!(
            found,
            [("/faceMatchingThresholdModifier", "wrong_type", "error")],
            "{n}"
        );
    }
    // Finite numbers are still sent as numbers.
    let typed = TokenRequest {
        face_matching_threshold_modifier: Some(1.5),
        ..TokenRequest::new("c1")
    };
    let report = typed.check(&Context::new());
    assert!(report.is_valid(), "{:?}", report.violations());
    assert_eq!(
        report.request().unwrap().to_serde_value()["faceMatchingThresholdModifier"],
        json!(1.5)
    );
}

/// `first_name` → `firstName`.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Every field of `TokenRequest` documented by the catalogue's own line for its member, read
/// from the source, so the two cannot drift: a field without a doc comment, or with one that is
/// not its member's doc line, fails here.
#[test]
fn every_field_is_documented_by_the_catalogue() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/typed/generated.rs"
    ))
    .expect("src/typed/generated.rs");
    let body = source
        .split("pub struct TokenRequest {")
        .nth(1)
        .and_then(|rest| rest.split("\n}\n").next())
        .expect("the struct");
    let mut doc: Vec<&str> = Vec::new();
    let mut fields = 0;
    for line in body.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix("///") {
            doc.push(text.trim());
        } else if let Some(field) = line.strip_prefix("pub ") {
            let name = field.split(':').next().unwrap_or_default();
            fields += 1;
            if name == "extra" {
                assert!(!doc.is_empty(), "extra has no doc comment");
            } else {
                let member = catalogue::member(&camel(name))
                    .unwrap_or_else(|| panic!("{name}: no catalogue member {}", camel(name)));
                assert_eq!(
                    doc.first().copied(),
                    Some(member.doc()),
                    "the doc comment of {name} is not the catalogue's line for {}",
                    member.name()
                );
            }
            doc.clear();
        }
        // Attribute lines (serde's, over one line or several) sit between a doc and its field.
    }
    let current = catalogue::members()
        .filter(|m| m.origin() != Origin::Legacy)
        .count();
    assert_eq!(
        fields,
        current + 1,
        "one field per current member, and extra"
    );
}

#[test]
fn deserializes_with_the_api_names_and_round_trips() {
    let typed = everything();
    let json = serde_json::to_string(&typed).unwrap();
    let back: TokenRequest = serde_json::from_str(&json).unwrap();
    assert_eq!(back, typed);
    // `null` questionnaire is Disabled, a missing one is None.
    let v: TokenRequest =
        serde_json::from_str(r#"{"clientId": "c1", "questionnaire": null}"#).unwrap();
    assert_eq!(v.questionnaire, Some(Questionnaire::Disabled));
    let v: TokenRequest = serde_json::from_str(r#"{"clientId": "c1"}"#).unwrap();
    assert_eq!(v.questionnaire, None);
    // The legacy name of clientId, and members without a field, are kept.
    let v: TokenRequest =
        serde_json::from_str(r#"{"personScanRef": "c1", "custom": [1], "sex": "F"}"#).unwrap();
    assert_eq!(v.client_id, "c1");
    assert_eq!(v.sex, Some(Sex::F));
    assert_eq!(v.extra.get("custom"), Some(&json!([1])));
    // Dates by the check's rule: no sign, a real day.
    for bad in [r#""+2026-01-01""#, r#""2026-02-30""#, r#""2026-1-1""#] {
        let body = format!(r#"{{"clientId": "c1", "dateOfBirth": {bad}}}"#);
        assert!(
            serde_json::from_str::<TokenRequest>(&body).is_err(),
            "{bad}"
        );
    }
    assert!(
        serde_json::from_str::<TokenRequest>(r#"{"firstName": "x"}"#).is_err(),
        "clientId is required"
    );
}

#[test]
fn a_valid_request_converts_back_to_the_typed_form() {
    let ctx = Context::new().with_today(date!(2026 - 11 - 25));
    let report = everything().check(&ctx);
    let sent = report.request().expect("valid");
    let typed = TokenRequest::try_from(sent).expect("the struct holds every valid request");
    assert_eq!(typed.first_name.as_deref(), Some("JOHN TOM"));
    assert_eq!(typed.locale.as_deref(), Some("en"));
    assert_eq!(
        typed.country,
        Some(CountrySelection::Many(vec!["LT".into(), "LV".into()]))
    );
    // And it is checked the same again.
    assert_eq!(typed.check(&ctx).request(), Some(sent));
    // The docs' example, with its legacy and unknown members, converts too.
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/docs-request.json"
    ))
    .unwrap();
    let report = check_str(&docs, &Context::new());
    let typed = TokenRequest::try_from(report.request().expect("valid")).expect("converts");
    assert_eq!(typed.client_id, "100000");
}

#[test]
fn enums_parse_and_print_the_api_spelling() {
    assert_eq!("M".parse::<Sex>(), Ok(Sex::M));
    assert!("m".parse::<Sex>().is_err());
    assert_eq!(
        "IDENTIFICATION".parse::<TokenType>(),
        Ok(TokenType::Identification)
    );
    assert_eq!(TokenType::Document.to_string(), "DOCUMENT");
    assert_eq!(format!("{:>4}", Sex::F), "   F");
    assert_eq!(
        "VIDEO_CALL".parse::<TokenType>().unwrap_err().to_string(),
        "tokenType must be one of IDENTIFICATION, DOCUMENT"
    );
    // The catalogue's closed sets and the enums agree.
    for (member, values) in [
        ("sex", vec!["M", "F"]),
        ("tokenType", vec!["IDENTIFICATION", "DOCUMENT"]),
    ] {
        for v in values {
            let body = format!(r#"{{"clientId": "c1", "{member}": "{v}"}}"#);
            assert!(check_str(&body, &Context::new()).is_valid(), "{member} {v}");
        }
    }
}

/// A valid request converts back to the struct and re-checks to the same JSON value, though the
/// struct's `serde_json::Value` orders object keys (found by the `typed` fuzz target: `lK`
/// then `LT` came back as `LK` after `LT`).
#[test]
fn a_valid_request_converts_back_to_the_same_value() {
    let body =
        br#"{"clientId":"c","additionalSteps":{"lK":{"ALL":{"A":{}}},"LT":{"ALL":{"B":{}}}}}"#;
    let typed: TokenRequest = serde_json::from_slice(body).expect("deserializes");
    let ctx = Context::new();
    let report = typed.check(&ctx);
    let sent = report.request().expect("valid");
    let back = TokenRequest::try_from(sent).expect("converts back");
    let again = back.check(&ctx);
    assert_eq!(
        again.request().map(|r| r.to_serde_value()),
        Some(sent.to_serde_value())
    );
}

/// An integer written with a zero fraction is normalized to the integer, so the typed request
/// reads the normalized request's value.
#[test]
fn typed_request_reads_integers_written_with_a_fraction() {
    let report = check_str(
        r#"{"clientId": "c1", "expiryTime": 3600.0, "ageLimit": 1.8e1, "riskAssessmentProfile": 3.0}"#,
        &Context::new(),
    );
    assert!(report.is_valid(), "{:?}", report.violations());
    let typed = TokenRequest::try_from(report.request().expect("valid")).expect("typed");
    assert_eq!(typed.expiry_time, Some(3600));
    assert_eq!(typed.age_limit, Some(18));
    assert_eq!(
        typed.risk_assessment_profile,
        Some(RiskAssessmentProfile::Id(3))
    );
}

// ---------------------------------------------------------------------------------------------
// The generator of `src/typed/generated.rs`: `TokenRequest` and the enums of its closed sets,
// from the catalogue. The catalogue's rows are const values over rule objects, which a
// `macro_rules!` cannot inspect (to pick a Rust type from a shape, or to spell `firstName` as
// `first_name`), so the struct is generated from the values themselves and the file is held equal
// to what they generate, as schema/ is: a member added to the catalogue, a value added to a set,
// a changed doc line, all fail here until the file is regenerated with
// `UPDATE_TYPED=1 cargo test --all-features --test all typed::`.

mod generate {
    use idenfy_preflight::spec::catalogue::{Choices, CHOICES, FIELDS};
    use idenfy_preflight::spec::gen::FreeText;
    use idenfy_preflight::spec::normalize::Norm;
    use idenfy_preflight::spec::{Member, Origin, Shape};
    use std::fmt::Write;

    /// `firstName` → `first_name`.
    pub fn snake(camel: &str) -> String {
        let mut out = String::new();
        for c in camel.chars() {
            if c.is_ascii_uppercase() {
                out.push('_');
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// `tokenType` → `TokenType`, `IDENTIFICATION` → `Identification`, `M` → `M`.
    pub fn pascal(name: &str) -> String {
        let words: Vec<String> = if name.contains('_') || name.chars().all(|c| !c.is_lowercase()) {
            name.split('_').map(str::to_lowercase).collect()
        } else {
            vec![name.to_owned()]
        };
        words
            .iter()
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The closed set the typed request holds `m` in, if it holds it as an enum.
    fn choices(m: &Member) -> Option<&'static Choices> {
        CHOICES.iter().find(|c| c.member.name() == m.name)
    }

    /// A field's Rust type and its serde attributes (after `skip_serializing_if`).
    fn typed(m: &Member) -> (String, Option<&'static str>) {
        if let Some(c) = choices(m) {
            let Shape::Str(text) = m.shape else {
                panic!("{}: an enum's member must be a string", m.name)
            };
            assert!(
                matches!(text.norm, Norm::AsIs) && text.rules.len() == 1,
                "{}: an enum's member is one rule, as sent",
                m.name
            );
            let accepted = text.rules[0].examples(&FreeText::default());
            let declared: Vec<&str> = c.values.iter().map(|(v, _)| *v).collect();
            assert_eq!(
                accepted, declared,
                "{}: the enum's values are not the rule's",
                m.name
            );
            return (pascal(m.name), None);
        }
        match m.shape {
            Shape::Str(_) if m.null_disables => (
                "Questionnaire".into(),
                Some("deserialize_with = \"present\", default"),
            ),
            Shape::Str(_) => ("String".into(), None),
            Shape::Date => (
                "Date".into(),
                Some("serialize_with = \"date\", deserialize_with = \"de_date\", default"),
            ),
            // Unsigned: no member takes a negative number. A member without a maximum takes
            // any integer the engine reads, up to 64 bits (past them it keeps the literal as
            // written, which no integer type holds).
            Shape::Int(b) => {
                assert!(b.min >= 0, "{}: a negative minimum", m.name);
                match b.max {
                    Some(max) if max <= i64::from(u32::MAX) => ("u32".into(), None),
                    _ => ("u64".into(), None),
                }
            }
            // NaN and the infinities go out as strings, so the check sees them.
            Shape::Number(_) => ("f64".into(), Some("serialize_with = \"number\"")),
            Shape::Bool => ("bool".into(), None),
            Shape::List(_) => ("Vec<String>".into(), None),
            Shape::StrOrList(_) => ("CountrySelection".into(), None),
            Shape::IntOrStr { .. } => ("RiskAssessmentProfile".into(), None),
            Shape::Object(_) => ("serde_json::Value".into(), None),
        }
    }

    const HEADER: &str = r#"//! Generated from the catalogue (`src/spec/catalogue.rs`) by `tests/typed.rs`: do not edit.
//! After changing the catalogue: `UPDATE_TYPED=1 cargo test --all-features --test all typed::`.

use super::{date, de_date, number, present};
use super::{CountrySelection, Questionnaire, RiskAssessmentProfile};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;
"#;

    const STRUCT_DOC: &str = r##"/// The Generate token request as a Rust value. `None` members are left out of the body.
///
/// It serializes and deserializes with the API's member names; members it has no field for go
/// to [`extra`](Self::extra), so nothing is lost on the way through. One field per member of the
/// catalogue but the legacy ones, each documented by the catalogue's line for it.
///
/// ```
/// use idenfy_preflight::{Context, Date, Month, Sex, TokenRequest};
///
/// let request = TokenRequest {
///     first_name: Some("John Tom".into()),
///     sex: Some(Sex::M),
///     date_of_birth: Some(Date::from_calendar_date(1990, Month::December, 20)?),
///     expiry_time: Some(600),
///     ..TokenRequest::new("100000")
/// };
/// let report = request.check(&Context::new());
/// let sent = report.into_result()?;
/// assert_eq!(
///     sent.to_json_string(),
///     r#"{"clientId":"100000","firstName":"JOHN TOM","dateOfBirth":"1990-12-20","sex":"M","expiryTime":600}"#
/// );
/// // Back to the typed form: what is sent, normalized.
/// let normalized = TokenRequest::try_from(&sent)?;
/// assert_eq!(normalized.first_name.as_deref(), Some("JOHN TOM"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
"##;

    fn enum_source(out: &mut String, m: &Member, c: &Choices) {
        let ty = pascal(m.name);
        let (first, _) = c.values[0];
        let (last, _) = c.values[c.values.len() - 1];
        let list: Vec<&str> = c.values.iter().map(|(v, _)| *v).collect();
        let _ = write!(
            out,
            "\n/// `{name}`: {doc}\n///\n/// ```\n/// use idenfy_preflight::{ty};\n///\n\
             /// assert_eq!(\"{first}\".parse::<{ty}>(), Ok({ty}::{fv}));\n\
             /// assert_eq!({ty}::{lv}.to_string(), \"{last}\");\n\
             /// let e = \"{lower}\".parse::<{ty}>().unwrap_err(); // exactly as the API spells it\n\
             /// assert_eq!(e.to_string(), \"{name} must be one of {all}\");\n/// ```\n\
             #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]\n",
            name = m.name,
            doc = m.doc,
            fv = pascal(first),
            lv = pascal(last),
            lower = first.to_lowercase(),
            all = list.join(", "),
        );
        if c.open {
            out.push_str("#[non_exhaustive] // iDenfy has added and retired values before\n");
        }
        let _ = writeln!(out, "pub enum {ty} {{");
        for (value, meaning) in c.values {
            let _ = writeln!(
                out,
                "    /// {meaning}\n    #[serde(rename = \"{value}\")]\n    {},",
                pascal(value)
            );
        }
        out.push_str("}\n\n");
        let arms: Vec<String> = c
            .values
            .iter()
            .map(|(v, _)| format!("{} => \"{v}\"", pascal(v)))
            .collect();
        let _ = writeln!(
            out,
            "api_strings!({ty}, \"{}\", {});",
            m.name,
            arms.join(", ")
        );
    }

    /// The source of `src/typed/generated.rs`.
    pub fn source() -> String {
        let mut out = String::from(HEADER);
        for c in &CHOICES {
            enum_source(&mut out, c.member.member(), c);
        }
        out.push('\n');
        out.push_str(STRUCT_DOC);
        out.push_str(
            "#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]\n\
             #[serde(rename_all = \"camelCase\")]\npub struct TokenRequest {\n",
        );
        let mut special = Vec::new();
        for m in FIELDS.iter().filter(|m| m.origin != Origin::Legacy) {
            let (ty, with) = typed(m);
            if matches!(
                ty.as_str(),
                "CountrySelection" | "RiskAssessmentProfile" | "Questionnaire"
            ) {
                // Each is one member's type (its docs say which): a second member of the same
                // shape needs its own.
                assert!(!special.contains(&ty), "{}: a second {ty}", m.name);
                special.push(ty.clone());
            }
            let field = snake(m.name);
            let _ = writeln!(out, "    /// {}", m.doc);
            if m.required {
                assert_eq!(
                    ty, "String",
                    "{}: a required member other than a string",
                    m.name
                );
                if !m.aliases.is_empty() {
                    let aliases: Vec<String> = m
                        .aliases
                        .iter()
                        .map(|a| format!("alias = \"{a}\""))
                        .collect();
                    let _ = writeln!(out, "    #[serde({})]", aliases.join(", "));
                }
                let _ = writeln!(out, "    pub {field}: {ty},");
                continue;
            }
            assert!(
                m.aliases.is_empty(),
                "{}: aliases of an optional member",
                m.name
            );
            out.push_str("    #[serde(skip_serializing_if = \"Option::is_none\")]\n");
            if let Some(with) = with {
                let _ = writeln!(out, "    #[serde({with})]");
            }
            let _ = writeln!(out, "    pub {field}: Option<{ty}>,");
        }
        out.push_str(
            "    /// Members the struct has no field for (sent as given, and checked as unknown or \
             legacy).\n    #[serde(flatten)]\n    pub extra: BTreeMap<String, serde_json::Value>,\n}\n",
        );
        out
    }
}

#[test]
fn the_typed_request_is_generated_from_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/typed/generated.rs");
    let generated = generate::source();
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    if committed != generated {
        if std::env::var_os("UPDATE_TYPED").is_some() {
            std::fs::write(path, &generated).expect("src/typed/generated.rs is writable");
        } else {
            panic!(
                "src/typed/generated.rs differs from what the catalogue generates; run \
                 `UPDATE_TYPED=1 cargo test --all-features --test all typed::`"
            );
        }
    }
}

/// The generator's names round-trip: serde's `camelCase` of each field is the member's name.
#[test]
fn generated_field_names_are_the_members_names() {
    for m in catalogue::members() {
        assert_eq!(camel(&generate::snake(m.name())), m.name());
    }
    assert_eq!(generate::pascal("tokenType"), "TokenType");
    assert_eq!(generate::pascal("IDENTIFICATION"), "Identification");
    assert_eq!(generate::pascal("VIDEO_CALL"), "VideoCall");
    assert_eq!(generate::pascal("M"), "M");
}
