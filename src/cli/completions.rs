//! `debate completions SHELL`: the shell's completion script, made by `clap_complete` from the
//! same definition the parser uses, so it cannot drift from the commands.

use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

pub(super) fn run(shell: clap_complete::Shell) -> ExitCode {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "debate", &mut std::io::stdout());
    ExitCode::SUCCESS
}
