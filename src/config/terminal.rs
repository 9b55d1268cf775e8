//! What the terminal can show, as pure functions of the environment: whether colour is wanted
//! at all (`NO_COLOR`), how many colours (`TERM`, `COLORTERM`), whether a full screen works at all
//! (`TERM=dumb`); and every colour brought down to what the terminal can show.

use std::ffi::OsStr;

use ratatui::style::{Color, Style};

use super::palette;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    /// No colour: `NO_COLOR` is set. Attributes (bold, reverse, underline) still work.
    None,
    /// The sixteen ANSI colours.
    Ansi16,
    /// The 256-colour palette.
    Indexed256,
    /// 24-bit colour.
    TrueColor,
}

/// The environment variables that decide, as read (each `None` when unset).
#[derive(Debug, Clone, Copy, Default)]
pub struct TerminalEnv<'a> {
    pub no_color: Option<&'a OsStr>,
    pub term: Option<&'a OsStr>,
    pub colorterm: Option<&'a OsStr>,
}

/// What the reader may do with the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// `false` for `TERM=dumb`: no cursor movement, so no full-screen interface.
    pub full_screen: bool,
    pub depth: ColorDepth,
}

/// no-color.org: colour is off when `NO_COLOR` is present and not empty.
pub fn no_color(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// Whether `TERM` names a terminal that cannot take a full-screen interface.
pub fn is_dumb(term: Option<&OsStr>) -> bool {
    term.is_some_and(|t| t == "dumb")
}

/// The colour depth the environment asks for: 24-bit only when `COLORTERM` says so, 256 when
/// `TERM` does, the sixteen ANSI colours otherwise; none when `NO_COLOR` is set.
pub fn color_depth(env: TerminalEnv<'_>) -> ColorDepth {
    let lossy = |v: Option<&OsStr>| v.map(|v| v.to_string_lossy().to_ascii_lowercase());
    if no_color(env.no_color) {
        ColorDepth::None
    } else if lossy(env.colorterm).is_some_and(|c| c == "truecolor" || c == "24bit") {
        ColorDepth::TrueColor
    } else if lossy(env.term).is_some_and(|t| t.contains("256color")) {
        ColorDepth::Indexed256
    } else {
        ColorDepth::Ansi16
    }
}

/// Capabilities from the given environment.
pub fn capabilities(env: TerminalEnv<'_>) -> Capabilities {
    Capabilities {
        full_screen: !is_dumb(env.term),
        depth: color_depth(env),
    }
}

/// Capabilities from this process's environment.
pub fn capabilities_from_env() -> Capabilities {
    let no_color = std::env::var_os("NO_COLOR");
    let term = std::env::var_os("TERM");
    let colorterm = std::env::var_os("COLORTERM");
    capabilities(TerminalEnv {
        no_color: no_color.as_deref(),
        term: term.as_deref(),
        colorterm: colorterm.as_deref(),
    })
}

/// A colour the terminal can show at `depth`: the nearest of the 256-colour palette or of the
/// sixteen ANSI colours, or the terminal's default when there is no colour. `Reset` and colours
/// already within the depth are kept.
pub fn downsample(color: Color, depth: ColorDepth) -> Color {
    match (depth, color) {
        (_, Color::Reset) | (ColorDepth::TrueColor, _) => color,
        (ColorDepth::None, _) => Color::Reset,
        (ColorDepth::Indexed256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256((r, g, b))),
        (ColorDepth::Indexed256, _) => color,
        (ColorDepth::Ansi16, Color::Indexed(i)) if i < 16 => palette::ansi_color(i),
        (ColorDepth::Ansi16, Color::Indexed(i)) => nearest_ansi(palette::indexed_rgb(i)),
        (ColorDepth::Ansi16, Color::Rgb(r, g, b)) => nearest_ansi((r, g, b)),
        (ColorDepth::Ansi16, named) => named,
    }
}

/// A style with each of its colours downsampled; attributes are kept, so that what colour
/// would have marked is still marked when colour is off.
pub fn downsample_style(style: Style, depth: ColorDepth) -> Style {
    let map = |c: Option<Color>| c.map(|c| downsample(c, depth));
    Style {
        fg: map(style.fg),
        bg: map(style.bg),
        underline_color: map(style.underline_color),
        ..style
    }
}

/// Squared distance of two colours, weighted for the eye ("redmean"): a cheap approximation
/// of perceived difference that picks better neighbours than plain RGB distance.
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> i64 {
    let (r1, g1, b1) = (i64::from(a.0), i64::from(a.1), i64::from(a.2));
    let (r2, g2, b2) = (i64::from(b.0), i64::from(b.1), i64::from(b.2));
    let mean_red = i64::midpoint(r1, r2);
    let (dr, dg, db) = (r1 - r2, g1 - g2, b1 - b2);
    (((512 + mean_red) * dr * dr) >> 8) + 4 * dg * dg + (((767 - mean_red) * db * db) >> 8)
}

/// The nearest colour of the 6×6×6 cube and the grey ramp (indices 16–255). The first sixteen
/// are left out: their values are the user's theme, not known here.
fn nearest_256(rgb: (u8, u8, u8)) -> u8 {
    (16..=255)
        .min_by_key(|&i| distance(rgb, palette::indexed_rgb(i)))
        .unwrap_or(16)
}

/// The nearest of the sixteen ANSI colours, at xterm's default values.
fn nearest_ansi(rgb: (u8, u8, u8)) -> Color {
    let index = (0..16)
        .min_by_key(|&i| distance(rgb, palette::indexed_rgb(i)))
        .unwrap_or(0);
    palette::ansi_color(index)
}

#[cfg(test)]
mod tests {
    use ratatui::style::Modifier;

    use super::*;

    fn env<'a>(
        no_color: Option<&'a str>,
        term: Option<&'a str>,
        colorterm: Option<&'a str>,
    ) -> TerminalEnv<'a> {
        TerminalEnv {
            no_color: no_color.map(OsStr::new),
            term: term.map(OsStr::new),
            colorterm: colorterm.map(OsStr::new),
        }
    }

    #[test]
    fn no_color_means_present_and_not_empty() {
        assert!(!no_color(None));
        assert!(!no_color(Some(OsStr::new(""))));
        assert!(no_color(Some(OsStr::new("1"))));
        assert!(
            no_color(Some(OsStr::new("0"))),
            "any non-empty value counts"
        );
        let depth = color_depth(env(Some("1"), Some("xterm-256color"), Some("truecolor")));
        assert_eq!(depth, ColorDepth::None);
        let depth = color_depth(env(Some(""), Some("xterm-256color"), None));
        assert_eq!(depth, ColorDepth::Indexed256);
    }

    #[test]
    fn depth_follows_term_and_colorterm() {
        let depth = |t, c| color_depth(env(None, t, c));
        assert_eq!(
            depth(Some("xterm-256color"), Some("truecolor")),
            ColorDepth::TrueColor
        );
        assert_eq!(depth(Some("xterm"), Some("24bit")), ColorDepth::TrueColor);
        assert_eq!(
            depth(Some("xterm-256color"), Some("yes")),
            ColorDepth::Indexed256
        );
        assert_eq!(depth(Some("screen-256color"), None), ColorDepth::Indexed256);
        assert_eq!(depth(Some("xterm"), None), ColorDepth::Ansi16);
        assert_eq!(depth(Some("linux"), None), ColorDepth::Ansi16);
        assert_eq!(depth(None, None), ColorDepth::Ansi16);
    }

    #[test]
    fn dumb_terminals_get_no_screen() {
        assert!(!capabilities(env(None, Some("dumb"), None)).full_screen);
        assert!(capabilities(env(None, Some("xterm"), None)).full_screen);
        assert!(capabilities(env(None, None, None)).full_screen);
    }

    #[test]
    fn rgb_to_256_takes_the_nearest_cube_or_grey() {
        let to256 = |r, g, b| downsample(Color::Rgb(r, g, b), ColorDepth::Indexed256);
        assert_eq!(to256(255, 0, 0), Color::Indexed(196));
        assert_eq!(to256(0, 0, 0), Color::Indexed(16));
        assert_eq!(to256(250, 250, 250), Color::Indexed(231));
        // A dark grey is nearer a step of the ramp than any cube colour.
        assert_eq!(to256(40, 40, 40), Color::Indexed(235));
        // The selection colour, charcoal, stays a dark grey.
        let Color::Indexed(i) = to256(40, 44, 52) else {
            unreachable!()
        };
        let (r, g, b) = palette::indexed_rgb(i);
        assert!(r < 70 && g < 70 && b < 80, "{i}: {r},{g},{b}");
    }

    #[test]
    fn rgb_and_indexed_to_16() {
        let to16 = |c| downsample(c, ColorDepth::Ansi16);
        assert_eq!(to16(Color::Rgb(250, 10, 10)), Color::LightRed);
        assert_eq!(to16(Color::Rgb(180, 0, 0)), Color::Red);
        assert_eq!(to16(Color::Rgb(0, 0, 0)), Color::Black);
        assert_eq!(to16(Color::Rgb(255, 255, 255)), Color::White);
        assert_eq!(to16(Color::Rgb(30, 33, 40)), Color::Black);
        assert_eq!(to16(Color::Rgb(128, 128, 128)), Color::DarkGray);
        assert_eq!(to16(Color::Indexed(1)), Color::Red);
        assert_eq!(to16(Color::Indexed(46)), Color::LightGreen);
        assert_eq!(to16(Color::Cyan), Color::Cyan);
    }

    #[test]
    fn no_colour_keeps_attributes() {
        let style = Style::default()
            .fg(Color::Rgb(1, 2, 3))
            .bg(Color::Cyan)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let plain = downsample_style(style, ColorDepth::None);
        assert_eq!(plain.fg, Some(Color::Reset));
        assert_eq!(plain.bg, Some(Color::Reset));
        assert_eq!(plain.add_modifier, Modifier::REVERSED | Modifier::BOLD);
        assert_eq!(
            downsample_style(Style::default(), ColorDepth::None),
            Style::default()
        );
    }

    #[test]
    fn full_depth_changes_nothing() {
        for c in [
            Color::Rgb(1, 2, 3),
            Color::Indexed(200),
            Color::LightBlue,
            Color::Reset,
        ] {
            assert_eq!(downsample(c, ColorDepth::TrueColor), c);
        }
        assert_eq!(
            downsample(Color::Indexed(200), ColorDepth::Indexed256),
            Color::Indexed(200)
        );
    }
}
