mod reference;

use reference::{all_scores, reference};

use super::*;
use crate::search::{Field, Hit, Target, target_text};

fn debate() -> Debate {
    Debate::embedded().expect("embedded")
}

fn generated() -> Debate {
    let toml = crate::generate::debate_toml(20, 2_000, 3, 11);
    crate::model::load_bytes("gen.toml", toml.as_bytes()).expect("loads")
}

#[test]
fn finds_claims_by_summary_and_lists_each_once() {
    let d = debate();
    let mut index = Index::new(&d);
    let r = index.search(&d, "outlier", 100);
    assert!(r.matched > 0);
    let first = &r.hits[0];
    let Target::Claim { claim, .. } = first.target else {
        panic!("expected a claim first, got {first:?}")
    };
    assert!(
        d.claim(claim).summary.to_lowercase().contains("outlier")
            || d.claim(claim).quote.contains("outlier")
    );
    let mut seen = std::collections::HashSet::new();
    for hit in &r.hits {
        if let Target::Claim { claim, .. } = hit.target {
            assert!(seen.insert(claim), "claim listed twice");
        }
    }
}

#[test]
fn claims_come_before_paragraphs_each_sorted_by_score() {
    let d = debate();
    let r = Index::new(&d).search(&d, "tal", 1000);
    let is_paragraph = |h: &Hit| matches!(h.target, Target::Paragraph { .. });
    let first_paragraph = r.hits.iter().position(is_paragraph).expect("paragraphs");
    assert!(first_paragraph > 0);
    assert!(r.hits[first_paragraph..].iter().all(is_paragraph));
    for part in [&r.hits[..first_paragraph], &r.hits[first_paragraph..]] {
        assert!(part.windows(2).all(|w| w[0].score >= w[1].score));
    }
    assert!(r.total > d.claims.len());
}

#[test]
fn a_query_without_terms_lists_all_claims() {
    let d = debate();
    for query in ["  ", "'", "!", "^", "!'"] {
        let r = Index::new(&d).search(&d, query, 1000);
        assert_eq!(r.hits.len(), d.claims.len(), "{query:?}");
    }
}

/// The count's second number is the same for every query: what a query can find (claims,
/// theses, the paragraphs searched), so that a query every result matches reads N/N.
#[test]
fn every_query_counts_out_of_the_results_possible() {
    let d = debate();
    let mut index = Index::new(&d);
    let paragraphs = index
        .targets
        .iter()
        .filter(|t| matches!(t, Target::Paragraph { .. }))
        .count();
    let possible = d.claims.len() + d.framings.len() + paragraphs;
    let all = index.search(&d, "!zzqxj", 5);
    assert_eq!((all.matched, all.total), (possible, possible));
    assert_eq!(index.search(&d, "", 5).total, possible);
    assert_eq!(index.search(&d, "tal", 5).total, possible);
    assert!(paragraphs < d.articles.iter().map(|a| a.doc.blocks.len()).sum());
}

#[test]
fn paragraphs_notes_and_theses_are_searchable() {
    let d = debate();
    let mut index = Index::new(&d);
    let r = index.search(&d, "Happy New Year", 1000);
    assert!(
        r.hits
            .iter()
            .any(|h| matches!(h.target, Target::Paragraph { .. }))
    );
    // A phrase only a note holds finds the claim, under that note's framing.
    let (claim, framing, note) = d
        .claim_ixs()
        .find_map(|c| {
            d.framing_ixs().find_map(|f| {
                let note = d.claim(c).stance(f)?.note.as_deref()?;
                Some((c, f, note.to_owned()))
            })
        })
        .expect("a note in the embedded debate");
    let r = index.search(&d, &format!("'{}", note.replace(' ', "\\ ")), 1000);
    let hit = r
        .hits
        .iter()
        .find(|h| h.target.claim() == Some(claim))
        .expect("the note's claim");
    assert_eq!(hit.target.framing(), Some(framing), "{hit:?}");
    assert!(matches!(
        hit.target,
        Target::Claim {
            field: Field::Note(_),
            ..
        }
    ));
    let thesis = d.framing(framing).thesis.clone();
    let r = index.search(&d, &format!("^{}$", thesis.trim().replace(' ', "\\ ")), 10);
    assert_eq!(r.hits[0].target, Target::Thesis { framing }, "{thesis:?}");
}

#[test]
fn a_paragraph_that_only_repeats_a_quote_is_folded_into_its_claim() {
    let toml = r#"
title = "t"
[[framings]]
id = "f"
name = "F"
thesis = "A thesis."
[[framings]]
id = "g"
name = "G"
thesis = "Another."
[[articles]]
id = "a"
title = "A"
text = """
Zebras quagga roam.

The plains hold zebras quagga too.
"""
[[claims]]
id = "c1"
article = "a"
quote = "Zebras quagga roam."
summary = "about zebras"
[[claims]]
id = "c2"
article = "a"
quote = "zebras quagga"
summary = "more zebras"
"#;
    let d = crate::model::load_bytes("t.toml", toml.as_bytes()).expect("loads");
    let r = Index::new(&d).search(&d, "'quagga", 100);
    let targets: Vec<Target> = r.hits.iter().map(|h| h.target).collect();
    // Two claims and the second paragraph (more than its quote); not the first paragraph.
    assert_eq!(targets.len(), 3, "{targets:?}");
    assert!(
        matches!(targets[2], Target::Paragraph { block, .. } if block == 1),
        "{targets:?}"
    );
}

/// Ranks each query at several limits, fresh and narrowed from the query before it, and
/// compares with the brute-force reference (computed once per query).
fn ranks_as_the_reference(d: &Debate, queries: &[&str]) {
    let index = Index::new(d);
    let mut typing = Index::new(d);
    for &query in queries {
        let all = all_scores(&index, d, query);
        for limit in [1, 5, 50, 500] {
            let results = index.clone().search(d, query, limit);
            let got: Vec<(Target, i64)> =
                results.hits.iter().map(|h| (h.target, h.score)).collect();
            let (want, matched) = reference(&index, &all, limit);
            assert_eq!(got, want, "{query:?}, limit {limit}");
            assert_eq!(results.matched, matched, "{query:?}");
        }
        // After the query before it (narrowing where it may).
        let results = typing.search(d, query, 50);
        let got: Vec<(Target, i64)> = results.hits.iter().map(|h| (h.target, h.score)).collect();
        assert_eq!(
            got,
            reference(&index, &all, 50).0,
            "{query:?} after the one before"
        );
    }
}

#[test]
fn skipping_what_cannot_rank_changes_nothing() {
    let queries = [
        "t",
        "T",
        "tec",
        "techno",
        "technology",
        "tcnlgy",
        "a-b",
        "ai",
        "-",
        "x",
        "China",
        "中国",
        "ee",
        "tTa",
    ];
    ranks_as_the_reference(&debate(), &queries);
    // The generated debate has many more texts: a sample of the queries.
    ranks_as_the_reference(&generated(), &["tec", "tTa"]);
}

#[test]
fn exact_negated_and_alternative_terms_rank_as_the_reference() {
    let queries = [
        "innovation talent",
        "talent innovation",
        "'export",
        "'export contr",
        "^china",
        "^The",
        "ism$",
        "s.$",
        "^deepseek$",
        "chip !china",
        "chip !'china",
        "chip !^the",
        "chip !s$",
        "'export | 'import",
        "!a | 'b",
        "tec !x tal",
        "'中国",
        "a\\ b",
        "Tal !tal",
    ];
    ranks_as_the_reference(&debate(), &queries);
}

/// A straight quote mark in a query finds a curly one in the text, and the other way round
/// (as the reader's `/` does); the ranking is still the reference's, over folded texts.
#[test]
fn quote_marks_are_folded_in_queries_and_texts() {
    let d = debate();
    let mut index = Index::new(&d);
    let mut curly = |query: &str| {
        let results = index.search(&d, query, 50);
        results
            .hits
            .iter()
            .any(|hit| target_text(&d, hit.target).contains("China\u{2019}s"))
    };
    assert!(curly("'China's"), "an exact term with ' finds ’");
    assert!(curly("'China’s"), "and ’ finds ’");
    assert!(curly("china's"), "a fuzzy term too");
    ranks_as_the_reference(
        &d,
        &["china's", "'china's", "china’s !'s", "\"ai", "“ai”", "'s"],
    );
    ranks_as_the_reference(
        &generated(),
        &[
            "tec !x tal",
            "'tech | ^sem",
            "^The !'ology",
            "tec sem !chi",
            "t s !the",
        ],
    );
}
