//! Moving through a view: by a line, a page, half a page, or to either end, in whichever list
//! or text the view shows.

use super::debate;
use crate::action::Action;
use crate::derive::{follow_claims, follow_search, max_top};
use crate::geometry;
use crate::state::{State, View};

/// Moves the view's selection or text by a line, a page, half a page, or to either end.
pub(super) fn navigate(state: &mut State, action: &Action) {
    let by = match action {
        Action::Up => -1,
        Action::Down => 1,
        Action::PageUp => -page(state),
        Action::PageDown => page(state),
        Action::HalfPageUp => -(page(state) / 2).max(1),
        Action::HalfPageDown => (page(state) / 2).max(1),
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return,
    };
    move_by(state, by);
}

/// How far a page moves in the current view.
fn page(state: &State) -> isize {
    isize::try_from(page_usize(state)).unwrap_or(1)
}

pub(super) fn page_usize(state: &State) -> usize {
    let body = usize::from(geometry::frame(state).body.height);
    match state.view {
        View::Claims => (body / 2).max(1),
        _ => body.saturating_sub(2).max(1),
    }
}

pub(super) fn move_by(state: &mut State, delta: isize) {
    match state.view {
        View::Reader => {
            let height = geometry::reader(state).column.height;
            let reader = &mut state.readers[state.article.get()];
            let max = max_top(reader.flow.len(), height);
            reader.set_top(reader.top.saturating_add_signed(delta).min(max));
        }
        View::Claims => {
            let n = state.claims.visible.len();
            state.claims.selected = step(state.claims.selected, delta, n);
            follow_claims(state);
        }
        View::Debate => debate::move_rows(state, delta),
        View::Search => {
            let n = state.search.results.hits.len();
            state.search.selected = step(state.search.selected, delta, n);
            state.search.moved = true;
            state.search.preview_scroll = 0;
            follow_search(state);
        }
    }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    current
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}
