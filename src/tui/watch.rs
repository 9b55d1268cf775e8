//! Watching the debate file for saves, so that the reader shows what the editor wrote.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often the watched file's modification time and size are looked at.
pub(super) const WATCH_EVERY: Duration = Duration::from_millis(250);

/// Watches the debate file for saves. A change is loaded once the file has stayed the same for
/// one look, so an editor's save in several writes is read whole.
pub(super) struct Watch {
    pub(super) path: PathBuf,
    seen: Option<(SystemTime, u64)>,
    pending: Option<(SystemTime, u64)>,
    last_look: Instant,
}

impl Watch {
    pub(super) fn new(path: PathBuf) -> Self {
        let seen = Self::stamp(&path);
        Self {
            path,
            seen,
            pending: None,
            last_look: Instant::now(),
        }
    }

    /// Takes the file as it is now as seen: the reader's own save is no change to reload.
    pub(super) fn resync(&mut self) {
        self.seen = Self::stamp(&self.path);
        self.pending = None;
    }

    fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    }

    /// A new version to load, when the file changed and then held still.
    pub(super) fn poll(
        &mut self,
    ) -> Option<Result<crate::model::Debate, crate::model::LoadFailure>> {
        if self.last_look.elapsed() < WATCH_EVERY {
            return None;
        }
        self.last_look = Instant::now();
        let now = Self::stamp(&self.path);
        if now == self.seen {
            self.pending = None;
            return None;
        }
        if self.pending != now {
            self.pending = now;
            return None;
        }
        self.seen = now;
        self.pending = None;
        // A file deleted mid-save (some editors do) is simply waited for.
        now?;
        Some(crate::model::load_path(&self.path))
    }
}
