//! The debate view. One framing at a time: its thesis, then the claims it reads, grouped into
//! Supports, Challenges and Neutral, each with that framing's note. Side by side: one column per
//! framing, one row per claim, so a claim's reading under every framing sits on one row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

mod compare;
mod rows;

use super::paint;
use super::theme::Theme;
use crate::action::Action;
use crate::geometry::debate::{self as geometry, Areas};
use crate::geometry::wrap::Capped;
use crate::keymap::Context;
use crate::state::State;
use crate::text;
use compare::draw_compare;
use rows::list_row;

/// Capped text as lines in a style; when cut, its last line ends in a visible " …".
pub(super) fn capped(theme: &Theme, text: Capped, style: Style) -> Vec<Line<'static>> {
    let mut lines = paint::styled(text.lines, style);
    if text.cut
        && let Some(last) = lines.last_mut()
    {
        last.spans.push(Span::styled(" …", theme.dim));
    }
    lines
}

fn header_lines(state: &State, body: Rect) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let width = body.width;
    let d = &state.debate;
    let f = state.framing;
    let framing = d.framing(f);
    if state.debate_view.side_by_side {
        let count = state.compare_rows().len();
        let filter = if state.debate_view.contested_only {
            format!("{count} contested claims · x: all")
        } else {
            format!("{count} claims · x: contested only")
        };
        let cols = geometry::columns(state, body.width);
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
    if geometry::shows_score(state) {
        let score = crate::session::record::scorecard(&state.judgements, d)[f.get()];
        let claims = if score.judged == 1 { "claim" } else { "claims" };
        let reading = format!(
            "  Your reading: {} {claims} judged · {} convincing for it · {} against it",
            score.judged, score.supporting, score.challenging
        );
        // One line, as geometry counts it: cut with "…" rather than mid-word at the edge.
        let width = geometry::header_width(state, body);
        lines.push(Line::from(Span::styled(
            crate::text::truncate(&reading, width).into_owned(),
            theme.accent,
        )));
    }
    let thesis = capped(theme, geometry::thesis(state, body), theme.note);
    lines.extend(thesis.into_iter().map(|l| {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(l.spans);
        Line::from(spans)
    }));
    lines
}

pub fn draw(buf: &mut Buffer, body: Rect, state: &State) {
    let theme = &state.theme;
    let g = geometry::areas(state, body);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    /// The scorecard line fits the header (the new user saw "convincing agains" at 80 columns)
    /// and counts one claim as one.
    #[test]
    fn the_scorecard_line_fits_and_says_claim_for_one() {
        use crate::session::{Judgement, Verdict};
        let debate = Debate::embedded().expect("embedded debate loads");
        let id = debate.claims[0].id.clone();
        let mut state = State::new(debate, "t", 80, 24);
        state.view = crate::state::View::Debate;
        state.judgements.insert(
            id,
            Judgement {
                verdict: Some(Verdict::Convinced),
                note: None,
            },
        );
        for width in [40u16, 80, 120] {
            let body = Rect::new(0, 1, width, 22);
            let text: Vec<String> = header_lines(&state, body)
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect();
            let line = text
                .iter()
                .find(|l| l.contains("Your reading"))
                .expect("a scorecard once a claim is judged");
            assert!(
                crate::text::width(line) <= geometry::header_width(&state, body),
                "{line:?} at {width}"
            );
            assert!(
                line.contains("1 claim judged") || line.ends_with('…'),
                "{line:?}"
            );
        }
    }

    /// `update` keeps the selection on screen and hit-tests clicks with the heights
    /// `geometry` gives; every row drawn must be exactly that tall, in both modes.
    #[test]
    fn rows_drawn_are_as_tall_as_geometry_measures_them() {
        let debate = Debate::embedded().expect("embedded debate loads");
        let mut state = State::new(debate, "t", 80, 24);
        let mut checked = 0;
        for side_by_side in [false, true] {
            state.debate_view.side_by_side = side_by_side;
            crate::derive::refresh_rows(&mut state);
            for width in [30, 80, 140] {
                let cols = geometry::columns(&state, width);
                for selected in [0, 3] {
                    state.debate_view.selected = selected;
                    for (i, &(_, claim)) in state.debate_rows().iter().enumerate() {
                        let row = geometry::list_row(&state, state.debate_rows(), i, width);
                        let drawn = list_row(&state, state.debate_rows(), i, width);
                        assert_eq!(drawn.len(), row.height(), "row {i} at {width}");
                        let cells = compare::compare_cells(&state, claim, &cols, i == selected);
                        let tallest = cells.iter().map(Vec::len).max().unwrap_or(1);
                        let measured = geometry::compare_row(&state, claim, &cols, i == selected);
                        assert_eq!(tallest, measured.height(), "side by side {i} at {width}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn the_header_drawn_is_as_tall_as_geometry_makes_room_for() {
        let debate = Debate::embedded().expect("embedded debate loads");
        let mut state = State::new(debate, "t", 80, 24);
        let read = state.debate.claim(state.debate_rows()[0].1).id.clone();
        let judged = crate::session::Judgement {
            verdict: Some(crate::session::Verdict::Convinced),
            note: None,
        };
        for (open, side_by_side, score) in [
            (false, false, false),
            (true, false, false),
            (false, true, false),
            (false, false, true),
        ] {
            if score {
                state.judgements.insert(read.clone(), judged.clone());
                assert!(geometry::shows_score(&state));
            }
            state.debate_view.thesis_open = open;
            state.debate_view.side_by_side = side_by_side;
            for height in [8, 24, 50] {
                let body = Rect::new(0, 1, 70, height);
                let areas = geometry::areas(&state, body);
                let lines = header_lines(&state, body).len() + 1;
                assert_eq!(
                    usize::from(areas.header.height),
                    lines.min(usize::from(height))
                );
            }
        }
    }
}
