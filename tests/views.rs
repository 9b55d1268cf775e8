//! Every view drawn at 80x24, 120x40 and 40x12 (text snapshots), and the cells whose colour is
//! the behaviour (stance colours, the selected claim, search matches) checked by style.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::cli::{RenderArgs, RenderFormat, RenderView, render_state};
use debate::model::Debate;
use debate::screen;
use debate::state::State;
use ratatui::style::Color;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (40, 12)];

fn state(view: RenderView, size: (u16, u16), query: &str, claim: Option<&str>) -> State {
    let args = RenderArgs {
        view,
        article: None,
        framing: None,
        query: query.into(),
        claim: claim.map(Into::into),
        size,
        format: RenderFormat::Text,
        file: None,
    };
    render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap()
}

fn snapshot_all(name: &str, view: RenderView, query: &str, claim: Option<&str>) {
    for size in SIZES {
        let s = state(view, size, query, claim);
        let text = screen::to_text(&screen::draw(&s, size.0, size.1));
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn reader() {
    snapshot_all("reader", RenderView::Reader, "", None);
}

#[test]
fn reader_with_a_selected_claim() {
    snapshot_all(
        "reader_selected",
        RenderView::Reader,
        "",
        Some("deepseek-outlier"),
    );
}

#[test]
fn claims() {
    snapshot_all("claims", RenderView::Claims, "", None);
}

#[test]
fn debate() {
    snapshot_all("debate", RenderView::Debate, "", None);
}

#[test]
fn compare() {
    snapshot_all("compare", RenderView::Compare, "", None);
}

#[test]
fn search() {
    snapshot_all("search", RenderView::Search, "state support", None);
}

#[test]
fn help() {
    snapshot_all("help", RenderView::Help, "", None);
}

#[test]
fn detail() {
    snapshot_all("detail", RenderView::Detail, "", Some("deepseek-outlier"));
}

#[test]
fn too_small() {
    for (w, h) in [(23, 24), (80, 5), (10, 3), (1, 1)] {
        let s = state(RenderView::Reader, (w, h), "", None);
        let text = screen::to_text(&screen::draw(&s, w, h));
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), text);
    }
}

/// The cell where `needle` first shows (top to bottom, left to right), as (x, y).
fn find(buf: &ratatui::buffer::Buffer, needle: &str) -> (u16, u16) {
    find_left_of(buf, needle, u16::MAX)
}

/// Like `find`, among matches starting left of column `max_x`.
fn find_left_of(buf: &ratatui::buffer::Buffer, needle: &str, max_x: u16) -> (u16, u16) {
    let text = screen::to_text(buf);
    for (y, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices(needle) {
            let x = u16::try_from(unicode_width::UnicodeWidthStr::width(&line[..at])).unwrap();
            if x < max_x {
                return (x, u16::try_from(y).unwrap());
            }
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn quotes_are_coloured_by_stance_under_the_active_framing() {
    // "deepseek-outlier" supports technology transfer and challenges indigenous innovation.
    let mut args_state = state(
        RenderView::Reader,
        (120, 40),
        "",
        Some("takes-system-thriving"),
    );
    let buf = screen::draw(&args_state, 120, 40);
    let (x, y) = find(&buf, "it’s an outlier");
    assert_eq!(
        buf[(x, y)].fg,
        Color::Green,
        "supports under technology transfer"
    );
    debate::update::update(&mut args_state, debate::action::Action::NextFraming);
    let buf = screen::draw(&args_state, 120, 40);
    let (x, y) = find(&buf, "it’s an outlier");
    assert_eq!(
        buf[(x, y)].fg,
        Color::LightRed,
        "challenges under indigenous innovation"
    );
}

#[test]
fn the_selected_claim_stands_on_its_stance_colour() {
    let s = state(RenderView::Reader, (120, 40), "", Some("deepseek-outlier"));
    let buf = screen::draw(&s, 120, 40);
    let (x, y) = find(&buf, "it’s an outlier");
    assert_eq!(buf[(x, y)].bg, Color::Green);
    let (x, y) = find(&buf, "In this way,");
    assert_eq!(
        buf[(x, y)].bg,
        Color::Reset,
        "text around it is not highlighted"
    );
}

/// Results past the limit are not listed: the row after the last one says how many more
/// matched, and the status bar gives the place among those listed, then the count.
#[test]
fn results_past_the_limit_are_announced_below_the_list() {
    let mut s = state(RenderView::Search, (80, 24), "e", None);
    let matched = s.search.results.matched;
    assert!(matched > 10, "{matched}");
    s.search.results.hits.truncate(4);
    s.search.selected = 3;
    let text = screen::to_text(&screen::draw(&s, 80, 24));
    let more = format!("… and {} more: narrow the query", matched - 4);
    assert!(text.contains(&more), "{more:?} missing from:\n{text}");
    assert!(text.contains(&format!("4/4 of {matched}")), "{text}");
    // All listed: no such row, and the place reads as before.
    let s = state(RenderView::Search, (80, 24), "hedge", None);
    let text = screen::to_text(&screen::draw(&s, 80, 24));
    assert!(!text.contains("more: narrow"), "{text}");
    assert!(
        text.contains(&format!("1/{} ", s.search.results.hits.len())),
        "{text}"
    );
}

#[test]
fn search_matches_are_highlighted_by_character() {
    let s = state(RenderView::Search, (120, 40), "hedge", None);
    let buf = screen::draw(&s, 120, 40);
    // In the result list (the left half of the screen), past the query line.
    let (x, y) = find_left_of(&buf, "former hedge", 60);
    let x = x + 7;
    for dx in 0..5 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(cell.fg, Color::LightYellow, "matched char {dx}");
    }
    assert_ne!(
        buf[(x + 5, y)].fg,
        Color::LightYellow,
        "the char after the match is plain"
    );
}

#[test]
fn every_view_draws_at_every_small_size_without_panic() {
    let views = [
        (RenderView::Reader, ""),
        (RenderView::Claims, ""),
        (RenderView::Debate, ""),
        (RenderView::Compare, ""),
        (RenderView::Search, "talent"),
        (RenderView::Help, ""),
        (RenderView::Detail, ""),
    ];
    for (view, query) in views {
        let mut s = state(view, (80, 24), query, None);
        for w in [1, 2, 3, 5, 8, 13, 21, 24, 30] {
            for h in 1..=12 {
                debate::update::update(&mut s, debate::action::Action::Resize(w, h));
                // Nothing drawn outside the area, no glyph overflowing a row, no control
                // character in a cell.
                debate::testing::invariants::check_render(&s, &format!("{view:?} at {w}x{h}"));
            }
        }
    }
}

fn load(path: &str) -> Debate {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    debate::model::load_path(&path).unwrap_or_else(|f| panic!("{}", f.render(false)))
}

#[test]
fn any_debate_with_two_to_six_framings_works_in_every_view() {
    let views = [
        RenderView::Reader,
        RenderView::Claims,
        RenderView::Debate,
        RenderView::Compare,
        RenderView::Search,
        RenderView::Help,
        RenderView::Detail,
    ];
    for file in [
        "tests/fixtures/six-framings.toml",
        "tests/fixtures/multilingual.toml",
    ] {
        let d = load(file);
        for view in views {
            for size in [(80, 24), (200, 60), (40, 12)] {
                let args = RenderArgs {
                    view,
                    article: None,
                    framing: d.framings.last().map(|f| f.id.clone()),
                    query: "a".into(),
                    claim: None,
                    size,
                    format: RenderFormat::Text,
                    file: None,
                };
                let s = render_state(d.clone(), file, &args).unwrap();
                debate::testing::invariants::check_render(&s, &format!("{file} {view:?} {size:?}"));
                let text = screen::to_text(&screen::draw(&s, size.0, size.1));
                if view == RenderView::Compare && size == (200, 60) {
                    let head = text.lines().nth(3).unwrap();
                    for f in &d.framings {
                        assert!(
                            head.contains(&f.name),
                            "{file}: column for {} missing in {head:?}",
                            f.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn cjk_and_arabic_text_stays_inside_the_column() {
    let d = load("tests/fixtures/multilingual.toml");
    let s = State::new(d, "multilingual", 40, 20);
    let buf = screen::draw(&s, 40, 20);
    let text = screen::to_text(&buf);
    assert!(text.contains("深圳"), "{text}");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 40,
            "{line:?}"
        );
    }
}
