//! The claim list's filters: cleared all at once here; each is chosen in a picker
//! (`update::picker`).

use crate::state::State;

pub(super) fn clear_filters(state: &mut State) {
    state.claims.filter = crate::state::ClaimFilter::default();
    crate::derive::refresh_claims(state);
    state.message = Some("Filters cleared.".into());
}
