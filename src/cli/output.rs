//! Standard output, coloured only where it should be: on a terminal, unless `NO_COLOR` is set
//! or `--color` says otherwise. The renderers always style their text; anstream strips the
//! styles on the way out wherever colour is off, so no renderer needs to know where it goes.

use super::Status;
use anstream::{AutoStream, ColorChoice};
use std::io::Write;

pub(crate) struct Output {
    choice: ColorChoice,
}

impl Output {
    pub(crate) fn new(choice: ColorChoice) -> Self {
        Output { choice }
    }

    /// Writes `text`, returning `status`. A reader that stopped reading (`| head -1`) is not a
    /// failure, as with ripgrep: the status stays what the check found. Any other write error
    /// is [`Status::Trouble`]. (`print!` would panic on a closed pipe.)
    pub(crate) fn emit(&self, text: &str, status: Status) -> Status {
        let mut out = AutoStream::new(std::io::stdout().lock(), self.choice);
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => status,
            Err(e) => write_failed(&e, status),
        }
    }

    /// A writer for streaming output (bulk mode), plain: JSON Lines are never coloured. Not
    /// locked, so that another thread than the first may write it.
    pub(crate) fn plain(&self) -> impl Write + Send {
        std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())
    }
}

/// The status after a failed write: unchanged for a closed pipe, [`Status::Trouble`] (and a
/// message) otherwise.
pub(crate) fn write_failed(e: &std::io::Error, status: Status) -> Status {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        status
    } else {
        complain(&format!("cannot write standard output: {e}"));
        Status::Trouble
    }
}

/// A message on standard error, prefixed with the program's name, on one line: what it quotes
/// from outside (a file name, a pattern) has its invisible characters escaped, so a line feed
/// or U+202E in a file name cannot forge or reorder a line.
pub(crate) fn complain(message: &str) {
    eprintln!(
        "idenfy-preflight: {}",
        idenfy_preflight::render::escape_text(message)
    );
}

/// Pretty JSON with a trailing newline.
pub(crate) fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
