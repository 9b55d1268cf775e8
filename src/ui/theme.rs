//! Every colour and text style of the interface, by what it marks, as one value. Views name a
//! role of the state's theme (`state.theme.heading(1)`, `theme.dim`), never a colour, so a
//! theme without colour (`mono`) or with other colours (`light`) changes every view at once.

mod builtin;

use ratatui::style::{Color, Modifier, Style};

use crate::model::{self, NamedColor, StanceKind};

/// How one stance looks: in the margin and lists (`style`), on the quote in the text, and on
/// the quote of the selected claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceLook {
    /// The stance's own colour, when the theme has colour.
    pub color: Option<Color>,
    /// Stance words, marks and counts.
    pub style: Style,
    /// A quote in the article text.
    pub quote: Style,
    /// The quote of the selected claim: it must stand out by more than its colour.
    pub quote_selected: Style,
    /// A one-character mark, for compact per-framing columns and beside quotes.
    pub mark: &'static str,
}

/// The styles of the interface. Each field is a role; stances and framings, which depend on
/// what they mark, are asked through methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// The theme's name, as a config names it.
    pub name: &'static str,
    pub base: Style,
    pub dim: Style,
    pub muted: Style,
    pub accent: Style,
    pub title: Style,
    /// Article headings of level 2 and below; level 1 adds an underline.
    pub heading: Style,
    pub subtitle: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub link: Style,
    /// Quoted passages (block quotes) in articles.
    pub block_quote: Style,
    /// Stance notes and theses.
    pub note: Style,
    pub border: Style,
    pub selected_row: Style,
    pub search_match: Style,
    pub bar: Style,
    pub bar_key: Style,
    pub badge: Style,
    pub tab_active: Style,
    pub tab: Style,
    pub warning: Style,
    pub message: Style,
    /// Supports, challenges, neutral, no stance, in that order (see [`slot`]).
    pub stances: [StanceLook; 4],
    /// Colours for framings the file gives no colour, in file order; empty: no colour.
    pub framing_palette: Vec<Color>,
    /// Whether a framing's colour from the debate file is used.
    pub framing_file_colors: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self::dark()
    }
}

/// Where a stance's look sits in [`Theme::stances`].
fn slot(kind: Option<StanceKind>) -> usize {
    match kind {
        Some(StanceKind::Supports) => 0,
        Some(StanceKind::Challenges) => 1,
        Some(StanceKind::Neutral) => 2,
        None => 3,
    }
}

impl Theme {
    /// The look of a stance.
    pub fn stance_look(&self, kind: Option<StanceKind>) -> &StanceLook {
        &self.stances[slot(kind)]
    }

    /// A heading of `level` (1 is the largest).
    pub fn heading(&self, level: u8) -> Style {
        if level <= 1 {
            self.heading.add_modifier(Modifier::UNDERLINED)
        } else {
            self.heading
        }
    }

    /// Stance words, marks and counts.
    pub fn stance(&self, kind: Option<StanceKind>) -> Style {
        self.stance_look(kind).style
    }

    /// A one-character mark for a stance.
    pub fn stance_mark(&self, kind: Option<StanceKind>) -> &'static str {
        self.stance_look(kind).mark
    }

    /// A quote in the article text, by its stance under the active framing; the selected
    /// claim stands out.
    pub fn quote(&self, kind: Option<StanceKind>, selected: bool) -> Style {
        let look = self.stance_look(kind);
        if selected {
            look.quote_selected
        } else {
            look.quote
        }
    }

    /// The colour of a framing: the file's, else the theme's palette by position; `None` in
    /// a theme without colour.
    pub fn framing_color(&self, framing: &model::Framing, index: usize) -> Option<Color> {
        match framing.color {
            Some(color) if self.framing_file_colors => Some(match color {
                model::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
                model::Color::Named(n) => named(n),
            }),
            _ if self.framing_palette.is_empty() => None,
            _ => Some(self.framing_palette[index % self.framing_palette.len()]),
        }
    }

    /// A framing's name.
    pub fn framing(&self, framing: &model::Framing, index: usize) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        match self.framing_color(framing, index) {
            Some(color) => style.fg(color),
            None => style,
        }
    }
}

/// A stance in words.
pub fn stance_word(kind: Option<StanceKind>) -> &'static str {
    kind.map_or("no stance", StanceKind::as_str)
}

fn named(n: NamedColor) -> Color {
    match n {
        NamedColor::Black => Color::Black,
        NamedColor::Red => Color::Red,
        NamedColor::Green => Color::Green,
        NamedColor::Yellow => Color::Yellow,
        NamedColor::Blue => Color::Blue,
        NamedColor::Magenta => Color::Magenta,
        NamedColor::Cyan => Color::Cyan,
        NamedColor::Gray => Color::Gray,
        NamedColor::DarkGray => Color::DarkGray,
        NamedColor::LightRed => Color::LightRed,
        NamedColor::LightGreen => Color::LightGreen,
        NamedColor::LightYellow => Color::LightYellow,
        NamedColor::LightBlue => Color::LightBlue,
        NamedColor::LightMagenta => Color::LightMagenta,
        NamedColor::LightCyan => Color::LightCyan,
        NamedColor::White => Color::White,
    }
}
