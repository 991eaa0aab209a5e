//! `idenfy-preflight`: check iDenfy Generate token request files from the command line. The
//! subcommands live in `src/cli/`, one file each, over the library's renderers.

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
