//! The command line: subcommands and their arguments (clap derive), and what each one runs.
//!
//! Exit codes: 0 success, 1 a debate file has errors (or could not be read), 2 usage errors
//! (clap's own), 3 the terminal failed.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::model::{self, Debate, LoadFailure};

#[derive(Debug, Parser)]
#[command(
    name = "debate",
    version,
    about = "Read articles and explore the debate between their framings, in the terminal",
    long_about = "Read articles and explore the debate between their framings, in the terminal.\n\n\
        With no FILE, opens the embedded DeepSeek debate.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The debate file to open (TOML); the embedded debate when left out.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check debate files and print a summary of each; errors go to stderr.
    Check {
        /// Files to check; the embedded debate when none is given.
        files: Vec<PathBuf>,
    },
}

/// Where a debate comes from: a file, or the copy built into the binary.
#[derive(Debug, Clone)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl Origin {
    pub fn from_arg(file: Option<PathBuf>) -> Self {
        file.map_or(Self::Embedded, Self::File)
    }

    pub fn name(&self) -> String {
        match self {
            Self::Embedded => model::EMBEDDED_NAME.to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }

    pub fn load(&self) -> Result<Debate, LoadFailure> {
        match self {
            Self::Embedded => Debate::embedded(),
            Self::File(path) => model::load_path(path).map(|(debate, _)| debate),
        }
    }
}

/// Prints a load failure to stderr, coloured when stderr is a terminal.
pub fn report(failure: &LoadFailure) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    // Nothing useful can be done if stderr itself is gone.
    let _ = err.write_all(failure.render(color).as_bytes());
    let noun = if failure.diagnostics.len() == 1 {
        "error"
    } else {
        "errors"
    };
    let _ = writeln!(
        err,
        "{}: {} {noun}",
        model::diagnostic::one_line(&failure.file),
        failure.diagnostics.len()
    );
}

/// `debate check`: one summary line per good file on stdout, errors on stderr.
pub fn check(files: Vec<PathBuf>) -> ExitCode {
    let origins: Vec<Origin> = if files.is_empty() {
        vec![Origin::Embedded]
    } else {
        files.into_iter().map(Origin::File).collect()
    };
    let mut ok = true;
    let mut out = std::io::stdout().lock();
    for origin in origins {
        match origin.load() {
            Ok(debate) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}",
                    model::diagnostic::one_line(&origin.name()),
                    debate.summary()
                );
            }
            Err(failure) => {
                ok = false;
                let _ = out.flush();
                report(&failure);
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
