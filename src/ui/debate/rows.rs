//! One row of the one-framing debate view: the claim's summary with its stance mark and your
//! verdict, and this framing's note beside it on wide screens or under it otherwise.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::capped;
use crate::geometry::debate as geometry;
use crate::model::{ClaimIx, StanceKind};
use crate::state::State;

fn group_title(kind: StanceKind) -> &'static str {
    match kind {
        StanceKind::Supports => "SUPPORTS",
        StanceKind::Challenges => "CHALLENGES",
        StanceKind::Neutral => "NEUTRAL",
    }
}

/// The lines of one row of the one-framing list, as `geometry` lays it out.
pub(super) fn list_row(
    state: &State,
    rows: &[(StanceKind, ClaimIx)],
    i: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let row = geometry::list_row(state, rows, i, width);
    let (kind, selected, w) = (row.kind, row.selected, row.width);
    let row_style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let mut out = Vec::new();
    if let Some(group) = &row.group {
        if group.blank_before {
            out.push(Line::default());
        }
        out.push(Line::from(vec![
            Span::styled(
                format!(" {} ", group_title(group.kind)),
                theme.stance(Some(group.kind)).add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!("{}", group.count), theme.dim),
        ]));
    }
    let claim_width = row.beside.map_or(w, |(claim, _)| claim);
    let summary = capped(theme, row.summary, theme.strong.patch(row_style));
    let mut claim_lines = Vec::new();
    for (j, l) in summary.into_iter().enumerate() {
        let lead = if j == 0 {
            Span::styled(
                format!(
                    " {} ",
                    if selected {
                        "▸"
                    } else {
                        theme.stance_mark(Some(kind))
                    }
                ),
                theme.stance(Some(kind)).patch(row_style),
            )
        } else {
            Span::styled("   ", row_style)
        };
        claim_lines.push(pad(vec![lead], l, claim_width, row_style));
    }
    let note_lines = capped(theme, row.note, theme.note.patch(row_style));
    if let Some((_, note_width)) = row.beside {
        let height = claim_lines.len().max(note_lines.len());
        let mut notes = note_lines.into_iter();
        for j in 0..height {
            let left = claim_lines
                .get(j)
                .cloned()
                .unwrap_or_else(|| pad(Vec::new(), Line::default(), claim_width, row_style));
            let mut spans = left.spans;
            spans.push(Span::styled("   ", row_style));
            let note = notes.next().unwrap_or_default();
            spans.extend(pad(Vec::new(), note, note_width, row_style).spans);
            out.push(Line::from(spans));
        }
    } else {
        out.extend(claim_lines);
        for l in note_lines {
            out.push(pad(vec![Span::styled("     ", row_style)], l, w, row_style));
        }
    }
    out
}

/// A line with leading spans, filled to the width with the row's background.
fn pad(
    mut lead: Vec<Span<'static>>,
    line: Line<'static>,
    width: usize,
    style: Style,
) -> Line<'static> {
    lead.extend(line.spans);
    let used: usize = lead.iter().map(Span::width).sum();
    lead.push(Span::styled(" ".repeat(width.saturating_sub(used)), style));
    Line::from(lead)
}
