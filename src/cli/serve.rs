//! `serve`: a local stand-in for the token endpoint. It answers like iDenfy (401 without
//! credentials, 400 with iDenfy's error body, 201 with a token) with the same engine as
//! `check`, on loopback only. Built on the library's `server` layer and extractor.

use super::output::{complain, Output};
use super::{ContextArgs, Form, Status};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use base64::Engine as _;
use idenfy_preflight::interop::{
    method_not_allowed, unauthorized, IdenfyError, TOKEN_PATH, WARNINGS_HEADER,
};
use idenfy_preflight::response::{redirect_url, DIGIT_STRING_LENGTH};
use idenfy_preflight::server::{Checked, Preflight};
use idenfy_preflight::DEFAULT_EXPIRY_TIME;
use rand::{Rng, SeedableRng};
use serde_json::{Map, Value};
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight serve --port 8080
  idenfy-preflight serve --port 0 --seed 1 --today 2026-11-25 --api-key key:secret
  idenfy-preflight serve --profile profile.json

Answers POST /api/v2/token like iDenfy: 401 with iDenfy's error body without valid HTTP Basic
credentials; 400 with iDenfy's error body for an invalid body (problem details for a client that
accepts application/problem+json); 201 with authToken, scanRef, redirectUrl and the normalized
request echoed with the settings the session runs with (a profile's defaults with --profile).
Warnings come in the preflight-warnings header. 415 for a body not sent as JSON, 405 for another
method, 404 for another path, 408 for a client slower than --timeout.

Listens on 127.0.0.1 only and prints its address (http://127.0.0.1:PORT) on standard output; one
line per request on standard error (method, path, status, time, warning count: no body, no
value). Stops on Ctrl-C or SIGTERM, letting requests in flight finish.

Exit status: 0 after a clean shutdown, 2 on usage errors, an unreadable profile or a port that
cannot be bound.")]
pub(crate) struct Args {
    /// The port on 127.0.0.1 to listen on; 0 picks a free one (the address is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Accept only these credentials, the API key and secret as KEY:SECRET (default: any pair
    /// with a non-empty key and secret).
    #[arg(long, value_name = "KEY:SECRET", value_parser = parse_key)]
    api_key: Option<ApiKey>,
    /// Make authToken, scanRef and digitString reproducible: the nth request answered gets the
    /// same values for the same seed (default: a seed drawn at start).
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Seconds a client has for a request, headers and body; a slower one gets 408.
    #[arg(long, value_name = "SECONDS", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// No log line per request.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    context: ContextArgs,
}

/// The one pair of credentials `--api-key` accepts.
#[derive(Clone)]
struct ApiKey {
    key: String,
    secret: String,
}

fn parse_key(s: &str) -> Result<ApiKey, String> {
    match s.split_once(':') {
        Some((key, secret)) if !key.is_empty() && !secret.is_empty() => Ok(ApiKey {
            key: key.into(),
            secret: secret.into(),
        }),
        _ => Err("expected KEY:SECRET, both non-empty".into()),
    }
}

/// What every request reads.
struct StandIn {
    preflight: Preflight,
    api_key: Option<ApiKey>,
    seed: u64,
    answered: AtomicU64,
    timeout: Duration,
    quiet: bool,
}

/// The router's state: the stand-in, shared by every request.
#[derive(Clone)]
struct Shared(Arc<StandIn>);

impl std::ops::Deref for Shared {
    type Target = StandIn;

    fn deref(&self) -> &StandIn {
        &self.0
    }
}

/// The extractor checks with the stand-in's engine where the layer has not.
impl axum::extract::FromRef<Shared> for Preflight {
    fn from_ref(stand: &Shared) -> Preflight {
        stand.preflight.clone()
    }
}

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let (engine, ctx) = match args.context.engine(out, Form::Human) {
        Ok(setup) => setup,
        Err(status) => return status,
    };
    let mut preflight = Preflight::new(engine).with_context(ctx).with_settings();
    if let Some(today) = args.context.today {
        preflight = preflight.today(today);
    }
    let stand = Shared(Arc::new(StandIn {
        preflight,
        api_key: args.api_key,
        seed: args.seed.unwrap_or_else(rand::random),
        answered: AtomicU64::new(0),
        timeout: Duration::from_secs(args.timeout),
        quiet: args.quiet,
    }));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            complain(&format!("cannot start the server: {e}"));
            return Status::Trouble;
        }
    };
    runtime.block_on(serve(stand, args.port, out))
}

/// The routes: the token endpoint behind the credentials check, the method check and the
/// preflight layer; a log line around everything.
fn app(stand: Shared) -> Router {
    let token = post(create_token)
        .fallback(|| async { method_not_allowed().into_response() })
        .layer(stand.preflight.clone())
        .layer(middleware::from_fn_with_state(stand.clone(), credentials));
    Router::new()
        .route(TOKEN_PATH, token)
        .fallback(|| async { not_found().into_response() })
        .layer(middleware::from_fn_with_state(stand.clone(), deadline))
        .layer(middleware::from_fn_with_state(stand.clone(), log))
        .with_state(stand)
}

async fn serve(stand: Shared, port: u16, out: &Output) -> Status {
    let listener = match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await {
        Ok(l) => l,
        Err(e) => {
            complain(&format!("cannot listen on 127.0.0.1:{port}: {e}"));
            return Status::Trouble;
        }
    };
    let address = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            complain(&format!("cannot read the bound address: {e}"));
            return Status::Trouble;
        }
    };
    if out.emit(&format!("http://{address}\n"), Status::Valid) != Status::Valid {
        return Status::Trouble;
    }
    accept(listener, app(stand.clone()), stand.timeout).await;
    Status::Valid
}

/// Serves each connection in a task of its own (a slow client holds up no other), with a
/// deadline for its request headers, until a signal; then lets the requests in flight finish
/// (for at most the request deadline).
async fn accept(listener: tokio::net::TcpListener, app: Router, timeout: Duration) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    // Out of file descriptors, most likely: wait for some to close.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(timeout)
                    .serve_connection(TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    // A client that goes away is no error of the server's.
                    let _ = connection.await;
                });
            }
            () = &mut stop => break,
        }
    }
    drop(listener);
    complain("shutting down: finishing the requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(timeout) => {}
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

fn not_found() -> IdenfyError {
    IdenfyError {
        identifier: "NOT_FOUND",
        message: format!("Not found: this stand-in serves POST {TOKEN_PATH}."),
        status: 404,
    }
}

/// HTTP Basic credentials: the API key and secret, both non-empty (and the pinned pair, with
/// `--api-key`).
async fn credentials(State(stand): State<Shared>, request: Request, next: Next) -> Response {
    match basic(request.headers()) {
        Some((key, secret))
            if stand
                .api_key
                .as_ref()
                .is_none_or(|k| k.key == key && k.secret == secret) =>
        {
            next.run(request).await
        }
        _ => unauthorized().into_response(),
    }
}

/// The key and secret of an `Authorization: Basic` header, both non-empty.
fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (key, secret) = text.split_once(':')?;
    (!key.is_empty() && !secret.is_empty()).then(|| (key.to_owned(), secret.to_owned()))
}

/// A request not answered within `--timeout` (a client sending its body slowly, or not at all)
/// gets 408.
async fn deadline(State(stand): State<Shared>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(stand.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response = IdenfyError {
                identifier: "VALIDATION_ERROR",
                message: "Request timeout: the request did not arrive in time.".into(),
                status: 408,
            }
            .into_response();
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

/// One line per request on standard error: method, path, status, time and the number of
/// warnings. Nothing of the body, the query or the credentials.
async fn log(State(stand): State<Shared>, request: Request, next: Next) -> Response {
    if stand.quiet {
        return next.run(request).await;
    }
    let start = Instant::now();
    let method = request.method().clone();
    let path: String = request.uri().path().chars().take(200).collect();
    let response = next.run(request).await;
    let warnings = response
        .headers()
        .get(WARNINGS_HEADER)
        .and_then(|v| v.to_str().ok())
        .map_or(0, |v| v.split(", ").count());
    eprintln!(
        "{method} {} {} {:.2} ms, {warnings} warning(s)",
        idenfy_preflight::render::escape_text(&path),
        response.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0,
    );
    response
}

/// 201: a fresh token for the checked request, the request echoed as the session will run with
/// it (its members as normalized, then every setting the request leaves to a default).
async fn create_token(State(stand): State<Shared>, checked: Checked) -> Response {
    let n = stand.answered.fetch_add(1, Ordering::Relaxed);
    let mut rng = rand::rngs::StdRng::seed_from_u64(stand.seed.wrapping_add(n));
    let token: String = (0..40)
        .map(|_| char::from(rng.sample(rand::distr::Alphanumeric)))
        .collect();
    let scan_ref = uuid::Builder::from_random_bytes(rng.random()).into_uuid();
    let mut body = Map::new();
    body.insert("message".into(), "Token created successfully".into());
    body.insert("authToken".into(), token.clone().into());
    body.insert("scanRef".into(), scan_ref.to_string().into());
    body.insert("redirectUrl".into(), redirect_url(&token).into());
    if let Value::Object(members) = checked.request().to_serde_value() {
        body.extend(members);
    }
    // A setting nobody here knows (no profile presets it) runs with the API's documented
    // default: this account has no dashboard to preset another. An empty list (no country
    // chosen) is no setting to echo.
    for setting in checked.settings() {
        match setting.value.as_ref().or(setting.api_default.as_ref()) {
            Some(Value::Array(items)) if items.is_empty() => {}
            Some(value) => {
                body.entry(setting.member).or_insert_with(|| value.clone());
            }
            None => {}
        }
    }
    body.entry("expiryTime")
        .or_insert_with(|| DEFAULT_EXPIRY_TIME.into());
    if body.get("generateDigitString") == Some(&Value::Bool(true)) {
        let digits: String = (0..DIGIT_STRING_LENGTH)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        body.insert("digitString".into(), digits.into());
    }
    (StatusCode::CREATED, axum::Json(Value::Object(body))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("a header value"),
        );
        h
    }

    #[test]
    fn basic_credentials_need_a_key_and_a_secret() {
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        assert_eq!(
            basic(&auth(&format!("Basic {}", b64("key:se:cret")))),
            Some(("key".into(), "se:cret".into()))
        );
        assert!(basic(&auth(&format!("basic {}", b64("k:s")))).is_some());
        for bad in [
            format!("Basic {}", b64(":secret")),
            format!("Basic {}", b64("key:")),
            format!("Basic {}", b64("keysecret")),
            format!("Bearer {}", b64("k:s")),
            "Basic !!!".to_owned(),
            "Basic".to_owned(),
        ] {
            assert_eq!(basic(&auth(&bad)), None, "{bad}");
        }
        assert_eq!(basic(&HeaderMap::new()), None);
    }

    #[test]
    fn the_api_key_is_a_non_empty_pair() {
        assert!(parse_key("k:s").is_ok());
        assert!(parse_key("k:s:t").is_ok_and(|k| k.secret == "s:t"));
        for bad in ["k", ":s", "k:", ""] {
            assert!(parse_key(bad).is_err(), "{bad}");
        }
    }
}
