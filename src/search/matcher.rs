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
use super::skim::{FirstMatches, Pattern, Scorer, Signature, letters_of};

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
    /// Its ASCII letters ([`letters_of`]): a text without one of them cannot hold the term.
    letters: u32,
}

/// A query ready to test texts with.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Every group's terms, one group after another (a term's number is its place here).
    terms: Vec<Prepared>,
    /// How many terms each group has, in order.
    groups: Vec<usize>,
    /// The letters every matching text holds: those of every term of a group, for every
    /// group without an inverse term. Most texts fail this test before any is read.
    required: u32,
    /// Whether one term alone can score: its bound then only meets the bar, where several
    /// terms' bounds also set what each must score (the bar less the others' bounds).
    one_scores: bool,
    /// The groups made only of inverse terms, as ranges of `terms`: they hold for a claim
    /// only where none of its texts holds what they negate ([`Matcher::excludes_claim`]).
    negations: Vec<std::ops::Range<usize>>,
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
    /// Per term, how often it stopped a text short of the bar on this thread: scoring tries
    /// the terms that stop texts most often first, so that most texts cost one term's score.
    stopped: Vec<u32>,
    /// The current text's deciding terms in the order they are scored, each with its bound.
    order: Vec<(usize, i64)>,
}

impl Scratch {
    /// An upper bound of the score of the text [`Matcher::matches`] just accepted, whose
    /// [`Matcher::term_bounds`] are `bounds`: its deciding terms' bounds.
    pub fn bound(&self, bounds: &[i64]) -> i64 {
        self.winner
            .iter()
            .flatten()
            .filter_map(|&ix| bounds.get(ix))
            .sum()
    }
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
                letters: letters_of(&text),
                text,
            }
        };
        let terms: Vec<Prepared> = query.groups.iter().flatten().map(prepare).collect();
        let groups: Vec<usize> = query.groups.iter().map(Vec::len).collect();
        let mut required = 0;
        let mut negations = Vec::new();
        let mut rest = terms.as_slice();
        for &size in &groups {
            let (group, after) = rest.split_at(size.min(rest.len()));
            let start = terms.len() - rest.len();
            rest = after;
            if group.iter().all(|term| term.inverse) {
                negations.push(start..start + group.len());
            }
            // A group is satisfied by any of its terms, and an inverse one needs no letter.
            if !group.iter().any(|term| term.inverse) {
                required |= group
                    .iter()
                    .map(|term| term.letters)
                    .fold(u32::MAX, |common, letters| common & letters);
            }
        }
        let one_scores = terms.iter().filter(|term| !term.inverse).count() == 1;
        Self {
            terms,
            groups,
            required,
            one_scores,
            negations,
        }
    }

    /// Whether the query has a group of negations only (`!word`, `!a | !b`), which a claim
    /// must pass as a whole ([`Matcher::excludes_claim`]).
    pub fn negates(&self) -> bool {
        !self.negations.is_empty()
    }

    /// Whether a claim whose texts are `fields` is left out by a group of negations only: fzf
    /// drops a line holding what `!word` negates, and a claim (its summary, quote, tags and
    /// notes) is one result. `!word` leaves out a claim if any of its texts holds `word`;
    /// `!a | !b` if its texts hold both `a` and `b`. (A group mixing kinds, `a | !b`, is
    /// tested on each text alone, as [`Matcher::matches`] does.)
    pub fn excludes_claim<'a>(
        &self,
        fields: &(impl Iterator<Item = (&'a str, Signature)> + Clone),
    ) -> bool {
        let holds = |term: &Prepared| {
            fields.clone().any(|(text, signature)| {
                term.letters & !signature.letters() == 0
                    && match &term.test {
                        Test::Fuzzy(pattern) => Scorer::is_match(text, pattern),
                        Test::Exact(exact) => exact.is_match(text),
                    }
            })
        };
        self.negations
            .iter()
            .any(|group| self.terms[group.clone()].iter().all(holds))
    }

    /// Whether `text` (summed up by `signature`) matches; remembers in `scratch` what scoring
    /// it next needs.
    pub fn matches(&self, text: &str, signature: &Signature, scratch: &mut Scratch) -> bool {
        let present = signature.letters();
        if present & self.required != self.required {
            return false;
        }
        scratch
            .first
            .resize_with(self.terms.len(), FirstMatches::default);
        scratch.winner.clear();
        let mut term_ix = 0;
        let mut rest = self.terms.as_slice();
        for &size in &self.groups {
            let (group, after) = rest.split_at(size.min(rest.len()));
            rest = after;
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
                // A term whose letters the text lacks is not looked for (inverse ones too).
                let found = if term.letters & !present != 0 {
                    first.forget();
                    false
                } else {
                    match &term.test {
                        Test::Fuzzy(pattern) => first.find(text, pattern),
                        Test::Exact(exact) => exact.is_match(text),
                    }
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
        self.terms.get(ix)
    }

    /// Whether a text with this signature can match at all: it holds the letters every match
    /// holds. Reads nothing of the text.
    pub fn may_match(&self, signature: &Signature) -> bool {
        signature.letters() & self.required == self.required
    }

    /// The most each term can score in a text with this signature, in term order, into
    /// `bounds`: computed once per text, for [`Matcher::bound_unmatched`], [`Scratch::bound`]
    /// and [`Matcher::score`], against `bar` (the tightest without one).
    pub fn term_bounds(&self, signature: &Signature, bar: Option<i64>, bounds: &mut Vec<i64>) {
        bounds.clear();
        // An inverse term never scores: no bound to compute.
        bounds.extend(self.terms.iter().map(|term| match &term.test {
            _ if term.inverse => 0,
            Test::Fuzzy(pattern) => match bar {
                // A looser bound would lower what each of several terms must score.
                Some(bar) if self.one_scores => pattern.bound_against(signature, bar),
                _ => pattern.bound(signature),
            },
            Test::Exact(exact) => exact.bound(),
        }));
    }

    /// An upper bound of the score of a text whose [`Matcher::term_bounds`] are `bounds`, if
    /// it matches, known before testing it: per group, the most any of its positive terms can
    /// score (0 where an inverse term can let the group match alone). A text whose bound
    /// cannot reach the results kept needs no test before they are shown, only to be counted.
    pub fn bound_unmatched(&self, bounds: &[i64]) -> i64 {
        let mut rest = self.terms.iter().zip(bounds);
        let mut total: i64 = 0;
        for &size in &self.groups {
            let (mut positive, mut inverse) = (None, false);
            for (term, &bound) in rest.by_ref().take(size) {
                if term.inverse {
                    inverse = true;
                } else {
                    positive = positive.max(Some(bound));
                }
            }
            let group = match positive {
                Some(bound) if inverse => bound.max(0),
                Some(bound) => bound,
                None => 0,
            };
            total = total.saturating_add(group);
        }
        total
    }

    /// The score of a text [`Matcher::matches`] just accepted (its signature and
    /// [`Matcher::term_bounds`] with it), if it is above `bar` (any score without one): `None`
    /// otherwise, often without finishing. Each term is scored only as far as it must: it
    /// gives up as soon as, with the most the terms after it can add, the text can no longer
    /// pass the bar. The sum does not depend on the order the terms are scored in, so the
    /// terms that stopped most texts so far go first.
    pub fn score(
        &self,
        text: &str,
        signature: &Signature,
        bounds: &[i64],
        bar: Option<i64>,
        scratch: &mut Scratch,
    ) -> Option<i64> {
        let Scratch {
            scorer,
            first,
            winner,
            stopped,
            order,
        } = scratch;
        stopped.resize(self.terms.len(), 0);
        order.clear();
        order.extend(
            winner
                .iter()
                .flatten()
                .map(|&ix| (ix, bounds.get(ix).copied().unwrap_or(i64::MAX / 4))),
        );
        if bar.is_some() && order.len() > 1 {
            order.sort_by_key(|&(ix, _)| std::cmp::Reverse(stopped.get(ix).copied()));
        }
        // The most the terms not yet scored can add.
        let mut rest = order
            .iter()
            .fold(0i64, |sum, &(_, bound)| sum.saturating_add(bound));
        let mut total = 0;
        for &(ix, bound) in order.iter() {
            let term = self.term(ix)?;
            // The term must score above `need` for the text to pass the bar.
            rest = rest.saturating_sub(bound);
            let need = bar.map(|bar| bar.saturating_sub(total).saturating_sub(rest));
            let score = match (&term.test, need) {
                (Test::Fuzzy(pattern), Some(need)) => {
                    scorer.score_above(text, pattern, need, (signature, bound), first.get(ix))
                }
                (Test::Fuzzy(pattern), None) => scorer.score_from(text, pattern, first.get(ix)?),
                (Test::Exact(exact), _) => exact
                    .score(text)
                    .map(|(score, _)| score)
                    .filter(|&score| need.is_none_or(|need| score > need)),
            };
            let Some(score) = score else {
                if let Some(count) = stopped.get_mut(ix) {
                    *count = count.saturating_add(1);
                }
                return None;
            };
            total += score;
        }
        bar.is_none_or(|bar| total > bar).then_some(total)
    }

    /// The char indices to highlight in a matching text: fuzzy terms' from the crate, exact
    /// terms' best occurrence; sorted, once each.
    pub fn indices(&self, text: &str) -> Vec<usize> {
        let mut scratch = Scratch::default();
        if !self.matches(text, &Signature::of(text), &mut scratch) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    /// A group of negations only leaves a claim out when its texts, taken together, hold
    /// every term the group negates; a group mixing kinds is left to each text alone.
    #[test]
    fn negations_hold_for_the_claims_texts_together() {
        let out = |query: &str, fields: &[&str]| {
            Matcher::new(&parse(query))
                .excludes_claim(&fields.iter().map(|&text| (text, Signature::of(text))))
        };
        assert!(out("chip !china", &["chips", "made in China"]));
        assert!(!out("chip !china", &["chips", "made in Chile"]));
        assert!(
            out("!'chn", &["x", "Chain"]),
            "a fuzzy negation fuzzy-matches"
        );
        assert!(out("!^the", &["a", "the end"]));
        assert!(!out("!^the", &["a", "at the end"]));
        assert!(out("!alp | !bet", &["alpha", "beta"]));
        assert!(!out("!alp | !bet", &["alpha", "gamma"]));
        assert!(!out("a | !b", &["a", "b"]), "mixed groups are each text's");
        assert!(!out("chip", &["chips"]));
        assert!(!Matcher::new(&parse("a | !b")).negates());
        assert!(Matcher::new(&parse("a !b")).negates());
    }

    /// Scoring against a bar gives the full score where it passes and nothing elsewhere,
    /// whichever order the terms are tried in: one scratch goes through texts that stop on
    /// different terms, so the order changes along the way.
    #[test]
    fn the_order_terms_are_scored_in_changes_no_score() {
        let texts = [
            "semiconductor technology export",
            "the economy and semiconductors",
            "technology of state",
            "system technology china",
            "Semantic tech",
            "tec sem",
            "sem tec chips",
            "semi-technical",
        ];
        for query in [
            "tec sem !chi",
            "sem tec",
            "t s !the",
            "'tech sem | eco",
            "^s tec",
        ] {
            let matcher = Matcher::new(&parse(query));
            let mut scratch = Scratch::default();
            for round in 0..3 {
                for text in texts {
                    let mut fresh = Scratch::default();
                    let signature = Signature::of(text);
                    if !matcher.matches(text, &signature, &mut fresh) {
                        continue;
                    }
                    let mut bounds = Vec::new();
                    matcher.term_bounds(&signature, None, &mut bounds);
                    let full = matcher.score(text, &signature, &bounds, None, &mut fresh);
                    assert!(full.is_some(), "{text:?} / {query:?}");
                    for bar in [-10, 20, 40, 60, 80, 100, 130] {
                        assert!(matcher.matches(text, &signature, &mut scratch));
                        assert_eq!(
                            matcher.score(text, &signature, &bounds, Some(bar), &mut scratch),
                            full.filter(|&s| s > bar),
                            "{text:?} / {query:?} above {bar}, round {round}"
                        );
                    }
                }
            }
        }
    }
}
