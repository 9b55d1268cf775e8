//! The reader's place carried between runs: [`restore`] puts a saved session's view, article,
//! framing and reading positions into a fresh [`State`]; [`capture`] writes them back; and
//! [`Memory`] saves the session when it changed (debounced) and at exit, keeping what it has
//! to tell the reader (a state file set aside, a save that failed) for the status line.

use std::time::{Duration, Instant};

use crate::session::{self, DebateKey, Notice, ReadingAnchor, Session, Store, Unusable};
use crate::state::{State, View};

/// A change is saved once nothing else changed for this long: a burst of scrolling is one
/// write, not one per key.
pub const SAVE_AFTER: Duration = Duration::from_millis(500);

/// Puts the remembered place into `state`. Ids that are gone from the file are skipped (the
/// reader then starts where a fresh one would), never an error.
pub fn restore(state: &mut State, saved: &Session) {
    let debate = std::sync::Arc::clone(&state.debate);
    if let Some(framing) = saved.framing_ix(&debate) {
        state.framing = framing;
    }
    if let Some(article) = saved.article_ix(&debate) {
        state.article = article;
    }
    for ix in debate.article_ixs() {
        let article = debate.article(ix);
        if let Some(anchor) = saved.places.get(&article.id) {
            let reader = &mut state.readers[ix.get()];
            reader.anchor = Some(anchor.restore(article).anchor);
            // Laid out again for the terminal's width, at this anchor, on the first resize.
            reader.flow = crate::flow::Flow::default();
        }
    }
    state.judgements.clone_from(&saved.judgements);
    state.bookmarks.clone_from(&saved.bookmarks);
    state.view = match saved.view {
        session::View::Claims => View::Claims,
        session::View::Debate => View::Debate,
        session::View::Compare => {
            state.debate_view.side_by_side = true;
            View::Debate
        }
        // The finder's results are not saved; its query is among the recent ones.
        session::View::Reader | session::View::Search => View::Reader,
    };
    crate::derive::refresh_rows(state);
    crate::derive::refresh(state);
}

/// Writes the place in `state` into `session`, keeping what it does not know about (the places
/// in articles not opened this run, bookmarks, verdicts).
pub fn capture(state: &State, session: &mut Session) {
    let debate = &state.debate;
    session.view = match state.view {
        View::Reader => session::View::Reader,
        View::Claims => session::View::Claims,
        View::Debate if state.debate_view.side_by_side => session::View::Compare,
        View::Debate => session::View::Debate,
        View::Search => session::View::Search,
    };
    session.article = Some(debate.article(state.article).id.clone());
    session.framing = Some(debate.framing(state.framing).id.clone());
    for ix in debate.article_ixs() {
        let reader = &state.readers[ix.get()];
        let anchor = if reader.flow.is_empty() {
            reader.anchor
        } else {
            Some(reader.flow.anchor(reader.top))
        };
        if let Some(anchor) = anchor {
            let article = debate.article(ix);
            session.places.insert(
                article.id.clone(),
                ReadingAnchor::from_text_anchor(article, anchor),
            );
        }
    }
    session.judgements.clone_from(&state.judgements);
    session.bookmarks.clone_from(&state.bookmarks);
    // A query is remembered once the finder is left, not at every key typed into it.
    if state.view != View::Search {
        session.remember_query(state.search.query.text());
    }
}

/// A notice short enough for the status line: why, and the name the file was kept under
/// (the full paths would be cut off).
fn short_notice(notice: &Notice) -> String {
    let why = |why: &Unusable| match why {
        Unusable::Corrupt(_) => "it was damaged",
        Unusable::Newer(_) => "a newer debate wrote it",
        Unusable::Unreadable(_) => "it could not be read",
    };
    match notice {
        Notice::SetAside {
            moved_to, why: w, ..
        } => format!(
            "Saved place not used: {}; kept as {}. Starting fresh.",
            why(w),
            moved_to.file_name().map_or_else(
                || moved_to.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
        Notice::LeftInPlace { why: w, .. } => {
            format!(
                "Saved place not used: {}; left where it is. Starting fresh.",
                why(w)
            )
        }
    }
}

/// The session of the open debate and when to save it.
#[derive(Debug)]
pub struct Memory {
    /// `None` without any state directory: nothing is saved.
    store: Option<Store>,
    key: DebateKey,
    session: Session,
    /// What is on disk, to tell a change from none.
    saved: Session,
    /// When the session first differed from `saved`.
    changed_at: Option<Instant>,
    /// Whether the last save failed: told once, not at every retry.
    failing: bool,
}

impl Memory {
    /// Loads the session of `key`. With `fresh`, the place starts clean but bookmarks, verdicts
    /// and notes are kept, so nothing is lost when it is saved again. The message, if any, is
    /// for the reader's status line.
    pub fn load(store: Option<Store>, key: DebateKey, fresh: bool) -> (Self, Option<String>) {
        let (mut session, notice) = match &store {
            Some(store) => {
                let loaded = store.load(&key);
                (loaded.session, loaded.notice.as_ref().map(short_notice))
            }
            None => (Session::default(), None),
        };
        let saved = session.clone();
        if fresh {
            session.view = session::View::default();
            session.article = None;
            session.places.clear();
            session.framing = None;
        }
        let memory = Self {
            store,
            key,
            session,
            saved,
            changed_at: None,
            failing: false,
        };
        (memory, notice)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Takes the place from `state` and saves it if it has been changed for [`SAVE_AFTER`]
    /// (or at once with `now`). Returns a message for the reader when a save fails.
    pub fn tick(&mut self, state: &State, now: bool) -> Option<String> {
        capture(state, &mut self.session);
        if self.session == self.saved {
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
        match store.save(&self.key, &self.session) {
            Ok(()) => {
                self.saved = self.session.clone();
                self.changed_at = None;
                self.failing = false;
                None
            }
            Err(error) => {
                // Tried again at the next change; told once.
                self.changed_at = None;
                self.saved = self.session.clone();
                let first = !self.failing;
                self.failing = true;
                first.then(|| format!("{error}; the reader goes on without saving its place."))
            }
        }
    }
}
