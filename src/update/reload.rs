//! A new version of the watched file: a good one replaces the debate and keeps the reader's
//! place; one with errors raises the banner.

use super::search::run_search;
use crate::derive::refresh;
use crate::effect::Effects;
use crate::state::{DetailState, Overlay, State, View};

/// Takes in a new version of the debate file. A good version replaces the debate, keeping
/// the view, the active framing, each article's reading position and the selected claims
/// (matched by id); a version with errors leaves everything as it was and raises the banner.
pub(super) fn reload(
    state: &mut State,
    result: Result<crate::model::Debate, crate::model::LoadFailure>,
    fx: &mut Effects,
) {
    let debate = match result {
        Ok(debate) => debate,
        Err(failure) => {
            let count = failure.diagnostics.len();
            state.banner = Some(crate::state::Banner {
                file: failure.file.clone(),
                count,
                report: failure.render(false),
            });
            state.message = Some(format!(
                "The file has {count} error{}; still showing the last good version.",
                if count == 1 { "" } else { "s" }
            ));
            return;
        }
    };
    // The old debate stays readable while the state moves to the new one; everything is
    // carried over by id, through the new debate's index.
    let old = std::sync::Arc::clone(&state.debate);
    let old_readers = std::mem::take(&mut state.readers);
    let detail_id = match &state.overlay {
        Some(Overlay::Detail(d)) => Some(old.claim(d.claim).id.clone()),
        _ => None,
    };
    state.framing = debate
        .framing_by_id(&old.framing(state.framing).id)
        .unwrap_or_else(crate::model::Debate::first_framing_ix);
    state.article = debate
        .article_by_id(&old.article(state.article).id)
        .unwrap_or_else(crate::model::Debate::first_article_ix);
    state.readers = debate
        .articles
        .iter()
        .map(|a| {
            let mut reader = crate::state::ReaderState::default();
            let was = old
                .article_by_id(&a.id)
                .and_then(|o| old_readers.get(o.get()));
            if let Some(r) = was {
                // The reading anchor, and the selected claim matched by id.
                reader.anchor = r
                    .anchor
                    .or_else(|| (!r.flow.is_empty()).then(|| r.flow.anchor(r.top)));
                reader.selected = r
                    .selected
                    .and_then(|c| debate.claim_by_id(&old.claim(c).id));
            }
            reader
        })
        .collect();
    state.overlay = match (&state.overlay, detail_id) {
        (Some(Overlay::Detail(_)), Some(id)) => debate.claim_by_id(&id).map(|claim| {
            Overlay::Detail(DetailState {
                claim,
                link: None,
                scroll: 0,
            })
        }),
        (Some(Overlay::Errors(_)), _) => None,
        (other, _) => other.clone(),
    };
    state.claims.filter.article = state
        .claims
        .filter
        .article
        .and_then(|a| old.articles.get(a.get()))
        .and_then(|x| debate.article_by_id(&x.id));
    state
        .history
        .retain(|p| p.article.get() < debate.articles.len());
    // Jumps hold article indices and text anchors of the old version: they may point anywhere
    // now, so the list starts again (the places themselves are kept by article id above).
    state.jumps = crate::jumps::JumpList::default();
    // A detail under help names a claim of the old version: closing help shows the view.
    state.detail_under_help = None;
    let summary = debate.summary();
    state.debate = std::sync::Arc::new(debate);
    state.banner = None;
    // Old results point into the old debate: cleared, and searched again if on screen.
    state.search.results = crate::search::Results::default();
    if state.view == View::Search {
        run_search(state, fx);
    } else {
        state.search.generation += 1;
        state.search.busy = false;
    }
    crate::derive::refresh_rows(state);
    refresh(state);
    // Each reader's flow is rebuilt for its anchor the first time it is shown.
    state.message = Some(format!("Reloaded: {summary}."));
}
