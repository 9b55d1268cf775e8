//! The debate view: the next framing, side by side, contested claims only.

use super::go;
use crate::derive::{clamp_debate, refresh_claims};
use crate::model::{ClaimIx, FramingIx};
use crate::state::{CompareOrder, State, View};

/// `s`: side by side, or back to one framing; the claim selected stays selected.
pub(super) fn toggle_side_by_side(state: &mut State) {
    let on = super::selected_claim(state);
    if state.view == View::Debate {
        state.debate_view.side_by_side = !state.debate_view.side_by_side;
    } else {
        state.debate_view.side_by_side = true;
        go(state, View::Debate, state.article);
    }
    reset_position(state);
    pan_to_active(state);
    if let Some(claim) = on {
        select_claim(state, claim);
    }
}

/// Side by side pans, when it must, so that the active framing's column is on screen: its
/// head's ▌ is what says which framing is active there without colour.
fn pan_to_active(state: &mut State) {
    if !state.debate_view.side_by_side {
        return;
    }
    let width = crate::geometry::frame(state).body.width;
    let cols = crate::geometry::debate::columns(state, width);
    let shown = cols.shown().max(1);
    let active = state.framing.get();
    let d = &mut state.debate_view;
    let first = d.pan.min(cols.total.saturating_sub(shown));
    if active < first {
        d.pan = active;
    } else if active >= first + shown {
        d.pan = active + 1 - shown;
    }
}

/// Selects the row of `claim` in the current mode, scrolled into view, if it has one.
pub(super) fn select_claim(state: &mut State, claim: ClaimIx) {
    let at = if state.debate_view.side_by_side {
        state.compare_rows().iter().position(|&c| c == claim)
    } else {
        state.debate_rows().iter().position(|&(_, c)| c == claim)
    };
    if let Some(at) = at {
        state.debate_view.selected = at;
        state.debate_view.row_scroll = 0;
        clamp_debate(state);
    }
}

/// `x`: only the contested claims, or all again, in either mode; says how many it kept.
pub(super) fn toggle_contested(state: &mut State) {
    let count = |state: &State| {
        if state.debate_view.side_by_side {
            state.compare_rows().len()
        } else {
            state.debate_rows().len()
        }
    };
    let before = count(state);
    state.debate_view.contested_only = !state.debate_view.contested_only;
    crate::derive::refresh_rows(state);
    reset_position(state);
    let after = count(state);
    state.message = Some(if state.debate_view.contested_only {
        format!(
            "{after} of {before} claims: contested (a framing supports what another challenges)"
        )
    } else {
        format!("All {after} claims")
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
    reset_position(state);
    crate::derive::refresh_rows(state);
    refresh_claims(state);
    pan_to_active(state);
}

/// A framing's thesis opened from the finder: that framing's debate view, one framing at a time.
pub(super) fn open_thesis(state: &mut State, framing: FramingIx) {
    set_framing(state, framing);
    state.debate_view.side_by_side = false;
    go(state, View::Debate, state.article);
}

/// Back to the first row, unscrolled: after a change of mode, framing or filter.
fn reset_position(state: &mut State) {
    let d = &mut state.debate_view;
    d.selected = 0;
    d.offset = 0;
    d.row_scroll = 0;
}

/// `T`: the framing's whole thesis, or only its first lines.
pub(super) fn toggle_thesis(state: &mut State) {
    state.debate_view.thesis_open = !state.debate_view.thesis_open;
    clamp_debate(state);
}

/// Moves the selection by `delta` rows. A selected row taller than the list is read through
/// first: a step down scrolls inside it until its last line shows, a step up back to its top.
pub(super) fn move_rows(state: &mut State, delta: isize) {
    let (height, viewport) = crate::geometry::debate::selected_fit(state);
    let d = &mut state.debate_view;
    let step = (viewport / 2).max(1);
    if delta == 1 && height > viewport && d.row_scroll + viewport < height {
        d.row_scroll = (d.row_scroll + step).min(height - viewport);
        return;
    }
    if delta == -1 && d.row_scroll > 0 {
        d.row_scroll = d.row_scroll.saturating_sub(step);
        return;
    }
    let before = d.selected;
    d.selected = d.selected.saturating_add_signed(delta);
    clamp_debate(state);
    if state.debate_view.selected != before {
        state.debate_view.row_scroll = 0;
    }
}

/// `h`/`l`: the framing columns one to the left or right, when not all fit side by side.
pub(super) fn pan(state: &mut State, delta: isize) {
    if !state.debate_view.side_by_side {
        state.message = Some("h/l pan the framings side by side; s shows them.".into());
        return;
    }
    let width = crate::geometry::frame(state).body.width;
    let cols = crate::geometry::debate::columns(state, width);
    let last = cols.total - cols.shown();
    if last == 0 {
        state.message = Some("Every framing is on screen.".into());
        return;
    }
    let d = &mut state.debate_view;
    d.pan = d.pan.min(last).saturating_add_signed(delta).min(last);
    d.row_scroll = 0;
    clamp_debate(state);
}

/// `D`: side by side, the claims the framings read most differently first (supports against
/// challenges before silences), or the article's order again.
pub(super) fn toggle_disagree_order(state: &mut State) {
    // The claim being read stays selected: only the order around it changes.
    let on = super::selected_claim(state);
    state.debate_view.side_by_side = true;
    if state.view != View::Debate {
        go(state, View::Debate, state.article);
    }
    state.debate_view.order = match state.debate_view.order {
        CompareOrder::Article => CompareOrder::Disagreement,
        CompareOrder::Disagreement => CompareOrder::Article,
    };
    crate::derive::refresh_rows(state);
    reset_position(state);
    if let Some(claim) = on {
        select_claim(state, claim);
    }
    state.message = Some(if state.debate_view.order == CompareOrder::Disagreement {
        "Where they disagree: supports against challenges first. D: article order.".into()
    } else {
        "Article order.".into()
    });
}

/// The debate view's own keys: the whole thesis, panning the columns, the order of the rows.
pub(super) fn view_action(state: &mut State, action: &crate::action::Action) {
    use crate::action::Action;
    match action {
        Action::ToggleThesis => toggle_thesis(state),
        Action::PanLeft => pan(state, -1),
        Action::PanRight => pan(state, 1),
        Action::ToggleDisagreeOrder => toggle_disagree_order(state),
        _ => {}
    }
}
