//! Human-readable text for terminals and CI logs: one line per violation, grouped by severity,
//! and a summary line; the normalized request only when asked for (CI logs must not fill with
//! customers' personal data).
//!
//! Whatever came from the input (member names in pointers, file names) is shown with invisible
//! and bidirectional characters escaped, so a report cannot be made to lie about which member is
//! wrong, nor move the cursor or recolour the terminal.

use crate::diag::{escape_invisible, is_invisible, Severity, Violation};
use crate::report::{Explanation, ProfileReport, Report, ResponseReport};
use anstyle::{AnsiColor, Style};
use std::borrow::Cow;
use std::fmt::{self, Write as _};

/// How reports are rendered as text.
///
/// ```
/// use idenfy_preflight::{check_str, render::Human, Context};
///
/// let report = check_str(r#"{"clientId": "c1", "documents": ["PASPORT"]}"#, &Context::new());
/// let text = Human::new().request("request.json", &report);
/// assert_eq!(text, "\
/// errors:
///   /documents/0  unknown_document_type: documents must name a document type the API knows \
/// (PASSPORT, ID_CARD, …); did you mean PASSPORT?
/// request.json: INVALID (1 error, 0 warnings)
/// ");
/// assert_eq!(Human::new().summary_only(true).request("request.json", &report),
///            "request.json: INVALID (1 error, 0 warnings)\n");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Human {
    color: bool,
    print_request: bool,
    print_urls: bool,
    summary_only: bool,
}

impl Human {
    /// Plain text, violations and summary, no request.
    pub fn new() -> Self {
        Human::default()
    }

    /// With ANSI colours (for a terminal; the caller decides when it is one).
    pub fn color(mut self, on: bool) -> Self {
        self.color = on;
        self
    }

    /// With the normalized request of a valid report after the summary (it holds personal data:
    /// keep it out of logs).
    pub fn print_request(mut self, on: bool) -> Self {
        self.print_request = on;
        self
    }

    /// With the verification URLs of a response report (they carry the `authToken`, a
    /// credential: keep them out of logs).
    pub fn print_urls(mut self, on: bool) -> Self {
        self.print_urls = on;
        self
    }

    /// Only the summary line.
    pub fn summary_only(mut self, on: bool) -> Self {
        self.summary_only = on;
        self
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    /// A request report: its violations, then the summary line (`label: VALID (…)`), then the
    /// normalized request if [`print_request`](Self::print_request) is on.
    pub fn request(&self, label: &str, report: &Report<'_>) -> String {
        let counts = (report.error_count(), report.warning_count());
        let mut s = String::new();
        if !self.summary_only {
            s.push_str(&self.violations(report.violations()));
        }
        s.push_str(&self.summary(label, report.is_valid(), counts));
        if let (Some(request), true, false) =
            (report.request(), self.print_request, self.summary_only)
        {
            s.push_str("request to send:\n");
            let json = serde_json::to_string_pretty(request).unwrap_or_default();
            s.push_str(&escape_json_text(&json));
            s.push('\n');
        }
        s
    }

    /// A response report: its violations, the summary line, then the two verification URLs if
    /// [`print_urls`](Self::print_urls) is on (else a line saying they were built).
    pub fn response(&self, label: &str, report: &ResponseReport) -> String {
        let mut s = String::new();
        if !self.summary_only {
            s.push_str(&self.violations(report.violations()));
        }
        s.push_str(&self.summary(label, report.is_valid(), report.counts()));
        if self.summary_only {
            return s;
        }
        if let (Some(redirect), Some(iframe)) = (report.redirect_url(), report.iframe_url()) {
            if !report.is_valid() {
                s.push_str(
                    "authToken passes its own rules, so the URLs still start a verification:\n",
                );
            }
            if self.print_urls {
                let _ = writeln!(s, "redirect URL: {redirect}\niFrame URL:   {iframe}");
            } else {
                s.push_str(
                    "redirect and iFrame URLs built (not shown: they carry the authToken)\n",
                );
            }
        }
        s
    }

    /// An explanation: the request's report (violations and summary line), then one line per
    /// setting: member, the value the session runs with (`unknown` where nobody here knows it),
    /// and where it comes from.
    ///
    /// ```
    /// use idenfy_preflight::{explain, render::Human, Context};
    ///
    /// let text = Human::new().explanation("request.json", &explain(br#"{"clientId": "c"}"#, &Context::new()));
    /// let line = text.lines().find(|l| l.trim_start().starts_with("sessionLength ")).unwrap();
    /// assert_eq!(line.split_whitespace().collect::<Vec<_>>(), ["sessionLength", "1800", "API", "default"]);
    /// ```
    pub fn explanation(&self, label: &str, explanation: &Explanation<'_>) -> String {
        let mut s = String::new();
        let report = explanation.report();
        if !self.summary_only {
            s.push_str(&self.violations(report.violations()));
        }
        let counts = (report.error_count(), report.warning_count());
        s.push_str(&self.summary(label, report.is_valid(), counts));
        if self.summary_only {
            return s;
        }
        let values: Vec<String> = explanation
            .settings()
            .iter()
            .map(|x| match &x.value {
                Some(v) => escape_json_text(&v.to_string()).into_owned(),
                None => "unknown".into(),
            })
            .collect();
        let name_width = explanation
            .settings()
            .iter()
            .map(|x| x.member.len())
            .max()
            .unwrap_or(0);
        let value_width = values
            .iter()
            .map(|v| v.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        s.push_str("settings the session runs with:\n");
        for (x, value) in explanation.settings().iter().zip(&values) {
            let mut source = x.provenance.describe();
            if let (crate::Provenance::Unknown, Some(d)) = (x.provenance, &x.api_default) {
                source.push_str(&format!(
                    " (API default {d} unless the dashboard presets another)"
                ));
            }
            let source = match x.provenance {
                crate::Provenance::Request => self.paint(AnsiColor::Cyan.on_default(), &source),
                crate::Provenance::Unknown => self.paint(AnsiColor::Yellow.on_default(), &source),
                _ => source,
            };
            let _ = writeln!(
                s,
                "  {:<name_width$}  {:<value_width$}  {source}",
                x.member, value
            );
        }
        s
    }

    /// A partner profile file's report: its violations, then the summary line.
    pub fn profile(&self, label: &str, report: &ProfileReport) -> String {
        let mut s = String::new();
        if !self.summary_only {
            s.push_str(&self.violations(report.violations()));
        }
        s.push_str(&self.summary(label, report.is_valid(), report.counts()));
        s
    }

    /// The summary line of one input: `label: VALID (0 errors, 1 warning)`. `(errors,
    /// warnings)` are how many the check found, the capped list's left-outs included.
    pub fn summary(&self, label: &str, valid: bool, (errors, warnings): (usize, usize)) -> String {
        let verdict = if valid {
            self.paint(AnsiColor::Green.on_default().bold(), "VALID")
        } else {
            self.paint(AnsiColor::Red.on_default().bold(), "INVALID")
        };
        format!(
            "{}: {verdict} ({}, {})\n",
            escape_invisible(label),
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }

    /// The violation lines grouped by severity (errors first), pointers aligned.
    pub fn violations(&self, violations: &[Violation]) -> String {
        let mut s = String::new();
        // Pointers are aligned up to a width; a longer one just pushes its own line out.
        let width = violations
            .iter()
            .map(|v| display_pointer(v.pointer()).chars().count())
            .filter(|&n| n <= MAX_POINTER_WIDTH)
            .max()
            .unwrap_or(0);
        for (severity, heading, style) in [
            (
                Severity::Error,
                "errors",
                AnsiColor::Red.on_default().bold(),
            ),
            (
                Severity::Warning,
                "warnings",
                AnsiColor::Yellow.on_default().bold(),
            ),
        ] {
            let mut group = violations.iter().filter(|v| v.severity() == severity);
            let Some(first) = group.next() else {
                continue;
            };
            let _ = writeln!(s, "{}:", self.paint(style, heading));
            for v in std::iter::once(first).chain(group) {
                let p = display_pointer(v.pointer());
                let pad = width.saturating_sub(p.chars().count());
                let code = self.paint(Style::new().bold(), &escape_invisible(v.code_name()));
                let _ = write!(
                    s,
                    "  {}{:pad$}  {code}: {}",
                    self.paint(AnsiColor::Cyan.on_default(), &p),
                    "",
                    v.message_for_people()
                );
                if let Some(value) = v.value() {
                    let _ = write!(s, " [value: {}]", escape_json_text(&value.to_string()));
                }
                s.push('\n');
            }
        }
        s
    }
}

/// `text` as human output shows whatever came from outside the crate (member names, file names,
/// a profile's policy messages): control, invisible, bidirectional and blank-looking characters
/// as Rust escapes (`\n`, `\u{202e}`, `\u{3164}`), so that the text cannot forge a line,
/// reorder one, or hide a character; everything else as it is (borrowed when nothing changes).
///
/// ```
/// use idenfy_preflight::render::escape_text;
///
/// assert_eq!(escape_text("a\nb: VALID\u{202e}"), "a\\nb: VALID\\u{202e}");
/// assert_eq!(escape_text("requests/名前.json"), "requests/名前.json");
/// ```
pub fn escape_text(text: &str) -> Cow<'_, str> {
    escape_invisible(text)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The widest pointer column in human output.
const MAX_POINTER_WIDTH: usize = 40;

/// A pointer as shown in human output: `(document)` for the whole document, invisible
/// characters of member names escaped.
fn display_pointer(p: &str) -> Cow<'_, str> {
    if p.is_empty() {
        Cow::Borrowed("(document)")
    } else {
        escape_invisible(p)
    }
}

/// Serialized JSON with invisible characters (which can only sit inside strings) written as
/// `\uXXXX`, the same JSON: serde_json escapes only U+0000..U+001F.
fn escape_json_text(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_invisible(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if c != '\n' && is_invisible(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The summary line, then the violations (errors first) unless `{:#}` asks for the summary
/// only, without colour:
///
/// ```
/// use idenfy_preflight::{check_str, Context};
///
/// let report = check_str(r#"{"clientId": "c1", "sex": "X"}"#, &Context::new());
/// assert_eq!(report.to_string(), "\
/// request: INVALID (1 error, 0 warnings)
/// errors:
///   /sex  invalid_value: sex must be one of M, F");
/// assert_eq!(format!("{report:#}"), "request: INVALID (1 error, 0 warnings)");
/// ```
impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let human = Human::new();
        let summary = human.summary(
            "request",
            self.is_valid(),
            (self.error_count(), self.warning_count()),
        );
        f.write_str(summary.trim_end())?;
        if !f.alternate() && !self.violations().is_empty() {
            f.write_char('\n')?;
            f.write_str(human.violations(self.violations()).trim_end())?;
        }
        Ok(())
    }
}

/// The summary line (`response: VALID (…)`), then the violations unless `{:#}`; never the URLs,
/// which carry the `authToken` (ask for them with [`ResponseReport::redirect_url`]).
///
/// ```
/// use idenfy_preflight::{check_response_str, Context};
///
/// let report = check_response_str(r#"{"scanRef": "s", "tokenType": "DOCUMENT"}"#, None, &Context::new());
/// assert_eq!(report.to_string(), "\
/// response: INVALID (1 error, 0 warnings)
/// errors:
///   /authToken  missing_required: authToken is required in a token response");
/// ```
impl fmt::Display for ResponseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let human = Human::new();
        f.write_str(
            human
                .summary("response", self.is_valid(), self.counts())
                .trim_end(),
        )?;
        if !f.alternate() && !self.violations().is_empty() {
            f.write_char('\n')?;
            f.write_str(human.violations(self.violations()).trim_end())?;
        }
        Ok(())
    }
}

/// An invalid response report is an error, like [`Report`].
impl std::error::Error for ResponseReport {}

/// An invalid report is an error, so `report.into_result()?` works in a function returning
/// `Box<dyn Error>` or `anyhow::Result`; its message is the report's `Display`.
impl std::error::Error for Report<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_stays_json() {
        let text = escape_json_text("{\"a\": \"x\u{202e}y\u{e0001}\"}");
        assert_eq!(text, "{\"a\": \"x\\u202ey\\udb40\\udc01\"}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["a"], "x\u{202e}y\u{e0001}");
    }

    /// Nothing to escape: the text is handed back as it is, not copied.
    #[test]
    fn json_text_without_invisible_characters_is_borrowed() {
        assert!(matches!(
            escape_json_text("{\n  \"a\": 1\n}"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(escape_json_text("\u{200b}"), Cow::Owned(_)));
    }

    /// `Display` shows the summary, then the violations unless `{:#}` or there are none; the
    /// same for a response.
    #[test]
    fn reports_display_a_summary_then_the_violations() {
        let ctx = crate::Context::new();
        let invalid = crate::check_str(r#"{"clientId": "c1", "sex": "X"}"#, &ctx);
        let summary = "request: INVALID (1 error, 0 warnings)";
        let full = format!("{summary}\nerrors:\n  /sex  invalid_value: sex must be one of M, F");
        assert_eq!(invalid.to_string(), full);
        assert_eq!(format!("{invalid:#}"), summary);
        let valid = crate::check_str(r#"{"clientId": "c1"}"#, &ctx);
        assert_eq!(valid.to_string(), "request: VALID (0 errors, 0 warnings)");
        assert_eq!(format!("{valid:#}"), valid.to_string());

        let body = r#"{"scanRef": "s", "tokenType": "DOCUMENT"}"#;
        let response = crate::check_response_str(body, None, &ctx);
        let summary = "response: INVALID (1 error, 0 warnings)";
        let full = format!(
            "{summary}\nerrors:\n  /authToken  missing_required: authToken is required in a token response"
        );
        assert_eq!(response.to_string(), full);
        assert_eq!(format!("{response:#}"), summary);
        let body = r#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT"}"#;
        let valid = crate::check_response_str(body, None, &ctx);
        assert_eq!(valid.to_string(), "response: VALID (0 errors, 0 warnings)");
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = Human::new().summary("f", true, (0, 0));
        assert!(!plain.contains('\u{1b}'));
        let coloured = Human::new().color(true).summary("f", true, (0, 0));
        assert!(coloured.contains("\u{1b}["));
    }
}
