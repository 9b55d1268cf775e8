//! The keys of authoring, read before the keymap: while the form, the path prompt or a
//! question is open, typed characters are text or answers, not commands; in caret mode the
//! reader's letters are vim's motions.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::FormInput;
use crate::action::Action;
use crate::field::Edit;
use crate::state::{State, View};

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
    // While a pattern is typed after `/`, its letters are the pattern's.
    if a.caret.is_some()
        && state.view == View::Reader
        && state.overlay.is_none()
        && !crate::reading::typing_pattern(state)
    {
        return caret_key(key).map(Action::CaretKey);
    }
    None
}

/// The status bar's hints in caret mode and while selecting, from the keys [`caret_key`]
/// reads: the reader's own hints would name keys the caret takes for itself.
pub const CARET_HINTS: &[(&str, &str)] = &[
    ("v", "select"),
    ("a", "make a claim"),
    ("w b e", "words"),
    ("( ) { }", "sentences, paragraphs"),
    ("Esc", "leave"),
];
pub const VISUAL_HINTS: &[(&str, &str)] = &[
    ("a", "make a claim of it"),
    ("w b e $", "extend"),
    ("v Esc", "drop the selection"),
];

fn caret_key(key: &KeyEvent) -> Option<char> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Esc => ESC,
        KeyCode::Left => 'h',
        KeyCode::Right => 'l',
        KeyCode::Up => 'k',
        KeyCode::Down => 'j',
        KeyCode::Home => '0',
        KeyCode::End => '$',
        KeyCode::Enter => 'a',
        KeyCode::Char(
            c @ ('h' | 'j' | 'k' | 'l' | 'w' | 'b' | 'e' | '0' | '$' | 'g' | 'G' | '(' | ')' | '{'
            | '}' | 'v' | 'a'),
        ) => c,
        _ => return None,
    })
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
        KeyCode::Backspace => FormInput::Field(Edit::DeleteBack),
        KeyCode::Delete => FormInput::Field(Edit::DeleteForward),
        KeyCode::Char('a') if ctrl => FormInput::Field(Edit::Home),
        KeyCode::Char('e') if ctrl => FormInput::Field(Edit::End),
        KeyCode::Char('w') if ctrl => FormInput::Field(Edit::DeleteWordBack),
        KeyCode::Char('u') if ctrl => FormInput::Field(Edit::DeleteToStart),
        KeyCode::Char('k') if ctrl => FormInput::Field(Edit::DeleteToEnd),
        KeyCode::Char('b') if alt => FormInput::Field(Edit::WordLeft),
        KeyCode::Char('f') if alt => FormInput::Field(Edit::WordRight),
        KeyCode::Char(c) if !ctrl && !alt => FormInput::Field(Edit::Insert(c)),
        _ => return None,
    })
}
