//! Where a debate comes from (a file or the embedded copy), loading it with progress shown
//! for large files, and load failures reported on stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::model::progress::{Progress, Stage};
use crate::model::{self, Debate, LoadFailure};

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

    /// The text of the debate, read again.
    pub fn text(&self) -> Result<String, LoadFailure> {
        match self {
            Self::Embedded => Ok(model::EMBEDDED.to_owned()),
            Self::File(path) => model::read_text(path),
        }
    }

    pub fn load(&self) -> Result<Debate, LoadFailure> {
        match self {
            Self::Embedded => Debate::embedded(),
            Self::File(path) => load_showing_progress(path),
        }
    }
}

/// Files this large show their progress while they load (when stderr is a terminal).
const SHOW_PROGRESS_FROM: u64 = 4 << 20;

/// Loads a file; a large one on a thread of its own, while a line on stderr tells how far it
/// has got, rewritten in place ten times a second and erased at the end.
fn load_showing_progress(path: &std::path::Path) -> Result<Debate, LoadFailure> {
    let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= SHOW_PROGRESS_FROM);
    if !large || !std::io::stderr().is_terminal() {
        return model::load_path(path);
    }
    let progress = Progress::default();
    let name = model::diagnostic::one_line(&path.display().to_string());
    std::thread::scope(|scope| {
        let loading = scope.spawn(|| model::load_path_showing(path, &progress));
        let mut err = std::io::stderr();
        loop {
            let _ = write!(err, "\r\x1b[2K{}", progress_line(&name, &progress));
            let _ = err.flush();
            if loading.is_finished() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
        loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// "Loading big.toml: parsing 45% (37 of 82 MB)", or the stage after parsing.
pub fn progress_line(name: &str, progress: &Progress) -> String {
    let (parsed, total) = progress.parsed();
    let mb = |bytes: usize| bytes.div_ceil(1_000_000);
    match progress.stage() {
        Stage::Reading => format!("Loading {name}: reading…"),
        Stage::Parsing if total > 0 => format!(
            "Loading {name}: parsing {}% ({} of {} MB)",
            parsed.min(total) * 100 / total,
            mb(parsed.min(total)),
            mb(total)
        ),
        Stage::Parsing => format!("Loading {name}: parsing…"),
        Stage::Checking => format!("Loading {name}: checking ids, links and quotes…"),
        Stage::Done => format!("Loading {name}: done"),
    }
}

/// Loads the debate a command names (the embedded one when none), or reports why not: the
/// exit code to return then.
pub(super) fn load_or_report(file: Option<PathBuf>) -> Result<(Origin, Debate), ExitCode> {
    let origin = Origin::from_arg(file);
    match origin.load() {
        Ok(debate) => Ok((origin, debate)),
        Err(failure) => {
            report(&failure);
            Err(ExitCode::from(1))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_names_the_stage_and_how_far() {
        let p = Progress::default();
        assert_eq!(progress_line("big.toml", &p), "Loading big.toml: reading…");
        p.set_stage(Stage::Parsing);
        p.set_total(82_000_000);
        p.add_parsed(37_000_000);
        assert_eq!(
            progress_line("big.toml", &p),
            "Loading big.toml: parsing 45% (37 of 82 MB)"
        );
        p.set_stage(Stage::Checking);
        assert_eq!(
            progress_line("big.toml", &p),
            "Loading big.toml: checking ids, links and quotes…"
        );
    }
}
