//! `debate man`: the manual page in roff, made by `clap_mangen` from the parser's definition.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

pub(super) fn run() -> ExitCode {
    let mut page = Vec::new();
    if let Err(error) = clap_mangen::Man::new(Cli::command()).render(&mut page) {
        eprintln!("error: cannot make the manual page: {error}");
        return ExitCode::from(1);
    }
    // Nothing useful can be done if stdout is gone (`debate man | head`).
    let _ = std::io::stdout().lock().write_all(&page);
    ExitCode::SUCCESS
}
