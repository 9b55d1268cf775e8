//! The reader's search in the text and Ctrl-z, through the real binary in a pseudo-terminal, its screen
//! read through a terminal emulator: the matches must show in the cells' styles (reverse video,
//! the current one also bold), not only as text.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct App {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Kept open: closing the master would hang the program up.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Drop for App {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl App {
    fn spawn(cols: u16, rows: u16) -> Self {
        Self::spawn_command(
            CommandBuilder::new(env!("CARGO_BIN_EXE_debate")),
            cols,
            rows,
        )
    }

    fn spawn_command(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).unwrap();
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Self {
            child,
            writer,
            parser,
            _master: pair.master,
        }
    }

    /// Polls the emulated screen until `done` holds; fails with the screen after the timeout.
    fn wait_for(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if done(self.parser.lock().unwrap().screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "timed out waiting for {what}; the screen shows:\n{}",
            self.parser.lock().unwrap().screen().contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

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
    let mut app = App::spawn(80, 24);
    app.wait_for("the reader to draw", |s| {
        s.contents().contains("China's AI revolution")
    });
    app.send("/china");
    app.wait_for("the prompt", |s| s.contents().contains("/china▏"));
    app.send("\r");
    app.wait_for("the match count", |s| s.contents().contains("match 1/"));
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
    app.wait_for("the second match", |s| s.contents().contains("match 2/"));
    // Esc clears every highlight.
    app.send("\x1b");
    app.wait_for("the highlights to go", |s| reversed_runs(s).0.is_empty());
    app.send("q");
    let start = Instant::now();
    while app.child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < TIMEOUT, "q did not quit");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Ctrl-z under a shell with job control: the shell's screen comes back, and after `fg` the
/// reader takes the terminal again and draws itself whole.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "shell$ ");
    let mut app = App::spawn_command(cmd, 80, 24);
    app.wait_for("the shell", |s| s.contents().contains("shell$"));
    app.send(concat!(env!("CARGO_BIN_EXE_debate"), "\r"));
    app.wait_for("the reader to draw", |s| {
        s.alternate_screen() && s.contents().contains("China's AI revolution")
    });
    app.send("\x1a");
    app.wait_for("the shell after Ctrl-z", |s| {
        !s.alternate_screen() && s.contents().contains("Stopped")
    });
    app.send("fg\r");
    app.wait_for("the reader again", |s| {
        s.alternate_screen()
            && s.contents().contains("China's AI revolution")
            && s.contents().contains("READ")
    });
    app.send("q");
    app.wait_for("the shell after q", |s| !s.alternate_screen());
    app.send("exit\r");
}
