//! The render sweep: every line of the Big List of Naughty Strings and of Markus Kuhn's UTF-8
//! files, as debate, article and framing title, article text, claim summary, stance note and
//! search query, through every view at every size from 1x1 to 12x8 and at 80x24 and 200x60.
//! Each screen is checked by `invariants::check_render` (nothing drawn outside the area, no
//! glyph overflowing a row, no control character in a cell).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use debate::testing::invariants::{debate_with, render_everywhere};

fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (1..=12)
        .flat_map(|w| (1..=8).map(move |h| (w, h)))
        .collect();
    sizes.extend([(80, 24), (200, 60)]);
    sizes
}

fn sweep(strings: &[String], label: &str) -> usize {
    let sizes = sizes();
    strings
        .iter()
        .enumerate()
        .map(|(n, s)| {
            render_everywhere(
                &debate_with(s),
                s,
                &sizes,
                &format!("{label} line {n} ({s:?})"),
            )
        })
        .sum()
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
        render_everywhere(
            &debate_with(text),
            text,
            &[(w, h), (w + 20, h + 20), (30, 8)],
            &format!("{text:?}"),
        );
    }
}
