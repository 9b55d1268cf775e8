//! Terminal events into actions: keys through the keymap (in the context of what has focus),
//! mouse wheel and clicks, resizes. Used by the event loop and by the key-sequence tests, so
//! both go the same way.

use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};

use crate::action::Action;
use crate::keymap;
use crate::state::State;
use crate::ui;

/// The action an event means now, if any.
pub fn to_action(state: &State, event: &Event) -> Option<Action> {
    match *event {
        // Presses and auto-repeats; releases (reported on some platforms) would act twice.
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            // While a count is pending, digits join it instead of switching panes.
            match (state.count, key.code) {
                (Some(_), event::KeyCode::Char(d @ '0'..='9')) if key.modifiers.is_empty() => d
                    .to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .map(|d| Action::Reading(crate::action::Reading::CountDigit(d))),
                _ => keymap::resolve(ui::status::context(state), &key),
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
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}
