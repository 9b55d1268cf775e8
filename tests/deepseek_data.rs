//! The embedded debate (`data/deepseek.toml`): it loads, its quotes anchor, and it keeps the essays whole.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::model::{Debate, StanceKind, load_path};

fn embedded() -> Debate {
    Debate::embedded().unwrap_or_else(|f| panic!("{}", f.render(false)))
}

#[test]
fn shipped_file_equals_embedded_copy_and_loads() {
    let from_file = load_path("data/deepseek.toml".as_ref()).expect("data/deepseek.toml loads");
    let embedded = embedded();
    assert_eq!(from_file.claims.len(), embedded.claims.len());
    assert_eq!(from_file.summary(), embedded.summary());
}

#[test]
fn every_quote_anchors_to_its_own_words() {
    let debate = embedded();
    for claim in &debate.claims {
        let article = debate.article(claim.article);
        let block = &article.doc.blocks[claim.anchor.block];
        let anchored = &block.text[claim.anchor.range.clone()];
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(anchored), squash(&claim.quote), "claim {}", claim.id);
    }
}

/// Each non-empty line of a seed file is a paragraph, a heading, the title or the subtitle.
fn assert_seed_present(debate: &Debate, article_id: &str, seed: &str) {
    let article = debate
        .articles
        .iter()
        .find(|a| a.id == article_id)
        .expect("article");
    let lines: Vec<&str> = article.text.lines().collect();
    for paragraph in seed.lines().filter(|l| !l.trim().is_empty()) {
        let present = lines
            .iter()
            .any(|l| l.trim_start_matches('#').trim_start() == paragraph)
            || article.title.trim_end_matches('.') == paragraph.trim_end_matches('.')
            || article.subtitle.as_deref() == Some(paragraph)
            || lines.first().is_some_and(|l| l.starts_with(paragraph));
        assert!(present, "missing from '{article_id}': {paragraph}");
    }
}

#[test]
fn every_paragraph_of_both_seeds_is_present_verbatim() {
    let debate = embedded();
    assert_seed_present(
        &debate,
        "plot-twist",
        include_str!("fixtures/seeds/000_fbc3da4ed956a944.txt"),
    );
    assert_seed_present(
        &debate,
        "outlier",
        include_str!("fixtures/seeds/003_8ead5b04d8b50bd4.txt"),
    );
}

#[test]
fn second_essay_section_titles_are_headings() {
    let debate = embedded();
    let outlier = debate
        .articles
        .iter()
        .find(|a| a.id == "outlier")
        .expect("article");
    let headings: Vec<&str> = outlier
        .doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, debate::model::BlockKind::Heading(_)))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "An Outlier in China's Innovation Landscape",
            "1. Human capital",
            "2. Operating from the periphery",
            "3. Labor practices",
            "Technology Transfer vs. Indigenous Innovation: Where Does DeepSeek Fit?",
            "The exception or the rule?",
        ]
    );
}

#[test]
fn framings_claims_and_links_meet_the_brief() {
    let debate = embedded();
    let ids: Vec<&str> = debate.framings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tech-transfer",
            "indigenous-innovation",
            "sequential-progression"
        ]
    );
    assert!(debate.claims.len() >= 40, "{} claims", debate.claims.len());
    assert!(debate.links.len() >= 10, "{} links", debate.links.len());
    for framing in debate.framing_ixs().take(2) {
        let count = |kind| {
            debate
                .claims
                .iter()
                .filter(|c| c.stance(framing).is_some_and(|s| s.kind == kind))
                .count()
        };
        let name = &debate.framing(framing).id;
        assert!(
            count(StanceKind::Supports) >= 8,
            "{name} supported by {}",
            count(StanceKind::Supports)
        );
        assert!(
            count(StanceKind::Challenges) >= 4,
            "{name} challenged by {}",
            count(StanceKind::Challenges)
        );
    }
    for claim in &debate.claims {
        assert!(!claim.tags.is_empty(), "claim {} has no tags", claim.id);
        assert!(
            claim.stances.iter().any(Option::is_some),
            "claim {} has no stance",
            claim.id
        );
        for stance in claim.stances.iter().flatten() {
            assert!(
                stance.note.as_deref().is_some_and(|n| n.len() > 20),
                "claim {} lacks a note",
                claim.id
            );
        }
    }
}

#[test]
fn outlier_attacks_thriving() {
    let debate = embedded();
    let ix = |id: &str| {
        debate
            .claim_ixs()
            .find(|&c| debate.claim(c).id == id)
            .expect(id)
    };
    let outlier = ix("deepseek-outlier");
    let thriving = ix("takes-system-thriving");
    assert!(
        debate
            .links_from(outlier)
            .any(|l| l.to == thriving && l.kind == debate::model::LinkKind::Attacks)
    );
}

#[test]
fn every_arguing_paragraph_has_a_claim() {
    let debate = embedded();
    for article in debate.article_ixs() {
        let a = debate.article(article);
        for (i, block) in a.doc.blocks.iter().enumerate() {
            let is_paragraph = block.kind == debate::model::BlockKind::Paragraph;
            // The one paragraph that only asks the questions the section goes on to answer.
            let is_question = block
                .text
                .starts_with("This brings us to a larger question");
            if is_paragraph && !is_question {
                assert!(
                    a.claims.iter().any(|&c| debate.claim(c).anchor.block == i),
                    "no claim in paragraph {i} of {}: {}",
                    a.id,
                    block.text
                );
            }
        }
    }
}
