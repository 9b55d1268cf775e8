//! What the reader says of an edit: the status line's words for one that went through, the
//! claim to show after it, and the form's words for one that did not.

use crate::edit::{Edit, EditError};

/// What the status line says of an edit, and the claim to show after it.
pub(super) fn describe(edit: &Edit) -> (String, Option<String>) {
    match edit {
        Edit::AddClaim(d) => (format!("Added claim '{}'", d.id), Some(d.id.clone())),
        Edit::UpdateClaim { draft, .. } => (
            format!("Saved claim '{}'", draft.id),
            Some(draft.id.clone()),
        ),
        Edit::DeleteClaim { id, .. } => (format!("Deleted claim '{id}'"), None),
        Edit::AddLink { from, to, kind } => (
            format!("Linked '{from}' {} '{to}'", kind.as_str()),
            Some(from.clone()),
        ),
        Edit::RemoveLink { from, to } => (
            format!("Removed the link from '{from}' to '{to}'"),
            Some(from.clone()),
        ),
    }
}

/// The id of the claim an edit saves from the form, if it does.
pub(super) fn edited(edit: &Edit) -> Option<&str> {
    match edit {
        Edit::AddClaim(draft) | Edit::UpdateClaim { draft, .. } => Some(&draft.id),
        _ => None,
    }
}

/// A failed save as the form shows it.
pub(super) fn failure(error: &EditError) -> String {
    match error {
        EditError::Conflict(m) => format!(
            "Not saved: {m}. The reader now shows their version; Esc, then make the edit again."
        ),
        EditError::Invalid(f) => format!(
            "Not saved, the file would not load: {}",
            f.short_lines().join("; ")
        ),
        other => format!("Not saved: {other}"),
    }
}
