//! The debate view: the next framing, side by side, contested claims only.

use super::go;
use crate::derive::refresh_claims;
use crate::model::FramingIx;
use crate::state::{State, View};

pub(super) fn toggle_side_by_side(state: &mut State) {
    if state.view == View::Debate {
        state.debate_view.side_by_side = !state.debate_view.side_by_side;
    } else {
        state.debate_view.side_by_side = true;
        go(state, View::Debate, state.article);
    }
    state.debate_view.selected = 0;
    state.debate_view.offset = 0;
}

pub(super) fn toggle_contested(state: &mut State) {
    state.debate_view.contested_only = !state.debate_view.contested_only;
    crate::derive::refresh_rows(state);
    let d = &mut state.debate_view;
    d.side_by_side = true;
    d.selected = 0;
    d.offset = 0;
    state.message = Some(if d.contested_only {
        "Showing only contested claims: one framing supports what another challenges.".into()
    } else {
        "Showing every claim the framings read.".into()
    });
}

/// `t` and `T`: the next or previous framing in file order, round the ends; it also colours
/// the reader.
pub(super) fn step_framing(state: &mut State, forward: bool) {
    let n = state.debate.framings.len();
    if n == 0 {
        return;
    }
    let step = if forward { 1 } else { n - 1 };
    let next = (state.framing.get() + step) % n;
    let framing = state
        .debate
        .framing_ixs()
        .nth(next)
        .unwrap_or(state.framing);
    set_framing(state, framing);
}

/// Makes `framing` the active one (it colours the reader too) and says so.
pub(super) fn set_framing(state: &mut State, framing: FramingIx) {
    state.framing = framing;
    let n = state.debate.framings.len();
    let f = state.debate.framing(framing);
    state.message = Some(format!("Framing {}/{n}: {}", framing.get() + 1, f.name));
    state.debate_view.selected = 0;
    state.debate_view.offset = 0;
    crate::derive::refresh_rows(state);
    refresh_claims(state);
}

/// A framing's thesis opened from the finder: that framing's debate view, one framing at a time.
pub(super) fn open_thesis(state: &mut State, framing: FramingIx) {
    set_framing(state, framing);
    state.debate_view.side_by_side = false;
    go(state, View::Debate, state.article);
}
