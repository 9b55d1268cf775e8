//! The reader's search in the text and Ctrl-z, through the real binary in a pseudo-terminal,
//! its screen read through a terminal emulator: the matches must show in the cells' styles
//! (reverse video, the current one also bold), not only as text.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use support::App;

/// The runs of reverse-video cells above the status line, and how many of those are bold.
fn reversed_runs(screen: &vt100::Screen) -> (Vec<String>, usize) {
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let mut runs = Vec::new();
    let mut bold = 0;
    for row in 0..rows.saturating_sub(1) {
        let mut run = String::new();
        for col in 0..cols {
            let cell = screen.cell(row, col).unwrap();
            if cell.inverse() {
                run.push_str(cell.contents());
                if cell.bold() {
                    bold += 1;
                }
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    (runs, bold)
}

#[test]
fn text_search_highlights_every_match_in_reverse_video() {
    let mut app = App::spawn(&[], &[], 80, 24);
    app.wait_for("the reader to draw", |s| {
        s.contains("DeepSeek could signal")
    });
    app.send("/china");
    app.wait_for("the prompt", |s| s.contains("/china▏"));
    app.send("\r");
    app.wait_for("the match count", |s| s.contains("match 1/"));
    let screen = app.parser.lock().unwrap().screen().clone();
    let (runs, bold) = reversed_runs(&screen);
    assert!(
        !runs.is_empty(),
        "no match in reverse video:\n{}",
        screen.contents()
    );
    for run in &runs {
        assert_eq!(
            run.to_lowercase(),
            "china",
            "only matches are reversed: {runs:?}"
        );
    }
    assert_eq!(bold, "china".len(), "exactly the current match is bold");

    // n moves the current match; the status line follows.
    app.send("n");
    app.wait_for("the second match", |s| s.contains("match 2/"));
    // Esc clears every highlight.
    app.send("\x1b");
    app.wait_for_screen("the highlights to go", |s| reversed_runs(s).0.is_empty());
    app.quit();
}

/// Ctrl-z under a shell with job control: the shell's screen comes back, and after `fg` the
/// reader takes the terminal again and draws itself whole.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let mut app = App::spawn_shell(80, 24);
    app.wait_for("the shell", |s| s.contains("shell$"));
    app.send(concat!(env!("CARGO_BIN_EXE_debate"), "\r"));
    app.wait_for_screen("the reader to draw", |s| {
        s.alternate_screen() && s.contents().contains("DeepSeek could signal")
    });
    app.send("\x1a");
    app.wait_for_screen("the shell after Ctrl-z", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    app.send("fg\r");
    app.wait_for_screen("the reader again", |s| {
        s.alternate_screen()
            && s.contents().contains("DeepSeek could signal")
            && s.contents().contains("READ")
    });
    app.send("q");
    app.wait_for_screen("the shell after q", |s| !s.alternate_screen());
    app.send("exit\r");
    assert_eq!(app.exit_code(), 0, "the shell exits cleanly");
}

/// `debate notes.md` (the glow habit): the file opens in the reader as it is, with the hint
/// that a passage becomes a claim (of the new debate file the first claim writes).
#[test]
fn a_markdown_file_opens_in_the_reader() {
    let app = App::spawn(&["tests/fixtures/notes.md"], &[], 80, 24);
    app.wait_for("the notes", |s| {
        s.contains("Field notes") && s.contains("See the survey for details.")
    });
    assert!(app.text().contains("A. Reader"), "{}", app.text());
    assert!(
        app.text().contains("a, v, a on a passage makes a claim"),
        "{}",
        app.text()
    );
    assert!(app.text().contains("• one point"), "{}", app.text());
    app.quit();
}

/// The open flags name an unknown id with the closest known one, before the terminal is
/// touched, and a known one opens there.
#[test]
fn open_flags_go_to_a_place_or_name_the_unknown_id() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .args(["--framing", "tech-transfr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'tech-transfr'") && err.contains("did you mean 'tech-transfer'"),
        "{err}"
    );
    let app = App::spawn(
        &[
            "--claim",
            "durov-praises-competition",
            "--framing",
            "indigenous-innovation",
        ],
        &[],
        100,
        30,
    );
    app.wait_for("the claim selected", |s| s.contains("claim 4/20"));
    assert!(
        app.text().contains("Indigenous innovation"),
        "{}",
        app.text()
    );
    let mut app = app;
    app.send("c");
    app.wait_for("the claim list", |s| s.contains("CLAIMS"));
    app.quit();
}
