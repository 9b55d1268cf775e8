//! WCAG contrast of every foreground and background pair a theme draws, measured on the
//! theme's own values against the background it is meant for (ANSI colours at xterm's
//! defaults): 4.5:1 for text that is read (article text, quotes, notes, lists), 3:1 for
//! secondary text and chrome (dim counts, borders, bars), as WCAG AA asks of text and of
//! interface components. A theme without colour has no colour at all.

use ratatui::style::{Color, Modifier, Style};

use super::Theme;
use crate::config::contrast::{AA_BODY_TEXT, color_contrast};
use crate::model::StanceKind;

/// WCAG AA for large text and interface components.
const AA_SECONDARY: f64 = 3.0;

const KINDS: [Option<StanceKind>; 4] = [
    Some(StanceKind::Supports),
    Some(StanceKind::Challenges),
    Some(StanceKind::Neutral),
    None,
];

/// The terminal's own foreground and background the theme is meant for.
struct Terminal {
    fg: Color,
    bg: Color,
}

/// The colours a cell is drawn in: reverse video swaps them.
fn drawn(style: Style, terminal: &Terminal) -> (Color, Color) {
    let fg = style.fg.unwrap_or(terminal.fg);
    let bg = style.bg.unwrap_or(terminal.bg);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// (what, style, minimum) for every pair the views draw.
fn pairs(theme: &Theme) -> Vec<(String, Style, f64)> {
    let body = [
        ("base", theme.base),
        ("muted", theme.muted),
        ("title", theme.title),
        ("heading", theme.heading),
        ("emphasis", theme.emphasis),
        ("strong", theme.strong),
        ("code", theme.code),
        ("link", theme.link),
        ("block quote", theme.block_quote),
        ("note", theme.note),
        ("accent", theme.accent),
        ("search match", theme.search_match),
    ];
    let secondary = [
        ("dim", theme.dim),
        ("border", theme.border),
        ("bar", theme.bar),
        ("bar key", theme.bar_key),
        ("badge", theme.badge),
        ("active tab", theme.tab_active),
        ("tab", theme.tab),
        ("warning", theme.warning),
        ("message", theme.message),
    ];
    let mut out = Vec::new();
    for (name, style) in body {
        out.push((name.to_owned(), style, AA_BODY_TEXT));
    }
    // List rows draw their text over the selection's background.
    let rows = [
        ("base", theme.base),
        ("muted", theme.muted),
        ("strong", theme.strong),
        ("accent", theme.accent),
        ("note", theme.note),
    ];
    for (name, style) in rows {
        out.push((
            format!("{name} on the selection"),
            theme.selected_row.patch(style),
            AA_BODY_TEXT,
        ));
    }
    for kind in KINDS {
        let look = theme.stance_look(kind);
        let name = super::stance_word(kind);
        out.push((format!("{name} quote"), look.quote, AA_BODY_TEXT));
        out.push((
            format!("{name} quote, selected"),
            look.quote_selected,
            AA_BODY_TEXT,
        ));
        out.push((format!("{name} mark"), look.style, AA_SECONDARY));
        out.push((
            format!("{name} mark on the selection"),
            theme.selected_row.patch(look.style),
            AA_SECONDARY,
        ));
    }
    for (name, style) in secondary {
        out.push((name.to_owned(), style, AA_SECONDARY));
    }
    out.push((
        "dim on the selection".to_owned(),
        theme.selected_row.patch(theme.dim),
        AA_SECONDARY,
    ));
    for (i, &color) in theme.framing_palette.iter().enumerate() {
        let name = Style::default().fg(color).add_modifier(Modifier::BOLD);
        out.push((format!("framing {i}"), name, AA_BODY_TEXT));
        out.push((
            format!("framing {i} on the bar"),
            theme.bar.patch(name),
            AA_SECONDARY,
        ));
    }
    out
}

/// The pairs below their minimum, as "what: ratio".
fn failures(theme: &Theme, terminal: &Terminal) -> Vec<String> {
    pairs(theme)
        .into_iter()
        .filter_map(|(name, style, minimum)| {
            let (fg, bg) = drawn(style, terminal);
            let ratio = color_contrast(fg, bg).unwrap_or(0.0);
            (ratio < minimum).then(|| format!("{name}: {ratio:.2} < {minimum}"))
        })
        .collect()
}

const ON_BLACK: Terminal = Terminal {
    fg: Color::Gray,
    bg: Color::Black,
};
const ON_WHITE: Terminal = Terminal {
    fg: Color::Black,
    bg: Color::White,
};

#[test]
fn dark_is_legible_on_a_dark_terminal() {
    let failed = failures(&Theme::dark(), &ON_BLACK);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn light_is_legible_on_a_light_terminal() {
    let failed = failures(&Theme::light(), &ON_WHITE);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn high_contrast_is_legible_on_a_dark_terminal() {
    let failed = failures(&Theme::high_contrast(), &ON_BLACK);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_measure_can_fail() {
    // dark's greys on a white terminal: the reason `light` exists.
    assert!(!failures(&Theme::dark(), &ON_WHITE).is_empty());
}
