//! The checked request, as an axum extractor.

use super::Preflight;
use crate::{Report, TokenRequest, ValidRequest, Violation};
use axum::extract::{FromRef, FromRequest, Request};
use axum::response::Response;

/// A body the engine found valid: the normalized request to send, the same as a typed
/// [`TokenRequest`] (where it can hold it), and the warnings.
///
/// As an extractor it takes what the [`Preflight`] layer checked, or checks the body itself with
/// the router's `Preflight` state; an invalid body is answered with 400 as iDenfy does (iDenfy's
/// error body, or problem details for a client that asks for `application/problem+json`).
///
/// ```
/// use axum::{routing::post, Router};
/// use idenfy_preflight::server::{Checked, Preflight};
/// use idenfy_preflight::Engine;
///
/// async fn create(checked: Checked) -> String {
///     format!("{} warnings", checked.warnings().len())
/// }
///
/// // Without the layer, the extractor checks with the state's engine.
/// let app: Router = Router::new()
///     .route("/api/v2/token", post(create))
///     .with_state(Preflight::new(Engine::default()));
/// ```
#[derive(Clone, Debug)]
pub struct Checked {
    request: ValidRequest<'static>,
    typed: Option<TokenRequest>,
    warnings: Vec<Violation>,
}

impl Checked {
    /// The checked request of a valid report; `None` for an invalid one.
    pub(crate) fn new(report: Report<'_>) -> Option<Self> {
        let warnings = report.warnings().cloned().collect();
        let request = report.into_result().ok()?.into_owned();
        let typed = TokenRequest::try_from(&request).ok();
        Some(Checked {
            request,
            typed,
            warnings,
        })
    }

    /// The normalized request: the exact body to send.
    pub fn request(&self) -> &ValidRequest<'static> {
        &self.request
    }

    /// The normalized request as a typed value; `None` only where an integer member holds a
    /// number past 64 bits (valid, with the warning `integer_written_as_float`: the request
    /// keeps it as written, which no integer type holds).
    pub fn typed(&self) -> Option<&TokenRequest> {
        self.typed.as_ref()
    }

    /// The warnings the check found (the request is sent with them).
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// The typed request, owned (see [`typed`](Self::typed)).
    pub fn into_typed(self) -> Option<TokenRequest> {
        self.typed
    }
}

impl<S> FromRequest<S> for Checked
where
    S: Send + Sync,
    Preflight: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request(mut request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(checked) = request.extensions_mut().remove::<Checked>() {
            return Ok(checked);
        }
        let (parts, body) = request.into_parts();
        Preflight::from_ref(state).check(&parts.headers, body).await
    }
}
