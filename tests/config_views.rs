//! Every view in the `mono` and `light` themes at 80x24, as snapshots of text and style runs;
//! in `mono` (what `NO_COLOR` gets), no cell has a colour, yet every view still shows its
//! stances by their marks and its selection by reverse video.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::sync::Arc;

use debate::cli::{RenderArgs, RenderFormat, RenderView, render_state};
use debate::model::Debate;
use debate::screen;
use debate::state::State;
use debate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

const SIZE: (u16, u16) = (80, 24);

/// (name, view, query, claim) of every view, each with something selected.
const VIEWS: [(&str, RenderView, &str, Option<&str>); 7] = [
    ("reader", RenderView::Reader, "", Some("deepseek-outlier")),
    ("claims", RenderView::Claims, "", None),
    ("debate", RenderView::Debate, "", None),
    ("compare", RenderView::Compare, "", None),
    ("search", RenderView::Search, "state support", None),
    ("help", RenderView::Help, "", None),
    ("detail", RenderView::Detail, "", Some("deepseek-outlier")),
];

fn state(view: RenderView, query: &str, claim: Option<&str>, theme: Theme) -> State {
    let args = RenderArgs {
        view,
        article: None,
        framing: None,
        query: query.into(),
        claim: claim.map(Into::into),
        size: SIZE,
        format: RenderFormat::Text,
        file: None,
    };
    let mut state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
    state.theme = Arc::new(theme);
    state
}

/// A style in a few characters: `fg:…` and `bg:…` when set, then b(old) d(im) i(talic)
/// u(nderline) r(everse).
fn describe(style: Style) -> String {
    let mut out = String::new();
    let colour = |c: Color| match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => format!("{other:?}"),
    };
    if let Some(fg) = style.fg.filter(|&c| c != Color::Reset) {
        let _ = write!(out, "fg:{} ", colour(fg));
    }
    if let Some(bg) = style.bg.filter(|&c| c != Color::Reset) {
        let _ = write!(out, "bg:{} ", colour(bg));
    }
    for (flag, letter) in [
        (Modifier::BOLD, 'b'),
        (Modifier::DIM, 'd'),
        (Modifier::ITALIC, 'i'),
        (Modifier::UNDERLINED, 'u'),
        (Modifier::REVERSED, 'r'),
    ] {
        if style.add_modifier.contains(flag) {
            out.push(letter);
        }
    }
    out.trim_end().to_owned()
}

/// The screen row by row, each change of style marked `«style»` before the text it starts.
fn styled(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut current = String::new();
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let style = describe(cell.style());
            if style != current {
                let _ = write!(out, "«{style}»");
                current = style;
            }
            out.push_str(cell.symbol());
        }
        out.push('\n');
    }
    out
}

fn cells(buf: &Buffer) -> impl Iterator<Item = &ratatui::buffer::Cell> {
    buf.content.iter()
}

#[test]
fn every_view_in_mono() {
    for (name, view, query, claim) in VIEWS {
        let state = state(view, query, claim, Theme::mono());
        let buf = screen::draw(&state, SIZE.0, SIZE.1);
        for cell in cells(&buf) {
            assert!(
                cell.fg == Color::Reset && cell.bg == Color::Reset,
                "{name}: a coloured cell {:?} at {:?}",
                cell.style(),
                cell.symbol()
            );
        }
        insta::assert_snapshot!(format!("mono_{name}"), styled(&buf));
    }
}

#[test]
fn every_view_in_light() {
    for (name, view, query, claim) in VIEWS {
        let state = state(view, query, claim, Theme::light());
        let buf = screen::draw(&state, SIZE.0, SIZE.1);
        insta::assert_snapshot!(format!("light_{name}"), styled(&buf));
    }
}

/// Whether the screen shows a cell in reverse video.
fn has_reversed(buf: &Buffer) -> bool {
    cells(buf).any(|c| c.modifier.contains(Modifier::REVERSED))
}

#[test]
fn without_colour_stances_show_by_mark_and_the_selection_by_reverse_video() {
    let marks = ["+", "−", "•"];
    for (name, view, query, claim) in VIEWS {
        if view == RenderView::Help {
            continue;
        }
        let state = state(view, query, claim, Theme::mono());
        let buf = screen::draw(&state, SIZE.0, SIZE.1);
        let text = screen::to_text(&buf);
        // The finder's hits have no stance; its preview shows one under "Readings", below.
        if view != RenderView::Search {
            assert!(
                marks.iter().any(|m| text.contains(&format!("{m} "))),
                "{name}: no stance mark\n{text}"
            );
        }
        assert!(
            has_reversed(&buf),
            "{name}: the selection is not marked\n{text}"
        );
    }
    // The marks in the reader's gutter are the stances of the quotes beside them: the legend
    // says which mark is which.
    let reader = state(RenderView::Reader, "", None, Theme::mono());
    let text = screen::to_text(&screen::draw(&reader, SIZE.0, SIZE.1));
    assert!(text.contains("+ supports · − challenges · • neutral · · no stance"));
}

#[test]
fn the_check_can_fail() {
    // dark has colour: the mono check above would catch a coloured cell.
    let state = state(RenderView::Reader, "", None, Theme::dark());
    let buf = screen::draw(&state, SIZE.0, SIZE.1);
    assert!(cells(&buf).any(|c| c.fg != Color::Reset || c.bg != Color::Reset));
}
