//! The claim list: every claim (or those passing the filters) with stance marks per framing,
//! its article and tags, and a preview of the selected claim.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{card, layout, paint};
use crate::action::Action;
use crate::geometry::chips;
use crate::keymap::Context;
use crate::model::ClaimIx;
use crate::state::State;
use crate::text;

/// Lines per claim in the list: the summary, then article and tags.
use crate::geometry::CLAIM_ROW_HEIGHT as ROW_HEIGHT;

pub fn draw(buf: &mut Buffer, body: Rect, state: &State) {
    let theme = &state.theme;
    let geometry = layout::Claims::new(body);
    draw_header(buf, geometry.header, state);
    let list = geometry.lists.list;
    let claims = &state.claims;
    if claims.visible.is_empty() {
        let msg = Line::from(Span::styled(
            format!(
                " No claim matches these filters ({} clears them).",
                state.keymap.key_for(Context::Claims, &Action::ClearFilters)
            ),
            theme.dim,
        ));
        paint::line(buf, list, 0, &msg);
    }
    let rows = usize::from(list.height) / ROW_HEIGHT;
    for (i, &claim) in claims
        .visible
        .iter()
        .enumerate()
        .skip(claims.offset)
        .take(rows)
    {
        let dy = u16::try_from((i - claims.offset) * ROW_HEIGHT).unwrap_or(u16::MAX);
        let selected = i == claims.selected;
        draw_row(buf, list, dy, state, claim, selected);
    }
    if let Some(preview) = paint::preview_area(buf, &geometry.lists, theme) {
        draw_preview(
            buf,
            preview,
            state,
            claims.visible.get(claims.selected).copied(),
        );
    }
}

fn draw_header(buf: &mut Buffer, area: Rect, state: &State) {
    paint::line(buf, area, 0, &chips_line(state, usize::from(area.width)));
    paint::line(buf, area, 1, &marks_header(state, usize::from(area.width)));
}

/// The count, then the chips (or, without filters, the keys that add them).
fn chips_line(state: &State, width: usize) -> Line<'static> {
    let theme = &state.theme;
    let key = |action| state.keymap.key_for(Context::Claims, &action);
    let mut spans = vec![Span::styled(chips::count_label(state), theme.title)];
    // Placed from column 0 of the line: only their order and labels are drawn here.
    let chips = chips::chips(state, 0);
    if chips.is_empty() {
        for (action, word) in [
            (Action::PickArticle, "article"),
            (Action::PickTags, "tags"),
            (Action::PickStance, "stance"),
        ] {
            spans.push(Span::styled(format!("  {}", key(action)), theme.accent));
            spans.push(Span::styled(format!(" {word}"), theme.muted));
        }
    } else {
        for chip in chips {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(chip.label, theme.badge));
        }
        spans.push(Span::styled(
            format!(
                "  {} removes the last, {} all",
                key(Action::RemoveLastFilter),
                key(Action::ClearFilters)
            ),
            theme.dim,
        ));
    }
    fit(spans, width)
}

/// Spans cut to `width` columns, the last one shortened.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut room = width;
    let mut out = Vec::new();
    for span in spans {
        if room == 0 {
            break;
        }
        let cut = text::truncate(&span.content, room).into_owned();
        room = room.saturating_sub(text::width(&cut));
        out.push(Span::styled(cut, span.style));
    }
    Line::from(out)
}

/// Above the mark columns, each framing's number (the active one as its marks are drawn),
/// then the numbers' legend: each framing's name, or its first word where the names do not
/// fit.
fn marks_header(state: &State, width: usize) -> Line<'static> {
    let theme = &state.theme;
    let debate = &state.debate;
    let active = |f| {
        if f == state.framing {
            theme
                .strong
                .add_modifier(ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED)
        } else {
            theme.dim
        }
    };
    let mut spans = vec![Span::raw(" ")];
    for f in debate.framing_ixs() {
        let number = (f.get() + 1) % 10;
        spans.push(Span::styled(number.to_string(), active(f)));
    }
    spans.push(Span::raw("  "));
    let names: Vec<String> = debate
        .framing_ixs()
        .map(|f| text::clean(&debate.framing(f).name).into_owned())
        .collect();
    let used: usize = spans.iter().map(Span::width).sum();
    let legend_width =
        |names: &[String]| -> usize { names.iter().map(|n| text::width(n) + 5).sum() };
    let short: Vec<String> = names
        .iter()
        .map(|n| n.split_whitespace().next().unwrap_or(n).to_owned())
        .collect();
    let shown = if used + legend_width(&names) <= width {
        names
    } else {
        short
    };
    for (f, name) in debate.framing_ixs().zip(shown) {
        spans.push(Span::styled(format!("{} ", f.get() + 1), theme.dim));
        spans.push(Span::styled(name, active(f)));
        spans.push(Span::raw("  "));
    }
    fit(spans, width)
}

/// The compact per-framing stance marks, one coloured character per framing.
pub fn marks(state: &State, claim: ClaimIx) -> Vec<Span<'static>> {
    let theme = &state.theme;
    let c = state.debate.claim(claim);
    state
        .debate
        .framing_ixs()
        .map(|f| {
            let kind = c.stance(f).map(|s| s.kind);
            let mut style = theme.stance(kind);
            if f == state.framing {
                style = style.add_modifier(
                    ratatui::style::Modifier::BOLD | ratatui::style::Modifier::UNDERLINED,
                );
            }
            Span::styled(theme.stance_mark(kind), style)
        })
        .collect()
}

fn draw_row(buf: &mut Buffer, list: Rect, dy: u16, state: &State, claim: ClaimIx, selected: bool) {
    let theme = &state.theme;
    let c = state.debate.claim(claim);
    let row_style = if selected {
        theme.selected_row
    } else {
        ratatui::style::Style::default()
    };
    paint::fill(
        buf,
        Rect {
            y: list.y + dy,
            height: 2.min(list.height - dy),
            ..list
        },
        row_style,
    );
    let pointer = Span::styled(
        if selected { "▌" } else { " " },
        theme.accent.patch(row_style),
    );
    let mut first = vec![pointer.clone()];
    first.extend(
        marks(state, claim)
            .into_iter()
            .map(|s| s.patch_style(row_style)),
    );
    first.push(Span::styled(" ", row_style));
    let used = 2 + state.debate.framings.len();
    let room = usize::from(list.width).saturating_sub(used);
    let summary_style = if selected {
        theme.strong.patch(row_style)
    } else {
        row_style
    };
    let summary = super::card::marked_summary(state, claim);
    first.push(Span::styled(
        text::truncate(&summary, room).into_owned(),
        summary_style,
    ));
    paint::line(buf, list, dy, &Line::from(first));
    let article = &state.debate.article(c.article).title;
    let tags = paint::hashtags(&c.tags);
    let meta = format!(
        "{} {} · {tags}",
        c.article.get() + 1,
        text::truncate(&text::clean(article), 20)
    );
    let indent = " ".repeat(used);
    let second = Line::from(vec![
        pointer,
        Span::styled(indent[1..].to_owned(), row_style),
        Span::styled(
            text::truncate(&text::clean(&meta), room).into_owned(),
            theme.dim.patch(row_style),
        ),
    ]);
    paint::line(buf, list, dy + 1, &second);
}

fn draw_preview(buf: &mut Buffer, inner: Rect, state: &State, claim: Option<ClaimIx>) {
    if let Some(claim) = claim {
        let lines = card::lines(state, claim, inner.width, None);
        paint::lines(buf, inner, &lines, 0);
    }
}
