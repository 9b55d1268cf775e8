//! A claim shown in full: summary, source, the quote inside its paragraph, every framing's
//! stance and note, and its links. Shared by the claim list's preview, search's preview and the
//! claim detail popup, so a claim reads the same everywhere.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{paint, theme};
use crate::model::{ClaimIx, LinkKind, StanceKind};
use crate::state::State;
use crate::text;

/// The mark of your verdict on a claim, for lists: none when you gave none.
pub fn verdict_mark(state: &State, claim: ClaimIx) -> Option<&'static str> {
    use crate::session::Verdict;
    let id = &state.debate.claim(claim).id;
    Some(match state.judgements.get(id)?.verdict? {
        Verdict::Convinced => "✓",
        Verdict::NotConvinced => "✗",
        Verdict::Unsure => "?",
    })
}

/// The card's lines at a width; `selected_link` highlights one of the links (out, then in).
pub fn lines(
    state: &State,
    claim: ClaimIx,
    width: u16,
    selected_link: Option<usize>,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let w = usize::from(width).max(1);
    let d = &state.debate;
    let c = d.claim(claim);
    let article = d.article(c.article);
    let mut out = paint::wrapped(&c.summary, w, theme.title);
    let source = format!("{} · {}", article.title, c.id);
    out.extend(paint::wrapped(&source, w, theme.dim));
    if !c.tags.is_empty() {
        let tags = paint::hashtags(&c.tags);
        out.extend(paint::wrapped(&tags, w, theme.accent));
    }
    if let Some(judgement) = state.judgements.get(&c.id) {
        if let Some(verdict) = judgement.verdict {
            let line = format!("Your verdict: {}", verdict.label());
            out.extend(paint::wrapped(&line, w, theme.accent));
        }
        if let Some(note) = judgement.note.as_deref().filter(|n| !n.is_empty()) {
            out.extend(paint::wrapped(&format!("Your note: {note}"), w, theme.note));
        }
    }
    out.push(Line::default());
    out.extend(quote_in_context(state, claim, w));
    out.push(Line::default());
    out.extend(readings(state, claim, w));
    out.extend(links(state, claim, w, selected_link));
    out
}

/// The paragraph the quote stands in, the quote highlighted in its stance's colour.
fn quote_in_context(state: &State, claim: ClaimIx, w: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    let c = d.claim(claim);
    let block = &d.article(c.article).doc.blocks[c.anchor.block];
    let kind = c.stance(state.framing).map(|s| s.kind);
    let bar = Span::styled("│ ", theme.stance(kind));
    let inner = w.saturating_sub(2).max(1);
    let marks = [(c.anchor.range.clone(), theme.quote(kind, true))];
    paint::wrapped_marked(&block.text, inner, theme.muted, &marks)
        .into_iter()
        .map(|l| {
            let mut spans = vec![bar.clone()];
            spans.extend(l.spans);
            Line::from(spans)
        })
        .collect()
}

/// Each framing's stance on the claim, with its note.
fn readings(state: &State, claim: ClaimIx, w: usize) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    let c = d.claim(claim);
    let mut out = Vec::new();
    for f in d.framing_ixs() {
        let framing = d.framing(f);
        let stance = c.stance(f);
        let kind = stance.map(|s| s.kind);
        let style = theme.framing(framing, f.get());
        out.push(Line::from(vec![
            Span::styled("▌", style),
            Span::styled(text::clean(&framing.name).into_owned(), style),
            Span::styled(
                format!("  {} {}", theme.stance_mark(kind), theme::stance_word(kind)),
                theme.stance(kind),
            ),
        ]));
        match stance.and_then(|s| s.note.as_deref()) {
            Some(note) => {
                for l in paint::wrapped(note, w.saturating_sub(2).max(1), theme.note) {
                    let mut spans = vec![Span::raw("  ")];
                    spans.extend(l.spans);
                    out.push(Line::from(spans));
                }
            }
            None if stance.is_none() => out.push(Line::from(Span::styled(
                "  (does not bear on this framing)",
                theme.dim,
            ))),
            None => {}
        }
    }
    out
}

/// Links out, then in; the selected one marked.
fn links(
    state: &State,
    claim: ClaimIx,
    w: usize,
    selected_link: Option<usize>,
) -> Vec<Line<'static>> {
    let theme = &state.theme;
    let d = &state.debate;
    let links = state.detail_links(claim);
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
