//! The reader where it cannot draw: on a terminal that cannot move its cursor (`TERM=dumb`)
//! it says so on stderr and prints the debate as text, as it does into a pipe (tests/cli.rs).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Runs `debate ARGS` on a pty with `TERM=dumb`; what it wrote and its exit code.
fn run_dumb(args: &[&str]) -> (String, u32) {
    let size = PtySize {
        rows: 24,
        cols: 80,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_debate"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "dumb");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    // Read until the program has closed the terminal (EOF, or EIO on Linux).
    let output = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("debate did not exit on a dumb terminal");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(pair.master);
    let bytes = output.join().unwrap();
    (
        String::from_utf8_lossy(&bytes).into_owned(),
        status.exit_code(),
    )
}

#[test]
fn a_dumb_terminal_gets_a_message_and_the_debate_as_text() {
    let (written, code) = run_dumb(&[]);
    assert_eq!(code, 0, "{written}");
    assert!(written.contains("TERM=dumb"), "{written}");
    // Said again after the text, which scrolls the first line away.
    let last = written.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.contains("TERM=dumb") && last.contains("less"),
        "{last}"
    );
    let debate = debate::model::Debate::embedded().unwrap();
    assert!(written.contains(&debate.title), "{written}");
    assert!(written.contains("][1]"), "claims are marked");
    assert!(
        !written.contains("\u{1b}[?1049h"),
        "the alternate screen was never entered"
    );
    assert!(!written.contains('\u{1b}'), "no escape sequence at all");
}
