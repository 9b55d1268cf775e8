//! Links end to end: the real binary in a pty makes a link of the text an OSC 8 hyperlink where
//! asked, and opening one runs the opener with the URL as its one argument, no shell between.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use support::App;

/// A URL a shell would run a command from, and split at the `;`.
const URL: &str = "https://example.com/a?b=1&c=$(touch%20pwned);d='e'";

/// A Markdown file linking [`URL`], in `dir`.
fn article(dir: &Path) -> String {
    let path = dir.join("links.md");
    std::fs::write(
        &path,
        format!("# Links\n\nSee [the survey](<{URL}>) for details.\n"),
    )
    .unwrap();
    path.to_str().unwrap().to_owned()
}

/// An opener that writes how many arguments it got, then each on its own line, to `out`.
fn fake_opener(dir: &Path, out: &Path) -> String {
    let path = dir.join("opener");
    std::fs::write(
        &path,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
            out.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Polls for a file to appear (the opener runs beside the reader).
fn wait_for_file(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(Instant::now() < deadline, "the opener never ran");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn opening_a_link_runs_the_opener_with_the_url_as_one_argument() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("opened");
    let opener = fake_opener(dir.path(), &out);
    let file = article(dir.path());
    let mut app = App::spawn(&[&file], &[("DEBATE_OPENER", &opener)], 80, 24);
    app.wait_for("the article", |s| s.contains("See the survey for details."));
    app.send("o");
    app.wait_for("the list", |s| {
        s.contains("Links") && s.contains("example.com")
    });
    app.send("\r");
    app.wait_for("the message", |s| s.contains("Opening https://example.com"));
    assert_eq!(wait_for_file(&out), format!("1\n{URL}\n"));
    assert!(
        !dir.path().join("pwned").exists() && !Path::new("pwned").exists(),
        "no shell ran the URL"
    );
    app.quit();
}

#[test]
fn a_link_in_the_text_is_an_osc8_hyperlink_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    let app = App::spawn(&[&file], &[("DEBATE_HYPERLINKS", "1")], 80, 24);
    app.wait_for("the article", |s| s.contains("See the survey for details."));
    let open = format!("\x1b]8;;{URL}\x1b\\");
    // The link wraps exactly the words, whatever styles they are printed with.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !app.wrote(open.as_bytes()) {
        assert!(Instant::now() < deadline, "no OSC 8 link was written");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        app.text().contains("See the survey for details."),
        "{}",
        app.text()
    );
    app.quit();
}

#[test]
fn no_osc8_where_the_terminal_is_not_known_to_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    let mut app = App::spawn(&[&file], &[("DEBATE_HYPERLINKS", "0")], 80, 24);
    app.wait_for("the article", |s| s.contains("See the survey for details."));
    // Two frames more, so that the first frame's links would have been written by now.
    app.send("o");
    app.wait_for("the list", |s| {
        s.contains("Source") || s.contains("Esc close")
    });
    app.send("\x1b");
    app.wait_for("the list closed", |s| !s.contains("Esc close"));
    assert!(!app.wrote(b"\x1b]8;"), "an OSC 8 sequence was written");
    app.quit();
}

#[test]
fn an_opener_that_cannot_start_is_told_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let file = article(dir.path());
    let missing = dir.path().join("no-such-opener");
    let mut app = App::spawn(
        &[&file],
        &[("DEBATE_OPENER", missing.to_str().unwrap())],
        80,
        24,
    );
    app.wait_for("the article", |s| s.contains("See the survey for details."));
    app.send("o");
    app.wait_for("the list", |s| s.contains("Esc close"));
    app.send("\r");
    app.wait_for("the failure", |s| s.contains("Could not open the link"));
    assert!(app.is_running(), "the reader goes on");
    app.quit();
}
