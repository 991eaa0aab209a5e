//! The command line: arguments shared by the subcommands, and dispatch. Each subcommand lives in
//! its own file; everything it prints comes from the library's renderers.

mod bulk;
mod check;
mod check_response;
mod codes;
mod explain;
mod input;
mod output;
mod rules;
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use idenfy_preflight::{
    Context, Date, Engine, EngineBuilder, UnknownFields, DEFAULT_EXPIRY_TIME, MAX_EXPIRY_TIME,
};
use std::process::ExitCode;

/// The exit statuses, as ripgrep and jsonschema-cli use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Everything checked is valid (warnings allowed unless `--strict`).
    Valid = 0,
    /// Something checked is invalid (or, with `--strict`, has warnings); or nothing matched.
    Invalid = 1,
    /// A usage error, or an input that could not be read.
    Trouble = 2,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(s as u8)
    }
}

#[derive(Parser)]
#[command(
    name = "idenfy-preflight",
    version,
    about = "Check and normalize iDenfy Generate token request bodies offline",
    after_help = "Examples:
  idenfy-preflight check request.json
  idenfy-preflight check --quiet --strict 'requests/*.json'
  idenfy-preflight check --jsonl requests.jsonl > reports.jsonl
  idenfy-preflight check-response response.json --request request.json
  idenfy-preflight check request.json --profile profile.json
  idenfy-preflight explain request.json --profile profile.json
  idenfy-preflight rules firstName
  idenfy-preflight codes --format json
  idenfy-preflight serve --port 8080

Exit status: 0 valid (warnings allowed unless --strict), 1 invalid, 2 usage or read errors."
)]
struct Cli {
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand)]
enum Command {
    /// Check request bodies: files, glob patterns, standard input, or JSON Lines (--jsonl).
    Check(check::Args),
    /// Check a Generate token response and print the verification URLs built from its
    /// authToken; with --request, also compare its echo with the (checked, normalized) request.
    CheckResponse(check_response::Args),
    /// Check a request body and show every session setting: the value the session will run
    /// with, and where it comes from (request, profile default, API default, or forced by
    /// another setting).
    Explain(explain::Args),
    /// Print the rules of every documented member (Markdown), or of the members matching MEMBER.
    Rules(rules::Args),
    /// Print every violation code with its meaning, or the codes matching CODE.
    Codes(codes::Args),
    /// Serve a local stand-in for POST /api/v2/token on 127.0.0.1: it answers like iDenfy
    /// (401, 400 with iDenfy's error body, 201 with a token) with the same checks.
    Serve(serve::Args),
}

/// How much to print and what fails the run, one definition for `check` and `check-response`.
#[derive(clap::Args)]
pub(crate) struct Verdict {
    /// Print only the summary line of each input (and the total).
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Fail (exit 1) on warnings too.
    #[arg(long, visible_alias = "deny-warnings")]
    pub(crate) strict: bool,
}

impl Verdict {
    /// Whether a report passes: valid, and without warnings under `--strict`.
    pub(crate) fn passes(&self, valid: bool, warnings: usize) -> bool {
        valid && !(self.strict && warnings > 0)
    }
}

/// A JSON report, with `"passed"` beside `"valid"` under `--strict`, where the two can differ (a
/// valid report with warnings does not pass), so a CI tool reading the JSON sees why the run
/// failed.
#[derive(serde::Serialize)]
pub(crate) struct Strict<T: serde::Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    passed: Option<bool>,
    #[serde(flatten)]
    report: T,
}

impl<T: serde::Serialize> Strict<T> {
    /// `report` (or a reference to one), with `"passed"` when `strict`.
    pub(crate) fn new(report: T, strict: bool, passed: bool) -> Self {
        Strict {
            passed: strict.then_some(passed),
            report,
        }
    }
}

/// How a subcommand prints reports, so a broken profile's report is printed the same way.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Human,
    Json,
    /// One JSON object per line (`--jsonl`).
    JsonLine,
}

/// The checking context, one definition for `check` and `check-response`.
#[derive(clap::Args)]
pub(crate) struct ContextArgs {
    /// Today's date for date-relative rules (default: today's date in UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    today: Option<Date>,
    /// Include the offending input values in violations, and what is derived from personal ones
    /// (a suggestion for a nationality); both are withheld by default, as personal data.
    #[arg(long)]
    show_values: bool,
    /// Treat undocumented request members as errors instead of warnings (members a response
    /// adds that no documentation lists are always passed over).
    #[arg(long)]
    deny_unknown: bool,
    /// The account's default token lifetime in seconds (limit for expiryTime with
    /// generateDigitString), 1 to 2592000 like a profile's defaultExpiryTime.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = DEFAULT_EXPIRY_TIME,
        value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_EXPIRY_TIME))
    )]
    default_expiry_time: u32,
    /// A partner profile file (schema/partner-profile.schema.json): the account's permissions,
    /// features, dashboard defaults, lists and policies, which make the account-dependent rules
    /// precise. A profile with errors (an undocumented member is one) is reported and nothing is
    /// checked (exit 2); its warnings go to standard error.
    #[arg(long, value_name = "FILE")]
    profile: Option<String>,
}

impl ContextArgs {
    /// The [`Engine`] (the account: the partner profile read, the unknown-member policy, the
    /// default expiry) and the [`Context`] (`--today` defaults to today's date in UTC: the
    /// binary reads the clock so that the library never does) these flags describe; the exit
    /// status if the profile cannot be read or has errors (reported, as JSON with `json`).
    pub(crate) fn engine(
        &self,
        out: &output::Output,
        form: Form,
    ) -> Result<(Engine, Context), Status> {
        let ctx = self.base_context();
        let account = Engine::builder()
            .default_expiry_time(self.default_expiry_time)
            .unknown_fields(if self.deny_unknown {
                UnknownFields::Deny
            } else {
                UnknownFields::Warn
            });
        let Some(path) = &self.profile else {
            return Self::build(account, ctx);
        };
        if path == "-" {
            // Standard input is for the bodies; a profile read from it would leave them none.
            output::complain("--profile needs a file: standard input is for the bodies");
            return Err(Status::Trouble);
        }
        let file = input::read(path).map_err(|e| {
            output::complain(&format!("--profile: {}", e.error));
            Status::Trouble
        })?;
        let label = format!("partner profile {}", file.label);
        let report = idenfy_preflight::load_profile(&file.bytes, &ctx);
        let human = idenfy_preflight::render::Human::new().color(true);
        if !report.is_valid() {
            let text = match form {
                Form::Human => human.profile(&label, &report),
                Form::Json => output::pretty(&report),
                Form::JsonLine => serde_json::to_string(&report).unwrap_or_default() + "\n",
            };
            out.emit(&text, Status::Trouble);
            output::complain(&format!(
                "the partner profile {} has errors, so nothing was checked",
                file.label
            ));
            return Err(Status::Trouble);
        }
        if !report.violations().is_empty() {
            // Warnings (an undocumented member, most often a name near a documented one) go
            // to standard error, so they are seen without changing the report's output.
            eprint!("{}", human.color(false).profile(&label, &report));
        }
        match report.into_result() {
            Ok(profile) => Self::build(account.profile(profile), ctx),
            Err(_) => Err(Status::Trouble),
        }
    }

    /// The engine compiled (a loaded profile's policies all apply: the loader refuses one that
    /// cannot).
    fn build(account: EngineBuilder, ctx: Context) -> Result<(Engine, Context), Status> {
        match account.build() {
            Ok(engine) => Ok((engine, ctx)),
            Err(e) => {
                output::complain(&format!("--profile: {e}"));
                Err(Status::Trouble)
            }
        }
    }

    fn base_context(&self) -> Context {
        let today = self
            .today
            .unwrap_or_else(|| idenfy_preflight::time::OffsetDateTime::now_utc().date());
        Context::new()
            .with_today(today)
            .with_show_values(self.show_values)
    }
}

/// Exactly `YYYY-MM-DD` and a real date, as the body's dates must be (`time`'s own parser
/// would also take a sign, `+2026-01-01`).
fn parse_date(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let wrong = || format!("expected a real date written YYYY-MM-DD, got {s:?}");
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return Err(wrong());
    }
    if !digits(8..10) {
        return Err(wrong());
    }
    let number = |r: std::ops::Range<usize>| s[r].parse::<u16>().map_err(|_| wrong());
    let month =
        idenfy_preflight::Month::try_from(u8::try_from(number(5..7)?).map_err(|_| wrong())?)
            .map_err(|_| wrong())?;
    let year = i32::from(number(0..4)?);
    if year == 0 {
        return Err(wrong()); // no calendar has it, nor do the body's dates
    }
    let day = u8::try_from(number(8..10)?).map_err(|_| wrong())?;
    Date::from_calendar_date(year, month, day).map_err(|_| wrong())
}

/// Parses the arguments and runs the subcommand.
pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let out = output::Output::new(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let status = match cli.command {
        Command::Check(args) => check::run(args, &out),
        Command::CheckResponse(args) => check_response::run(args, &out),
        Command::Explain(args) => explain::run(args, &out),
        Command::Rules(args) => rules::run(args, &out),
        Command::Codes(args) => codes::run(args, &out),
        Command::Serve(args) => serve::run(args, &out),
    };
    status.into()
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn today_is_strict() {
        assert!(parse_date("2026-11-25").is_ok());
        assert!(parse_date("2024-02-29").is_ok());
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "+2026-01-01",
            "02026-01-01",
            "2026-1-01",
            "",
            "2026-11-2x",
            "0000-01-01",
            "2026x01-01",
            "2026-01x01",
            "2026/01/01",
            // A sign that `u16::from_str` would take.
            "+026-01-01",
            "2026-+1-01",
            "2026-01-+1",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
