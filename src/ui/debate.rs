//! The debate view. One framing at a time: its thesis, then the claims it reads, grouped into
//! Supports, Challenges and Neutral, each with that framing's note. Side by side: one column per
//! framing, one row per claim, so a claim's reading under every framing sits on one row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

mod compare;
mod rows;

use super::{layout, paint, theme::Theme};
use crate::action::Action;
use crate::keymap::Context;
use crate::state::State;
use crate::text;
pub use compare::columns as compare_columns;
use compare::{columns, compare_cells, draw_compare};
use rows::list_row;

/// Most lines a single summary or note takes in a row before it is cut, unless the row is
/// selected: the selected row shows all of its text.
const MAX_NOTE_LINES: usize = 6;
const MAX_SUMMARY_LINES: usize = 3;

/// Text wrapped to `width`, at most `max` lines; when cut, wrapped two cells narrower so that
/// its last line ends in a visible " …".
pub(super) fn capped(
    text: &str,
    width: usize,
    max: usize,
    style: Style,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lines = paint::wrapped(text, width, style);
    if lines.len() <= max {
        return lines;
    }
    let mut lines = paint::wrapped(text, width.saturating_sub(2).max(1), style);
    lines.truncate(max.max(1));
    if let Some(last) = lines.last_mut() {
        last.spans.push(Span::styled(" …", theme.dim));
    }
    lines
}

/// The most lines a row's text may take: all of them when it is selected.
pub(super) fn limit(selected: bool, max: usize) -> usize {
    if selected { usize::MAX } else { max }
}

struct Geometry {
    pub(super) header: Rect,
    pub(super) list: Rect,
}

fn header_lines(state: &State, body: Rect) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let width = body.width;
    let d = &state.debate;
    let f = state.framing;
    let framing = d.framing(f);
    let w = usize::from(width.min(layout::READING_WIDTH))
        .saturating_sub(2)
        .max(1);
    if state.debate_view.side_by_side {
        let count = state.compare_rows().len();
        let filter = if state.debate_view.contested_only {
            format!("{count} contested claims · x: all")
        } else {
            format!("{count} claims · x: contested only")
        };
        let cols = columns(state, body.width);
        let pan = if cols.shown() < cols.total {
            format!(
                " · h/l: framings {}–{} of {}",
                cols.first + 1,
                cols.first + cols.shown(),
                cols.total
            )
        } else {
            String::new()
        };
        return vec![Line::from(vec![
            Span::styled(
                if state.debate_view.order == crate::state::CompareOrder::Disagreement {
                    " Where they disagree"
                } else {
                    " Side by side"
                },
                theme.title,
            ),
            Span::styled(
                text::truncate(
                    &format!(" · {filter}{pan} · s: one framing"),
                    usize::from(width).saturating_sub(13),
                )
                .into_owned(),
                theme.dim,
            ),
        ])];
    }
    let mut lines = vec![Line::from(vec![
        Span::styled(" ▌", theme.framing(framing, f.get())),
        Span::styled(
            text::clean(&framing.name).into_owned(),
            theme.framing(framing, f.get()),
        ),
        Span::styled(
            format!(
                "  framing {}/{}{} · {}: next · {}: side by side",
                f.get() + 1,
                d.framings.len(),
                if state.debate_view.contested_only {
                    " · contested only (x: all)"
                } else {
                    ""
                },
                state.keymap.key_for(Context::Debate, &Action::NextFraming),
                state
                    .keymap
                    .key_for(Context::Debate, &Action::ToggleSideBySide),
            ),
            theme.dim,
        ),
    ])];
    let score = crate::session::record::scorecard(&state.judgements, d)[f.get()];
    if score.judged > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "  Your reading: of {} claims judged, {} convincing for it, {} convincing against",
                score.judged, score.supporting, score.challenging
            ),
            theme.accent,
        )));
    }
    // The thesis shows its first lines, or as many as leave room for a few rows when `i`
    // opened it; a cut ends in "…" either way.
    let cap = if state.debate_view.thesis_open {
        usize::from(body.height.saturating_sub(6)).max(1)
    } else {
        usize::from(body.height / 4).max(1)
    };
    let thesis = capped(&framing.thesis, w, cap, theme.note, theme);
    lines.extend(thesis.into_iter().map(|l| {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(l.spans);
        Line::from(spans)
    }));
    lines
}

fn geometry(state: &State, body: Rect) -> Geometry {
    let header_height = u16::try_from(header_lines(state, body).len() + 1)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let header = Rect {
        height: header_height,
        ..body
    };
    let extra = u16::from(state.debate_view.side_by_side);
    let mut list = Rect {
        y: body.y + header_height + extra,
        height: body.height.saturating_sub(header_height + extra),
        ..body
    };
    if !state.debate_view.side_by_side {
        // One framing reads like the reader: its column, and its margin for the notes.
        let reader = layout::Reader::new(body);
        let right = reader.side.map_or(reader.column.right(), Rect::right);
        list.x = reader.column.x;
        list.width = right - reader.column.x;
    }
    Geometry { header, list }
}

/// The view's body on the state's own screen (for `update`, which has no frame).
fn screen_body(state: &State) -> Rect {
    layout::Frame::new(
        Rect::new(0, 0, state.width, state.height),
        state.banner.is_some(),
    )
    .body
}

/// The number of rows in the current mode and a function giving one row's height, so that
/// scrolling measures only the rows it passes.
fn measure(state: &State, width: u16) -> (usize, Box<dyn Fn(usize) -> usize + '_>) {
    if state.debate_view.side_by_side {
        let rows = state.compare_rows();
        let count = rows.len();
        let cols = columns(state, width);
        let height = move |i: usize| {
            rows.get(i).map_or(1, |&c| {
                compare_cells(state, c, &cols, i == state.debate_view.selected)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(1)
                    + 1
            })
        };
        (count, Box::new(height))
    } else {
        let rows = state.debate_rows();
        let count = rows.len();
        (
            count,
            Box::new(move |i: usize| {
                if i < rows.len() {
                    list_row(state, rows, i, width).len()
                } else {
                    1
                }
            }),
        )
    }
}

/// The selected row clamped to the rows there are, and the first row shown so that it is on
/// screen: what `update` keeps after every move, resize or change of mode.
pub fn fit(state: &State) -> (usize, usize) {
    let g = geometry(state, screen_body(state));
    let (count, height) = measure(state, g.list.width);
    let selected = state.debate_view.selected.min(count.saturating_sub(1));
    let offset = layout::follow(
        state.debate_view.offset,
        selected,
        count,
        height,
        usize::from(g.list.height),
    );
    (selected, offset)
}

/// The selected row's height in lines and the list's height: `update` scrolls inside a row
/// taller than the list before it moves on.
pub fn selected_fit(state: &State) -> (usize, usize) {
    let g = geometry(state, screen_body(state));
    let (count, height) = measure(state, g.list.width);
    let selected = state.debate_view.selected;
    let rows = if selected < count {
        height(selected)
    } else {
        0
    };
    // A side-by-side row is followed by its rule, which need not show.
    let rule = usize::from(state.debate_view.side_by_side);
    (rows.saturating_sub(rule), usize::from(g.list.height))
}

/// The row under screen row `y`, if any.
pub fn row_at(state: &State, y: u16) -> Option<usize> {
    let g = geometry(state, screen_body(state));
    if y < g.list.y || y >= g.list.bottom() {
        return None;
    }
    let (count, height) = measure(state, g.list.width);
    let mut at = usize::from(g.list.y);
    for i in state.debate_view.offset..count {
        at += height(i);
        if usize::from(y) < at {
            return Some(i);
        }
    }
    None
}

pub fn draw(buf: &mut Buffer, body: Rect, state: &State) {
    let theme = &state.theme;
    let g = geometry(state, body);
    let header = header_lines(state, body);
    // The thesis stands over the list it introduces; the rule under it spans the screen.
    let text_area = Rect {
        x: g.list.x,
        width: g.list.width,
        ..g.header
    };
    paint::lines(buf, text_area, &header, 0);
    if g.header.height > 0 {
        paint::rule(buf, g.header, g.header.height - 1, theme.border);
    }
    if state.debate_view.side_by_side {
        draw_compare(buf, &g, state);
    } else {
        draw_list(buf, g.list, state);
    }
}

fn draw_list(buf: &mut Buffer, list: Rect, state: &State) {
    let theme = &state.theme;
    let rows = state.debate_rows();
    if rows.is_empty() {
        let msg = if state.debate_view.contested_only {
            format!(
                "No contested claim under this framing. {}: every claim.",
                state
                    .keymap
                    .key_for(Context::Debate, &Action::ToggleContested)
            )
        } else {
            format!(
                "No claim has a stance under this framing. {}: next framing.",
                state.keymap.key_for(Context::Debate, &Action::NextFraming)
            )
        };
        paint::line(buf, list, 0, &Line::from(Span::styled(msg, theme.dim)));
        return;
    }
    let d = &state.debate_view;
    let mut dy = 0usize;
    for i in d.offset..rows.len() {
        if dy >= usize::from(list.height) {
            break;
        }
        let lines = list_row(state, rows, i, list.width);
        // The selected row at the top may be scrolled into; its group title goes with it.
        let skip = if i == d.selected && i == d.offset {
            d.row_scroll.min(lines.len().saturating_sub(1))
        } else {
            0
        };
        for l in lines.into_iter().skip(skip) {
            paint::line(buf, list, u16::try_from(dy).unwrap_or(u16::MAX), &l);
            dy += 1;
        }
        if i == d.selected && dy > usize::from(list.height) {
            mark_more(buf, list, theme);
        }
    }
}

/// A "…" in the list's last cell: the selected row goes on below, `j` reads on.
pub(super) fn mark_more(buf: &mut Buffer, list: Rect, theme: &Theme) {
    if list.width > 0 && list.height > 0 {
        buf[(list.right() - 1, list.bottom() - 1)]
            .set_symbol("…")
            .set_style(theme.dim.add_modifier(Modifier::REVERSED));
    }
}
