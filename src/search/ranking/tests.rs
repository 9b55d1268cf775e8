use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::*;
use crate::search::query::{Kind, Term};
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

/// fzf's case for an exact term: an ASCII capital makes it case-sensitive.
fn same(term: &Term, a: char, b: char) -> bool {
    if term.case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

/// fuzzy-matcher's character classes, written out again for the reference.
fn bonus(prev: Option<char>, c: char) -> i64 {
    let class = |c: char| match c {
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => 4,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => 5,
        '0'..='9' => 3,
        'A'..='Z' => 1,
        _ => 2,
    };
    match (prev.map_or(0, class), class(c)) {
        (0 | 4, _) => 8,
        (5, _) => 7,
        (2 | 3, 1) => 6,
        _ => 0,
    }
}

/// The exact-term rule of `skim::exact`, by brute force over every place the term can stand.
fn exact_reference(text: &str, term: &Term) -> Option<i64> {
    let t: Vec<char> = text.chars().collect();
    let n: Vec<char> = term.text.chars().collect();
    let (mut lo, mut hi) = (0, t.len());
    let anchored_start = matches!(term.kind, Kind::Prefix | Kind::Equal);
    let anchored_end = matches!(term.kind, Kind::Suffix | Kind::Equal);
    if anchored_start && !n[0].is_whitespace() {
        while lo < hi && t[lo].is_whitespace() {
            lo += 1;
        }
    }
    if anchored_end && !n[n.len() - 1].is_whitespace() {
        while hi > lo && t[hi - 1].is_whitespace() {
            hi -= 1;
        }
    }
    let mut best = None;
    for i in lo..=hi.saturating_sub(n.len()).max(lo) {
        if i + n.len() > hi
            || (anchored_start && i != lo)
            || (anchored_end && i + n.len() != hi)
            || !(0..n.len()).all(|k| same(term, t[i + k], n[k]))
        {
            continue;
        }
        let first = bonus(i.checked_sub(1).map(|p| t[p]), t[i]);
        let mut score = 16 + first * if i == 0 { 2 } else { 1 } - 1;
        for k in 0..n.len() {
            score -= 2 * i64::from(t[i + k] != n[k]);
            if k > 0 {
                score += 16 + first.max(bonus(Some(t[i + k - 1]), t[i + k])).max(4);
            }
        }
        if best.is_none_or(|b| score > b) {
            best = Some(score);
        }
    }
    best
}

/// A query's score of one text by definition: every group must match; a group scores its
/// first positive term that matches, or 0 if only a negated one does; fuzzy terms by a fresh
/// fuzzy-matcher.
fn query_reference(text: &str, query: &str) -> Option<i64> {
    // Quote marks one mark, no-break spaces plain, in the text and in every term.
    let fold = |s: &str| -> String { s.chars().map(crate::model::quote::fold).collect() };
    let text = &*fold(text);
    let mut total = 0;
    for mut group in parse(query).groups {
        for term in &mut group {
            term.text = fold(&term.text);
        }
        let mut matched = None;
        for term in &group {
            let score = match term.kind {
                Kind::Fuzzy => SkimMatcherV2::default()
                    .smart_case()
                    .fuzzy_match(text, &term.text),
                _ => exact_reference(text, term),
            };
            match (term.inverse, score) {
                (false, Some(score)) => {
                    matched = Some(score);
                    break;
                }
                (true, None) => matched = matched.or(Some(0)),
                _ => {}
            }
        }
        total += matched?;
    }
    Some(total)
}

/// Whether some group of negations only has each of its terms in one of the texts: fzf drops
/// a line that holds a negated term, and a claim's texts are one result.
fn negated_reference(texts: &[String], query: &str) -> bool {
    let fold = |s: &str| -> String { s.chars().map(crate::model::quote::fold).collect() };
    parse(query)
        .groups
        .into_iter()
        .filter(|group| group.iter().all(|term| term.inverse))
        .any(|group| {
            group.iter().all(|term| {
                let mut term = term.clone();
                term.text = fold(&term.text);
                texts.iter().any(|text| {
                    let text = fold(text);
                    match term.kind {
                        Kind::Fuzzy => SkimMatcherV2::default()
                            .smart_case()
                            .fuzzy_match(&text, &term.text)
                            .is_some(),
                        _ => exact_reference(&text, &term).is_some(),
                    }
                })
            })
        })
}

/// Every target's score (`None`: no match), by [`query_reference`], less the claims whose
/// texts taken together hold what a negation leaves out ([`negated_reference`]).
fn all_scores(index: &Index, d: &Debate, query: &str) -> Vec<(u32, i64)> {
    let text = |t: u32| target_text(d, index.targets[t as usize]).into_owned();
    let claim_texts = |claim| -> Vec<String> {
        (0..u32::try_from(index.targets.len()).unwrap())
            .filter(|&t| index.targets[t as usize].claim() == Some(claim))
            .map(text)
            .collect()
    };
    let mut out_claims = std::collections::HashMap::new();
    (0..u32::try_from(index.targets.len()).unwrap())
        .filter_map(|t| query_reference(&text(t), query).map(|score| (t, score)))
        .filter(|&(t, _)| {
            index.targets[t as usize].claim().is_none_or(|claim| {
                !*out_claims
                    .entry(claim)
                    .or_insert_with(|| negated_reference(&claim_texts(claim), query))
            })
        })
        .collect()
}

/// The ranking by definition, from every target's score: claims once under their best field
/// and theses, best first, then paragraphs in what is left; file order on ties.
fn reference(index: &Index, all: &[(u32, i64)], limit: usize) -> (Vec<(Target, i64)>, usize) {
    let mut best = index.per_claim(all.iter().copied());
    let matched = best.len();
    let split = index.paragraphs_from;
    best.sort_by_key(|&(t, score)| (t >= split, Reverse(score), t));
    best.truncate(limit);
    let hits = best
        .into_iter()
        .map(|(t, score)| (index.targets[t as usize], score))
        .collect();
    (hits, matched)
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
