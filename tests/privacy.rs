//! No value derived from personal data in any output by default (issue 16).
//!
//! For every member that holds personal data, two bodies whose values differ but break the same
//! rule in the same place (`nationality` `ltu` and `lva`, suggesting `LT` and `LV`) must give
//! byte-identical output in every format unless the caller opts in with `show_values`: then
//! nothing in the output can be derived from the value (not the value, not a suggestion, not a
//! listed character). With `show_values` the outputs differ, so the test can fail.

use crate::common::{run, TODAY};
use idenfy_preflight::interop::{idenfy_error, problem_details};
use idenfy_preflight::render::Human;
use idenfy_preflight::{catalogue, check, check_response, explain, Context, Date, Month};

/// A personal member, two values that fail alike, and whether that failure is only a warning
/// (the body then gets an unrelated error, so that no normalized request is printed: a valid
/// request is the output the caller asked for, values and all).
struct Pair {
    member: &'static str,
    a: &'static str,
    b: &'static str,
    /// The two values give a suggestion each (the outputs differ in every format when shown).
    suggested: bool,
    warning_only: bool,
    /// Found by a rule across members or against today, whose violation carries no `value`.
    cross: bool,
}

const PAIRS: &[Pair] = &[
    Pair {
        member: "clientId",
        a: "ab\u{e9}1",
        b: "cd\u{e8}2",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "firstName",
        a: "J0HN",
        b: "M1KE",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "lastName",
        a: "SM!TH",
        b: "JO#ES",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "dateOfBirth",
        a: "1990-02-30",
        b: "1985-04-31",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "sex",
        a: "m",
        b: "f",
        suggested: true,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "nationality",
        a: "ltu",
        b: "lva",
        suggested: true,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "address",
        // Repeated past the 255 characters allowed (see `value`).
        a: "Gedimino pr 1",
        b: "Brivibas 2 Rg",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "externalRef",
        a: "ref-\u{e9}1",
        b: "ref-\u{e8}2",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "documentNumber",
        a: "AB\u{e9}123",
        b: "CD\u{e8}456",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "personalNumber",
        a: " 39001010000",
        b: " 48502020000",
        suggested: false,
        warning_only: true,
        cross: false,
    },
    Pair {
        member: "dateOfExpiry",
        a: "2001-02-29",
        b: "2002-06-31",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "dateOfIssue",
        a: "1990-13-01",
        b: "1991-14-02",
        suggested: false,
        warning_only: false,
        cross: false,
    },
    Pair {
        member: "dateOfExpiry",
        a: "2001-01-01",
        b: "2002-02-02",
        suggested: false,
        warning_only: true,
        cross: true,
    },
    Pair {
        member: "dateOfBirth",
        a: "2999-01-01",
        b: "2998-02-02",
        suggested: false,
        warning_only: true,
        cross: true,
    },
];

fn today() -> Date {
    Date::from_calendar_date(2026, Month::November, 25).unwrap_or(Date::MIN)
}

fn ctx(show: bool) -> Context {
    Context::new().with_today(today()).with_show_values(show)
}

/// The value as sent: an address repeated past its 255 characters.
fn value(pair: &Pair, value: &str) -> String {
    if pair.member == "address" {
        value.repeat(20)
    } else {
        value.to_owned()
    }
}

fn request(pair: &Pair, v: &str) -> String {
    let mut body = serde_json::json!({"clientId": "c"});
    body[pair.member] = value(pair, v).into();
    if pair.warning_only {
        body["expiryTime"] = "x".into();
    }
    body.to_string()
}

fn response(pair: &Pair, v: &str) -> String {
    let mut body = serde_json::json!({"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT"});
    body[pair.member] = value(pair, v).into();
    body.to_string()
}

/// Every library format of one request body and its response counterpart.
fn outputs(pair: &Pair, value: &str, show: bool) -> Vec<(&'static str, String)> {
    let ctx = ctx(show);
    let body = request(pair, value);
    let report = check(body.as_bytes(), &ctx);
    let json = |v: &dyn erased::Ser| v.json();
    let explanation = explain(body.as_bytes(), &ctx);
    let resp = response(pair, value);
    let resp_report = check_response(resp.as_bytes(), None, &ctx);
    vec![
        ("json", report.to_json_pretty()),
        ("problem", json(&problem_details(&report))),
        ("idenfy", json(&idenfy_error(&report))),
        ("human", Human::new().request("request.json", &report)),
        ("Display", report.to_string()),
        ("explain json", json(&explanation)),
        (
            "explain human",
            Human::new().explanation("request.json", &explanation),
        ),
        ("check-response json", resp_report.to_json_pretty()),
        (
            "check-response human",
            Human::new().response("response.json", &resp_report),
        ),
    ]
}

mod erased {
    /// A serializable value as JSON text.
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// The pairs cover every member the catalogue marks personal.
#[test]
fn every_personal_member_is_covered() {
    let personal: Vec<&str> = catalogue::members()
        .filter(|m| m.personal())
        .map(|m| m.name())
        .collect();
    let covered: Vec<&str> = PAIRS.iter().map(|p| p.member).collect();
    for name in &personal {
        assert!(covered.contains(name), "{name} has no pair");
    }
    for name in &covered {
        assert!(personal.contains(name), "{name} is not personal");
    }
}

/// Each pair breaks a rule at its member in both the request and the response.
#[test]
fn each_value_is_reported_at_its_member() {
    for pair in PAIRS {
        let pointer = format!("/{}", pair.member);
        for value in [pair.a, pair.b] {
            let body = request(pair, value);
            let report = check(body.as_bytes(), &ctx(false));
            assert!(!report.is_valid(), "{}: {value:?}", pair.member);
            assert!(
                report.violations().iter().any(|v| v.pointer() == pointer),
                "{}: {value:?}: {:?}",
                pair.member,
                report.violations()
            );
            let resp = response(pair, value);
            let resp = check_response(resp.as_bytes(), None, &ctx(false));
            if !pair.warning_only && !pair.cross {
                assert!(
                    resp.violations().iter().any(|v| v.pointer() == pointer),
                    "response {}: {value:?}: {:?}",
                    pair.member,
                    resp.violations()
                );
            }
        }
    }
}

#[test]
fn nothing_derived_from_a_personal_value_is_shown_by_default() {
    for pair in PAIRS {
        let (a, b) = (outputs(pair, pair.a, false), outputs(pair, pair.b, false));
        for ((format, a), (_, b)) in a.iter().zip(&b) {
            assert_eq!(a, b, "{} in {format} depends on the value", pair.member);
            assert!(
                !a.contains("did you mean"),
                "{} in {format}: {a}",
                pair.member
            );
        }
        let json = &a[0].1;
        assert!(!json.contains("\"value\""), "{}: {json}", pair.member);
        if pair.suggested {
            assert!(json.contains("withheld"), "{}: {json}", pair.member);
        }
    }
}

#[test]
fn the_caller_who_opts_in_sees_the_value_and_its_suggestion() {
    for pair in PAIRS {
        let (a, b) = (outputs(pair, pair.a, true), outputs(pair, pair.b, true));
        if !pair.cross {
            assert_ne!(a[0].1, b[0].1, "{}: json shows the value", pair.member);
            assert!(a[0].1.contains("\"value\""), "{}", pair.member);
        }
        if pair.suggested {
            for ((format, a), (_, b)) in a.iter().zip(&b) {
                assert_ne!(a, b, "{} in {format} shows no suggestion", pair.member);
                assert!(a.contains("did you mean"), "{} in {format}", pair.member);
            }
        }
    }
}

/// A parameter a personal finding withholds is its suggestion; any other parameter a rule gives
/// a personal member is declared free of the value (`VALUE_FREE_PARAMS`), or it would vanish
/// from reports without the message saying so.
#[test]
fn only_suggestions_are_withheld_from_params() {
    for pair in PAIRS {
        for value in [pair.a, pair.b] {
            let body = request(pair, value);
            let hidden = check(body.as_bytes(), &ctx(false));
            let shown = check(body.as_bytes(), &ctx(true));
            for (h, s) in hidden.violations().iter().zip(shown.violations()) {
                let (sp, hp) = (s.params(), h.params());
                let mut gone: Vec<&String> = sp.keys().filter(|k| !hp.contains_key(*k)).collect();
                gone.retain(|k| *k != "suggestion");
                assert!(gone.is_empty(), "{}: {gone:?} withheld", h.pointer());
            }
        }
    }
}

/// JSON Lines, through the real binary: one line per body, the two values of a pair alike
/// unless `--show-values`.
#[test]
fn json_lines_withhold_them_too() {
    let mut input = String::new();
    for pair in PAIRS {
        for value in [pair.a, pair.b] {
            input.push_str(&request(pair, value));
            input.push('\n');
        }
    }
    let lines = |show: bool| {
        let mut args = vec!["check", "--today", TODAY, "--jsonl", "-"];
        if show {
            args.insert(1, "--show-values");
        }
        let out = run(&args, Some(input.as_bytes()));
        assert_eq!(out.code, 1, "{}", out.stderr);
        out.stdout
            .lines()
            .map(|l| {
                // Each line names its input line; that is not the value.
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.remove("line");
                }
                v.to_string()
            })
            .collect::<Vec<_>>()
    };
    let (hidden, shown) = (lines(false), lines(true));
    assert!(hidden.len() > PAIRS.len() * 2, "{hidden:?}");
    for (i, pair) in PAIRS.iter().enumerate() {
        assert_eq!(hidden[2 * i], hidden[2 * i + 1], "{}", pair.member);
        assert!(!hidden[2 * i].contains("did you mean"), "{}", pair.member);
        if !pair.cross {
            assert_ne!(shown[2 * i], shown[2 * i + 1], "{}", pair.member);
        }
    }
}

/// That only the case of a personal value is wrong (`m` for `M`) tells the value: by default a
/// wrong `sex` never says that only its case is wrong, and with `show_values` it does.
#[test]
fn a_case_only_mistake_is_not_told_apart_by_default() {
    let report = |v: &str, show: bool| {
        let body = serde_json::json!({"clientId": "c", "sex": v}).to_string();
        let r = check(body.as_bytes(), &ctx(show));
        let at_sex: Vec<_> = r
            .violations()
            .iter()
            .filter(|v| v.pointer() == "/sex")
            .map(|v| (v.message(), v.params()))
            .collect();
        at_sex
    };
    assert!(!report("m", false)[0].0.contains("case-sensitive"));
    assert!(report("m", true)[0].0.contains("case-sensitive"));
    assert_ne!(report("m", true), report("X", true));
}
