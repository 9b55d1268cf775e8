//! A claim shown in full: summary, source, the quote inside its paragraph, every framing's
//! stance and note, and its links. Shared by the claim list's preview, search's preview and the
//! claim detail popup, so a claim reads the same everywhere.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use std::ops::Range;

use super::{paint, theme};
use crate::geometry::card::{Card, Reading};
use crate::model::{ClaimIx, Link, LinkKind, StanceKind};
use crate::state::State;
use crate::text;

/// The mark of your verdict on a claim, for lists (laid out with the card).
pub use crate::geometry::card::verdict_mark;

/// The card's lines at a width; `selected_link` highlights one of the links (out, then in).
pub fn lines(
    state: &State,
    claim: ClaimIx,
    width: u16,
    selected_link: Option<usize>,
) -> Vec<Line<'static>> {
    laid_out(state, Card::new(state, claim, width), selected_link)
}

/// The lines of a card already laid out.
pub fn laid_out(state: &State, card: Card<'_>, selected_link: Option<usize>) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let (claim, w) = (card.claim, card.width);
    let mut out = paint::styled(card.summary, theme.title);
    out.extend(paint::styled(card.source, theme.dim));
    out.extend(paint::styled(card.tags, theme.accent));
    out.extend(paint::styled(card.verdict, theme.accent));
    out.extend(paint::styled(card.note, theme.note));
    out.push(Line::default());
    out.extend(quote_in_context(state, claim, card.quote));
    out.push(Line::default());
    out.extend(readings(state, &card.readings));
    out.extend(links(state, &card.links, w, selected_link));
    out
}

/// The paragraph the quote stands in, the quote highlighted in its stance's colour.
fn quote_in_context(
    state: &State,
    claim: ClaimIx,
    pieces: Vec<Range<usize>>,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    let c = d.claim(claim);
    let block = &d.article(c.article).doc.blocks[c.anchor.block];
    let kind = c.stance(state.framing).map(|s| s.kind);
    let bar = Span::styled("│ ", theme.stance(kind));
    let marks = [(c.anchor.range.clone(), theme.quote(kind, true))];
    paint::marked(&block.text, pieces, theme.muted, &marks)
        .into_iter()
        .map(|l| {
            let mut spans = vec![bar.clone()];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect()
}

/// Each framing's stance on the claim, with its note.
fn readings(state: &State, readings: &[Reading<'_>]) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    let mut out = Vec::new();
    for r in readings {
        let framing = d.framing(r.framing);
        let kind = r.stance.map(|s| s.kind);
        let style = theme.framing(framing, r.framing.get());
        out.push(Line::from(vec![
            Span::styled("▌", style),
            Span::styled(text::clean(&framing.name).into_owned(), style),
            Span::styled(
                format!("  {} {}", theme.stance_mark(kind), theme::stance_word(kind)),
                theme.stance(kind),
            ),
        ]));
        if r.stance.is_none() {
            out.push(Line::from(Span::styled(
                "  (does not bear on this framing)",
                theme.dim,
            )));
        }
        for l in &r.note {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(l.clone(), theme.note),
            ]));
        }
    }
    out
}

/// Links out, then in; the selected one marked.
fn links(
    state: &State,
    links: &[(bool, &Link)],
    w: usize,
    selected_link: Option<usize>,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    if links.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        Line::default(),
        Line::from(Span::styled(
            "Links",
            theme.muted.add_modifier(Modifier::BOLD),
        )),
    ];
    for (i, (outgoing, link)) in links.iter().enumerate() {
        let other = if *outgoing { link.to } else { link.from };
        let verb = match (outgoing, link.kind) {
            (true, LinkKind::Supports) => "→ supports",
            (true, LinkKind::Attacks) => "→ attacks",
            (false, LinkKind::Supports) => "← supported by",
            (false, LinkKind::Attacks) => "← attacked by",
        };
        let verb_style = match link.kind {
            LinkKind::Supports => theme.stance(Some(StanceKind::Supports)),
            LinkKind::Attacks => theme.stance(Some(StanceKind::Challenges)),
        };
        let selected = selected_link == Some(i);
        let row = if selected {
            theme.selected_row
        } else {
            Style::default()
        };
        let label = format!("{verb} ");
        let rest = w.saturating_sub(text::width(&label) + 2);
        let summary = text::truncate(&text::clean(&d.claim(other).summary), rest).into_owned();
        out.push(Line::from(vec![
            Span::styled(if selected { "▸ " } else { "  " }, theme.accent.patch(row)),
            Span::styled(label, verb_style.patch(row)),
            Span::styled(summary, row),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Judgement, Verdict};

    /// `geometry` says how tall a card is; what is drawn must be exactly that tall, or the
    /// popup scrolls short of its end or past it.
    #[test]
    fn the_card_drawn_is_as_tall_as_geometry_measures_it() {
        let debate = crate::model::Debate::embedded().expect("embedded debate loads");
        let mut state = State::new(debate, "t", 80, 24);
        let first = state.debate.claims[0].id.clone();
        state.judgements.insert(
            first,
            Judgement {
                verdict: Some(Verdict::Unsure),
                note: Some("A note long enough to wrap at the narrowest width tried.".into()),
            },
        );
        let mut checked = 0;
        for claim in state.debate.claim_ixs() {
            for width in [1, 17, 40, 96] {
                let card = Card::new(&state, claim, width);
                let height = card.height();
                assert_eq!(
                    laid_out(&state, card, None).len(),
                    height,
                    "{claim:?} at {width}"
                );
                checked += 1;
            }
        }
        assert!(checked > 100);
    }
}
