//! The published JSON Schemas: committed files equal the generator's output, they accept the
//! docs' examples, and an independent validator (the `jsonschema` crate) agrees with the engine
//! on every rule the schema can express.
//!
//! Regenerate the files with: `UPDATE_SCHEMAS=1 cargo test --all-features --test all schema::`.

use idenfy_preflight::schema::{self, expresses};
use idenfy_preflight::spec::catalogue::FIELDS;
use idenfy_preflight::spec::rules::date;
use idenfy_preflight::spec::{Shape, Text};
use idenfy_preflight::{check_value, Context, Severity};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::LazyLock;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema")
}

/// JSON text with the characters escaped (`\u0085`) that a YAML reader would not take raw or
/// would read as a line break: the same JSON, and openapi-spec-validator (which reads JSON as
/// YAML) reads it too. All of them are in the BMP, where YAML's `\u` escape is JSON's.
fn yaml_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}') {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every file of `schema/`: the JSON Schemas and the OpenAPI document that embeds them.
fn published() -> Vec<(&'static str, Value)> {
    let mut files = schema::all();
    files.push(("openapi.json", schema::openapi()));
    files
}

#[test]
fn committed_schemas_match_the_catalogue() {
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (name, generated) in published() {
        let path = schema_dir().join(name);
        let text = yaml_safe(&serde_json::to_string_pretty(&generated).expect("schema serializes")) + "\n";
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != text {
            if update {
                std::fs::create_dir_all(schema_dir()).expect("schema/ is creatable");
                std::fs::write(&path, text).expect("schema file is writable");
            } else {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "schema/{stale:?} differ from what the catalogue generates; run `UPDATE_SCHEMAS=1 cargo test --all-features --test all schema::`"
    );
    // And nothing in schema/ that no longer is generated.
    let mut committed: Vec<String> = std::fs::read_dir(schema_dir())
        .expect("schema/ is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    committed.sort();
    let mut generated: Vec<String> = published().into_iter().map(|(n, _)| n.into()).collect();
    generated.sort();
    assert_eq!(
        committed, generated,
        "schema/ holds exactly the generated schemas"
    );
}

/// The OpenAPI document embeds the published schemas as they are, and its examples hold: the
/// docs' request and response validate, and each error example is what its schema says and, for
/// 400, what the engine answers to the example's request.
#[test]
fn the_openapi_document_embeds_the_schemas_and_its_examples_hold() {
    let doc = schema::openapi();
    let components = &doc["components"];
    let component = |name: &str| {
        let mut root = json!({"$ref": format!("#/components/schemas/{name}")});
        root["components"] = components.clone();
        jsonschema::validator_for(&root).expect("the component compiles")
    };
    for (name, mut published) in [
        ("TokenRequest", schema::request_schema()),
        ("TokenResponse", schema::response_schema()),
    ] {
        let published = published.as_object_mut().expect("an object");
        published.remove("$schema");
        published.remove("$id");
        assert_eq!(components["schemas"][name], json!(published), "{name}");
    }
    let post = &doc["paths"]["/api/v2/token"]["post"];
    for (name, example) in post["requestBody"]["content"]["application/json"]["examples"]
        .as_object()
        .expect("examples")
    {
        assert!(component("TokenRequest").is_valid(&example["value"]), "{name}");
        assert!(
            check_value(&example["value"], &Context::new()).is_valid(),
            "{name}"
        );
    }
    let responses = &post["responses"];
    let created = &responses["201"]["content"]["application/json"]["example"];
    assert!(component("TokenResponse").is_valid(created));
    let bad = &responses["400"]["content"];
    assert_eq!(bad["application/json"]["example"]["identifier"], "BAD_VALUE");
    assert!(component("IdenfyError").is_valid(&bad["application/json"]["example"]));
    let problem = &bad[idenfy_preflight::interop::PROBLEM_JSON]["example"];
    assert!(component("ProblemDetails").is_valid(problem));
    assert_eq!(
        crate::common::error_codes(problem),
        ["invalid_country_code", "url_not_https"]
    );
    for (status, e) in [
        ("401", idenfy_preflight::interop::unauthorized()),
        ("415", idenfy_preflight::interop::unsupported_media_type()),
    ] {
        let example = &responses[status]["content"]["application/json"]["example"];
        assert!(component("IdenfyError").is_valid(example), "{status}");
        assert_eq!(example["identifier"], e.identifier, "{status}");
        assert_eq!(status, e.status.to_string());
    }
}

#[test]
fn schemas_are_valid_2020_12() {
    for (name, s) in schema::all() {
        assert!(
            jsonschema::meta::is_valid(&s),
            "{name} is not a valid JSON Schema"
        );
        assert!(
            jsonschema::validator_for(&s).is_ok(),
            "{name} does not compile"
        );
    }
}

static REQUEST: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::validator_for(&schema::request_schema()).expect("request schema compiles")
});

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    serde_json::from_slice(&std::fs::read(path).expect("example readable"))
        .expect("example is JSON")
}

#[test]
fn docs_request_example_is_valid() {
    assert!(REQUEST.is_valid(&example("docs-request.json")));
}

/// The docs' response example breaks the docs' own rule (its digitString has 7 digits, not 8),
/// yet the schema, like the response checker, accepts it: the length is only a warning there.
#[test]
fn docs_response_example_is_valid() {
    let validator = jsonschema::validator_for(&schema::response_schema()).expect("compiles");
    let response = example("docs-response.json");
    assert!(validator.is_valid(&response));
    assert_eq!(response["digitString"], "4823657");
    let mut broken = response.clone();
    broken["digitString"] = json!("48236a70");
    assert!(!validator.is_valid(&broken));
    broken["digitString"] = json!("48236570");
    broken["authToken"] = json!("x".repeat(41));
    assert!(!validator.is_valid(&broken));
}

#[test]
fn report_schema_accepts_real_reports() {
    let validator = jsonschema::validator_for(&schema::report_schema()).expect("compiles");
    for name in [
        "docs-request.json",
        "invalid-mistakes.json",
        "additional-steps.json",
    ] {
        let report = check_value(&example(name), &Context::new().with_show_values(true));
        let json = serde_json::to_value(&report).expect("report serializes");
        assert!(validator.is_valid(&json), "{name}: {json}");
    }
}

fn ctx() -> Context {
    // The schema describes the default account; show_values lets the classification see values.
    Context::new().with_show_values(true)
}

/// The engine's verdict on `body`, and whether the schema must reach the same one: always when
/// the engine accepts (the schema never rejects what the engine accepts), and when it rejects
/// only for rules the schema expresses.
fn engine_verdict(body: &Value) -> (bool, bool) {
    let report = check_value(body, &ctx());
    if report.is_valid() {
        return (true, true);
    }
    let strict = report
        .violations()
        .iter()
        .filter(|v| v.severity() == Severity::Error)
        .all(expresses);
    (false, strict)
}

/// Asserts the engine and the schema agree on `body`; returns whether the comparison was strict
/// (no engine-only rule involved).
fn agree(body: &Value) -> Result<bool, String> {
    let report = check_value(body, &ctx());
    let schema_ok = REQUEST.is_valid(body);
    if report.is_valid() {
        return if schema_ok {
            Ok(true)
        } else {
            let why: Vec<String> = REQUEST
                .iter_errors(body)
                .map(|e| format!("{} {}", e.instance_path(), e))
                .collect();
            Err(format!("engine accepts, schema rejects: {body}\n{why:?}"))
        };
    }
    let errors: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.severity() == Severity::Error)
        .collect();
    if errors.iter().all(|v| expresses(v)) {
        if schema_ok {
            let codes: Vec<String> = errors
                .iter()
                .map(|v| format!("{} {}", v.pointer(), v.code()))
                .collect();
            return Err(format!(
                "engine rejects ({codes:?}), schema accepts: {body}"
            ));
        }
        return Ok(true);
    }
    Ok(false)
}

/// A valid request using many members.
fn base() -> Value {
    json!({
        "clientId": "client-1",
        "firstName": "John Tom",
        "lastName": "Smith",
        "dateOfBirth": "1990-12-20",
        "sex": "M",
        "nationality": "lt",
        "country": ["lt", "LV"],
        "documents": ["PASSPORT", "id_card"],
        "documentNumber": "123456",
        "dateOfIssue": "2020-01-01",
        "dateOfExpiry": "2030-01-01",
        "successUrl": "https://example.com/ok",
        "callbackUrl": "https://example.com/hook",
        "locale": "en",
        "expiryTime": 600,
        "sessionLength": 600,
        "tokenType": "DOCUMENT",
        "verifyBank": true,
        "verifyBankAccounts": true,
        "ageLimit": 18,
        "riskAssessmentProfile": 3,
        "additionalSteps": {"ALL": {"ALL": {"UTILITY_BILL": {"type": "COMPARE", "fields": ["address"]}}}},
        "additionalData": {"UTILITY_BILL": {"address": "Main st 1"}}
    })
}

/// Values near each rule's edges, from the member's own declaration (each rule's probes), plus
/// wrong types.
fn candidates(shape: Shape) -> BoxedStrategy<Value> {
    let wrong = prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(1)),
        Just(json!(1.0)),
        Just(json!(1.5)),
        Just(json!(-1)),
        Just(json!("")),
        Just(json!([])),
        Just(json!({})),
        Just(json!(["x"])),
    ];
    let strings = |text: Text| -> BoxedStrategy<Value> {
        let mut fixed: Vec<Value> = vec![
            json!(" "),
            json!("a"),
            json!("ALL"),
            json!("all"),
            json!("LTU"),
            json!("lt"),
        ];
        for r in text.rules {
            fixed.extend(r.probes().into_iter().map(Value::from));
        }
        prop_oneof![
            4 => proptest::sample::select(fixed),
            1 => "\\PC{0,8}".prop_map(Value::from),
        ]
        .boxed()
    };
    let right: BoxedStrategy<Value> = match shape {
        Shape::Str(text) => strings(text),
        Shape::Date => prop_oneof![
            proptest::sample::select(date::probes()).prop_map(Value::from),
            "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::from),
        ]
        .boxed(),
        Shape::Int(b) => prop_oneof![
            proptest::sample::select(b.probes()).prop_map(Value::from),
            Just(json!(600.0)),
            Just(json!(6e2)),
        ]
        .boxed(),
        Shape::Number(b) => proptest::sample::select(b.probes())
            .prop_map(|f| json!(f))
            .boxed(),
        Shape::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Shape::List(text) => prop::collection::vec(strings(text), 0..3)
            .prop_map(Value::from)
            .boxed(),
        Shape::StrOrList(text) => prop_oneof![
            strings(text),
            prop::collection::vec(strings(text), 0..3).prop_map(Value::from)
        ]
        .boxed(),
        Shape::IntOrStr { int, text } => prop_oneof![
            proptest::sample::select(int.probes()).prop_map(Value::from),
            Just(json!(1.0)),
            Just(json!("12")),
            strings(text),
        ]
        .boxed(),
        Shape::Object(_) => objects(shape),
    };
    prop_oneof![5 => right, 1 => wrong].boxed()
}

/// Hand-picked edges of additionalSteps and additionalData.
fn objects(shape: Shape) -> BoxedStrategy<Value> {
    let steps = FIELDS
        .iter()
        .find(|f| f.name == "additionalSteps")
        .map(|f| format!("{:?}", f.shape));
    if steps == Some(format!("{shape:?}")) {
        prop_oneof![
            Just(json!({"lt": {"passport": {"S": {"type": "UPLOAD"}}}})),
            Just(json!({"LTU": {"ALL": {"S": {}}}})),
            Just(json!({"ALL": {"PASPORT": {"S": {}}}})),
            Just(json!({"ALL": {"ALL": {" ": {}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"type": "upload"}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"settings": {"canUpload": "yes"}}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"texts": {"en": {"name": 1}}}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"texts": {"en-US": {"name": "x"}, "JP": {}}}}}})),
            Just(json!({"xk": {"ALL": {"S": {"Type": "UPLOAD"}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"fields": ["", "a"]}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"fields": ["a", "a"]}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"tpye": "UPLOAD"}}}})),
            Just(json!({"ALL": {"ALL": []}})),
            Just(json!({"ALL": {"VOTER_CARD": {"S": {"type": null, "fields": null}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"texts": {"en": null}, "settings": {"canUpload": null}}}}})),
            Just(json!({"ALL": {"ALL": {"S": {"fields": [null], "texts": null, "settings": null}}}})),
            Just(json!({"ALL": {"ALL": {"S": null}}})),
            Just(json!({"ALL": null})),
            Just(json!({"lt": {"ALL": {"A": {}}}, "LT": {"ALL": {"B": {}}}})),
        ]
        .boxed()
    } else {
        prop_oneof![
            Just(json!({"UTILITY_BILL": {"address": "x"}})),
            Just(json!({"UTILITY_BILL": {"address": 1}})),
            Just(json!({"UTILITY_BILL": "x"})),
            Just(json!({"OTHER": {}})),
            Just(json!({"UTILITY_BILL": null})),
            Just(json!({"UTILITY_BILL": {"address": null}})),
        ]
        .boxed()
    }
}

/// The base request with one member set (or removed, or renamed to its alias) and sometimes a
/// second one, so cross-member rules are exercised too.
fn mutated() -> impl Strategy<Value = Value> {
    let one =
        (0..FIELDS.len()).prop_flat_map(|i| candidates(FIELDS[i].shape).prop_map(move |v| (i, v)));
    (one.clone(), proptest::option::weighted(0.3, one), 0..20u8).prop_map(|((i, v), second, op)| {
        let mut body = base();
        let m = body.as_object_mut().expect("object");
        match op {
            0 => {
                m.remove(FIELDS[i].name);
            }
            1 => {
                if let Some(id) = m.remove("clientId") {
                    m.insert("personScanRef".into(), id);
                }
            }
            2 => {
                m.insert("personScanRef".into(), json!("other"));
            }
            _ => {
                m.insert(FIELDS[i].name.into(), v);
            }
        }
        if let Some((j, w)) = second {
            m.insert(FIELDS[j].name.into(), w);
        }
        body
    })
}

/// How many generated requests the differential test checks.
const CASES: u32 = 6000;

/// Fewer cases where `IDENFY_QUICK_TESTS` is set (mutation testing runs the suite per mutant).
fn cases() -> u32 {
    if std::env::var_os("IDENFY_QUICK_TESTS").is_some() {
        CASES / 10
    } else {
        CASES
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// The schema and the engine agree on every rule the schema can express.
    #[test]
    fn schema_and_engine_agree(body in mutated()) {
        if let Err(e) = agree(&body) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn readme_states_the_case_count() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README");
    let said = format!("**differential test**: {CASES}\ngenerated requests");
    assert!(readme.contains(&said), "README.md must say: {said}");
}

/// The differential test must mostly compare strictly, or it would prove little.
#[test]
fn most_generated_cases_compare_strictly() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = mutated();
    let (mut strict, mut invalid_strict, total) = (0, 0, cases() / 6);
    for _ in 0..total {
        let body = strategy.new_tree(&mut runner).expect("generates").current();
        if agree(&body) == Ok(true) {
            strict += 1;
            if !check_value(&body, &ctx()).is_valid() {
                invalid_strict += 1;
            }
        }
    }
    assert!(
        strict * 10 >= total * 8,
        "only {strict} of {total} cases compared strictly"
    );
    assert!(
        invalid_strict * 4 >= total,
        "only {invalid_strict} of {total} strict cases were invalid"
    );
}

/// For the validators outside Rust (`.ci/schema-interop/`): with `SCHEMA_CORPUS=path`, writes
/// generated requests with the engine's verdict, which CI then holds Python's `jsonschema` and
/// Ajv to. Without the variable it only checks the corpus is mostly strict.
#[test]
fn corpus_for_other_validators() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = mutated();
    let mut bodies: Vec<Value> = hand_picked();
    let corpus = if std::env::var_os("SCHEMA_CORPUS").is_some() {
        CORPUS
    } else {
        CORPUS * cases() as usize / CASES as usize
    };
    for _ in 0..corpus {
        bodies.push(strategy.new_tree(&mut runner).expect("generates").current());
    }
    let records: Vec<Value> = bodies
        .into_iter()
        .filter_map(|body| {
            let (valid, strict) = engine_verdict(&body);
            strict.then(|| json!({"body": body, "valid": valid}))
        })
        .collect();
    assert!(records.len() * 10 >= corpus * 8, "{} strict", records.len());
    if let Some(path) = std::env::var_os("SCHEMA_CORPUS") {
        let text = serde_json::to_string(&records).expect("corpus serializes");
        std::fs::write(&path, text).expect("corpus file is writable");
    }
}

/// How many generated requests the corpus for other validators holds.
const CORPUS: usize = 3000;

/// Edges found by review, checked every run (random generation may miss them).
fn hand_picked() -> Vec<Value> {
    vec![
        json!({"clientId": "c1", "firstName": "\u{345}"}),
        json!({"clientId": "c1", "firstName": "'\u{345}\u{345}"}),
        json!({"clientId": "c1", "firstName": "\u{301}"}),
        json!({"clientId": "c1", "lastName": "Louis \u{216b}"}),
        json!({"clientId": "c1", "lastName": "M\u{fc}ller\u{2010}L"}),
        json!({"clientId": "c1", "ageLimit": 100_000_000_000_000_000_000.0_f64}),
        json!({"clientId": "c1", "dateOfBirth": "0000-01-01"}),
        json!({"clientId": "c1", "expiryTime": -0.0}),
        json!({"clientId": "c1", "successUrl": "https://example.com/\u{e4}"}),
        json!({"clientId": "c1", "additionalSteps": {"ALL": {"ALL": {"S": {"fields": [null]}}}}}),
        json!({"clientId": "c1", "country": ["ALL", "lt"]}),
        json!({"clientId": "c1", "firstName": "A\u{387}B"}),
        json!({"clientId": "c1", "lastName": "\u{30b8}\u{30e7}\u{30f3}\u{30fb}\u{30b9}\u{30df}\u{30b9}"}),
        json!({"clientId": "c1", "lastName": "\u{20000}\u{20001}"}),
        json!({"clientId": "c1", "lastName": "G\u{2018}ayrat O`zbek D\u{b4}Arcy"}),
        json!({"clientId": "c1", "lastName": "\u{5e6}\u{5d4}\u{5f4}\u{5dc}"}),
        json!({"clientId": "c1", "lastName": "A\u{1fef}B"}),
        // Names: what the docs do not forbid warns and passes the schema; what they forbid
        // (digits of any script, the specials, controls; U+037E is `;` under NFC) does not.
        json!({"clientId": "c1", "firstName": "\u{f5a}\u{f7a}\u{f0b}\u{f62}\u{f72}\u{f44}\u{f0b}"}),
        json!({"clientId": "c1", "firstName": "\u{30a2}\u{30f3}\u{ff1d}\u{30de}\u{30ea}\u{30fc}"}),
        json!({"clientId": "c1", "lastName": "A\u{1361}B A\u{2014}B A&B A<B A\\B"}),
        json!({"clientId": "c1", "lastName": "A\u{37e}B"}),
        json!({"clientId": "c1", "lastName": "A\u{96a}B"}),
        json!({"clientId": "c1", "lastName": "A\u{80}B"}),
        json!({"clientId": "c1", "lastName": "&"}),
        json!({"clientId": "c1", "lastName": "LT\n"}),
        json!({"clientId": "c1", "nationality": "XK", "country": "xk"}),
        json!({"clientId": "c1", "locale": "zh_TW"}),
        json!({"clientId": "c1", "locale": "en-US"}),
        json!({"clientId": "c1", "successUrl": "https://example.com/?ids[]=1|2"}),
        json!({"clientId": "c1", "dateOfBirth": "0000-01-01"}),
        json!({"clientId": "c1", "generateDigitString": true, "expiryTime": null}),
        json!({"clientId": "c1", "generateDigitString": true, "expiryTime": 86401}),
        // Integers written with a zero fraction, at each bound (serialized as `3600.0`).
        json!({"clientId": "c1", "expiryTime": 3600.0}),
        json!({"clientId": "c1", "expiryTime": 3600.5}),
        json!({"clientId": "c1", "expiryTime": 1.0}),
        json!({"clientId": "c1", "expiryTime": 0.0}),
        json!({"clientId": "c1", "expiryTime": 2_592_000.0}),
        json!({"clientId": "c1", "expiryTime": 2_592_001.0}),
        json!({"clientId": "c1", "expiryTime": 1e20}),
        json!({"clientId": "c1", "sessionLength": 60.0}),
        json!({"clientId": "c1", "sessionLength": 59.0}),
        json!({"clientId": "c1", "sessionLength": 3600.0}),
        json!({"clientId": "c1", "sessionLength": 3601.0}),
        json!({"clientId": "c1", "ageLimit": 18.0, "ageMax": 65.0}),
        json!({"clientId": "c1", "ageLimit": 0.0}),
        json!({"clientId": "c1", "riskAssessmentProfile": 3.0}),
        json!({"clientId": "c1", "riskAssessmentProfile": 3.5}),
        // Locales: only over 7 characters is an error.
        json!({"clientId": "c1", "locale": "pt-BR"}),
        json!({"clientId": "c1", "locale": "zh-Hant"}),
        json!({"clientId": "c1", "locale": "sr-Latn"}),
        json!({"clientId": "c1", "locale": ""}),
        json!({"clientId": "c1", "locale": "english"}),
        json!({"clientId": "c1", "locale": "english1"}),
        json!({"clientId": "c1", "locale": "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"}),
        json!({"clientId": "c1", "locale": "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"}),
    ]
}

/// Integral floats and short unsupported locales are valid for the engine and the schema alike
/// (not merely in agreement); a fraction, a bound crossed or an eighth character is invalid for
/// both.
#[test]
fn integral_floats_and_locales_have_one_verdict() {
    let valid = [
        json!({"clientId": "c1", "expiryTime": 3600.0}),
        json!({"clientId": "c1", "expiryTime": 1.0}),
        json!({"clientId": "c1", "expiryTime": 2_592_000.0}),
        json!({"clientId": "c1", "sessionLength": 60.0, "ageLimit": 18.0, "riskAssessmentProfile": 3.0}),
        json!({"clientId": "c1", "locale": "pt-BR"}),
        json!({"clientId": "c1", "locale": "zh-Hant"}),
        json!({"clientId": "c1", "locale": ""}),
    ];
    let invalid = [
        json!({"clientId": "c1", "expiryTime": 3600.5}),
        json!({"clientId": "c1", "expiryTime": 0.0}),
        json!({"clientId": "c1", "expiryTime": 2_592_001.0}),
        json!({"clientId": "c1", "sessionLength": 3601.0}),
        json!({"clientId": "c1", "locale": "english1"}),
    ];
    for (bodies, want) in [(&valid[..], true), (&invalid[..], false)] {
        for body in bodies {
            let report = check_value(body, &ctx());
            assert_eq!(
                report.is_valid(),
                want,
                "engine: {body} {:?}",
                report.violations()
            );
            assert_eq!(REQUEST.is_valid(body), want, "schema: {body}");
        }
    }
}

#[test]
fn hand_picked_edges_agree() {
    for body in hand_picked() {
        assert!(agree(&body).is_ok(), "{body}: {:?}", agree(&body));
    }
}

/// The kit's requests (feature `proptest`): the schema accepts every valid one, and agrees with
/// the engine on every near miss it can express.
#[cfg(feature = "proptest")]
mod kit {
    use super::*;
    use idenfy_preflight::strategies::{near_miss, valid_request};
    use idenfy_preflight::Engine;

    const KIT_CASES: u32 = 1000;

    fn kit_bodies() -> impl Strategy<Value = Value> {
        let (engine, ctx) = (Engine::default(), Context::new());
        prop_oneof![
            valid_request(&engine, &ctx),
            // Near misses that are JSON at all (the rest are the engine's alone).
            near_miss(&engine, &ctx)
                .prop_map(|m| serde_json::from_slice(&m.body).unwrap_or(Value::Null)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: super::cases() * KIT_CASES / CASES, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn schema_accepts_every_valid_request(body in valid_request(&Engine::default(), &Context::new())) {
            prop_assert!(REQUEST.is_valid(&body), "{}", body);
        }

        #[test]
        fn schema_and_engine_agree_on_near_misses(body in kit_bodies()) {
            if body.is_object() {
                if let Err(e) = agree(&body) {
                    prop_assert!(false, "{}", e);
                }
            }
        }
    }
}
