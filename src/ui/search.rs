//! Search: the query line with `matched/total`, ranked results labelled by kind with matched
//! characters highlighted, and a preview of the selected result.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{card, layout, paint, theme::Theme};
use crate::field::TextField;
use crate::geometry::preview::Preview;
use crate::search::{self, Field, Hit, Target};
use crate::state::State;
use crate::text;

pub fn draw(buf: &mut Buffer, body: Rect, state: &State) {
    let theme = &state.theme;
    let geometry = layout::Search::new(body);
    draw_input(buf, geometry.input, state);
    let rule = Rect {
        y: geometry.input.y.saturating_add(1),
        height: 1,
        ..body
    };
    if rule.bottom() <= body.bottom() {
        paint::rule(buf, rule, 0, theme.border);
    }
    let list = geometry.results.list;
    let s = &state.search;
    if s.results.hits.is_empty() && !s.query.text().trim().is_empty() {
        let note = if s.busy {
            " Searching…"
        } else {
            " No match."
        };
        paint::line(buf, list, 0, &Line::from(Span::styled(note, theme.dim)));
    }
    for (i, hit) in s
        .results
        .hits
        .iter()
        .enumerate()
        .skip(s.offset)
        .take(usize::from(list.height))
    {
        let dy = u16::try_from(i - s.offset).unwrap_or(u16::MAX);
        paint::line(
            buf,
            list,
            dy,
            &result_line(state, hit, i == s.selected, list.width),
        );
    }
    // The results past the limit are not listed: the row after the last says so.
    let unlisted = s.results.unlisted();
    if unlisted > 0
        && let Some(dy) = s.results.hits.len().checked_sub(s.offset)
        && let Ok(dy) = u16::try_from(dy)
        && dy < list.height
    {
        let more = format!(" … and {unlisted} more: narrow the query");
        paint::line(buf, list, dy, &Line::from(Span::styled(more, theme.dim)));
    }
    if let Some(preview) = paint::preview_area(buf, &geometry.results, theme)
        && let Some(hit) = s.results.hits.get(s.selected)
    {
        draw_preview(buf, preview, state, hit);
    }
}

fn draw_input(buf: &mut Buffer, area: Rect, state: &State) {
    let theme = &state.theme;
    let s = &state.search;
    let count = format!("{}/{} ", s.results.matched, s.results.total);
    let busy = if s.busy { text::width(BUSY) } else { 0 };
    let room = usize::from(area.width).saturating_sub(text::width(&count) + busy + 4);
    let mut line = vec![Span::styled(" / ", theme.accent)];
    line.extend(prompt_spans(&s.query, room, theme));
    let line = Line::from(line);
    paint::line(buf, area, 0, &line);
    // While a query runs, a mark before the count (as fzf's spinner): the results below are
    // still the previous query's.
    let mut count_line = vec![Span::styled(count, theme.dim)];
    if s.busy {
        count_line.insert(0, Span::styled(BUSY, theme.accent));
    }
    paint::line(buf, area, 0, &Line::from(count_line).right_aligned());
}

/// The query as spans fitting `room` columns, the cell where the next character goes drawn
/// reversed (a block cursor: the terminal's own stays hidden). A query too long for the line
/// scrolls so that the cursor stays in view, by whole characters.
pub(crate) fn prompt_spans(query: &TextField, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    use unicode_segmentation::UnicodeSegmentation;
    let cursor = query.cursor_column();
    let room = room.max(1);
    // The first column shown: enough to keep the cursor's cell (one more column) on screen.
    let scroll = (cursor + 1).saturating_sub(room);
    let (mut before, mut under, mut after) = (String::new(), None, String::new());
    let mut column = 0;
    for grapheme in query.text().graphemes(true) {
        let width = text::width(grapheme);
        let start = column;
        column += width;
        if start < scroll || column > scroll + room {
            continue;
        }
        match start.cmp(&cursor) {
            std::cmp::Ordering::Less => before.push_str(grapheme),
            std::cmp::Ordering::Equal => under = Some(grapheme.to_owned()),
            std::cmp::Ordering::Greater => after.push_str(grapheme),
        }
    }
    let cursor_style = theme.title.add_modifier(Modifier::REVERSED);
    vec![
        Span::styled(before, theme.title),
        Span::styled(under.unwrap_or_else(|| " ".into()), cursor_style),
        Span::styled(after, theme.title),
    ]
}

/// The busy mark: a braille cell, one column wide in every terminal (fzf's spinner is one).
pub const BUSY: &str = "⠿ ";

/// The kind of a result, as a fixed-width label.
fn label(target: Target, theme: &Theme) -> (&'static str, Style) {
    match target {
        Target::Claim {
            field: Field::Summary,
            ..
        } => ("claim  ", theme.accent),
        Target::Claim {
            field: Field::Quote,
            ..
        } => (
            "quote  ",
            theme.stance(Some(crate::model::StanceKind::Supports)),
        ),
        Target::Claim {
            field: Field::Tags, ..
        } => ("tags   ", theme.code),
        Target::Claim {
            field: Field::Note(_),
            ..
        } => ("note   ", theme.code),
        Target::Thesis { .. } => ("thesis ", theme.accent),
        Target::Paragraph { .. } => ("text   ", theme.muted),
    }
}

/// A window of `text` around its first match, so the match shows even in a long paragraph.
fn window(text_str: &str, ranges: &[Range<usize>], width: usize) -> Range<usize> {
    let first = ranges.first().map_or(0, |r| r.start);
    if text::width(&text_str[..first]) + 8 < width {
        return 0..text_str.len();
    }
    // Start a little before the first match, at a char boundary.
    let mut start = first;
    let mut before = 0;
    for (i, c) in text_str[..first].char_indices().rev() {
        before += text::width(c.encode_utf8(&mut [0; 4]));
        if before > 12 {
            break;
        }
        start = i;
    }
    start..text_str.len()
}

fn result_line(state: &State, hit: &Hit, selected: bool, width: u16) -> Line<'static> {
    let theme = &state.theme;
    let row = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let (kind, kind_style) = label(hit.target, theme);
    let t = search::target_text(&state.debate, hit.target);
    let t: &str = &t;
    let ranges = search::char_ranges(t, &hit.indices);
    // Your verdict and note marks on a claim's result, before its text as in the lists.
    let mark = match hit.target {
        Target::Claim { claim, .. } => card::your_mark(state, claim).map(|m| format!("{m} ")),
        Target::Thesis { .. } | Target::Paragraph { .. } => None,
    };
    let mark_width = mark.as_deref().map_or(0, text::width);
    // The pointer, the label and a column spare for the "…" before a window's text.
    let room = usize::from(width).saturating_sub(10 + mark_width);
    let view = window(t, &ranges, room);
    let marks: Vec<(Range<usize>, Style)> = ranges
        .iter()
        .filter(|r| r.start >= view.start)
        .map(|r| (r.start - view.start..r.end - view.start, theme.search_match))
        .collect();
    let mut spans = vec![
        Span::styled(if selected { "▌" } else { " " }, theme.accent.patch(row)),
        Span::styled(kind, kind_style.patch(row)),
    ];
    if let Some(mark) = mark {
        spans.push(Span::styled(mark, theme.accent.patch(row)));
    }
    if view.start > 0 {
        spans.push(Span::styled("…", theme.dim.patch(row)));
    }
    let base = if selected { theme.strong } else { theme.base };
    // A text longer than the row ends in "…", so that a cut never reads as the whole.
    let whole = &t[view.clone()];
    let cut = text::width(whole) > room;
    let shown = text::prefix_fitting(whole, if cut { room.saturating_sub(1) } else { room });
    spans.extend(paint::runs(shown, base.patch(row), &marks));
    if cut {
        spans.push(Span::styled("…", theme.dim.patch(row)));
    }
    // A tag match says little alone: name the claim it belongs to.
    if let Target::Claim {
        claim,
        field: Field::Tags,
    } = hit.target
        && !cut
    {
        let used = text::width(shown) + 3;
        let summary = text::clean(&state.debate.claim(claim).summary).into_owned();
        spans.push(Span::styled(
            format!(" · {}", text::truncate(&summary, room.saturating_sub(used))),
            theme.dim.patch(row),
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    spans.push(Span::styled(
        " ".repeat(usize::from(width).saturating_sub(used)),
        row,
    ));
    Line::from(spans)
}

/// The preview from its line `state.search.preview_scroll` on (kept within its end here too,
/// should the screen have grown since the scroll).
fn draw_preview(buf: &mut Buffer, area: Rect, state: &State, hit: &Hit) {
    let lines = preview_lines(state, hit, area.width);
    let last = lines.len().saturating_sub(usize::from(area.height));
    paint::lines(buf, area, &lines, state.search.preview_scroll.min(last));
}

fn preview_lines(state: &State, hit: &Hit, width: u16) -> Vec<Line<'static>> {
    let theme = &state.theme;
    match Preview::new(state, hit, width) {
        Preview::Claim(laid_out) => card::laid_out(state, laid_out, None),
        Preview::Thesis { name, thesis } => {
            let mut lines = paint::styled(name, theme.title);
            lines.extend(paint::styled(thesis, Style::default()));
            lines
        }
        Preview::Paragraph {
            title,
            block,
            text,
            pieces,
        } => {
            let marks: Vec<(Range<usize>, Style)> = search::char_ranges(&text, &hit.indices)
                .into_iter()
                .map(|r| (r, theme.search_match))
                .collect();
            let mut lines = paint::styled(title, theme.title);
            lines.push(Line::from(Span::styled(
                format!("paragraph {}", block + 1),
                theme.dim,
            )));
            lines.push(Line::default());
            lines.extend(paint::marked(&text, pieces, theme.base, &marks));
            lines
        }
    }
}
