//! "Did you mean": the closest of a list of valid names to a misspelt one.
//!
//! A copy of `model::validate::suggest`, which is private to the model; kept identical so
//! that config files and debate files suggest alike.

/// The best match for a misspelt word among candidates, if one is close enough.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|c| {
            let distance = strsim::damerau_levenshtein(&word_lower, &c.to_lowercase());
            let close = distance <= (c.chars().count() / 3).max(1)
                || strsim::jaro_winkler(&word_lower, &c.to_lowercase()) >= 0.9
                || (word.len() >= 3 && (c.starts_with(word) || word.starts_with(c)));
            close.then_some((distance, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

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
