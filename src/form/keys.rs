//! The keys of authoring, read before the keymap: while the form, the path prompt or a
//! question is open, typed characters are text or answers, not commands. (Caret mode's
//! motions are the keymap's `caret` context.)

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::FormInput;
use crate::action::Action;
use crate::field::Edit;
use crate::state::State;

/// Esc, as caret mode and questions receive it.
pub const ESC: char = '\u{1b}';

/// The action a key means to authoring now; `None` leaves it to the keymap.
pub fn to_action(state: &State, key: &KeyEvent) -> Option<Action> {
    let a = &state.authoring;
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        // In the claim form or its path prompt Ctrl-c cancels as Esc does (and asks before
        // dropping typed text), as in fzf's prompt and vim's command line; elsewhere it reaches
        // the keymap (quit).
        return (a.confirm.is_none() && (a.form.is_some() || a.prompt.is_some()))
            .then_some(Action::Form(FormInput::Cancel));
    }
    if a.confirm.is_some() {
        return Some(Action::Answer(match key.code {
            KeyCode::Char(c) => c,
            _ => ESC,
        }));
    }
    if a.form.is_some() || a.prompt.is_some() {
        return form_key(key).map(Action::Form);
    }
    None
}

fn form_key(key: &KeyEvent) -> Option<FormInput> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Esc => FormInput::Cancel,
        KeyCode::Enter => FormInput::Submit,
        KeyCode::Char('s') if ctrl => FormInput::Submit,
        KeyCode::Tab => FormInput::Next,
        KeyCode::BackTab => FormInput::Prev,
        KeyCode::Left => FormInput::Left,
        KeyCode::Right => FormInput::Right,
        KeyCode::Home => FormInput::Field(Edit::Home),
        KeyCode::End => FormInput::Field(Edit::End),
        KeyCode::Backspace if alt => FormInput::Field(Edit::BackwardKillWord),
        KeyCode::Backspace => FormInput::Field(Edit::DeleteBack),
        KeyCode::Delete => FormInput::Field(Edit::DeleteForward),
        KeyCode::Char('h') if ctrl => FormInput::Field(Edit::DeleteBack),
        KeyCode::Char('a') if ctrl => FormInput::Field(Edit::Home),
        KeyCode::Char('e') if ctrl => FormInput::Field(Edit::End),
        KeyCode::Char('w') if ctrl => FormInput::Field(Edit::DeleteWordBack),
        KeyCode::Char('u') if ctrl => FormInput::Field(Edit::DeleteToStart),
        KeyCode::Char('k') if ctrl => FormInput::Field(Edit::DeleteToEnd),
        KeyCode::Char('b') if alt => FormInput::Field(Edit::WordLeft),
        KeyCode::Char('f') if alt => FormInput::Field(Edit::WordRight),
        KeyCode::Char('d') if alt => FormInput::Field(Edit::KillWord),
        KeyCode::Char(c) if !ctrl && !alt => FormInput::Field(Edit::Insert(c)),
        _ => return None,
    })
}
