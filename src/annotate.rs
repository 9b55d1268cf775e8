//! Performs the reader's edits: the save, undo and redo effects go through the edit engine
//! (`edit::Editor`) into the debate file, and come back as [`Action::SaveDone`] with the
//! debate as saved. No terminal code: the event loop and the tests both drive a [`Saver`].
//!
//! A debate with no file to write to (the embedded one, or an annotated Markdown article)
//! has a seed instead: the first edit asks where to save a copy, and writes it there.

mod files;
mod messages;
mod problems;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use files::write_new;
pub use files::{absolute, claim_line, free_name, markdown_debate};
use messages::{describe, edited, failure};
pub use problems::Problem;

use crate::action::{Action, Reload};
use crate::edit::{Edit, EditError, Editor};
use crate::effect::Effect;
use crate::model::Debate;

/// How a save, undo or redo turned out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveReport {
    /// The file was written; the debate as it now is.
    Saved {
        debate: Reload,
        message: String,
        /// The claim to show (the one added or edited).
        select: Option<String>,
        /// The file's name, when the save moved to a new file (a copy).
        file: Option<String>,
    },
    /// The file was written; the debate as it now is follows (a large file is read back in
    /// the background).
    Written {
        message: String,
        file: Option<String>,
    },
    /// The debate read back after [`Self::Written`]: shown, the claim selected, whatever the
    /// user does meanwhile (a form opened since stays open).
    Loaded {
        debate: Reload,
        select: Option<String>,
    },
    /// Nothing was written; why.
    Failed(String),
    /// Nothing was written: the edit would make a file that does not load. Each problem, with
    /// the key of the saved claim it concerns, for the form to show beside its field.
    Invalid(Vec<Problem>),
    /// Nothing was written: the file changed on disk where the edit goes. The file as it now
    /// is, for the reader to show (the engine has read it again).
    Conflict { message: String, debate: Reload },
    /// The debate has no file to write to: ask where to save a copy (suggesting this path).
    NeedsPath { edit: Edit, suggested: String },
}

/// The text a debate without a file of its own starts a new file from.
#[derive(Debug, Clone)]
pub struct Seed {
    pub toml: String,
    /// Where to suggest saving it.
    pub suggested: PathBuf,
}

/// The save side of the reader, owned by whoever performs effects.
#[derive(Debug)]
pub struct Saver {
    file: Option<PathBuf>,
    editor: Option<Editor>,
    seed: Option<Seed>,
    /// The debate being read back from a large file after a save, off the event loop.
    loading: Option<mpsc::Receiver<SaveReport>>,
    /// Files from this size on are read back in the background (see [`Self::try_recv`]).
    background_from: usize,
}

/// Reading back a 65 MB debate takes seconds: from this size on, the reader goes on while the
/// new version loads. Below it, the save shows at once.
pub const BACKGROUND_FROM: usize = 4 << 20;

impl Saver {
    /// Saves into the debate file at `path`.
    pub fn for_file(path: PathBuf) -> Self {
        Self::with(Some(path), None)
    }

    fn with(file: Option<PathBuf>, seed: Option<Seed>) -> Self {
        Self {
            file,
            editor: None,
            seed,
            loading: None,
            background_from: BACKGROUND_FROM,
        }
    }

    /// Reads the debate back in the background after saves to files of `bytes` or more.
    pub fn set_background_from(&mut self, bytes: usize) {
        self.background_from = bytes;
    }

    /// Whether a new version is being read back.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// The new version read back after a large save, once it is ready.
    pub fn try_recv(&mut self) -> Option<Action> {
        let received = self.loading.as_ref()?.try_recv();
        match received {
            Ok(report) => {
                self.loading = None;
                Some(Action::SaveDone(report))
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.loading = None;
                None
            }
        }
    }

    /// Waits up to `timeout` for the version being read back (for tests and one-shot runs).
    pub fn wait_loaded(&mut self, timeout: std::time::Duration) -> Option<Action> {
        let report = self.loading.as_ref()?.recv_timeout(timeout).ok()?;
        self.loading = None;
        Some(Action::SaveDone(report))
    }

    /// A debate that cannot be written where it was read: the first edit goes to a copy.
    pub fn read_only(seed: Seed) -> Self {
        Self::with(None, Some(seed))
    }

    /// The embedded debate: its copy is suggested as `deepseek.toml` in the working directory
    /// (with a number if that name is taken), shown as an absolute path.
    pub fn embedded() -> Self {
        Self::read_only(Seed {
            toml: crate::model::EMBEDDED.to_owned(),
            suggested: free_name(Path::new(""), "deepseek"),
        })
    }

    /// The file edits go to, once there is one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Forgets what the engine knew of the file (after `$EDITOR` changed it): the next edit
    /// reads it afresh.
    pub fn forget(&mut self) {
        self.editor = None;
    }

    /// Performs a save, undo or redo effect; `None` for any other effect.
    pub fn perform(&mut self, effect: &Effect) -> Option<Action> {
        let report = match effect {
            Effect::Save(edit) => self.save(edit),
            Effect::SaveCopy { path, edit } => self.save_copy(path, edit),
            Effect::Undo => self.step(true),
            Effect::Redo => self.step(false),
            _ => return None,
        };
        Some(Action::SaveDone(report))
    }

    fn editor(&mut self) -> Result<&mut Editor, String> {
        let Some(path) = &self.file else {
            return Err("This debate has no file to edit yet.".into());
        };
        if self.editor.is_none() {
            let (editor, _) = Editor::open(path).map_err(|e| e.to_string())?;
            self.editor = Some(editor);
        }
        self.editor
            .as_mut()
            .ok_or_else(|| "The debate file could not be opened.".to_owned())
    }

    fn save(&mut self, edit: &Edit) -> SaveReport {
        if self.file.is_none() {
            return match &self.seed {
                Some(seed) => SaveReport::NeedsPath {
                    edit: edit.clone(),
                    suggested: seed.suggested.display().to_string(),
                },
                None => SaveReport::Failed("This debate has no file to save to.".into()),
            };
        }
        let file = self.file.clone().unwrap_or_default();
        let editor = match self.editor() {
            Ok(editor) => editor,
            Err(e) => return SaveReport::Failed(e),
        };
        match editor.apply(edit) {
            Ok(saved) => {
                let merged = if saved.merged_external {
                    " (merged with a change made outside)"
                } else {
                    ""
                };
                let (message, select) = describe(edit);
                self.saved(format!("{message}{merged}."), select, None)
            }
            Err(e @ EditError::Conflict(_)) => self.conflict(&e),
            Err(EditError::Invalid(f)) => {
                SaveReport::Invalid(problems::of(&f, editor.text(), &file, edited(edit)))
            }
            Err(EditError::Refused(m)) if edited(edit).is_some() && m.contains("with id") => {
                SaveReport::Invalid(vec![Problem {
                    key: Some("id".into()),
                    message: m,
                }])
            }
            Err(e) => SaveReport::Failed(failure(&e)),
        }
    }

    /// Writes the seed to `path` (never over an existing file), then saves `edit` there.
    fn save_copy(&mut self, path: &Path, edit: &Edit) -> SaveReport {
        let path = &absolute(path);
        let Some(seed) = &self.seed else {
            return SaveReport::Failed("There is nothing to copy.".into());
        };
        if path.exists() {
            return SaveReport::Failed(format!(
                "'{}' already exists: choose another name.",
                path.display()
            ));
        }
        if let Err(e) = write_new(path, seed.toml.as_bytes()) {
            return SaveReport::Failed(format!("cannot write '{}': {e}", path.display()));
        }
        let seed = self.seed.take();
        self.file = Some(path.clone());
        self.editor = None;
        match self.save(edit) {
            SaveReport::Saved {
                debate,
                message,
                select,
                ..
            } => SaveReport::Saved {
                debate,
                message: format!("{message} {}", in_new_file(path)),
                select,
                file: Some(path.display().to_string()),
            },
            SaveReport::Written { message, .. } => SaveReport::Written {
                message: format!("{message} {}", in_new_file(path)),
                file: Some(path.display().to_string()),
            },
            refused => {
                // The edit would not load: the copy, written a moment ago and holding nothing of
                // the user's, goes too, so no file says otherwise and the next save asks again.
                let _ = std::fs::remove_file(path);
                self.file = None;
                self.editor = None;
                self.seed = seed;
                refused
            }
        }
    }

    fn step(&mut self, undo: bool) -> SaveReport {
        let file = self.file.clone().unwrap_or_default();
        let Ok(editor) = self.editor() else {
            let what = if undo { "undo" } else { "redo" };
            return SaveReport::Failed(format!("Nothing to {what}: no edit was saved yet."));
        };
        let result = if undo { editor.undo() } else { editor.redo() };
        match result {
            Ok(Some(_)) => self.saved(
                if undo {
                    "Undid the last edit.".into()
                } else {
                    "Redid the edit.".into()
                },
                None,
                None,
            ),
            Ok(None) => SaveReport::Failed(if undo {
                "Nothing to undo.".into()
            } else {
                "Nothing to redo.".into()
            }),
            Err(EditError::Invalid(f)) => {
                SaveReport::Invalid(problems::of(&f, editor.text(), &file, None))
            }
            Err(e) => SaveReport::Failed(failure(&e)),
        }
    }

    /// A refused edit: the file is read again, so that the reader shows the other edit and
    /// the next edit applies to it.
    fn conflict(&mut self, error: &EditError) -> SaveReport {
        self.editor = None;
        let message = failure(error);
        let Some(path) = &self.file else {
            return SaveReport::Failed(message);
        };
        match Editor::open(path) {
            Ok((editor, debate)) => {
                self.editor = Some(editor);
                SaveReport::Conflict {
                    message,
                    debate: Reload::new(Ok(debate)),
                }
            }
            Err(e) => SaveReport::Failed(format!("{message} ({e})")),
        }
    }

    /// The report of a save that went through: the debate read back from the text written,
    /// at once, or for a large file in the background (a newer save drops an older reading).
    fn saved(
        &mut self,
        message: String,
        select: Option<String>,
        file: Option<String>,
    ) -> SaveReport {
        let Some(editor) = &self.editor else {
            return SaveReport::Failed("The save went through but cannot be shown.".into());
        };
        let read_back = |text: &str, message: String, select, file| match Debate::from_toml(text) {
            Ok(debate) => SaveReport::Saved {
                debate: Reload::new(Ok(debate)),
                message,
                select,
                file,
            },
            Err(_) => SaveReport::Failed("The file was saved but does not load again.".into()),
        };
        if editor.text().len() < self.background_from {
            return read_back(editor.text(), message, select, file);
        }
        let text = editor.text().to_owned();
        let (sender, receiver) = mpsc::channel();
        let later = (message.clone(), file.clone());
        let spawned = std::thread::Builder::new()
            .name("debate-reload".into())
            .spawn(move || {
                let report = match read_back(&text, later.0, select, later.1) {
                    SaveReport::Saved { debate, select, .. } => {
                        SaveReport::Loaded { debate, select }
                    }
                    other => other,
                };
                let _ = sender.send(report);
            });
        if spawned.is_err() {
            return SaveReport::Failed("The file was saved but cannot be read back.".into());
        }
        self.loading = Some(receiver);
        SaveReport::Written {
            message: format!("{message} Loading the new version…"),
            file,
        }
    }
}

/// Where a first edit went, the file's name first: a status line at 80 columns cuts the end,
/// and the folder is the part the user chose least.
fn in_new_file(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => format!("New debate file: {name}, in {}.", dir.display()),
        None => format!("New debate file: {name}."),
    }
}
