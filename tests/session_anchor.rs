//! Reading anchors taken in the embedded debate are found again after the file is edited
//! elsewhere (paragraphs added above and below), and a claim renamed keeps its verdict as an
//! orphan.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::flow::Source;
use debate::model::{Debate, EMBEDDED};
use debate::session::{Fit, ReadingAnchor, Session, Verdict};

fn load(source: &str) -> Debate {
    Debate::from_toml(source).unwrap_or_else(|d| panic!("{d:?}"))
}

/// The second article's text, with `edit` applied to its Markdown source.
fn edited(edit: impl Fn(&str) -> String) -> Debate {
    let start = EMBEDDED.match_indices("text = '''\n").nth(1).unwrap().0 + "text = '''\n".len();
    let end = start + EMBEDDED[start..].find("'''").unwrap();
    let text = &EMBEDDED[start..end];
    load(&format!(
        "{}{}{}",
        &EMBEDDED[..start],
        edit(text),
        &EMBEDDED[end..]
    ))
}

#[test]
fn an_anchor_deep_in_an_article_survives_edits_above_and_below_it() {
    let original = load(EMBEDDED);
    let article = &original.articles[1];
    let block = article.doc.blocks.len() / 2;
    let text = &article.doc.blocks[block].text;
    let byte = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    let anchor = ReadingAnchor::at_block(article, block, byte);

    let changed = edited(|text| {
        format!(
            "Two paragraphs added at the top.\n\nThe second of them.\n\n{}\n\nAnd one at the end.\n",
            text.trim_end()
        )
    });
    let restored = anchor.restore(&changed.articles[1]);
    assert_eq!(restored.fit, Fit::Exact, "{restored:?}");
    assert_eq!(restored.anchor.source, Source::Block(block + 2));
    assert_eq!(restored.anchor.byte, byte);
}

#[test]
fn a_renamed_claim_keeps_its_verdict_as_an_orphan() {
    let original = load(EMBEDDED);
    // A claim nothing links to: renaming it leaves the file valid.
    let unlinked = original
        .claim_ixs()
        .find(|&c| original.links_to(c).next().is_none())
        .expect("a claim nothing links to");
    let id = original.claim(unlinked).id.clone();
    let mut session = Session::default();
    session.set_verdict(&id, Some(Verdict::Convinced));
    session.set_note(&id, "Mine.");
    let renamed =
        load(&EMBEDDED.replace(&format!("id = \"{id}\""), &format!("id = \"{id}-renamed\"")));
    assert!(session.orphans(&original).is_empty());
    assert_eq!(session.orphans(&renamed).judgements, [id.as_str()]);
    let notes = debate::session::notes::markdown(&session, &renamed);
    assert!(
        notes.contains("## Orphaned") && notes.contains("Mine."),
        "{notes}"
    );
}
