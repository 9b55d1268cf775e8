//! An article pane: the wrapped text in a centred reading column, every claim's quote coloured
//! by its stance under the active framing, and on wide screens a margin of the claims in view.

mod gutter;
mod legend;
mod margin;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

use super::{layout, paint, theme::Theme};
use crate::flow::{FlowLine, Source};
use crate::model::{Article, Block, BlockKind, ClaimIx, Inline};
use crate::state::State;
use crate::text;

pub fn draw(buf: &mut Buffer, body: Rect, state: &State) {
    let theme = &state.theme;
    let geometry = layout::Reader::new(body, state.reading);
    let column = geometry.column;
    let reader = state.reader();
    let article = state.debate.article(state.article);
    for dy in 0..column.height {
        let Some(line) = reader.flow.lines.get(reader.top + usize::from(dy)) else {
            break;
        };
        paint::line(
            buf,
            column,
            dy,
            &render_line(state, article, line, column.width),
        );
    }
    let scrollbar_x = column.right();
    if scrollbar_x < body.right() && reader.flow.len() > usize::from(column.height) {
        let track = Rect {
            x: scrollbar_x,
            width: 1,
            ..column
        };
        let mut position =
            ScrollbarState::new(reader.flow.len().saturating_sub(usize::from(column.height)))
                .position(reader.top)
                .viewport_content_length(usize::from(column.height));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(theme.border)
            .thumb_style(theme.muted)
            .render(track, buf, &mut position);
    }
    gutter::draw(buf, body, column, state);
    if let Some(side) = geometry.side {
        margin::draw(buf, side, state);
    }
}

fn inline_style(inline: Inline, theme: &Theme) -> Style {
    let mut style = Style::default();
    if inline.emphasis {
        style = style.patch(theme.emphasis);
    }
    if inline.strong {
        style = style.patch(theme.strong);
    }
    if inline.code {
        style = style.patch(theme.code);
    }
    if inline.link {
        // Underlined whatever the theme says: a link must show without colour too.
        style = style.patch(theme.link).add_modifier(Modifier::UNDERLINED);
    }
    if inline.strike {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    style
}

/// Claims anchored in a block, by their byte range (the article's list is in text order).
fn claims_in_block(state: &State, article: &Article, block: usize) -> Vec<(Range<usize>, ClaimIx)> {
    let claims = &article.claims;
    let first = claims.partition_point(|&c| state.debate.claim(c).anchor.block < block);
    claims[first..]
        .iter()
        .map(|&c| (state.debate.claim(c).anchor.clone(), c))
        .take_while(|(a, _)| a.block == block)
        .map(|(a, c)| (a.range, c))
        .collect()
}

fn render_line(state: &State, article: &Article, line: &FlowLine, width: u16) -> Line<'static> {
    let theme = &state.theme;
    match line.source {
        Source::Title => Line::from(Span::styled(
            text::clean(&article.title[line.range.clone()]).into_owned(),
            theme.title.patch(theme.accent),
        )),
        Source::Subtitle => line_from(
            article.subtitle.as_deref().unwrap_or(""),
            &line.range,
            theme.subtitle,
        ),
        Source::Byline => line_from(&article.byline(), &line.range, theme.muted),
        Source::Url => line_from(
            &text::clean(article.url.as_deref().unwrap_or("")),
            &line.range,
            theme.muted.patch(theme.link),
        ),
        Source::Gap => Line::default(),
        Source::Legend => legend::line(state, width),
        Source::Block(b) => {
            let block = &article.doc.blocks[b];
            if block.kind == BlockKind::Rule {
                return Line::from(Span::styled("─".repeat(usize::from(width)), theme.border));
            }
            block_line(state, article, block, b, line)
        }
    }
}

/// Cells on screen that are a link: where they start, how many columns, where they lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLink {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// The links the reader shows now (the article's source address, the links of its text), for
/// the event loop to make into OSC 8 hyperlinks over the cells already drawn. Empty under an
/// overlay or elsewhere.
pub fn links_on_screen(state: &State) -> Vec<ScreenLink> {
    if state.view != crate::state::View::Reader || state.overlay.is_some() {
        return Vec::new();
    }
    let article = state.debate.article(state.article);
    let column = crate::geometry::reader(state).column;
    let reader = state.reader();
    let shown_url = article.url.as_deref().map(text::clean);
    let cells = |s: &str| u16::try_from(text::width(s)).unwrap_or(u16::MAX);
    let mut found = Vec::new();
    for dy in 0..column.height {
        let Some(line) = reader.flow.lines.get(reader.top + usize::from(dy)) else {
            break;
        };
        let y = column.y + dy;
        match line.source {
            Source::Url => {
                if let (Some(url), Some(shown)) = (&article.url, &shown_url) {
                    found.push(ScreenLink {
                        x: column.x,
                        y,
                        width: cells(shown.get(line.range.clone()).unwrap_or("")),
                        url: url.clone(),
                    });
                }
            }
            Source::Block(b) => {
                let block = &article.doc.blocks[b];
                let r = &line.range;
                let x = column
                    .x
                    .saturating_add(u16::try_from(crate::flow::indent(block)).unwrap_or(u16::MAX));
                for link in &block.links {
                    let (start, end) = (link.range.start.max(r.start), link.range.end.min(r.end));
                    if start >= end {
                        continue;
                    }
                    let before = block.text.get(r.start..start).unwrap_or("");
                    found.push(ScreenLink {
                        x: x.saturating_add(cells(before)),
                        y,
                        width: cells(block.text.get(start..end).unwrap_or("")),
                        url: link.url.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    // Nothing past the column's edge (a line the wrap could not break).
    found.retain(|l| l.x < column.right());
    for l in &mut found {
        l.width = l.width.min(column.right() - l.x);
    }
    found
}

fn line_from(s: &str, range: &Range<usize>, style: Style) -> Line<'static> {
    let part = s.get(range.clone()).unwrap_or("");
    Line::from(Span::styled(text::clean(part).into_owned(), style))
}

fn prefix(block: &Block, first: bool, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for _ in 0..block.quote_depth {
        spans.push(Span::styled("│ ", theme.border));
    }
    match &block.kind {
        BlockKind::Item { depth, marker } => {
            let pad = "  ".repeat(usize::from(*depth));
            if first {
                spans.push(Span::raw(pad));
                spans.push(Span::styled(format!("{marker} "), theme.accent));
            } else {
                spans.push(Span::raw(" ".repeat(pad.len() + text::width(marker) + 1)));
            }
        }
        BlockKind::Code => spans.push(Span::raw("  ")),
        _ => {}
    }
    spans
}

fn block_line(
    state: &State,
    article: &Article,
    block: &Block,
    b: usize,
    line: &FlowLine,
) -> Line<'static> {
    let theme = &state.theme;
    let base = match block.kind {
        BlockKind::Heading(level) => theme.heading(level),
        BlockKind::Code => theme.code,
        _ if block.quote_depth > 0 => theme.block_quote,
        _ => theme.base,
    };
    let r = line.range.clone();
    let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
    let local = |m: &Range<usize>| m.start.max(r.start) - r.start..m.end.min(r.end) - r.start;
    for (m, inline) in &block.styles {
        if m.start < r.end && m.end > r.start {
            marks.push((local(m), inline_style(*inline, theme)));
        }
    }
    let selected = state.reader().selected;
    // Later marks patch earlier ones: the selected claim goes last so it always shows.
    let mut claims = claims_in_block(state, article, b);
    claims.sort_by_key(|(_, c)| Some(*c) == selected);
    for (m, c) in claims {
        if m.start < r.end && m.end > r.start {
            let kind = state.debate.claim(c).stance(state.framing).map(|s| s.kind);
            marks.push((local(&m), theme.quote(kind, Some(c) == selected)));
        }
    }
    // Matches of the search in the text go last: they show over the quotes.
    for (m, current) in state.reader().find.iter().flat_map(|f| f.in_block(b)) {
        if m.start < r.end && m.end > r.start {
            marks.push((local(&m), super::find::match_style(current)));
        }
    }
    let mut spans = prefix(block, line.first, theme);
    spans.extend(paint::runs(&block.text[r], base, &marks));
    Line::from(spans)
}
