//! `update(&mut State, Action)`: every change of state happens here, and only here.
//!
//! One file per view or concern under `update/`; derived data is recomputed through `derive`
//! when what it depends on changes, so that drawing never does real work.

mod caret;
mod claims;
mod debate;
mod form;
mod links;
mod marks;
mod motion;
mod mouse;
mod note;
mod overlay;
mod picker;
mod reader;
mod reload;
mod search;
mod verdict;

use motion::navigate;
use motion::{move_by, page_usize};

use crate::action::Action;
use crate::derive::{follow_search, refresh};
use crate::effect::{Effect, Effects};
use crate::keymap::Context;
use crate::model::{ArticleIx, ClaimIx};
use crate::search::Target;
use crate::state::{DetailState, Overlay, Place, State, View};

pub use reader::clipboard_text;

/// How many search results are kept for display.
pub const SEARCH_LIMIT: usize = 500;
/// The longest query, in characters: fuzzy matching costs query length times text length.
pub const MAX_QUERY_CHARS: usize = 200;

/// Applies one action; returns what it asks the outside world to do.
pub fn update(state: &mut State, action: Action) -> Effects {
    let mut effects = Effects::new();
    // Where the mouse was pressed: a drag selects from there.
    if let Action::ClickAt { x, y } = action {
        state.authoring.pressed = Some((x, y));
    }
    let found = caret::current_find(state);
    let was_busy = state.search.busy;
    let finished = matches!(&action, Action::SearchDone { results, .. } if !results.partial);
    apply(state, action, &mut effects);
    search::cancel_abandoned(state, was_busy, finished, &mut effects);
    form::end_abandoned_link(state);
    caret::follow_find(state, found.as_ref());
    effects
}

// One arm per action, so the compiler names any action left unhandled; the arms only dispatch.
#[allow(clippy::too_many_lines)]
pub(super) fn apply(state: &mut State, action: Action, fx: &mut Effects) {
    // The message answers the user's last act: a resize or a search finishing is not one, and
    // a late result must not erase what the user's next key said ("Framing 2/3: ...").
    if !matches!(action, Action::Resize(..) | Action::SearchDone { .. }) {
        state.message = None;
    }
    // The note's prompt is over everything, the detail included.
    if state.note.is_some() && note::note_action(state, action.clone()) {
        return;
    }
    // The caret, the claim form and edits of claims act from every view and overlay.
    if form::handles(&action) {
        form::apply(state, action, fx);
        return;
    }
    if let Some(overlay) = state.overlay.clone()
        && overlay::overlay_action(state, overlay, &action, fx)
    {
        return;
    }
    if counted(state, &action, fx) || crate::reading::handle(state, &action) {
        return;
    }
    match action {
        Action::Quit => fx.push(Effect::Quit),
        Action::Suspend => fx.push(Effect::Suspend),
        Action::Back => back(state),
        Action::ToggleHelp => state.overlay = Some(Overlay::Help(0)),
        Action::ShowArticle(i) => show_article(state, i),
        Action::NextPane => step_pane(state, true),
        Action::PrevPane => step_pane(state, false),
        Action::ShowClaims => go(state, View::Claims, state.article),
        Action::ShowDebate => go(state, View::Debate, state.article),
        Action::ToggleSideBySide => debate::toggle_side_by_side(state),
        Action::ToggleContested => debate::toggle_contested(state),
        Action::NextFraming => debate::step_framing(state, true),
        Action::PrevFraming => debate::step_framing(state, false),
        Action::ToggleThesis | Action::PanLeft | Action::PanRight | Action::ToggleDisagreeOrder => {
            debate::view_action(state, &action);
        }
        Action::StartSearch => search::start_search(state, fx),
        Action::SearchInput(_)
        | Action::Paste(_)
        | Action::SearchBackspace
        | Action::SearchDeleteChar
        | Action::SearchClear
        | Action::SearchDeleteWord
        | Action::SearchKillWord
        | Action::SearchBackwardKillWord
        | Action::SearchDeleteToStart
        | Action::SearchDeleteToEnd
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorWordLeft
        | Action::CursorWordRight
        | Action::CursorStart
        | Action::CursorEnd => search::edit_prompt(state, fx, action),
        Action::PreviewUp => search::scroll_preview(state, -1),
        Action::PreviewDown => search::scroll_preview(state, 1),
        Action::HistoryBack => search::recall(state, fx, true),
        Action::HistoryForward => search::recall(state, fx, false),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom => navigate(state, &action),
        Action::NextClaim => reader::step_claim(state, true),
        Action::PrevClaim => reader::step_claim(state, false),
        Action::Open => open(state),
        Action::ShowDetail => on_selected(state, show_detail),
        Action::ReadInArticle => on_selected(state, reader::jump_to_claim),
        Action::PickArticle
        | Action::PickTags
        | Action::PickStance
        | Action::PickFraming
        | Action::RemoveLastFilter => picker::filter_action(state, &action),
        Action::ClearFilters => claims::clear_filters(state),
        // Links act in the detail only, marks in a picker or the list of bookmarks; counts, the
        // reader's search and jumps, the caret and the claim form are done above.
        // In the finder, on the result of the query typed, once its results are in.
        Action::CycleVerdict if !search::wait_for_results(state, Action::CycleVerdict) => {
            verdict::judge_selected(state);
        }
        Action::EditNote if !search::wait_for_results(state, Action::EditNote) => {
            note::edit_selected(state);
        }
        Action::NextLink
        | Action::PrevLink
        | Action::TogglePick
        | Action::FindInText
        | Action::FindInput(_)
        | Action::FindBackspace
        | Action::FindAccept
        | Action::FindCancel
        | Action::JumpBack
        | Action::JumpForward
        | Action::StartCount
        | Action::CountDigit(_)
        | Action::DeleteMark
        | Action::Annotate
        | Action::EditClaim
        | Action::DeleteClaim
        | Action::LinkClaim
        | Action::Undo
        | Action::Redo
        | Action::OpenInEditor
        | Action::Caret(_)
        | Action::DragAt { .. }
        | Action::Form(_)
        | Action::Answer(_)
        | Action::SaveDone(_)
        | Action::CycleVerdict
        | Action::EditNote => {}
        Action::ShowErrors => overlay::show_errors(state),
        Action::CopyClaim => reader::copy_claim(state, fx),
        Action::SetMark | Action::JumpToMark | Action::MarkLetter(_) | Action::CancelMark => {
            reader::mark(state, &action);
        }
        Action::ShowMarks => marks::show(state),
        Action::ShowLinks => links::show(state),
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            refresh(state);
        }
        Action::ScrollAt { x, y, delta } => mouse::scroll_at(state, x, y, delta),
        Action::ClickAt { x, y } => mouse::click_at(state, x, y, fx),
        Action::SearchDone {
            generation,
            results,
        } => search::search_done(state, generation, *results),
        Action::Reloaded(file) => reload::reload(state, *file.0, fx),
    }
}

/// Takes a digit into the pending count (true: nothing else to do), or repeats the action as
/// many times as counted less one, leaving the last time to the caller.
fn counted(state: &mut State, action: &Action, fx: &mut Effects) -> bool {
    match crate::count::before(&mut state.count, action) {
        crate::count::Counted::Digit | crate::count::Counted::Cancelled => true,
        crate::count::Counted::Times(n) => {
            (1..n).for_each(|_| apply(state, action.clone(), fx));
            false
        }
    }
}

/// Does `act` on the claim the view has selected, if any.
fn on_selected(state: &mut State, act: fn(&mut State, ClaimIx)) {
    if let Some(claim) = selected_claim(state) {
        act(state, claim);
    }
}

/// `1`…`9`: article pane `i` (0-based), if there is one.
fn show_article(state: &mut State, i: usize) {
    if i < state.debate.articles.len() {
        go(state, View::Reader, article_ix(state, i));
    } else {
        state.message = Some(format!("There is no article {}.", i + 1));
    }
}

/// Tab and Shift-Tab: the next or previous article pane (from another view, the current one).
pub(super) fn step_pane(state: &mut State, forward: bool) {
    let n = state.debate.articles.len();
    let current = state.article.get();
    let next = if forward {
        (current + 1) % n
    } else {
        (current + n - 1) % n
    };
    let target = if state.view == View::Reader {
        next
    } else {
        current
    };
    go(state, View::Reader, article_ix(state, target));
}

pub(super) fn article_ix(state: &State, i: usize) -> ArticleIx {
    state.debate.article_ixs().nth(i).unwrap_or(state.article)
}

/// Goes to a view (and article), remembering where we were.
pub(super) fn go(state: &mut State, view: View, article: ArticleIx) {
    // The claim list and the debate view open on the claim the user is on, where they show it.
    let on = (view != state.view)
        .then(|| selected_claim(state))
        .flatten();
    let here = state.place();
    let there = Place { view, article };
    crate::places::visit(&mut state.history, here, &there);
    if view == View::Reader {
        crate::reading::record_jump(state);
    }
    if view != View::Search {
        abandon_search(state);
    }
    state.view = view;
    state.article = article;
    refresh(state);
    if let Some(claim) = on {
        select_in_view(state, claim);
    }
}

/// Selects `claim` in the claim list or the debate view, if it is one of their rows.
pub(super) fn select_in_view(state: &mut State, claim: ClaimIx) {
    match state.view {
        View::Claims => {
            if let Some(at) = state.claims.visible.iter().position(|&c| c == claim) {
                state.claims.selected = at;
                crate::derive::follow_claims(state);
            }
        }
        View::Debate => debate::select_claim(state, claim),
        View::Reader | View::Search => {}
    }
}

/// Leaving the finder abandons its query: results still to come are dropped when they arrive,
/// and the busy mark goes.
pub(super) fn abandon_search(state: &mut State) {
    if state.view == View::Search {
        state.search.generation += 1;
        state.search.busy = false;
        state.search.opening = None;
    }
}

pub(super) fn back(state: &mut State) {
    if crate::reading::clear_find(state) {
        return;
    }
    abandon_search(state);
    if let Some(place) = crate::places::back(&mut state.history) {
        state.view = place.view;
        state.article = place.article;
    } else if state.view != View::Reader {
        state.view = View::Reader;
    }
    refresh(state);
}

pub(super) fn show_detail(state: &mut State, claim: ClaimIx) {
    state.overlay = Some(Overlay::Detail(DetailState {
        claim,
        link: None,
        scroll: 0,
    }));
}

/// The claim a key like `o` or `r` acts on in the current view.
pub(super) fn selected_claim(state: &State) -> Option<ClaimIx> {
    match state.view {
        View::Reader => state.reader().selected,
        View::Claims => state.claims.visible.get(state.claims.selected).copied(),
        View::Debate => {
            if state.debate_view.side_by_side {
                state
                    .compare_rows()
                    .get(state.debate_view.selected)
                    .copied()
            } else {
                state
                    .debate_rows()
                    .get(state.debate_view.selected)
                    .map(|&(_, c)| c)
            }
        }
        View::Search => match state.search.results.hits.get(state.search.selected)?.target {
            Target::Claim { claim, .. } => Some(claim),
            Target::Thesis { .. } | Target::Paragraph { .. } => None,
        },
    }
}

pub(super) fn open(state: &mut State) {
    match state.view {
        View::Reader => {
            let visible = reader::reader_visible_claim(state);
            if let Some(claim) = crate::reading::selected_on_screen(state).or(visible) {
                state.readers[state.article.get()].selected = Some(claim);
                show_detail(state, claim);
            } else {
                let next = state.keymap.key_for(Context::Reader, &Action::NextClaim);
                state.message = Some(format!("No claim on screen; {next} goes to the next one."));
            }
        }
        View::Claims => {
            if let Some(claim) = selected_claim(state) {
                reader::jump_to_claim(state, claim);
            }
        }
        View::Debate => {
            if let Some(claim) = selected_claim(state) {
                show_detail(state, claim);
            }
        }
        View::Search => {
            search::remember_query(state);
            search::open_result(state);
        }
    }
}
