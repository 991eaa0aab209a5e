//! `explain`: one request body, checked, and every session setting with the value the session
//! will run with and where it comes from.

use super::input;
use super::output::{complain, pretty, Output};
use super::{ContextArgs, Form, Status, Strict, Verdict};
use clap::ValueEnum;
use idenfy_preflight::render::Human;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight explain request.json --profile profile.json
  idenfy-preflight explain request.json --profile profile.json --format json

Each setting shows the value the session will run with and where it comes from: the request,
the profile's dashboard default, the API's documented default, or forced by another setting
(autoFaceMatching false turns off five checks; nfcRequired true over nfcOptional; verifyBank
false over its sub-checks; generateDigitString caps an expiryTime the request leaves out).
Without --profile, what the account decides shows as unknown.

Exit status: 0 when the request is valid (warnings allowed unless --strict), 1 when it is not
(the settings are still shown), 2 on usage errors or inputs that cannot be read.")]
pub(crate) struct Args {
    /// The request body file; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[command(flatten)]
    verdict: Verdict,
    #[command(flatten)]
    context: ContextArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The report, then a table: member, value, where it comes from.
    Human,
    /// One JSON object: {"valid", "request", "violations", "settings": [{"member", "value",
    /// "source", "by", "api_default"}]}.
    Json,
}

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let form = match args.format {
        Format::Json => Form::Json,
        Format::Human => Form::Human,
    };
    let (engine, ctx) = match args.context.engine(out, form) {
        Ok(setup) => setup,
        Err(status) => return status,
    };
    let body = match input::read(args.file.as_deref().unwrap_or("-")) {
        Ok(i) => i,
        Err(e) => {
            complain(&e.error);
            return Status::Trouble;
        }
    };
    let explanation = engine.explain(&body.bytes, &ctx);
    let report = explanation.report();
    let passes = args
        .verdict
        .passes(report.is_valid(), report.warning_count());
    let text = match args.format {
        Format::Human => Human::new()
            .color(true)
            .summary_only(args.verdict.quiet)
            .explanation(&body.label, &explanation),
        Format::Json => pretty(&Strict::new(&explanation, args.verdict.strict, passes)),
    };
    out.emit(
        &text,
        if passes {
            Status::Valid
        } else {
            Status::Invalid
        },
    )
}
