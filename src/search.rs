//! Fuzzy search over claims (summary, quote, tags) and article paragraphs.
//!
//! fuzzy-matcher's `SkimMatcherV2` score is the ranking truth: [`skim`] computes it for every
//! candidate (the same numbers, cheaper), and the crate itself gives the matched positions of
//! the results kept. A claim is listed once, under the field that matched it best. Matched
//! positions come back as char indices (fuzzy-matcher's unit); [`char_ranges`] turns them into
//! byte ranges for highlighting.
//! Nothing here knows about the terminal.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{ArticleIx, ClaimIx, Debate};

pub mod skim;
pub mod worker;

/// Which text of a claim matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Summary,
    Quote,
    Tags,
}

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Claim { claim: ClaimIx, field: Field },
    Paragraph { article: ArticleIx, block: usize },
}

/// One result: the target, its score (higher is better) and the matched char indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    pub indices: Vec<usize>,
}

/// The ranked results of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub hits: Vec<Hit>,
    /// How many targets matched (before `limit`).
    pub matched: usize,
    /// How many targets there are to search.
    pub total: usize,
    /// The claims are all ranked, the article paragraphs still to come.
    pub partial: bool,
}

/// What search reads from a debate, prepared once: every target in a fixed order, the claims'
/// texts side by side in one string, and the matches of the last query (a longer query that
/// starts with it can only match a subset of them).
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every claim's summary, quote and tags (joined by spaces), one after another: scanning
    /// them in order reads memory in order, where the claims' own strings are scattered (at
    /// 100,000 claims that alone made a search 1.5 times slower).
    arena: String,
    /// Where each claim target's text lies in `arena`.
    spans: Vec<(u32, u32)>,
    /// Every claim's fields (adjacent, in file order), then every paragraph.
    targets: Vec<Target>,
    /// Where the paragraphs start in `targets`.
    paragraphs_from: u32,
    /// Per target, the capitals on camel-case humps in its text (for score bounds).
    humps: Vec<u32>,
    last: Option<(String, Vec<u32>)>,
}

/// What scoring a set of candidates found: every target that matches, and the exact scores of
/// those that could reach the results kept (both in target order).
#[derive(Debug, Default)]
struct Scored {
    matched: Vec<u32>,
    scored: Vec<(u32, i64)>,
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

/// The text a target is matched against and highlighted in: tags are joined by spaces.
pub fn target_text(debate: &Debate, target: Target) -> Cow<'_, str> {
    match target {
        Target::Claim { claim, field } => {
            let c = debate.claim(claim);
            match field {
                Field::Summary => Cow::Borrowed(&c.summary),
                Field::Quote => Cow::Borrowed(&c.quote),
                Field::Tags => Cow::Owned(c.tags.join(" ")),
            }
        }
        Target::Paragraph { article, block } => Cow::Borrowed(
            debate
                .article(article)
                .doc
                .blocks
                .get(block)
                .map_or("", |b| b.text.as_str()),
        ),
    }
}

impl Index {
    pub fn new(debate: &Debate) -> Self {
        let claims = debate.claim_ixs().flat_map(|claim| {
            [Field::Summary, Field::Quote, Field::Tags]
                .into_iter()
                .map(move |field| Target::Claim { claim, field })
        });
        let paragraphs = debate.article_ixs().flat_map(move |article| {
            (0..debate.article(article).doc.blocks.len())
                .map(move |block| Target::Paragraph { article, block })
        });
        let claims: Vec<Target> = claims.collect();
        let paragraphs_from = u32::try_from(claims.len()).unwrap_or(u32::MAX);
        let mut targets = claims;
        targets.extend(paragraphs);
        let mut arena = String::new();
        let mut spans = Vec::with_capacity(targets.len());
        // Offsets fit in u32 below 4 GiB of claim text, above the file size cap.
        let offset = |arena: &String| u32::try_from(arena.len()).unwrap_or(u32::MAX);
        for claim in &debate.claims {
            for text in [&claim.summary, &claim.quote] {
                let start = offset(&arena);
                arena.push_str(text);
                spans.push((start, offset(&arena)));
            }
            let start = offset(&arena);
            for (i, tag) in claim.tags.iter().enumerate() {
                if i > 0 {
                    arena.push(' ');
                }
                arena.push_str(tag);
            }
            spans.push((start, offset(&arena)));
        }
        let mut index = Self {
            arena,
            spans,
            targets,
            paragraphs_from,
            humps: Vec::new(),
            last: None,
        };
        let count = u32::try_from(index.targets.len()).unwrap_or(u32::MAX);
        index.humps = (0..count)
            .map(|t| skim::camel_humps(index.text(debate, t)))
            .collect();
        index
    }

    /// The text target number `t` is matched against.
    fn text<'a>(&'a self, debate: &'a Debate, t: u32) -> &'a str {
        if let Some(&(start, end)) = self.spans.get(t as usize) {
            return self.arena.get(start as usize..end as usize).unwrap_or("");
        }
        match self
            .targets
            .get(t as usize)
            .map(|&target| target_text(debate, target))
        {
            Some(Cow::Borrowed(text)) => text,
            // Only tags are joined, and they are in the arena.
            Some(Cow::Owned(_)) | None => "",
        }
    }

    /// The claim a target belongs to; `None` for a paragraph, which is its own result.
    fn claim_of(&self, t: u32) -> Option<ClaimIx> {
        match self.targets.get(t as usize) {
            Some(Target::Claim { claim, .. }) => Some(*claim),
            _ => None,
        }
    }

    fn humps(&self, t: u32) -> u32 {
        self.humps.get(t as usize).copied().unwrap_or(u32::MAX)
    }

    /// Tests the candidates on up to two threads, and scores those that can still reach the
    /// best `limit` results: a target whose score bound ([`skim::Pattern::bound`]) cannot beat
    /// the `limit`-th best result found so far (nor `floor`) is counted, not scored. Results
    /// are claims (their best field) and paragraphs. `None` when `stop` said to give up (it is
    /// asked every thousand candidates).
    fn score(
        &self,
        debate: &Debate,
        pattern: &skim::Pattern,
        candidates: Candidates<'_>,
        limit: usize,
        floor: Option<i64>,
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Scored> {
        let run = |part: Candidates<'_>| -> Option<Scored> {
            let mut scorer = skim::Scorer::default();
            let mut first = skim::FirstMatches::default();
            let mut out = Scored::default();
            // The best `limit` results so far, worst on top; a result is (score, earlier first).
            let mut kept: BinaryHeap<Reverse<(i64, Reverse<u32>)>> = BinaryHeap::new();
            // The claim being scored, and its best field so far.
            let mut current: Option<(ClaimIx, u32, i64)> = None;
            let keep = |kept: &mut BinaryHeap<_>, t: u32, score: i64| {
                kept.push(Reverse((score, Reverse(t))));
                if kept.len() > limit {
                    kept.pop();
                }
            };
            let finished = part.for_each(
                || !stop(),
                |t| {
                    let text = self.text(debate, t);
                    if !first.find(text, pattern) {
                        return;
                    }
                    out.matched.push(t);
                    let claim = self.claim_of(t);
                    if let Some((c, best_t, best)) = current
                        && Some(c) != claim
                    {
                        keep(&mut kept, best_t, best);
                        current = None;
                    }
                    // Later targets lose ties, so a bound equal to the bar is not enough.
                    let bar = match kept.peek() {
                        Some(Reverse((worst, _))) if kept.len() >= limit => Some(*worst),
                        _ => floor,
                    };
                    let bar = bar.max(current.map(|(_, _, best)| best));
                    let humps = self.humps(t);
                    let score = match bar {
                        Some(bar) if pattern.bound(text, humps) <= bar => None,
                        Some(bar) => scorer.score_above(text, pattern, bar, humps, Some(&first)),
                        None => scorer.score_from(text, pattern, &first),
                    };
                    let Some(score) = score else {
                        return;
                    };
                    out.scored.push((t, score));
                    match (claim, current) {
                        (Some(c), Some((_, _, best))) if score > best => {
                            current = Some((c, t, score));
                        }
                        (Some(_), Some(_)) => {}
                        (Some(c), None) => current = Some((c, t, score)),
                        (None, _) => keep(&mut kept, t, score),
                    }
                },
            );
            finished.then_some(out)
        };
        // Threads pay off only on many candidates.
        if candidates.len() < 4096 {
            return run(candidates);
        }
        let (left, right) = candidates.split_half();
        std::thread::scope(|scope| {
            let other = scope.spawn(|| run(right));
            let mut scored = run(left)?;
            let right = other.join().ok()??;
            scored.matched.extend(right.matched);
            scored.scored.extend(right.scored);
            Some(scored)
        })
    }

    /// Claims once each (their best field, the first on a tie) and paragraphs, from targets
    /// in target order (a claim's fields are adjacent).
    fn per_claim(&self, targets: impl IntoIterator<Item = (u32, i64)>) -> Vec<(u32, i64)> {
        let mut best: Vec<(u32, i64)> = Vec::new();
        let mut best_claim = None;
        for (t, score) in targets {
            let claim = self.claim_of(t);
            match best.last_mut() {
                Some(last) if claim.is_some() && claim == best_claim => {
                    if score > last.1 {
                        *last = (t, score);
                    }
                }
                _ => best.push((t, score)),
            }
            best_claim = claim;
        }
        best
    }

    /// How many results `targets` (in target order) make: claims once each, paragraphs each.
    fn results_among(&self, targets: &[u32]) -> usize {
        let mut previous = None;
        targets
            .iter()
            .filter(|&&t| {
                let claim = self.claim_of(t);
                let new = claim.is_none() || claim != previous;
                previous = claim;
                new
            })
            .count()
    }

    /// Runs a query; an empty query lists every claim in file order. Remembers the matches, so
    /// typing one more character rescans only them.
    pub fn search(&mut self, debate: &Debate, query: &str, limit: usize) -> Results {
        let mut last = Results::default();
        let _ = self.search_phased(debate, query, limit, &|| false, |r| last = r);
        last
    }

    /// Runs a query in two phases: the claims (summary, quote, tags), then the article
    /// paragraphs, which are longer and many. `show` gets the ranked claims first (`partial`),
    /// then everything. `None` as soon as `stop` returns true (it is asked every thousand
    /// candidates): a newer query made this one pointless.
    pub fn search_phased(
        &mut self,
        debate: &Debate,
        query: &str,
        limit: usize,
        stop: &(impl Fn() -> bool + Sync),
        mut show: impl FnMut(Results),
    ) -> Option<()> {
        let query_trimmed = query.trim();
        if query_trimmed.is_empty() {
            self.last = None;
            show(all_claims(debate, query, limit));
            return Some(());
        }
        let pattern = skim::Pattern::new(query_trimmed);
        let (split, total) = (
            self.paragraphs_from,
            u32::try_from(self.targets.len()).unwrap_or(u32::MAX),
        );
        let narrowed = match &self.last {
            Some((previous, matched)) if query_trimmed.starts_with(previous.as_str()) => {
                Some(matched.split_at(matched.partition_point(|&t| t < split)))
            }
            _ => None,
        };
        let (claims, paragraphs) = match narrowed {
            Some((c, p)) => (Candidates::List(c), Candidates::List(p)),
            None => (Candidates::Range(0, split), Candidates::Range(split, total)),
        };
        let in_claims = self.score(debate, &pattern, claims, limit, None, stop)?;
        let mut best = self.per_claim(in_claims.scored.iter().copied());
        let mut matched = self.results_among(&in_claims.matched);
        let has_paragraphs = paragraphs.len() > 0;
        // Positions found for the claims shown first are kept for the second showing.
        let mut positions = HashMap::new();
        show(self.results(
            debate,
            query,
            &best,
            matched,
            limit,
            has_paragraphs,
            &mut positions,
        ));
        let mut all_matched = in_claims.matched;
        if has_paragraphs {
            // A paragraph must beat the claims already kept.
            let floor = (best.len() >= limit && limit > 0).then(|| {
                let mut scores: Vec<i64> = best.iter().map(|&(_, s)| s).collect();
                *scores.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a)).1
            });
            let in_paragraphs = self.score(debate, &pattern, paragraphs, limit, floor, stop)?;
            best.extend_from_slice(&in_paragraphs.scored);
            matched += self.results_among(&in_paragraphs.matched);
            show(self.results(debate, query, &best, matched, limit, false, &mut positions));
            all_matched.extend(in_paragraphs.matched);
        }
        self.last = Some((query_trimmed.to_owned(), all_matched));
        Some(())
    }

    /// The best `limit` of the scored targets, ranked, with matched positions.
    #[allow(clippy::too_many_arguments)] // private; every argument is a different input
    fn results(
        &self,
        debate: &Debate,
        query: &str,
        scored: &[(u32, i64)],
        matched: usize,
        limit: usize,
        partial: bool,
        positions: &mut HashMap<u32, Vec<usize>>,
    ) -> Results {
        let query_trimmed = query.trim();
        let mut best = scored.to_vec();
        // Best first; equal scores keep file order (claims before paragraphs). Only the results
        // kept are sorted.
        let order = |&(t, score): &(u32, i64)| (std::cmp::Reverse(score), t);
        if best.len() > limit && limit > 0 {
            best.select_nth_unstable_by_key(limit - 1, order);
        }
        best.truncate(limit);
        best.sort_unstable_by_key(order);
        // Matched positions only for what will be shown, from fuzzy-matcher itself (a fresh
        // matcher each time: a reused one can depend on what it matched before).
        let hits = best
            .into_iter()
            .map(|(t, score)| {
                let target = self.targets[t as usize];
                let text = self.text(debate, t);
                let indices = positions
                    .entry(t)
                    .or_insert_with(|| {
                        let skim = SkimMatcherV2::default().smart_case();
                        debug_assert_eq!(skim.fuzzy_match(text, query_trimmed), Some(score));
                        skim.fuzzy_indices(text, query_trimmed)
                            .map(|(_, i)| i)
                            .unwrap_or_default()
                    })
                    .clone();
                Hit {
                    target,
                    score,
                    indices,
                }
            })
            .collect();
        Results {
            query: query.to_owned(),
            hits,
            matched,
            total: self.targets.len(),
            partial,
        }
    }
}

/// The results of the empty query: every claim in file order, up to `limit`.
pub fn all_claims(debate: &Debate, query: &str, limit: usize) -> Results {
    let hits = debate
        .claim_ixs()
        .take(limit)
        .map(|claim| Hit {
            target: Target::Claim {
                claim,
                field: Field::Summary,
            },
            score: 0,
            indices: Vec::new(),
        })
        .collect();
    Results {
        query: query.to_owned(),
        hits,
        matched: debate.claims.len(),
        total: debate.claims.len(),
        partial: false,
    }
}

/// Byte ranges of the chars at `indices` (char indices into `text`), merged where adjacent.
/// Indices past the end are ignored, so a stale result can never slice out of bounds.
pub fn char_ranges(text: &str, indices: &[usize]) -> Vec<Range<usize>> {
    let mut sorted = indices.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    let mut wanted = sorted.into_iter().peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if next == ci {
            wanted.next();
            let end = bi + c.len_utf8();
            match ranges.last_mut() {
                Some(last) if last.end == bi => last.end = end,
                _ => ranges.push(bi..end),
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn debate() -> Debate {
        Debate::embedded().expect("embedded")
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
    fn results_are_sorted_by_score() {
        let d = debate();
        let r = Index::new(&d).search(&d, "tal", 1000);
        assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(r.total > d.claims.len());
    }

    #[test]
    fn empty_query_lists_all_claims() {
        let d = debate();
        let r = Index::new(&d).search(&d, "  ", 1000);
        assert_eq!(r.hits.len(), d.claims.len());
    }

    #[test]
    fn paragraphs_are_searchable() {
        let d = debate();
        let r = Index::new(&d).search(&d, "Happy New Year", 1000);
        assert!(
            r.hits
                .iter()
                .any(|h| matches!(h.target, Target::Paragraph { .. }))
        );
    }

    /// The ranking by definition: fuzzy-matcher's score of every target (a fresh matcher each
    /// time), claims once under their best field, best first, file order on ties.
    fn reference(debate: &Debate, query: &str, limit: usize) -> (Vec<(Target, i64)>, usize) {
        let index = Index::new(debate);
        let mut all: Vec<(u32, i64)> = Vec::new();
        for t in 0..u32::try_from(index.targets.len()).unwrap() {
            let text = target_text(debate, index.targets[t as usize]);
            if let Some(score) = SkimMatcherV2::default()
                .smart_case()
                .fuzzy_match(&text, query)
            {
                all.push((t, score));
            }
        }
        let mut best = index.per_claim(all);
        let matched = best.len();
        best.sort_by_key(|&(t, score)| (std::cmp::Reverse(score), t));
        best.truncate(limit);
        let hits = best
            .into_iter()
            .map(|(t, score)| (index.targets[t as usize], score))
            .collect();
        (hits, matched)
    }

    #[test]
    fn skipping_what_cannot_rank_changes_nothing() {
        let generated = crate::generate::debate_toml(20, 2_000, 3, 11);
        let debates = [
            debate(),
            crate::model::load_bytes("gen.toml", generated.as_bytes()).expect("loads"),
        ];
        let queries = [
            "t",
            "T",
            "tec",
            "techno",
            "technology",
            "tcnlgy",
            "innovation talent",
            "a b",
            "ai",
            "-",
            "x",
            "China",
            "中国",
            "ee",
            "tTa",
        ];
        for d in &debates {
            for query in queries {
                for limit in [1, 5, 50, 500] {
                    let results = Index::new(d).search(d, query, limit);
                    let got: Vec<(Target, i64)> =
                        results.hits.iter().map(|h| (h.target, h.score)).collect();
                    let (want, matched) = reference(d, query, limit);
                    assert_eq!(got, want, "{query:?}, limit {limit}");
                    assert_eq!(results.matched, matched, "{query:?}");
                }
            }
        }
    }

    #[test]
    fn char_indices_become_byte_ranges() {
        let text = " üäö x";
        assert_eq!(char_ranges(text, &[3]), vec![5..7]);
        assert_eq!(char_ranges(text, &[1, 2, 3]), vec![1..7]);
        assert_eq!(char_ranges(text, &[99]), Vec::<Range<usize>>::new());
    }
}
