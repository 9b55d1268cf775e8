//! The claim list's filters: by article, tag and stance under the active framing.

use super::article_ix;
use crate::derive::refresh_claims;
use crate::model::StanceKind;
use crate::state::State;

pub(super) fn cycle_article_filter(state: &mut State) {
    let n = state.debate.articles.len();
    let next = match state.claims.filter.article {
        None => Some(0),
        Some(a) if a.get() + 1 < n => Some(a.get() + 1),
        Some(_) => None,
    };
    state.claims.filter.article = next.map(|i| article_ix(state, i));
    state.message = Some(match state.claims.filter.article {
        Some(a) => format!("Article: {}", state.debate.article(a).title),
        None => "Article: all".into(),
    });
    refresh_claims(state);
}

pub(super) fn cycle_tag_filter(state: &mut State) {
    let mut tags: Vec<&str> = state
        .debate
        .claims
        .iter()
        .flat_map(|c| c.tags.iter().map(|t| &**t))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let next = match &state.claims.filter.tag {
        None => tags.first().map(|t| (*t).to_owned()),
        Some(current) => {
            let i = tags.iter().position(|t| *t == current.as_str());
            i.and_then(|i| tags.get(i + 1)).map(|t| (*t).to_owned())
        }
    };
    state.message = Some(match &next {
        Some(t) => format!("Tag: {t}"),
        None => "Tag: all".into(),
    });
    state.claims.filter.tag = next;
    refresh_claims(state);
}

pub(super) fn cycle_stance_filter(state: &mut State) {
    let next = match state.claims.filter.stance {
        None => Some(Some(StanceKind::Supports)),
        Some(Some(StanceKind::Supports)) => Some(Some(StanceKind::Challenges)),
        Some(Some(StanceKind::Challenges)) => Some(Some(StanceKind::Neutral)),
        Some(Some(StanceKind::Neutral)) => Some(None),
        Some(None) => None,
    };
    state.claims.filter.stance = next;
    let framing = &state.debate.framing(state.framing).name;
    state.message = Some(match next {
        None => "Stance: all".into(),
        Some(Some(kind)) => format!("Stance under {framing}: {}", kind.as_str()),
        Some(None) => format!("Stance under {framing}: none"),
    });
    refresh_claims(state);
}

pub(super) fn clear_filters(state: &mut State) {
    state.claims.filter = crate::state::ClaimFilter::default();
    crate::derive::refresh_claims(state);
    state.message = Some("Filters cleared.".into());
}
