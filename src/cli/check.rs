//! `debate check`: each file loaded and summarised on stdout; errors and warnings (the
//! placeholders `debate new` leaves) on stderr. Exit 1 when a file has errors, or warnings
//! under `--strict`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::load::{Origin, report};
use crate::model::{self, Debate, diagnostic};

pub(super) fn run(files: Vec<PathBuf>, strict: bool) -> ExitCode {
    let origins: Vec<Origin> = if files.is_empty() {
        vec![Origin::Embedded]
    } else {
        files.into_iter().map(Origin::File).collect()
    };
    let mut ok = true;
    for origin in origins {
        match origin.load() {
            Ok(debate) => ok &= summarise(&origin, &debate, strict),
            Err(failure) => {
                ok = false;
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

/// A file that loaded: its warnings on stderr and its summary on stdout. False when its
/// warnings count as errors.
fn summarise(origin: &Origin, debate: &Debate, strict: bool) -> bool {
    let name = diagnostic::one_line(&origin.name());
    let warnings = if model::placeholders::suspected(debate) {
        origin
            .text()
            .map(|text| (model::placeholders::warnings(&text), text))
            .ok()
    } else {
        None
    };
    let count = warnings.as_ref().map_or(0, |(w, _)| w.len());
    if let Some((warnings, text)) = warnings.filter(|(w, _)| !w.is_empty()) {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let shown = diagnostic::render(&origin.name(), &text, &warnings, color);
        let _ = std::io::stderr().lock().write_all(shown.as_bytes());
    }
    let noun = if count == 1 { "warning" } else { "warnings" };
    if strict && count > 0 {
        eprintln!("{name}: {count} {noun}, errors under --strict");
        return false;
    }
    let mut out = std::io::stdout().lock();
    if count > 0 {
        let _ = writeln!(out, "{name}: ok: {}; {count} {noun}", debate.summary());
    } else {
        let _ = writeln!(out, "{name}: ok: {}", debate.summary());
    }
    true
}
