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
    assert!(text.contains("+ supports  − challenges  • neutral  · no stance"));
}

#[test]
fn the_check_can_fail() {
    // dark has colour: the mono check above would catch a coloured cell.
    let state = state(RenderView::Reader, "", None, Theme::dark());
    let buf = screen::draw(&state, SIZE.0, SIZE.1);
    assert!(cells(&buf).any(|c| c.fg != Color::Reset || c.bg != Color::Reset));
}

/// The reader on `article` under `framing`, in `theme`, at `size`.
fn reader_at(article: &str, framing: &str, theme: Theme, size: (u16, u16)) -> (Buffer, String) {
    let args = RenderArgs {
        view: RenderView::Reader,
        article: Some(article.into()),
        framing: Some(framing.into()),
        query: String::new(),
        claim: None,
        size,
        format: RenderFormat::Text,
        file: None,
    };
    let mut state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
    state.theme = Arc::new(theme);
    let buf = screen::draw(&state, size.0, size.1);
    let text = screen::to_text(&buf);
    (buf, text)
}

/// The row of the screen whose text contains `needle`, and the column `needle` starts at.
fn find(buf: &Buffer, text: &str, needle: &str) -> (u16, u16) {
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("no {needle:?} on screen:\n{text}"));
    let y = u16::try_from(y).unwrap();
    let x = (0..buf.area.width)
        .find(|&x| {
            let rest: String = (x..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect();
            rest.starts_with(needle)
        })
        .unwrap_or_else(|| panic!("{needle:?} not in {line:?}"));
    (y, x)
}

#[test]
fn without_colour_a_quote_of_no_stance_still_shows_where_it_is() {
    // Under "Stages of one progression", Durov's praise is read by no stance.
    let (buf, text) = reader_at(
        "plot-twist",
        "sequential-progression",
        Theme::mono(),
        (80, 24),
    );
    // The quote starts at "Telegram": the sentence before it is the article's own.
    let (y, x) = find(&buf, &text, "Global figures are paying attention.");
    assert_eq!(
        buf[(x - 2, y)].symbol(),
        "·",
        "the gutter says no stance\n{text}"
    );
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (y, x) = find(&buf, &text, "Telegram founder");
    for dx in 0..8 {
        assert!(
            buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "the quote's text is marked\n{}",
            styled(&buf)
        );
    }
}

#[test]
fn the_gutter_shows_every_stance_on_a_line_in_order() {
    // Under "Technology transfer": the mixed record supports, DeepSeek's rethink challenges,
    // and the education question is neutral; two quotes share each of these lines.
    let (buf, text) = reader_at("plot-twist", "tech-transfer", Theme::mono(), (80, 24));
    for (line, marks) in [
        ("its track record has been mixed", "+−"),
        ("to reconsider China’s tech ecosystem", "−•"),
    ] {
        let (y, x) = find(&buf, &text, line);
        let gutter: String = (0..x).map(|x| buf[(x, y)].symbol().to_owned()).collect();
        assert_eq!(gutter.trim(), marks, "{line}\n{text}");
    }
    // With room, the marks keep a space before the text.
    let (buf, text) = reader_at("plot-twist", "tech-transfer", Theme::mono(), (200, 50));
    let (y, x) = find(&buf, &text, "been mixed, the New York Times");
    let gutter: String = (x - 3..x)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(gutter, "+− ", "{text}");
}

#[test]
fn the_legend_names_every_stance_at_any_width() {
    let words =
        |line: &str| ["+ ", "− ", "• "].iter().all(|m| line.contains(m)) && line.contains("· no");
    // 80 columns: the framing's whole name, and every stance with its word.
    let (_, text) = reader_at(
        "plot-twist",
        "sequential-progression",
        Theme::mono(),
        (80, 24),
    );
    let legend = text
        .lines()
        .find(|l| l.contains("Stages of one progression: "))
        .unwrap();
    assert!(words(legend) && legend.contains("no stance"), "{legend}");
    // A 40-column reading column: shorter words, every stance still there.
    let (_, text) = reader_at(
        "plot-twist",
        "sequential-progression",
        Theme::mono(),
        (44, 24),
    );
    let legend = text
        .lines()
        .find(|l| l.contains("+ pro"))
        .unwrap_or_else(|| {
            panic!("no legend:\n{text}");
        });
    assert!(
        legend.contains("Stages of…: + pro − con • neutral · none"),
        "{legend}"
    );
}

/// The side-by-side view in `theme` at `size`, with its first row selected.
fn compare_at(theme: Theme, size: (u16, u16)) -> Buffer {
    let args = RenderArgs {
        view: RenderView::Compare,
        article: None,
        framing: None,
        query: String::new(),
        claim: None,
        size,
        format: RenderFormat::Text,
        file: None,
    };
    let mut state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
    state.theme = Arc::new(theme);
    screen::draw(&state, size.0, size.1)
}

#[test]
fn without_colour_the_selected_side_by_side_row_is_reversed_whole() {
    for size in [(80, 24), (120, 40), (200, 50)] {
        let buf = compare_at(Theme::mono(), size);
        let text = screen::to_text(&buf);
        let rows: Vec<&str> = text.lines().collect();
        let first = rows.iter().position(|l| l.starts_with("▸")).unwrap();
        let last = first
            + rows[first..]
                .iter()
                .position(|l| l.starts_with('─'))
                .unwrap();
        for y in first..last {
            for x in 0..size.0 {
                let cell = &buf[(x, u16::try_from(y).unwrap())];
                assert!(
                    cell.modifier.contains(Modifier::REVERSED),
                    "{size:?}: ({x}, {y}) {:?} is not reversed\n{}",
                    cell.symbol(),
                    styled(&buf)
                );
            }
        }
    }
}

#[test]
fn without_colour_the_active_framings_column_head_is_marked() {
    for (framing, active, other) in [
        (None, "▌Technology transfer", "▌Indigenous"),
        (
            Some("indigenous-innovation"),
            "▌Indigenous innovation",
            "▌Technology",
        ),
    ] {
        let args = RenderArgs {
            view: RenderView::Compare,
            article: None,
            framing: framing.map(Into::into),
            query: String::new(),
            claim: None,
            size: SIZE,
            format: RenderFormat::Text,
            file: None,
        };
        let mut state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
        state.theme = Arc::new(Theme::mono());
        let text = screen::to_text(&screen::draw(&state, SIZE.0, SIZE.1));
        let heads = text.lines().find(|l| l.contains("Claim  ")).unwrap();
        assert!(heads.contains(active), "{heads}");
        assert!(!heads.contains(other), "{heads}");
    }
}

#[test]
fn a_pop_up_leaves_no_sliver_of_the_view_beside_it() {
    for (w, h) in [(80, 24), (84, 24), (90, 30), (100, 30)] {
        for view in [RenderView::Help, RenderView::Detail] {
            let args = RenderArgs {
                view,
                article: None,
                framing: None,
                query: String::new(),
                claim: None,
                size: (w, h),
                format: RenderFormat::Text,
                file: None,
            };
            let state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
            let text = screen::to_text(&screen::draw(&state, w, h));
            for line in text.lines().skip(1) {
                let chars: Vec<char> = line.chars().collect();
                let (Some(first), Some(last)) = (
                    chars.iter().position(|&c| matches!(c, '│' | '╭' | '╰')),
                    chars.iter().rposition(|&c| matches!(c, '│' | '╮' | '╯')),
                ) else {
                    continue;
                };
                let (before, after) = (&chars[..first], &chars[last + 1..]);
                for strip in [before, after] {
                    if strip.len() <= 3 {
                        assert!(
                            strip.iter().all(|&c| c == ' '),
                            "{w}x{h} {view:?}: {line:?}\n{text}"
                        );
                    }
                }
            }
        }
    }
}
