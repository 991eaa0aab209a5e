//! The tower service the [`Preflight`] layer wraps a route's service in.

use super::{warnings, Preflight};
use crate::interop::WARNINGS_HEADER;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request};
use axum::response::Response;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The [`Preflight`] layer's service: a `POST` to the token path is checked before `inner`
/// sees it. An invalid body is answered here with 400; a valid one reaches `inner` with its
/// body replaced by the normalized request and the [`Checked`](super::Checked) request in its extensions, and
/// the answer gets the warnings header. Every other request passes through untouched.
#[derive(Clone, Debug)]
pub struct PreflightService<S> {
    preflight: Preflight,
    inner: S,
}

impl<S> PreflightService<S> {
    pub(crate) fn new(preflight: Preflight, inner: S) -> Self {
        PreflightService { preflight, inner }
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S> tower::Service<Request<Body>> for PreflightService<S>
where
    S: tower::Service<Request<Body>, Response = Response> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = BoxFuture<Result<Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        // The service that was polled ready answers this call; its clone waits for the next.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        if request.method() != Method::POST || request.uri().path() != &*self.preflight.path {
            return Box::pin(inner.call(request));
        }
        let preflight = self.preflight.clone();
        Box::pin(async move {
            let (mut parts, body) = request.into_parts();
            let checked = match preflight.check(&parts.headers, body).await {
                Ok(checked) => checked,
                Err(answer) => return Ok(answer),
            };
            let header = warnings(checked.warnings());
            let normalized = checked.request().to_json_string();
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            parts
                .headers
                .insert(header::CONTENT_LENGTH, normalized.len().into());
            parts.extensions.insert(checked);
            let mut response = inner
                .call(Request::from_parts(parts, Body::from(normalized)))
                .await?;
            if let Some(w) = header {
                response.headers_mut().insert(WARNINGS_HEADER, w);
            }
            Ok(response)
        })
    }
}
