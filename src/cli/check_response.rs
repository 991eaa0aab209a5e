//! `check-response`: a Generate token response, and with `--request` the echo compared with
//! the checked, normalized request.

use super::input;
use super::output::{complain, pretty, Output};
use super::{ContextArgs, Form, Status, Strict, Verdict};
use clap::ValueEnum;
use idenfy_preflight::render::Human;
use idenfy_preflight::{Report, ResponseReport, Violation};

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight check-response response.json
  idenfy-preflight check-response response.json --request request.json
  idenfy-preflight check-response response.json --print-urls  # show the verification URLs
  curl -s ... | idenfy-preflight check-response --request request.json --format json

The URLs are built whenever authToken is present and passes its own rules, even when other
members have errors; human output prints them only with --print-urls (they carry the token).

`--format json` prints one object: {\"valid\", \"violations\", \"redirectUrl\", \"iframeUrl\"} (the
response report), plus \"request\" (the request's report, as `check --format json` prints it)
when --request is given. \"valid\" is true only when both are valid. When the request is invalid,
the response is not checked: \"valid\" is false, \"violations\" is empty, both URLs are null, and
\"request\" holds the request's errors.

Exit status: 0 valid (warnings allowed unless --strict), 1 invalid (or the request is), 2 on
usage errors or inputs that cannot be read.")]
pub(crate) struct Args {
    /// The response body file; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// The request body that was sent; it is checked first, and the response's echo is compared
    /// with its normalized form.
    #[arg(long, value_name = "FILE")]
    request: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Human output: print the verification URLs (they carry the authToken, a credential, so
    /// they are not printed by default; `--format json` always includes them).
    #[arg(long)]
    print_urls: bool,
    #[command(flatten)]
    verdict: Verdict,
    #[command(flatten)]
    context: ContextArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One line per violation, grouped by severity, a summary, then the URLs.
    Human,
    /// One JSON object: {"valid", "violations", "redirectUrl", "iframeUrl"}, plus "request"
    /// (the request's report) with --request.
    Json,
}

/// `--format json`: the response report's members, then the request's report when one was
/// given.
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

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let file = args.file.as_deref().unwrap_or("-");
    if file == "-" && args.request.as_deref() == Some("-") {
        complain("the response and the request cannot both be standard input");
        return Status::Trouble;
    }
    let response = match input::read(file) {
        Ok(i) => i,
        Err(e) => {
            complain(&e.error);
            return Status::Trouble;
        }
    };
    let request = match args.request.as_deref().map(input::read) {
        Some(Ok(i)) => Some(i),
        Some(Err(e)) => {
            complain(&e.error);
            return Status::Trouble;
        }
        None => None,
    };
    let form = match args.format {
        Format::Json => Form::Json,
        Format::Human => Form::Human,
    };
    let (engine, ctx) = match args.context.engine(out, form) {
        Ok(setup) => setup,
        Err(status) => return status,
    };
    let human = Human::new()
        .color(true)
        .print_urls(args.print_urls)
        .summary_only(args.verdict.quiet);
    let mut text = String::new();
    let request_report = request
        .as_ref()
        .map(|i| (i.label.as_str(), engine.check(&i.bytes, &ctx)));
    let request_only = request_report.as_ref().map(|(_, r)| r);
    if let Some((request_label, report)) = &request_report {
        if !report.is_valid() {
            // There is no normalized request to compare the echo with.
            let text = match args.format {
                Format::Json => pretty(&ResponseOutput::new(None, request_only)),
                Format::Human => human.request(request_label, report),
            };
            complain(&format!(
                "the request {request_label} is invalid; the response {} was not checked",
                response.label
            ));
            return out.emit(&text, Status::Invalid);
        }
        if let Format::Human = args.format {
            text.push_str(&human.request(request_label, report));
        }
    }
    let normalized = request_only.and_then(Report::request);
    let report = engine.check_response(&response.bytes, normalized, &ctx);
    let warnings = report.warning_count() + request_only.map_or(0, Report::warning_count);
    let passed = args.verdict.passes(report.is_valid(), warnings);
    match args.format {
        Format::Json => {
            let output = ResponseOutput::new(Some(&report), request_only);
            text.push_str(&pretty(&Strict::new(&output, args.verdict.strict, passed)));
        }
        Format::Human => {
            text.push_str(&human.response(&response.label, &report));
            if report.is_valid() && !passed {
                text.push_str("--strict: the warnings fail the run\n");
            }
        }
    }
    let status = if passed {
        Status::Valid
    } else {
        Status::Invalid
    };
    out.emit(&text, status)
}
