//! `debate notes`: the bookmarks, verdicts and notes saved for a debate, as Markdown or JSON.
//! It only reads the state file: one it cannot use is reported, never set aside (that is the
//! reader's job, which then starts fresh).

use std::path::PathBuf;
use std::process::ExitCode;

use super::load::{Origin, load_or_report};
use crate::model::{self, Debate};
use crate::session::{DebateKey, Session, Store, notes, store};

/// The formats `debate notes` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum NotesFormat {
    #[default]
    Markdown,
    Json,
}

/// The key the reader files the session of `origin` under.
pub fn key_of(origin: &Origin, debate: &Debate) -> std::io::Result<DebateKey> {
    match origin {
        Origin::Embedded => Ok(DebateKey::embedded(&debate.title, model::EMBEDDED)),
        Origin::File(path) => DebateKey::for_file(path),
    }
}

/// The saved session of `key` in `store`, read without touching the file; an empty one when
/// nothing was saved.
fn read_session(store: &Store, key: &DebateKey) -> Result<Session, String> {
    let path = store.path_of(key);
    match std::fs::read(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Session::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(bytes) => store::parse(&bytes)
            .map_err(|why| format!("saved state {} not used: {why}", path.display())),
    }
}

pub(super) fn run(file: Option<PathBuf>, format: NotesFormat) -> ExitCode {
    let (origin, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(store) = Store::default_location() else {
        eprintln!("error: no state directory (set DEBATE_STATE_DIR or HOME)");
        return ExitCode::FAILURE;
    };
    let key =
        key_of(&origin, &debate).map_err(|e| format!("cannot resolve {}: {e}", origin.name()));
    // What the reader set aside is not read here, but said, so that it is not taken for lost.
    if let Ok(key) = &key {
        for path in store.set_aside_files(key) {
            eprintln!(
                "debate: an unusable state file was set aside, its bookmarks, verdicts and notes not listed here: {}",
                path.display()
            );
        }
    }
    let session = match key.and_then(|key| read_session(&store, &key)) {
        Ok(session) => session,
        Err(message) => {
            eprintln!("error: {}", model::diagnostic::one_line(&message));
            return ExitCode::FAILURE;
        }
    };
    let text = match format {
        NotesFormat::Markdown => notes::markdown(&session, &debate),
        NotesFormat::Json => notes::json(&session, &debate),
    };
    super::output::write_out(None, &text)
}
