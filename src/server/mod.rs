//! For services that receive Generate token bodies (feature `server`): a tower
//! [`Layer`](tower::Layer) that checks the token route's body with an [`Engine`] and answers an
//! invalid one with 400 as iDenfy does, and an axum extractor, [`Checked`], of the checked, typed
//! request.
//!
//! `idenfy-preflight serve` is built on both. The library's checks stay pure: this module is
//! the edge that reads the body and, unless a date is pinned, the clock.
//!
//! ```
//! use axum::{routing::post, Json, Router};
//! use idenfy_preflight::server::{Checked, Preflight};
//! use idenfy_preflight::Engine;
//!
//! // A gateway in front of iDenfy: bodies the engine refuses never reach the handler.
//! async fn create(checked: Checked) -> Json<serde_json::Value> {
//!     // The normalized body, ready to forward; `checked.typed()` is the typed request.
//!     Json(checked.request().to_serde_value())
//! }
//!
//! let preflight = Preflight::new(Engine::default());
//! let app: Router = Router::new()
//!     .route("/api/v2/token", post(create))
//!     .layer(preflight.clone())
//!     .with_state(preflight);
//! ```

mod body;
mod extract;
mod layer;

pub use extract::Checked;
pub use layer::PreflightService;

use crate::interop::{
    idenfy_error, problem_details, unsupported_media_type, warnings_header, IdenfyError,
    PROBLEM_JSON, TOKEN_PATH, WARNINGS_HEADER,
};
use crate::{Context, Date, Engine, Report};
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// What the layer and the extractor check with: the engine (the account), the per-call context
/// they start from, and the path of the token route. Cheap to clone.
///
/// ```
/// use idenfy_preflight::server::Preflight;
/// use idenfy_preflight::{Context, Date, Engine, Month};
///
/// let today = Date::from_calendar_date(2026, Month::November, 25)?;
/// let preflight = Preflight::new(Engine::default()).today(today);
/// assert_eq!(preflight.context().today, Some(today));
/// # Ok::<(), idenfy_preflight::time::error::ComponentRange>(())
/// ```
#[derive(Clone, Debug)]
pub struct Preflight {
    engine: Arc<Engine>,
    ctx: Context,
    clock: bool,
    path: Arc<str>,
    settings: bool,
}

impl Preflight {
    /// Checks with `engine`, today's date read from the clock (UTC) at each request, the
    /// default limits, values withheld, on [`TOKEN_PATH`].
    pub fn new(engine: impl Into<Arc<Engine>>) -> Self {
        Preflight {
            engine: engine.into(),
            ctx: Context::new(),
            clock: true,
            path: TOKEN_PATH.into(),
            settings: false,
        }
    }

    /// Also resolves the settings the session runs with (as [`explain`](crate::explain) does),
    /// for [`Checked::settings`]: one check that also resolves, cheaper than checking and then
    /// explaining.
    pub fn with_settings(mut self) -> Self {
        self.settings = true;
        self
    }

    /// Pins today's date instead of reading the clock (reproducible answers).
    pub fn today(mut self, today: Date) -> Self {
        self.ctx.today = Some(today);
        self.clock = false;
        self
    }

    /// The context each request starts from: its limits (a body is read up to `max_bytes`
    /// and one more byte) and whether values are shown. Its date is used only when pinned
    /// with [`today`](Self::today).
    pub fn with_context(mut self, ctx: Context) -> Self {
        self.ctx = ctx;
        self
    }

    /// The route whose `POST` bodies the layer checks (default [`TOKEN_PATH`]).
    pub fn path(mut self, path: &str) -> Self {
        self.path = path.into();
        self
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The context of a request made now.
    pub fn context(&self) -> Context {
        let mut ctx = self.ctx.clone();
        if self.clock {
            ctx.today = Some(time::OffsetDateTime::now_utc().date());
        }
        ctx
    }

    /// Reads and checks a request's body: the checked request, or the answer to send.
    pub(crate) async fn check(&self, headers: &HeaderMap, body: Body) -> Result<Checked, Response> {
        if !is_json(headers) {
            return Err(unsupported_media_type().into_response());
        }
        let problem = wants_problem(headers);
        let ctx = self.context();
        let bytes = match body::read(body, ctx.limits.max_bytes).await {
            Ok(bytes) => bytes,
            Err(e) => return Err(unreadable(&e)),
        };
        let (report, settings) = if self.settings {
            self.engine.explain(&bytes, &ctx).into_parts()
        } else {
            (self.engine.check(&bytes, &ctx), Vec::new())
        };
        if report.is_valid() {
            Checked::new(report, settings).ok_or_else(|| {
                // A valid report always holds its request.
                internal().into_response()
            })
        } else {
            Err(invalid(&report, problem))
        }
    }
}

impl<S> tower::Layer<S> for Preflight {
    type Service = PreflightService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        PreflightService::new(self.clone(), inner)
    }
}

/// Whether the request says its body is JSON: `application/json` or a `+json` type, any
/// parameters; a request that names no type is read as JSON too (many clients omit it, and
/// the body decides).
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return true;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
        || essence.split_once('/').is_some_and(|(kind, sub)| {
            kind.eq_ignore_ascii_case("application")
                && sub.len() > 5
                && sub
                    .get(sub.len() - 5..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case("+json"))
        })
}

/// Whether the client asks for problem details: `application/problem+json` among the media
/// ranges of `Accept`, not refused with `q=0`.
fn wants_problem(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|range| {
            let mut parts = range.split(';').map(str::trim);
            let media = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q == 0.0))
            });
            media.eq_ignore_ascii_case(PROBLEM_JSON) && !refused
        })
}

/// iDenfy's error body with its status, and the headers that status needs: `Allow` for 405
/// (the token endpoint takes `POST`), `WWW-Authenticate` for 401 (HTTP Basic, as iDenfy).
impl IntoResponse for IdenfyError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut response = (status, axum::Json(&self)).into_response();
        let headers = response.headers_mut();
        if status == StatusCode::METHOD_NOT_ALLOWED {
            headers.insert(header::ALLOW, HeaderValue::from_static("POST"));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"iDenfy\""),
            );
        }
        response
    }
}

/// The warnings header of `violations`, if there are warnings among them.
pub(crate) fn warnings(violations: &[crate::Violation]) -> Option<HeaderValue> {
    warnings_header(violations).and_then(|w| HeaderValue::from_str(&w).ok())
}

/// The answer to an invalid body: iDenfy's error body, or problem details when asked for.
fn invalid(report: &Report<'_>, problem: bool) -> Response {
    let warnings = warnings(report.violations());
    let mut response = match (problem, problem_details(report)) {
        (true, Some(p)) => {
            let mut r = (StatusCode::BAD_REQUEST, axum::Json(p)).into_response();
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
            r
        }
        _ => match idenfy_error(report) {
            Some(e) => e.into_response(),
            None => internal().into_response(),
        },
    };
    if let Some(w) = warnings {
        response.headers_mut().insert(WARNINGS_HEADER, w);
    }
    response
}

/// A body that could not be read to its end (the client went away, or sent a broken chunk).
fn unreadable(e: &body::Unreadable) -> Response {
    IdenfyError {
        identifier: "JSON_ERROR",
        message: format!("The request body could not be read: {e}."),
        status: 400,
    }
    .into_response()
}

fn internal() -> IdenfyError {
    IdenfyError {
        identifier: "INTERNAL_ERROR",
        message: "The request could not be checked.".into(),
        status: 500,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(name: header::HeaderName, values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(
                name.clone(),
                HeaderValue::from_str(v).expect("a header value"),
            );
        }
        h
    }

    #[test]
    fn json_is_what_the_content_type_says_or_no_type_at_all() {
        for yes in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
        ] {
            assert!(is_json(&headers(header::CONTENT_TYPE, &[yes])), "{yes}");
        }
        assert!(is_json(&HeaderMap::new()));
        for no in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/+json",
            "application/jsonx",
            "multipart/form-data; boundary=x",
        ] {
            assert!(!is_json(&headers(header::CONTENT_TYPE, &[no])), "{no}");
        }
    }

    #[test]
    fn problem_details_are_sent_when_asked_for_and_not_refused() {
        assert!(wants_problem(&headers(
            header::ACCEPT,
            &["application/json, application/problem+json;q=0.5"]
        )));
        assert!(wants_problem(&headers(
            header::ACCEPT,
            &["text/html", "Application/Problem+JSON"]
        )));
        for no in [
            "application/json",
            "*/*",
            "application/problem+json;q=0",
            "application/problem+xml",
        ] {
            assert!(!wants_problem(&headers(header::ACCEPT, &[no])), "{no}");
        }
        assert!(!wants_problem(&HeaderMap::new()));
    }
}
