//! Placeholders `debate new` leaves for its author to replace ("TODO: …" texts and the "todo"
//! tag): a file that still has them loads, and `debate check` warns of each, where it stands.

use toml::de::{DeTable, DeValue};

use super::Debate;
use super::diagnostic::Diagnostic;

/// Text `debate new` writes for its author to replace starts with this.
const MARK: &str = "TODO";

fn is_placeholder(text: &str) -> bool {
    text.trim_start().starts_with(MARK)
}

fn is_placeholder_tag(tag: &str) -> bool {
    tag.trim().eq_ignore_ascii_case(MARK)
}

/// Whether the debate may hold placeholders: a pass over the model, so that the file is parsed
/// again for their positions only when it does.
pub fn suspected(debate: &Debate) -> bool {
    let texts = std::iter::once(debate.title.as_str())
        .chain(debate.description.as_deref())
        .chain(
            debate
                .framings
                .iter()
                .flat_map(|f| [f.name.as_str(), f.thesis.as_str()]),
        )
        .chain(
            debate
                .articles
                .iter()
                .flat_map(|a| [a.title.as_str(), a.text.as_str()]),
        )
        .chain(debate.claims.iter().flat_map(|c| {
            [c.summary.as_str(), c.quote.as_str()]
                .into_iter()
                .chain(c.stances.iter().flatten().filter_map(|s| s.note.as_deref()))
        }));
    let mut texts = texts;
    texts.any(is_placeholder)
        || debate
            .claims
            .iter()
            .any(|c| c.tags.iter().any(|t| is_placeholder_tag(t)))
}

/// A warning for every placeholder in a debate file's text (one that loads).
pub fn warnings(src: &str) -> Vec<Diagnostic> {
    let Ok(root) = DeTable::parse(src) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (key, value) in root.get_ref() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            (list @ ("framings" | "articles" | "claims"), DeValue::Array(items)) => {
                let kind = list.trim_end_matches('s');
                for item in items {
                    if let DeValue::Table(table) = item.get_ref() {
                        item_warnings(kind, table, &mut found);
                    }
                }
            }
            (name, _) => text_warning(name, "the debate", value, &mut found),
        }
    }
    // In the order of the file: the parsed tables are sorted by key.
    found.sort_by_key(|d| d.primary.as_ref().map(|label| label.span.start));
    found
}

/// The placeholders of one `[[kind]]` item.
fn item_warnings(kind: &str, table: &DeTable<'_>, found: &mut Vec<Diagnostic>) {
    let id = table
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| v.get_ref().as_str())
        .unwrap_or("?");
    let what = format!("{kind} '{id}'");
    for (key, value) in table {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("tags", DeValue::Array(tags)) => {
                for tag in tags {
                    if tag.get_ref().as_str().is_some_and(is_placeholder_tag) {
                        found.push(
                            Diagnostic::new(format!("{what} still has the placeholder tag"))
                                .at(tag.span(), "placeholder")
                                .help("replace it with the claim's own tags, or remove it")
                                .warning(),
                        );
                    }
                }
            }
            ("stances", DeValue::Table(stances)) => {
                for (framing, stance) in stances {
                    let Some(stance) = stance.get_ref().as_table() else {
                        continue;
                    };
                    for (key, value) in stance {
                        let under = format!("the stance of {what} under '{}'", framing.get_ref());
                        text_warning(key.get_ref(), &under, value, found);
                    }
                }
            }
            (name, _) => text_warning(name, &what, value, found),
        }
    }
}

/// A warning if `value` is placeholder text.
fn text_warning(
    key: &str,
    what: &str,
    value: &toml::Spanned<DeValue<'_>>,
    found: &mut Vec<Diagnostic>,
) {
    if value.get_ref().as_str().is_some_and(is_placeholder) {
        found.push(
            Diagnostic::new(format!("'{key}' of {what} is still a placeholder"))
                .at(value.span(), "placeholder")
                .help(format!(
                    "replace the {MARK} text with your own (`debate new` wrote it)"
                ))
                .warning(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diagnostic::Severity;

    #[test]
    fn the_scaffold_placeholders_are_found_where_they_stand() {
        let article = crate::scaffold::read_article(
            "a.md",
            "# T\n\nThe first paragraph says something long enough to quote.",
        );
        let (text, debate) = crate::scaffold::new_debate(&[article]).expect("checks");
        assert!(suspected(&debate));
        let found = warnings(&text);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert!(messages.contains(&"'description' of the debate is still a placeholder"));
        assert!(messages.contains(&"'thesis' of framing 'first-view' is still a placeholder"));
        assert!(messages.contains(&"'summary' of claim 't-claim-1' is still a placeholder"));
        assert!(messages.contains(&"claim 't-claim-1' still has the placeholder tag"));
        assert!(
            messages.contains(
                &"'note' of the stance of claim 't-claim-1' under 'second-view' is still a placeholder"
            ),
            "{messages:#?}"
        );
        assert!(found.iter().all(|d| d.severity == Severity::Warning));
        let starts: Vec<usize> = found
            .iter()
            .filter_map(|d| d.primary.as_ref().map(|l| l.span.start))
            .collect();
        assert!(starts.is_sorted(), "in file order");
        for d in &found {
            let span = d.primary.as_ref().expect("located").span.clone();
            assert!(text[span].contains("TODO") || d.message.contains("tag"));
        }
    }

    #[test]
    fn a_finished_debate_has_none() {
        let debate = Debate::embedded().expect("loads");
        assert!(!suspected(&debate));
        assert!(warnings(crate::model::EMBEDDED).is_empty());
    }
}
