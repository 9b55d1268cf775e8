//! `debate [FILE]`: the interactive reader, once the file has loaded without errors.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::load::{Origin, load_or_report};
use crate::state::State;

/// `debate [FILE]`: the interactive reader. Errors in the file are printed before the
/// terminal is touched.
pub(super) fn run(file: Option<PathBuf>) -> ExitCode {
    let (origin, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "error: the reader needs a terminal; `debate render` draws a screen to stdout, `debate check` validates"
        );
        return ExitCode::from(3);
    }
    let state = State::new(debate, origin.name(), 80, 24);
    let watch = match &origin {
        Origin::File(path) => Some(path.clone()),
        Origin::Embedded => None,
    };
    match crate::tui::run(state, watch) {
        Ok(crate::tui::Ending::Quit) => ExitCode::SUCCESS,
        // The conventional status for death by a signal: 128 + its number.
        Ok(crate::tui::Ending::Signal(n)) => ExitCode::from(u8::try_from(128 + n).unwrap_or(1)),
        Err(error) => {
            // stderr may be the terminal that failed: a failed write must not panic.
            let _ = writeln!(std::io::stderr(), "error: the terminal failed: {error}");
            ExitCode::from(3)
        }
    }
}
