//! The reader's place carried between runs: [`restore`] puts a saved session's view, article,
//! framing and reading positions into a fresh [`State`]; [`capture`] writes them back; and
//! [`Memory`] saves the session when it changed (debounced) and at exit, keeping what it has
//! to tell the reader (a state file set aside, a save that failed) for the status line.

use std::time::{Duration, Instant};

use crate::jumps::JumpList;
use crate::model::{Article, Debate};
use crate::reading::ReaderJump;
use crate::session::{self, DebateKey, Notice, ReadingAnchor, Session, Store, Unusable};
use crate::state::{ReaderState, State, View};

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
    state.jumps = restore_jumps(&debate, &saved.jumps);
    state.judgements.clone_from(&saved.judgements);
    state.bookmarks.clone_from(&saved.bookmarks);
    // The file keeps the newest query first; the finder's history (Ctrl-p) has it last.
    state.search.history = saved.queries.iter().rev().cloned().collect();
    state.view = match saved.view {
        session::View::Claims => View::Claims,
        session::View::Debate => View::Debate,
        session::View::Compare => {
            state.debate_view.side_by_side = true;
            View::Debate
        }
        session::View::Reader | session::View::Search => View::Reader,
    };
    crate::derive::refresh_rows(state);
    crate::derive::refresh(state);
    if saved.view == session::View::Search {
        reopen_finder(state, saved.finder.as_deref().unwrap_or_default());
    }
}

/// The finder open again on `query`, from the reader (where Esc goes), its results ranked now:
/// once at start, as Enter ranks a query whose results are not in yet.
fn reopen_finder(state: &mut State, query: &str) {
    use crate::action::Action;
    use crate::update::{SEARCH_LIMIT, update};
    let _ = update(state, Action::StartSearch);
    if query.is_empty() {
        return;
    }
    let _ = update(state, Action::Paste(query.to_owned()));
    let debate = std::sync::Arc::clone(&state.debate);
    let results = crate::search::Index::new(&debate).search(&debate, query, SEARCH_LIMIT);
    let generation = state.search.generation;
    let _ = update(
        state,
        Action::SearchDone {
            generation,
            results: Box::new(results),
        },
    );
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
        let article = debate.article(ix);
        if let Some(anchor) = reading_anchor(article, &state.readers[ix.get()]) {
            session.places.insert(article.id.clone(), anchor);
        }
    }
    session.jumps = capture_jumps(debate, &state.jumps);
    session.judgements.clone_from(&state.judgements);
    session.bookmarks.clone_from(&state.bookmarks);
    session.finder = (state.view == View::Search).then(|| state.search.query.text().to_owned());
    // The queries the finder accepted (Enter on a result), as Ctrl-p recalls them: newest
    // first, as many as the file keeps.
    session.queries = (state.search.history.iter().rev())
        .take(session::record::MAX_QUERIES)
        .cloned()
        .collect();
}

/// The reader's jump list as the state file keeps it: each place as an article's id and a
/// reading anchor (the lines a jump kept above its anchor, a gap's, are not kept).
fn capture_jumps(debate: &Debate, jumps: &JumpList<ReaderJump>) -> session::JumpList {
    let (entries, cursor) = jumps.parts();
    let places = entries
        .iter()
        .map(|jump| {
            let article = debate.article(jump.article);
            session::Place::Text {
                article: article.id.clone(),
                anchor: ReadingAnchor::from_text_anchor(article, jump.anchor),
            }
        })
        .collect();
    session::JumpList { places, cursor }
}

/// The saved jump list found again in the debate: places whose article is gone are dropped
/// (with the position kept on the same place), a claim stands for its quote.
fn restore_jumps(debate: &Debate, saved: &session::JumpList) -> JumpList<ReaderJump> {
    use crate::flow::{Source, TextAnchor};
    let mut cursor = saved.cursor;
    let mut entries = Vec::with_capacity(saved.places.len());
    for (i, place) in saved.places.iter().enumerate() {
        let jump = match place {
            session::Place::Text { article, anchor } => {
                debate.article_by_id(article).map(|ix| ReaderJump {
                    article: ix,
                    anchor: anchor.restore(debate.article(ix)).anchor,
                    above: 0,
                })
            }
            session::Place::Claim { claim } => debate.claim_by_id(claim).map(|ix| {
                let c = debate.claim(ix);
                ReaderJump {
                    article: c.article,
                    anchor: TextAnchor {
                        source: Source::Block(c.anchor.block),
                        byte: c.anchor.range.start,
                    },
                    above: 0,
                }
            }),
        };
        match jump {
            Some(jump) => entries.push(jump),
            None if i < saved.cursor => cursor -= 1,
            None => {}
        }
    }
    JumpList::from_parts(entries, cursor)
}

/// Where a reader stands in its article, as the state file keeps it: the text at the top of
/// its screen, or what it was restored to when it has not been laid out yet this run.
pub fn reading_anchor(article: &Article, reader: &ReaderState) -> Option<ReadingAnchor> {
    // The line at the top, whatever it is: a gap between paragraphs is an anchor of its own.
    let anchor = if reader.flow.is_empty() {
        reader.anchor
    } else {
        Some(reader.flow.anchor(reader.top))
    };
    anchor.map(|a| ReadingAnchor::from_text_anchor(article, a))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    #[test]
    fn jumps_into_a_vanished_article_are_dropped_keeping_the_position() {
        let debate = Debate::embedded().expect("loads");
        let article = &debate.articles[1];
        let claim = debate.claims[0].id.clone();
        let text = |id: &str| session::Place::Text {
            article: id.into(),
            anchor: ReadingAnchor::at_block(article, 2, 0),
        };
        let saved = session::JumpList {
            places: vec![
                text("gone"),
                text(&article.id),
                session::Place::Claim { claim },
                text("gone too"),
            ],
            cursor: 2,
        };
        let jumps = restore_jumps(&debate, &saved);
        let (entries, cursor) = jumps.parts();
        assert_eq!(entries.len(), 2);
        assert_eq!(cursor, 1, "still on the second kept place");
        assert_eq!(entries[0].article.get(), 1);
        assert_eq!(entries[1].article, debate.claims[0].article);
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
}
