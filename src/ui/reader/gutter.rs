//! The stance marks in the gutter left of the reading column: each line that shows a quote
//! carries its stance's mark (`+ − • ·`), so that what a quote's colour says is said again
//! without colour (`NO_COLOR`, `mono`, a colour-blind reader). The selected claim's mark is
//! drawn as its quote is, so the selection shows in the gutter too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::flow::Source;
use crate::state::State;

/// Draws the marks for the lines on screen two cells left of `column` (a space between mark
/// and text), or one when that is all `body` leaves.
pub(super) fn draw(buf: &mut Buffer, body: Rect, column: Rect, state: &State) {
    let Some(x) = [2, 1]
        .into_iter()
        .find(|&d| column.x >= body.x + d)
        .map(|d| column.x - d)
    else {
        return;
    };
    let theme = &state.theme;
    let reader = state.reader();
    let article = state.debate.article(state.article);
    for dy in 0..column.height {
        let Some(line) = reader.flow.lines.get(reader.top + usize::from(dy)) else {
            break;
        };
        let Source::Block(b) = line.source else {
            continue;
        };
        let on_line: Vec<_> = super::claims_in_block(state, article, b)
            .into_iter()
            .filter(|(m, _)| m.start < line.range.end && m.end > line.range.start)
            .map(|(_, c)| c)
            .collect();
        // The selected claim's mark wins the one cell; else the first quote's.
        let shown = on_line
            .iter()
            .find(|&&c| Some(c) == reader.selected)
            .or_else(|| on_line.first());
        if let Some(&c) = shown {
            let kind = state.debate.claim(c).stance(state.framing).map(|s| s.kind);
            let style = theme.quote(kind, Some(c) == reader.selected);
            buf.set_string(x, column.y + dy, theme.stance_mark(kind), style);
        }
    }
}
