//! Lookups the model answers often, built once when it is made: items by id, and the links
//! arriving at each claim (those leaving one are contiguous, the links being kept in the
//! order of the claims they leave).

use super::{Article, ClaimIx, Debate, Framing, Link};

/// Positions sorted by id, searched by bisection: a few bytes an item, where a map would
/// copy every id (a debate may have 60,000 claims).
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    articles_by_id: Vec<usize>,
    framings_by_id: Vec<usize>,
    claims_by_id: Vec<usize>,
    /// Positions in `Debate::links`, by the claim each arrives at.
    links_to: Vec<usize>,
    /// (article, block) of each paragraph that holds nothing but a claim's quote, sorted.
    quote_only: Vec<(usize, usize)>,
}

/// Whether a claim's quote is all its paragraph holds (letters and digits outside it would be
/// something more). Both scans stop at the first letter or digit, beside the quote mostly.
fn is_whole_paragraph(articles: &[Article], claim: &super::Claim) -> bool {
    let anchor = &claim.anchor;
    let Some(text) = articles
        .get(claim.article.get())
        .and_then(|a| a.doc.blocks.get(anchor.block))
        .map(|b| b.text.as_str())
    else {
        return false;
    };
    text.get(..anchor.range.start)
        .zip(text.get(anchor.range.end..))
        .is_some_and(|(before, after)| {
            !before
                .chars()
                .chain(after.chars())
                .any(char::is_alphanumeric)
        })
}

/// Positions `0..len` sorted by the id each has.
fn sorted_by<'a>(len: usize, id: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
    order
}

/// The position whose id is `wanted`, in `order` sorted by id.
fn find<'a>(order: &[usize], wanted: &str, id: impl Fn(usize) -> &'a str) -> Option<usize> {
    order
        .binary_search_by(|&i| id(i).cmp(wanted))
        .ok()
        .map(|at| order[at])
}

impl Index {
    pub(super) fn new(
        framings: &[Framing],
        articles: &[Article],
        claims: &[super::Claim],
        links: &[Link],
    ) -> Self {
        let mut links_to: Vec<usize> = (0..links.len()).collect();
        links_to.sort_by_key(|&i| links[i].to);
        let mut quote_only: Vec<(usize, usize)> = claims
            .iter()
            .filter(|claim| is_whole_paragraph(articles, claim))
            .map(|claim| (claim.article.get(), claim.anchor.block))
            .collect();
        quote_only.sort_unstable();
        quote_only.dedup();
        Self {
            quote_only,
            articles_by_id: sorted_by(articles.len(), |i| &articles[i].id),
            framings_by_id: sorted_by(framings.len(), |i| &framings[i].id),
            claims_by_id: sorted_by(claims.len(), |i| &claims[i].id),
            links_to,
        }
    }
}

impl Debate {
    /// The article with this id.
    pub fn article_by_id(&self, id: &str) -> Option<super::ArticleIx> {
        find(&self.index.articles_by_id, id, |i| &self.articles[i].id).map(super::ArticleIx)
    }

    /// The framing with this id.
    pub fn framing_by_id(&self, id: &str) -> Option<super::FramingIx> {
        find(&self.index.framings_by_id, id, |i| &self.framings[i].id).map(super::FramingIx)
    }

    /// The claim with this id.
    pub fn claim_by_id(&self, id: &str) -> Option<ClaimIx> {
        find(&self.index.claims_by_id, id, |i| &self.claims[i].id).map(ClaimIx)
    }

    /// Whether a paragraph holds nothing but the quote of a claim anchored in it: the claim's
    /// quote can stand for it (search leaves such paragraphs to their claims).
    pub fn only_repeats_a_quote(&self, article: super::ArticleIx, block: usize) -> bool {
        self.index
            .quote_only
            .binary_search(&(article.get(), block))
            .is_ok()
    }

    /// How many paragraphs hold nothing but a claim's quote ([`Debate::only_repeats_a_quote`]).
    pub fn quote_only_paragraphs(&self) -> usize {
        self.index.quote_only.len()
    }

    /// Links leaving a claim, in the order the file gives them.
    pub fn links_from(&self, claim: ClaimIx) -> impl Iterator<Item = &Link> {
        let start = self.links.partition_point(|l| l.from < claim);
        let end = self.links.partition_point(|l| l.from <= claim);
        self.links[start..end].iter()
    }

    /// Links arriving at a claim, in the order of the claims they leave.
    pub fn links_to(&self, claim: ClaimIx) -> impl Iterator<Item = &Link> {
        let order = &self.index.links_to;
        let start = order.partition_point(|&i| self.links[i].to < claim);
        let end = order.partition_point(|&i| self.links[i].to <= claim);
        order[start..end].iter().map(|&i| &self.links[i])
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Debate;

    #[test]
    fn lookups_by_id_and_links_agree_with_a_scan() {
        let debate = Debate::embedded().expect("the embedded debate loads");
        for c in debate.claim_ixs() {
            assert_eq!(debate.claim_by_id(&debate.claim(c).id), Some(c));
            let from: Vec<_> = debate.links.iter().filter(|l| l.from == c).collect();
            let to: Vec<_> = debate.links.iter().filter(|l| l.to == c).collect();
            assert_eq!(debate.links_from(c).collect::<Vec<_>>(), from);
            assert_eq!(debate.links_to(c).collect::<Vec<_>>(), to);
        }
        for a in debate.article_ixs() {
            assert_eq!(debate.article_by_id(&debate.article(a).id), Some(a));
        }
        for f in debate.framing_ixs() {
            assert_eq!(debate.framing_by_id(&debate.framing(f).id), Some(f));
        }
        assert_eq!(debate.claim_by_id("no-such-claim"), None);
        assert!(
            debate
                .links
                .iter()
                .any(|l| debate.links_to(l.to).count() > 0)
        );
    }
}
