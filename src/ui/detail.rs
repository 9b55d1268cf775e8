//! The claim detail popup: the full card, scrollable, with navigable links; its box is laid
//! out by `geometry::overlay`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{card, paint};
use crate::action::Action;
use crate::geometry::overlay;
use crate::keymap::Context;
use crate::state::{DetailState, State};

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, detail: &DetailState) {
    let theme = &state.theme;
    let outer = overlay::detail_box(screen, state, detail);
    let inner = paint::frame(buf, outer, "Claim", theme.accent, theme);
    let content = overlay::card_area(outer);
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
    // Only what the keys do now: Tab where there are links, Enter once one is selected.
    let mut spans = Vec::new();
    if !state.detail_links(detail.claim).is_empty() {
        spans.push(Span::styled(key(Action::NextLink), theme.accent));
        spans.push(Span::styled(" links ", theme.dim));
    }
    if detail.link.is_some() {
        spans.push(Span::styled(key(Action::Open), theme.accent));
        spans.push(Span::styled(" follow ", theme.dim));
    }
    spans.extend([
        Span::styled(key(Action::ReadInArticle), theme.accent),
        Span::styled(" read in article ", theme.dim),
        Span::styled(key(Action::EditNote), theme.accent),
        Span::styled(" note ", theme.dim),
        Span::styled(key(Action::Back), theme.accent),
        Span::styled(" close", theme.dim),
        Span::styled(more, theme.muted),
    ]);
    paint::line(
        buf,
        inner,
        inner.height.saturating_sub(1),
        &Line::from(spans),
    );
}
