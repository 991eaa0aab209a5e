//! The typed request covers the catalogue and gets the same report as the same JSON.

use idenfy_preflight::spec::catalogue::FIELDS;
use idenfy_preflight::spec::Origin;
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
    for f in FIELDS.iter().filter(|f| f.origin != Origin::Legacy) {
        assert!(keys.contains(&f.name), "TokenRequest lacks {}", f.name);
    }
    for k in &keys {
        assert!(
            FIELDS.iter().any(|f| f.name == *k),
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
    assert_eq!(
        request.get("questionnaire").map(|v| v.type_name()),
        Some("null")
    );
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
