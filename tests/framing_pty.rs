//! The active framing's name is on screen in every view, at every common size, in the real
//! binary: the reader, the claim list, a claim's detail, the debate view, side by side and the
//! finder, at 40x10 and at 80, 90, 100, 110 and 120 columns (issue 14 saw it vanish at 90 to
//! 110 columns, and two of the three names never shown at 80).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use support::App;

/// The embedded debate's framings, in file order (`t` steps through them).
const FRAMINGS: [&str; 3] = [
    "Technology transfer",
    "Indigenous innovation",
    "Stages of one progression",
];

/// Whether a line shows a framing's name: whole, or cut to at least 12 characters and an
/// ellipsis where the bar is too narrow.
fn shows(line: &str, name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    line.contains(name)
        || (12..chars.len()).any(|n| {
            let stem: String = chars[..n].iter().collect();
            line.contains(&format!("{}…", stem.trim_end()))
        })
}

/// Goes through every view with each framing active, at one size, checking the top bar.
fn every_view_shows_the_framing(cols: u16, rows: u16) {
    let mut app = App::spawn(&[], &[], cols, rows);
    // (keys, the view's badge in the status line, the view's name for the failure)
    // The debate view remembers side by side: `s` turns it off again before the next round.
    let steps: [(&str, &str, &str); 9] = [
        ("1", "READ", "reader"),
        ("c", "CLAIMS", "claim list"),
        ("o", "CLAIM", "claim detail"),
        ("\x1b", "CLAIMS", "claim list again"),
        ("d", "DEBATE", "debate view"),
        ("s", "COMPARE", "side by side"),
        ("F", "SEARCH", "finder"),
        ("\x1b", "COMPARE", "side by side again"),
        ("s", "DEBATE", "debate view again"),
    ];
    for (i, name) in FRAMINGS.iter().enumerate() {
        for (keys, badge, view) in steps {
            app.send(keys);
            app.wait_for(
                &format!("{view} with framing {name:?} at {cols}x{rows}"),
                |s| {
                    let top = s.lines().next().unwrap_or("");
                    let status = s.lines().last().unwrap_or("");
                    status.split_whitespace().next() == Some(badge) && shows(top, name)
                },
            );
        }
        if i + 1 < FRAMINGS.len() {
            app.send("t");
        }
    }
    app.quit();
}

#[test]
fn at_40x10() {
    every_view_shows_the_framing(40, 10);
}

#[test]
fn at_80x24() {
    every_view_shows_the_framing(80, 24);
}

#[test]
fn at_90_columns() {
    every_view_shows_the_framing(90, 24);
}

#[test]
fn at_100_columns() {
    every_view_shows_the_framing(100, 24);
}

#[test]
fn at_110_columns() {
    every_view_shows_the_framing(110, 30);
}

#[test]
fn at_120_columns() {
    every_view_shows_the_framing(120, 36);
}
