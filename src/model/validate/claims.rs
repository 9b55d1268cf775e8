//! Claims: ids, quotes found in their article, stances under known framings, links to known
//! claims; each claim that passes becomes the model's claim on the spot.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use toml::Spanned;

use super::Validator;
use super::items::{ArticleItem, FramingItem, IdAt, id_at};
use super::messages::{Otherwise, did_you_mean, first_words, last_words, reference};
use crate::model::diagnostic::Diagnostic;
use crate::model::markdown;
use crate::model::quote::{self, ArticleText};
use crate::model::raw::{RawClaim, RawLink, RawStance, Text};
use crate::model::{Anchor, ArticleIx, Claim, LinkKind, Stance, StanceKind};

/// A claim that passed its checks, as the model will hold it, and its links by claim
/// number. Built while the file's claims are checked, so that the raw claims can go before
/// the rest of the model is built.
pub(super) struct ClaimItem {
    pub(super) claim: Claim,
    pub(super) links: Vec<(usize, LinkKind)>,
}

/// Each article's text prepared for quote lookups, and each claim's quote in its article
/// where it is found there (on two threads).
fn find_quotes(
    claims: &[RawClaim<'_>],
    articles: &[ArticleItem],
    index: &HashMap<&str, usize>,
) -> (Vec<ArticleText>, Vec<Option<Anchor>>) {
    // On this thread: the texts are freed before the model's strings are made, and only
    // memory freed by the thread that allocates next is reused (glibc keeps an arena per
    // thread); prepared on two threads they cost 5 MB more at the peak for 49 MB of file.
    let texts: Vec<ArticleText> = articles
        .iter()
        .map(|a| ArticleText::new(a.doc.blocks.iter().map(|b| b.text.as_str())))
        .collect();
    let find = |texts: &[ArticleText], part: &[RawClaim<'_>]| -> Vec<Option<Anchor>> {
        part.iter()
            .map(|claim| {
                let text = texts.get(*index.get(claim.article.get_ref().as_str())?)?;
                let needle = quote::normalize(&markdown::plain_text(claim.quote.get_ref())).text;
                let (block, range) = text.find_quote(&needle)?;
                Some(Anchor { block, range })
            })
            .collect()
    };
    let found = std::thread::scope(|scope| {
        let (left, right) = claims.split_at(claims.len() / 2);
        let other = scope.spawn(|| find(&texts, right));
        let mut found = find(&texts, left);
        found.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        found
    });
    (texts, found)
}

impl Validator {
    /// Every claim checked; the ones that pass, as the model will hold them.
    pub(super) fn claims(
        &mut self,
        raws: Vec<RawClaim<'_>>,
        framings: &[FramingItem],
        articles: &[ArticleItem],
    ) -> Vec<ClaimItem> {
        // Only the ids of claims that parsed; resolved below for links.
        let ids: Vec<IdAt<'_>> = raws.iter().map(|c| id_at(&c.id)).collect();
        self.check_unique("claim", &ids);
        let claim_index: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .rev()
            .map(|(i, id)| (id.id.as_str(), i))
            .collect();
        let article_index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .rev()
            .map(|(i, a)| (a.raw.id.get_ref().as_str(), i))
            .collect();
        let framing_index: HashMap<&str, usize> = framings
            .iter()
            .enumerate()
            .rev()
            .map(|(i, f)| (f.raw.id.get_ref().as_str(), i))
            .collect();
        // The quotes are looked up on two threads first; only the ones not found come back
        // to `find_quote` below, for their messages.
        let (mut texts, found) = find_quotes(&raws, articles, &article_index);
        if found.iter().all(Option::is_some) {
            // Only a quote not found needs its article's text again, for its message.
            texts = Vec::new();
        }

        // Each raw claim becomes its checked item in the same place: consuming the list this
        // way lets the items reuse its allocation (they are smaller), where a second list
        // would be one more large allocation while a large file is checked.
        let mut tags = Tags::default();
        let check = |(raw, found): (RawClaim<'_>, Option<Anchor>)| {
            let what = format!("claim '{}'", raw.id.get_ref());
            self.check_id("claim", &raw.id);
            self.non_empty(&what, "summary", &raw.summary);
            for tag in &raw.tags {
                if tag.get_ref().trim().is_empty() {
                    self.push(
                        Diagnostic::new(format!("an empty tag in {what}"))
                            .at(tag.span(), "empty tag")
                            .help("remove it, or write the tag"),
                    );
                }
            }
            let article = article_index.get(raw.article.get_ref().as_str()).copied();
            if article.is_none() {
                let name = raw.article.get_ref();
                self.unknown_reference(
                    "article",
                    &raw.article,
                    format!("{what} cites article '{name}', which does not exist"),
                    articles.iter().map(|a| a.raw.id.get_ref().as_str()),
                    Otherwise::ListAll,
                );
            }
            let anchor = found.or_else(|| {
                let a = article?;
                self.find_quote(&what, &raw.quote, &articles[a], texts.get(a)?)
            });
            let stances = self.stances(&what, &raw, framings, &framing_index);
            let links = self.links(&what, &raw, &ids, &claim_index);
            Some(ClaimItem {
                claim: Claim {
                    id: raw.id.get_ref().to_string(),
                    article: ArticleIx(article?),
                    quote: raw.quote.get_ref().to_string(),
                    summary: raw.summary.get_ref().to_string(),
                    tags: raw.tags.iter().map(|t| tags.share(t.get_ref())).collect(),
                    stances,
                    anchor: anchor?,
                },
                links,
            })
        };
        raws.into_iter().zip(found).filter_map(check).collect()
    }

    /// The quote of a claim looked up again, only when it was not found, for its message.
    fn find_quote(
        &mut self,
        what: &str,
        quote: &Spanned<Text<'_>>,
        article: &ArticleItem,
        text: &ArticleText,
    ) -> Option<Anchor> {
        let needle = quote::normalize(&markdown::plain_text(quote.get_ref())).text;
        if needle.is_empty() {
            self.push(
                Diagnostic::new(format!("the quote of {what} is empty"))
                    .at(quote.span(), "empty quote")
                    .help("copy the words of the article that make this claim"),
            );
            return None;
        }
        if let Some((block, range)) = text.find_quote(&needle) {
            return Some(Anchor { block, range });
        }
        let plain: Vec<&str> = text.block_texts().collect();
        let prefix = quote::longest_matching_prefix(&needle, &plain);
        let article_id = article.raw.id.get_ref();
        let help = if prefix.is_empty() {
            format!(
                "copy the words exactly from article '{article_id}'; differences of spacing, line breaks, quote marks and *emphasis* do not matter, an ellipsis (… or ...) may stand for words left out, and a quote must lie within one paragraph"
            )
        } else {
            let continuation = plain
                .iter()
                .find_map(|t| t.find(prefix).map(|at| &t[at + prefix.len()..]))
                .unwrap_or("");
            let next = |s: &str| first_words(s.trim_start(), 6);
            if continuation.trim().is_empty() {
                format!(
                    "the quote matches up to \"{}\", where the paragraph ends; a quote must lie within one paragraph",
                    last_words(prefix, 6)
                )
            } else {
                format!(
                    "the quote matches up to \"{}\"; then the article reads \"{}\" but the quote has \"{}\"",
                    last_words(prefix, 6),
                    next(continuation),
                    next(&needle[prefix.len()..]),
                )
            }
        };
        self.push(
            Diagnostic::new(format!(
                "the quote of {what} is not in article '{article_id}'"
            ))
            .at(quote.span(), "not found in the article")
            .help(help),
        );
        None
    }

    /// A claim's stances, one per framing in framing order.
    fn stances(
        &mut self,
        what: &str,
        raw: &RawClaim<'_>,
        framings: &[FramingItem],
        framing_index: &HashMap<&str, usize>,
    ) -> Vec<Option<Stance>> {
        let mut stances = vec![None; framings.len()];
        for (framing, stance) in &raw.stances.0 {
            let RawStance { stance: kind, note } = stance.get_ref();
            let kind_value = kind.get_ref().parse::<StanceKind>().ok();
            if kind_value.is_none() {
                let other = kind.get_ref();
                self.push(
                    Diagnostic::new(format!(
                        "unknown stance '{other}' in {what}{}",
                        did_you_mean(other, StanceKind::ALL.map(StanceKind::as_str))
                    ))
                    .at(kind.span(), "unknown stance")
                    .help("a stance is \"supports\", \"challenges\" or \"neutral\""),
                );
            }
            if let Some(&f) = framing_index.get(framing.get_ref().as_str()) {
                if let Some(kind) = kind_value {
                    stances[f] = Some(Stance {
                        kind,
                        note: note.as_ref().map(|n| n.get_ref().as_str().into()),
                    });
                }
            } else {
                let name = framing.get_ref();
                self.unknown_reference(
                    "framing",
                    framing,
                    format!("{what} has a stance for framing '{name}', which does not exist"),
                    framings.iter().map(|f| f.raw.id.get_ref().as_str()),
                    Otherwise::ListAll,
                );
            }
        }
        stances
    }

    /// A claim's links, to claims by number.
    fn links(
        &mut self,
        what: &str,
        raw: &RawClaim<'_>,
        ids: &[IdAt<'_>],
        claim_index: &HashMap<&str, usize>,
    ) -> Vec<(usize, LinkKind)> {
        let mut links = Vec::new();
        for link in &raw.links {
            let RawLink { to, kind } = link.get_ref();
            let kind_value = kind.get_ref().parse::<LinkKind>().ok();
            if kind_value.is_none() {
                let other = kind.get_ref();
                self.push(
                    Diagnostic::new(format!(
                        "unknown link kind '{other}' in {what}{}",
                        did_you_mean(other, LinkKind::ALL.map(LinkKind::as_str))
                    ))
                    .at(kind.span(), "unknown kind")
                    .help("a link's kind is \"supports\" or \"attacks\""),
                );
            }
            if to.get_ref() == raw.id.get_ref() {
                self.push(
                    Diagnostic::new(format!("{what} links to itself"))
                        .at(to.span(), "the claim's own id")
                        .help("a link connects two different claims"),
                );
                continue;
            }
            if let Some(&target) = claim_index.get(to.get_ref().as_str()) {
                if let Some(kind) = kind_value {
                    links.push((target, kind));
                }
            } else {
                let name = to.get_ref();
                self.unknown_reference(
                    "claim",
                    to,
                    format!("{what} links to claim '{name}', which does not exist"),
                    ids.iter().map(|i| i.id.as_str()),
                    Otherwise::Say("link to the id of a claim defined in this file"),
                );
            }
        }
        links
    }
}

/// The distinct tags of a debate, each made once and shared by the claims that carry it.
#[derive(Default)]
struct Tags(HashSet<Arc<str>>);

impl Tags {
    fn share(&mut self, tag: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(tag) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(tag);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

impl Validator {
    /// Reports a reference to an id of `kind` that does not exist, unless the item it names
    /// had errors of its own (then that is the mistake, already reported).
    fn unknown_reference<'a>(
        &mut self,
        kind: &'static str,
        id: &Spanned<Text<'_>>,
        message: String,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: Otherwise,
    ) {
        if !self.is_broken(kind, id.get_ref()) {
            self.push(reference(
                kind,
                id.get_ref(),
                id.span(),
                message,
                known,
                otherwise,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::model::Debate;

    #[test]
    fn claims_share_each_tag() {
        let debate = Debate::embedded().expect("the embedded debate loads");
        let tags: Vec<&Arc<str>> = debate.claims.iter().flat_map(|c| &c.tags).collect();
        let repeated = tags
            .iter()
            .enumerate()
            .find_map(|(i, a)| tags[i + 1..].iter().find(|b| a == *b).map(|b| (*a, *b)));
        let (a, b) = repeated.expect("some tag is on two claims");
        assert!(Arc::ptr_eq(a, b), "tag '{a}' is stored twice");
    }
}
