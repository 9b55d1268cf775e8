//! The side-by-side debate view: one column per framing, one row per claim, so that a claim's
//! reading under every framing sits on one row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Geometry, MAX_NOTE_LINES, capped, limit, mark_more};
use crate::model::ClaimIx;
use crate::state::State;
use crate::text;
use crate::ui::{paint, theme};

/// Column widths of the side-by-side view: the claim, then one per framing.
pub(super) fn columns(state: &State, width: u16) -> Vec<u16> {
    let n = u16::try_from(state.debate.framings.len())
        .unwrap_or(u16::MAX)
        .max(1);
    let claim = (width * 3 / 10).clamp(12.min(width), 40);
    let rest = width.saturating_sub(claim + n);
    let each = (rest / n).max(1);
    let mut cols = vec![claim];
    cols.extend(std::iter::repeat_n(each, usize::from(n)));
    cols
}

/// The cells of one side-by-side row: the claim, then each framing's reading.
pub(super) fn compare_cells(
    state: &State,
    claim: ClaimIx,
    cols: &[u16],
    selected: bool,
) -> Vec<Vec<Line<'static>>> {
    let c = state.debate.claim(claim);
    let row_style = if selected {
        theme::selected_row()
    } else {
        Style::default()
    };
    let mut cells = Vec::with_capacity(cols.len());
    // The claim's cell starts with a mark, so that the selected row is not told by colour alone.
    let summary = capped(
        &c.summary,
        usize::from(cols[0]).saturating_sub(2).max(1),
        limit(selected, MAX_NOTE_LINES),
        theme::strong().patch(row_style),
    );
    let summary = summary
        .into_iter()
        .enumerate()
        .map(|(j, l)| {
            let lead = if j == 0 && selected { "▸ " } else { "  " };
            let mut spans = vec![Span::styled(lead, theme::strong().patch(row_style))];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    cells.push(summary);
    for (f, &w) in state.debate.framing_ixs().zip(&cols[1..]) {
        let stance = c.stance(f);
        let kind = stance.map(|s| s.kind);
        let mut cell = vec![Line::from(Span::styled(
            format!("{} {}", theme::stance_mark(kind), theme::stance_word(kind)),
            theme::stance(kind)
                .add_modifier(Modifier::BOLD)
                .patch(row_style),
        ))];
        if let Some(note) = stance.and_then(|s| s.note.as_deref()) {
            cell.extend(capped(
                note,
                usize::from(w).max(1),
                limit(selected, MAX_NOTE_LINES),
                theme::note().patch(row_style),
            ));
        }
        cells.push(cell);
    }
    cells
}

pub(super) fn draw_compare(buf: &mut Buffer, g: &Geometry, state: &State) {
    let list = g.list;
    let cols = columns(state, list.width);
    // Column heads, on the line between the header and the rows.
    let head_area = Rect {
        y: list.y.saturating_sub(1),
        height: 1,
        ..list
    };
    let mut x = list.x;
    for (i, &w) in cols.iter().enumerate() {
        let area = Rect {
            x,
            width: w.min(list.right().saturating_sub(x)),
            ..head_area
        };
        let head = if i == 0 {
            Line::from(Span::styled(
                "Claim",
                theme::muted().add_modifier(Modifier::BOLD),
            ))
        } else {
            let f = state.debate.framing_ixs().nth(i - 1);
            f.map_or_else(Line::default, |f| {
                let framing = state.debate.framing(f);
                Line::from(Span::styled(
                    text::truncate(&text::clean(&framing.name), usize::from(w)).into_owned(),
                    theme::framing(framing, f.get()),
                ))
            })
        };
        if area.width > 0 && head_area.y >= g.header.y {
            paint::line(buf, area, 0, &head);
        }
        x = x.saturating_add(w + 1);
    }
    let rows = state.compare_rows();
    if rows.is_empty() {
        let msg = "No contested claim: no framing supports what another challenges.";
        paint::line(buf, list, 0, &Line::from(Span::styled(msg, theme::dim())));
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
            paint::fill(buf, row_area, theme::selected_row());
        }
        let mut x = list.x;
        for (cell, &w) in cells.iter().zip(&cols) {
            let area = Rect {
                x,
                width: w.min(list.right().saturating_sub(x)),
                ..row_area
            };
            // The selected row at the top may be scrolled into.
            if area.width > 0 {
                paint::lines(buf, area, cell, scrolled);
            }
            x = x.saturating_add(w + 1);
        }
        if selected && shown > usize::from(row_area.height) {
            mark_more(buf, list);
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
                theme::border(),
            );
            y += 1;
        }
    }
}
