//! Your private note on a claim: its prompt opens over any view that shows a claim (the
//! reader, the claim list, the debate views, search, the detail), takes the keys while open,
//! and saves into the reader's judgements on Enter; Esc leaves the note as it was.

use super::search::prompt_edit;
use super::selected_claim;
use crate::action::Action;
use crate::field::Outcome;
use crate::keymap::Context;
use crate::model::ClaimIx;
use crate::note::{MAX_NOTE_CHARS, NoteForm};
use crate::session::record::set_note;
use crate::state::State;

/// `C` in a view: the note on the selected claim.
pub(super) fn edit_selected(state: &mut State) {
    if let Some(claim) = selected_claim(state) {
        open(state, claim);
    } else if state.view == crate::state::View::Search {
        state.message = Some("Only a claim takes a note: select a claim result.".into());
    } else {
        let next = state.keymap.key_for(Context::Reader, &Action::NextClaim);
        state.message = Some(format!(
            "Select a claim to write a note on first ({next} in the reader)."
        ));
    }
}

/// Opens the prompt on `claim`, holding its note so far.
pub(super) fn open(state: &mut State, claim: ClaimIx) {
    let id = &state.debate.claim(claim).id;
    let note = state.judgements.get(id).and_then(|j| j.note.as_deref());
    state.note = Some(NoteForm::open(id, note));
}

/// Handles an action while the prompt is open; returns whether it was consumed (everything is
/// but quitting and the events that are no key of the user's).
pub(super) fn note_action(state: &mut State, action: Action) -> bool {
    let Some(form) = state.note.as_mut() else {
        return false;
    };
    match action {
        Action::Quit | Action::Resize(..) | Action::SearchDone { .. } | Action::Reloaded(_) => {
            return false;
        }
        Action::Back => {
            let unchanged = !form.changed();
            state.note = None;
            state.message = Some(if unchanged {
                "Note unchanged.".into()
            } else {
                "Note not saved: it stays as it was.".into()
            });
        }
        Action::Open => save(state),
        action => {
            if let Some(edit) = prompt_edit(action)
                && form.edit(edit) == Outcome::Full
            {
                state.message = Some(format!("A note holds at most {MAX_NOTE_CHARS} characters."));
            }
        }
    }
    true
}

/// Enter: the note as typed goes into the judgements (an empty one removes the note, keeping
/// the verdict), saved to the state file with the rest of the session.
fn save(state: &mut State) {
    let Some(form) = state.note.take() else {
        return;
    };
    let id = &form.claim;
    let said = if !form.changed() {
        "Note unchanged.".into()
    } else if let Some(note) = form.note() {
        set_note(&mut state.judgements, id, note);
        // "Saved" only when it is.
        let done = if state.unsaved.is_some() {
            "written"
        } else {
            "saved"
        };
        kept(state, &format!("Note on {id} {done}"))
    } else {
        set_note(&mut state.judgements, id, "");
        kept(state, &format!("Note on {id} removed"))
    };
    state.message = Some(said);
}

/// The message after a verdict, a note or a mark changed, `said` (without its full stop): while
/// the reading state cannot be saved, it leads with that, as the status line cuts its end.
pub(super) fn kept(state: &State, said: &str) -> String {
    match &state.unsaved {
        Some(why) => {
            let said = crate::text::first_letter(said, false);
            format!("Not saved ({why}): {said}.")
        }
        None => format!("{said}."),
    }
}
