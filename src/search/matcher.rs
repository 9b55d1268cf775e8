//! A parsed query prepared for testing and scoring many texts: fuzzy terms by
//! fuzzy-matcher's score ([`skim`]), exact ones by the rule of [`skim::exact`].
//!
//! A text matches when every group has a term that matches it (an inverse term matches a
//! text it does not find). It scores the sum over the groups of the score of the group's
//! first term that matches positively, in the order typed, or 0 where only an inverse term
//! matched: fzf's rule. A query of one fuzzy term scores exactly as fuzzy-matcher.

use std::borrow::Cow;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::{Kind, Query, Term};
use super::skim::exact::{Anchor, Exact};
use super::skim::{FirstMatches, Pattern, Scorer};

/// `text` as it is matched: every quote mark, straight or curly, one mark, and no-break
/// spaces plain ones (as the reader's `/` folds them), so that `china's` finds "China’s".
/// Char for char, so that matched char indices hold in the text as written; the scores are
/// fuzzy-matcher's of the folded texts. Queries' terms and every text searched are folded.
pub fn folded(text: &str) -> Cow<'_, str> {
    let fold = crate::model::quote::fold;
    if text.chars().all(|c| fold(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(fold).collect())
    }
}

/// How one term tests a text.
#[derive(Debug, Clone)]
enum Test {
    Fuzzy(Box<Pattern>),
    Exact(Exact),
}

#[derive(Debug, Clone)]
struct Prepared {
    test: Test,
    inverse: bool,
    /// The term as typed (fuzzy terms are highlighted by the crate, from this).
    text: String,
}

/// A query ready to test texts with.
#[derive(Debug, Clone)]
pub struct Matcher {
    groups: Vec<Vec<Prepared>>,
    /// Terms in all groups, for sizing per-thread state.
    terms: usize,
}

/// What one thread keeps between texts: buffers, and what testing the current text found.
#[derive(Debug, Default)]
pub struct Scratch {
    scorer: Scorer,
    /// Per term (in group order), its first matches in the current text.
    first: Vec<FirstMatches>,
    /// Per group, the term that decides its score in the current text; `None` where only an
    /// inverse term matched (0).
    winner: Vec<Option<usize>>,
}

impl Matcher {
    pub fn new(query: &Query) -> Self {
        let prepare = |term: &Term| {
            let text = folded(&term.text).into_owned();
            Prepared {
                test: match term.kind {
                    Kind::Fuzzy => Test::Fuzzy(Box::new(Pattern::new(&text))),
                    kind => Test::Exact(Exact::new(
                        &text,
                        match kind {
                            Kind::Prefix => Anchor::Start,
                            Kind::Suffix => Anchor::End,
                            Kind::Equal => Anchor::Whole,
                            Kind::Exact | Kind::Fuzzy => Anchor::Anywhere,
                        },
                        term.case_sensitive,
                    )),
                },
                inverse: term.inverse,
                text,
            }
        };
        let groups: Vec<Vec<Prepared>> = query
            .groups
            .iter()
            .map(|group| group.iter().map(prepare).collect())
            .collect();
        let terms = groups.iter().map(Vec::len).sum();
        Self { groups, terms }
    }

    /// Whether `text` matches; remembers in `scratch` what scoring it next needs.
    pub fn matches(&self, text: &str, scratch: &mut Scratch) -> bool {
        scratch.first.resize_with(self.terms, FirstMatches::default);
        scratch.winner.clear();
        let mut term_ix = 0;
        for group in &self.groups {
            let mut matched = false;
            let mut winner = None;
            for term in group {
                let first = &mut scratch.first[term_ix];
                term_ix += 1;
                // The first positive term that matches decides; an inverse one lets the group
                // match, and a later positive one may still decide its score.
                if winner.is_some() {
                    continue;
                }
                let found = match &term.test {
                    Test::Fuzzy(pattern) => first.find(text, pattern),
                    Test::Exact(exact) => exact.is_match(text),
                };
                if found != term.inverse {
                    matched = true;
                    if !term.inverse {
                        winner = Some(term_ix - 1);
                    }
                }
            }
            if !matched {
                return false;
            }
            scratch.winner.push(winner);
        }
        true
    }

    fn term(&self, ix: usize) -> Option<&Prepared> {
        self.groups.iter().flatten().nth(ix)
    }

    /// The most term `ix` can score in `text`.
    fn term_bound(term: &Prepared, text: &str, humps: u32) -> i64 {
        match &term.test {
            Test::Fuzzy(pattern) => pattern.bound(text, humps),
            Test::Exact(exact) => exact.bound(),
        }
    }

    /// An upper bound of the score of a text [`Matcher::matches`] just accepted.
    pub fn bound(&self, text: &str, humps: u32, scratch: &Scratch) -> i64 {
        scratch
            .winner
            .iter()
            .flatten()
            .filter_map(|&ix| self.term(ix))
            .map(|term| Self::term_bound(term, text, humps))
            .sum()
    }

    /// The score of a text [`Matcher::matches`] just accepted, if it is above `bar` (any
    /// score without one): `None` otherwise, often without finishing. Each term is scored
    /// only as far as it must: it gives up as soon as, with the most the terms after it can
    /// add, the text can no longer pass the bar.
    pub fn score(
        &self,
        text: &str,
        humps: u32,
        bar: Option<i64>,
        scratch: &mut Scratch,
    ) -> Option<i64> {
        let Scratch {
            scorer,
            first,
            winner,
        } = scratch;
        // The most the terms not yet scored can add.
        // (A single term has no others: nothing to add up.)
        let many = winner.iter().flatten().nth(1).is_some();
        let mut rest: i64 = if bar.is_some() && many {
            winner
                .iter()
                .flatten()
                .filter_map(|&ix| self.term(ix))
                .map(|term| Self::term_bound(term, text, humps))
                .sum()
        } else {
            0
        };
        let mut total = 0;
        for &ix in winner.iter().flatten() {
            let term = self.term(ix)?;
            // The term must score above `need` for the text to pass the bar.
            let need = bar.map(|bar| {
                if many {
                    rest -= Self::term_bound(term, text, humps);
                }
                bar - total - rest
            });
            let score = match (&term.test, need) {
                (Test::Fuzzy(pattern), Some(need)) => {
                    scorer.score_above(text, pattern, need, humps, first.get(ix))
                }
                (Test::Fuzzy(pattern), None) => scorer.score_from(text, pattern, first.get(ix)?),
                (Test::Exact(exact), _) => exact
                    .score(text)
                    .map(|(score, _)| score)
                    .filter(|&score| need.is_none_or(|need| score > need)),
            }?;
            total += score;
        }
        bar.is_none_or(|bar| total > bar).then_some(total)
    }

    /// The char indices to highlight in a matching text: fuzzy terms' from the crate, exact
    /// terms' best occurrence; sorted, once each.
    pub fn indices(&self, text: &str) -> Vec<usize> {
        let mut scratch = Scratch::default();
        if !self.matches(text, &mut scratch) {
            return Vec::new();
        }
        let mut indices: Vec<usize> = Vec::new();
        for &ix in scratch.winner.iter().flatten() {
            let Some(term) = self.term(ix) else { continue };
            match &term.test {
                // A fresh matcher each time: a reused one can depend on what it matched before.
                Test::Fuzzy(_) => indices.extend(
                    SkimMatcherV2::default()
                        .smart_case()
                        .fuzzy_indices(text, &term.text)
                        .map(|(_, i)| i)
                        .unwrap_or_default(),
                ),
                Test::Exact(exact) => indices.extend(exact.indices(text)),
            }
        }
        indices.sort_unstable();
        indices.dedup();
        indices
    }
}
