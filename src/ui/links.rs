//! The list of the article's links (`o`): each link's words and where it leads, numbered in
//! reading order, the selected one marked; its keys in a hint line written from the keymap.
//! Where the terminal shows no OSC 8 hyperlinks, this list is where a link's target is read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{layout, paint};
use crate::keymap::Context;
use crate::links::{self, ArticleLink};
use crate::state::State;
use crate::text;

const MAX_WIDTH: u16 = 100;

/// Columns of a row given to the link's words at most: the address matters as much.
const TEXT_WIDTH: usize = 30;

/// One row: `▸ 3 the survey   https://example.com/…`, the words padded to `words_width` so
/// that the addresses line up, cut to the width; the selected row's address is whole, wrapped
/// onto lines of its own under it, as this list is where a target is read without OSC 8.
/// An address that will not be opened is dimmed.
fn row(
    n: usize,
    link: &ArticleLink,
    selected: bool,
    (words_width, width): (usize, usize),
    theme: &Theme,
) -> Vec<Line<'static>> {
    let style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let lead = format!("{}{n:>2} ", if selected { "▸ " } else { "  " });
    let words = text::truncate(&link.text, words_width);
    let pad = words_width.saturating_sub(text::width(&words));
    let words = format!("{words}{}  ", " ".repeat(pad));
    let room = width.saturating_sub(text::width(&lead) + text::width(&words));
    let url_style = if links::check(&link.url).is_ok() {
        theme.link
    } else {
        theme.dim
    };
    let address = links::shown(&link.url);
    let indent = text::width(&lead) + text::width(&words);
    let pieces = if selected {
        pieces(&address, room)
    } else {
        vec![text::truncate(&address, room).into_owned()]
    };
    let mut pieces = pieces.into_iter();
    let mut lines = vec![Line::from(vec![
        Span::styled(lead, theme.accent.patch(style)),
        Span::styled(words, theme.base.patch(style)),
        Span::styled(pieces.next().unwrap_or_default(), url_style.patch(style)),
    ])];
    lines.extend(pieces.map(|piece| {
        Line::from(vec![
            Span::raw(" ".repeat(indent)),
            Span::styled(piece, url_style),
        ])
    }));
    lines
}

/// `address` in pieces of at most `room` columns (an address has no spaces to wrap at).
fn pieces(address: &str, room: usize) -> Vec<String> {
    let room = room.max(1);
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in address.chars() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > room && used > 0 {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        used += w;
    }
    out
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, selected: usize) {
    let theme = &state.theme;
    let all = links::of_article(state.debate.article(state.article));
    let words_width = all
        .iter()
        .map(|l| text::width(&l.text))
        .max()
        .unwrap_or(0)
        .min(TEXT_WIDTH);
    // The rows at the box's width (it does not depend on its height), the selected one whole.
    let width = usize::from(layout::inner(layout::overlay(screen, MAX_WIDTH)).width);
    let rows: Vec<Vec<Line<'static>>> = all
        .iter()
        .enumerate()
        .map(|(i, l)| row(i + 1, l, i == selected, (words_width, width), theme))
        .collect();
    let count = rows.iter().map(Vec::len).sum();
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, count, 1);
    let inner = paint::frame(buf, outer, "Links", theme.accent, theme);
    let list = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let room = usize::from(list.height).max(1);
    // From the row that keeps the whole selected row on screen, as near the top as it can.
    let mut first = selected.min(rows.len().saturating_sub(1));
    let mut used = rows.get(first).map_or(0, Vec::len);
    while first > 0 && used + rows[first - 1].len() <= room {
        first -= 1;
        used += rows[first].len();
    }
    let lines: Vec<Line<'static>> = rows.into_iter().skip(first).flatten().take(room).collect();
    paint::lines(buf, list, &lines, 0);
    let hints = super::status::overlay_hints(state, Context::Links);
    paint::line(buf, inner, inner.height.saturating_sub(1), &hints);
}
