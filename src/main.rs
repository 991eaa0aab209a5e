//! `idenfy-preflight`: check iDenfy Generate token request files from the command line.

#![forbid(unsafe_code)]

use clap::{Parser, Subcommand, ValueEnum};
use idenfy_preflight::output::{human, idenfy, problem, table};
use idenfy_preflight::{
    check, check_response, Code, Context, Limits, Report, ResponseReport, UnknownFields, Violation,
};
use std::io::{Read, Write};
use std::process::ExitCode;
use time::Date;

#[derive(Parser)]
#[command(
    name = "idenfy-preflight",
    version,
    about = "Check and normalize iDenfy Generate token request bodies offline"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a request body; exit 0 when valid (warnings allowed), 1 when invalid, 2 on usage or
    /// read errors.
    Check(CheckArgs),
    /// Check a Generate token response and print the verification URLs built from its authToken;
    /// with --request, also compare its echo with the (checked, normalized) request. Exit 0 when
    /// valid (warnings allowed), 1 when invalid (or the request is), 2 on usage or read errors.
    ///
    /// The URLs are printed whenever authToken is present and passes its own rules, even when
    /// other members have errors.
    ///
    /// `--format json` prints one object: {"valid", "violations", "redirectUrl", "iframeUrl"}
    /// (the response report), plus "request" (the request's report, as `check --format json`
    /// prints it: {"valid", "request", "violations"}) when --request is given. "valid" is true
    /// only when both are valid. When the request is invalid, the response is not checked:
    /// "valid" is false, "violations" is empty, both URLs are null, and "request" holds the
    /// request's errors.
    CheckResponse(CheckResponseArgs),
    /// Print the rule table (Markdown), generated from the field catalogue.
    Rules,
    /// Print every violation code with its meaning.
    Codes,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The request body file; `-` or nothing reads standard input.
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[command(flatten)]
    context: ContextArgs,
}

#[derive(clap::Args)]
struct CheckResponseArgs {
    /// The response body file; `-` reads standard input.
    file: String,
    /// The request body that was sent; it is checked first, and the response's echo is compared
    /// with its normalized form.
    #[arg(long, value_name = "FILE")]
    request: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ResponseFormat::Human)]
    format: ResponseFormat,
    #[command(flatten)]
    context: ContextArgs,
}

/// The checking context, one definition for `check` and `check-response`.
#[derive(clap::Args)]
struct ContextArgs {
    /// Today's date for date-relative rules (default: today's date in UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    today: Option<Date>,
    /// Include the offending input values in violations (they are personal data).
    #[arg(long)]
    show_values: bool,
    /// Treat undocumented request members as errors instead of warnings (members a response
    /// adds that no documentation lists are always passed over).
    #[arg(long)]
    deny_unknown: bool,
    /// The account's default token lifetime in seconds (limit for expiryTime with
    /// generateDigitString).
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = idenfy_preflight::context::DEFAULT_EXPIRY_TIME,
        value_parser = clap::value_parser!(i64).range(1..)
    )]
    default_expiry_time: i64,
}

impl ContextArgs {
    /// The [`Context`] these flags describe (`--today` defaults to today's date in UTC).
    fn context(&self) -> Context {
        let today = self
            .today
            .unwrap_or_else(|| time::OffsetDateTime::now_utc().date());
        Context::new()
            .with_today(today)
            .with_show_values(self.show_values)
            .with_default_expiry_time(self.default_expiry_time)
            .with_unknown_fields(if self.deny_unknown {
                UnknownFields::Deny
            } else {
                UnknownFields::Warn
            })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ResponseFormat {
    /// One line per violation, grouped by severity, a summary, then the URLs.
    Human,
    /// One JSON object: {"valid", "violations", "redirectUrl", "iframeUrl"}, plus "request"
    /// (the request's report) with --request.
    Json,
}

/// `check-response --format json`: the response report's members, then the request's report
/// when one was given (see the subcommand's documentation).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ResponseOutput<'a> {
    valid: bool,
    violations: &'a [Violation],
    redirect_url: Option<&'a str>,
    iframe_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<&'a Report<'a>>,
}

impl<'a> ResponseOutput<'a> {
    fn new(response: Option<&'a ResponseReport>, request: Option<&'a Report<'a>>) -> Self {
        let request_valid = request.is_none_or(Report::is_valid);
        match response {
            Some(r) => ResponseOutput {
                valid: r.is_valid() && request_valid,
                violations: r.violations(),
                redirect_url: r.redirect_url(),
                iframe_url: r.iframe_url(),
                request,
            },
            None => ResponseOutput {
                valid: false,
                violations: &[],
                redirect_url: None,
                iframe_url: None,
                request,
            },
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Readable at a glance: one line per violation, grouped by severity, with a summary.
    Human,
    /// One JSON object: {"valid", "request", "violations"}.
    Json,
    /// RFC 9457 problem details (application/problem+json) when invalid; the normalized request
    /// when valid (what a gateway would forward).
    Problem,
    /// iDenfy's own error body {"identifier", "message"} when invalid; the normalized request
    /// when valid.
    Idenfy,
}

/// Exactly `YYYY-MM-DD`, by the same rule as the body's dates (`time`'s `[year]` would also take
/// a sign, `+2026-01-01`).
fn parse_date(s: &str) -> Result<Date, String> {
    idenfy_preflight::spec::rules::date::parse(s).map_err(|f| {
        f.about(idenfy_preflight::diag::Subject::of("--today"), false)
            .message(true)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::CheckResponse(args) => run_check_response(args),
        Command::Rules => emit(&table::markdown(), ExitCode::SUCCESS),
        Command::Codes => {
            let text: String = Code::ALL
                .iter()
                .map(|code| format!("{:<36} {}\n", code.as_str(), code.description()))
                .collect();
            emit(&text, ExitCode::SUCCESS)
        }
    }
}

/// Writes `text` to standard output and returns `status`, or 2 when standard output is closed
/// or fails (`print!` would panic on a closed pipe, e.g. `idenfy-preflight codes | head -1`).
fn emit(text: &str, status: ExitCode) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(_) => ExitCode::from(2),
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let (label, body) = match read_input(args.file.as_deref()) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("idenfy-preflight: {e}");
            return ExitCode::from(2);
        }
    };
    let ctx = args.context.context();
    let report = check(&body, &ctx);
    let text = match args.format {
        Format::Json => report.to_json_pretty() + "\n",
        Format::Human => human::request(&label, &report),
        Format::Problem => match problem::problem_details(&report) {
            Some(problem) => pretty(&problem),
            None => pretty(&report.request()),
        },
        Format::Idenfy => match idenfy::idenfy_error(&report) {
            Some(error) => pretty(&error),
            None => pretty(&report.request()),
        },
    };
    let status = if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    emit(&text, status)
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Reads a body, but never more than one byte over the size limit: a larger input (a huge file,
/// `/dev/zero`, an endless pipe) is cut there, and the check then reports it as
/// `document_too_large` without the rest being read or held in memory.
fn read_input(file: Option<&str>) -> Result<(String, Vec<u8>), String> {
    let cap = u64::try_from(Limits::default().max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let read_capped = |input: &mut dyn Read| {
        let mut buf = Vec::new();
        input.take(cap).read_to_end(&mut buf).map(|_| buf)
    };
    match file {
        None | Some("-") => read_capped(&mut std::io::stdin().lock())
            .map(|b| ("<stdin>".into(), b))
            .map_err(|e| format!("cannot read standard input: {e}")),
        Some(path) => std::fs::File::open(path)
            .and_then(|mut f| read_capped(&mut f))
            .map(|b| (path.to_owned(), b))
            .map_err(|e| format!("cannot read {path}: {e}")),
    }
}

fn run_check_response(args: CheckResponseArgs) -> ExitCode {
    if args.file == "-" && args.request.as_deref() == Some("-") {
        eprintln!("idenfy-preflight: the response and the request cannot both be standard input");
        return ExitCode::from(2);
    }
    let (label, body) = match read_input(Some(&args.file)) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("idenfy-preflight: {e}");
            return ExitCode::from(2);
        }
    };
    let request = match args.request.as_deref().map(|f| read_input(Some(f))) {
        Some(Ok(x)) => Some(x),
        Some(Err(e)) => {
            eprintln!("idenfy-preflight: {e}");
            return ExitCode::from(2);
        }
        None => None,
    };
    let ctx = args.context.context();
    let mut text = String::new();
    let request_report = request
        .as_ref()
        .map(|(request_label, bytes)| (request_label, check(bytes, &ctx)));
    let request_only = request_report.as_ref().map(|(_, r)| r);
    if let Some((request_label, report)) = &request_report {
        if !report.is_valid() {
            // There is no normalized request to compare the echo with.
            let text = match args.format {
                ResponseFormat::Json => pretty(&ResponseOutput::new(None, request_only)),
                ResponseFormat::Human => human::request(request_label, report),
            };
            eprintln!(
                "idenfy-preflight: the request {request_label} is invalid; the response {label} was not checked"
            );
            return emit(&text, ExitCode::from(1));
        }
        if let ResponseFormat::Human = args.format {
            text.push_str(&human::violations(
                request_label,
                report.violations(),
                report.is_valid(),
                (report.error_count(), report.warning_count()),
            ));
        }
    }
    let normalized = request_only.and_then(Report::request);
    let response = check_response(&body, normalized, &ctx);
    match args.format {
        ResponseFormat::Json => {
            text.push_str(&pretty(&ResponseOutput::new(Some(&response), request_only)));
        }
        ResponseFormat::Human => text.push_str(&human::response(&label, &response)),
    }
    let status = if response.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    emit(&text, status)
}
