//! One row of the one-framing debate view: the claim's summary with its stance mark and your
//! verdict, and this framing's note beside it on wide screens or under it otherwise.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{MAX_NOTE_LINES, MAX_SUMMARY_LINES, capped, layout, limit};
use crate::model::{ClaimIx, StanceKind};
use crate::state::State;

fn group_title(kind: StanceKind) -> &'static str {
    match kind {
        StanceKind::Supports => "SUPPORTS",
        StanceKind::Challenges => "CHALLENGES",
        StanceKind::Neutral => "NEUTRAL",
    }
}

/// The lines of one row of the one-framing list.
pub(super) fn list_row(
    state: &State,
    rows: &[(StanceKind, ClaimIx)],
    i: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let (kind, claim) = rows[i];
    let c = state.debate.claim(claim);
    let selected = i == state.debate_view.selected;
    let row_style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let w = usize::from(width);
    let mut out = Vec::new();
    if i == 0 || rows[i - 1].0 != kind {
        let count = rows.iter().filter(|(k, _)| *k == kind).count();
        if i > 0 {
            out.push(Line::default());
        }
        out.push(Line::from(vec![
            Span::styled(
                format!(" {} ", group_title(kind)),
                theme.stance(Some(kind)).add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!("{count}"), theme.dim),
        ]));
    }
    let marked = crate::ui::card::verdict_mark(state, claim).map(|m| format!("{m} {}", c.summary));
    // With room for a margin, the note stands beside the claim, as the reader's margin does.
    let beside = (width >= layout::READING_WIDTH + 3 + 30).then(|| {
        let claim = usize::from(layout::READING_WIDTH);
        (claim, w - claim - 3)
    });
    let claim_width = beside.map_or(w, |(claim, _)| claim);
    let summary = capped(
        marked.as_deref().unwrap_or(&c.summary),
        claim_width.saturating_sub(4).max(1),
        limit(selected, MAX_SUMMARY_LINES),
        theme.strong.patch(row_style),
        theme,
    );
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
    let note = c.stance(state.framing).and_then(|s| s.note.as_deref());
    let note_lines = note.map_or_else(Vec::new, |note| {
        capped(
            note,
            beside.map_or(w.saturating_sub(6), |(_, n)| n).max(1),
            limit(selected, MAX_NOTE_LINES),
            theme.note.patch(row_style),
            theme,
        )
    });
    if let Some((_, note_width)) = beside {
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
