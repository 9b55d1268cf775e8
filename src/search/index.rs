//! What search reads from a debate, prepared once: every text to search in a fixed order,
//! the short ones side by side in one string, quote marks folded.

use std::borrow::Cow;

use super::matcher::{Matcher, folded};
use super::query::Query;
use super::skim::Signature;
use super::{Field, Target, target_text};
use crate::model::{ClaimIx, Debate};

/// Every target in a fixed order, the claims' and theses' texts side by side in one string,
/// and the matches of the last query (a query that narrows it need only try them).
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every claim's summary, quote, tags (joined by spaces) and notes, then every thesis, one
    /// after another: scanning them in order reads memory in order, where the claims' own
    /// strings are scattered (at 100,000 claims that alone made a search 1.5 times slower).
    arena: String,
    /// Where each claim or thesis target's text lies in `arena`.
    spans: Vec<(u32, u32)>,
    /// Per paragraph target, where its folded copy lies in `arena`, if folding changed it.
    folded_paragraphs: Vec<Option<(u32, u32)>>,
    /// Every claim's fields (adjacent, in file order), every thesis, then every paragraph
    /// that does not only repeat a claim's quote.
    pub(super) targets: Vec<Target>,
    /// Where the paragraphs start in `targets`.
    pub(super) paragraphs_from: u32,
    /// Per claim, in order, where its fields start in `targets`; then where the theses do.
    claims_from: Vec<u32>,
    /// Per target, a summary of its text ([`Signature`]): which texts can match and how
    /// high they can score, known without reading them.
    signatures: Vec<Signature>,
    /// The last query run, and the targets that matched it, in target order.
    pub(super) last: Option<(Query, Vec<u32>)>,
}

impl Index {
    pub fn new(debate: &Debate) -> Self {
        let mut targets = Vec::new();
        let mut arena = String::new();
        let mut spans = Vec::new();
        // Offsets fit in u32 below 4 GiB of claim text, above the file size cap.
        let offset = |arena: &String| u32::try_from(arena.len()).unwrap_or(u32::MAX);
        let mut push = |targets: &mut Vec<Target>, target: Target, text: &str| {
            let start = offset(&arena);
            arena.push_str(&folded(text));
            spans.push((start, offset(&arena)));
            targets.push(target);
        };
        let mut claims_from = Vec::with_capacity(debate.claims.len() + 1);
        for claim in debate.claim_ixs() {
            claims_from.push(u32::try_from(targets.len()).unwrap_or(u32::MAX));
            let c = debate.claim(claim);
            for field in [Field::Summary, Field::Quote, Field::Tags] {
                let text = target_text(debate, Target::Claim { claim, field });
                push(&mut targets, Target::Claim { claim, field }, &text);
            }
            for framing in debate.framing_ixs() {
                if let Some(note) = c.stance(framing).and_then(|s| s.note.as_deref()) {
                    let field = Field::Note(framing);
                    push(&mut targets, Target::Claim { claim, field }, note);
                }
            }
        }
        claims_from.push(u32::try_from(targets.len()).unwrap_or(u32::MAX));
        for framing in debate.framing_ixs() {
            let thesis = &debate.framing(framing).thesis;
            push(&mut targets, Target::Thesis { framing }, thesis);
        }
        let paragraphs_from = u32::try_from(targets.len()).unwrap_or(u32::MAX);
        // Paragraphs are read where they are, but those with quote marks to fold are copied.
        let mut folded_paragraphs = Vec::new();
        for article in debate.article_ixs() {
            for block in 0..debate.article(article).doc.blocks.len() {
                if !debate.only_repeats_a_quote(article, block) {
                    let target = Target::Paragraph { article, block };
                    let span = match folded(&target_text(debate, target)) {
                        Cow::Owned(text) => {
                            let start = offset(&arena);
                            arena.push_str(&text);
                            Some((start, offset(&arena)))
                        }
                        Cow::Borrowed(_) => None,
                    };
                    folded_paragraphs.push(span);
                    targets.push(target);
                }
            }
        }
        let mut index = Self {
            arena,
            spans,
            folded_paragraphs,
            targets,
            paragraphs_from,
            claims_from,
            signatures: Vec::new(),
            last: None,
        };
        let count = u32::try_from(index.targets.len()).unwrap_or(u32::MAX);
        // Half on another thread: at a million claims there are five million texts. Each half
        // is written in place, so that no second copy of the signatures is ever held.
        let mut signatures = vec![Signature::of(""); count as usize];
        let summarise = |from: usize, into: &mut [Signature]| {
            for (t, signature) in (from..).zip(into.iter_mut()) {
                let t = u32::try_from(t).unwrap_or(u32::MAX);
                *signature = Signature::of(index.text(debate, t));
            }
        };
        let mid = signatures.len() / 2;
        let (first, second) = signatures.split_at_mut(mid);
        std::thread::scope(|scope| {
            scope.spawn(|| summarise(mid, second));
            summarise(0, first);
        });
        index.signatures = signatures;
        index
    }

    /// The text target number `t` is matched against: folded ([`folded`]), char for char
    /// the text shown.
    pub(super) fn text<'a>(&'a self, debate: &'a Debate, t: u32) -> &'a str {
        let span = self.spans.get(t as usize).copied().or_else(|| {
            let paragraph = t.checked_sub(self.paragraphs_from)?;
            self.folded_paragraphs
                .get(paragraph as usize)
                .copied()
                .flatten()
        });
        if let Some((start, end)) = span {
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

    /// The claim a target belongs to; `None` for a thesis or a paragraph, each its own result.
    pub(super) fn claim_of(&self, t: u32) -> Option<ClaimIx> {
        self.targets
            .get(t as usize)
            .and_then(|target| target.claim())
    }

    /// Whether the query's negations leave out the claim target `t` belongs to, testing all
    /// its texts ([`Matcher::excludes_claim`]); false for a thesis or a paragraph, each its
    /// own result, tested on its own.
    pub(super) fn excluded(&self, debate: &Debate, matcher: &Matcher, t: u32) -> bool {
        let Some(claim) = self.claim_of(t) else {
            return false;
        };
        let at = claim.get();
        let from = self.claims_from.get(at).copied().unwrap_or(0);
        let to = self.claims_from.get(at + 1).copied().unwrap_or(from);
        matcher.excludes_claim(&(from..to).map(|t| {
            let text = self.text(debate, t);
            (text, self.signature(t, text))
        }))
    }

    /// The summary of target `t`, whose text is `text`.
    pub(super) fn signature(&self, t: u32, text: &str) -> Signature {
        self.signatures
            .get(t as usize)
            .copied()
            .unwrap_or_else(|| Signature::of(text))
    }

    /// Claims once each (their best field, the first on a tie), theses and paragraphs, from
    /// targets in target order (a claim's fields are adjacent).
    pub(super) fn per_claim(
        &self,
        targets: impl IntoIterator<Item = (u32, i64)>,
    ) -> Vec<(u32, i64)> {
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

    /// How many results `targets` (in target order) make: claims once each, the rest each.
    pub(super) fn results_among(&self, targets: &[u32]) -> usize {
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
}
