//! `serve`, the local stand-in for the token endpoint: the real binary on a free loopback port,
//! driven by a real HTTP client (ureq) and by raw sockets where a client misbehaves. Every
//! server is stopped when its test ends; every wait is bounded.

use crate::common::{BIN, TODAY};
use idenfy_preflight::{Context, Engine};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// `key:secret`, as HTTP Basic sends it.
const KEY_SECRET: &str = "Basic a2V5OnNlY3JldA==";
/// `other:pair`.
const OTHER_PAIR: &str = "Basic b3RoZXI6cGFpcg==";
/// `key:` (no secret).
const NO_SECRET: &str = "Basic a2V5Og==";

/// A running `serve`, stopped (killed) when dropped.
struct Server {
    child: Child,
    base: String,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    /// Starts `serve --port 0` with `args` and reads the address it prints.
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0", "--today", TODAY])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("serve prints its address within 20 s");
        let base = line.trim().to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{base:?}");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Server {
            child,
            base,
            stderr: rx,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn address(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    /// The log lines written so far (waiting up to a second for `at_least` of them).
    fn log(&self, at_least: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let end = Instant::now() + Duration::from_secs(1);
        while let Some(wait) = end.checked_duration_since(Instant::now()) {
            match self.stderr.recv_timeout(if lines.len() < at_least {
                wait
            } else {
                Duration::from_millis(50)
            }) {
                Ok(line) => lines.push(line),
                Err(_) => break,
            }
        }
        lines
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

/// Sends `body` with `method` to `path`, with `headers`.
fn send(server: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let request = headers.iter().fold(
        ureq::http::Request::builder()
            .method(method)
            .uri(server.url(path)),
        |r, (n, v)| r.header(*n, *v),
    );
    let request = request.body(body.to_vec()).expect("a request");
    let mut response = agent().run(request).expect("an answer");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    Answer {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

/// A token request with the credentials and a JSON body.
fn post(server: &Server, body: &str) -> Answer {
    send(
        server,
        "POST",
        "/api/v2/token",
        &[("authorization", KEY_SECRET), ("content-type", "application/json")],
        body.as_bytes(),
    )
}

fn docs_request() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/docs-request.json"))
        .expect("the docs' request")
}

fn today() -> Context {
    Context::new().with_today(idenfy_preflight::Date::from_calendar_date(
        2026,
        idenfy_preflight::Month::November,
        25,
    )
    .expect("a date"))
}

/// A valid body gets 201 with a fresh token, and the project's own response check accepts the
/// answer with the request it was given: no error, no warning.
#[test]
fn a_valid_request_gets_a_token_the_response_check_accepts() {
    let server = Server::start(&[]);
    for body in [
        docs_request(),
        r#"{"clientId": "c1"}"#.to_owned(),
        r#"{"clientId": "c1", "generateDigitString": true, "expiryTime": 600}"#.to_owned(),
    ] {
        let answer = post(&server, &body);
        assert_eq!(answer.status, 201, "{}", answer.body);
        let request = Engine::default().check_str(&body, &today());
        let request = request.request().expect("a valid request");
        let report = Engine::default().check_response_str(&answer.body, Some(request), &today());
        assert!(
            report.is_valid() && report.violations().is_empty(),
            "{body}\n{}\n{report:?}",
            answer.body
        );
        let token = answer.json();
        let auth = token["authToken"].as_str().expect("an authToken");
        assert_eq!(auth.len(), 40);
        assert!(auth.bytes().all(|b| b.is_ascii_alphanumeric()), "{auth}");
        assert_eq!(
            token["redirectUrl"],
            idenfy_preflight::response::redirect_url(auth)
        );
        assert_eq!(token["tokenType"], "IDENTIFICATION");
    }
    let digits = post(&server, r#"{"clientId": "c1", "generateDigitString": true}"#).json();
    let digits = digits["digitString"].as_str().expect("a digitString");
    assert!(digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()), "{digits}");
    assert!(post(&server, r#"{"clientId": "c1"}"#).json().get("digitString").is_none());
}

/// The echo is the normalized request with the session's settings filled in: the profile's
/// dashboard defaults with `--profile`.
#[test]
fn the_echo_is_normalized_and_carries_the_profiles_defaults() {
    let profile = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/profile.json");
    let server = Server::start(&["--profile", profile]);
    let body = r#"{"clientId": "c1", "firstName": "John", "lastName": "Smith", "expiryTime": 600}"#;
    let answer = post(&server, body);
    assert_eq!(answer.status, 201, "{}", answer.body);
    let token = answer.json();
    assert_eq!(token["firstName"], "JOHN");
    assert_eq!(token["locale"], "lt");
    assert_eq!(token["questionnaire"], "c8QgVx5xzspjVnQ4nJ7MCf");
    assert_eq!(token["expiryTime"], 600);
    // The profile's policy (acme.names) is the engine's: without the names, 400.
    let answer = post(&server, r#"{"clientId": "c1"}"#);
    assert_eq!(answer.status, 400, "{}", answer.body);
}

/// The same seed gives the same tokens in the same order; another seed, others.
#[test]
fn a_seed_makes_tokens_reproducible() {
    let tokens = |seed: &str| -> Vec<(Value, Value)> {
        let server = Server::start(&["--seed", seed, "--quiet"]);
        (0..3)
            .map(|_| {
                let t = post(&server, r#"{"clientId": "c1"}"#).json();
                (t["authToken"].clone(), t["scanRef"].clone())
            })
            .collect()
    };
    let (a, b, c) = (tokens("7"), tokens("7"), tokens("8"));
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_ne!(a[0], a[1]);
    let scan_ref = a[0].1.as_str().expect("a scanRef");
    let groups: Vec<usize> = scan_ref.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{scan_ref}");
}

/// Without valid Basic credentials: 401 with iDenfy's body, before the body is looked at.
#[test]
fn missing_or_wrong_credentials_get_401() {
    let any = Server::start(&[]);
    let pinned = Server::start(&["--api-key", "key:secret"]);
    let json = ("content-type", "application/json");
    for (server, auth, status) in [
        (&any, None, 401),
        (&any, Some(NO_SECRET), 401),
        (&any, Some("Bearer abc"), 401),
        (&any, Some(OTHER_PAIR), 201),
        (&pinned, Some(OTHER_PAIR), 401),
        (&pinned, Some(KEY_SECRET), 201),
    ] {
        let mut headers = vec![json];
        headers.extend(auth.map(|a| ("authorization", a)));
        let answer = send(server, "POST", "/api/v2/token", &headers, b"{\"country\": \"LTU\"}");
        let expected = if status == 401 { 401 } else { 400 };
        assert_eq!(answer.status, expected, "{auth:?}: {}", answer.body);
        if status == 401 {
            assert_eq!(answer.json()["identifier"], "UNAUTHORIZED");
            assert_eq!(answer.header("www-authenticate"), Some("Basic realm=\"iDenfy\""));
        }
    }
}

/// An invalid body: 400 with iDenfy's error body naming the most fundamental error, or problem
/// details with every violation for a client that asks for them; warnings in the header.
#[test]
fn an_invalid_body_gets_idenfys_error_body_or_problem_details() {
    let server = Server::start(&[]);
    let body = r#"{"country": "LTU", "callbackUrl": "http://example.com/hook", "clientId": "p", "firstNme": "x"}"#;
    let answer = post(&server, body);
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(answer.json()["identifier"], "BAD_VALUE");
    assert_eq!(answer.header("preflight-warnings"), Some("unknown_field #/firstNme"));
    let answer = send(
        &server,
        "POST",
        "/api/v2/token",
        &[
            ("authorization", KEY_SECRET),
            ("accept", "application/json, application/problem+json"),
        ],
        body.as_bytes(),
    );
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("content-type"), Some("application/problem+json"));
    let problem = answer.json();
    assert_eq!(
        crate::common::error_codes(&problem),
        ["invalid_country_code", "url_not_https"]
    );
    assert_eq!(problem["warnings"][0]["code"], "unknown_field");
    // Not JSON at all, and not UTF-8.
    assert_eq!(post(&server, "{").json()["identifier"], "JSON_ERROR");
    let answer = send(
        &server,
        "POST",
        "/api/v2/token",
        &[("authorization", KEY_SECRET)],
        b"{\"clientId\": \"\xff\"}",
    );
    assert_eq!(answer.json()["identifier"], "ENCODING_ERROR");
}

/// A valid body with warnings: 201, the warnings (codes and pointers only) in the header.
#[test]
fn warnings_come_in_a_header() {
    let server = Server::start(&[]);
    let answer = post(&server, r#"{"clientId": "p", "firstNme": "Secret", "extraThing": 1}"#);
    assert_eq!(answer.status, 201, "{}", answer.body);
    let header = answer.header("preflight-warnings").expect("the header");
    assert!(header.starts_with("unknown_field #/firstNme, "), "{header}");
    assert!(header.ends_with(" #/extraThing"), "{header}");
    assert!(!header.contains("Secret"), "{header}");
    assert!(post(&server, r#"{"clientId": "c"}"#).header("preflight-warnings").is_none());
}

/// Another content type, method or path gets the answer iDenfy's list has for it.
#[test]
fn other_content_types_methods_and_paths_are_answered() {
    let server = Server::start(&[]);
    let auth = ("authorization", KEY_SECRET);
    let text = send(&server, "POST", "/api/v2/token", &[auth, ("content-type", "text/plain")], b"{}");
    assert_eq!(text.status, 415);
    assert_eq!(text.json()["identifier"], "VALIDATION_ERROR");
    let get = send(&server, "GET", "/api/v2/token", &[auth], b"");
    assert_eq!(get.status, 405);
    assert_eq!(get.header("allow"), Some("POST"));
    assert_eq!(get.json()["identifier"], "METHOD_NOT_ALLOWED");
    let other = send(&server, "POST", "/api/v2/other", &[auth], b"{}");
    assert_eq!(other.status, 404);
    // No content type at all: read as JSON.
    let untyped = send(&server, "POST", "/api/v2/token", &[auth], br#"{"clientId": "c"}"#);
    assert_eq!(untyped.status, 201, "{}", untyped.body);
}

/// A body over 1 MiB is refused as the engine refuses it, after reading no more than 1 MiB and
/// a byte of it.
#[test]
fn a_body_over_the_limit_is_refused() {
    let server = Server::start(&[]);
    let mut body = br#"{"clientId": "c", "x": ""#.to_vec();
    body.resize(2 << 20, b'a');
    body.extend_from_slice(b"\"}");
    let answer = send(
        &server,
        "POST",
        "/api/v2/token",
        &[("authorization", KEY_SECRET), ("content-type", "application/json")],
        &body,
    );
    assert_eq!(answer.status, 400);
    let error = answer.json();
    assert_eq!(error["identifier"], "JSON_ERROR");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("1048576")), "{error}");
}

/// A client that stalls in its body gets 408 after `--timeout`, and holds up no other client
/// meanwhile.
#[test]
fn a_stalled_client_gets_408_and_holds_up_no_one() {
    let server = Server::start(&["--timeout", "1"]);
    let mut stalled = TcpStream::connect(server.address()).expect("connect");
    stalled
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    write!(
        stalled,
        "POST /api/v2/token HTTP/1.1\r\nHost: x\r\nAuthorization: {KEY_SECRET}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"clientId\""
    )
    .expect("write");
    let started = Instant::now();
    let answer = post(&server, r#"{"clientId": "c"}"#);
    assert_eq!(answer.status, 201);
    assert!(started.elapsed() < Duration::from_millis(900), "{:?}", started.elapsed());
    let mut text = String::new();
    let _ = stalled.read_to_string(&mut text);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

/// One log line per request, with no part of the body.
#[test]
fn each_request_is_logged_without_personal_data() {
    let server = Server::start(&[]);
    post(&server, r#"{"clientId": "c1", "firstName": "Zebedee"}"#);
    post(&server, r#"{"clientId": "c1", "firstName": "Zebedee1"}"#);
    let log = server.log(2);
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(log[0].starts_with("POST /api/v2/token 201 "), "{log:?}");
    assert!(log[1].starts_with("POST /api/v2/token 400 "), "{log:?}");
    assert!(log.iter().all(|l| !l.contains("Zebedee") && !l.contains("c1")), "{log:?}");
}

/// SIGTERM stops the server cleanly (exit 0); a second one can bind at once, and `--port`
/// taken is a usage error.
#[cfg(unix)]
#[test]
fn sigterm_shuts_down_cleanly() {
    let mut server = Server::start(&["--quiet"]);
    assert_eq!(post(&server, r#"{"clientId": "c"}"#).status, 201);
    let port = server.address().rsplit(':').next().expect("a port").to_owned();
    let taken = crate::common::run(&["serve", "--port", &port], None);
    assert_eq!(taken.code, 2, "{}", taken.stderr);
    assert!(taken.stderr.contains("cannot listen"), "{}", taken.stderr);
    let pid = server.child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().expect("kill");
    assert!(killed.success());
    let end = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < end, "serve did not stop within 10 s");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
}

/// The layer and the extractor in a service of one's own, in process.
mod in_a_service {
    use axum::body::{to_bytes, Body};
    use axum::http::{Request, StatusCode};
    use axum::routing::post;
    use axum::Router;
    use idenfy_preflight::server::{Checked, Preflight};
    use idenfy_preflight::Engine;
    use tower::ServiceExt;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(f)
    }

    /// Sends `body` to `path` of `app`: the status and the answer's body.
    fn call(app: &Router, path: &str, body: &str) -> (StatusCode, String) {
        block_on(async {
            let request = Request::post(path)
                .header("content-type", "application/json")
                .body(Body::from(body.to_owned()))
                .expect("a request");
            let response = app.clone().oneshot(request).await.expect("infallible");
            let status = response.status();
            let bytes = to_bytes(response.into_body(), 1 << 20).await.expect("a body");
            (status, String::from_utf8_lossy(&bytes).into_owned())
        })
    }

    fn preflight() -> Preflight {
        Preflight::new(Engine::default())
    }

    /// Behind the layer, the handler sees only valid bodies: the typed request through the
    /// extractor, or the normalized body as the body. Other routes pass through.
    #[test]
    fn the_layer_hands_on_only_valid_bodies_normalized() {
        let app = Router::new()
            .route(
                "/api/v2/token",
                post(|checked: Checked| async move {
                    let typed = checked.typed().expect("a typed request");
                    format!("{} {:?}", typed.client_id, typed.first_name)
                }),
            )
            .route("/raw", post(|body: String| async move { body }))
            .layer(preflight().path("/raw"))
            .layer(preflight())
            .with_state(preflight());
        let (status, body) = call(&app, "/api/v2/token", r#"{"clientId": "c1", "firstName": " john "}"#);
        assert_eq!((status, body.as_str()), (StatusCode::OK, r#"c1 Some("JOHN")"#));
        let (status, body) = call(&app, "/raw", r#"{"clientId": "c1", "nationality": "lt"}"#);
        assert_eq!((status, body.as_str()), (StatusCode::OK, r#"{"clientId":"c1","nationality":"LT"}"#));
        let (status, body) = call(&app, "/api/v2/token", r#"{"clientId": "c1", "sex": "X"}"#);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains(r#""identifier":"BAD_VALUE""#), "{body}");
        let (status, body) = call(&app, "/raw", "{");
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("JSON_ERROR"), "{body}");
    }

    /// The settings the session runs with come along only when asked for.
    #[test]
    fn settings_come_with_the_checked_request_when_asked_for() {
        for (preflight, expected) in [(preflight(), "unknown"), (preflight().with_settings(), "86400")] {
            let app = Router::new()
                .route(
                    "/api/v2/token",
                    post(|checked: Checked| async move {
                        let expiry = checked
                            .settings()
                            .iter()
                            .find(|s| s.member == "expiryTime")
                            .and_then(|s| s.value.clone());
                        expiry.map_or("unknown".to_owned(), |v| v.to_string())
                    }),
                )
                .with_state(preflight);
            let (status, body) = call(&app, "/api/v2/token", r#"{"clientId": "c1"}"#);
            assert_eq!((status, body.as_str()), (StatusCode::OK, expected));
        }
    }

    /// Without the layer, the extractor checks with the router's state.
    #[test]
    fn the_extractor_checks_on_its_own() {
        // An integer past 64 bits is valid (a warning) though no typed request holds it.
        let wide = Router::new()
            .route(
                "/token",
                post(|checked: Checked| async move { format!("{}", checked.typed().is_none()) }),
            )
            .with_state(preflight());
        assert_eq!(
            call(&wide, "/token", r#"{"clientId": "c1", "ageLimit": 18446744073709551616}"#),
            (StatusCode::OK, "true".to_owned())
        );
        let app = Router::new()
            .route(
                "/token",
                post(|checked: Checked| async move { checked.request().to_json_string() }),
            )
            .with_state(preflight());
        assert_eq!(
            call(&app, "/token", r#"{"clientId": "c1", "country": "lt"}"#),
            (StatusCode::OK, r#"{"clientId":"c1","country":"LT"}"#.to_owned())
        );
        let (status, body) = call(&app, "/token", r#"{"country": "LTU"}"#);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains("MISSING_VALUE"), "{body}");
    }
}
