//! The prompt of a private note on a claim: a box over whatever is on screen naming the claim,
//! the note's line with its cursor (drawn as the finder's prompt is), and its keys from the
//! keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{layout, paint};
use crate::keymap::Context;
use crate::note::NoteForm;
use crate::state::State;
use crate::text;

const MAX_WIDTH: u16 = 80;

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, form: &NoteForm) {
    let theme = &state.theme;
    // The claim's summary, the prompt, and the hints.
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, 3, 0);
    let inner = paint::frame(buf, outer, "Your note", theme.accent, theme);
    let width = usize::from(inner.width);
    let summary = state.debate.claim_by_id(&form.claim).map_or_else(
        || form.claim.clone(),
        |ix| state.debate.claim(ix).summary.clone(),
    );
    let about = format!(" on: {}", text::clean(&summary));
    paint::line(
        buf,
        inner,
        0,
        &Line::from(Span::styled(
            text::truncate(&about, width).into_owned(),
            theme.dim,
        )),
    );
    let mut prompt = vec![Span::styled(" ✎ ", theme.accent)];
    prompt.extend(super::search::prompt_spans(
        &form.field,
        width.saturating_sub(4),
        theme,
    ));
    paint::line(buf, inner, 1, &Line::from(prompt));
    let hints = super::status::overlay_hints(state, Context::Note);
    paint::line(buf, inner, 2, &hints);
}
