//! Every colour and text style of the interface, by what it marks. Views name a role here
//! (`theme::heading()`), never a colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{self, NamedColor, StanceKind};

pub fn base() -> Style {
    Style::default()
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn muted() -> Style {
    Style::default().fg(Color::Gray)
}

pub fn accent() -> Style {
    Style::default().fg(Color::Cyan)
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn heading(level: u8) -> Style {
    let style = Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD);
    if level <= 1 {
        style.add_modifier(Modifier::UNDERLINED)
    } else {
        style
    }
}

pub fn subtitle() -> Style {
    Style::default().add_modifier(Modifier::ITALIC)
}

pub fn emphasis() -> Style {
    Style::default().add_modifier(Modifier::ITALIC)
}

pub fn strong() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn code() -> Style {
    Style::default().fg(Color::LightYellow)
}

pub fn link() -> Style {
    Style::default()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::UNDERLINED)
}

pub fn note() -> Style {
    Style::default()
        .fg(Color::Gray)
        .add_modifier(Modifier::ITALIC)
}

pub fn border() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn selected_row() -> Style {
    Style::default().bg(Color::Rgb(40, 44, 52))
}

pub fn search_match() -> Style {
    Style::default()
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn bar() -> Style {
    Style::default().bg(Color::Rgb(30, 33, 40)).fg(Color::Gray)
}

pub fn bar_key() -> Style {
    Style::default()
        .bg(Color::Rgb(30, 33, 40))
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn badge() -> Style {
    Style::default()
        .bg(Color::Cyan)
        .fg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

pub fn tab_active() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD)
}

pub fn tab() -> Style {
    Style::default().fg(Color::Gray)
}

pub fn warning() -> Style {
    Style::default()
        .bg(Color::Rgb(92, 60, 0))
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD)
}

pub fn message() -> Style {
    Style::default()
        .bg(Color::Rgb(30, 33, 40))
        .fg(Color::LightYellow)
}

/// The colour of a stance.
pub fn stance_color(kind: Option<StanceKind>) -> Color {
    match kind {
        Some(StanceKind::Supports) => Color::Green,
        Some(StanceKind::Challenges) => Color::LightRed,
        Some(StanceKind::Neutral) => Color::LightBlue,
        None => Color::DarkGray,
    }
}

pub fn stance(kind: Option<StanceKind>) -> Style {
    Style::default().fg(stance_color(kind))
}

/// A one-character mark for a stance, for compact per-framing columns.
pub fn stance_mark(kind: Option<StanceKind>) -> &'static str {
    match kind {
        Some(StanceKind::Supports) => "+",
        Some(StanceKind::Challenges) => "−",
        Some(StanceKind::Neutral) => "•",
        None => "·",
    }
}

pub fn stance_word(kind: Option<StanceKind>) -> &'static str {
    kind.map_or("no stance", StanceKind::as_str)
}

/// A quote in the article text, coloured by its stance under the active framing; the selected
/// claim stands out on the stance's colour.
pub fn quote(kind: Option<StanceKind>, selected: bool) -> Style {
    // A claim this framing does not read stays legible, a shade off the plain text.
    let color = if kind.is_none() {
        Color::Gray
    } else {
        stance_color(kind)
    };
    if selected {
        Style::default().bg(color).fg(Color::Black)
    } else {
        Style::default().fg(color)
    }
}

/// Colours for framings the file gives no colour, in file order.
const PALETTE: [Color; 6] = [
    Color::Yellow,
    Color::Magenta,
    Color::Cyan,
    Color::LightGreen,
    Color::LightBlue,
    Color::LightRed,
];

pub fn framing_color(framing: &model::Framing, index: usize) -> Color {
    match framing.color {
        Some(model::Color::Rgb(r, g, b)) => Color::Rgb(r, g, b),
        Some(model::Color::Named(n)) => named(n),
        None => PALETTE[index % PALETTE.len()],
    }
}

pub fn framing(framing: &model::Framing, index: usize) -> Style {
    Style::default()
        .fg(framing_color(framing, index))
        .add_modifier(Modifier::BOLD)
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
