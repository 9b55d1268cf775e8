//! Waiting between frames: for input, the search thread's results, a save of the watched file,
//! a signal, or the terminal hanging up, whichever comes first.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::watch::{WATCH_EVERY, Watch};
use super::{Ending, Next, Outside, Screen, perform};
use crate::action::{Action, Reload};
use crate::resume::Memory;
use crate::search::worker::Received;
use crate::state::State;
use crate::update::{self, update};

/// What the wait between frames ended on.
pub(super) enum Woke {
    /// Input is waiting.
    Input,
    /// Something changed the state: draw it.
    Redraw,
    End(Ending),
}

/// Waits for input, search results, a save of the watched file or a signal. It wakes
/// regularly, so that a signal or a save of the file is noticed without a key, and often while
/// a search runs, to show its results as soon as they are ready.
pub(super) fn wait(
    terminal: &mut Screen,
    state: &mut State,
    out: &mut Outside,
    memory: &mut Memory,
    signals: &AtomicUsize,
) -> io::Result<Woke> {
    let hung_up = Woke::End(Ending::Signal(signal_hook::consts::SIGHUP));
    loop {
        if let Some(ending) = signalled(signals) {
            return Ok(Woke::End(ending));
        }
        let woke = if state.search.opening.is_some() {
            // Enter waits for its query's results; the keys typed after it wait in the
            // terminal, to act on what Enter opens.
            if wait_for_terminal(Duration::ZERO) == Wait::HungUp {
                return Ok(hung_up);
            }
            match out.searcher.wait(WATCH_EVERY) {
                Received::Nothing => continue,
                received => search_result(state, received),
            }
        } else {
            // A large debate read back after a save is waited for as a search is.
            let busy = state.search.busy || out.saver.is_loading();
            let wait = if busy { 5 } else { 100 };
            if wait_for_terminal(Duration::from_millis(wait)) == Wait::HungUp {
                return Ok(hung_up);
            }
            if super::hangup::poll(Duration::ZERO)? {
                return Ok(Woke::Input);
            }
            // A change held still long enough is saved while the reader waits.
            if memory.tell(state, false) {
                return Ok(Woke::Redraw);
            }
            out.saver
                .try_recv()
                .or_else(|| search_result(state, out.searcher.try_recv()))
                .or_else(|| {
                    out.watch
                        .as_mut()
                        .and_then(Watch::poll)
                        .map(|result| Action::Reloaded(Reload::new(result)))
                })
        };
        if let Some(action) = woke {
            let effects = update(state, action);
            if perform(terminal, state, out, effects)? == Next::Quit {
                return Ok(Woke::End(Ending::Quit));
            }
            return Ok(Woke::Redraw);
        }
    }
}

/// The action a search thread's answer stands for. A thread that is gone (it panicked) answers
/// no more: the newest query, if one is waited for, is ranked here instead.
fn search_result(state: &State, received: Received) -> Option<Action> {
    let (generation, results) = match received {
        Received::Done(done) => (done.generation, done.results),
        Received::Gone if state.search.busy => (
            state.search.generation,
            crate::search::Index::new(&state.debate).search(
                &state.debate,
                state.search.query.text(),
                update::SEARCH_LIMIT,
            ),
        ),
        Received::Nothing | Received::Gone => return None,
    };
    Some(Action::SearchDone {
        generation,
        results: Box::new(results),
    })
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    /// Input may be there, or a signal (a resize, say) woke us: ask crossterm.
    Ready,
    TimedOut,
    /// The terminal is gone (its window closed).
    HungUp,
}

/// Waits up to `timeout` for the terminal. crossterm's own poll spins forever on a terminal
/// that hung up without a SIGHUP reaching us (when the reader is a session leader with no
/// controlling terminal), so the wait happens here, where a hang-up can be seen.
pub(super) fn wait_for_terminal(timeout: Duration) -> Wait {
    use nix::errno::Errno;
    use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
    use std::os::fd::AsFd;
    let stdin = io::stdin();
    let stdout = io::stdout();
    let fd = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        stdout.as_fd()
    };
    let mut fds = [PollFd::new(fd, PollFlags::POLLIN)];
    let millis = u16::try_from(timeout.as_millis()).unwrap_or(u16::MAX);
    match poll(&mut fds, PollTimeout::from(millis)) {
        Ok(0) => Wait::TimedOut,
        Ok(_) => match fds[0].revents() {
            Some(r)
                if r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL) =>
            {
                Wait::HungUp
            }
            _ => Wait::Ready,
        },
        // A signal interrupted the wait: crossterm may have a resize for us.
        Err(Errno::EINTR) => Wait::Ready,
        Err(_) => Wait::HungUp,
    }
}

pub(super) fn signalled(flag: &AtomicUsize) -> Option<Ending> {
    match flag.load(Ordering::Relaxed) {
        0 => None,
        n => Some(Ending::Signal(i32::try_from(n).unwrap_or(0))),
    }
}
