//! A service's use of the library, as a downstream crate writes it (only the public API; `cargo
//! test` compiles it, `cargo run --example service` runs it): a handler that takes a body from
//! its own client, checks it, and either forwards the normalized request to iDenfy or answers
//! 400 with problem details; and a typed request built in code, checked with `?`.

use idenfy_preflight::interop::{problem_details, PROBLEM_JSON};
use idenfy_preflight::time::OffsetDateTime;
use idenfy_preflight::{check, Context, Sex, TokenRequest};

/// What the handler answers: the body it sends on to iDenfy, or the one it returns to its client.
#[derive(Debug, PartialEq)]
enum Answer {
    Forward(String),
    BadRequest {
        content_type: &'static str,
        body: String,
    },
}

fn handle(body: &[u8], ctx: &Context) -> Answer {
    match check(body, ctx).into_result() {
        Ok(request) => Answer::Forward(request.to_json_string()),
        Err(report) => Answer::BadRequest {
            content_type: PROBLEM_JSON,
            body: serde_json::to_string(&problem_details(&report)).unwrap_or_default(),
        },
    }
}

/// Building the request in code: a mistake comes back as an error `?` can carry.
fn onboarding_request(client: &str, sex: &str) -> anyhow::Result<String> {
    let request = TokenRequest {
        sex: Some(sex.parse::<Sex>()?),
        locale: Some("en".into()),
        ..TokenRequest::new(client)
    };
    Ok(request
        .check(&Context::new())
        .into_result()?
        .to_json_string())
}

fn main() -> anyhow::Result<()> {
    // The service reads the clock; the library never does.
    let ctx = Context::new().with_today(OffsetDateTime::now_utc().date());
    let good = handle(
        br#"{"clientId": "c-42", "firstName": " ada ", "nationality": "lt"}"#,
        &ctx,
    );
    println!("{good:?}");
    let bad = handle(
        br#"{"clientId": "c-42", "callbackUrl": "http://example.com"}"#,
        &ctx,
    );
    println!("{bad:?}");
    println!("{}", onboarding_request("c-42", "F")?);
    if let Err(e) = onboarding_request("", "F") {
        println!("refused:\n{e}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwards_valid_and_refuses_invalid() {
        let ctx = Context::new();
        assert_eq!(
            handle(br#"{"clientId": "c1", "firstName": "ada"}"#, &ctx),
            Answer::Forward(r#"{"clientId":"c1","firstName":"ADA"}"#.into())
        );
        let Answer::BadRequest { content_type, body } = handle(br#"{"sex": "X"}"#, &ctx) else {
            panic!("invalid")
        };
        assert_eq!(content_type, "application/problem+json");
        assert!(body.contains("missing_required") && body.contains("invalid_value"));
        assert!(onboarding_request("c1", "X").is_err());
        assert!(onboarding_request("", "F")
            .unwrap_err()
            .to_string()
            .contains("/clientId"));
    }
}
