//! Reading a request body, never more than the engine's limit and one byte past it.

use axum::body::Body;
use http_body_util::BodyExt;

/// A body that could not be read to its end.
#[derive(Debug)]
pub(crate) struct Unreadable(axum::Error);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The body's bytes, up to `max + 1` of them: a body past the limit is cut there (the engine
/// then reports `document_too_large`) and the rest is never read or stored.
pub(crate) async fn read(mut body: Body, max: usize) -> Result<Vec<u8>, Unreadable> {
    let room = max.saturating_add(1);
    let mut out = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(Unreadable)?;
        if let Ok(data) = frame.into_data() {
            let take = data.len().min(room - out.len());
            out.extend_from_slice(&data[..take]);
            if out.len() == room {
                break;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a future that never waits (a body in memory is ready frame after frame).
    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn a_body_is_read_up_to_one_byte_past_the_limit() {
        for (len, max, read) in [(0, 4, 0), (4, 4, 4), (5, 4, 5), (1000, 4, 5)] {
            let got = block_on(read_all(vec![b'x'; len], max));
            assert_eq!(
                got.map(|b| b.len()).ok(),
                Some(read),
                "{len} bytes, max {max}"
            );
        }
    }

    async fn read_all(bytes: Vec<u8>, max: usize) -> Result<Vec<u8>, Unreadable> {
        read(Body::from(bytes), max).await
    }
}
