//! The event loop: the only module that touches the terminal.
//!
//! It enters raw mode and the alternate screen, turns terminal events into actions through the
//! keymap, and draws after each batch of events. Whatever ends the program (q, Ctrl-C, a panic,
//! SIGTERM, SIGHUP, SIGINT) the terminal is restored: a guard's `Drop`, a panic hook and signal
//! flags all lead to the same idempotent [`restore`].

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::widgets::Clear;

mod editor;

use crate::action::Action;
use crate::annotate::Saver;
use crate::effect::{Effect, Effects};
use crate::input;
use crate::resume::Memory;
use crate::search::worker::{Job, Worker};
use crate::state::State;
use crate::ui;
use crate::update::{self, update};

mod modes;

pub use modes::restore;
use modes::{Guard, suspend, write_hyperlinks};

mod hangup;
mod replies;
mod wait;
mod watch;

pub use hangup::HANGUP_RACE_MARK;

use wait::{Wait, Woke, signalled, wait, wait_for_terminal};
use watch::Watch;

/// Whether the event loop goes on after performing effects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Continue,
    Quit,
    /// Back from Ctrl-z: the screen must be drawn whole again.
    Resumed,
}

/// How the event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked us to stop; its number.
    Signal(i32),
}

/// What the event loop performs effects with: the search thread, the save engine, the watch
/// on the debate file (which follows the saves to a copy).
struct Outside {
    searcher: Worker,
    saver: Saver,
    watch: Option<Watch>,
}

impl Outside {
    /// After a save: the reader's own write is not reloaded, and a copy is watched instead.
    fn follow_saves(&mut self) {
        let Some(file) = self.saver.file() else {
            return;
        };
        match &mut self.watch {
            Some(watch) if watch.path == file => watch.resync(),
            _ => self.watch = Some(Watch::new(file.to_path_buf())),
        }
    }
}

/// Restores the terminal before the default panic message, so the message is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The signals that end the program, recorded in one flag (0 while none arrived).
fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        let value = usize::try_from(signal).unwrap_or(0);
        signal_hook::flag::register_usize(signal, Arc::clone(&flag), value)?;
    }
    Ok(flag)
}

/// A test-only way to panic inside the running reader, to test that the terminal is restored.
/// Compiled into debug builds only.
fn test_panic_requested() -> bool {
    cfg!(debug_assertions) && std::env::var_os("DEBATE_TEST_PANIC").is_some()
}

/// Puts text on the system clipboard through the terminal (OSC 52): works over SSH, and in
/// tmux with `set -g set-clipboard on`.
fn copy_to_clipboard(text: &str) -> io::Result<()> {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Runs the reader until the user quits or a signal arrives; `watch`: the debate file to
/// reload when it changes; `saver`: where edits go (a copy, a new file, or `watch`'s file);
/// `memory` saves its place as it changes and at the end, `notice` is shown first (a saved
/// state that could not be used); `mouse`: whether to capture the mouse.
///
/// # Panics
/// Only on purpose: a debug build run with `DEBATE_TEST_PANIC` set panics after the first
/// frame, so that tests can check the terminal is restored after a panic.
pub fn run(
    mut state: State,
    watch: Option<PathBuf>,
    saver: Saver,
    memory: &mut Memory,
    notice: Option<String>,
    mouse: bool,
) -> io::Result<Ending> {
    let signals = watch_signals()?;
    hangup::watch(&signals)?;
    install_panic_hook();
    state.hyperlinks = crate::hyperlinks::supported_here();
    let _guard = Guard::enter(mouse)?;
    // Never dropped: ratatui's Drop reports a failure to show the cursor with eprintln!, which
    // panics when the terminal (and so stderr) is gone. The guard restores the terminal instead.
    let mut terminal =
        std::mem::ManuallyDrop::new(Terminal::new(CrosstermBackend::new(io::stdout()))?);
    let result = event_loop(
        &mut terminal,
        &mut state,
        watch,
        saver,
        memory,
        notice,
        &signals,
    );
    // Saved however the loop ended; a failure is told on stderr once the terminal is back
    // (`Memory::at_exit`).
    let _ = memory.tick(&state, true);
    // A terminal that went away mid-write is a hang-up, not a failure of ours.
    match result {
        Err(_) if wait_for_terminal(Duration::ZERO) == Wait::HungUp => {
            Ok(Ending::Signal(signal_hook::consts::SIGHUP))
        }
        other => other,
    }
}

type Screen = Terminal<CrosstermBackend<io::Stdout>>;

fn event_loop(
    terminal: &mut Screen,
    state: &mut State,
    watch: Option<PathBuf>,
    saver: Saver,
    memory: &mut Memory,
    notice: Option<String>,
    signals: &AtomicUsize,
) -> io::Result<Ending> {
    let mut out = Outside {
        searcher: Worker::spawn()?,
        saver,
        watch: watch.map(Watch::new),
    };
    // The index is built while the reader reads, not when the first query arrives.
    let mut prepared = Arc::clone(&state.debate);
    out.searcher.prepare(Arc::clone(&prepared));
    let size = terminal.size()?;
    let effects = update(state, Action::Resize(size.width, size.height));
    perform(terminal, state, &mut out, effects)?;
    if notice.is_some() {
        state.message = notice;
    }
    let panic_after_draw = test_panic_requested();
    // The OSC 8 links written over the last frame.
    let mut linked = Vec::new();
    let mut late_replies = replies::LateReplies::default();
    loop {
        if !Arc::ptr_eq(&prepared, &state.debate) {
            prepared = Arc::clone(&state.debate);
            out.searcher.prepare(Arc::clone(&prepared));
        }
        memory.tell(state, false);
        let drawn = terminal.draw(|frame| ui::draw(frame, state))?;
        if state.hyperlinks {
            write_hyperlinks(state, drawn.buffer, &mut linked)?;
        }
        assert!(
            !panic_after_draw,
            "test panic requested by DEBATE_TEST_PANIC"
        );
        match wait(terminal, state, &mut out, memory, signals)? {
            Woke::Input => {}
            Woke::Redraw => continue,
            Woke::End(ending) => return Ok(ending),
        }
        // Apply every event already waiting before drawing again. Effects are performed after
        // each one, so a query goes to the search thread before the next key is read. After an
        // Enter that waits for its results, the keys stay unread until they come.
        let mut resized = false;
        let mut next = Next::Continue;
        loop {
            let read = hangup::read()?;
            // Part of a terminal's answer that came too late: no key was typed.
            let typed = if late_replies.swallows(&read) {
                Vec::new()
            } else {
                input::unfold(state, &read)
            };
            for event in typed {
                let Some(action) = input::to_action(state, &event) else {
                    continue;
                };
                resized |= matches!(action, Action::Resize(..));
                let effects = update(state, action);
                next = perform(terminal, state, &mut out, effects)?;
                resized |= next == Next::Resumed;
                if next == Next::Quit {
                    break;
                }
            }
            if next == Next::Quit || state.search.opening.is_some() {
                break;
            }
            // crossterm's reader spins forever on a terminal that hung up (it retries the
            // failed read): it is asked only after a look of our own.
            if wait_for_terminal(Duration::ZERO) == Wait::HungUp {
                return Ok(Ending::Signal(signal_hook::consts::SIGHUP));
            }
            if !hangup::poll(Duration::ZERO)? {
                break;
            }
        }
        // A terminal loses what it showed when it shrinks: after a burst of resizes that ends
        // at the size last drawn, a diff against the last frame would draw nothing. Redraw all.
        // (Terminal::clear would first ask the terminal where its cursor is: a round trip.)
        if resized {
            terminal.backend_mut().clear_region(ClearType::All)?;
            terminal.draw(|frame| frame.render_widget(Clear, frame.area()))?;
        }
        if next == Next::Quit {
            return Ok(Ending::Quit);
        }
        if let Some(ending) = signalled(signals) {
            return Ok(ending);
        }
    }
}

/// Performs what an action asked for: queries go to the search thread, text to the clipboard,
/// edits to the save engine (whose outcome is applied at once), the file to `$EDITOR`.
fn perform(
    terminal: &mut Screen,
    state: &mut State,
    out: &mut Outside,
    effects: Effects,
) -> io::Result<Next> {
    let mut pending = std::collections::VecDeque::from(effects);
    while let Some(effect) = pending.pop_front() {
        match effect {
            Effect::RunSearch { generation, query } => out.searcher.submit(Job {
                generation,
                query,
                limit: update::SEARCH_LIMIT,
                debate: Arc::clone(&state.debate),
            }),
            Effect::CancelSearch => out.searcher.cancel(),
            Effect::Copy(text) => copy_to_clipboard(&text)?,
            Effect::Quit => return Ok(Next::Quit),
            Effect::Suspend => {
                suspend()?;
                return Ok(Next::Resumed);
            }
            // The opener runs beside the reader; a failure to start it is told, not fatal.
            Effect::OpenUrl(url) => {
                if let Err(e) = crate::links::open(&url) {
                    state.message = Some(format!("Could not open the link: {e}."));
                }
            }
            Effect::OpenEditor { claim } => {
                editor::open(terminal, state, out.saver.file(), claim.as_deref())?;
                out.saver.forget();
            }
            other => {
                if let Some(done) = out.saver.perform(&other) {
                    out.follow_saves();
                    pending.extend(update(state, done));
                }
            }
        }
    }
    Ok(Next::Continue)
}
