//! The top bar: one tab per article pane, the other views, and the active framing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use crate::geometry::top;
use crate::state::State;

pub fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    let theme = &state.theme;
    paint::fill(buf, area, theme.bar);
    let bar = top::bar(state, area.width);
    let spans: Vec<Span<'_>> = bar
        .tabs
        .into_iter()
        .map(|t| {
            let style = if t.active {
                theme.tab_active
            } else {
                theme.bar
            };
            Span::styled(t.label, style)
        })
        .collect();
    paint::line(buf, area, 0, &Line::from(spans));
    if let Some(chip) = bar.chip {
        let index = state.framing.get();
        let mut style = theme.framing(state.debate.framing(state.framing), index);
        // On the bar's own background, if it has one (a theme without colour has none).
        if let Some(bg) = theme.bar.bg {
            style = style.bg(bg);
        }
        let chip = Line::from(vec![
            Span::styled(top::CHIP_MARK, style),
            Span::styled(chip.label, style),
        ])
        .right_aligned();
        paint::line(buf, area, 0, &chip);
    }
}
