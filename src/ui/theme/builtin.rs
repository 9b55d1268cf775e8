//! The themes the reader ships with.

use ratatui::style::{Color, Modifier, Style};

use super::{StanceLook, Theme};

/// The bar's background in `dark`.
const DARK_BAR: Color = Color::Rgb(30, 33, 40);

impl StanceLook {
    /// A stance drawn in `color`; its quote in `quote_color`, inverted (on `ink`) when selected.
    fn colored(color: Color, quote_color: Color, ink: Color, mark: &'static str) -> Self {
        Self {
            color: Some(color),
            style: Style::default().fg(color),
            quote: Style::default().fg(quote_color),
            quote_selected: Style::default().bg(quote_color).fg(ink),
            mark,
        }
    }

    /// A stance without colour: its quote underlined (`quote`), reversed when selected.
    fn attributes(style: Style, quote: Style, mark: &'static str) -> Self {
        Self {
            color: None,
            style,
            quote,
            quote_selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            mark,
        }
    }
}

/// The marks of supports, challenges, neutral and no stance.
const MARKS: [&str; 4] = ["+", "−", "•", "·"];

impl Theme {
    /// Light text on a dark terminal, in the terminal's own palette plus a few fixed greys.
    pub fn dark() -> Self {
        let plain = Style::default();
        Self {
            name: "dark",
            base: plain,
            dim: plain.fg(Color::DarkGray),
            muted: plain.fg(Color::Gray),
            accent: plain.fg(Color::Cyan),
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            subtitle: plain.add_modifier(Modifier::ITALIC),
            emphasis: plain.add_modifier(Modifier::ITALIC),
            strong: plain.add_modifier(Modifier::BOLD),
            code: plain.fg(Color::LightYellow),
            link: plain
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            block_quote: plain.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            note: plain.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            border: plain.fg(Color::DarkGray),
            selected_row: plain.bg(Color::Rgb(40, 44, 52)),
            search_match: plain
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            bar: plain.bg(DARK_BAR).fg(Color::Gray),
            bar_key: plain
                .bg(DARK_BAR)
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            badge: plain
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            tab_active: plain
                .fg(Color::Black)
                .bg(Color::Gray)
                .add_modifier(Modifier::BOLD),
            tab: plain.fg(Color::Gray),
            warning: plain
                .bg(Color::Rgb(92, 60, 0))
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            message: plain.bg(DARK_BAR).fg(Color::LightYellow),
            stances: [
                StanceLook::colored(Color::Green, Color::Green, Color::Black, MARKS[0]),
                StanceLook::colored(Color::LightRed, Color::LightRed, Color::Black, MARKS[1]),
                StanceLook::colored(Color::LightBlue, Color::LightBlue, Color::Black, MARKS[2]),
                // A claim this framing does not read stays legible, a shade off the plain text.
                StanceLook::colored(Color::DarkGray, Color::Gray, Color::Black, MARKS[3]),
            ],
            framing_palette: vec![
                Color::Yellow,
                Color::Magenta,
                Color::Cyan,
                Color::LightGreen,
                Color::LightBlue,
                Color::LightRed,
            ],
            framing_file_colors: true,
        }
    }

    /// No colour at all, for `NO_COLOR` and terminals without it: bold, underline, reverse
    /// and dim carry what colour carries elsewhere (italic where the text itself asks for it).
    pub fn mono() -> Self {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        let quoted = plain.add_modifier(Modifier::UNDERLINED);
        Self {
            name: "mono",
            base: plain,
            dim: plain.add_modifier(Modifier::DIM),
            muted: plain,
            accent: bold,
            title: bold,
            heading: bold,
            subtitle: plain.add_modifier(Modifier::ITALIC),
            emphasis: plain.add_modifier(Modifier::ITALIC),
            strong: bold,
            code: plain,
            link: plain.add_modifier(Modifier::UNDERLINED),
            block_quote: plain.add_modifier(Modifier::ITALIC),
            note: plain.add_modifier(Modifier::ITALIC),
            border: plain.add_modifier(Modifier::DIM),
            selected_row: reversed,
            search_match: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            bar: reversed,
            bar_key: reversed.add_modifier(Modifier::BOLD),
            // On the reversed bar, these stand out by being the only cells that are not.
            badge: bold.remove_modifier(Modifier::REVERSED),
            tab_active: bold.remove_modifier(Modifier::REVERSED),
            tab: reversed,
            warning: reversed.add_modifier(Modifier::BOLD),
            message: reversed.add_modifier(Modifier::BOLD),
            stances: [
                StanceLook::attributes(bold, quoted, MARKS[0]),
                StanceLook::attributes(bold, quoted, MARKS[1]),
                StanceLook::attributes(bold, quoted, MARKS[2]),
                StanceLook::attributes(plain.add_modifier(Modifier::DIM), plain, MARKS[3]),
            ],
            framing_palette: Vec::new(),
            framing_file_colors: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(theme: &Theme) -> Vec<Style> {
        let mut all = vec![
            theme.base,
            theme.dim,
            theme.muted,
            theme.accent,
            theme.title,
            theme.heading,
            theme.subtitle,
            theme.emphasis,
            theme.strong,
            theme.code,
            theme.link,
            theme.block_quote,
            theme.note,
            theme.border,
            theme.selected_row,
            theme.search_match,
            theme.bar,
            theme.bar_key,
            theme.badge,
            theme.tab_active,
            theme.tab,
            theme.warning,
            theme.message,
        ];
        for look in &theme.stances {
            all.extend([look.style, look.quote, look.quote_selected]);
        }
        all
    }

    #[test]
    fn mono_has_no_colour_at_all() {
        let mono = Theme::mono();
        for style in styles(&mono) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(mono.stances.iter().all(|s| s.color.is_none()));
        assert!(mono.framing_palette.is_empty());
    }

    #[test]
    fn dark_has_colour() {
        let dark = Theme::dark();
        assert!(styles(&dark).iter().any(|s| s.fg.is_some()));
    }

    #[test]
    fn every_stance_has_its_own_mark() {
        for theme in [Theme::dark(), Theme::mono()] {
            let mut marks: Vec<_> = theme.stances.iter().map(|s| s.mark).collect();
            marks.sort_unstable();
            marks.dedup();
            assert_eq!(marks.len(), 4, "{}", theme.name);
        }
    }

    #[test]
    fn a_selected_quote_differs_from_an_unselected_one_without_colour() {
        let mono = Theme::mono();
        for look in &mono.stances {
            assert_ne!(look.quote.add_modifier, look.quote_selected.add_modifier);
        }
    }
}
