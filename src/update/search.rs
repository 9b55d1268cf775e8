//! The finder: editing the query, asking for its search, taking in results in the order the
//! user typed, and Enter on the whole query.

use super::{MAX_QUERY_CHARS, SEARCH_LIMIT, debate, follow_search, reader};
use crate::action::Action;
use crate::effect::{Effect, Effects};
use crate::field::{Edit, Outcome, TextField};
use crate::search::Target;
use crate::state::{State, View};

pub(super) fn start_search(state: &mut State, fx: &mut Effects) {
    let there = crate::state::Place {
        view: View::Search,
        article: state.article,
    };
    let here = state.place();
    crate::places::visit(&mut state.history, here, &there);
    state.view = View::Search;
    state.search.query = TextField::new(MAX_QUERY_CHARS);
    state.search.recalling = None;
    run_search(state, fx);
}

/// An edit of the prompt; the search runs again only when the text changed.
pub(super) fn edit_query(state: &mut State, fx: &mut Effects, edit: Edit) {
    if state.view != View::Search {
        return;
    }
    // Editing a recalled query makes it the one being typed.
    state.search.recalling = None;
    match state.search.query.apply(edit) {
        Outcome::Changed => run_search(state, fx),
        Outcome::Unchanged => {}
        Outcome::Full => {
            state.message = Some(format!("A query is at most {MAX_QUERY_CHARS} characters."));
        }
    }
}

/// How many queries the history keeps.
pub const HISTORY_LEN: usize = 100;

/// Enter on a result records its query as the newest in the history (fzf records accepted
/// queries too): an empty one is not kept, a repeated one moves to the end.
pub(super) fn remember_query(state: &mut State) {
    let s = &mut state.search;
    s.recalling = None;
    let query = s.query.text().trim();
    if query.is_empty() {
        return;
    }
    let query = query.to_owned();
    s.history.retain(|q| *q != query);
    s.history.push(query);
    let excess = s.history.len().saturating_sub(HISTORY_LEN);
    s.history.drain(..excess);
}

/// Ctrl-p (`back`) and Ctrl-n: the previous or next query of the history in the prompt, as
/// readline's and fzf's history keys do; forward past the newest brings back what was typed.
pub(super) fn recall(state: &mut State, fx: &mut Effects, back: bool) {
    if state.view != View::Search {
        return;
    }
    let s = &mut state.search;
    let newest = s.history.len();
    let at = s.recalling.as_ref().map_or(newest, |(at, _)| *at);
    let to = if back {
        if at == 0 {
            return;
        }
        at - 1
    } else {
        if at >= newest {
            return;
        }
        at + 1
    };
    let draft = match s.recalling.take() {
        Some((_, draft)) => draft,
        None => s.query.text().to_owned(),
    };
    let text = s.history.get(to).cloned().unwrap_or_else(|| draft.clone());
    s.recalling = (to < newest).then_some((to, draft));
    s.query.set_text(&text);
    run_search(state, fx);
}

/// Shift-Up/Down and the wheel over the preview: scrolls it, within its length.
pub(super) fn scroll_preview(state: &mut State, lines: isize) {
    if state.view != View::Search {
        return;
    }
    let max = crate::geometry::preview::max_scroll(state);
    let s = &mut state.search;
    s.preview_scroll = s.preview_scroll.saturating_add_signed(lines).min(max);
}

/// Starts the search for the current query. An empty query lists the claims at once; any other
/// is asked of whoever runs searches ([`Effect::RunSearch`]), and the results on screen stay
/// until its results come.
pub(super) fn run_search(state: &mut State, fx: &mut Effects) {
    let s = &mut state.search;
    s.generation += 1;
    s.opening = None;
    if s.query.text().trim().is_empty() {
        s.busy = false;
        let results = crate::search::all_claims(&state.debate, s.query.text(), SEARCH_LIMIT);
        show_results(state, results);
        return;
    }
    s.busy = true;
    fx.push(Effect::RunSearch {
        generation: s.generation,
        query: s.query.text().to_owned(),
    });
}

/// Enter in the finder opens the selected result of the whole query typed before it. Until
/// that query's results are all in, the open waits for them ([`SearchState::opening`]): the
/// event loop reads no key meanwhile, and [`search_done`] opens once they come. (The claims'
/// phase would name the best result already, every claim ranking above every paragraph, but
/// the finder that Esc returns to must then hold all the results, as typing slowly leaves it.)
///
/// [`SearchState::opening`]: crate::state::SearchState::opening
pub(super) fn open_result(state: &mut State) {
    if wait_for_results(state, Action::Open) {
        return;
    }
    let s = &mut state.search;
    let Some(hit) = s.results.hits.get(s.selected).cloned() else {
        return;
    };
    match hit.target {
        Target::Claim { claim, .. } if state.authoring.linking.is_some() => {
            super::form::link_picked(state, claim);
        }
        Target::Claim { claim, .. } => reader::jump_to_claim(state, claim),
        Target::Paragraph { article, block } => reader::jump_to_block(state, article, block),
        Target::Thesis { framing } => debate::open_thesis(state, framing),
    }
}

/// Whether `action`, on the finder's selected result, waits for the query's results
/// ([`open_result`]): until they come, the selection is the last query's.
pub(super) fn wait_for_results(state: &mut State, action: Action) -> bool {
    let s = &mut state.search;
    let waits = state.view == View::Search && s.busy;
    s.opening = waits.then_some(action);
    waits
}

/// Stops a query nobody waits for: one that ran before an action and no longer runs after it,
/// though the action was not its complete results (`finished`). A newer query needs no stop:
/// the search thread gives up the older one when it arrives.
pub(super) fn cancel_abandoned(state: &State, was_busy: bool, finished: bool, fx: &mut Effects) {
    if was_busy && !state.search.busy && !finished {
        fx.push(Effect::CancelSearch);
    }
}

/// Results of query number `generation`: shown if it is still the newest query, else dropped.
/// The claims come first (`partial`), then everything: a selection the user made meanwhile is
/// kept; otherwise the best result is selected, as at every change of the query.
pub(super) fn search_done(state: &mut State, generation: u64, results: crate::search::Results) {
    let s = &mut state.search;
    if generation != s.generation || state.view != View::Search || !s.busy {
        return;
    }
    s.busy = results.partial;
    let selected = s.results.hits.get(s.selected).map(|h| h.target);
    let refining = s.moved && s.results.partial && s.results.query == results.query;
    show_results(state, results);
    if refining
        && let Some(at) = state
            .search
            .results
            .hits
            .iter()
            .position(|h| Some(h.target) == selected)
    {
        state.search.selected = at;
        state.search.moved = true;
        follow_search(state);
    }
    match state.search.opening.take() {
        Some(Action::CycleVerdict) => super::verdict::judge_selected(state),
        Some(Action::EditNote) => super::note::edit_selected(state),
        Some(_) => open_result(state),
        None => {}
    }
}

pub(super) fn show_results(state: &mut State, mut results: crate::search::Results) {
    // Picking the target of a link: only the other claims can be one.
    if let Some(pick) = &state.authoring.linking {
        let from = state.debate.claim_by_id(&pick.from);
        let before = results.hits.len();
        results
            .hits
            .retain(|h| matches!(h.target, Target::Claim { claim, .. } if Some(claim) != from));
        results.matched = results.matched.saturating_sub(before - results.hits.len());
    }
    state.search.results = results;
    state.search.selected = 0;
    state.search.offset = 0;
    state.search.preview_scroll = 0;
    state.search.moved = false;
}

/// A prompt-editing action, as the edit of the finder's query it stands for.
pub(super) fn edit_prompt(state: &mut State, fx: &mut Effects, action: Action) {
    // `?` as the whole query would find nothing worth finding: it opens help, as elsewhere.
    if action == Action::SearchInput('?') && state.search.query.text().is_empty() {
        state.overlay = Some(crate::state::Overlay::Help(0));
        return;
    }
    if let Some(edit) = prompt_edit(action) {
        edit_query(state, fx, edit);
    }
}

/// The edit of a one-line prompt an action stands for (the finder's, a picker's and the
/// note's share their keys), if it is one.
pub(super) fn prompt_edit(action: Action) -> Option<Edit> {
    Some(match action {
        Action::SearchInput(c) => Edit::Insert(c),
        Action::Paste(text) => Edit::Paste(text),
        Action::SearchBackspace => Edit::DeleteBack,
        Action::SearchDeleteChar => Edit::DeleteForward,
        Action::SearchClear => Edit::Clear,
        Action::SearchDeleteWord => Edit::DeleteWordBack,
        Action::SearchKillWord => Edit::KillWord,
        Action::SearchBackwardKillWord => Edit::BackwardKillWord,
        Action::SearchDeleteToStart => Edit::DeleteToStart,
        Action::SearchDeleteToEnd => Edit::DeleteToEnd,
        Action::CursorLeft => Edit::Left,
        Action::CursorRight => Edit::Right,
        Action::CursorWordLeft => Edit::WordLeft,
        Action::CursorWordRight => Edit::WordRight,
        Action::CursorStart => Edit::Home,
        Action::CursorEnd => Edit::End,
        _ => return None,
    })
}
