//! The claim list: every claim (or those passing the filters) with stance marks per framing,
//! its article and tags, and a preview of the selected claim.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{card, layout, paint, theme};
use crate::action::Action;
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
    let theme = &state.theme;
    let f = &state.claims.filter;
    let article = f.article.map_or_else(
        || "all".to_owned(),
        |a| text::clean(&state.debate.article(a).title).into_owned(),
    );
    let tag = f
        .tag
        .as_deref()
        .map_or_else(|| "all".to_owned(), |t| format!("#{}", text::clean(t)));
    let stance = match f.stance {
        None => "all".to_owned(),
        Some(kind) => theme::stance_word(kind).to_owned(),
    };
    let line = Line::from(vec![
        Span::styled(
            format!(
                " {} of {} claims",
                state.claims.visible.len(),
                state.debate.claims.len()
            ),
            theme.title,
        ),
        Span::styled("   a ", theme.accent),
        Span::styled(
            format!("article: {}", text::truncate(&article, 24)),
            theme.muted,
        ),
        Span::styled("   T ", theme.accent),
        Span::styled(format!("tag: {tag}"), theme.muted),
        Span::styled("   S ", theme.accent),
        Span::styled(format!("stance: {stance}"), theme.muted),
    ]);
    paint::line(buf, area, 0, &line);
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
    let summary = match super::card::verdict_mark(state, claim) {
        Some(mark) => format!("{mark} {}", text::clean(&c.summary)),
        None => text::clean(&c.summary).into_owned(),
    };
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
