//! The render sweep: every line of the Big List of Naughty Strings and of Markus Kuhn's UTF-8
//! files, as debate, article and framing title, article text, claim summary, stance note and
//! search query, through every view at sizes from 1x1 to 12x8 and at 80x24 and 200x60.
//! Each screen is checked by `invariants::check_render` (nothing drawn outside the area, no
//! glyph overflowing a row, no control character in a cell).
//!
//! By default each line goes through every view at a deterministic sample of the sizes: one
//! small size in [`SAMPLE_EVERY`] (a different slice for each line, so every small size is
//! covered by many lines), 80x24 for one line in four and 200x60 for one in [`SAMPLE_EVERY`]
//! (the large screens cost the most). With `DEBATE_FULL_SWEEP=1` (CI sets it) every line goes
//! through every size.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use debate::testing::invariants::{debate_with, render_everywhere};

/// Screens `render_everywhere` checks per size: the error banner and its list, and the eight
/// views of `invariants::views`.
const SCREENS_PER_SIZE: usize = 10;
/// In the sampled sweep, each line takes one small size in this many.
const SAMPLE_EVERY: usize = 12;

fn full_sweep() -> bool {
    std::env::var_os("DEBATE_FULL_SWEEP").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Every size from 1x1 to 12x8.
fn small_sizes() -> Vec<(u16, u16)> {
    (1..=12)
        .flat_map(|w| (1..=8).map(move |h| (w, h)))
        .collect()
}

/// The sizes line `n` is drawn at.
fn sizes_for(n: usize, full: bool) -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = small_sizes()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| full || i % SAMPLE_EVERY == n % SAMPLE_EVERY)
        .map(|(_, size)| size)
        .collect();
    if full || n.is_multiple_of(4) {
        sizes.push((80, 24));
    }
    if full || n % SAMPLE_EVERY == 6 {
        sizes.push((200, 60));
    }
    sizes
}

/// Draws every line through every view; returns how many screens were checked.
fn sweep(strings: &[String], label: &str) -> usize {
    let full = full_sweep();
    strings
        .iter()
        .enumerate()
        .map(|(n, s)| {
            render_everywhere(
                &debate_with(s),
                s,
                &sizes_for(n, full),
                &format!("{label} line {n} ({s:?})"),
            )
        })
        .sum()
}

/// The screens a sweep of `lines` lines must check, counted from the sizes alone.
fn expected_screens(lines: usize) -> usize {
    let full = full_sweep();
    (0..lines)
        .map(|n| sizes_for(n, full).len() * SCREENS_PER_SIZE)
        .sum()
}

fn lines_of(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn corpora() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora")
}

#[test]
fn the_sample_covers_every_small_size_and_both_large_ones() {
    let small = small_sizes();
    for size in small.iter().chain(&[(80, 24), (200, 60)]) {
        let lines = (0..SAMPLE_EVERY)
            .filter(|&n| sizes_for(n, false).contains(size))
            .count();
        assert!(lines > 0, "{size:?} is never drawn in the sampled sweep");
    }
    assert_eq!(sizes_for(5, true).len(), small.len() + 2);
}

#[test]
fn naughty_strings_through_every_view_and_size() {
    let strings: Vec<String> = lines_of(&corpora().join("blns/blns.txt"))
        .into_iter()
        .filter(|l| !l.starts_with('#'))
        .collect();
    // 742 lines in blns.txt, of which 150 are `#` comments (blank lines are strings too).
    assert_eq!(strings.len(), 592);
    let renders = sweep(&strings, "blns.txt");
    assert_eq!(renders, expected_screens(strings.len()));
    eprintln!("{renders} renders of {} naughty strings", strings.len());
}

#[test]
fn kuhn_utf8_files_through_every_view_and_size() {
    let mut strings = lines_of(&corpora().join("kuhn-utf8/UTF-8-demo.txt"));
    assert_eq!(strings.len(), 212, "UTF-8-demo.txt has 212 lines");
    strings.extend(lines_of(&corpora().join("kuhn-utf8/UTF-8-test.txt")));
    assert_eq!(strings.len(), 512, "UTF-8-test.txt has 300 lines");
    let renders = sweep(&strings, "kuhn");
    assert_eq!(renders, expected_screens(strings.len()));
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
