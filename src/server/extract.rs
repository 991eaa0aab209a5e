//! The checked request, as an axum extractor.

use super::Preflight;
use crate::{Report, Setting, TokenRequest, ValidRequest, Violation};
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
    /// Built on first use: a service that forwards the body never pays for it.
    typed: std::sync::OnceLock<Option<TokenRequest>>,
    warnings: Vec<Violation>,
    settings: Vec<Setting>,
}

impl Checked {
    /// The checked request of a valid report; `None` for an invalid one.
    pub(crate) fn new(report: Report<'_>, settings: Vec<Setting>) -> Option<Self> {
        let warnings = report.warnings().cloned().collect();
        let request = report.into_result().ok()?.into_owned();
        Some(Checked {
            request,
            typed: std::sync::OnceLock::new(),
            warnings,
            settings,
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
        self.typed
            .get_or_init(|| TokenRequest::try_from(&self.request).ok())
            .as_ref()
    }

    /// The warnings the check found (the request is sent with them).
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// Every setting the session runs with, in catalogue order, as [`explain`](crate::explain)
    /// gives them; empty unless the [`Preflight`] was built
    /// [`with_settings`](Preflight::with_settings).
    pub fn settings(&self) -> &[Setting] {
        &self.settings
    }

    /// The typed request, owned (see [`typed`](Self::typed)).
    pub fn into_typed(self) -> Option<TokenRequest> {
        match self.typed.into_inner() {
            Some(typed) => typed,
            None => TokenRequest::try_from(&self.request).ok(),
        }
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
