//! Human-readable text: one line per violation, grouped by severity, a summary line, and for a
//! valid request the normalized body, for terminals and CI logs.

use crate::diag::{Severity, Violation};
use crate::report::{Report, ResponseReport};
use std::borrow::Cow;

/// A response report: its violations, the summary, then the two URLs.
pub fn response(label: &str, report: &ResponseReport) -> String {
    let mut s = violations(
        label,
        report.violations(),
        report.is_valid(),
        report.counts(),
    );
    if let (Some(redirect), Some(iframe)) = (report.redirect_url(), report.iframe_url()) {
        if !report.is_valid() {
            s.push_str("authToken passes its own rules, so the URLs still start a verification:\n");
        }
        s.push_str(&format!(
            "redirect URL: {redirect}\niFrame URL:   {iframe}\n"
        ));
    }
    s
}

/// A request report: its violations, the summary, then the normalized request when valid.
pub fn request(label: &str, report: &Report<'_>) -> String {
    let mut s = violations(
        label,
        report.violations(),
        report.is_valid(),
        (report.error_count(), report.warning_count()),
    );
    if let Some(request) = report.request() {
        s.push_str("request to send:\n");
        let json = serde_json::to_string_pretty(request).unwrap_or_default();
        // serde_json escapes only U+0000..U+001F; DEL and the C1 controls (which include an
        // 8-bit CSI) can only sit inside strings, where `\uXXXX` is the same JSON.
        for c in json.chars() {
            if c.is_control() && c != '\n' {
                s.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                s.push(c);
            }
        }
        s.push('\n');
    }
    s
}

/// The violation lines grouped by severity, then the summary line. `(errors, warnings)`: how
/// many the check found, the capped list's left-outs included.
pub fn violations(
    label: &str,
    violations: &[Violation],
    valid: bool,
    (errors, warnings): (usize, usize),
) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut s = String::new();
    // Pointers are aligned up to a width; a longer one just pushes its own line out.
    let width = violations
        .iter()
        .map(|v| display_pointer(v.pointer()).chars().count())
        .filter(|&n| n <= MAX_POINTER_WIDTH)
        .max()
        .unwrap_or(0);
    for (severity, heading) in [(Severity::Error, "errors"), (Severity::Warning, "warnings")] {
        let group: Vec<_> = violations
            .iter()
            .filter(|v| v.severity() == severity)
            .collect();
        if group.is_empty() {
            continue;
        }
        s.push_str(&format!("{heading}:\n"));
        for v in group {
            let p = display_pointer(v.pointer());
            s.push_str(&format!("  {p:<width$}  {}: {}", v.code(), v.message()));
            if let Some(value) = v.value() {
                s.push_str(&format!(" [value: {value}]"));
            }
            s.push('\n');
        }
    }
    let verdict = if valid { "VALID" } else { "INVALID" };
    let label = escape_controls(label);
    s.push_str(&format!(
        "{label}: {verdict} ({}, {})\n",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    s
}

/// The widest pointer column in human output.
const MAX_POINTER_WIDTH: usize = 40;

/// A pointer as shown in human output: `(document)` for the whole document, and control
/// characters from member names escaped so they cannot move the cursor, recolor or clear the
/// terminal, or forge lines.
fn display_pointer(p: &str) -> Cow<'_, str> {
    if p.is_empty() {
        Cow::Borrowed("(document)")
    } else {
        escape_controls(p)
    }
}

/// Control characters as Rust escapes (`\n`, `\0`, `\u{1b}`); everything else as is.
fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
