//! The open overlay (help, errors, a claim's detail) takes the keys first: scrolling, following
//! links, closing.

use super::reader::{copy, jump_to_claim};
use super::{page_usize, show_detail};
use crate::action::Action;
use crate::effect::Effects;
use crate::geometry;
use crate::state::{DetailState, Overlay, State};

/// Scrolling inside an overlay (help, errors) by an action.
pub(super) fn scroll_overlay(state: &State, scroll: usize, action: &Action) -> usize {
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page_usize(state) / 2),
        Action::PageDown | Action::HalfPageDown => scroll + page_usize(state) / 2,
        Action::Top => 0,
        Action::Bottom => usize::MAX / 2,
        Action::ScrollAt { delta, .. } => scroll.saturating_add_signed(isize::from(*delta) * 3),
        _ => scroll,
    }
}

/// Handles an action meant for the open overlay; returns whether it was consumed.
pub(super) fn overlay_action(
    state: &mut State,
    overlay: Overlay,
    action: &Action,
    fx: &mut Effects,
) -> bool {
    match (overlay, action) {
        (
            _,
            Action::Quit
            | Action::Suspend
            | Action::Resize(..)
            | Action::SearchDone { .. }
            | Action::Reloaded(_),
        ) => false,
        (Overlay::Picker(picker), action) => super::picker::picker_action(state, picker, action),
        (_, Action::Back) | (Overlay::Help(_), Action::ToggleHelp) => {
            // Help opened over a claim's detail closes back to it.
            state.overlay = state.detail_under_help.take().map(Overlay::Detail);
            true
        }
        (Overlay::Detail(detail), Action::ToggleHelp) => {
            state.detail_under_help = Some(detail);
            state.overlay = Some(Overlay::Help(0));
            true
        }
        (Overlay::Marks(selected), action) => {
            super::marks::marks_action(state, selected, action);
            true
        }
        (Overlay::Links(selected), action) => {
            super::links::links_action(state, selected, action, fx);
            true
        }
        (Overlay::Errors(scroll), action) => {
            let scroll = scroll_overlay(state, scroll, action);
            state.overlay = Some(Overlay::Errors(
                scroll.min(geometry::overlay::errors_max_scroll(state)),
            ));
            true
        }
        (Overlay::Help(scroll), action) => {
            let scroll = scroll_overlay(state, scroll, action);
            state.overlay = Some(Overlay::Help(
                scroll.min(geometry::overlay::help_max_scroll(state)),
            ));
            true
        }
        (Overlay::Detail(detail), action) => detail_action(state, detail, action, fx),
    }
}

/// An action in a claim's detail: scrolling, stepping through and following its links,
/// reading it in its article, copying, judging and noting it. Always consumed.
fn detail_action(
    state: &mut State,
    mut detail: DetailState,
    action: &Action,
    fx: &mut Effects,
) -> bool {
    let links = state.detail_links(detail.claim).len();
    match action {
        Action::NextLink if links > 0 => {
            detail.link = Some(detail.link.map_or(0, |l| (l + 1) % links));
            detail.scroll = geometry::overlay::detail_scroll_to_link(state, &detail);
        }
        Action::PrevLink if links > 0 => {
            detail.link = Some(detail.link.map_or(links - 1, |l| (l + links - 1) % links));
            detail.scroll = geometry::overlay::detail_scroll_to_link(state, &detail);
        }
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom
        | Action::ScrollAt { .. } => {
            detail.scroll = scroll_overlay(state, detail.scroll, action)
                .min(geometry::overlay::detail_max_scroll(state, &detail));
            // A selected link scrolled out of sight is let go: Enter must not follow
            // a link the reader no longer sees.
            if geometry::overlay::detail_scroll_to_link(state, &detail) != detail.scroll {
                detail.link = None;
            }
        }
        Action::Open => {
            if let Some(l) = detail.link {
                let target = state
                    .detail_links(detail.claim)
                    .get(l)
                    .map(|&(out, link)| if out { link.to } else { link.from });
                if let Some(target) = target {
                    show_detail(state, target);
                    return true;
                }
            }
            let claim = detail.claim;
            state.overlay = None;
            jump_to_claim(state, claim);
            return true;
        }
        Action::ReadInArticle => {
            let claim = detail.claim;
            state.overlay = None;
            jump_to_claim(state, claim);
            return true;
        }
        Action::CopyClaim => {
            copy(state, detail.claim, fx);
            return true;
        }
        Action::CycleVerdict => super::verdict::cycle_verdict(state, detail.claim),
        Action::EditNote => super::note::open(state, detail.claim),
        _ => return true,
    }
    detail.scroll = detail
        .scroll
        .min(geometry::overlay::detail_max_scroll(state, &detail));
    state.overlay = Some(Overlay::Detail(detail));
    true
}

/// `e`: the errors of the last reload that failed, if there are any.
pub(super) fn show_errors(state: &mut State) {
    if state.banner.is_some() {
        state.overlay = Some(Overlay::Errors(0));
    } else {
        state.message = Some("No errors: the file loaded cleanly.".into());
    }
}
