//! Search over claims (summary, quote, tags, and their notes under each framing), the
//! framings' theses, and article paragraphs, with fzf's extended-search syntax.
//!
//! A query ([`query`]) is terms separated by spaces, all required, in any order: fuzzy by default,
//! `'exact`, `^prefix`, `suffix$`, `!negated` (`!'` fuzzy, `!^`, `!$`), `a | b` for either;
//! `\ ` is a literal space. fuzzy-matcher's `SkimMatcherV2` score is the ranking truth for
//! fuzzy terms: [`skim`] computes it for every candidate (the same numbers, cheaper), and the
//! crate itself gives the matched positions of the results kept; a query without operators
//! ranks exactly as the crate ranks its text. An exact term scores as its characters matched
//! side by side would under the crate's weights ([`skim::exact`] states the rule); a negated
//! term scores 0; a text scores the sum over its terms ([`matcher`]). Quote marks are folded,
//! in queries and texts alike, char for char ([`matcher::folded`]): `china's` finds
//! "China’s", and the scores are the crate's of the folded texts.
//!
//! Every text is matched on its own: a claim is found when one of its texts matches the
//! whole query, and is listed once, under its best text ([`Field`] says which). A group of
//! negations only (`!word`, `!a | !b`) holds for the claim as a whole, as fzf drops a whole
//! line: `!china` leaves out a claim any of whose texts holds "china". Claims and
//! theses come first, ranked; paragraphs after them. A paragraph that only repeats a claim's
//! quote is not searched: the claim's quote stands for it. Matched positions come back as
//! char indices (fuzzy-matcher's unit); [`char_ranges`] turns them into byte ranges.
//! Nothing here knows about the terminal.

use std::borrow::Cow;
use std::ops::Range;

use crate::model::{ArticleIx, ClaimIx, Debate, FramingIx};

mod index;
mod kept;
pub(crate) mod matcher;
pub mod query;
mod ranking;
mod showing;
pub mod skim;
pub mod worker;

pub use index::Index;

/// Which text of a claim matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Summary,
    Quote,
    Tags,
    /// The note on the claim's stance under this framing.
    Note(FramingIx),
}

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Claim {
        claim: ClaimIx,
        field: Field,
    },
    /// A framing's thesis.
    Thesis {
        framing: FramingIx,
    },
    Paragraph {
        article: ArticleIx,
        block: usize,
    },
}

impl Target {
    /// The claim to open, if the target belongs to one.
    pub fn claim(self) -> Option<ClaimIx> {
        match self {
            Self::Claim { claim, .. } => Some(claim),
            Self::Thesis { .. } | Self::Paragraph { .. } => None,
        }
    }

    /// The framing to open the target under: a note's or a thesis's.
    pub fn framing(self) -> Option<FramingIx> {
        match self {
            Self::Claim {
                field: Field::Note(framing),
                ..
            }
            | Self::Thesis { framing } => Some(framing),
            Self::Claim { .. } | Self::Paragraph { .. } => None,
        }
    }
}

/// One result: the target, its score (higher is better) and the matched char indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: Target,
    pub score: i64,
    /// Empty past the first [`POSITIONS_FIRST`] hits of a partial showing: the next showing
    /// of the same query has them all.
    pub indices: Vec<usize>,
}

/// How many of a partial showing's hits come with their matched positions: more than a
/// screen holds. Finding them costs the crate's full matrix per text, for 500 long texts
/// about a tenth of ranking 100,000 claims; the rest follow with the next showing.
pub const POSITIONS_FIRST: usize = 128;

/// The ranked results of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    /// Claims and theses ranked, then paragraphs ranked.
    pub hits: Vec<Hit>,
    /// How many results there are (before `limit`): claims once each, theses, paragraphs.
    pub matched: usize,
    /// How many results a query can find: claims, theses, and paragraphs that do not only
    /// repeat a claim's quote ([`results_possible`]).
    pub total: usize,
    /// The claims are all ranked, the article paragraphs still to come.
    pub partial: bool,
}

impl Results {
    /// How many results matched but are not listed: past the limit of results ranked.
    pub fn unlisted(&self) -> usize {
        self.matched.saturating_sub(self.hits.len())
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
                Field::Note(framing) => Cow::Borrowed(
                    c.stance(framing)
                        .and_then(|s| s.note.as_deref())
                        .unwrap_or(""),
                ),
            }
        }
        Target::Thesis { framing } => Cow::Borrowed(&debate.framing(framing).thesis),
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

/// Ranks a few short texts (a picker's choices) by a query in the finder's syntax: the index
/// and matched char indices of each text that matches, best first, earlier first among
/// equals. `None` for a query without terms: it keeps every text.
pub fn rank_texts<'a>(
    query: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Option<Vec<(usize, Vec<usize>)>> {
    let parsed = query::parse(query);
    if parsed.groups.is_empty() {
        return None;
    }
    let matcher = matcher::Matcher::new(&parsed);
    let mut scratch = matcher::Scratch::default();
    let mut bounds = Vec::new();
    let mut ranked: Vec<(i64, usize, Vec<usize>)> = texts
        .into_iter()
        .enumerate()
        .filter_map(|(i, text)| {
            let text = &*matcher::folded(text);
            let signature = skim::Signature::of(text);
            if !matcher.matches(text, &signature, &mut scratch) {
                return None;
            }
            matcher.term_bounds(&signature, None, &mut bounds);
            let score = matcher.score(text, &signature, &bounds, None, &mut scratch)?;
            Some((score, i, matcher.indices(text)))
        })
        .collect();
    ranked.sort_by_key(|&(score, i, _)| (std::cmp::Reverse(score), i));
    Some(ranked.into_iter().map(|(_, i, ix)| (i, ix)).collect())
}

/// How many results a query can find: every claim, every framing's thesis, and every
/// paragraph that does not only repeat a claim's quote (the claim stands for it).
pub fn results_possible(debate: &Debate) -> usize {
    let paragraphs: usize = debate
        .article_ixs()
        .map(|a| debate.article(a).doc.blocks.len())
        .sum();
    (debate.claims.len() + debate.framings.len() + paragraphs)
        .saturating_sub(debate.quote_only_paragraphs())
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
        total: results_possible(debate),
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

    #[test]
    fn char_indices_become_byte_ranges() {
        let text = " üäö x";
        assert_eq!(char_ranges(text, &[3]), vec![5..7]);
        assert_eq!(char_ranges(text, &[1, 2, 3]), vec![1..7]);
        assert_eq!(char_ranges(text, &[99]), Vec::<Range<usize>>::new());
    }
}
