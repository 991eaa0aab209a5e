//! A gateway in front of iDenfy's token endpoint, built on the `server` feature: the
//! [`Preflight`] layer answers an invalid body with 400 as iDenfy would (so it never costs a
//! credit), and the handler forwards the normalized body of a valid one upstream with the
//! caller's credentials, passing iDenfy's answer back with the warnings header added.
//!
//! ```sh
//! idenfy-preflight serve --port 8080 &          # a stand-in for iDenfy, or use the real one
//! cargo run --example gateway -- http://127.0.0.1:8080 3000
//! curl -u key:secret -H 'content-type: application/json' \
//!      -d '{"clientId": "c1", "firstName": "john"}' http://127.0.0.1:3000/api/v2/token
//! ```

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use idenfy_preflight::interop::TOKEN_PATH;
use idenfy_preflight::server::{Checked, Preflight};
use idenfy_preflight::Engine;
use std::sync::Arc;

/// The gateway's state: the checks, and where valid bodies go (`https://ivs.idenfy.com` in
/// production).
#[derive(Clone)]
struct Gateway {
    preflight: Preflight,
    upstream: Arc<str>,
}

/// What the extractor checks with, where the layer has not already.
impl axum::extract::FromRef<Gateway> for Preflight {
    fn from_ref(gateway: &Gateway) -> Preflight {
        gateway.preflight.clone()
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let upstream = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8080".into());
    let port: u16 = args.next().map_or(Ok(3000), |p| p.parse())?;
    // The account's engine, built once: a partner profile would go here
    // (`Engine::builder().profile_file(..)`).
    let preflight = Preflight::new(Engine::default());
    let gateway = Gateway {
        preflight: preflight.clone(),
        upstream: upstream.as_str().into(),
    };
    let app = Router::new()
        .route(TOKEN_PATH, post(forward))
        .layer(preflight)
        .with_state(gateway);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("gateway on http://{} -> {upstream}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// Forwards the checked request (its normalized body, the exact one to send) upstream.
async fn forward(
    axum::extract::State(gateway): axum::extract::State<Gateway>,
    headers: HeaderMap,
    checked: Checked,
) -> Response {
    let body = checked.request().to_json_string();
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let url = format!("{}{TOKEN_PATH}", gateway.upstream);
    // ureq blocks: it runs on the blocking pool, not on the server's threads.
    let sent = tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = agent.post(&url).content_type("application/json");
        if let Some(auth) = auth {
            request = request.header("authorization", &auth);
        }
        let mut response = request.send(body)?;
        let status = response.status().as_u16();
        Ok::<_, ureq::Error>((status, response.body_mut().read_to_string()?))
    })
    .await;
    match sent {
        Ok(Ok((status, body))) => (
            StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY),
            [("content-type", "application/json")],
            body,
        )
            .into_response(),
        _ => (StatusCode::BAD_GATEWAY, "upstream unreachable").into_response(),
    }
}
