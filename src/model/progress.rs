//! How far a load has got: the loader counts, whoever shows it reads (from another thread).

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// A load's stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    /// Ids, references, and every quote found in its article.
    Checking,
    Done,
}

#[derive(Debug)]
pub struct Progress {
    stage: AtomicU8,
    /// Bytes of the file parsed so far, and in all (0 while unknown).
    parsed: AtomicUsize,
    total: AtomicUsize,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            stage: AtomicU8::new(Stage::Reading as u8),
            parsed: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }
}

impl Progress {
    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            _ => Stage::Done,
        }
    }

    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub fn set_total(&self, bytes: usize) {
        self.total.store(bytes, Ordering::Relaxed);
    }

    pub fn set_parsed(&self, bytes: usize) {
        self.parsed.store(bytes, Ordering::Relaxed);
    }

    pub fn add_parsed(&self, bytes: usize) {
        self.parsed.fetch_add(bytes, Ordering::Relaxed);
    }

    /// (bytes parsed, bytes in all).
    pub fn parsed(&self) -> (usize, usize) {
        (
            self.parsed.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}
