//! `check`: request bodies from files, glob patterns or standard input (or JSON Lines, see
//! `bulk.rs`), each reported, with a summary line per file and a total.

use super::input::{self, Input, Unread};
use super::output::{complain, pretty, Output};
use super::{bulk, ContextArgs, Form, Status, Strict, Verdict};
use clap::ValueEnum;
use idenfy_preflight::interop::{idenfy_error, problem_details};
use idenfy_preflight::render::Human;
use idenfy_preflight::Report;
use serde::Serialize;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight check request.json
  idenfy-preflight check 'requests/*.json' --quiet          # one summary line per file
  idenfy-preflight check request.json --strict             # warnings fail the run too
  idenfy-preflight check request.json --print-request      # and show the body to send
  cat request.json | idenfy-preflight check --format json
  idenfy-preflight check --jsonl requests.jsonl > reports.jsonl
  idenfy-preflight check request.json --profile profile.json   # the account's own rules too

Exit status: 0 when every request is valid (warnings allowed unless --strict), 1 when any is
invalid, 2 on usage errors or inputs that cannot be read.")]
pub(crate) struct Args {
    /// Request body files or glob patterns (`requests/*.json`); `-` or nothing reads standard
    /// input.
    #[arg(value_name = "FILE")]
    files: Vec<std::ffi::OsString>,
    /// Read JSON Lines from FILE (`-` for standard input): one request per line, one JSON report
    /// per line out, then a summary line.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "format", "print_request"])]
    jsonl: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Human output: print the normalized request of a valid body (it holds personal data, so
    /// it is not printed by default; `--format json` always includes it).
    #[arg(long)]
    print_request: bool,
    #[command(flatten)]
    verdict: Verdict,
    #[command(flatten)]
    context: ContextArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Readable at a glance: one line per violation, grouped by severity, with a summary.
    Human,
    /// One JSON object: {"valid", "request", "violations"}; for several files
    /// {"valid", "files": [{"file", "valid", "request", "violations"}]}, where a file that
    /// could not be read has "valid": false and its "error".
    Json,
    /// RFC 9457 problem details (application/problem+json) when invalid; the normalized request
    /// when valid (what a gateway would forward). One file only.
    Problem,
    /// iDenfy's own error body {"identifier", "message"} when invalid; the normalized request
    /// when valid. One file only.
    Idenfy,
}

/// One file's entry in the JSON of several.
#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    report: &'a Report<'a>,
}

/// The entry of a file that could not be read (or a pattern that matched nothing): not valid,
/// nothing checked, and why.
#[derive(Serialize)]
struct UnreadReport<'a> {
    file: &'a str,
    valid: bool,
    request: Option<()>,
    violations: [(); 0],
    error: &'a str,
}

/// One entry of `files`, in the order of the arguments.
#[derive(Serialize)]
#[serde(untagged)]
enum Entry<'a> {
    Checked(Strict<FileReport<'a>>),
    Unread(Strict<UnreadReport<'a>>),
}

#[derive(Serialize)]
struct Several<'a> {
    valid: bool,
    files: Vec<Entry<'a>>,
}

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let form = match (&args.jsonl, args.format) {
        (Some(_), _) => Form::JsonLine,
        (None, Format::Json) => Form::Json,
        _ => Form::Human,
    };
    let (engine, ctx) = match args.context.engine(out, form) {
        Ok(setup) => setup,
        Err(status) => return status,
    };
    if let Some(path) = &args.jsonl {
        return bulk::run(path, &engine, &ctx, &args.verdict, out);
    }
    // The shape of the output follows the arguments, not how many files a pattern matched
    // today, so a script reading it keeps working when a second file appears.
    let (paths, several) = input::expand(&args.files);
    if several && matches!(args.format, Format::Problem | Format::Idenfy) {
        complain("--format problem and --format idenfy answer for one body: give one file");
        return Status::Trouble;
    }
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        complain("standard input can be read once: give `-` at most once");
        return Status::Trouble;
    }
    let inputs: Vec<Result<Input, Unread>> = paths
        .into_iter()
        .map(|path| path.and_then(input::read))
        .collect();
    for unread in inputs.iter().filter_map(|i| i.as_ref().err()) {
        complain(&unread.error);
    }
    let unreadable = inputs.iter().filter(|i| i.is_err()).count();
    // Every input in the order of the arguments: its report, or why it could not be read.
    let outcomes: Vec<Result<(&str, Report<'_>), &Unread>> = inputs
        .iter()
        .map(|i| match i {
            Ok(i) => Ok((i.label.as_str(), engine.check(&i.bytes, &ctx))),
            Err(e) => Err(e),
        })
        .collect();
    let reports: Vec<&(&str, Report<'_>)> =
        outcomes.iter().filter_map(|o| o.as_ref().ok()).collect();
    let passes = |r: &Report<'_>| args.verdict.passes(r.is_valid(), r.warning_count());
    let all_pass = unreadable == 0 && reports.iter().all(|(_, r)| passes(r));
    let human = Human::new()
        .color(true)
        .print_request(args.print_request)
        .summary_only(args.verdict.quiet);
    let text = match args.format {
        Format::Human => {
            let mut text: String = reports
                .iter()
                .map(|(label, r)| human.request(label, r))
                .collect();
            if several {
                text.push_str(&total(&reports, unreadable, args.verdict.strict));
            } else if let [(_, r)] = reports.as_slice() {
                if r.is_valid() && !args.verdict.passes(true, r.warning_count()) {
                    text.push_str("--strict: the warnings fail the run\n");
                }
            }
            text
        }
        Format::Json if several => {
            let files: Vec<Entry<'_>> = outcomes
                .iter()
                .map(|o| match o {
                    Ok((file, report)) => Entry::Checked(Strict::new(
                        FileReport { file, report },
                        args.verdict.strict,
                        passes(report),
                    )),
                    Err(unread) => Entry::Unread(Strict::new(
                        UnreadReport {
                            file: &unread.label,
                            valid: false,
                            request: None,
                            violations: [],
                            error: &unread.error,
                        },
                        args.verdict.strict,
                        false,
                    )),
                })
                .collect();
            let several = Several {
                valid: unreadable == 0 && reports.iter().all(|(_, r)| r.is_valid()),
                files,
            };
            pretty(&Strict::new(&several, args.verdict.strict, all_pass))
        }
        Format::Json => reports
            .iter()
            .map(|(_, r)| pretty(&Strict::new(r, args.verdict.strict, passes(r))))
            .collect(),
        Format::Problem => reports
            .iter()
            .map(|(_, r)| match problem_details(r) {
                Some(problem) => pretty(&problem),
                None => pretty(&r.request()),
            })
            .collect(),
        Format::Idenfy => reports
            .iter()
            .map(|(_, r)| match idenfy_error(r) {
                Some(error) => pretty(&error),
                None => pretty(&r.request()),
            })
            .collect(),
    };
    let status = if unreadable > 0 {
        Status::Trouble
    } else if all_pass {
        Status::Valid
    } else {
        Status::Invalid
    };
    out.emit(&text, status)
}

/// The closing line of several files: `3 files: 2 valid, 1 invalid (4 errors, 1 warning)`, and
/// the inputs that could not be read.
fn total(reports: &[&(&str, Report<'_>)], unreadable: usize, strict: bool) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let valid = reports.iter().filter(|(_, r)| r.is_valid()).count();
    let errors: usize = reports.iter().map(|(_, r)| r.error_count()).sum();
    let warnings: usize = reports.iter().map(|(_, r)| r.warning_count()).sum();
    let with_warnings = reports
        .iter()
        .filter(|(_, r)| r.is_valid() && r.warning_count() > 0)
        .count();
    let unread = if unreadable > 0 {
        format!(", {unreadable} unreadable")
    } else {
        String::new()
    };
    let strict_note = if strict && with_warnings > 0 {
        format!("; {with_warnings} valid with warnings, which --strict fails")
    } else {
        String::new()
    };
    format!(
        "{}: {valid} valid, {} invalid{unread} ({}, {}){strict_note}\n",
        plural(reports.len() + unreadable, "file"),
        reports.len() - valid,
        plural(errors, "error"),
        plural(warnings, "warning"),
    )
}

#[cfg(test)]
mod tests {
    use super::total;
    use idenfy_preflight::{check_str, Context};

    #[test]
    fn the_closing_line_counts_files_and_strict_failures() {
        let ctx = Context::new();
        let clean = check_str(r#"{"clientId": "a"}"#, &ctx);
        let warns = || check_str(r#"{"clientId": "a", "zzz": 1}"#, &ctx);
        let invalid = check_str(r#"{"sex": "X"}"#, &ctx);
        let reports = [("a", clean), ("b", warns()), ("c", warns()), ("d", invalid)];
        let reports: Vec<_> = reports.iter().collect();
        assert_eq!(
            total(&reports, 1, true),
            "5 files: 3 valid, 1 invalid, 1 unreadable (2 errors, 2 warnings); \
             2 valid with warnings, which --strict fails\n"
        );
        assert_eq!(
            total(&reports, 0, false),
            "4 files: 3 valid, 1 invalid (2 errors, 2 warnings)\n"
        );
        let clean = [("a", check_str(r#"{"clientId": "a"}"#, &ctx))];
        let clean: Vec<_> = clean.iter().collect();
        assert_eq!(
            total(&clean, 0, true),
            "1 file: 1 valid, 0 invalid (0 errors, 0 warnings)\n"
        );
    }
}
