//! The list of bookmarks (`M`): moving through it, going to a bookmark, deleting one.

use super::overlay::scroll_overlay;
use super::reader::jump_to_mark;
use crate::action::Action;
use crate::state::{Overlay, State};

/// `M`: the list, on the first bookmark; with none, a message saying how to set one.
pub(super) fn show(state: &mut State) {
    if state.bookmarks.is_empty() {
        let set = state
            .keymap
            .key_for(crate::keymap::Context::of(state), &Action::SetMark);
        state.message = Some(format!("No bookmarks yet: {set} and a letter sets one."));
    } else {
        state.overlay = Some(Overlay::Marks(0));
    }
}

/// An action while the list is open, the selected bookmark being the `selected`-th by letter.
pub(super) fn marks_action(state: &mut State, selected: usize, action: &Action) {
    let count = state.bookmarks.len();
    let letter = state.bookmarks.keys().nth(selected).copied();
    match (action, letter) {
        (Action::Open, Some(letter)) => {
            state.overlay = None;
            jump_to_mark(state, letter);
        }
        (Action::DeleteMark, Some(letter)) => {
            state.bookmarks.remove(&letter);
            state.message = Some(super::note::kept(
                state,
                &format!("Bookmark '{letter} deleted"),
            ));
            state.overlay = (count > 1).then(|| Overlay::Marks(selected.min(count - 2)));
        }
        _ => {
            let moved = scroll_overlay(state, selected, action);
            state.overlay = Some(Overlay::Marks(moved.min(count.saturating_sub(1))));
        }
    }
}
