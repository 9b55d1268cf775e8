//! Authoring on screen: the caret and the selection over the article, the claim form, the
//! "save a copy as" prompt and the y/n question. The caret and selection are shown reversed
//! and underlined, so they read without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::{self, Theme};
use super::{layout, paint};
use crate::caret;
use crate::field::TextField;
use crate::flow::{self, Source};
use crate::form::{Focus, Form, PathPrompt, Purpose};
use crate::state::{State, View};
use crate::text;

const MAX_WIDTH: u16 = 80;
/// Columns of the field labels.
const LABEL: usize = 10;

fn mark() -> Style {
    Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
}

/// Everything authoring draws, over the view and its overlays.
pub fn draw(buf: &mut Buffer, body: Rect, status: Rect, screen: Rect, state: &State) {
    let a = &state.authoring;
    if state.view == View::Reader && state.overlay.is_none() {
        draw_caret(buf, body, state);
    }
    if let Some(form) = &a.form {
        draw_form(buf, screen, state, form);
    }
    if let Some(prompt) = &a.prompt {
        draw_prompt(buf, screen, &state.theme, prompt);
    }
    let question = match (&a.confirm, &a.linking) {
        (Some(confirm), _) => Some(confirm.question()),
        (None, Some(pick)) if state.view == View::Search => Some(format!(
            "Link '{}' to: Enter picks the claim (Esc: none)",
            pick.from
        )),
        _ => None,
    };
    if let Some(question) = question {
        let l = Line::from(Span::styled(
            format!(" {} ", text::clean(&question)),
            state.theme.warning.add_modifier(Modifier::BOLD),
        ));
        paint::fill(buf, status, Style::default());
        buf.set_string(
            status.x,
            status.y,
            " ".repeat(usize::from(status.width)),
            Style::default(),
        );
        paint::line(buf, status, 0, &l);
    }
}

/// The caret (one reversed cell) and the selection (reversed and underlined) on the lines on
/// screen.
fn draw_caret(buf: &mut Buffer, body: Rect, state: &State) {
    let Some(at_caret) = &state.authoring.caret else {
        return;
    };
    if at_caret.article != state.article {
        return;
    }
    let column = layout::Reader::new(body, state.reading).column;
    let article = state.debate.article(state.article);
    let reader = state.reader();
    let selection = caret::selection(article, at_caret);
    for dy in 0..column.height {
        let Some(line) = reader.flow.lines.get(reader.top + usize::from(dy)) else {
            break;
        };
        let Source::Block(b) = line.source else {
            continue;
        };
        let block = &article.doc.blocks[b];
        let Some(shown) = block.text.get(line.range.clone()) else {
            continue;
        };
        let mut x = usize::from(column.x) + flow::indent(block);
        let y = column.y + dy;
        let mut cells = shown
            .char_indices()
            .map(|(i, ch)| {
                (
                    line.range.start + i,
                    text::width(ch.encode_utf8(&mut [0; 4])),
                )
            })
            .collect::<Vec<_>>();
        // The caret may stand just past a block's last character.
        if line.range.end == block.text.len() {
            cells.push((line.range.end, 1));
        }
        for (byte, w) in cells {
            let p = caret::Point { block: b, byte };
            let selected = selection.is_some_and(|(s, e)| s <= p && p < e);
            let style = if p == at_caret.at {
                Some(Style::default().add_modifier(Modifier::REVERSED))
            } else if selected {
                Some(mark())
            } else {
                None
            };
            if let (Some(style), Ok(cx)) = (style, u16::try_from(x))
                && cx < column.right()
            {
                let cell = Rect::new(cx, y, u16::try_from(w.max(1)).unwrap_or(1), 1);
                buf.set_style(cell.intersection(column), style);
            }
            x += w;
        }
    }
}

/// A field's text with its cursor as a reversed cell, scrolled to keep the cursor in `width`.
fn field_spans(field: &TextField, width: usize, focused: bool) -> Vec<Span<'static>> {
    let text = text::clean(field.text()).into_owned();
    if !focused {
        let shown = text::truncate(&text, width).into_owned();
        return vec![Span::raw(shown)];
    }
    let cursor = field.cursor_chars();
    let chars: Vec<char> = text.chars().collect();
    // Scroll by characters so the cursor stays in view.
    let start = cursor.saturating_sub(width.saturating_sub(2));
    let before: String = chars[start.min(chars.len())..cursor.min(chars.len())]
        .iter()
        .collect();
    let at: String = chars.get(cursor).map_or(" ".into(), char::to_string);
    let after: String = chars.iter().skip(cursor + 1).collect();
    vec![
        Span::raw(before),
        Span::styled(at, Style::default().add_modifier(Modifier::REVERSED)),
        Span::raw(text::truncate(&after, width).into_owned()),
    ]
}

fn label(theme: &Theme, name: &str, focused: bool) -> Span<'static> {
    let marker = if focused { "▸ " } else { "  " };
    let style = if focused {
        theme.accent.add_modifier(Modifier::BOLD)
    } else {
        theme.dim
    };
    Span::styled(format!("{marker}{name:<w$}", w = LABEL - 2), style)
}

/// The form's lines for a content `width`.
pub fn form_lines(state: &State, form: &Form, width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let field_width = width.saturating_sub(LABEL + 1).max(4);
    let row = |name: &str, field: &TextField, focus: Focus| {
        let focused = form.focus == focus;
        let mut spans = vec![label(theme, name, focused)];
        spans.extend(field_spans(field, field_width, focused));
        let mut lines = vec![Line::from(spans)];
        lines.extend(errors_of(form, Some(focus), field_width, theme));
        lines
    };
    let mut lines = [
        row("Summary", &form.summary, Focus::Summary),
        row("Id", &form.id, Focus::Id),
        row("Quote", &form.quote, Focus::Quote),
        row("Tags", &form.tags, Focus::Tags),
    ]
    .concat();
    let completions = form.tag_completions();
    if form.focus == Focus::Tags && !completions.is_empty() {
        let shown =
            text::truncate(&completions.join(", "), field_width.saturating_sub(4)).into_owned();
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(LABEL)),
            Span::styled(format!("→ {shown}"), theme.dim),
        ]));
    }
    for (i, s) in form.stances.iter().enumerate() {
        let focused = form.focus == Focus::Stance(i);
        let word = format!("‹ {} ›", theme::stance_word(s.kind));
        let word_style = if focused {
            theme.stance(s.kind).add_modifier(Modifier::REVERSED)
        } else {
            theme.stance(s.kind)
        };
        lines.push(Line::from(vec![
            label(theme, &text::truncate(&s.name, LABEL - 3), focused),
            Span::styled(word, word_style),
        ]));
        lines.extend(errors_of(form, Some(Focus::Stance(i)), field_width, theme));
        lines.extend(row("  note", &s.note, Focus::Note(i)));
    }
    lines.push(Line::default());
    lines.extend(errors_of(form, None, width, theme));
    lines.push(Line::from(Span::styled(
        "Tab/Shift-Tab fields · ←/→ or Space: stance · Enter save · Esc cancel",
        theme.dim,
    )));
    lines
}

/// The reasons the form was not saved that concern `field` (`None`: the whole form), wrapped
/// under the field's text, marked ✗ so they read without colour.
fn errors_of(form: &Form, field: Option<Focus>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let indent = if field.is_some() { LABEL } else { 0 };
    form.errors
        .iter()
        .filter(|e| e.field == field)
        .flat_map(|e| paint::wrapped(&format!("✗ {}", e.message), width, theme.warning))
        .map(|line| {
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

fn draw_form(buf: &mut Buffer, screen: Rect, state: &State, form: &Form) {
    let width = usize::from(layout::inner(layout::overlay(screen, MAX_WIDTH)).width);
    let lines = form_lines(state, form, width.saturating_sub(2));
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, lines.len(), 0);
    let title = match &form.purpose {
        Purpose::Add => "New claim".to_owned(),
        Purpose::Edit(id) => format!("Edit claim {id}"),
    };
    let inner = paint::frame(buf, outer, &title, state.theme.accent, &state.theme);
    let content = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    // The hint and the error stay on screen: the fields scroll under them if the screen is
    // short.
    paint::lines(buf, content, &lines, 0);
}

fn draw_prompt(buf: &mut Buffer, screen: Rect, theme: &Theme, prompt: &PathPrompt) {
    let width = usize::from(layout::inner(layout::overlay(screen, MAX_WIDTH)).width);
    let mut lines = paint::wrapped(
        "This debate has no file of its own yet. Write it, with this edit, as the new file:",
        width.saturating_sub(2),
        theme.base,
    );
    lines.push(Line::from(field_spans(
        &prompt.path,
        width.saturating_sub(4),
        true,
    )));
    if let Some(error) = &prompt.error {
        lines.extend(paint::wrapped(
            &format!("✗ {error}"),
            width.saturating_sub(2),
            theme.warning,
        ));
    }
    lines.push(Line::from(Span::styled(
        "Enter write it and go on editing there · Esc cancel",
        theme.dim,
    )));
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, lines.len(), 0);
    let inner = paint::frame(buf, outer, "Save as a new file", theme.accent, theme);
    let content = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    paint::lines(buf, content, &lines, 0);
}
