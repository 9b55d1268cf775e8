//! The themes the reader ships with.

use ratatui::style::{Color, Modifier, Style};

use super::{StanceLook, Theme};
use crate::config::terminal::ColorDepth;

/// The bar's background in `dark`.
const DARK_BAR: Color = Color::Rgb(30, 33, 40);
/// A blue that reads on black: the ANSI light blue is 4.4:1 at xterm's defaults.
/// The bars of `high-contrast`: apart from the black screen, dark enough for bright text.
const HIGH_CONTRAST_BAR: Color = Color::Rgb(48, 48, 48);
const NEUTRAL_BLUE: Color = Color::Indexed(111);

impl StanceLook {
    /// A stance drawn in `color`; its quote in `quote_color`, inverted (on `ink`) and bold when
    /// selected, so that the selection shows by more than its colour.
    fn colored(color: Color, quote_color: Color, ink: Color, mark: &'static str) -> Self {
        Self {
            color: Some(color),
            style: Style::default().fg(color),
            quote: Style::default().fg(quote_color),
            quote_selected: Style::default()
                .bg(quote_color)
                .fg(ink)
                .add_modifier(Modifier::BOLD),
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
            link: plain.fg(NEUTRAL_BLUE).add_modifier(Modifier::UNDERLINED),
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
                StanceLook::colored(NEUTRAL_BLUE, NEUTRAL_BLUE, Color::Black, MARKS[2]),
                // A claim this framing does not read stays legible, a shade off the plain text.
                StanceLook::colored(Color::DarkGray, Color::Gray, Color::Black, MARKS[3]),
            ],
            framing_palette: vec![
                Color::Yellow,
                Color::LightMagenta,
                Color::Cyan,
                Color::LightGreen,
                NEUTRAL_BLUE,
                Color::LightRed,
            ],
            framing_file_colors: true,
            depth: ColorDepth::TrueColor,
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
            // Italic as well: a claim's quote is underlined too, and a link inside one must
            // still show.
            link: plain.add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
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
                // Underlined like the others: where a quote starts and ends must show
                // without colour whatever its stance; the gutter's mark tells which.
                StanceLook::attributes(plain.add_modifier(Modifier::DIM), quoted, MARKS[3]),
            ],
            framing_palette: Vec::new(),
            framing_file_colors: false,
            depth: ColorDepth::TrueColor,
        }
    }

    /// Dark text on a light terminal. Colours are given exactly (they are brought down to the
    /// terminal's depth at start-up) and each keeps 4.5:1 against white, as text must.
    pub fn light() -> Self {
        let plain = Style::default();
        let bar = Color::Rgb(226, 230, 236);
        let ink = Color::White;
        Self {
            name: "light",
            base: plain,
            dim: plain.fg(Color::Rgb(96, 96, 96)),
            muted: plain.fg(Color::Rgb(64, 64, 64)),
            accent: plain.fg(Color::Rgb(0, 95, 135)),
            title: plain.add_modifier(Modifier::BOLD),
            heading: plain
                .fg(Color::Rgb(0, 85, 125))
                .add_modifier(Modifier::BOLD),
            subtitle: plain.add_modifier(Modifier::ITALIC),
            emphasis: plain.add_modifier(Modifier::ITALIC),
            strong: plain.add_modifier(Modifier::BOLD),
            code: plain.fg(Color::Rgb(135, 75, 0)),
            link: plain
                .fg(Color::Rgb(0, 70, 160))
                .add_modifier(Modifier::UNDERLINED),
            block_quote: plain
                .fg(Color::Rgb(64, 64, 64))
                .add_modifier(Modifier::ITALIC),
            note: plain
                .fg(Color::Rgb(72, 72, 72))
                .add_modifier(Modifier::ITALIC),
            border: plain.fg(Color::Rgb(140, 140, 140)),
            selected_row: plain.bg(Color::Rgb(214, 226, 242)),
            search_match: plain
                .fg(Color::Rgb(150, 60, 0))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            bar: plain.bg(bar).fg(Color::Rgb(48, 48, 48)),
            bar_key: plain
                .bg(bar)
                .fg(Color::Rgb(0, 85, 125))
                .add_modifier(Modifier::BOLD),
            badge: plain
                .bg(Color::Rgb(0, 95, 135))
                .fg(ink)
                .add_modifier(Modifier::BOLD),
            tab_active: plain
                .fg(ink)
                .bg(Color::Rgb(64, 64, 64))
                .add_modifier(Modifier::BOLD),
            tab: plain.fg(Color::Rgb(64, 64, 64)),
            warning: plain
                .bg(Color::Rgb(255, 228, 170))
                .fg(Color::Rgb(100, 45, 0))
                .add_modifier(Modifier::BOLD),
            message: plain.bg(bar).fg(Color::Rgb(120, 55, 0)),
            stances: [
                StanceLook::colored(Color::Rgb(0, 120, 0), Color::Rgb(0, 120, 0), ink, MARKS[0]),
                StanceLook::colored(Color::Rgb(180, 0, 0), Color::Rgb(180, 0, 0), ink, MARKS[1]),
                StanceLook::colored(
                    Color::Rgb(0, 80, 170),
                    Color::Rgb(0, 80, 170),
                    ink,
                    MARKS[2],
                ),
                StanceLook::colored(
                    Color::Rgb(100, 100, 100),
                    Color::Rgb(80, 80, 80),
                    ink,
                    MARKS[3],
                ),
            ],
            framing_palette: vec![
                Color::Rgb(130, 90, 0),
                Color::Rgb(140, 0, 140),
                Color::Rgb(0, 110, 140),
                Color::Rgb(0, 120, 60),
                Color::Rgb(40, 70, 190),
                Color::Rgb(180, 30, 30),
            ],
            // A debate file's colours are chosen for dark terminals ("yellow"): unreadable here.
            framing_file_colors: false,
            depth: ColorDepth::TrueColor,
        }
    }

    /// The most contrast a dark terminal gives: bright colours on black, bold where `dark` is
    /// grey, and the selection in reverse video.
    pub fn high_contrast() -> Self {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let white = Color::White;
        let yellow = Color::Rgb(255, 255, 0);
        let cyan = Color::Rgb(0, 255, 255);
        let bright = |color: Color, mark: &'static str| StanceLook {
            color: Some(color),
            style: bold.fg(color),
            quote: bold.fg(color),
            quote_selected: bold.bg(color).fg(Color::Black),
            mark,
        };
        Self {
            name: "high-contrast",
            base: plain.fg(white),
            dim: plain.fg(Color::Rgb(200, 200, 200)),
            muted: plain.fg(white),
            accent: bold.fg(cyan),
            title: bold.fg(white),
            heading: bold.fg(cyan),
            subtitle: plain.fg(white).add_modifier(Modifier::ITALIC),
            emphasis: plain.add_modifier(Modifier::ITALIC),
            strong: bold,
            code: plain.fg(yellow),
            link: plain.fg(cyan).add_modifier(Modifier::UNDERLINED),
            block_quote: plain.fg(white).add_modifier(Modifier::ITALIC),
            note: plain.fg(white).add_modifier(Modifier::ITALIC),
            border: plain.fg(Color::Rgb(200, 200, 200)),
            selected_row: reversed,
            search_match: bold.fg(yellow).add_modifier(Modifier::UNDERLINED),
            bar: plain.bg(HIGH_CONTRAST_BAR).fg(white),
            bar_key: bold.bg(HIGH_CONTRAST_BAR).fg(cyan),
            badge: bold.bg(cyan).fg(Color::Black),
            tab_active: bold.bg(white).fg(Color::Black),
            tab: plain.fg(white),
            warning: bold.bg(yellow).fg(Color::Black),
            message: bold.bg(HIGH_CONTRAST_BAR).fg(yellow),
            stances: [
                bright(Color::Rgb(0, 255, 0), MARKS[0]),
                bright(Color::Rgb(255, 110, 110), MARKS[1]),
                bright(cyan, MARKS[2]),
                // Grey and underlined: the body text is white, and a quote must stand
                // apart from it even when no framing reads it.
                StanceLook {
                    color: Some(Color::Rgb(200, 200, 200)),
                    style: plain.fg(Color::Rgb(200, 200, 200)),
                    quote: plain
                        .fg(Color::Rgb(200, 200, 200))
                        .add_modifier(Modifier::UNDERLINED),
                    quote_selected: bold.bg(white).fg(Color::Black),
                    mark: MARKS[3],
                },
            ],
            framing_palette: vec![
                yellow,
                Color::Rgb(255, 120, 255),
                cyan,
                Color::Rgb(120, 255, 120),
                Color::Rgb(140, 170, 255),
                Color::Rgb(255, 130, 130),
            ],
            framing_file_colors: false,
            depth: ColorDepth::TrueColor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(theme: &Theme) -> Vec<Style> {
        let mut all = theme.styles().to_vec();
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
    fn every_quote_stands_apart_from_the_body_text() {
        for theme in [
            Theme::dark(),
            Theme::light(),
            Theme::high_contrast(),
            Theme::mono(),
        ] {
            for (i, look) in theme.stances.iter().enumerate() {
                assert_ne!(look.quote, theme.base, "{} stance {i}", theme.name);
            }
        }
        // Without colour, by an attribute the body text does not have.
        for look in &Theme::mono().stances {
            assert!(look.quote.add_modifier.contains(Modifier::UNDERLINED));
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
