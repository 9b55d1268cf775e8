//! `debate new`: a first debate file from articles, written only if it checks.

use std::path::PathBuf;
use std::process::ExitCode;

use super::load::report;
use super::output::write_out;
use crate::model;

/// `debate new`: refuses to overwrite an existing file unless `force`.
pub(super) fn run(articles: &[PathBuf], output: Option<&PathBuf>, force: bool) -> ExitCode {
    if let Some(path) = output
        && path.exists()
        && !force
    {
        eprintln!(
            "error: '{}' exists; give another name, or --force to overwrite it",
            model::diagnostic::one_line(&path.display().to_string())
        );
        return ExitCode::from(1);
    }
    let mut sources = Vec::with_capacity(articles.len());
    for path in articles {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!(
                    "error: cannot read '{}': {e}",
                    model::diagnostic::one_line(&name)
                );
                return ExitCode::from(1);
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!(
                "error: '{}' is not UTF-8 text; save it as UTF-8",
                model::diagnostic::one_line(&name)
            );
            return ExitCode::from(1);
        };
        sources.push(crate::scaffold::read_article(&name, &text));
    }
    match crate::scaffold::new_debate(&sources) {
        Ok((text, debate)) => {
            let code = write_out(output, &text);
            if code == ExitCode::SUCCESS && output.is_some() {
                eprintln!(
                    "wrote a new debate: {}; next, fill in the TODOs and run `debate check`",
                    debate.summary()
                );
            }
            code
        }
        Err(failure) => {
            // The articles made a file that does not check: say what, rather than write it.
            report(&failure);
            ExitCode::from(1)
        }
    }
}
