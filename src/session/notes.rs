//! The reader's bookmarks, verdicts and notes on one debate, written out for `debate notes`:
//! Markdown for people, JSON for scripts. Each claim comes with its summary and quote; entries
//! whose claim or article is gone from the file are listed as orphaned, never left out.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::record::{Judgement, Place, Session, place_exists};
use crate::model::Debate;

/// The version of the JSON shape: fields may be added, never renamed.
pub const JSON_VERSION: u32 = 1;

fn verdict_label(judgement: &Judgement) -> Option<&'static str> {
    judgement.verdict.map(super::record::Verdict::label)
}

/// Prefixes every line of `text` with `> `, so multi-line quotes stay one block quote.
fn block_quote(text: &str) -> String {
    text.lines()
        .map(|line| format!("> {line}").trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line describing where a bookmark points.
fn place_line(debate: &Debate, place: &Place) -> String {
    match place {
        Place::Claim { claim } => match debate.claim_by_id(claim) {
            Some(ix) => format!("claim `{claim}`: {}", debate.claim(ix).summary),
            None => format!("claim `{claim}` (no longer in the file)"),
        },
        Place::Text { article, anchor } => {
            let title = debate.article_by_id(article).map_or_else(
                || format!("`{article}`"),
                |ix| debate.article(ix).title.clone(),
            );
            if anchor.context.is_empty() {
                format!("the start of {title}")
            } else {
                format!(
                    "{title}, at \u{201c}{} \u{2026}\u{201d}",
                    anchor.context_words().trim()
                )
            }
        }
    }
}

/// The notes as Markdown.
pub fn markdown(session: &Session, debate: &Debate) -> String {
    let mut out = format!("# Notes on {}\n\n## Bookmarks\n\n", debate.title);
    // A bookmark whose claim or article is gone is listed once, under Orphaned.
    let present: Vec<_> = (session.bookmarks.iter())
        .filter(|(_, place)| place_exists(debate, place))
        .collect();
    if present.is_empty() {
        out.push_str("None.\n");
    }
    for (letter, place) in present {
        let _ = writeln!(out, "- **{letter}**: {}", place_line(debate, place));
    }

    out.push_str("\n## Verdicts and notes\n");
    let orphans = session.orphans(debate);
    let present: Vec<_> = session
        .judgements
        .iter()
        .filter_map(|(id, j)| debate.claim_by_id(id).map(|ix| (id, ix, j)))
        .collect();
    if present.is_empty() {
        out.push_str("\nNone.\n");
    }
    for (id, ix, judgement) in present {
        let claim = debate.claim(ix);
        let article = &debate.article(claim.article).title;
        let _ = write!(out, "\n### {} (`{id}`)\n\n", claim.summary);
        let _ = write!(out, "{}\n\n*{article}*\n", block_quote(&claim.quote));
        if let Some(label) = verdict_label(judgement) {
            let _ = write!(out, "\nVerdict: **{label}**\n");
        }
        if let Some(note) = &judgement.note {
            let _ = write!(out, "\n{}\n", note.trim_end());
        }
    }

    if !orphans.judgements.is_empty() || !orphans.bookmarks.is_empty() {
        out.push_str(
            "\n## Orphaned\n\nKept, though their claim or article is no longer in the file.\n\n",
        );
        for id in &orphans.judgements {
            let judgement = &session.judgements[*id];
            let mut line = format!("- claim `{id}`");
            if let Some(label) = verdict_label(judgement) {
                let _ = write!(line, ": {label}");
            }
            if let Some(note) = &judgement.note {
                let _ = write!(line, ": {}", note.trim().replace('\n', " "));
            }
            out.push_str(&line);
            out.push('\n');
        }
        for letter in &orphans.bookmarks {
            let place = &session.bookmarks[letter];
            let _ = writeln!(
                out,
                "- bookmark **{letter}**: {}",
                place_line(debate, place)
            );
        }
    }
    out
}

fn place_json(debate: &Debate, letter: char, place: &Place) -> Value {
    match place {
        Place::Claim { claim } => {
            let found = debate.claim_by_id(claim).map(|ix| debate.claim(ix));
            json!({
                "letter": letter.to_string(),
                "kind": "claim",
                "claim": claim,
                "summary": found.map(|c| c.summary.as_str()),
                "quote": found.map(|c| c.quote.as_str()),
            })
        }
        Place::Text { article, anchor } => json!({
            "letter": letter.to_string(),
            "kind": "text",
            "article": article,
            "article_title": debate.article_by_id(article).map(|ix| debate.article(ix).title.as_str()),
            "text": anchor.context,
        }),
    }
}

/// The notes as JSON: `{version, debate, bookmarks, judgements, orphans}`.
pub fn json(session: &Session, debate: &Debate) -> String {
    let orphans = session.orphans(debate);
    let bookmarks: Vec<Value> = session
        .bookmarks
        .iter()
        .filter(|(letter, _)| !orphans.bookmarks.contains(letter))
        .map(|(&letter, place)| place_json(debate, letter, place))
        .collect();
    let judgements: Vec<Value> = session
        .judgements
        .iter()
        .filter_map(|(id, j)| {
            let claim = debate.claim(debate.claim_by_id(id)?);
            Some(json!({
                "claim": id,
                "verdict": j.verdict,
                "note": j.note,
                "summary": claim.summary,
                "quote": claim.quote,
                "article": debate.article(claim.article).id,
            }))
        })
        .collect();
    let orphaned_judgements: Vec<Value> = orphans
        .judgements
        .iter()
        .map(|id| {
            let j = &session.judgements[*id];
            json!({ "claim": id, "verdict": j.verdict, "note": j.note })
        })
        .collect();
    let orphaned_bookmarks: Vec<Value> = orphans
        .bookmarks
        .iter()
        .map(|letter| place_json(debate, *letter, &session.bookmarks[letter]))
        .collect();
    let value = json!({
        "version": JSON_VERSION,
        "debate": debate.title,
        "bookmarks": bookmarks,
        "judgements": judgements,
        "orphans": { "judgements": orphaned_judgements, "bookmarks": orphaned_bookmarks },
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::anchor::ReadingAnchor;
    use crate::session::record::Verdict;

    fn debate() -> Debate {
        crate::session::test_debate(
            "On Export Controls",
            "The Article",
            r"Controls slowed nothing.\n\nThey shaped what was built.",
            r#"[[claims]]
id = "slow"
article = "x"
quote = "Controls slowed nothing."
summary = "Controls did not slow progress."
"#,
        )
    }

    fn session() -> Session {
        let d = debate();
        let mut s = Session::default();
        s.set_verdict("slow", Some(Verdict::Unsure));
        s.set_note("slow", "Check the 2024 numbers.");
        s.set_note("renamed", "A note on a claim that is gone.");
        s.bookmarks.insert(
            'a',
            Place::Claim {
                claim: "slow".into(),
            },
        );
        s.bookmarks.insert(
            'b',
            Place::Text {
                article: "x".into(),
                anchor: ReadingAnchor::at_block(&d.articles[0], 1, 5),
            },
        );
        s.bookmarks.insert(
            'z',
            Place::Claim {
                claim: "deleted".into(),
            },
        );
        s
    }

    #[test]
    fn markdown_gives_each_claim_its_summary_quote_verdict_and_note() {
        let md = markdown(&session(), &debate());
        assert!(md.starts_with("# Notes on On Export Controls\n"), "{md}");
        assert!(
            md.contains("### Controls did not slow progress. (`slow`)"),
            "{md}"
        );
        assert!(md.contains("> Controls slowed nothing.\n"), "{md}");
        assert!(md.contains("Verdict: **unsure**"), "{md}");
        assert!(md.contains("Check the 2024 numbers."), "{md}");
        assert!(
            md.contains("- **a**: claim `slow`: Controls did not slow progress."),
            "{md}"
        );
        assert!(
            md.contains("- **b**: The Article, at \u{201c}shaped what was built. \u{2026}\u{201d}"),
            "{md}"
        );
    }

    #[test]
    fn markdown_lists_orphans_after_the_rest() {
        let md = markdown(&session(), &debate());
        let orphaned = md.find("## Orphaned").expect("an orphan section");
        let note = md
            .find("A note on a claim that is gone.")
            .expect("the orphaned note");
        let mark = md
            .find("bookmark **z**: claim `deleted`")
            .expect("the orphaned bookmark");
        assert!(orphaned < note && orphaned < mark, "{md}");
        assert_eq!(
            md.matches("claim `deleted`").count(),
            1,
            "an orphaned bookmark is listed once, under Orphaned:\n{md}"
        );
        assert!(md.find("### Controls").unwrap() < orphaned);
    }

    #[test]
    fn an_empty_session_says_so_and_has_no_orphan_section() {
        let md = markdown(&Session::default(), &debate());
        assert_eq!(md.matches("None.").count(), 2, "{md}");
        assert!(!md.contains("Orphaned"), "{md}");
    }

    #[test]
    fn json_has_the_same_entries_split_into_present_and_orphaned() {
        let v: Value = serde_json::from_str(&json(&session(), &debate())).unwrap();
        assert_eq!(v["version"], JSON_VERSION);
        assert_eq!(v["debate"], "On Export Controls");
        let judgements = v["judgements"].as_array().unwrap();
        assert_eq!(judgements.len(), 1);
        assert_eq!(judgements[0]["claim"], "slow");
        assert_eq!(judgements[0]["verdict"], "unsure");
        assert_eq!(judgements[0]["quote"], "Controls slowed nothing.");
        assert_eq!(judgements[0]["article"], "x");
        let letters: Vec<&str> = v["bookmarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["letter"].as_str().unwrap())
            .collect();
        assert_eq!(letters, ["a", "b"]);
        assert_eq!(v["bookmarks"][1]["article_title"], "The Article");
        assert_eq!(v["orphans"]["judgements"][0]["claim"], "renamed");
        assert_eq!(v["orphans"]["judgements"][0]["verdict"], Value::Null);
        assert_eq!(v["orphans"]["bookmarks"][0]["letter"], "z");
        assert_eq!(v["orphans"]["bookmarks"][0]["summary"], Value::Null);
    }
}
