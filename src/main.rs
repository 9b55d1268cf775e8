//! Entry point: parse the command line and hand over to the command it names.

use std::process::ExitCode;

use clap::Parser;
use debate::cli::{self, Cli, Command, Origin};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => cli::check(files),
        None => {
            let origin = Origin::from_arg(cli.file);
            match origin.load() {
                Ok(debate) => {
                    println!("{}: {}", origin.name(), debate.summary());
                    ExitCode::SUCCESS
                }
                Err(failure) => {
                    cli::report(&failure);
                    ExitCode::from(1)
                }
            }
        }
    }
}
