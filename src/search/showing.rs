//! One showing of a query's results: the best of what was scored, ranked, the first of them
//! with their matched positions (found on two threads).

use std::cmp::Reverse;
use std::collections::HashMap;

use super::matcher::Matcher;
use super::query::parse;
use super::{Hit, Index, Results};
use crate::model::Debate;

/// What every showing of one query's results shares.
#[derive(Clone, Copy)]
pub(super) struct Shown<'a> {
    pub debate: &'a Debate,
    pub query: &'a str,
    pub matcher: &'a Matcher,
    pub limit: usize,
}

impl Index {
    /// The best `limit` of the scored targets, ranked (claims and theses first), the first
    /// `positions_for` with matched positions (kept in `positions` for the next showing).
    pub(super) fn results(
        &self,
        shown: &Shown<'_>,
        scored: &[(u32, i64)],
        (matched, partial, positions_for): (usize, bool, usize),
        positions: &mut HashMap<u32, Vec<usize>>,
    ) -> Results {
        let Shown {
            debate,
            query,
            matcher,
            limit,
        } = *shown;
        let mut best = scored.to_vec();
        // Claims and theses before paragraphs; best first; equal scores keep file order.
        // Only the results kept are sorted.
        let split = self.paragraphs_from;
        let order = |&(t, score): &(u32, i64)| (t >= split, Reverse(score), t);
        if best.len() > limit && limit > 0 {
            best.select_nth_unstable_by_key(limit - 1, order);
        }
        best.truncate(limit);
        best.sort_unstable_by_key(order);
        // Matched positions only for what will be shown (in a partial showing only for the
        // first hits), found on two threads.
        let missing: Vec<(u32, i64)> = best
            .iter()
            .take(positions_for)
            .filter(|(t, _)| !positions.contains_key(t))
            .copied()
            .collect();
        positions.extend(self.positions(debate, query, matcher, &missing));
        let hits = best
            .into_iter()
            .map(|(t, score)| Hit {
                target: self.targets[t as usize],
                score,
                indices: positions.get(&t).cloned().unwrap_or_default(),
            })
            .collect();
        Results {
            query: query.to_owned(),
            hits,
            matched,
            total: super::results_possible(shown.debate),
            partial,
        }
    }

    /// The matched positions in each of the `scored` targets, on two threads when they are
    /// many. Debug builds check each score against the crate's, where the query is one term.
    fn positions(
        &self,
        debate: &Debate,
        query: &str,
        matcher: &Matcher,
        scored: &[(u32, i64)],
    ) -> Vec<(u32, Vec<usize>)> {
        let plain = cfg!(debug_assertions)
            .then(|| {
                parse(query)
                    .plain()
                    .map(|p| super::matcher::folded(p).into_owned())
            })
            .flatten();
        let run = |part: &[(u32, i64)]| -> Vec<(u32, Vec<usize>)> {
            part.iter()
                .map(|&(t, score)| {
                    let text = self.text(debate, t);
                    if let Some(plain) = &plain {
                        use fuzzy_matcher::FuzzyMatcher;
                        // A fresh matcher: a reused one can depend on what it matched before.
                        let skim = fuzzy_matcher::skim::SkimMatcherV2::default().smart_case();
                        assert_eq!(skim.fuzzy_match(text, plain), Some(score));
                    }
                    (t, matcher.indices(text))
                })
                .collect()
        };
        // A thread costs about what a few texts' positions do.
        if scored.len() < 16 {
            return run(scored);
        }
        let (left, right) = scored.split_at(scored.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| run(right));
            let mut found = run(left);
            found.extend(
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            found
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::POSITIONS_FIRST;
    use super::*;

    /// A partial showing has the positions of its first hits only; the showings after it have
    /// every hit's, the same as a search that shows once.
    #[test]
    fn positions_come_first_for_the_first_hits_then_for_all() {
        let toml = crate::generate::debate_toml(20, 2_000, 3, 11);
        let d = crate::model::load_bytes("gen.toml", toml.as_bytes()).expect("loads");
        let mut showings = Vec::new();
        let _ = Index::new(&d).search_phased(&d, "tec", 500, &|| false, |r| showings.push(r));
        let (first, last) = (&showings[0], showings.last().expect("a showing"));
        assert!(first.partial && showings.len() > 1);
        assert!(
            first.hits.len() > POSITIONS_FIRST,
            "{} hits",
            first.hits.len()
        );
        let (with, without) = first.hits.split_at(POSITIONS_FIRST);
        assert!(with.iter().all(|hit| !hit.indices.is_empty()));
        assert!(without.iter().all(|hit| hit.indices.is_empty()));
        assert!(!last.partial);
        assert!(last.hits.iter().all(|hit| !hit.indices.is_empty()));
        // Whatever the first showing had, the last has the same for the same target.
        for hit in with {
            let same = last.hits.iter().find(|h| h.target == hit.target);
            assert!(same.is_none_or(|same| same.indices == hit.indices));
        }
        let mut once = Index::new(&d);
        assert_eq!(once.search(&d, "tec", 500).hits, last.hits);
    }
}
