//! The finder's history outlives the run (issue 15): queries opened with Enter in one run are
//! recalled with Ctrl-p in the next, newest first, each once. The real binary in a pty, both
//! runs saving their place in one state directory.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use std::path::Path;

use support::App;

fn open(state_dir: &Path) -> App {
    let app = App::spawn_with_state(state_dir, &[], &[], 80, 24);
    app.wait_for("the first frame", |s| s.contains("READ"));
    app
}

/// The finder's prompt line (the screen's second row).
fn prompt(app: &App) -> String {
    app.text().lines().nth(1).unwrap_or_default().to_owned()
}

/// Opens the finder, types `query` and opens its first result.
fn search(app: &mut App, query: &str) {
    app.send("F");
    app.wait_for("the finder", |s| s.contains("SEARCH"));
    app.send(query);
    app.wait_for("the query typed", |s| s.contains(&format!("/ {query}")));
    app.send("\r");
    app.wait_for("the result opened", |s| !s.contains("SEARCH"));
}

#[test]
fn ctrl_p_recalls_the_queries_of_an_earlier_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(dir.path());
    for query in ["talent", "export", "talent"] {
        search(&mut first, query);
    }
    first.quit();

    let mut second = open(dir.path());
    second.send("F");
    second.wait_for("the finder", |s| s.contains("SEARCH"));
    // Ctrl-p: the newest first; the repeated query is kept once, as the newest.
    second.send("\x10");
    second.wait_for("the newest query", |s| s.contains("/ talent"));
    second.send("\x10");
    second.wait_for("the one before", |s| s.contains("/ export"));
    // Nothing older: the oldest stays.
    second.send("\x10");
    second.wait_for("still the oldest", |s| s.contains("/ export"));
    // Ctrl-n back past the newest: the empty prompt typed before recalling.
    second.send("\x0e\x0e");
    second.wait_for("the draft again", |s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| !l.contains("talent") && !l.contains("export"))
    });
    assert!(!prompt(&second).contains("export"));
    // Esc leaves the finder (`q` there is typed), then quit.
    second.send("\x1b");
    second.wait_for("the finder left", |s| !s.contains("SEARCH"));
    second.quit();
}
