//! The margin beside the reading column on wide screens: the claims whose quotes are on
//! screen, and the selected claim's reading under every framing, which the list gives way to.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::super::{paint, theme};
use crate::model::ClaimIx;
use crate::state::State;
use crate::text;

/// The margin on wide screens: the claims whose quotes are on screen, and the selected
/// claim's reading under every framing.
pub(super) fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    let theme = &state.theme;
    let reader = state.reader();
    let article = state.debate.article(state.article);
    let top = reader.top;
    let bottom = top + usize::from(area.height);
    let width = usize::from(area.width).saturating_sub(3).max(1);
    let mut lines: Vec<Line<'static>> = vec![
        Line::from(Span::styled(
            "Claims on screen",
            theme.muted.add_modifier(Modifier::BOLD),
        )),
        Line::default(),
    ];
    let on_screen: Vec<ClaimIx> = article
        .claims
        .iter()
        .copied()
        .filter(|&c| {
            let a = &state.debate.claim(c).anchor;
            let l = reader.flow.line_of_block_byte(a.block, a.range.start);
            (top..bottom).contains(&l)
        })
        .collect();
    if on_screen.is_empty() {
        lines.push(Line::from(Span::styled(
            "None here. n: next claim",
            theme.dim,
        )));
    }
    // The claims' lines, and where the selected claim's lines start and end among them.
    let mut listed: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::new();
    let mut chosen = None;
    for &c in &on_screen {
        let from = listed.len();
        starts.push(from);
        let claim = state.debate.claim(c);
        let kind = claim.stance(state.framing).map(|s| s.kind);
        let selected = reader.selected == Some(c);
        let style = if selected {
            theme.selected_row.patch(theme.strong)
        } else {
            theme.base
        };
        for (i, l) in paint::wrapped(&claim.summary, width, style)
            .into_iter()
            .enumerate()
        {
            let mark = if i == 0 {
                Span::styled(format!("{} ", theme.stance_mark(kind)), theme.stance(kind))
            } else {
                Span::raw("  ")
            };
            let mut spans = vec![mark];
            spans.extend(l.spans);
            listed.push(Line::from(spans));
        }
        if selected {
            chosen = Some(from..listed.len());
        }
    }
    let reading = reader
        .selected
        .filter(|c| on_screen.contains(c))
        .map_or_else(Vec::new, |c| readings(state, c, width, area.width));
    // Many claims on screen must not push the selected claim's reading out of the margin:
    // the list gives way, around the selected claim, with a line saying how many it left out.
    let room = usize::from(area.height).saturating_sub(lines.len() + reading.len());
    if !reading.is_empty() && listed.len() > room && room >= 2 {
        let shown = room - 1;
        let chosen = chosen.unwrap_or(0..0);
        let start = chosen.end.saturating_sub(shown).min(chosen.start);
        let end = (start + shown).min(listed.len());
        let left_out = starts
            .iter()
            .filter(|&&l| !(start..end).contains(&l))
            .count();
        lines.extend(listed.drain(start..end));
        lines.push(Line::from(Span::styled(
            format!("… and {left_out} more on screen"),
            theme.dim,
        )));
    } else {
        lines.extend(listed);
    }
    lines.extend(reading);
    paint::lines(buf, area, &lines, 0);
}

/// The margin's reading of `claim`: under a rule, its stance and note under every framing.
fn readings(state: &State, claim: ClaimIx, width: usize, rule: u16) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let mut reading = vec![
        Line::default(),
        Line::from(Span::styled("─".repeat(usize::from(rule)), theme.border)),
    ];
    let claim = state.debate.claim(claim);
    for f in state.debate.framing_ixs() {
        let framing = state.debate.framing(f);
        let stance = claim.stance(f);
        let kind = stance.map(|s| s.kind);
        reading.push(Line::from(vec![
            Span::styled(
                text::clean(&framing.name).into_owned(),
                theme.framing(framing, f.get()),
            ),
            Span::styled(
                format!(" · {}", theme::stance_word(kind)),
                theme.stance(kind),
            ),
        ]));
        if let Some(note) = stance.and_then(|s| s.note.as_deref()) {
            reading.extend(paint::wrapped(note, width, theme.note));
        }
    }
    reading
}
