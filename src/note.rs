//! The form a private note on a claim is written in: which claim (by id, so a reload of the
//! file while it is open cannot point it at another claim) and the line being edited.
//!
//! One line, edited as the finder's prompt is (`field::TextField`): a note is a sentence or
//! two of the reader's own; a paste's line breaks become spaces. A note that already holds
//! line breaks (written by hand into the state file) keeps them until it is edited.

use crate::field::{Edit, Outcome, TextField};

/// The longest note, in characters: enough for a paragraph, small enough to show whole.
pub const MAX_NOTE_CHARS: usize = 2000;

/// A note being written.
#[derive(Debug, Clone)]
pub struct NoteForm {
    /// The id of the claim the note is on.
    pub claim: String,
    /// The text as typed so far, with its cursor.
    pub field: TextField,
    /// The note as it was when the form opened, to tell a change from none.
    pub before: String,
}

impl NoteForm {
    /// A form on `claim`, holding its current note (if any) with the cursor at its end.
    pub fn open(claim: &str, note: Option<&str>) -> Self {
        let before = note.unwrap_or_default().to_owned();
        let mut field = TextField::new(MAX_NOTE_CHARS.max(before.chars().count()));
        field.set_text(&before);
        Self {
            claim: claim.to_owned(),
            field,
            before,
        }
    }

    pub fn edit(&mut self, edit: Edit) -> Outcome {
        self.field.apply(edit)
    }

    /// The note to save: the text as typed, `None` when it was emptied (or only spaces).
    pub fn note(&self) -> Option<&str> {
        let text = self.field.text();
        (!text.trim().is_empty()).then_some(text)
    }

    /// Whether the text differs from the note the form opened on.
    pub fn changed(&self) -> bool {
        self.field.text() != self.before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_opens_on_the_note_with_the_cursor_at_its_end() {
        let mut form = NoteForm::open("c1", Some("Check the numbers"));
        assert!(!form.changed());
        form.edit(Edit::Insert('.'));
        assert_eq!(form.note(), Some("Check the numbers."));
        assert!(form.changed());
    }

    #[test]
    fn an_emptied_note_is_none() {
        let mut form = NoteForm::open("c1", Some("x"));
        form.edit(Edit::DeleteBack);
        form.edit(Edit::Insert(' '));
        assert_eq!(form.note(), None);
        assert_eq!(NoteForm::open("c1", None).note(), None);
    }

    #[test]
    fn a_long_note_written_by_hand_is_kept_whole() {
        let long = "word ".repeat(MAX_NOTE_CHARS);
        let form = NoteForm::open("c1", Some(&long));
        assert_eq!(form.field.text(), long);
        assert!(!form.changed());
    }

    #[test]
    fn a_line_break_written_by_hand_survives_opening_and_saving_unchanged() {
        let form = NoteForm::open("c1", Some("one\ntwo"));
        assert_eq!(form.note(), Some("one\ntwo"));
    }
}
