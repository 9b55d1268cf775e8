//! The reader remembers its place between runs: the real binary in a pseudo-terminal, each
//! test with a state directory of its own (`DEBATE_STATE_DIR`). Quit and start again lands on
//! the same screen; a damaged state file or one that cannot be written gives a banner, and the
//! reader goes on.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use std::path::Path;

use debate::model::{Debate, EMBEDDED};
use debate::session::DebateKey;
use support::App;

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// The reader on the embedded debate, saving its place in `state_dir`; returns once it has
/// drawn its first frame (the status bar's hints).
fn open(state_dir: &Path, args: &[&str]) -> App {
    let app = App::spawn_with_state(state_dir, args, &[], COLS, ROWS);
    app.wait_for("the first frame", |s| s.contains("Search"));
    app
}

/// The screen as a person sees it, without its last row (the status line, whose messages come
/// and go).
fn visible(app: &App) -> String {
    let text = app.text();
    let mut rows: Vec<&str> = text.lines().collect();
    rows.resize(usize::from(ROWS) - 1, "");
    rows.join("\n")
}

/// The file the embedded debate's session is kept in, under `dir`.
fn state_file(dir: &Path) -> std::path::PathBuf {
    let debate = Debate::embedded().unwrap();
    dir.join(DebateKey::embedded(&debate.title, EMBEDDED).file_name())
}

/// Keys that leave the reader somewhere a fresh start is not: another framing, the second
/// article, scrolled down; then a view.
fn wander(app: &mut App, view_key: &str) {
    app.send("t");
    app.send("2");
    app.wait_for("the second essay", |s| {
        s.contains("I didn't think I'd find myself")
    });
    // A key at a time, each waited for, so that the run and its reference take the same steps.
    let step = |app: &mut App, key: &str| {
        let before = app.text();
        app.send(key);
        app.wait_for("the key's scroll", |s| s != before);
    };
    for key in [" ", " ", " ", "j"] {
        step(app, key);
    }
    // Wherever the pages end, on text or on the empty line between two paragraphs (which is
    // remembered as the gap above the next one), the restart must show the same screen.
    app.send(view_key);
}

/// Ends a run as a person would from where it stands: `q`, or from the finder (where `q` is
/// typed into the query and no key quits) by closing the terminal, which sends SIGHUP.
fn end(mut app: App, view: &str) {
    if view == "finder" {
        app.wait_for("the query typed", |s| s.contains("/ talent"));
        app.signal(nix::sys::signal::Signal::SIGHUP);
        app.exit_code();
    } else {
        app.quit();
    }
}

/// In each view: quit, start again, and the screen is the one left (compared with a run that
/// started fresh in another directory and was sent the same keys).
#[test]
fn quitting_and_starting_again_restores_the_place_in_each_view() {
    for (view, key) in [
        ("reader", ""),
        ("claims", "c"),
        ("debate", "d"),
        ("side by side", "s"),
        // From the claim list: `/` opens the finder there in every version of the reader.
        ("finder", "c/talent"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut first = open(dir.path(), &[]);
        wander(&mut first, key);
        // What the same keys show, from a run with nothing saved.
        let other = tempfile::tempdir().unwrap();
        let mut reference = open(other.path(), &[]);
        wander(&mut reference, key);
        end(first, view);
        assert!(state_file(dir.path()).is_file(), "{view}: nothing saved");

        let restored = open(dir.path(), &[]);
        let expected = visible(&reference);
        // The reference may still be drawing its last key: wait for both to settle on it.
        restored.wait_until(view, visible, &visible(&reference));
        assert_eq!(visible(&restored), expected, "{view}: the reference moved");
        assert!(
            !visible(&restored).contains("China’s AI revolution is getting a plot twist."),
            "{view}: the restored screen is a fresh start's"
        );
        end(restored, view);
        end(reference, view);

        // --fresh starts clean and deletes nothing.
        let fresh = open(dir.path(), &["--fresh"]);
        fresh.wait_for("the first essay", |s| {
            s.contains("China’s AI revolution is getting a plot twist.")
        });
        assert!(
            state_file(dir.path()).is_file(),
            "--fresh deleted the state file"
        );
        fresh.quit();
    }
}

#[test]
fn a_corrupt_state_file_is_set_aside_with_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let path = state_file(dir.path());
    std::fs::write(&path, b"{\"version\": 1, \"view\": ").unwrap();
    let mut app = open(dir.path(), &[]);
    // All that was in it, why, and where it went; at 80 columns.
    app.wait_for("the banner", |s| {
        s.contains("Saved place/marks/verdicts/notes damaged: set aside")
    });
    app.wait_for("the reader at its start", |s| {
        s.contains("China’s AI revolution is getting a plot twist.")
    });
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("corrupt"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept under another name");
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    // Its full path, once the terminal is back, however long ago the banner went.
    let full = dir.path().join(&kept[0]);
    assert!(
        app.wrote(full.display().to_string().as_bytes()),
        "the set-aside file named at exit:\n{}",
        app.screen()
    );
    // And `debate notes` says it is there, not only that there is nothing.
    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .arg("notes")
        .env("DEBATE_STATE_DIR", dir.path())
        .output()
        .unwrap();
    assert!(notes.status.success());
    let said = String::from_utf8_lossy(&notes.stderr);
    assert!(
        said.contains("set aside") && said.contains(&kept[0]),
        "debate notes names the set-aside file: {said}"
    );
}

#[test]
fn a_state_directory_that_cannot_be_written_gives_a_banner_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    let mut perms = std::fs::metadata(&read_only).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&read_only, perms).unwrap();
    let state_dir = if std::fs::write(read_only.join("probe"), b"").is_ok() {
        // Permissions do not stop root: a directory under a regular file cannot be made.
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"").unwrap();
        file.join("state")
    } else {
        read_only
    };
    let mut app = open(&state_dir, &[]);
    app.send("2");
    // Why first, and what it means, within 80 columns.
    app.wait_for("the banner", |s| {
        s.contains("Not saved (") && s.contains("): verdicts/notes/marks won't last")
    });
    app.send("j");
    app.wait_for("the reader still reading", |s| !s.contains("Not saved ("));
    // A verdict says it is not kept.
    app.send("n");
    app.send("v");
    app.wait_for("the verdict, not kept", |s| {
        s.contains("): convinced: your verdict")
    });
    app.send("q");
    assert_eq!(app.exit_code(), 0);
    assert!(
        app.wrote(b"verdicts, notes and marks were not kept"),
        "told at exit:\n{}",
        app.screen()
    );
}

/// A verdict given in the claim list is there after a restart, marked in the list, and
/// `debate notes` prints it with the claim's summary.
#[test]
fn verdicts_survive_a_restart_and_appear_in_debate_notes() {
    let dir = tempfile::tempdir().unwrap();
    let debate = Debate::embedded().unwrap();
    let mut app = open(dir.path(), &[]);
    app.send("c");
    app.wait_for("the claim list", |s| {
        s.contains("CLAIMS") || s.contains("Claims")
    });
    app.send("v");
    app.wait_for("the verdict's message", |s| s.contains("convinced"));
    app.quit();

    let mut again = open(dir.path(), &[]);
    again.wait_for("the claim list, marked", |s| s.contains("\u{2713} "));
    again.send("q");

    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .arg("notes")
        .env("DEBATE_STATE_DIR", dir.path())
        .output()
        .unwrap();
    assert!(
        notes.status.success(),
        "{}",
        String::from_utf8_lossy(&notes.stderr)
    );
    let text = String::from_utf8(notes.stdout).unwrap();
    let judged: Vec<&str> = debate
        .claims
        .iter()
        .filter(|c| text.contains(&c.summary))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(judged.len(), 1, "one claim's summary in the notes:\n{text}");
    assert!(text.contains("convinced"), "{text}");
}

/// A note typed in the claim list and two bookmarks are there after a restart: the note in
/// the detail and marked in the list, the bookmarks in `M`'s list; `debate notes` prints them.
#[test]
fn notes_and_bookmarks_survive_a_restart_and_appear_in_debate_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open(dir.path(), &[]);
    app.send("c");
    app.wait_for("the claim list", |s| s.contains("CLAIMS"));
    app.send("jC");
    app.wait_for("the note's prompt", |s| s.contains("Your note"));
    // Letters that are keys elsewhere (q quits, c, d switch views) are text in the prompt.
    app.send("Recheck: q, c and d \u{4e2d}\u{6587}");
    app.wait_for("the typed note", |s| s.contains("Recheck: q, c and d"));
    app.send("\r");
    app.wait_for("the note saved", |s| s.contains("saved"));
    app.send("mb2");
    app.wait_for("the second essay", |s| {
        s.contains("I didn't think I'd find myself")
    });
    app.send("ma");
    app.wait_for("the mark set", |s| s.contains("'a set"));
    app.quit();

    let mut again = open(dir.path(), &[]);
    again.send("M");
    again.wait_for("the list of bookmarks", |s| {
        s.contains("Bookmarks") && s.contains("'a line") && s.contains("'b line")
    });
    again.send("\x1b");
    again.wait_for("the list closed", |s| !s.contains("Bookmarks"));
    again.send("c");
    again.wait_for("the claim list, the note marked", |s| {
        s.contains("\u{270e} ")
    });
    // The list comes back on the claim it was left on, the one with the note.
    again.send("o");
    again.wait_for("the note in the detail", |s| {
        s.contains("Your note: Recheck: q, c and d \u{4e2d}\u{6587}")
    });
    again.send("\x1b");
    again.wait_for("the detail closed", |s| s.contains(" CLAIMS "));
    again.quit();

    let notes = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .arg("notes")
        .env("DEBATE_STATE_DIR", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(notes.stdout).unwrap();
    assert!(notes.status.success(), "{text}");
    assert!(
        text.contains("Recheck: q, c and d \u{4e2d}\u{6587}"),
        "{text}"
    );
    assert!(
        text.contains("- **a**:") && text.contains("- **b**: claim"),
        "{text}"
    );
}
