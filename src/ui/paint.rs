//! Small drawing helpers shared by the views: styled runs over byte ranges, wrapped paragraphs,
//! and writing a line clipped to a rectangle.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::ui::theme::Theme;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::text;

/// Tags as they are shown, laid out with the card.
pub use crate::geometry::card::hashtags;

/// Splits `s` into spans: `base` everywhere, patched by each `(range, style)` where it applies.
/// Ranges are byte ranges into `s`; out-of-bounds or mid-character ranges are ignored.
pub fn runs(s: &str, base: Style, marks: &[(Range<usize>, Style)]) -> Vec<Span<'static>> {
    let mut cuts = vec![0, s.len()];
    for (r, _) in marks {
        if r.start < r.end
            && r.end <= s.len()
            && s.is_char_boundary(r.start)
            && s.is_char_boundary(r.end)
        {
            cuts.push(r.start);
            cuts.push(r.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        let style = marks
            .iter()
            .filter(|(r, _)| r.start <= a && b <= r.end)
            .fold(base, |st, (_, m)| st.patch(*m));
        spans.push(Span::styled(text::clean(&s[a..b]).into_owned(), style));
    }
    spans
}

/// Wraps text to `width` and returns one styled line per wrapped line.
pub fn wrapped(s: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    styled(crate::geometry::wrap::lines(s, width), style)
}

/// Lines laid out by `geometry`, in one style.
pub fn styled(lines: Vec<String>, style: Style) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// Wraps text with styled ranges, keeping the styles on the wrapped pieces.
pub fn wrapped_marked(
    s: &str,
    width: usize,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Line<'static>> {
    marked(s, text::wrap(s, width), base, marks)
}

/// The pieces of `s` (byte ranges, as `text::wrap` gives them) as lines, with styled ranges.
pub fn marked(
    s: &str,
    pieces: Vec<Range<usize>>,
    base: Style,
    marks: &[(Range<usize>, Style)],
) -> Vec<Line<'static>> {
    pieces
        .into_iter()
        .map(|r| {
            let local: Vec<(Range<usize>, Style)> = marks
                .iter()
                .filter(|(m, _)| m.start < r.end && m.end > r.start)
                .map(|(m, st)| {
                    (
                        m.start.max(r.start) - r.start..m.end.min(r.end) - r.start,
                        *st,
                    )
                })
                .collect();
            Line::from(runs(&s[r], base, &local))
        })
        .collect()
}

/// Draws a line into one row of `area` (row `dy` from its top), clipped to the area.
pub fn line(buf: &mut Buffer, area: Rect, dy: u16, line: &Line<'_>) {
    if dy >= area.height {
        return;
    }
    let row = Rect {
        y: area.y + dy,
        height: 1,
        ..area
    }
    .intersection(buf.area);
    if !row.is_empty() {
        line.render(row, buf);
    }
}

/// Draws lines from the top of `area`, starting at line `skip`.
pub fn lines(buf: &mut Buffer, area: Rect, all: &[Line<'_>], skip: usize) {
    for (dy, l) in all
        .iter()
        .skip(skip)
        .take(usize::from(area.height))
        .enumerate()
    {
        line(buf, area, u16::try_from(dy).unwrap_or(u16::MAX), l);
    }
}

/// Fills a rectangle with a style (a background), clipped to the buffer.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    buf.set_style(area.intersection(buf.area), style);
}

/// A horizontal rule across an area's row.
pub fn rule(buf: &mut Buffer, area: Rect, dy: u16, style: Style) {
    let l = Line::from(Span::styled("─".repeat(usize::from(area.width)), style));
    line(buf, area, dy, &l);
}

/// The widest strip of the view left showing beside a pop-up's box that is cleared with it.
const NARROW_STRIP: u16 = 3;

/// A framed box: clears the area and draws a rounded border with a title.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, style: Style, theme: &Theme) -> Rect {
    use ratatui::widgets::{Block, BorderType, Clear};
    let area = area.intersection(buf.area);
    Clear.render(area, buf);
    // A strip of the view too narrow to read beside the box ("│on", the end of a word) is
    // cleared with it: it would only look like part of the pop-up.
    let left = area.x - buf.area.x;
    let right = buf.area.right() - area.right();
    for (x, width) in [(buf.area.x, left), (area.right(), right)] {
        if width > 0 && width <= NARROW_STRIP {
            Clear.render(Rect { x, width, ..area }, buf);
        }
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style)
        .title(Span::styled(
            format!(" {} ", text::clean(title)),
            theme.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Draws the rule between a list and its preview and returns the preview's inside.
pub fn preview_area(
    buf: &mut Buffer,
    lists: &crate::ui::layout::ListPreview,
    theme: &Theme,
) -> Option<Rect> {
    let area = lists.preview?;
    if lists.beside {
        let rule = Rect {
            x: area.x.saturating_sub(1),
            width: 1,
            ..area
        };
        for dy in 0..area.height {
            line(buf, rule, dy, &Line::from(Span::styled("│", theme.border)));
        }
        Some(Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        })
    } else {
        rule(buf, area, 0, theme.border);
        Some(Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_at_marks() {
        let spans = runs(
            "hello world",
            Style::default(),
            &[(6..11, Style::default().bold())],
        );
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["hello ", "world"]);
    }

    #[test]
    fn runs_ignore_bad_ranges() {
        let spans = runs(
            "é",
            Style::default(),
            &[(1..2, Style::default()), (0..9, Style::default())],
        );
        assert_eq!(spans.len(), 1);
    }
}
