//! Reading the terminal through crossterm without hanging when the terminal goes away.
//!
//! crossterm 0.29's reader loops forever on a terminal that hung up: once its poll reports the
//! terminal readable, it retries a read that returns nothing (a hung-up tty reads as end of
//! file) until a key parses, which never happens, at full CPU, ignoring its timeout. The event
//! loop looks for a hang-up itself before every call into crossterm, but the terminal can close
//! between that look and crossterm's read: a window of microseconds that a busy machine widens
//! (the reader then ran on 20 s after its window closed, once in a CI run of the pty tests).
//!
//! So every call into crossterm's reader goes through [`poll`] or [`read`], which record that
//! the event loop is inside crossterm, and a watchdog thread waits for the hang-up. When the
//! terminal is gone it raises the same flag a SIGHUP raises, so an event loop that is not stuck
//! ends as it always does (saving its place); and if the loop is inside the same crossterm call
//! for [`STUCK_AFTER`] after the hang-up, where it can only be spinning, the watchdog ends the
//! process with the status of a hang-up.

use std::io::{self, IsTerminal};
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event};

/// Whether the event loop is inside a crossterm call, and how many it has entered: a call
/// seen at two looks `STUCK_AFTER` apart is the same call only if the count did not move.
static INSIDE: AtomicBool = AtomicBool::new(false);
static ENTERED: AtomicU64 = AtomicU64::new(0);

/// How long a crossterm call may last after the terminal hung up before it counts as stuck.
/// A call that has anything to return returns at once: its keys were parsed before.
const STUCK_AFTER: Duration = Duration::from_millis(250);

/// Marks the event loop as inside crossterm while it lives.
struct Inside;

impl Inside {
    fn enter() -> Self {
        ENTERED.fetch_add(1, Ordering::SeqCst);
        INSIDE.store(true, Ordering::SeqCst);
        widen_the_race_for_tests();
        Self
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        INSIDE.store(false, Ordering::SeqCst);
    }
}

/// crossterm's `event::poll`, watched.
pub(super) fn poll(timeout: Duration) -> io::Result<bool> {
    let _inside = Inside::enter();
    event::poll(timeout)
}

/// crossterm's `event::read`, watched.
pub(super) fn read() -> io::Result<Event> {
    let _inside = Inside::enter();
    event::read()
}

/// Starts the watchdog: on a hang-up it sets `signals` to SIGHUP, then ends the process if the
/// event loop stays inside one crossterm call.
pub(super) fn watch(signals: &Arc<AtomicUsize>) -> io::Result<()> {
    let signals = Arc::clone(signals);
    std::thread::Builder::new()
        .name("hang-up watch".into())
        .spawn(move || {
            wait_for_hangup();
            let sighup = signal_hook::consts::SIGHUP;
            let _ = signals.compare_exchange(
                0,
                usize::try_from(sighup).unwrap_or(1),
                Ordering::SeqCst,
                Ordering::SeqCst,
            );
            loop {
                let seen = (
                    INSIDE.load(Ordering::SeqCst),
                    ENTERED.load(Ordering::SeqCst),
                );
                std::thread::sleep(STUCK_AFTER);
                let now = (
                    INSIDE.load(Ordering::SeqCst),
                    ENTERED.load(Ordering::SeqCst),
                );
                if seen.0 && seen == now {
                    // Nothing is left to restore on a terminal that is gone.
                    std::process::exit(128 + sighup);
                }
            }
        })?;
    Ok(())
}

/// Blocks until the terminal hangs up. A poll for no event at all still reports a hang-up,
/// and wakes for nothing else.
fn wait_for_hangup() {
    use nix::errno::Errno;
    use nix::poll::{PollFd, PollFlags, PollTimeout};
    let (stdin, stdout) = (io::stdin(), io::stdout());
    let fd = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        stdout.as_fd()
    };
    loop {
        let mut fds = [PollFd::new(fd, PollFlags::empty())];
        match nix::poll::poll(&mut fds, PollTimeout::NONE) {
            Err(Errno::EINTR) => {}
            Ok(_) if fds[0].revents().is_none_or(|r| r.is_empty()) => {}
            _ => return,
        }
    }
}

/// What a debug build run with `DEBATE_TEST_HANGUP_RACE` writes when it enters crossterm for
/// the second time (the first sets crossterm's reader up); it then waits there for the terminal to hang up before crossterm reads, so
/// that a test closes the terminal inside the window this module guards every time, not once
/// in many runs.
pub const HANGUP_RACE_MARK: &str = "\x1b]7777;hang-up race\x07";

fn widen_the_race_for_tests() {
    use std::io::Write;
    static FIRST: std::sync::Once = std::sync::Once::new();
    if cfg!(debug_assertions)
        && ENTERED.load(Ordering::SeqCst) > 1
        && std::env::var_os("DEBATE_TEST_HANGUP_RACE").is_some()
    {
        FIRST.call_once(|| {
            let mut out = io::stdout();
            let _ = out.write_all(HANGUP_RACE_MARK.as_bytes());
            let _ = out.flush();
            wait_for_hangup();
        });
    }
}
