//! Running a query over an [`Index`]: candidates tested on two threads, only those that can
//! still reach the results kept are scored, and each phase's best shown ([`super::showing`]).

use std::collections::HashMap;
use std::sync::atomic::AtomicI64;

use super::kept::{Kept, OwnLine};
use super::matcher::{Matcher, Scratch};
use super::query::parse;
use super::showing::Shown;
use super::{Index, POSITIONS_FIRST, Results, all_claims};
use crate::model::{ClaimIx, Debate};

/// What scoring a set of candidates found: every target that matches, the exact scores of
/// those that could reach the results kept, and those not tested because they could not
/// (they may match: [`Index::count`] tests them once the results are shown). All in target
/// order.
#[derive(Debug, Default)]
struct Ranking {
    matched: Vec<u32>,
    scored: Vec<(u32, i64)>,
    untested: Vec<u32>,
}

/// Which targets to score: a range of `targets`, or the matches of an earlier query.
#[derive(Debug, Clone, Copy)]
enum Candidates<'a> {
    Range(u32, u32),
    List(&'a [u32]),
}

impl Candidates<'_> {
    fn len(&self) -> usize {
        match *self {
            Self::Range(from, to) => (to - from) as usize,
            Self::List(list) => list.len(),
        }
    }

    fn split_half(self) -> (Self, Self) {
        match self {
            Self::Range(from, to) => {
                let mid = from + (to - from) / 2;
                (Self::Range(from, mid), Self::Range(mid, to))
            }
            Self::List(list) => {
                let (left, right) = list.split_at(list.len() / 2);
                (Self::List(left), Self::List(right))
            }
        }
    }

    /// Calls `each` for every candidate, in chunks; false from `more` stops early.
    fn for_each(self, mut more: impl FnMut() -> bool, mut each: impl FnMut(u32)) -> bool {
        const CHUNK: u32 = 1024;
        match self {
            Self::Range(from, to) => {
                let mut at = from;
                while at < to {
                    if !more() {
                        return false;
                    }
                    let end = to.min(at.saturating_add(CHUNK));
                    (at..end).for_each(&mut each);
                    at = end;
                }
            }
            Self::List(list) => {
                for chunk in list.chunks(CHUNK as usize) {
                    if !more() {
                        return false;
                    }
                    chunk.iter().copied().for_each(&mut each);
                }
            }
        }
        true
    }
}

impl Index {
    /// Ranks the candidates on up to two threads: only targets that can still reach the
    /// best `limit` results are tested and scored. A target whose bound, known from its
    /// signature before it is read ([`Matcher::bound_unmatched`]), cannot beat the `limit`-th
    /// best result found so far (nor `floor`) is left untested, for [`Index::count`]; one whose
    /// bound once matched ([`Scratch::bound`]) cannot is counted, not scored. Results are
    /// claims (their best field), theses and paragraphs. `None` when `stop` said to give up
    /// (it is asked every thousand candidates).
    fn score(
        &self,
        debate: &Debate,
        matcher: &Matcher,
        candidates: Candidates<'_>,
        limit: usize,
        floor: Option<i64>,
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Ranking> {
        let run = |part: Candidates<'_>, halves: [&AtomicI64; 2]| -> Option<Ranking> {
            let mut scratch = Scratch::default();
            let mut bounds = Vec::new();
            let mut out = Ranking::default();
            let mut kept = Kept::new(limit, halves);
            // The claim being scored, and its best field so far.
            let mut current: Option<(ClaimIx, u32, i64)> = None;
            // The last claim tested against the query's negations, and whether they leave it out.
            let mut excluded: Option<(ClaimIx, bool)> = None;
            let finished = part.for_each(
                || !stop(),
                |t| {
                    let text = self.text(debate, t);
                    let signature = self.signature(t, text);
                    if !matcher.may_match(&signature) {
                        return;
                    }
                    // A claim's fields are adjacent: at another claim's, its best is final.
                    let claim = self.claim_of(t);
                    if let Some((c, best_t, best)) = current
                        && Some(c) != claim
                    {
                        kept.keep(best_t, best);
                        current = None;
                    }
                    let kept_bar = kept.bar(floor);
                    // A field that cannot beat its claim's best so far is tested now, only not
                    // scored: its claim is counted already, and leaving it untested would only
                    // hold back the complete list of matches (which the next query, if it
                    // narrows this one, tries alone) and add a showing.
                    let bar = kept_bar.max(current.map(|(_, _, best)| best));
                    // Bounds matter only against a bar.
                    bounds.clear();
                    if bar.is_some() {
                        matcher.term_bounds(&signature, bar, &mut bounds);
                    }
                    if kept_bar.is_some_and(|bar| matcher.bound_unmatched(&bounds) <= bar) {
                        out.untested.push(t);
                        return;
                    }
                    if !matcher.matches(text, &signature, &mut scratch) {
                        return;
                    }
                    // A claim's negations hold for all its texts: one decides for the others.
                    if matcher.negates() {
                        let out_claim = match excluded {
                            Some((c, out_claim)) if Some(c) == claim => out_claim,
                            _ => self.excluded(debate, matcher, t),
                        };
                        excluded = claim.map(|c| (c, out_claim));
                        if out_claim {
                            return;
                        }
                    }
                    out.matched.push(t);
                    if bar.is_some_and(|bar| scratch.bound(&bounds) <= bar) {
                        return;
                    }
                    let Some(score) = matcher.score(text, &signature, &bounds, bar, &mut scratch)
                    else {
                        return;
                    };
                    out.scored.push((t, score));
                    match (claim, current) {
                        (Some(c), Some((_, _, best))) if score > best => {
                            current = Some((c, t, score));
                        }
                        (Some(_), Some(_)) => {}
                        (Some(c), None) => current = Some((c, t, score)),
                        (None, _) => kept.keep(t, score),
                    }
                },
            );
            finished.then_some(out)
        };
        // Each thread's best half so far, for the other's bar ([`Kept::bar`]).
        // Apart in memory: one thread's writes do not evict the line the other reads.
        let halves = [OwnLine::default(), OwnLine::default()];
        // Threads pay off only on many candidates.
        if candidates.len() < 4096 {
            return run(candidates, [&halves[0].0, &halves[1].0]);
        }
        let (left, right) = candidates.split_half();
        std::thread::scope(|scope| {
            let other = scope.spawn(|| run(right, [&halves[1].0, &halves[0].0]));
            let mut scored = run(left, [&halves[0].0, &halves[1].0])?;
            let right = other.join().ok()??;
            scored.matched.extend(right.matched);
            scored.scored.extend(right.scored);
            scored.untested.extend(right.untested);
            Some(scored)
        })
    }

    /// Those of `targets` (in target order) that match, on up to two threads; `None` when
    /// `stop` said to give up.
    fn count(
        &self,
        debate: &Debate,
        matcher: &Matcher,
        targets: &[u32],
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let run = |part: &[u32]| -> Option<Vec<u32>> {
            let mut scratch = Scratch::default();
            let mut found = Vec::new();
            let finished = Candidates::List(part).for_each(
                || !stop(),
                |t| {
                    let text = self.text(debate, t);
                    if matcher.matches(text, &self.signature(t, text), &mut scratch)
                        && !(matcher.negates() && self.excluded(debate, matcher, t))
                    {
                        found.push(t);
                    }
                },
            );
            finished.then_some(found)
        };
        if targets.len() < 4096 {
            return run(targets);
        }
        let (left, right) = targets.split_at(targets.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| run(right));
            let mut found = run(left)?;
            found.extend(other.join().ok()??);
            Some(found)
        })
    }

    /// The matches of one phase, complete: those found while ranking and those among the
    /// targets left untested, merged in target order.
    fn all_matches(
        &self,
        debate: &Debate,
        matcher: &Matcher,
        scored: Ranking,
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        if scored.untested.is_empty() {
            return Some(scored.matched);
        }
        let more = self.count(debate, matcher, &scored.untested, stop)?;
        let mut merged = Vec::with_capacity(scored.matched.len() + more.len());
        let (mut found, mut more) = (scored.matched.as_slice(), more.as_slice());
        while let (Some(&a), Some(&b)) = (found.first(), more.first()) {
            if a < b {
                merged.push(a);
                found = &found[1..];
            } else {
                merged.push(b);
                more = &more[1..];
            }
        }
        merged.extend_from_slice(found);
        merged.extend_from_slice(more);
        Some(merged)
    }

    /// Runs a query; a query with no terms lists every claim in file order. Remembers the
    /// matches, so that a query that narrows this one tries only them.
    pub fn search(&mut self, debate: &Debate, query: &str, limit: usize) -> Results {
        let mut last = Results::default();
        let _ = self.search_phased(debate, query, limit, &|| false, |r| last = r);
        last
    }

    /// Runs a query in two phases: the claims and theses, then the article paragraphs, which
    /// are longer and many. `show` gets the ranked claims first (`partial`), again once the
    /// texts that could not reach them are counted (if any were left untested), then everything
    /// (paragraphs after the claims, in what `limit` leaves). `None` as soon as `stop` returns
    /// true (it is asked every thousand candidates): a newer query made this one pointless.
    pub fn search_phased(
        &mut self,
        debate: &Debate,
        query: &str,
        limit: usize,
        stop: &(impl Fn() -> bool + Sync),
        mut show: impl FnMut(Results),
    ) -> Option<()> {
        let parsed = parse(query);
        if parsed.groups.is_empty() {
            self.last = None;
            show(all_claims(debate, query, limit));
            return Some(());
        }
        let prepared = Matcher::new(&parsed);
        let (split, total) = (
            self.paragraphs_from,
            u32::try_from(self.targets.len()).unwrap_or(u32::MAX),
        );
        let narrowed = match &self.last {
            Some((previous, matched)) if parsed.narrows(previous) => {
                Some(matched.split_at(matched.partition_point(|&t| t < split)))
            }
            _ => None,
        };
        let (claims, paragraphs) = match narrowed {
            Some((c, p)) => (Candidates::List(c), Candidates::List(p)),
            None => (Candidates::Range(0, split), Candidates::Range(split, total)),
        };
        let in_claims = self.score(debate, &prepared, claims, limit, None, stop)?;
        let mut best = self.per_claim(in_claims.scored.iter().copied());
        let has_paragraphs = paragraphs.len() > 0;
        let shown = Shown {
            debate,
            query,
            matcher: &prepared,
            limit,
        };
        // Positions found for the claims shown first are kept for the later showings.
        let mut positions = HashMap::new();
        // The claims ranked are shown at once; the count grows once the targets that could
        // not reach them are tested (as fzf's count grows while it reads), then paragraphs.
        let counted = in_claims.untested.is_empty();
        let partial = has_paragraphs || !counted;
        let matched = self.results_among(&in_claims.matched);
        // The first showing has positions for the first hits only, when another follows.
        let first = if partial { POSITIONS_FIRST } else { limit };
        show(self.results(&shown, &best, (matched, partial, first), &mut positions));
        let mut all_matched = self.all_matches(debate, &prepared, in_claims, stop)?;
        let mut matched = self.results_among(&all_matched);
        if !counted {
            show(self.results(
                &shown,
                &best,
                (matched, has_paragraphs, limit),
                &mut positions,
            ));
        }
        if has_paragraphs {
            // Paragraphs come after the claims: only the places the claims leave are theirs.
            let room = limit.saturating_sub(best.len());
            let floor = (room == 0).then_some(i64::MAX);
            let in_paragraphs = self.score(debate, &prepared, paragraphs, room, floor, stop)?;
            best.extend_from_slice(&in_paragraphs.scored);
            let in_paragraphs = self.all_matches(debate, &prepared, in_paragraphs, stop)?;
            matched += self.results_among(&in_paragraphs);
            show(self.results(&shown, &best, (matched, false, limit), &mut positions));
            all_matched.extend(in_paragraphs);
        }
        self.last = Some((parsed, all_matched));
        Some(())
    }
}

#[cfg(test)]
mod tests;
