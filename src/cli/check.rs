//! `debate check`: each file loaded and summarised on stdout; errors on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::load::{Origin, report};
use crate::model;

/// `debate check`: one summary line per good file on stdout, errors on stderr.
pub(super) fn run(files: Vec<PathBuf>) -> ExitCode {
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
