//! Your verdict on a claim (Alt-v, `v`): convinced, not convinced, unsure, none, in turn, kept
//! with the rest of your place.

use super::{note, selected_claim};
use crate::action::Action;
use crate::keymap::Context;
use crate::model::ClaimIx;
use crate::state::{State, View};

/// `v` on whatever claim the view has selected.
pub(super) fn judge_selected(state: &mut State) {
    match selected_claim(state) {
        Some(claim) => cycle_verdict(state, claim),
        None if state.view == View::Search => {
            state.message = Some("Only a claim takes a verdict: select a claim result.".into());
        }
        None => {
            let next = state.keymap.key_for(Context::Reader, &Action::NextClaim);
            state.message = Some(format!(
                "Select a claim to judge first ({next} in the reader)."
            ));
        }
    }
}

/// The next verdict on `claim`: none, convinced, not convinced, unsure, none again.
pub(super) fn cycle_verdict(state: &mut State, claim: ClaimIx) {
    use crate::session::Verdict;
    let id = state.debate.claim(claim).id.clone();
    let judgement = state.judgements.entry(id.clone()).or_default();
    judgement.verdict = match judgement.verdict {
        None => Some(Verdict::Convinced),
        Some(Verdict::Convinced) => Some(Verdict::NotConvinced),
        Some(Verdict::NotConvinced) => Some(Verdict::Unsure),
        Some(Verdict::Unsure) => None,
    };
    // The verdict comes first: the status bar cuts a message's end, and a failing save puts
    // "Not saved (…): " before it.
    let said = match judgement.verdict {
        Some(verdict) => format!(
            "{}: your verdict on {id}",
            crate::text::first_letter(verdict.label(), true)
        ),
        None => format!("No verdict on {id}"),
    };
    if judgement.is_empty() {
        state.judgements.remove(&id);
    }
    state.message = Some(note::kept(state, &said));
}
