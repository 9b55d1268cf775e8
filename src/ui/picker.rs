//! A picker popup: its prompt and count, the choices the query keeps (matched characters
//! highlighted, marks in a picker of several, a count after each), and its keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{layout, paint};
use crate::action::Action;
use crate::keymap::Context;
use crate::picker::Picker;
use crate::state::State;
use crate::text;

const MAX_WIDTH: u16 = 64;

/// Rows above the choices (the prompt) and below them (the keys).
const ABOVE: u16 = 1;
const BELOW: u16 = 1;

/// The popup on a screen: as tall as its choices, at most the screen.
pub fn area_on(screen: Rect, picker: &Picker) -> Rect {
    layout::overlay_fitting(screen, MAX_WIDTH, picker.choices.len(), ABOVE + BELOW)
}

/// How many choices the popup shows at once on a screen.
pub fn rows(screen: Rect, picker: &Picker) -> usize {
    let inner = layout::inner(area_on(screen, picker));
    usize::from(inner.height.saturating_sub(ABOVE + BELOW))
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, picker: &Picker) {
    let theme = &state.theme;
    let outer = area_on(screen, picker);
    let inner = paint::frame(buf, outer, &picker.title, theme.accent, theme);
    let content = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    draw_prompt(buf, content, picker, theme);
    let rows = rows(screen, picker);
    let list = Rect {
        y: content.y + ABOVE,
        height: u16::try_from(rows).unwrap_or(u16::MAX),
        ..content
    };
    if picker.shown.is_empty() {
        paint::line(
            buf,
            list,
            0,
            &Line::from(Span::styled("Nothing matches.", theme.dim)),
        );
    }
    let offset = picker.offset(rows);
    for (dy, (ix, (choice, indices))) in picker
        .shown
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .enumerate()
    {
        let selected = ix == picker.selected;
        let line = choice_line(picker, *choice, indices, selected, list.width, theme);
        let dy = u16::try_from(dy).unwrap_or(u16::MAX);
        if ix == picker.selected {
            paint::fill(
                buf,
                Rect {
                    y: list.y + dy,
                    height: 1,
                    ..list
                },
                theme.selected_row,
            );
        }
        paint::line(buf, list, dy, &line);
    }
    paint::line(
        buf,
        content,
        content.height.saturating_sub(1),
        &hints(state, picker),
    );
}

/// The query with its cursor, the count of choices kept on the right.
fn draw_prompt(buf: &mut Buffer, area: Rect, picker: &Picker, theme: &Theme) {
    let count = if picker.multi && !picker.marked.is_empty() {
        format!(
            "{}/{} ({} marked)",
            picker.shown.len(),
            picker.choices.len(),
            picker.marked.len()
        )
    } else {
        format!("{}/{}", picker.shown.len(), picker.choices.len())
    };
    let room = usize::from(area.width).saturating_sub(text::width(&count) + 3);
    let mut spans = vec![Span::styled("> ", theme.accent)];
    spans.extend(super::search::prompt_spans(&picker.query, room, theme));
    paint::line(buf, area, 0, &Line::from(spans));
    paint::line(
        buf,
        area,
        0,
        &Line::from(Span::styled(count, theme.dim)).right_aligned(),
    );
}

/// One choice: the cursor's bar, its mark in a picker of several, the label with the matched
/// characters in the accent colour, the detail dim at the right.
fn choice_line(
    picker: &Picker,
    choice: usize,
    indices: &[usize],
    selected: bool,
    width: u16,
    theme: &Theme,
) -> Line<'static> {
    let row = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let c = &picker.choices[choice];
    let mut spans = vec![Span::styled(
        if selected { "▌" } else { " " },
        theme.accent.patch(row),
    )];
    if picker.multi {
        let mark = if picker.marked.contains(&choice) {
            "● "
        } else if c.clears {
            "  "
        } else {
            "○ "
        };
        spans.push(Span::styled(mark, theme.accent.patch(row)));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let detail = if c.detail.is_empty() {
        String::new()
    } else {
        format!(" {}", text::clean(&c.detail))
    };
    let room = usize::from(width).saturating_sub(used + text::width(&detail));
    let label = text::truncate(&text::clean(&c.label), room).into_owned();
    let base = if c.clears {
        theme.muted.patch(row)
    } else if selected {
        theme.strong.patch(row)
    } else {
        row
    };
    let matched = theme.accent.patch(row);
    for (i, ch) in label.chars().enumerate() {
        let style = if indices.contains(&i) { matched } else { base };
        spans.push(Span::styled(ch.to_string(), style));
    }
    let pad = room.saturating_sub(text::width(&label));
    spans.push(Span::styled(" ".repeat(pad), row));
    spans.push(Span::styled(detail, theme.dim.patch(row)));
    Line::from(spans)
}

/// The picker's keys, from the keymap.
fn hints(state: &State, picker: &Picker) -> Line<'static> {
    let theme = &state.theme;
    let key = |action| state.keymap.key_for(Context::Picker, &action);
    let mut spans = vec![
        Span::styled(key(Action::Open), theme.accent),
        Span::styled(" apply  ", theme.dim),
    ];
    if picker.multi {
        spans.push(Span::styled(key(Action::TogglePick), theme.accent));
        spans.push(Span::styled(" mark  ", theme.dim));
    }
    spans.push(Span::styled(key(Action::Down), theme.accent));
    spans.push(Span::styled(" move  ", theme.dim));
    spans.push(Span::styled(key(Action::Back), theme.accent));
    spans.push(Span::styled(" keep as it was", theme.dim));
    Line::from(spans)
}
