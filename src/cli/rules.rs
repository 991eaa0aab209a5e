//! `rules [MEMBER]`: the rule table, of every member or of those matching MEMBER.

use super::output::{complain, pretty, Output};
use super::Status;
use clap::ValueEnum;
use idenfy_preflight::catalogue::{self, MemberInfo};
use idenfy_preflight::render::rules_markdown_for;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  idenfy-preflight rules                  # the whole table, as in docs/RULES.md
  idenfy-preflight rules firstName        # one member (its name or an alias, exactly)
  idenfy-preflight rules url              # every member whose name contains \"url\"
  idenfy-preflight rules --format json | jq '.[] | select(.personal) | .name'

Exit status: 0, or 2 (a usage error) when no member matches.")]
pub(crate) struct Args {
    /// A member's name or alias (exact), or part of names (any case).
    member: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// A GitHub Markdown table.
    Markdown,
    /// A JSON array of {"name", "aliases", "section", "origin", "required", "personal", "type",
    /// "rules", "normalized", "doc"}.
    Json,
}

/// The members `filter` names: exactly one by name or alias, else those whose name contains it
/// in any case.
fn matching(filter: &str) -> Vec<MemberInfo> {
    if let Some(m) = catalogue::member(filter) {
        return vec![m];
    }
    let needle = filter.to_lowercase();
    catalogue::members()
        .filter(|m| m.name().to_lowercase().contains(&needle))
        .collect()
}

pub(crate) fn run(args: Args, out: &Output) -> Status {
    let members = match &args.member {
        None => catalogue::members().collect(),
        Some(filter) => matching(filter),
    };
    if members.is_empty() {
        complain(&format!(
            "no documented member matches {:?} (`idenfy-preflight rules` lists them all)",
            args.member.as_deref().unwrap_or_default()
        ));
        return Status::Trouble;
    }
    let text = match args.format {
        Format::Json => pretty(&members),
        Format::Markdown => rules_markdown_for(members),
    };
    out.emit(&text, Status::Valid)
}
