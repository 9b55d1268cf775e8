//! Fuzzy search over claims (summary, quote, tags) and article paragraphs.
//!
//! fuzzy-matcher's `SkimMatcherV2` scores every candidate; its ranking is the truth. A claim is
//! listed once, under the field that matched it best. Matched positions come back as char
//! indices (fuzzy-matcher's unit); [`char_ranges`] turns them into byte ranges for highlighting.
//! Nothing here knows about the terminal.

use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{ArticleIx, ClaimIx, Debate};

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

/// What search reads from a debate, prepared once: the tags of each claim as one string.
#[derive(Debug, Clone, Default)]
pub struct Index {
    tags: Vec<String>,
}

impl Index {
    pub fn new(debate: &Debate) -> Self {
        Self {
            tags: debate.claims.iter().map(|c| c.tags.join(" ")).collect(),
        }
    }

    /// The text a target is matched against (and highlighted in).
    pub fn text<'a>(&'a self, debate: &'a Debate, target: Target) -> &'a str {
        match target {
            Target::Claim { claim, field } => {
                let c = debate.claim(claim);
                match field {
                    Field::Summary => &c.summary,
                    Field::Quote => &c.quote,
                    Field::Tags => self.tags.get(claim.get()).map_or("", String::as_str),
                }
            }
            Target::Paragraph { article, block } => debate
                .article(article)
                .doc
                .blocks
                .get(block)
                .map_or("", |b| b.text.as_str()),
        }
    }

    /// Every target, in a stable order: claims (summary, quote, tags), then paragraphs.
    fn targets(debate: &Debate) -> impl Iterator<Item = Target> + '_ {
        let claims = debate.claim_ixs().flat_map(|claim| {
            [Field::Summary, Field::Quote, Field::Tags]
                .into_iter()
                .map(move |field| Target::Claim { claim, field })
        });
        let paragraphs = debate.article_ixs().flat_map(move |article| {
            (0..debate.article(article).doc.blocks.len())
                .map(move |block| Target::Paragraph { article, block })
        });
        claims.chain(paragraphs)
    }

    /// Runs a query; an empty query lists every claim in file order.
    pub fn search(&self, debate: &Debate, query: &str, limit: usize) -> Results {
        let skim = SkimMatcherV2::default().smart_case();
        let query_trimmed = query.trim();
        let mut total = 0;
        let mut hits: Vec<Hit> = Vec::new();
        if query_trimmed.is_empty() {
            for claim in debate.claim_ixs() {
                hits.push(Hit {
                    target: Target::Claim {
                        claim,
                        field: Field::Summary,
                    },
                    score: 0,
                    indices: Vec::new(),
                });
            }
            let matched = hits.len();
            hits.truncate(limit);
            return Results {
                query: query.to_owned(),
                hits,
                matched,
                total: matched,
            };
        }
        let mut best_for_claim: Vec<Option<usize>> = vec![None; debate.claims.len()];
        for target in Self::targets(debate) {
            total += 1;
            let text = self.text(debate, target);
            let Some((score, indices)) = skim.fuzzy_indices(text, query_trimmed) else {
                continue;
            };
            let hit = Hit {
                target,
                score,
                indices,
            };
            if let Target::Claim { claim, .. } = target {
                match best_for_claim[claim.get()] {
                    Some(i) if hits[i].score >= score => {}
                    Some(i) => hits[i] = hit,
                    None => {
                        best_for_claim[claim.get()] = Some(hits.len());
                        hits.push(hit);
                    }
                }
            } else {
                hits.push(hit);
            }
        }
        let matched = hits.len();
        // Stable: equal scores keep file order (claims before paragraphs).
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        hits.truncate(limit);
        Results {
            query: query.to_owned(),
            hits,
            matched,
            total,
        }
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
        let index = Index::new(&d);
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
