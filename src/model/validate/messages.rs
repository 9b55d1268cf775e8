//! The wording shared by the checks: "did you mean", references to ids that do not exist,
//! ordinals, ids made from text, and quotes cut to a few words.

use std::ops::Range;

use crate::model::diagnostic::Diagnostic;

/// The best match for a misspelt word among candidates, if one is close enough. The config's
/// diagnostics use it too, so that both files suggest alike.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
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

/// "; did you mean 'x'?" when a candidate is close, else nothing: for the end of a message.
pub(super) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    suggest(word, candidates).map_or_else(String::new, |s| format!("; did you mean '{s}'?"))
}

/// How the help of an unknown reference goes on when no id is close to the one written.
#[derive(Debug, Clone, Copy)]
pub(super) enum Otherwise {
    /// List every id of the kind (few: articles, framings).
    ListAll,
    /// Say where such ids come from (many: claims).
    Say(&'static str),
}

/// A reference to an id that does not exist: `message` at the reference, labelled "no
/// {kind} with this id", helped by the closest id there is (or `otherwise`).
pub(super) fn reference<'a>(
    kind: &str,
    name: &str,
    span: Range<usize>,
    message: String,
    known: impl IntoIterator<Item = &'a str>,
    otherwise: Otherwise,
) -> Diagnostic {
    let known: Vec<&str> = known.into_iter().collect();
    let help = suggest(name, known.iter().copied()).map_or_else(
        || match otherwise {
            Otherwise::ListAll => format!("the {kind}s are: {}", known.join(", ")),
            Otherwise::Say(text) => text.to_owned(),
        },
        |s| format!("did you mean '{s}'?"),
    );
    Diagnostic::new(message)
        .at(span, format!("no {kind} with this id"))
        .help(help)
}

/// "1st", "2nd", "23rd", "12th".
pub(super) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A valid id made from any text: "Tech Transfer!" becomes "tech-transfer".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The first `n` words of a text, with "…" when there are more.
pub(super) fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split(' ').take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

/// The last `n` words of a text, with "…" when there are more.
pub(super) fn last_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > n {
        format!("…{}", words[words.len() - n..].join(" "))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("titel", ["title", "text", "id"]), Some("title"));
        assert_eq!(
            suggest("tech-transfr", ["tech-transfer", "indigenous-innovation"]),
            Some("tech-transfer")
        );
        assert_eq!(
            suggest("indigenous", ["tech-transfer", "indigenous-innovation"]),
            Some("indigenous-innovation")
        );
        assert_eq!(suggest("zzz", ["title", "text"]), None);
        assert_eq!(
            suggest("support", ["supports", "challenges", "neutral"]),
            Some("supports")
        );
    }

    #[test]
    fn a_reference_suggests_the_closest_id_or_lists_them() {
        let close = reference(
            "article",
            "esay",
            3..7,
            "m".into(),
            ["essay", "other"],
            Otherwise::ListAll,
        );
        assert_eq!(close.help.as_deref(), Some("did you mean 'essay'?"));
        assert_eq!(
            close.primary.map(|l| l.text).as_deref(),
            Some("no article with this id")
        );
        let far = reference(
            "article",
            "zzz",
            0..3,
            "m".into(),
            ["essay", "other"],
            Otherwise::ListAll,
        );
        assert_eq!(far.help.as_deref(), Some("the articles are: essay, other"));
        let said = reference("claim", "zzz", 0..3, "m".into(), ["a"], Otherwise::Say("x"));
        assert_eq!(said.help.as_deref(), Some("x"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tech Transfer!"), "tech-transfer");
        assert_eq!(slug("--A__b--"), "a-b");
        assert_eq!(slug("漢字"), "");
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(23), "23rd");
    }
}
