//! Claim edits saved into a debate file: format-preserving, validated, atomic, conflict-checked
//! and undoable. No terminal or UI code: the reader's forms build on this.
//!
//! An [`Editor`] holds the text it last read or wrote and an index of the file's sections. An
//! [`Edit`] becomes splices of single claim sections (`toml_edit` rewrites only the values that
//! change), the result is validated with the project's loader, and the file is replaced
//! atomically. If the file changed on disk meanwhile, the edit is applied to the new version
//! when the change is away from the claims it touches, and refused otherwise.

mod atomic;
mod check;
mod claim_text;
mod index;
mod ops;
mod sections;

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub use claim_text::{ClaimDraft, StanceDraft, toml_string};
pub use ops::{Edit, IncomingLinks, suggest_id};

use index::{Index, read_window};
use ops::Splice;

use crate::model::{Debate, LoadFailure};

/// The byte-order mark some editors put at the start of a UTF-8 file; kept when present.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why an edit was not saved. The file on disk is unchanged in every case.
#[derive(Debug, Clone)]
pub enum EditError {
    /// The file could not be read or written.
    Io(String),
    /// The edit would make the file fail validation: every problem, with spans into the text
    /// the edit would have written.
    Invalid(Box<LoadFailure>),
    /// Someone else changed the claims this edit touches since the editor last read the file.
    Conflict(String),
    /// The edit makes no sense for this debate (an id taken, a link that is not there).
    Refused(String),
    /// No claim with this id.
    NotFound(String),
    /// The file's layout is beyond in-place editing.
    Unsupported(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(m) | Self::Conflict(m) | Self::Refused(m) | Self::Unsupported(m) => {
                f.write_str(m)
            }
            Self::Invalid(failure) => f.write_str(&failure.short_lines().join("\n")),
            Self::NotFound(id) => write!(f, "no claim with id '{id}'"),
        }
    }
}

impl std::error::Error for EditError {}

/// What identifies a version of the file: the reader compares it with what it reads on a
/// file-change event to tell its own save from someone else's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub hash: u64,
}

impl Stamp {
    /// The stamp of a file's whole contents, byte-order mark included.
    pub fn of(bytes: &[u8]) -> Self {
        Self::of_parts(&[bytes])
    }

    fn of_parts(parts: &[&[u8]]) -> Self {
        let mut hasher = std::hash::DefaultHasher::new();
        let mut len = 0;
        for part in parts {
            hasher.write(part);
            len += part.len() as u64;
        }
        len.hash(&mut hasher);
        Self {
            len,
            hash: hasher.finish(),
        }
    }
}

/// A save that went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The file as written.
    pub stamp: Stamp,
    /// The file had changed on disk and the edit was applied to that version; the undo
    /// history before this edit is gone, as its positions no longer hold.
    pub merged_external: bool,
}

/// One entry of the undo or redo history: the splices that take an applied change back,
/// on the text that change produced.
#[derive(Debug, Clone)]
struct Step {
    inverse: Vec<Splice>,
}

/// The index of the text a save writes, applied once the write went through: rebuilt
/// whole, or its window's sections replaced (no copy of a large index per save).
enum IndexUpdate {
    Whole(Index),
    Window {
        old: std::ops::Range<usize>,
        fresh: Vec<index::Section>,
        delta: isize,
    },
}

/// Files smaller than this are validated whole after each edit; larger ones by the edit's
/// window (see `check`).
pub const FULL_VALIDATION_BELOW: usize = 1 << 20;

/// The editing engine for one debate file.
#[derive(Debug)]
pub struct Editor {
    path: PathBuf,
    name: String,
    /// The file's text as last read or written (without a byte-order mark).
    base: String,
    bom: bool,
    index: Index,
    undo: Vec<Step>,
    redo: Vec<Step>,
    full_validation_below: usize,
}

impl Editor {
    /// Reads and loads the file at `path`, returning the editor and the debate.
    pub fn open(path: &Path) -> Result<(Self, Debate), EditError> {
        let name = path.display().to_string();
        let (base, bom) = read_text(path)?;
        let debate = Debate::from_toml(&base).map_err(|diagnostics| {
            EditError::Invalid(Box::new(LoadFailure {
                file: name.clone(),
                source: base.clone(),
                diagnostics,
            }))
        })?;
        let index = Index::new(&base, &debate).map_err(|e| EditError::Unsupported(e.0))?;
        let editor = Self {
            path: path.to_path_buf(),
            name,
            base,
            bom,
            index,
            undo: Vec::new(),
            redo: Vec::new(),
            full_validation_below: FULL_VALIDATION_BELOW,
        };
        Ok((editor, debate))
    }

    /// Validates whole files below `bytes` (0: always by window; `usize::MAX`: always whole).
    pub fn set_full_validation_below(&mut self, bytes: usize) {
        self.full_validation_below = bytes;
    }

    /// The text as last read or written.
    pub fn text(&self) -> &str {
        &self.base
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A unique id for a claim with this summary.
    pub fn suggest_id(&self, summary: &str) -> String {
        suggest_id(summary, |id| self.index.claim(id).is_some())
    }

    /// Makes `edit` and saves it.
    pub fn apply(&mut self, edit: &Edit) -> Result<Saved, EditError> {
        let splices = ops::resolve(&self.base, &self.index, edit)?;
        let (saved, step) = self.commit(&splices)?;
        self.undo.push(step);
        self.redo.clear();
        Ok(saved)
    }

    /// Takes back the last edit (itself a conflict-checked save); `None` with nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Saved>, EditError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match self.commit(&step.inverse) {
            Ok((saved, back)) => {
                self.redo.push(back);
                Ok(Some(saved))
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Makes again the last undone edit.
    pub fn redo(&mut self) -> Result<Option<Saved>, EditError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match self.commit(&step.inverse) {
            Ok((saved, back)) => {
                self.undo.push(back);
                Ok(Some(saved))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// Applies `splices` (on `base`) to the file as it is on disk, validates and writes.
    fn commit(&mut self, splices: &[Splice]) -> Result<(Saved, Step), EditError> {
        let (disk, bom) = read_text(&self.path)?;
        let merged = disk != self.base;
        let splices = if merged {
            self.rebase(&disk, splices)?
        } else {
            splices.to_vec()
        };
        let text = if merged { &disk } else { &self.base };
        let new = ops::apply(text, &splices);
        let inverse = ops::inverse(text, &splices);
        let index = if merged || new.len() < self.full_validation_below {
            IndexUpdate::Whole(self.validate_whole(&new)?)
        } else {
            self.validate_window(&new, &splices)?
        };
        let parts: [&[u8]; 2] = [if bom { BOM } else { b"" }, new.as_bytes()];
        atomic::write(&self.path, &parts).map_err(|e| self.io_error("write", &e))?;
        let stamp = Stamp::of_parts(&parts);
        self.base = new;
        self.bom = bom;
        match index {
            IndexUpdate::Whole(index) => self.index = index,
            IndexUpdate::Window { old, fresh, delta } => {
                self.index.replace(old, fresh, delta, self.base.len());
            }
        }
        if merged {
            self.undo.clear();
            self.redo.clear();
        }
        let saved = Saved {
            stamp,
            merged_external: merged,
        };
        Ok((saved, Step { inverse }))
    }

    /// `splices` moved onto `disk`, which differs from `base` in one region: refused when that
    /// region meets a section the splices touch.
    fn rebase(&self, disk: &str, splices: &[Splice]) -> Result<Vec<Splice>, EditError> {
        let (base, other) = (self.base.as_bytes(), disk.as_bytes());
        let prefix = base.iter().zip(other).take_while(|(a, b)| a == b).count();
        let room = base.len().min(other.len()) - prefix;
        let suffix = base
            .iter()
            .rev()
            .zip(other.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        let changed = prefix..base.len() - suffix;
        let delta = other.len().cast_signed() - base.len().cast_signed();
        splices
            .iter()
            .map(|s| {
                let sections = self.index.meeting(&s.range);
                let touched_start = self
                    .index
                    .sections
                    .get(sections.start)
                    .map_or(0, |x| x.start)
                    .min(s.range.start);
                let touched_end = if sections.end >= 1 {
                    self.index.range(sections.end - 1).end
                } else {
                    self.base.len()
                }
                .max(s.range.end);
                if changed.start <= touched_end && changed.end >= touched_start {
                    return Err(EditError::Conflict(format!(
                        "'{}' was changed by someone else where this edit goes",
                        self.name
                    )));
                }
                let moved = |at: usize| {
                    if at >= changed.end {
                        at.saturating_add_signed(delta)
                    } else {
                        at
                    }
                };
                Ok(Splice {
                    range: moved(s.range.start)..moved(s.range.end),
                    text: s.text.clone(),
                })
            })
            .collect()
    }

    fn invalid(&self, source: &str, diagnostics: Vec<crate::model::Diagnostic>) -> EditError {
        EditError::Invalid(Box::new(LoadFailure {
            file: self.name.clone(),
            source: source.to_owned(),
            diagnostics,
        }))
    }

    fn validate_whole(&self, new: &str) -> Result<Index, EditError> {
        let debate = Debate::from_toml(new).map_err(|d| self.invalid(new, d))?;
        Index::new(new, &debate).map_err(|e| EditError::Unsupported(e.0))
    }

    /// Validates only the sections the splices touch (see `check`), and returns how the
    /// index changes with them.
    fn validate_window(&self, new: &str, splices: &[Splice]) -> Result<IndexUpdate, EditError> {
        let (Some(first), Some(last)) = (splices.first(), splices.last()) else {
            return Ok(IndexUpdate::Window {
                old: 0..0,
                fresh: Vec::new(),
                delta: 0,
            });
        };
        let old = self.index.meeting(&(first.range.start..last.range.end));
        let delta: isize = splices
            .iter()
            .map(|s| s.text.len().cast_signed() - s.range.len().cast_signed())
            .sum();
        let start = self.index.sections.get(old.start).map_or(0, |s| s.start);
        let end = if old.end == 0 {
            self.base.len()
        } else {
            self.index.range(old.end - 1).end
        };
        let window = start..end.saturating_add_signed(delta);
        let Ok(fresh) = read_window(new, window.clone()) else {
            // Broken TOML: the whole-file check says where.
            return self.validate_whole(new).map(IndexUpdate::Whole);
        };
        let w = check::Window {
            old: old.clone(),
            text: window,
            fresh: &fresh,
            delta,
        };
        let problems = check::window(new, &self.index, &w);
        if !problems.is_empty() {
            return Err(self.invalid(new, problems));
        }
        Ok(IndexUpdate::Window { old, fresh, delta })
    }

    fn io_error(&self, what: &str, error: &std::io::Error) -> EditError {
        EditError::Io(format!("cannot {what} '{}': {error}", self.name))
    }
}

/// The file's text and whether it starts with a byte-order mark.
fn read_text(path: &Path) -> Result<(String, bool), EditError> {
    let name = path.display();
    let mut bytes =
        std::fs::read(path).map_err(|e| EditError::Io(format!("cannot read '{name}': {e}")))?;
    let bom = bytes.starts_with(BOM);
    if bom {
        bytes.drain(..BOM.len());
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| EditError::Conflict(format!("'{name}' is no longer valid UTF-8")))?;
    Ok((text, bom))
}
