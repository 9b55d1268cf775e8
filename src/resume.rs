//! The reader's place carried between runs: [`restore`] puts a saved session's view, article,
//! framing, reading positions and selected claims into a fresh [`State`]; [`capture`] writes
//! them back; and [`Memory`] saves the session when it changed (debounced) and at exit.

mod memory;
mod selection;

pub use memory::{Memory, SAVE_AFTER};

use crate::jumps::JumpList;
use crate::model::{Article, Debate};
use crate::reading::ReaderJump;
use crate::session::{self, ReadingAnchor, Session};
use crate::state::{ReaderState, State, View};

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
    // The finder opens again over the view it was opened from, where its Esc goes.
    let under = match saved.view {
        session::View::Search => saved.selection.finder_from.unwrap_or_default(),
        view => view,
    };
    state.view = match under {
        session::View::Claims => View::Claims,
        session::View::Debate => View::Debate,
        session::View::Compare => {
            state.debate_view.side_by_side = true;
            View::Debate
        }
        session::View::Reader | session::View::Search => View::Reader,
    };
    selection::restore_filters(state, &saved.selection);
    crate::derive::refresh_rows(state);
    crate::derive::refresh(state);
    selection::restore_selected(state, &saved.selection);
    // Scrolled to the claims selected now.
    crate::derive::refresh(state);
    if saved.view == session::View::Search {
        reopen_finder(state, saved.finder.as_deref().unwrap_or_default());
        let s = &mut state.search;
        s.selected = saved
            .selection
            .result
            .min(s.results.hits.len().saturating_sub(1));
        s.moved = s.selected > 0;
        crate::derive::follow_search(state);
    }
}

/// A view of the reader as the state file names it.
fn session_view(view: View, side_by_side: bool) -> session::View {
    match view {
        View::Reader => session::View::Reader,
        View::Claims => session::View::Claims,
        View::Debate if side_by_side => session::View::Compare,
        View::Debate => session::View::Debate,
        View::Search => session::View::Search,
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
    session.view = session_view(state.view, state.debate_view.side_by_side);
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
    // Fields of the selection a later build wrote are kept as they were.
    let unknown = std::mem::take(&mut session.selection.unknown);
    session.selection = selection::capture(state);
    session.selection.unknown = unknown;
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
}
