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
use crate::ui::{
    paint,
    theme::{self, Theme},
};

/// A framing column is at least this wide; fewer columns are shown, and panned, below it.
pub const MIN_COLUMN: u16 = 24;
/// Between two columns: a space, a rule, a space.
const GUTTER: u16 = 3;

/// The side-by-side columns at a width: the claim's, then those of the framings shown, which
/// are `first..first + widths.len() - 1` of `total`.
pub struct Columns {
    pub widths: Vec<u16>,
    pub first: usize,
    pub total: usize,
}

impl Columns {
    /// The framings shown.
    pub fn shown(&self) -> usize {
        self.widths.len().saturating_sub(1)
    }

    /// The left edge of column `i` (0 is the claim's), from the list's left edge.
    pub fn x(&self, i: usize) -> u16 {
        self.widths[..i.min(self.widths.len())]
            .iter()
            .map(|w| w + GUTTER)
            .sum()
    }
}

/// Column widths of the side-by-side view: the claim, then as many framings as fit at least
/// [`MIN_COLUMN`] wide (one at any rate), starting at the panned-to framing.
pub fn columns(state: &State, width: u16) -> Columns {
    let total = state.debate.framings.len().max(1);
    let mut claim = (width * 3 / 10).clamp(12.min(width), 40);
    // The claim column gives up cells (down to 24) when that brings every framing on screen.
    let all = u16::try_from(total)
        .unwrap_or(u16::MAX)
        .saturating_mul(MIN_COLUMN + GUTTER);
    if width.saturating_sub(claim) < all && width >= all.saturating_add(24) {
        claim = width - all;
    }
    let rest = width.saturating_sub(claim);
    let fit = usize::from(rest / (MIN_COLUMN + GUTTER)).max(1);
    let shown = total.min(fit);
    let first = state.debate_view.pan.min(total - shown);
    let shown16 = u16::try_from(shown).unwrap_or(1);
    let each = (rest / shown16).saturating_sub(GUTTER).max(1);
    let mut widths = vec![claim];
    widths.extend(std::iter::repeat_n(each, shown));
    Columns {
        widths,
        first,
        total,
    }
}

/// The cells of one side-by-side row: the claim, then each framing's reading.
pub(super) fn compare_cells(
    state: &State,
    claim: ClaimIx,
    cols: &Columns,
    selected: bool,
) -> Vec<Vec<Line<'static>>> {
    let theme = &state.theme;
    let c = state.debate.claim(claim);
    let row_style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let mut cells = Vec::with_capacity(cols.widths.len());
    // The claim's cell starts with a mark, so that the selected row is not told by colour alone.
    let summary = capped(
        &c.summary,
        usize::from(cols.widths[0]).saturating_sub(2).max(1),
        limit(selected, MAX_NOTE_LINES),
        theme.strong.patch(row_style),
        theme,
    );
    let mut summary: Vec<Line<'static>> = summary
        .into_iter()
        .enumerate()
        .map(|(j, l)| {
            let lead = if j == 0 && selected { "▸ " } else { "  " };
            let mut spans = vec![Span::styled(lead, theme.strong.patch(row_style))];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect();
    // Coverage: a claim only one framing reads is the others' blind spot.
    if c.stances.iter().flatten().count() == 1 {
        summary.push(Line::from(Span::styled(
            "  ◌ one framing only",
            theme.dim.patch(row_style),
        )));
    }
    cells.push(summary);
    let framings = state.debate.framing_ixs().skip(cols.first);
    for (f, &w) in framings.zip(&cols.widths[1..]) {
        let stance = c.stance(f);
        let kind = stance.map(|s| s.kind);
        let mut cell = vec![Line::from(Span::styled(
            format!("{} {}", theme.stance_mark(kind), theme::stance_word(kind)),
            theme
                .stance(kind)
                .add_modifier(Modifier::BOLD)
                .patch(row_style),
        ))];
        if let Some(note) = stance.and_then(|s| s.note.as_deref()) {
            cell.extend(capped(
                note,
                usize::from(w).max(1),
                limit(selected, MAX_NOTE_LINES),
                theme.note.patch(row_style),
                theme,
            ));
        }
        cells.push(cell);
    }
    cells
}

pub(super) fn draw_compare(buf: &mut Buffer, g: &Geometry, state: &State) {
    let theme = &state.theme;
    let list = g.list;
    let cols = columns(state, list.width);
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
        let framing = state.debate.framing(f);
        let name = text::truncate(&text::clean(&framing.name), room).into_owned();
        let line = Line::from(vec![
            Span::styled(left, theme.dim),
            Span::styled(name, theme.framing(framing, f.get())),
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
