//! "Did you mean" for config files: the model's own suggestion, so that config files and debate
//! files suggest alike.

pub(crate) use crate::model::validate::messages::suggest;

/// "did you mean 'x'?" for the closest candidate, or a list of all of them.
pub fn help_for(word: &str, what: &str, candidates: &[&str]) -> String {
    match suggest(word, candidates.iter().copied()) {
        Some(s) => format!("did you mean '{s}'?"),
        None => format!("{what}: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_words_are_suggested() {
        assert_eq!(
            suggest("reading_width", ["reading-width", "margin"]),
            Some("reading-width")
        );
        assert_eq!(
            suggest("mouse", ["mouse"]),
            None,
            "the word itself is not a suggestion"
        );
        assert_eq!(suggest("zzz", ["theme", "colors"]), None);
    }
}
