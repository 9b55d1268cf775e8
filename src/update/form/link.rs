//! Links made by picking: "link this claim to…" opens the finder on the other claims, Enter
//! there picks the target, and a question asks which kind (s supports, a attacks) before the
//! edit is saved. Leaving the finder without a pick makes no link.

use super::target_claim;
use crate::effect::Effects;
use crate::form::{Confirm, LinkPick};
use crate::model::ClaimIx;
use crate::state::{Overlay, State, View};
use crate::update::show_detail;

/// "Link this claim to…": the finder opens, restricted to the other claims; Enter there picks
/// the target ([`link_picked`]), then s or a says which kind of link.
pub(super) fn start(state: &mut State, fx: &mut Effects) {
    let Some(claim) = target_claim(state) else {
        state.message = Some("Select the claim the link leaves first.".into());
        return;
    };
    state.authoring.linking = Some(LinkPick {
        from: state.debate.claim(claim).id.clone(),
        from_detail: matches!(state.overlay, Some(Overlay::Detail(_))),
    });
    state.overlay = None;
    super::super::search::start_search(state, fx);
}

/// The finder in link mode picked `to`: back where the link was started, the question of its
/// kind.
pub(in crate::update) fn link_picked(state: &mut State, to: ClaimIx) {
    let Some(pick) = state.authoring.linking.take() else {
        return;
    };
    super::super::back(state);
    reopen(state, &pick);
    let target = to;
    let to = state.debate.claim(target).id.clone();
    if to == pick.from {
        state.message = Some("A claim cannot link to itself; no link made.".into());
        return;
    }
    // One link between two claims: the same link twice says nothing more, and a claim that
    // both supports and attacks another contradicts itself. The detail's D removes one.
    let existing = state.debate.claim_by_id(&pick.from).and_then(|from| {
        state
            .debate
            .links_from(from)
            .find(|link| link.to == target)
            .map(|link| link.kind)
    });
    if let Some(kind) = existing {
        state.message = Some(format!(
            "'{}' already {} '{to}': no second link (D in the detail removes it).",
            pick.from,
            kind.as_str()
        ));
        return;
    }
    state.authoring.confirm = Some(Confirm::LinkKind {
        from: pick.from,
        to,
    });
}

/// A link being made whose finder was left without a pick (Esc, another view): no link, and
/// the detail it was started from open again.
pub(in crate::update) fn end_abandoned_link(state: &mut State) {
    if state.view == View::Search || state.authoring.linking.is_none() {
        return;
    }
    if let Some(pick) = state.authoring.linking.take() {
        reopen(state, &pick);
        state.message = Some("No link made.".into());
    }
}

fn reopen(state: &mut State, pick: &LinkPick) {
    if pick.from_detail
        && state.overlay.is_none()
        && let Some(claim) = state.debate.claim_by_id(&pick.from)
    {
        show_detail(state, claim);
    }
}
