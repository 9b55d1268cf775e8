//! [`Memory`]: the open debate's session, saved when it changed (debounced) and at exit, and
//! what it has to tell the reader — a state file set aside at start, saves that fail — on the
//! status line while the reader runs and in full on stderr once it has quit.

use std::time::{Duration, Instant};

use super::capture;
use crate::session::{DebateKey, Notice, SaveError, Session, Store, Unusable};
use crate::state::State;

/// A change is saved once nothing else changed for this long: a burst of scrolling is one
/// write, not one per key.
pub const SAVE_AFTER: Duration = Duration::from_millis(500);

/// The session of the open debate and when to save it.
#[derive(Debug)]
pub struct Memory {
    /// `None` without any state directory: nothing is saved.
    store: Option<Store>,
    key: DebateKey,
    session: Session,
    /// What is on disk, to tell a change from none.
    saved: Session,
    /// With `--fresh`: the session as it was on disk, whose place (view, article, anchors,
    /// framing, jumps, finder, selection) is written back instead of this run's.
    kept_place: Option<Session>,
    /// When the session first differed from `saved`.
    changed_at: Option<Instant>,
    /// The last save's failure, until a save succeeds.
    failure: Option<SaveError>,
    /// The state file found unusable at start, named in full at exit.
    set_aside: Option<Notice>,
}

impl Memory {
    /// Loads the session of `key`. With `fresh`, the place starts clean, and stays on disk as
    /// it was; bookmarks, verdicts and notes are kept and saved with this run's. The message,
    /// if any, is for the reader's status line.
    pub fn load(store: Option<Store>, key: DebateKey, fresh: bool) -> (Self, Option<String>) {
        let (mut session, set_aside) = match &store {
            Some(store) => {
                let loaded = store.load(&key);
                (loaded.session, loaded.notice)
            }
            None => (Session::default(), None),
        };
        let saved = session.clone();
        let kept_place = fresh.then(|| session.clone());
        if fresh {
            put_place(&Session::default(), &mut session);
        }
        let notice = set_aside.as_ref().map(short_notice);
        let memory = Self {
            store,
            key,
            session,
            saved,
            kept_place,
            changed_at: None,
            failure: None,
            set_aside,
        };
        (memory, notice)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Why saving fails, in a few words, while it does.
    pub fn unsaved(&self) -> Option<String> {
        self.failure.as_ref().map(SaveError::reason)
    }

    /// [`Self::tick`], telling `state` what the reader should know: the message, and whether
    /// verdicts, notes and marks are being kept. Returns whether the message changed.
    pub fn tell(&mut self, state: &mut State, now: bool) -> bool {
        let told = self.tick(state, now);
        let failing = self.unsaved();
        // The first failure keeps what the message said (the verdict just set, say): it is
        // the change that will not last, so it is said with the reason before it.
        let told = match (told, &failing, &state.message) {
            (Some(_), Some(why), Some(said)) if state.unsaved.is_none() && !said.is_empty() => {
                let said = crate::text::first_letter(said, false);
                Some(format!("Not saved ({why}): {said}"))
            }
            (told, ..) => told,
        };
        state.unsaved = failing;
        let changed = told.is_some();
        if told.is_some() {
            state.message = told;
        }
        changed
    }

    /// Takes the place from `state` and saves it if it has been changed for [`SAVE_AFTER`]
    /// (or at once with `now`, when a failed save is tried again too). Returns a message for
    /// the reader when saving starts failing, or works again.
    pub fn tick(&mut self, state: &State, now: bool) -> Option<String> {
        capture(state, &mut self.session);
        if let Some(disk) = &self.kept_place {
            put_place(disk, &mut self.session);
        }
        let retry = now && self.failure.is_some();
        if self.session == self.saved && !retry {
            self.changed_at = None;
            return None;
        }
        let since = *self.changed_at.get_or_insert_with(Instant::now);
        if !now && since.elapsed() < SAVE_AFTER {
            return None;
        }
        self.save()
    }

    fn save(&mut self) -> Option<String> {
        let store = self.store.as_ref()?;
        self.session.debate = Some(self.key.clone());
        // Tried again at the next change, not at every frame; what the reader is told is
        // told once.
        self.changed_at = None;
        self.saved = self.session.clone();
        match store.save(&self.key, &self.session) {
            Ok(()) => self
                .failure
                .take()
                .map(|_| "Saved again: verdicts/notes/marks are kept.".into()),
            Err(error) => {
                let first = self.failure.is_none();
                let told = first.then(|| {
                    format!(
                        "Not saved ({}): verdicts/notes/marks won't last",
                        error.reason()
                    )
                });
                self.failure = Some(error);
                told
            }
        }
    }

    /// What the reader must know once the terminal is its own again, a line each: the state
    /// file set aside at start, with its full path; the last save, if it failed.
    pub fn at_exit(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(notice) = &self.set_aside {
            lines.push(format!("debate: {notice}"));
        }
        if let Some(error) = &self.failure {
            lines.push(format!(
                "debate: {error} This run's verdicts, notes and marks were not kept."
            ));
        }
        lines
    }
}

/// Puts `from`'s place (not its bookmarks, verdicts, notes or queries) into `into`.
fn put_place(from: &Session, into: &mut Session) {
    into.view = from.view;
    into.article.clone_from(&from.article);
    into.places.clone_from(&from.places);
    into.framing.clone_from(&from.framing);
    into.jumps.clone_from(&from.jumps);
    into.finder.clone_from(&from.finder);
    into.selection.clone_from(&from.selection);
}

/// The notice of a state file set aside, short enough for the status line beside the view's
/// name and position at 80 columns: all it held, and why; its full path is given at exit.
fn short_notice(notice: &Notice) -> String {
    let why = |why: &Unusable| match why {
        Unusable::Corrupt(_) => "damaged",
        Unusable::Newer(_) => "too new",
        Unusable::Unreadable(_) => "unreadable",
    };
    match notice {
        Notice::SetAside { why: w, .. } => {
            format!("Saved place/marks/verdicts/notes {}: set aside", why(w))
        }
        Notice::LeftInPlace { why: w, .. } => {
            format!("Saved place/marks/verdicts/notes {}: not used", why(w))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;
    use crate::resume::restore;
    use crate::session;

    fn state_of(memory: &Memory) -> State {
        let mut state = State::new(Debate::embedded().expect("loads"), "t", 80, 24);
        restore(&mut state, memory.session());
        state
    }

    /// A field a later build wrote survives a run of this one that changed other things.
    #[test]
    fn a_save_keeps_the_fields_it_does_not_know() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Store::at(dir.path());
        let key = DebateKey::embedded("T", "text");
        let path = store.path_of(&key);
        std::fs::write(
            &path,
            r#"{"version": 1, "framing": "nowhere", "from-the-future": {"kept": ["every", "byte"]}}"#,
        )
        .expect("written");
        let (mut memory, notice) = Memory::load(Some(store), key, false);
        assert_eq!(notice, None);
        let mut state = State::new(Debate::embedded().expect("loads"), "t", 80, 24);
        restore(&mut state, memory.session());
        state
            .bookmarks
            .insert('a', session::Place::Claim { claim: "x".into() });
        assert_eq!(memory.tick(&state, true), None);
        let saved: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        assert_eq!(
            saved["from-the-future"],
            serde_json::json!({"kept": ["every", "byte"]})
        );
        assert_eq!(saved["bookmarks"]["a"]["claim"], "x");
    }

    /// `--fresh` starts at the beginning, and what it leaves on disk is the place saved
    /// before, with the bookmarks and verdicts of the fresh run added.
    #[test]
    fn fresh_leaves_the_saved_place_and_keeps_the_runs_marks_and_verdicts() {
        use crate::session::{Place, View as Saved};
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Store::at(dir.path());
        let key = DebateKey::embedded("T", "text");
        let debate = Debate::embedded().expect("loads");
        let before = Session {
            view: Saved::Claims,
            article: Some(debate.articles[1].id.clone()),
            framing: Some(debate.framings[1].id.clone()),
            ..Session::default()
        };
        store.save(&key, &before).expect("saved");
        let (mut memory, _) = Memory::load(Some(store.clone()), key.clone(), true);
        let mut state = state_of(&memory);
        assert_eq!(state.view, crate::state::View::Reader, "a fresh start");
        assert_eq!(state.article, Debate::first_article_ix());
        state
            .bookmarks
            .insert('a', Place::Claim { claim: "c".into() });
        crate::session::record::set_note(&mut state.judgements, "c", "mine");
        assert_eq!(memory.tick(&state, true), None);
        let after = store.load(&key).session;
        assert_eq!(
            after.view,
            Saved::Claims,
            "the place on disk is left as it was"
        );
        assert_eq!(after.article, before.article);
        assert_eq!(after.framing, before.framing);
        assert_eq!(after.bookmarks.len(), 1, "the run's bookmark is saved");
        assert_eq!(after.judgements["c"].note.as_deref(), Some("mine"));
    }

    /// A store that cannot be written (a directory under a regular file: root too is refused).
    fn unwritable() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"").expect("written");
        let store = Store::at(file.join("state"));
        (dir, store)
    }

    #[test]
    fn failing_saves_are_told_reason_first_within_80_columns_and_in_full_at_exit() {
        let (_dir, store) = unwritable();
        let path = store.path_of(&DebateKey::embedded("T", "text"));
        let (mut memory, _) = Memory::load(Some(store), DebateKey::embedded("T", "text"), false);
        let mut state = state_of(&memory);
        state
            .bookmarks
            .insert('a', crate::session::Place::Claim { claim: "c".into() });
        assert!(memory.tell(&mut state, true));
        let told = state.message.clone().expect("a banner");
        assert_eq!(
            told,
            "Not saved (not a dir): verdicts/notes/marks won't last"
        );
        assert_eq!(state.unsaved.as_deref(), Some("not a dir"));
        // Told once; the next change fails quietly.
        state
            .bookmarks
            .insert('b', crate::session::Place::Claim { claim: "c".into() });
        assert!(!memory.tell(&mut state, true));
        let exit = memory.at_exit();
        assert_eq!(exit.len(), 1, "{exit:?}");
        assert!(exit[0].contains(&path.display().to_string()), "{exit:?}");
        assert!(exit[0].contains("were not kept"), "{exit:?}");
    }

    /// A verdict set just before the first save fails is not hidden by the failure: the
    /// message keeps it, the reason before it (a new user could not tell which verdict `v` set).
    #[test]
    fn the_first_failure_keeps_what_the_change_said() {
        let (_dir, store) = unwritable();
        let (mut memory, _) = Memory::load(Some(store), DebateKey::embedded("T", "text"), false);
        let mut state = state_of(&memory);
        state
            .bookmarks
            .insert('a', crate::session::Place::Claim { claim: "c".into() });
        state.message = Some("Convinced: your verdict on c".into());
        assert!(memory.tell(&mut state, true));
        assert_eq!(
            state.message.as_deref(),
            Some("Not saved (not a dir): convinced: your verdict on c")
        );
    }

    #[test]
    fn a_damaged_file_is_told_with_all_it_held_and_where_it_went() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let deep = dir
            .path()
            .join("a/rather/long/path/to/the/state/directory/of/debate");
        std::fs::create_dir_all(&deep).expect("made");
        let store = Store::at(&deep);
        let key = DebateKey::embedded("T", "text");
        std::fs::write(store.path_of(&key), b"{\"version\": 1, \"view\": ").expect("written");
        let (memory, notice) = Memory::load(Some(store.clone()), key.clone(), false);
        let notice = notice.expect("a notice");
        // Beside the view's name and position in an 80-column status line.
        assert_eq!(
            notice,
            "Saved place/marks/verdicts/notes damaged: set aside"
        );
        let moved = store.set_aside_files(&key);
        assert_eq!(moved.len(), 1);
        let exit = memory.at_exit();
        assert!(
            exit[0].contains(&moved[0].display().to_string()),
            "{exit:?}"
        );
        assert!(
            exit[0].contains("place, marks, verdicts, notes"),
            "{exit:?}"
        );
    }
}
