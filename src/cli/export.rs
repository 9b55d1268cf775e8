//! `debate export`: the debate in another format, to stdout or a file.

use std::path::PathBuf;
use std::process::ExitCode;

use super::load::load_or_report;
use super::output::write_out;
use crate::export::Format;
use crate::model;

/// The formats as the command line names them; the export module knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Dot,
    Argdown,
    Text,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Markdown => Self::Markdown,
            ExportFormat::Json => Self::Json,
            ExportFormat::Dot => Self::Dot,
            ExportFormat::Argdown => Self::Argdown,
            ExportFormat::Text => Self::Text,
        }
    }
}

pub(super) fn run(
    file: Option<PathBuf>,
    format: ExportFormat,
    framing: Option<&str>,
    output: Option<&PathBuf>,
) -> ExitCode {
    let (_, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let framing_ix = framing.map(|id| (id, debate.framing_by_id(id)));
    let framing_ix = match framing_ix {
        Some((id, None)) => {
            let ids: Vec<&str> = debate.framings.iter().map(|f| f.id.as_str()).collect();
            let message = format!(
                "no framing with id '{id}'; the framings are: {}",
                ids.join(", ")
            );
            eprintln!("error: {}", model::diagnostic::one_line(&message));
            return ExitCode::from(2);
        }
        Some((_, found)) => found,
        None => None,
    };
    write_out(
        output,
        &crate::export::export(&debate, format.into(), framing_ix),
    )
}
