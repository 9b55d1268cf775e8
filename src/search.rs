//! Fuzzy search over claims (summary, quote, tags) and article paragraphs.
//!
//! fuzzy-matcher's `SkimMatcherV2` score is the ranking truth: [`skim`] computes it for every
//! candidate (the same numbers, cheaper), and the crate itself gives the matched positions of
//! the results kept. A claim is listed once, under the field that matched it best. Matched positions come back as char
//! indices (fuzzy-matcher's unit); [`char_ranges`] turns them into byte ranges for highlighting.
//! Nothing here knows about the terminal.

use std::borrow::Cow;
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
    /// How many targets were searched.
    pub total: usize,
}

/// What search reads from a debate, prepared once: every target in a fixed order, the tags of
/// each claim as one string, and the matches of the last query (a longer query that starts with
/// it can only match a subset of them).
#[derive(Debug, Clone, Default)]
pub struct Index {
    tags: Vec<String>,
    targets: Vec<Target>,
    last: Option<(String, Vec<u32>)>,
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
        Self {
            tags: debate.claims.iter().map(|c| c.tags.join(" ")).collect(),
            targets: claims.chain(paragraphs).collect(),
            last: None,
        }
    }

    /// The text a target is matched against, borrowed from the index's own tags.
    fn text<'a>(&'a self, debate: &'a Debate, target: Target) -> &'a str {
        match target {
            Target::Claim {
                claim,
                field: Field::Tags,
            } => self.tags.get(claim.get()).map_or("", String::as_str),
            other => match target_text(debate, other) {
                Cow::Borrowed(text) => text,
                // Only tags are built, and they were handled above.
                Cow::Owned(_) => "",
            },
        }
    }

    /// Scores the candidates (indices into `targets`) on up to two threads: (target, score).
    /// `None` when `stop` said to give up (it is asked every few hundred candidates).
    fn score(
        &self,
        debate: &Debate,
        query: &str,
        candidates: &[u32],
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Vec<(u32, i64)>> {
        let pattern = skim::Pattern::new(query);
        let run = |part: &[u32]| -> Option<Vec<(u32, i64)>> {
            let mut scorer = skim::Scorer::default();
            let mut found = Vec::new();
            for chunk in part.chunks(1024) {
                if stop() {
                    return None;
                }
                found.extend(chunk.iter().filter_map(|&t| {
                    let text = self.text(debate, self.targets[t as usize]);
                    scorer.score(text, &pattern).map(|score| (t, score))
                }));
            }
            Some(found)
        };
        // Threads pay off only on many candidates.
        if candidates.len() < 4096 {
            return run(candidates);
        }
        let (left, right) = candidates.split_at(candidates.len() / 2);
        std::thread::scope(|scope| {
            let other = scope.spawn(|| run(right));
            let mut scored = run(left)?;
            scored.extend(other.join().ok()??);
            Some(scored)
        })
    }

    /// Runs a query; an empty query lists every claim in file order. Remembers the matches, so
    /// typing one more character rescans only them.
    pub fn search(&mut self, debate: &Debate, query: &str, limit: usize) -> Results {
        self.search_until(debate, query, limit, &|| false)
            .unwrap_or_default()
    }

    /// [`Index::search`], giving up (`None`) as soon as `stop` returns true (it is asked every
    /// few hundred candidates): a newer query made this one pointless.
    pub fn search_until(
        &mut self,
        debate: &Debate,
        query: &str,
        limit: usize,
        stop: &(impl Fn() -> bool + Sync),
    ) -> Option<Results> {
        let query_trimmed = query.trim();
        if query_trimmed.is_empty() {
            self.last = None;
            return Some(all_claims(debate, query, limit));
        }
        let total = self.targets.len();
        let all: Vec<u32>;
        let candidates: &[u32] = match &self.last {
            Some((previous, matched)) if query_trimmed.starts_with(previous.as_str()) => matched,
            _ => {
                all = (0..u32::try_from(total).unwrap_or(u32::MAX)).collect();
                &all
            }
        };
        let scored = self.score(debate, query_trimmed, candidates, stop)?;
        self.last = Some((
            query_trimmed.to_owned(),
            scored.iter().map(|&(t, _)| t).collect(),
        ));
        // A claim is listed once, under its best field (the first on a tie); paragraphs each on
        // their own. A claim's fields are adjacent targets, and scoring keeps target order.
        let mut best: Vec<(u32, i64)> = Vec::with_capacity(scored.len());
        let mut best_claim = None;
        for (t, score) in scored {
            let claim = match self.targets[t as usize] {
                Target::Claim { claim, .. } => Some(claim),
                Target::Paragraph { .. } => None,
            };
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
        let matched = best.len();
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
                let text = self.text(debate, target);
                let skim = SkimMatcherV2::default().smart_case();
                debug_assert_eq!(skim.fuzzy_match(text, query_trimmed), Some(score));
                let indices = skim
                    .fuzzy_indices(text, query_trimmed)
                    .map(|(_, i)| i)
                    .unwrap_or_default();
                Hit {
                    target,
                    score,
                    indices,
                }
            })
            .collect();
        Some(Results {
            query: query.to_owned(),
            hits,
            matched,
            total,
        })
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

    #[test]
    fn char_indices_become_byte_ranges() {
        let text = " üäö x";
        assert_eq!(char_ranges(text, &[3]), vec![5..7]);
        assert_eq!(char_ranges(text, &[1, 2, 3]), vec![1..7]);
        assert_eq!(char_ranges(text, &[99]), Vec::<Range<usize>>::new());
    }
}
