//! The render sweep: every line of the Big List of Naughty Strings and of Markus Kuhn's UTF-8
//! files, as debate, article and framing title, article text, claim summary, stance note and
//! search query, through every view at every size from 1x1 to 12x8 and at 80x24 and 200x60.
//! Each screen is checked by `invariants::check_render` (nothing drawn outside the area, no
//! glyph overflowing a row, no control character in a cell).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use debate::action::Action;
use debate::invariants::{check_render, debate_with, views};
use debate::state::State;
use debate::update::update;

fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (1..=12)
        .flat_map(|w| (1..=8).map(move |h| (w, h)))
        .collect();
    sizes.extend([(80, 24), (200, 60)]);
    sizes
}

fn sweep(strings: &[String], label: &str) -> usize {
    let sizes = sizes();
    let mut renders = 0;
    for (n, s) in strings.iter().enumerate() {
        let debate = debate_with(s);
        // The error banner (the string as the file's name) and its error list.
        let mut banner = debate::invariants::with_banner(&debate, s);
        for &(w, h) in &sizes {
            update(&mut banner, Action::Resize(w, h));
            check_render(&banner, &format!("{label} line {n} ({s:?}) in the banner"));
            update(&mut banner, Action::ShowErrors);
            check_render(
                &banner,
                &format!("{label} line {n} ({s:?}) in the error list"),
            );
            update(&mut banner, Action::Back);
            renders += 2;
        }
        for (view, actions) in views(s) {
            let mut state = State::new(debate.clone(), "sweep", 80, 24);
            for &a in &actions {
                update(&mut state, a);
            }
            for &(w, h) in &sizes {
                update(&mut state, Action::Resize(w, h));
                check_render(&state, &format!("{label} line {n} ({s:?}) in {view}"));
                renders += 1;
            }
        }
    }
    renders
}

fn lines_of(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn corpora() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora")
}

#[test]
fn naughty_strings_through_every_view_and_size() {
    let strings: Vec<String> = lines_of(&corpora().join("blns/blns.txt"))
        .into_iter()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(strings.len() > 400);
    let renders = sweep(&strings, "blns.txt");
    eprintln!("{renders} renders of {} naughty strings", strings.len());
}

#[test]
fn kuhn_utf8_files_through_every_view_and_size() {
    let mut strings = lines_of(&corpora().join("kuhn-utf8/UTF-8-demo.txt"));
    strings.extend(lines_of(&corpora().join("kuhn-utf8/UTF-8-test.txt")));
    let renders = sweep(&strings, "kuhn");
    eprintln!("{renders} renders of {} lines", strings.len());
}

#[test]
fn known_ratatui_wrapping_traps_are_avoided() {
    // ratatui#2679: Paragraph wrapping panics on these; our wrapper must not.
    for (text, w, h) in [
        ("a🌞b", 2, 3),
        ("e\u{301}🇺🇸-", 2, 2),
        ("(╯°□°）╯︵ ┻━┻)", 2, 4),
    ] {
        let debate = debate_with(text);
        for (view, actions) in views(text) {
            let mut state = State::new(debate.clone(), "trap", w, h);
            for &a in &actions {
                update(&mut state, a);
            }
            for (w, h) in [(w, h), (w + 20, h + 20), (30, 8)] {
                update(&mut state, Action::Resize(w, h));
                check_render(&state, &format!("{text:?} in {view}"));
            }
        }
    }
}
