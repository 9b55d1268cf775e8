//! The help overlay: every key of the current view, generated from the keymap table, and the
//! list of the last save's errors. Their rows and boxes are laid out by `geometry::overlay`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::paint;
use super::theme::Theme;
use crate::geometry::overlay::{self, HelpRow};
use crate::keymap::{Context, Keymap};
use crate::state::State;

/// The help's lines for a context: its own keys first, then the keys that work everywhere.
pub fn lines(keymap: &Keymap, context: Context, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    overlay::help_rows(keymap, context, width)
        .into_iter()
        .map(|row| match row {
            HelpRow::Blank => Line::default(),
            HelpRow::Heading(title) => Line::from(Span::styled(
                title,
                theme.title.add_modifier(Modifier::UNDERLINED),
            )),
            HelpRow::Key { key, help, action } => {
                let mut spans = vec![Span::styled(key, theme.accent), Span::raw(help)];
                if let Some(action) = action {
                    spans.push(Span::styled(format!("  {action}"), theme.dim));
                }
                Line::from(spans)
            }
            HelpRow::Syntax { term, meaning } => {
                Line::from(vec![Span::styled(term, theme.code), Span::raw(meaning)])
            }
            HelpRow::Rebind => Line::from(Span::styled(overlay::REBIND_HELP, theme.dim)),
            HelpRow::Mouse => Line::from(Span::styled(overlay::MOUSE_HELP, theme.dim)),
        })
        .collect()
}

/// The report's lines, wrapped to a width (it is already made safe for the terminal).
fn error_lines(state: &State, width: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let Some(lines) = overlay::error_lines(state, width) else {
        return vec![Line::from(Span::styled("No errors.", theme.dim))];
    };
    lines
        .into_iter()
        .map(|(first, l)| {
            let style = if first { theme.strong } else { theme.base };
            Line::from(Span::styled(l, style))
        })
        .collect()
}

/// The errors of the last save, as `debate check` shows them.
pub fn draw_errors(buf: &mut Buffer, screen: Rect, state: &State, scroll: usize) {
    let theme = &state.theme;
    let outer = overlay::errors_box(screen, state);
    let title = state
        .banner
        .as_ref()
        .map_or_else(|| "Errors".to_owned(), |b| format!("Errors in {}", b.file));
    paint::frame(buf, outer, &title, theme.warning, theme);
    let area = overlay::text_area(outer);
    let all = error_lines(state, usize::from(area.width));
    let scroll = scroll.min(all.len().saturating_sub(usize::from(area.height)));
    paint::lines(buf, area, &all, scroll);
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, scroll: usize) {
    let theme = &state.theme;
    let outer = overlay::help_box(screen, state);
    let context = overlay::described(state);
    let title = format!("Keys · {}", context.title());
    paint::frame(buf, outer, &title, theme.accent, theme);
    let text_area = overlay::text_area(outer);
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

    #[test]
    fn the_prompts_help_names_no_key_that_types_there() {
        let row = |text: &str, help: &str| {
            text.lines()
                .find(|l| l.contains(help))
                .unwrap_or_else(|| panic!("no {help} row in:\n{text}"))
                .to_owned()
        };
        // In the finder and the reader's `/` prompt, Space and `b` are typed, not paging.
        for context in [Context::Search, Context::Find] {
            let text = text_of(context);
            let down = row(&text, "Page down");
            assert!(down.contains("PgDn") && !down.contains("Space"), "{down}");
            let up = row(&text, "Page up");
            assert!(up.contains("PgUp") && !up.contains(" b "), "{up}");
        }
        let reader = text_of(Context::Reader);
        assert!(row(&reader, "Page down").contains("Space"));
        assert!(row(&reader, "Page up").contains(" b "));
    }
}
