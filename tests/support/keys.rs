//! Key sequences for tests, through the same input mapping, keymap and update the binary uses.
//!
//! Keys are written as the keymap writes them (`j`, `ctrl-c`, `shift-tab`, `space`, `enter`),
//! parsed by the keymap's own parser. A test binary says
//! `#[path = "support/keys.rs"] mod keys;` (the pty harness in `support/mod.rs` is separate, so
//! that a key test does not compile it). Not every binary uses every helper.

#![allow(clippy::panic, clippy::unwrap_used, dead_code)]

use crossterm::event::{Event, KeyEvent};
use debate::effect::{Effects, apply};
use debate::input::to_action;
use debate::keymap::Key;
use debate::model::Debate;
use debate::state::State;
use debate::update::update;

/// The reader on the embedded debate at `w` x `h`.
pub fn app(w: u16, h: u16) -> State {
    State::new(Debate::embedded().unwrap(), "test", w, h)
}

/// The key event for a key written as the keymap writes keys ("ctrl-c", "shift-tab", "G").
pub fn key(token: &str) -> KeyEvent {
    token
        .parse::<Key>()
        .unwrap_or_else(|e| panic!("{e}"))
        .event()
}

/// Presses keys written like "j j enter ctrl-c", one event each, as the event loop would, with
/// searches run at once; returns the other effects asked for.
pub fn press(state: &mut State, keys: &str) -> Effects {
    let mut effects = Effects::new();
    for token in keys.split_whitespace() {
        if let Some(action) = to_action(state, &Event::Key(key(token))) {
            effects.extend(apply(state, action));
        }
    }
    effects
}

/// Presses keys as [`press`] does, but leaves searches undone: their requests are among the
/// effects returned, and their results arrive when a test says so.
pub fn press_deferred(state: &mut State, keys: &str) -> Effects {
    let mut effects = Effects::new();
    for token in keys.split_whitespace() {
        if let Some(action) = to_action(state, &Event::Key(key(token))) {
            effects.extend(update(state, action));
        }
    }
    effects
}

/// The keys that type `text`, for [`press`].
pub fn keys_of(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' ' => "space ".to_owned(),
            c => format!("{c} "),
        })
        .collect()
}

/// Types text, a key per character.
pub fn type_text(state: &mut State, text: &str) {
    press(state, &keys_of(text));
}

/// Types text, leaving the searches undone (see [`press_deferred`]).
pub fn type_deferred(state: &mut State, text: &str) -> Effects {
    press_deferred(state, &keys_of(text))
}

/// The screen as text, drawn as the binary draws it.
pub fn screen(state: &State) -> String {
    debate::screen::to_text(&debate::screen::draw(state, state.width, state.height))
}
