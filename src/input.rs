//! Terminal events into actions: keys through the keymap (in the context of what has focus),
//! mouse wheel and clicks, resizes. Used by the event loop and by the key-sequence tests, so
//! both go the same way.

use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind,
};

use crate::action::Action;
use crate::keymap;
use crate::state::State;

/// The events a terminal event stands for, to be turned into actions one at a time (each in the
/// context the one before leaves). Esc followed at once by a key (a fast burst, or over SSH)
/// reaches us as Alt and the key: where Alt with that key means nothing, it is Esc, then the key.
pub fn unfold(state: &State, event: &Event) -> Vec<Event> {
    if let Event::Key(key) = event
        && key.modifiers.contains(KeyModifiers::ALT)
        && key.kind != KeyEventKind::Release
        && to_action(state, event).is_none()
    {
        let mut plain = *key;
        plain.modifiers.remove(KeyModifiers::ALT);
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        return vec![Event::Key(esc), Event::Key(plain)];
    }
    vec![event.clone()]
}

/// The action an event means now, if any.
pub fn to_action(state: &State, event: &Event) -> Option<Action> {
    // The claim form, its questions and the caret read keys before the keymap.
    if let Event::Key(key) = event
        && key.kind != KeyEventKind::Release
        && let Some(action) = crate::form::to_action(state, key)
    {
        return Some(action);
    }
    if let Event::Paste(text) = event
        && (state.authoring.form.is_some() || state.authoring.prompt.is_some())
    {
        return Some(Action::Form(crate::form::FormInput::Field(
            crate::field::Edit::Paste(text.clone()),
        )));
    }
    match *event {
        // Presses and auto-repeats; releases (reported on some platforms) would act twice.
        // After `m` or `'`, a letter names the mark (as in less).
        Event::Key(key) if key.kind != KeyEventKind::Release && state.pending_mark.is_some() => {
            match key.code {
                event::KeyCode::Char(c) if c.is_ascii_alphabetic() => Some(Action::MarkLetter(c)),
                _ => Some(Action::CancelMark),
            }
        }
        // While a count is pending, digits join it instead of switching panes.
        Event::Key(key)
            if key.kind != KeyEventKind::Release
                && state.count.is_some()
                && key.modifiers.is_empty() =>
        {
            match key.code {
                event::KeyCode::Char(d @ '0'..='9') => d
                    .to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .map(Action::CountDigit),
                _ => state.keymap.resolve(keymap::Context::of(state), &key),
            }
        }
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            match state.keymap.resolve(keymap::Context::of(state), &key) {
                // A digit that names no article starts a count (`5j` with two articles moves
                // five lines), as it would in less and vim; 1…n still switch panes.
                Some(Action::ShowArticle(i)) if i >= state.debate.articles.len() => {
                    match key.code {
                        KeyCode::Char(d @ '1'..='9') if key.modifiers.is_empty() => d
                            .to_digit(10)
                            .and_then(|d| u8::try_from(d).ok())
                            .map(Action::CountDigit),
                        _ => Some(Action::ShowArticle(i)),
                    }
                }
                other => other,
            }
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                x: mouse.column,
                y: mouse.row,
                delta: 1,
            }),
            MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                x: mouse.column,
                y: mouse.row,
                delta: -1,
            }),
            MouseEventKind::Down(event::MouseButton::Left) => Some(Action::ClickAt {
                x: mouse.column,
                y: mouse.row,
            }),
            MouseEventKind::Drag(event::MouseButton::Left) => Some(Action::DragAt {
                x: mouse.column,
                y: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        // A bracketed paste: one edit of the prompt, its line breaks never read as Enter.
        Event::Paste(ref text) if keymap::Context::of(state).takes_text() => {
            Some(Action::Paste(text.clone()))
        }
        _ => None,
    }
}
