//! The resolved model, built from items that passed every check: indexes in place of ids,
//! each article's claims in text order, and the strings the model keeps copied out of the file.

use crate::model::raw::Text;
use crate::model::{Article, Claim, ClaimIx, Debate, Framing, Link};
use toml::Spanned;

use super::claims::ClaimItem;
use super::items::{ArticleItem, FramingItem};

/// Builds the resolved model; called only when no diagnostic was raised.
pub(super) fn debate(
    title: String,
    description: Option<String>,
    framings: Vec<FramingItem>,
    articles: Vec<ArticleItem>,
    claims: Vec<ClaimItem>,
) -> Debate {
    let framings = framings
        .into_iter()
        .map(|f| Framing {
            id: owned(f.raw.id),
            name: owned(f.raw.name),
            thesis: owned(f.raw.thesis),
            color: f.color,
        })
        .collect();
    let mut links = Vec::new();
    let mut claims: Vec<Claim> = claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            for (to, kind) in c.links {
                links.push(Link {
                    from: ClaimIx(i),
                    to: ClaimIx(to),
                    kind,
                });
            }
            c.claim
        })
        .collect();
    // Built in the raw claims' place, which are larger: give the room back.
    claims.shrink_to_fit();
    // The articles' strings are copied after the claims gave back their room.
    let mut articles: Vec<Article> = articles
        .into_iter()
        .map(|a| Article {
            id: owned(a.raw.id),
            title: owned(a.raw.title),
            subtitle: a.raw.subtitle.map(owned),
            author: a.raw.author.map(owned),
            publication: a.raw.publication.map(owned),
            date: a.date,
            url: a.raw.url.map(owned),
            text: owned(a.raw.text),
            doc: a.doc,
            claims: Vec::new(),
        })
        .collect();
    for (i, claim) in claims.iter().enumerate() {
        articles[claim.article.0].claims.push(ClaimIx(i));
    }
    for article in &mut articles {
        article
            .claims
            .sort_by_key(|c| (claims[c.0].anchor.block, claims[c.0].anchor.range.start));
    }
    Debate::new(title, description, framings, articles, claims, links)
}

/// A string of the file, copied for the model.
fn owned(text: Spanned<Text<'_>>) -> String {
    text.into_inner().into()
}
