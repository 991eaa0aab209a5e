//! `codes [CODE]`: the violation codes and their meaning, of all or of those matching CODE.

use super::output::{complain, pretty, Output};
use super::Status;
use clap::ValueEnum;
use idenfy_preflight::interop::idenfy_identifier;
use idenfy_preflight::Code;
use serde::Serialize;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight codes                      # every code and its meaning
  idenfy-preflight codes misspelled_field     # one code (exactly), with its reason
  idenfy-preflight codes url                  # every code containing \"url\"
  idenfy-preflight codes --format json

Exit status: 0, or 2 (a usage error) when no code matches.")]
pub(crate) struct Args {
    /// A code (exact), or part of codes.
    code: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One line per code: the code, then its meaning; one code named exactly also gets its
    /// reason on a second line.
    Text,
    /// A JSON array of {"code", "description", "reason", "idenfyIdentifier"}.
    Json,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    code: Code,
    description: &'static str,
    /// Why: for an error, the documented reason iDenfy refuses or loses it; for a warning,
    /// what happens when it is sent anyway.
    reason: &'static str,
    /// What iDenfy's own error body would call it.
    idenfy_identifier: &'static str,
}

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let mut exact = false;
    let codes: Vec<Code> = match &args.code {
        None => Code::ALL.to_vec(),
        Some(filter) => match Code::ALL.iter().find(|c| c.as_str() == filter) {
            Some(one) => {
                exact = true;
                vec![*one]
            }
            None => {
                let needle = filter.to_lowercase();
                Code::ALL
                    .iter()
                    .copied()
                    .filter(|c| c.as_str().contains(&needle))
                    .collect()
            }
        },
    };
    if codes.is_empty() {
        complain(&format!(
            "no code matches {:?} (`idenfy-preflight codes` lists them all)",
            args.code.as_deref().unwrap_or_default()
        ));
        return Status::Trouble;
    }
    let text = match args.format {
        Format::Text => codes
            .iter()
            .map(|code| {
                let mut line = format!("{code:<36} {}\n", code.description());
                if exact {
                    line.push_str(&format!("{:<36} reason: {}\n", "", code.reason()));
                }
                line
            })
            .collect(),
        Format::Json => pretty(
            &codes
                .iter()
                .map(|&code| Entry {
                    code,
                    description: code.description(),
                    reason: code.reason(),
                    idenfy_identifier: idenfy_identifier(code),
                })
                .collect::<Vec<_>>(),
        ),
    };
    out.emit(&text, Status::Valid)
}
