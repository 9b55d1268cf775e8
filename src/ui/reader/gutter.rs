//! The stance marks in the gutter left of the reading column: each line that shows a quote
//! carries the marks of the stances on it (`+ − • ·`), one per stance in the order the quotes
//! start, so that what the quotes' colours say is said again without colour (`NO_COLOR`,
//! `mono`, a colour-blind reader), even on a line with quotes of two stances. A mark is drawn
//! as its quote is when the selected claim is among its quotes, so the selection shows in the
//! gutter too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::flow::Source;
use crate::model::StanceKind;
use crate::state::State;

/// One mark of a line: a stance, and whether the selected claim is among its quotes there.
type Mark = (Option<StanceKind>, bool);

/// The marks of the stances of the quotes that show on one line, in order of appearance.
fn marks_of(on_line: impl IntoIterator<Item = Mark>) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for (kind, selected) in on_line {
        match marks.iter_mut().find(|(k, _)| *k == kind) {
            Some(mark) => mark.1 |= selected,
            None => marks.push((kind, selected)),
        }
    }
    marks
}

/// Where the marks start and how many show, for `count` marks in `room` cells left of the
/// column: right-aligned with a space before the text when there is room for it, against
/// the text when there is not, and when even that is too little the first `room - 1` of
/// them and "…" in the last cell, so that a stance left out is never passed over in silence.
fn place(count: usize, room: usize) -> (usize, usize) {
    match count.cmp(&room) {
        std::cmp::Ordering::Less => (room - 1 - count, count),
        std::cmp::Ordering::Equal => (0, count),
        std::cmp::Ordering::Greater => (0, room.saturating_sub(1)),
    }
}

/// Draws the marks for the lines on screen in the cells between `body`'s left edge and the
/// column.
pub(super) fn draw(buf: &mut Buffer, body: Rect, column: Rect, state: &State) {
    let room = usize::from(column.x.saturating_sub(body.x));
    if room == 0 {
        return;
    }
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
        let mut quotes = super::claims_in_block(state, article, b);
        quotes.retain(|(m, _)| m.start < line.range.end && m.end > line.range.start);
        // In order of appearance on the line: a quote begun above counts from the line's start.
        quotes.sort_by_key(|(m, _)| m.start.max(line.range.start));
        let marks = marks_of(quotes.iter().map(|&(_, c)| {
            let kind = state.debate.claim(c).stance(state.framing).map(|s| s.kind);
            (kind, Some(c) == reader.selected)
        }));
        let (start, shown) = place(marks.len(), room);
        let left = body.x + u16::try_from(start).unwrap_or(0);
        for (x, &(kind, selected)) in (left..).zip(&marks[..shown]) {
            let style = if selected {
                theme.quote(kind, true)
            } else {
                theme.stance(kind)
            };
            buf.set_string(x, column.y + dy, theme.stance_mark(kind), style);
        }
        if shown < marks.len() {
            let x = left + u16::try_from(shown).unwrap_or(0);
            buf.set_string(x, column.y + dy, "…", theme.dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOR: Option<StanceKind> = Some(StanceKind::Supports);
    const AGAINST: Option<StanceKind> = Some(StanceKind::Challenges);

    #[test]
    fn one_mark_per_stance_in_order_of_appearance() {
        let marks = marks_of([(AGAINST, false), (None, false), (AGAINST, true)]);
        assert_eq!(marks, [(AGAINST, true), (None, false)]);
        assert_eq!(marks_of([(FOR, false)]), [(FOR, false)]);
        assert!(marks_of([]).is_empty());
    }

    #[test]
    fn marks_keep_a_space_before_the_text_when_they_can() {
        // Two cells, one mark: the mark, then a space.
        assert_eq!(place(1, 2), (0, 1));
        // Four cells, two marks: a space to the left, the marks, a space.
        assert_eq!(place(2, 4), (1, 2));
        // Two cells, two marks: both, against the text.
        assert_eq!(place(2, 2), (0, 2));
        // Two cells, three marks: the first, then "…" for the rest.
        assert_eq!(place(3, 2), (0, 1));
        // One cell, two marks: "…" alone.
        assert_eq!(place(2, 1), (0, 0));
        assert_eq!(place(0, 2), (1, 0));
    }
}
