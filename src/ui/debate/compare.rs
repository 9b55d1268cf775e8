//! The side-by-side debate view: one column per framing, one row per claim, so that a claim's
//! reading under every framing sits on one row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Areas, capped, mark_more};
use crate::geometry::debate::{self as geometry, Columns};
use crate::model::ClaimIx;
use crate::state::State;
use crate::text;
use crate::ui::paint;
use crate::ui::theme::{self, Theme};

/// The cells of one side-by-side row, as `geometry` lays it out: the claim, then each
/// framing's reading.
pub(super) fn compare_cells(
    state: &State,
    claim: ClaimIx,
    cols: &Columns,
    selected: bool,
) -> Vec<Vec<Line<'static>>> {
    let theme = &state.theme;
    let row = geometry::compare_row(state, claim, cols, selected);
    let row_style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let mut cells = Vec::with_capacity(cols.widths.len());
    // The claim's cell starts with a mark, so that the selected row is not told by colour alone.
    let mut summary: Vec<Line<'static>> = capped(theme, row.summary, theme.strong.patch(row_style))
        .into_iter()
        .enumerate()
        .map(|(j, l)| {
            let lead = if j == 0 && selected { "▸ " } else { "  " };
            let mut spans = vec![Span::styled(lead, theme.strong.patch(row_style))];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    if row.one_framing_only {
        summary.push(Line::from(Span::styled(
            "  ◌ one framing only",
            theme.dim.patch(row_style),
        )));
    }
    cells.push(summary);
    for reading in row.readings {
        let kind = reading.stance.map(|s| s.kind);
        let mut cell = vec![Line::from(Span::styled(
            format!("{} {}", theme.stance_mark(kind), theme::stance_word(kind)),
            theme
                .stance(kind)
                .add_modifier(Modifier::BOLD)
                .patch(row_style),
        ))];
        cell.extend(capped(theme, reading.note, theme.note.patch(row_style)));
        cells.push(cell);
    }
    cells
}

pub(super) fn draw_compare(buf: &mut Buffer, g: &Areas, state: &State) {
    let theme = &state.theme;
    let list = g.list;
    let cols = geometry::columns(state, list.width);
    // Column heads, on the line between the header and the rows.
    let head_area = Rect {
        y: list.y.saturating_sub(1),
        height: 1,
        ..list
    };
    if head_area.y >= g.header.y && list.y > g.header.y {
        draw_heads(buf, head_area, &cols, state);
    }
    let rows = state.compare_rows();
    if rows.is_empty() {
        let msg = "No contested claim: no framing supports what another challenges.";
        paint::line(buf, list, 0, &Line::from(Span::styled(msg, theme.dim)));
        return;
    }
    let mut y = list.y;
    for (i, &claim) in rows.iter().enumerate().skip(state.debate_view.offset) {
        if y >= list.bottom() {
            break;
        }
        let selected = i == state.debate_view.selected;
        let cells = compare_cells(state, claim, &cols, selected);
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        // The selected row at the top may be scrolled into.
        let scrolled = if selected && i == state.debate_view.offset {
            state.debate_view.row_scroll.min(height.saturating_sub(1))
        } else {
            0
        };
        let shown = height - scrolled;
        let row_area = Rect {
            y,
            height: u16::try_from(shown)
                .unwrap_or(u16::MAX)
                .min(list.bottom() - y),
            ..list
        };
        if selected {
            paint::fill(buf, row_area, theme.selected_row);
        }
        for (c, (cell, &w)) in cells.iter().zip(&cols.widths).enumerate() {
            let x = list.x.saturating_add(cols.x(c));
            let area = Rect {
                x,
                width: w.min(list.right().saturating_sub(x)),
                ..row_area
            };
            if area.width > 0 {
                paint::lines(buf, area, cell, scrolled);
            }
            if c > 0 {
                gutter(
                    buf,
                    Rect {
                        x: x.saturating_sub(2),
                        width: 1,
                        ..row_area
                    },
                    theme,
                );
            }
        }
        if selected && shown > usize::from(row_area.height) {
            mark_more(buf, list, theme);
        }
        y = y.saturating_add(row_area.height);
        if y < list.bottom() {
            paint::rule(
                buf,
                Rect {
                    y,
                    height: 1,
                    ..list
                },
                0,
                theme.border,
            );
            y += 1;
        }
    }
}

/// The heads: "Claim", then each framing shown, with ‹ and › where more framings lie beyond
/// either edge.
fn draw_heads(buf: &mut Buffer, area: Rect, cols: &Columns, state: &State) {
    let theme = &state.theme;
    let claim = Line::from(Span::styled(
        "  Claim",
        theme.muted.add_modifier(Modifier::BOLD),
    ));
    paint::line(
        buf,
        Rect {
            width: cols.widths[0].min(area.width),
            ..area
        },
        0,
        &claim,
    );
    let shown = cols.shown();
    let scores = crate::session::record::scorecard(&state.judgements, &state.debate);
    let framings = state.debate.framing_ixs().skip(cols.first).take(shown);
    for (c, f) in framings.enumerate() {
        let x = area.x.saturating_add(cols.x(c + 1));
        let w = cols.widths[c + 1];
        let head_area = Rect {
            x,
            width: w.min(area.right().saturating_sub(x)),
            ..area
        };
        if head_area.width == 0 {
            continue;
        }
        let more_left = c == 0 && cols.first > 0;
        let more_right = c + 1 == shown && cols.first + shown < cols.total;
        let left = if more_left {
            format!("‹{} ", cols.first)
        } else {
            String::new()
        };
        let right = if more_right {
            format!(" {}›", cols.total - cols.first - shown)
        } else {
            String::new()
        };
        let room = usize::from(w).saturating_sub(text::width(&left) + text::width(&right));
        // Your scorecard beside the name, when there is room for it and a few letters of the
        // name: convincing claims for the framing (+) and against it (−).
        let tally = match scores.get(f.get()) {
            Some(score) if score.judged > 0 => {
                format!(" ✓+{} −{}", score.supporting, score.challenging)
            }
            _ => String::new(),
        };
        let (room, tally) = if room >= text::width(&tally) + 6 {
            (room - text::width(&tally), tally)
        } else {
            (room, String::new())
        };
        let framing = state.debate.framing(f);
        // The active framing's head carries the top bar's "▌", so it shows without colour.
        let active = if f == state.framing { "▌" } else { "" };
        let room = room.saturating_sub(text::width(active));
        let name = text::truncate(&text::clean(&framing.name), room).into_owned();
        let style = theme.framing(framing, f.get());
        let line = Line::from(vec![
            Span::styled(left, theme.dim),
            Span::styled(active, style),
            Span::styled(name, style),
            Span::styled(tally, theme.accent),
        ]);
        paint::line(buf, head_area, 0, &line);
        // The count of framings to the right sits at the column's right edge.
        let right_width = u16::try_from(text::width(&right)).unwrap_or(0);
        if right_width > 0 && right_width <= head_area.width {
            let at = Rect {
                x: head_area.right() - right_width,
                width: right_width,
                ..head_area
            };
            paint::line(buf, at, 0, &Line::from(Span::styled(right, theme.dim)));
        }
        gutter(
            buf,
            Rect {
                x: x.saturating_sub(2),
                width: 1,
                ..area
            },
            theme,
        );
    }
}

/// The rule between two columns.
fn gutter(buf: &mut Buffer, area: Rect, theme: &Theme) {
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((area.x, y)) {
            cell.set_symbol("│").set_style(theme.border);
        }
    }
}
