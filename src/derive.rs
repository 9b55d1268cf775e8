//! Derived data: what the views show that is computed from the debate, the size and the
//! positions (wrapped articles, the filtered claim list, the debate view's rows, scroll offsets
//! that keep the selection in view). One home, used by `State::new` and by `update`, so that
//! drawing never does real work.

use crate::flow::Flow;
use crate::geometry::{self, layout};
use crate::model::{ArticleIx, ClaimIx, StanceKind};
use crate::state::State;

/// Recomputes everything derived from the size and the data: call after a change of either.
/// List offsets start again from the top (then scroll just enough to show the selection), so
/// what a view shows after resizes never depends on the sizes it passed through.
pub(crate) fn refresh(state: &mut State) {
    state.claims.offset = 0;
    state.search.offset = 0;
    state.debate_view.offset = 0;
    let column = geometry::reader(state).column;
    let article = state.article;
    relayout(state, article, column.width);
    let reader = &mut state.readers[article.get()];
    reader.top = reader.top.min(max_top(reader.flow.len(), column.height));
    refresh_claims(state);
    clamp_debate(state);
    let s = &mut state.search;
    s.selected = s.selected.min(s.results.hits.len().saturating_sub(1));
    follow_search(state);
}

/// Re-wraps an article for a new column width, keeping the same text at the top.
fn relayout(state: &mut State, article: ArticleIx, width: u16) {
    let width = width.max(1);
    let reader = &mut state.readers[article.get()];
    if reader.flow.width == width && !reader.flow.is_empty() {
        return;
    }
    reader.flow = Flow::build(state.debate.article(article), width);
    if let Some(anchor) = reader.anchor {
        reader.top = reader.flow.line_of(anchor);
    }
}

pub(crate) fn max_top(lines: usize, height: u16) -> usize {
    lines.saturating_sub(usize::from(height).max(1))
}

/// Recomputes the filtered claim list, keeping the selected claim selected when it still shows.
pub(crate) fn refresh_claims(state: &mut State) {
    let previous = state.claims.visible.get(state.claims.selected).copied();
    let filter = &state.claims.filter;
    let framing = state.framing;
    state.claims.visible = state
        .debate
        .claim_ixs()
        .filter(|&c| filter.passes(state.debate.claim(c), framing))
        .collect();
    state.claims.selected = previous
        // The list keeps the debate's claim order: found by bisection.
        .and_then(|p| state.claims.visible.binary_search(&p).ok())
        .unwrap_or(0)
        .min(state.claims.visible.len().saturating_sub(1));
    follow_claims(state);
}

pub(crate) fn follow_claims(state: &mut State) {
    let rows = usize::from(geometry::claims(state).lists.list.height);
    let c = &mut state.claims;
    let row = |_| crate::geometry::CLAIM_ROW_HEIGHT;
    c.offset = layout::follow(c.offset, c.selected, c.visible.len(), row, rows);
}

pub(crate) fn follow_search(state: &mut State) {
    let rows = usize::from(geometry::search(state).results.list.height);
    let s = &mut state.search;
    // Past the last result listed, a row says how many more matched: at the last result it
    // comes into view with it.
    let listed = s.results.hits.len();
    let (len, selected) = if s.results.unlisted() > 0 && s.selected + 1 >= listed {
        (listed + 1, listed)
    } else {
        (listed, s.selected)
    };
    s.offset = layout::follow(s.offset, selected, len, |_| 1, rows);
}

pub(crate) fn clamp_debate(state: &mut State) {
    let (selected, offset) = geometry::debate::fit(state);
    state.debate_view.selected = selected;
    state.debate_view.offset = offset;
}

/// Rebuilds both views' rows: after a change of framing, of the contested filter, or of
/// the debate.
pub(crate) fn refresh_rows(state: &mut State) {
    let mut groups: Vec<Vec<(StanceKind, ClaimIx)>> = vec![Vec::new(); StanceKind::ALL.len()];
    let mut compare = Vec::new();
    for claim in state.debate.claim_ixs() {
        let c = state.debate.claim(claim);
        // `x` keeps only contested claims, in both modes.
        if state.debate_view.contested_only && !state.debate.is_contested(claim) {
            continue;
        }
        if let Some(kind) = c.stance(state.framing).map(|s| s.kind)
            && let Some(group) = StanceKind::ALL.iter().position(|&k| k == kind)
        {
            groups[group].push((kind, claim));
        }
        if c.stances.iter().any(Option::is_some) {
            compare.push(claim);
        }
    }
    if state.debate_view.order == crate::state::CompareOrder::Disagreement {
        // A stable sort: claims that diverge alike keep their article order.
        compare.sort_by_key(|&claim| std::cmp::Reverse(divergence(&state.debate, claim)));
    }
    state.debate_view.rows = groups.concat();
    state.debate_view.compare = compare;
}

/// How far the framings' readings of a claim diverge, summed over every pair of framings: a
/// support against a challenge weighs most, a stance against another next, a stance against
/// silence least (that is a blind spot, not a disagreement).
pub(crate) fn divergence(debate: &crate::model::Debate, claim: ClaimIx) -> usize {
    let kinds: Vec<Option<StanceKind>> = debate
        .claim(claim)
        .stances
        .iter()
        .map(|s| s.as_ref().map(|s| s.kind))
        .collect();
    let mut total = 0;
    for (i, a) in kinds.iter().enumerate() {
        for b in &kinds[i + 1..] {
            total += match (a, b) {
                (Some(StanceKind::Supports), Some(StanceKind::Challenges))
                | (Some(StanceKind::Challenges), Some(StanceKind::Supports)) => 6,
                (Some(x), Some(y)) if x != y => 2,
                (Some(_), None) | (None, Some(_)) => 1,
                _ => 0,
            };
        }
    }
    total
}
