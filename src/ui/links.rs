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
/// that the addresses line up, cut to the width. An address that will not be opened is dimmed.
fn row(
    n: usize,
    link: &ArticleLink,
    selected: bool,
    (words_width, width): (usize, usize),
    theme: &Theme,
) -> Line<'static> {
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
    Line::from(vec![
        Span::styled(lead, theme.accent.patch(style)),
        Span::styled(words, theme.base.patch(style)),
        Span::styled(
            text::truncate(&links::shown(&link.url), room).into_owned(),
            url_style.patch(style),
        ),
    ])
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, selected: usize) {
    let theme = &state.theme;
    let all = links::of_article(state.debate.article(state.article));
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, all.len(), 1);
    let inner = paint::frame(buf, outer, "Links", theme.accent, theme);
    let list = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let rows = usize::from(list.height).max(1);
    let words_width = all
        .iter()
        .map(|l| text::width(&l.text))
        .max()
        .unwrap_or(0)
        .min(TEXT_WIDTH);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line<'static>> = all
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, l)| {
            let widths = (words_width, usize::from(list.width));
            row(i + 1, l, i == selected, widths, theme)
        })
        .collect();
    paint::lines(buf, list, &lines, 0);
    let hints = super::status::overlay_hints(state, Context::Links);
    paint::line(buf, inner, inner.height.saturating_sub(1), &hints);
}
