//! A claim's card laid out at a width: which text goes on which line, for the views to style
//! and for `update` to know how far the card scrolls. Shared by the claim list's preview,
//! search's preview and the claim detail popup.

use std::ops::Range;

use super::wrap;
use crate::model::{ClaimIx, FramingIx, Link, Stance};
use crate::state::State;
use crate::text;

/// The mark of your verdict on a claim, for lists: none when you gave none.
pub fn verdict_mark(state: &State, claim: ClaimIx) -> Option<&'static str> {
    let id = &state.debate.claim(claim).id;
    Some(state.judgements.get(id)?.verdict?.mark())
}

/// One framing's reading of the claim: its stance, and its note wrapped two cells in.
pub struct Reading<'a> {
    pub framing: FramingIx,
    pub stance: Option<&'a Stance>,
    pub note: Vec<String>,
}

/// The card's parts, each wrapped to the card's width; it reads top to bottom in this order,
/// with a blank line before the quote and after it.
pub struct Card<'a> {
    pub claim: ClaimIx,
    pub width: usize,
    pub summary: Vec<String>,
    pub source: Vec<String>,
    pub tags: Vec<String>,
    pub verdict: Vec<String>,
    pub note: Vec<String>,
    /// The pieces of the quote's paragraph, as byte ranges of its text, wrapped two cells in.
    pub quote: Vec<Range<usize>>,
    pub readings: Vec<Reading<'a>>,
    /// Links out, then in (`true` for out).
    pub links: Vec<(bool, &'a Link)>,
}

impl<'a> Card<'a> {
    /// The card of `claim` at `width`.
    pub fn new(state: &'a State, claim: ClaimIx, width: u16) -> Self {
        let w = usize::from(width).max(1);
        let d = &state.debate;
        let c = d.claim(claim);
        let article = d.article(c.article);
        let judgement = state.judgements.get(&c.id);
        let verdict = judgement
            .and_then(|j| j.verdict)
            .map_or_else(Vec::new, |v| {
                wrap::lines(&format!("Your verdict: {}", v.label()), w)
            });
        let note = judgement
            .and_then(|j| j.note.as_deref())
            .filter(|n| !n.is_empty())
            .map_or_else(Vec::new, |n| wrap::lines(&format!("Your note: {n}"), w));
        let tags = if c.tags.is_empty() {
            Vec::new()
        } else {
            wrap::lines(&hashtags(&c.tags), w)
        };
        let inner = w.saturating_sub(2).max(1);
        let readings = d
            .framing_ixs()
            .map(|f| {
                let stance = c.stance(f);
                let note = stance
                    .and_then(|s| s.note.as_deref())
                    .map_or_else(Vec::new, |n| wrap::lines(n, inner));
                Reading {
                    framing: f,
                    stance,
                    note,
                }
            })
            .collect();
        Self {
            claim,
            width: w,
            summary: wrap::lines(&c.summary, w),
            source: wrap::lines(&format!("{} · {}", article.title, c.id), w),
            tags,
            verdict,
            note,
            quote: text::wrap(&article.doc.blocks[c.anchor.block].text, inner),
            readings,
            links: state.detail_links(claim),
        }
    }

    /// The card's height in lines.
    pub fn height(&self) -> usize {
        let readings: usize = self
            .readings
            .iter()
            // A framing the claim does not bear on says so on a line of its own.
            .map(|r| 1 + r.note.len().max(usize::from(r.stance.is_none())))
            .sum();
        let links = if self.links.is_empty() {
            0
        } else {
            2 + self.links.len()
        };
        self.summary.len()
            + self.source.len()
            + self.tags.len()
            + self.verdict.len()
            + self.note.len()
            + 1
            + self.quote.len()
            + 1
            + readings
            + links
    }
}

/// Tags as they are shown: "#talent #funding".
pub fn hashtags(tags: &[std::sync::Arc<str>]) -> String {
    tags.iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}
