//! The help overlay: every key of the current view, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{layout, paint, theme::Theme};
use crate::keymap::{Context, Keymap};
use crate::state::{State, View};
use crate::text;

/// The context whose keys the help describes: the view under the overlay.
fn described(state: &State) -> Context {
    if state.detail_under_help.is_some() {
        return Context::Detail;
    }
    match state.view {
        View::Reader => Context::Reader,
        View::Claims => Context::Claims,
        View::Debate => Context::Debate,
        View::Search => Context::Search,
    }
}

/// The help's lines for a context: its own keys first, then the keys that work everywhere.
pub fn lines(keymap: &Keymap, context: Context, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let bindings = keymap.bindings_for(context);
    let labels: Vec<String> = bindings.iter().map(|b| b.label()).collect();
    let key_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0) + 2;
    let mut out = Vec::new();
    let mut section = None;
    for (b, label) in bindings.iter().zip(&labels) {
        let heading = if b.context == Context::Global {
            "Everywhere"
        } else {
            context.title()
        };
        if section != Some(heading) {
            if section.is_some() {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(
                heading,
                theme.title.add_modifier(Modifier::UNDERLINED),
            )));
            section = Some(heading);
        }
        let pad = " ".repeat(key_width.saturating_sub(text::width(label)));
        let help = text::truncate(b.help, width.saturating_sub(key_width + 2)).into_owned();
        out.push(Line::from(vec![
            Span::styled(format!("  {label}{pad}"), theme.accent),
            Span::raw(help),
        ]));
    }
    if context == Context::Search {
        out.push(Line::default());
        out.extend(query_syntax(width, theme));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        "Mouse: the wheel scrolls, a click selects, a second click opens.",
        theme.dim,
    )));
    out
}

/// fzf's extended-search syntax, as `search::query` implements it, one term per row.
const QUERY_SYNTAX: &[(&str, &str)] = &[
    ("a b", "both terms, in any order (each fuzzy)"),
    ("'word", "contains word exactly"),
    ("^word", "starts with word"),
    ("word$", "ends with word"),
    ("!word", "does not contain word"),
    ("a | b", "either term"),
    ("\\ ", "a literal space"),
    ("Word", "a capital makes a term case-sensitive"),
];

fn query_syntax(width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let key_width = QUERY_SYNTAX
        .iter()
        .map(|(term, _)| text::width(term))
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = vec![Line::from(Span::styled(
        "Query syntax (as fzf)",
        theme.title.add_modifier(Modifier::UNDERLINED),
    ))];
    for (term, meaning) in QUERY_SYNTAX {
        let pad = " ".repeat(key_width.saturating_sub(text::width(term)));
        let meaning = text::truncate(meaning, width.saturating_sub(key_width + 2)).into_owned();
        out.push(Line::from(vec![
            Span::styled(format!("  {term}{pad}"), theme.code),
            Span::raw(meaning),
        ]));
    }
    out
}

/// The report's lines, wrapped to a width (it is already made safe for the terminal).
fn error_lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let Some(banner) = &state.banner else {
        return vec![Line::from(Span::styled("No errors.", theme.dim))];
    };
    banner
        .report
        .lines()
        .flat_map(|l| {
            let style = if l.starts_with("error") {
                theme.strong
            } else {
                theme.base
            };
            paint::wrapped(l, width, style)
        })
        .collect()
}

fn errors_outer(screen: Rect, state: &State) -> Rect {
    let width = content(layout::overlay(screen, ERRORS_WIDTH)).width;
    let count = error_lines(state, usize::from(width)).len();
    layout::overlay_fitting(screen, ERRORS_WIDTH, count, 0)
}

const ERRORS_WIDTH: u16 = 110;

/// How far the error list can scroll at the current size.
pub fn max_errors_scroll(state: &State) -> usize {
    let area = content(errors_outer(
        Rect::new(0, 0, state.width, state.height),
        state,
    ));
    error_lines(state, usize::from(area.width))
        .len()
        .saturating_sub(usize::from(area.height))
}

/// The errors of the last save, as `debate check` shows them.
pub fn draw_errors(buf: &mut Buffer, screen: Rect, state: &State, scroll: usize) {
    let theme = &state.theme;
    let outer = errors_outer(screen, state);
    let title = state
        .banner
        .as_ref()
        .map_or_else(|| "Errors".to_owned(), |b| format!("Errors in {}", b.file));
    paint::frame(buf, outer, &title, theme.warning, theme);
    let area = content(outer);
    let all = error_lines(state, usize::from(area.width));
    let scroll = scroll.min(all.len().saturating_sub(usize::from(area.height)));
    paint::lines(buf, area, &all, scroll);
}

/// The help's box on a screen: as tall as its lines, at most the screen.
fn outer(screen: Rect, state: &State) -> Rect {
    let width = content(layout::overlay(screen, WIDTH)).width;
    let count = lines(
        &state.keymap,
        described(state),
        usize::from(width),
        &state.theme,
    )
    .len();
    layout::overlay_fitting(screen, WIDTH, count, 0)
}

/// How far the help can scroll at the current size.
pub fn max_scroll(state: &State) -> usize {
    let content = content(outer(Rect::new(0, 0, state.width, state.height), state));
    lines(
        &state.keymap,
        described(state),
        usize::from(content.width),
        &state.theme,
    )
    .len()
    .saturating_sub(usize::from(content.height))
}

const WIDTH: u16 = 72;

fn content(outer: Rect) -> Rect {
    let inner = layout::inner(outer);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, scroll: usize) {
    let theme = &state.theme;
    let outer = outer(screen, state);
    let context = described(state);
    let title = format!("Keys · {}", context.title());
    paint::frame(buf, outer, &title, theme.accent, theme);
    let text_area = content(outer);
    let help = lines(&state.keymap, context, usize::from(text_area.width), theme);
    let scroll = scroll.min(help.len().saturating_sub(usize::from(text_area.height)));
    paint::lines(buf, text_area, &help, scroll);
    if help.len() > scroll + usize::from(text_area.height) {
        let key = state
            .keymap
            .key_for(Context::Help, &crate::action::Action::Down);
        let more =
            Line::from(Span::styled(format!(" ↓ {key} for more "), theme.accent)).right_aligned();
        // Drawn on the bottom border, inside its corners.
        let border = Rect {
            x: outer.x + 1,
            y: outer.bottom().saturating_sub(1),
            width: outer.width.saturating_sub(2),
            height: 1,
        };
        paint::line(buf, border, 0, &more);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(context: Context) -> String {
        lines(&Keymap::default(), context, 80, &Theme::dark())
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_finders_help_shows_the_query_syntax_and_its_editing_keys() {
        let search = text_of(Context::Search);
        for needle in [
            "Query syntax",
            "'word",
            "!word",
            "a | b",
            "Ctrl-k",
            "Alt-b",
            "Ctrl-p",
        ] {
            assert!(search.contains(needle), "{needle} missing from:\n{search}");
        }
        assert!(!text_of(Context::Reader).contains("Query syntax"));
    }
}
