//! `kill -9` at random moments while a process saves its reading state in a loop never leaves
//! a torn state file: each time, the file parses and holds the last save or a later one.
//!
//! The saving process is this test binary itself, run again with only `saver_child` selected
//! and the state directory in an environment variable; without that variable `saver_child`
//! returns at once, so an ordinary run of the tests just passes it.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use debate::session::{DebateKey, Session, Store, Verdict};

/// Set in the child's environment: where it saves.
const CHILD_DIR: &str = "DEBATE_TEST_SAVER_DIR";
/// How many times the saver is killed.
const ROUNDS: usize = 100;
/// Kills land within this many microseconds after the child's first save.
const MAX_DELAY_MICROS: u64 = 20_000;
/// What the child prints after its first save (the harness may print on the same line).
const READY: &str = "saver-ready";

fn key() -> DebateKey {
    DebateKey::embedded("Kill test", "a debate that does not change")
}

fn counter(session: &Session) -> u64 {
    session
        .judgements
        .get("counter")
        .and_then(|j| j.note.as_deref())
        .map_or(0, |n| n.parse().unwrap())
}

/// A session of some size, so that a kill often lands in the middle of writing it.
fn large_session() -> Session {
    let mut session = Session::default();
    for n in 0..400 {
        let claim = format!("claim-{n}");
        session.set_verdict(&claim, Some(Verdict::Unsure));
        session.set_note(
            &claim,
            &"A note of some length, to make the file large. ".repeat(4),
        );
    }
    session
}

/// The child: saves the session again and again with a growing counter, and says [`READY`] on
/// stdout after its first save. Runs only when the parent test starts it.
#[test]
fn saver_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let store = Store::at(dir);
    let loaded = store.load(&key());
    assert_eq!(loaded.notice, None, "the child found an unusable file");
    let mut session = if counter(&loaded.session) == 0 {
        large_session()
    } else {
        loaded.session
    };
    let mut n = counter(&session);
    let mut stdout = std::io::stdout();
    for saves in 0.. {
        n += 1;
        session.set_note("counter", &n.to_string());
        store.save(&key(), &session).unwrap();
        if saves == 0 {
            // Written straight to stdout, not through the test harness's capture.
            stdout.write_all(format!("{READY}\n").as_bytes()).unwrap();
            stdout.flush().unwrap();
        }
    }
}

/// xorshift64*: a seeded sequence of kill moments, reproducible from the seed printed on
/// failure (`DEBATE_KILL_SEED` sets it).
struct Moments(u64);

impl Moments {
    fn next_micros(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % MAX_DELAY_MICROS
    }
}

#[cfg(unix)]
#[test]
fn killing_a_saving_process_never_leaves_a_torn_file() {
    use std::os::unix::process::ExitStatusExt;
    let seed = std::env::var("DEBATE_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15_u64);
    let mut moments = Moments(seed.max(1));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let mut last = 0;
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["saver_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Blocks until the child has saved once (or has died, which ends its stdout).
        let ready = lines.any(|line| line.is_ok_and(|l| l.contains(READY)));
        // The moment of the kill, not synchronisation: anywhere in the next few saves.
        std::thread::sleep(Duration::from_micros(moments.next_micros()));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(
            ready,
            "round {round} (seed {seed}): the saver died first: {status}"
        );
        assert_eq!(status.signal(), Some(9), "round {round}: {status}");

        let loaded = store.load(&key());
        assert_eq!(
            loaded.notice, None,
            "round {round} (seed {seed}): a kill left an unusable file"
        );
        let n = counter(&loaded.session);
        assert!(
            n > last,
            "round {round} (seed {seed}): the counter went from {last} to {n}"
        );
        assert_eq!(loaded.session.judgements.len(), 401, "round {round}");
        last = n;
    }
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count();
    eprintln!("{ROUNDS} kills, {last} saves, {leftovers} temporary files left by kills");
}
