//! The terminal background query in a real pseudo-terminal: this test binary runs itself as
//! the child, and the parent plays a terminal that answers light, answers dark, or never
//! answers, or the child's standard streams are redirected and it must not ask at all.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use debate::background::{self, Background};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const CHILD_VAR: &str = "DEBATE_BACKGROUND_CHILD";
/// Only a hung query would take this long: the test fails rather than waits forever.
const WATCHDOG: Duration = Duration::from_secs(30);
const OSC_11_QUERY: &[u8] = b"\x1b]11;?";

/// The child's side: asks, and prints what it learnt and how long asking took.
#[test]
fn background_child() {
    if std::env::var_os(CHILD_VAR).is_none() {
        return;
    }
    let start = Instant::now();
    let background = background::query(background::QUERY_TIMEOUT);
    println!("RESULT {background:?} {}", start.elapsed().as_millis());
}

struct Outcome {
    background: String,
    millis: u128,
    /// Every byte the child wrote to the terminal.
    output: Vec<u8>,
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Runs the child in a pty through `sh -c`, `shell` wrapping `$0` (the child command);
/// writes `answer` once the query arrives, if given.
fn run(shell: &str, answer: Option<&[u8]>) -> Outcome {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", shell]);
    cmd.arg(exe.as_os_str());
    cmd.env(CHILD_VAR, "1");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let mut answered = false;
    let start = Instant::now();
    let result = loop {
        assert!(
            start.elapsed() < WATCHDOG,
            "no result: {:?}",
            String::from_utf8_lossy(&output.lock().unwrap())
        );
        let seen = output.lock().unwrap().clone();
        if let (Some(answer), false) = (answer, answered)
            && contains(&seen, OSC_11_QUERY)
        {
            writer.write_all(answer).unwrap();
            writer.flush().unwrap();
            answered = true;
        }
        let text = String::from_utf8_lossy(&seen);
        // The harness prints around it, so the line is found by its mark, not its start.
        if let Some((_, rest)) = text.split_once("RESULT ")
            && let Some((line, _)) = rest.split_once(['\r', '\n'])
        {
            break line.to_owned();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = child.kill();
    let _ = child.wait();
    let (background, millis) = result.split_once(' ').unwrap();
    Outcome {
        background: background.to_owned(),
        millis: millis.trim().parse().unwrap(),
        output: output.lock().unwrap().clone(),
    }
}

const CHILD: &str = "exec \"$0\" background_child --exact --nocapture --test-threads=1";

#[test]
fn a_light_answer_is_light() {
    // The background, then the answer to the device-attributes query the crate sends after.
    let outcome = run(CHILD, Some(b"\x1b]11;rgb:fdfd/f6f6/e3e3\x1b\\\x1b[?62;22c"));
    assert!(contains(&outcome.output, OSC_11_QUERY));
    assert_eq!(outcome.background, format!("{:?}", Background::Light));
}

#[test]
fn a_dark_answer_is_dark() {
    let outcome = run(CHILD, Some(b"\x1b]11;rgb:0000/2b2b/3636\x07\x1b[?62;22c"));
    assert_eq!(outcome.background, format!("{:?}", Background::Dark));
}

#[test]
fn a_terminal_that_only_answers_device_attributes_is_not_waited_for() {
    // The answer to DA1 coming first tells the crate that OSC 11 is not understood.
    let outcome = run(CHILD, Some(b"\x1b[?62;22c"));
    assert_eq!(outcome.background, format!("{:?}", Background::Unknown));
}

#[test]
fn a_silent_terminal_gives_up_quickly() {
    let outcome = run(CHILD, None);
    assert!(
        contains(&outcome.output, OSC_11_QUERY),
        "the query was sent"
    );
    assert_eq!(outcome.background, format!("{:?}", Background::Unknown));
    // Not a timing figure: the crate's own default is 1 s, and ours must be what bounds the
    // wait (80 ms). The margin is wide so that a busy machine cannot fail this.
    assert!(outcome.millis < 1000, "waited {} ms", outcome.millis);
}

#[test]
fn redirected_streams_are_not_asked() {
    // The pty is still the controlling terminal, so only our own check keeps the query off it.
    let outcome = run(&format!("{CHILD} </dev/null | cat"), None);
    assert!(
        !contains(&outcome.output, OSC_11_QUERY),
        "{:?}",
        String::from_utf8_lossy(&outcome.output)
    );
    assert_eq!(outcome.background, format!("{:?}", Background::Unknown));
}
