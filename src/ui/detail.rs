//! The claim detail popup: the full card, scrollable, with navigable links.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{card, layout, paint};
use crate::action::Action;
use crate::keymap::Context;
use crate::state::{DetailState, State};

const MAX_WIDTH: u16 = 96;

/// The popup on a screen: as tall as the card plus its hint line, at most the screen.
fn area_on(screen: Rect, state: &State, detail: &DetailState) -> Rect {
    let width = content(layout::overlay(screen, MAX_WIDTH)).width;
    let count = card::lines(state, detail.claim, width, detail.link).len();
    layout::overlay_fitting(screen, MAX_WIDTH, count, 1)
}

/// The card's inside: the popup less its border and the hint line.
fn content(outer: Rect) -> Rect {
    let inner = layout::inner(outer);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// How far the card can scroll at the current size.
pub fn max_scroll(state: &State, detail: &DetailState) -> usize {
    let content = content(area_on(
        Rect::new(0, 0, state.width, state.height),
        state,
        detail,
    ));
    let lines = card::lines(state, detail.claim, content.width, detail.link).len();
    lines.saturating_sub(usize::from(content.height))
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, detail: &DetailState) {
    let theme = &state.theme;
    let outer = area_on(screen, state, detail);
    let inner = paint::frame(buf, outer, "Claim", theme.accent, theme);
    let content = content(outer);
    let lines = card::lines(state, detail.claim, content.width, detail.link);
    let scroll = detail
        .scroll
        .min(lines.len().saturating_sub(usize::from(content.height)));
    paint::lines(buf, content, &lines, scroll);
    let more = if lines.len() > scroll + usize::from(content.height) {
        " ↓ more "
    } else {
        ""
    };
    let key = |action| format!(" {}", state.keymap.key_for(Context::Detail, &action));
    let hints = Line::from(vec![
        Span::styled(key(Action::NextLink), theme.accent),
        Span::styled(" links ", theme.dim),
        Span::styled(key(Action::Open), theme.accent),
        Span::styled(" follow ", theme.dim),
        Span::styled(key(Action::ReadInArticle), theme.accent),
        Span::styled(" read in article ", theme.dim),
        Span::styled(key(Action::Back), theme.accent),
        Span::styled(" close", theme.dim),
        Span::styled(more, theme.muted),
    ]);
    paint::line(buf, inner, inner.height.saturating_sub(1), &hints);
}
