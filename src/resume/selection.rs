//! The selected claim of every view that has one, the claim list's filters and the side-by-side
//! pan, carried between runs by claim and article id (so that they survive edits of the file).

use std::collections::BTreeMap;

use crate::model::{Debate, StanceKind};
use crate::session::record::{ClaimFilter, Selection};
use crate::state::{State, View};

/// What is selected in `state`'s views, by id.
pub fn capture(state: &State) -> Selection {
    let debate = &state.debate;
    let id = |claim| debate.claim(claim).id.clone();
    let d = &state.debate_view;
    let in_debate = if d.side_by_side {
        d.compare.get(d.selected).copied()
    } else {
        d.rows.get(d.selected).map(|&(_, claim)| claim)
    };
    let reader: BTreeMap<String, String> = debate
        .article_ixs()
        .filter_map(|ix| {
            let claim = state.readers[ix.get()].selected?;
            Some((debate.article(ix).id.clone(), id(claim)))
        })
        .collect();
    let finder_open = state.view == View::Search;
    Selection {
        claims: state
            .claims
            .visible
            .get(state.claims.selected)
            .map(|&c| id(c)),
        filter: capture_filter(debate, &state.claims.filter),
        debate: in_debate.map(id),
        pan: d.pan,
        reader,
        result: if finder_open {
            state.search.selected
        } else {
            0
        },
        finder_from: state
            .history
            .last()
            .filter(|_| finder_open)
            .map(|place| super::session_view(place.view, d.side_by_side)),
        // Kept from the file by the caller: this build writes only what it knows.
        unknown: serde_json::Map::new(),
    }
}

fn capture_filter(debate: &Debate, filter: &crate::state::ClaimFilter) -> ClaimFilter {
    ClaimFilter {
        article: filter.article.map(|a| debate.article(a).id.clone()),
        tags: filter.tags.clone(),
        stance: filter
            .stance
            .map(|s| s.map_or("none", StanceKind::as_str).to_owned()),
    }
}

/// Puts the claim list's filters and the pan into `state`: before its rows are derived.
pub fn restore_filters(state: &mut State, saved: &Selection) {
    let debate = std::sync::Arc::clone(&state.debate);
    let f = &saved.filter;
    let filter = &mut state.claims.filter;
    // An article gone from the file filters nothing rather than everything.
    filter.article = f.article.as_deref().and_then(|a| debate.article_by_id(a));
    filter.tags.clone_from(&f.tags);
    filter.stance = match f.stance.as_deref() {
        Some("none") => Some(None),
        Some(kind) => StanceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == kind)
            .map(Some),
        None => None,
    };
    state.debate_view.pan = saved.pan;
}

/// Selects the saved claims again, in the rows derived after [`restore_filters`]; a claim that
/// is gone, or filtered out, leaves that view's selection where a fresh reader has it.
pub fn restore_selected(state: &mut State, saved: &Selection) {
    let debate = std::sync::Arc::clone(&state.debate);
    let find = |id: &Option<String>| id.as_deref().and_then(|id| debate.claim_by_id(id));
    if let Some(claim) = find(&saved.claims)
        && let Some(row) = state.claims.visible.iter().position(|&c| c == claim)
    {
        state.claims.selected = row;
    }
    if let Some(claim) = find(&saved.debate) {
        let d = &mut state.debate_view;
        let row = if d.side_by_side {
            d.compare.iter().position(|&c| c == claim)
        } else {
            d.rows.iter().position(|&(_, c)| c == claim)
        };
        if let Some(row) = row {
            d.selected = row;
        }
    }
    for (article, claim) in &saved.reader {
        if let Some(ix) = debate.article_by_id(article)
            && let Some(claim) = debate.claim_by_id(claim)
            && debate.claim(claim).article == ix
        {
            state.readers[ix.get()].selected = Some(claim);
        }
    }
}
