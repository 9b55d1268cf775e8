//! The ranking by definition, by brute force: every text scored by a fresh fuzzy-matcher (fuzzy
//! terms) or at every place an exact term can stand, for the ranking tests to compare with.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::Debate;
use crate::search::query::{Kind, Term, parse};
use crate::search::{Index, Target, target_text};

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
pub(super) fn all_scores(index: &Index, d: &Debate, query: &str) -> Vec<(u32, i64)> {
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
pub(super) fn reference(
    index: &Index,
    all: &[(u32, i64)],
    limit: usize,
) -> (Vec<(Target, i64)>, usize) {
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
