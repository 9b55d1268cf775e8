//! Entry point: parse the command line and hand over to the command it names.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    debate::cli::run(debate::cli::Cli::parse())
}
