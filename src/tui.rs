//! The event loop: the only module that touches the terminal.
//!
//! It enters raw mode and the alternate screen, turns terminal events into actions through the
//! keymap, and draws after each batch of events. Whatever ends the program (q, Ctrl-C, a panic,
//! SIGTERM, SIGHUP, SIGINT) the terminal is restored: a guard's `Drop`, a panic hook and signal
//! flags all lead to the same idempotent [`restore`].

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::widgets::Clear;

use crate::action::Action;
use crate::input;
use crate::state::State;
use crate::ui;
use crate::update::update;

/// How the event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked us to stop; its number.
    Signal(i32),
}

/// Puts the terminal back as it was: leaves the alternate screen, stops mouse reporting, shows
/// the cursor, leaves raw mode. Safe to call twice, from a panic hook, or with the terminal gone.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Restores the terminal when dropped, however the loop is left.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Self> {
        // The guard exists before raw mode, so a failure half-way still restores.
        let guard = Self;
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
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

/// Runs the reader until the user quits or a signal arrives.
///
/// # Panics
/// Only on purpose: a debug build run with `DEBATE_TEST_PANIC` set panics after the first
/// frame, so that tests can check the terminal is restored after a panic.
pub fn run(mut state: State) -> io::Result<Ending> {
    let signals = watch_signals()?;
    install_panic_hook();
    let _guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    update(&mut state, Action::Resize(size.width, size.height));
    let panic_after_draw = test_panic_requested();
    loop {
        terminal.draw(|frame| ui::draw(frame, &state))?;
        assert!(
            !panic_after_draw,
            "test panic requested by DEBATE_TEST_PANIC"
        );
        // Wake regularly so that a signal is noticed even when no key is pressed.
        while !event::poll(Duration::from_millis(100))? {
            if let Some(ending) = signalled(&signals) {
                return Ok(ending);
            }
        }
        // Apply every event already waiting before drawing again.
        let mut resized = false;
        loop {
            if let Some(action) = input::to_action(&state, &event::read()?) {
                resized |= matches!(action, Action::Resize(..));
                update(&mut state, action);
            }
            if state.quit || !event::poll(Duration::ZERO)? {
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
        if state.quit {
            return Ok(Ending::Quit);
        }
        if let Some(ending) = signalled(&signals) {
            return Ok(ending);
        }
    }
}

fn signalled(flag: &AtomicUsize) -> Option<Ending> {
    match flag.load(Ordering::Relaxed) {
        0 => None,
        n => Some(Ending::Signal(i32::try_from(n).unwrap_or(0))),
    }
}
