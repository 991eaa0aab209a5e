//! `check --jsonl`: one request per line in, one JSON report per line out, in input order, then
//! a summary line.
//!
//! Streams in batches: while the thread pool checks one batch, this thread writes the reports of
//! the one before and reads the next, so memory stays flat whatever the input's length (a few
//! batches of lines and their reports) and every core stays busy.

use super::output::{complain, write_failed, Output};
use super::{Status, Verdict};
use idenfy_preflight::{Code, Context, Engine, Report};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};

/// Lines per batch: enough to spread over the cores and amortize the hand-off, few enough
/// that a batch of 1 MiB lines cannot hold much memory (the bytes cap below bounds it too).
const BATCH_LINES: usize = 2048;
/// Bytes per batch at most (a batch closes after the line that crosses it).
const BATCH_BYTES: usize = 8 << 20;

/// One input line: its number (from 1) and its bytes, cut one byte past the size limit.
struct Line {
    number: u64,
    bytes: Vec<u8>,
}

/// What a line's check left for the summary, and its report as one line of JSON.
struct Checked {
    json: String,
    valid: bool,
    warnings: usize,
    codes: Vec<Code>,
}

#[derive(Serialize)]
struct LineReport<'a> {
    line: u64,
    #[serde(flatten)]
    report: &'a Report<'a>,
}

#[derive(Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    /// Requests checked (blank lines are not requests).
    lines: u64,
    valid: u64,
    invalid: u64,
    /// Valid requests that have warnings.
    valid_with_warnings: u64,
    /// Requests that pass the run's policy: the valid ones, less those with warnings under
    /// `--strict`. The exit status is 0 exactly when this is `lines`.
    passed: u64,
    /// How many violations of each code, across all lines (each code once per violation).
    by_code: BTreeMap<&'static str, u64>,
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    summary: &'a Summary,
}

fn check_line(line: &Line, engine: &Engine, ctx: &Context) -> Checked {
    let report = engine.check(&line.bytes, ctx);
    let json = serde_json::to_string(&LineReport {
        line: line.number,
        report: &report,
    })
    .unwrap_or_default();
    Checked {
        json,
        valid: report.is_valid(),
        warnings: report.warning_count(),
        codes: report.violations().iter().map(|v| v.code()).collect(),
    }
}

/// Reads lines into batches.
struct Lines<R> {
    reader: R,
    number: u64,
    cap: usize,
    done: bool,
    /// The last line was cut at `cap` bytes: the rest of it is still to be skipped.
    skipping: bool,
}

impl<R: BufRead> Lines<R> {
    /// Consumes the rest of a cut line, its `\n` included, without keeping it; the bytes
    /// consumed.
    fn skip_rest(&mut self) -> std::io::Result<usize> {
        let mut seen = 0;
        while self.skipping {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                self.skipping = false;
                break;
            }
            let n = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.skipping = false;
                    i + 1
                }
                None => chunk.len(),
            };
            self.reader.consume(n);
            seen += n;
        }
        Ok(seen)
    }

    /// The next line (without its `\n` or `\r\n`), and the bytes consumed for it. A line
    /// longer than `cap` bytes is returned as soon as its first `cap` are read (that is all its
    /// `document_too_large` report needs, even when the line never ends, as `/dev/zero`'s
    /// doesn't); its rest is skipped, unread into memory, before the next line. `None` at the
    /// end.
    fn next_line(&mut self) -> std::io::Result<Option<(Vec<u8>, usize)>> {
        let mut seen = self.skip_rest()?;
        let mut line = Vec::new();
        let mut started = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                if !started {
                    return Ok(None);
                }
                break;
            }
            started = true;
            let (take, end) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = self.cap.saturating_sub(line.len());
            if take > room {
                // Longer than `cap` before its end: cut here, and never strip a `\r` from a cut
                // line (it would bring the line back under the limit).
                line.extend_from_slice(&chunk[..room]);
                self.reader.consume(room);
                self.skipping = true;
                return Ok(Some((line, seen + room)));
            }
            line.extend_from_slice(&chunk[..take]);
            seen += take + usize::from(end);
            self.reader.consume(take + usize::from(end));
            if end {
                break;
            }
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(Some((line, seen)))
    }

    /// Up to a batch of non-blank lines, and the bytes read for them. A cut line closes its
    /// batch, so that its report is written before the rest of it is skipped (which may take
    /// forever).
    fn batch(&mut self) -> std::io::Result<(Vec<Line>, u64)> {
        let (mut lines, mut bytes, mut read) = (Vec::new(), 0usize, 0u64);
        while !self.done && lines.len() < BATCH_LINES && bytes < BATCH_BYTES {
            match self.next_line()? {
                None => self.done = true,
                Some((line, seen)) => {
                    self.number += 1;
                    read += seen as u64;
                    // A cut line is never blank: it is too large, whatever its first bytes.
                    if !self.skipping && line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    bytes += line.len();
                    lines.push(Line {
                        number: self.number,
                        bytes: line,
                    });
                    if self.skipping {
                        break;
                    }
                }
            }
        }
        Ok((lines, read))
    }
}

/// Where checked lines go: their reports to standard output, their counts to the summary.
struct Sink<'v, W> {
    writer: W,
    summary: Summary,
    failed: bool,
    verdict: &'v Verdict,
}

impl<W: Write> Sink<'_, W> {
    /// What the lines written so far make the run.
    fn status(&self) -> Status {
        if self.failed {
            Status::Invalid
        } else {
            Status::Valid
        }
    }

    fn write(&mut self, checked: Vec<Checked>) -> std::io::Result<()> {
        for c in checked {
            self.summary.lines += 1;
            if c.valid {
                self.summary.valid += 1;
                self.summary.valid_with_warnings += u64::from(c.warnings > 0);
            } else {
                self.summary.invalid += 1;
            }
            let passed = self.verdict.passes(c.valid, c.warnings);
            self.summary.passed += u64::from(passed);
            self.failed |= !passed;
            for code in &c.codes {
                *self.summary.by_code.entry(code.as_str()).or_default() += 1;
            }
            if !self.verdict.quiet {
                writeln!(self.writer, "{}", c.json)?;
            }
        }
        Ok(())
    }
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    // Never on a pipe or a file: a progress bar there is noise in a CI log.
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    bar
}

pub(crate) fn run(
    path: &str,
    engine: &Engine,
    ctx: &Context,
    verdict: &Verdict,
    out: &Output,
) -> Status {
    let (source, total): (Box<dyn Read + Send>, Option<u64>) = if path == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        match std::fs::File::open(path) {
            Ok(f) => {
                let len = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), len)
            }
            Err(e) => {
                complain(&format!("cannot read {path}: {e}"));
                return Status::Trouble;
            }
        }
    };
    let mut lines = Lines {
        reader: BufReader::with_capacity(1 << 20, source),
        number: 0,
        cap: ctx.limits.max_bytes.saturating_add(1),
        done: false,
        skipping: false,
    };
    let bar = progress_bar(total);
    let mut sink = Sink {
        writer: out.plain(),
        summary: Summary::default(),
        failed: false,
        verdict,
    };
    let mut trouble = None;
    let mut current = match lines.batch() {
        Ok(b) => b,
        Err(e) => {
            complain(&format!("cannot read {path}: {e}"));
            return Status::Trouble;
        }
    };
    let mut done: Vec<Checked> = Vec::new();
    // Three stages at once: the pool checks this batch while this thread writes the reports
    // of the one before and reads the next.
    while !current.0.is_empty() || !done.is_empty() {
        // The batch in hand ends with a cut line whose rest may never end (`/dev/zero`): its
        // reports are written before anything more is read.
        let hold = lines.skipping;
        let (batch, read) = std::mem::take(&mut current);
        let (checked, (written, next)) = rayon::join(
            || {
                batch
                    .par_iter()
                    .map(|line| check_line(line, engine, ctx))
                    .collect::<Vec<_>>()
            },
            || {
                let written = sink.write(std::mem::take(&mut done));
                // At the end of the input this reads nothing: `batch` returns at once.
                let next = if trouble.is_none() && !hold {
                    lines.batch()
                } else {
                    Ok(Default::default())
                };
                (written, next)
            },
        );
        if let Err(e) = written {
            // Standard output closed (`| head`): nobody is reading any more.
            return write_failed(&e, sink.status());
        }
        bar.inc(read);
        bar.set_message(format!(
            "{} lines",
            sink.summary.lines + checked.len() as u64
        ));
        done = checked;
        let next = if hold && trouble.is_none() {
            let written = sink
                .write(std::mem::take(&mut done))
                .and_then(|()| sink.writer.flush());
            if let Err(e) = written {
                return write_failed(&e, sink.status());
            }
            lines.batch()
        } else {
            next
        };
        match next {
            Ok(b) => current = b,
            Err(e) => trouble = Some(e),
        }
    }
    bar.finish_and_clear();
    let closing = serde_json::to_string(&SummaryLine {
        summary: &sink.summary,
    })
    .unwrap_or_default();
    if let Err(e) = writeln!(sink.writer, "{closing}").and_then(|()| sink.writer.flush()) {
        return write_failed(&e, sink.status());
    }
    if let Some(e) = trouble {
        complain(&format!(
            "cannot read {path} after line {}: {e}",
            lines.number
        ));
        return Status::Trouble;
    }
    sink.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lines(input: &[u8], cap: usize) -> Vec<(u64, Vec<u8>)> {
        let mut lines = Lines {
            reader: BufReader::with_capacity(4, input),
            number: 0,
            cap,
            done: false,
            skipping: false,
        };
        let mut out = Vec::new();
        loop {
            let (batch, _) = lines.batch().unwrap();
            if batch.is_empty() {
                return out;
            }
            out.extend(batch.into_iter().map(|l| (l.number, l.bytes)));
        }
    }

    fn lines(input: &[u8]) -> Lines<BufReader<&[u8]>> {
        Lines {
            reader: BufReader::new(input),
            number: 0,
            cap: usize::MAX,
            done: false,
            skipping: false,
        }
    }

    /// A batch ends at its line count or its byte count, whichever comes first, and says how
    /// many bytes it read (for the progress bar), blank lines and line ends included.
    #[test]
    fn a_batch_ends_at_its_limits() {
        let input = "1\n".repeat(BATCH_LINES + 1);
        let mut many = lines(input.as_bytes());
        let (first, read) = many.batch().unwrap();
        assert_eq!((first.len(), read), (BATCH_LINES, 2 * BATCH_LINES as u64));
        let (rest, read) = many.batch().unwrap();
        assert_eq!((rest.len(), read), (1, 2));

        let half = vec![b'x'; BATCH_BYTES / 2];
        let input = [&half[..], b"\n\n", &half, b"\n", &half, b"\n"].concat();
        let mut big = lines(&input);
        let (first, read) = big.batch().unwrap();
        assert_eq!(first.len(), 2);
        assert_eq!(read, BATCH_BYTES as u64 + 3);
        assert_eq!(big.batch().unwrap().0.len(), 1);
    }

    /// A line longer than the cap is handed over as soon as the cap is passed, and closes its
    /// batch: nothing past it is read until the next batch, which skips the rest of it.
    #[test]
    fn a_long_line_is_cut_at_the_cap_without_reading_on() {
        let endless = std::io::repeat(b'0').take(1 << 20);
        let mut lines = Lines {
            reader: BufReader::with_capacity(64, endless),
            number: 0,
            cap: 10,
            done: false,
            skipping: false,
        };
        let (batch, read) = lines.batch().unwrap();
        assert_eq!(batch.len(), 1);
        assert_eq!(batch[0].bytes, b"0".repeat(10));
        assert_eq!(read, 10, "only the cap was read");
        assert!(lines.skipping);
        // The rest (up to the end here) is skipped, not stored: nothing more comes out.
        assert!(lines.batch().unwrap().0.is_empty());
        assert!(lines.batch().unwrap().0.is_empty());
    }

    /// At the cap exactly, a `\r\n` ending is still a line end; in a cut line a `\r` is data,
    /// and a cut line is never blank (it is too large).
    #[test]
    fn the_cap_counts_a_crlf_ending_as_no_part_of_the_line() {
        let got = all_lines(b"0123\r\n      \n01234\r\n0123\r5\r\n012345\r\nend", 5);
        assert_eq!(
            got,
            [
                (1, b"0123".to_vec()),
                (2, b"     ".to_vec()),
                (3, b"01234".to_vec()),
                (4, b"0123\r".to_vec()),
                (5, b"01234".to_vec()),
                (6, b"end".to_vec()),
            ]
        );
    }

    #[test]
    fn lines_are_numbered_blank_ones_skipped_long_ones_cut() {
        let got = all_lines(b"{}\n\n  \r\n{\"a\":1}\r\n0123456789\nlast", 5);
        assert_eq!(
            got,
            [
                (1, b"{}".to_vec()),
                (4, b"{\"a\":".to_vec()),
                (5, b"01234".to_vec()),
                (6, b"last".to_vec()),
            ]
        );
    }
}
