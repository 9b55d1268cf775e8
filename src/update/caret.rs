//! The caret in the reader: `a` puts it on screen, vim's motions move it, `v` selects, and `a`
//! on a selection opens the claim form with the selected words as its quote.

use crate::action::{Action, CaretCommand};
use crate::caret::{self, Caret, Motion};
use crate::form::Form;
use crate::geometry;
use crate::state::{State, View};

/// `a` in the reader: a caret at the top of the screen; on a selection, the claim form.
pub(super) fn annotate(state: &mut State) {
    if state.view != View::Reader {
        return;
    }
    if state
        .authoring
        .caret
        .as_ref()
        .is_some_and(|c| c.anchor.is_some() && c.article == state.article)
    {
        open_add_form(state);
        return;
    }
    let article = state.debate.article(state.article);
    let reader = state.reader();
    let at = caret::start(article, &reader.flow, reader.top);
    state.authoring.caret = Some(Caret {
        article: state.article,
        at,
        anchor: None,
        pending_g: false,
    });
    state.message = Some(caret_message(&state.keymap));
}

/// What caret mode's keys do, from the keymap (a config may have moved them).
fn caret_message(keymap: &crate::keymap::Keymap) -> String {
    use CaretCommand as C;
    let key = |c| keymap.key_for(crate::keymap::Context::Caret, &Action::Caret(c));
    let top = key(C::Top);
    let moves: Vec<String> = [
        C::Left,
        C::Down,
        C::Up,
        C::Right,
        C::WordForward,
        C::WordBack,
        C::WordEnd,
        C::LineStart,
        C::LineEnd,
    ]
    .into_iter()
    .map(key)
    .chain([format!("{top}{top}"), key(C::Bottom)])
    .filter(|k| !k.is_empty())
    .collect();
    format!(
        "Caret: {} move it, {} selects, {} makes a claim of the selection, {} leaves.",
        moves.join(" "),
        key(C::Select),
        key(C::Claim),
        key(C::Leave)
    )
}

/// A command of caret mode, as the keymap's `caret` context gives it.
pub(super) fn caret_command(state: &mut State, command: CaretCommand) {
    let article = state.debate.article(state.article);
    let Some(mut caret) = state.authoring.caret.take() else {
        return;
    };
    if caret.article != state.article {
        let reader = state.reader();
        caret.at = caret::start(article, &reader.flow, reader.top);
        caret.anchor = None;
        caret.article = state.article;
    }
    caret.at = caret::clamp(article, caret.at);
    let pending_g = std::mem::take(&mut caret.pending_g);
    let motion = match command {
        CaretCommand::Leave if caret.anchor.is_some() => {
            caret.anchor = None;
            None
        }
        // Leaving with nothing selected leaves caret mode.
        CaretCommand::Leave => return,
        CaretCommand::Select => {
            caret.anchor = match caret.anchor {
                Some(_) => None,
                None => Some(caret.at),
            };
            None
        }
        CaretCommand::Claim => {
            state.authoring.caret = Some(caret);
            open_add_form(state);
            return;
        }
        CaretCommand::Top if pending_g => Some(Motion::First),
        CaretCommand::Top => {
            caret.pending_g = true;
            None
        }
        CaretCommand::Bottom => Some(Motion::Last),
        CaretCommand::Left => Some(Motion::Left),
        CaretCommand::Right => Some(Motion::Right),
        CaretCommand::Up => Some(Motion::Up),
        CaretCommand::Down => Some(Motion::Down),
        CaretCommand::WordForward => Some(Motion::WordForward),
        CaretCommand::WordBack => Some(Motion::WordBack),
        CaretCommand::WordEnd => Some(Motion::WordEnd),
        CaretCommand::LineStart => Some(Motion::LineStart),
        CaretCommand::LineEnd => Some(Motion::LineEnd),
        CaretCommand::SentenceBack => Some(Motion::SentenceBack),
        CaretCommand::SentenceForward => Some(Motion::SentenceForward),
        CaretCommand::ParagraphBack => Some(Motion::ParagraphBack),
        CaretCommand::ParagraphForward => Some(Motion::ParagraphForward),
    };
    if let Some(motion) = motion {
        caret.at = caret::moved(article, &state.reader().flow, caret.at, motion);
    }
    let at = caret.at;
    state.authoring.caret = Some(caret);
    follow_caret(state, at);
}

/// Scrolls so that the caret's line is on screen.
fn follow_caret(state: &mut State, at: caret::Point) {
    let height = usize::from(geometry::reader(state).column.height).max(1);
    let reader = &mut state.readers[state.article.get()];
    let line = reader.flow.line_of_block_byte(at.block, at.byte);
    if line < reader.top {
        reader.set_top(line);
    } else if line >= reader.top + height {
        reader.set_top(line + 1 - height);
    }
}

fn open_add_form(state: &mut State) {
    let Some(caret) = &state.authoring.caret else {
        return;
    };
    let article = state.debate.article(state.article);
    match caret::quote(article, caret) {
        Ok(quote) => {
            let form = Form::add(&state.debate, &article.id, &quote);
            state.authoring.form = Some(Box::new(form));
        }
        Err(e) => state.message = Some(e.to_string()),
    }
}

/// A drag in the reader: the words from where the button went down to here are selected,
/// with the caret at this end.
pub(super) fn drag_to(state: &mut State, x: u16, y: u16) {
    if state.view != View::Reader || state.overlay.is_some() {
        return;
    }
    let (Some(from), Some(to)) = (
        state
            .authoring
            .pressed
            .and_then(|(x, y)| point_on_screen(state, x, y)),
        point_on_screen(state, x, y),
    ) else {
        return;
    };
    state.authoring.caret = Some(Caret {
        article: state.article,
        at: to,
        anchor: Some(from),
        pending_g: false,
    });
}

/// The character of the article at a cell of the screen, if there is one there.
fn point_on_screen(state: &State, x: u16, y: u16) -> Option<caret::Point> {
    let column = geometry::reader(state).column;
    if !crate::geometry::layout::contains(column, x, y) {
        return None;
    }
    let reader = state.reader();
    let line = reader.top + usize::from(y - column.y);
    let article = state.debate.article(state.article);
    caret::point_at(article, &reader.flow, line, usize::from(x - column.x))
}

/// The match of the reader's `/` search that is current, to compare after an action.
pub(super) fn current_find(state: &State) -> Option<crate::find::Match> {
    state.reader().find.as_ref()?.current_match().cloned()
}

/// A search that moved to another match takes the caret there (extending a selection, as a
/// search does in vim's visual mode).
pub(super) fn follow_find(state: &mut State, before: Option<&crate::find::Match>) {
    let now = current_find(state);
    if now.as_ref() == before || state.view != View::Reader {
        return;
    }
    let (Some(found), Some(caret)) = (now, state.authoring.caret.as_mut()) else {
        return;
    };
    if caret.article == state.article {
        caret.at = caret::Point {
            block: found.block,
            byte: found.range.start,
        };
    }
}
