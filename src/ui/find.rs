//! How the search in the reader's text shows: every match in reverse video (visible without
//! colour), the current one also bold and underlined; the prompt and "match 3/17" in the status
//! line.

use ratatui::style::{Modifier, Style};

use crate::state::{State, View};

/// The style patched over a match's text.
pub fn match_style(current: bool) -> Style {
    let style = Style::new().add_modifier(Modifier::REVERSED);
    if current {
        style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        style
    }
}

/// The search in the pane on screen, if the reader shows one.
fn find(state: &State) -> Option<&crate::find::Find> {
    (state.view == View::Reader && state.overlay.is_none())
        .then(|| state.reader().find.as_ref())
        .flatten()
}

/// "match 3/17" (or why there is none) while the reader has a pattern.
pub fn position(state: &State) -> Option<String> {
    find(state).map(crate::find::Find::position)
}

/// The prompt while the pattern is typed, as less shows it: "/pattern".
pub fn prompt(state: &State) -> Option<String> {
    find(state)
        .filter(|f| f.editing)
        .map(|f| format!("/{}", crate::text::clean(&f.pattern)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_show_without_colour() {
        for current in [false, true] {
            let s = match_style(current);
            assert!(s.add_modifier.contains(Modifier::REVERSED));
            assert!(s.fg.is_none() && s.bg.is_none());
        }
        assert!(match_style(true).add_modifier.contains(Modifier::BOLD));
    }
}
