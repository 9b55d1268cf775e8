//! The mouse: the wheel scrolls what is under it, a click selects and a second click opens.

use super::{apply, move_by, open, show_detail};
use crate::effect::Effects;
use crate::flow::Source;
use crate::geometry::{self, layout};
use crate::state::{State, View};

pub(super) fn scroll_at(state: &mut State, x: u16, y: u16, delta: i8) {
    let lines = isize::from(delta);
    match state.view {
        View::Reader => {
            if layout::contains(geometry::frame(state).body, x, y) {
                move_by(state, lines * 3);
            }
        }
        View::Search => {
            let over_preview = geometry::search(state)
                .results
                .preview
                .is_some_and(|p| layout::contains(p, x, y));
            if over_preview {
                super::search::scroll_preview(state, lines * 3);
            } else {
                move_by(state, lines);
            }
        }
        View::Claims | View::Debate => move_by(state, lines),
    }
}

pub(super) fn click_at(state: &mut State, x: u16, y: u16, fx: &mut Effects) {
    let frame = geometry::frame(state);
    if layout::contains(frame.top, x, y) {
        if let Some(action) = crate::geometry::top::action_at(state, x) {
            apply(state, action, fx);
        }
        return;
    }
    if !layout::contains(frame.body, x, y) {
        return;
    }
    match state.view {
        View::Reader => click_reader(state, x, y),
        View::Claims => {
            if let Some(chip) = geometry::chips::chip_at(state, x, y) {
                super::picker::remove_chip(state, chip);
                return;
            }
            let list = geometry::claims(state).lists.list;
            if layout::contains(list, x, y) {
                let row = state.claims.offset
                    + usize::from(y - list.y) / crate::geometry::CLAIM_ROW_HEIGHT;
                if row < state.claims.visible.len() {
                    if row == state.claims.selected {
                        open(state);
                    } else {
                        state.claims.selected = row;
                    }
                }
            }
        }
        View::Search => {
            let list = geometry::search(state).results.list;
            if layout::contains(list, x, y) {
                let row = state.search.offset + usize::from(y - list.y);
                if row < state.search.results.hits.len() {
                    if row == state.search.selected {
                        open(state);
                    } else {
                        state.search.selected = row;
                        state.search.moved = true;
                        state.search.preview_scroll = 0;
                    }
                }
            }
        }
        View::Debate => {
            if let Some(row) = geometry::debate::row_at(state, y) {
                if row == state.debate_view.selected {
                    open(state);
                } else {
                    state.debate_view.selected = row;
                }
            }
        }
    }
}

/// A click on the text selects the claim under it; a second click opens it.
pub(super) fn click_reader(state: &mut State, x: u16, y: u16) {
    let column = geometry::reader(state).column;
    if !layout::contains(column, x, y) {
        return;
    }
    let reader = state.reader();
    let line_ix = reader.top + usize::from(y - column.y);
    let Some(line) = reader.flow.lines.get(line_ix) else {
        return;
    };
    let Source::Block(block) = line.source else {
        return;
    };
    let b = &state.debate.article(state.article).doc.blocks[block];
    let col = usize::from(x - column.x).saturating_sub(crate::flow::indent(b));
    let byte = crate::geometry::byte_at_column(&b.text, line.range.clone(), col);
    let hit = state
        .debate
        .article(state.article)
        .claims
        .iter()
        .copied()
        .find(|&c| {
            let a = &state.debate.claim(c).anchor;
            a.block == block && a.range.contains(&byte)
        });
    if let Some(claim) = hit {
        if reader.selected == Some(claim) {
            show_detail(state, claim);
        } else {
            state.readers[state.article.get()].selected = Some(claim);
        }
    }
}
