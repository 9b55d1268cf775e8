//! Why the claim form was not saved, shown beside the field that must change: the form's own
//! checks name their field, and the save engine's problems name a key of the claim's TOML,
//! which the form maps to the field it is edited in.

use super::{Focus, Form};

/// Why the form was not saved, and the field that must change (`None`: the form as a whole,
/// as for an edit made outside meanwhile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<Focus>,
    pub message: String,
}

impl FieldError {
    pub fn at(field: Focus, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn form(message: impl Into<String>) -> Self {
        Self {
            field: None,
            message: message.into(),
        }
    }
}

impl Form {
    /// Shows why the save was refused: beside each field concerned, the focus on the first.
    pub fn refuse(&mut self, errors: Vec<FieldError>) {
        if let Some(field) = errors.iter().find_map(|e| e.field) {
            self.focus = field;
        }
        self.errors = errors;
    }

    /// The field a key of the claim's TOML is edited in (`stances.<framing>`: its stance).
    pub fn field_of_key(&self, key: &str) -> Option<Focus> {
        Some(match key {
            "summary" => Focus::Summary,
            "id" => Focus::Id,
            "quote" => Focus::Quote,
            "tags" => Focus::Tags,
            _ => {
                let framing = key.strip_prefix("stances.")?;
                let framing = framing.split('.').next().unwrap_or(framing);
                let framing = framing.trim_matches('"');
                Focus::Stance(self.stances.iter().position(|s| s.framing == framing)?)
            }
        })
    }
}
