//! The article panes: stepping through claims, jumping to a quote or a paragraph, copying a
//! claim.

use super::{go, selected_claim};
use crate::action::Action;
use crate::derive::max_top;
use crate::effect::{Effect, Effects};
use crate::geometry;
use crate::keymap::Context;
use crate::model::{ArticleIx, ClaimIx};
use crate::state::{State, View};

/// The text `y` puts on the clipboard: summary, quote with its source, every framing's stance.
pub fn clipboard_text(state: &State, claim: ClaimIx) -> String {
    use std::fmt::Write as _;
    let d = &state.debate;
    let c = d.claim(claim);
    let article = d.article(c.article);
    let mut text = format!("{}\n\n“{}”\n— {}", c.summary, c.quote, article.title);
    let byline = article.byline();
    if !byline.is_empty() {
        let _ = write!(text, ", {byline}");
    }
    text.push('\n');
    for f in d.framing_ixs() {
        if let Some(s) = c.stance(f) {
            let _ = write!(text, "\n{}: {}", d.framing(f).name, s.kind.as_str());
            if let Some(note) = &s.note {
                let _ = write!(text, ". {note}");
            }
        }
    }
    text
}

pub(super) fn copy(state: &mut State, claim: ClaimIx, fx: &mut Effects) {
    fx.push(Effect::Copy(clipboard_text(state, claim)));
    state.message = Some(format!(
        "Copied claim '{}' to the clipboard.",
        state.debate.claim(claim).id
    ));
}

pub(super) fn copy_claim(state: &mut State, fx: &mut Effects) {
    if let Some(claim) = selected_claim(state) {
        copy(state, claim, fx);
    } else {
        let next = state.keymap.key_for(Context::Reader, &Action::NextClaim);
        state.message = Some(format!(
            "Select a claim to copy first ({next} in the reader)."
        ));
    }
}

/// The claims of the current article, in text order, with the line each starts on.
pub(super) fn claim_lines(state: &State) -> Vec<(ClaimIx, usize)> {
    let article = state.debate.article(state.article);
    let flow = &state.reader().flow;
    article
        .claims
        .iter()
        .map(|&c| {
            let anchor = &state.debate.claim(c).anchor;
            (c, flow.line_of_block_byte(anchor.block, anchor.range.start))
        })
        .collect()
}

/// `n`/`N`: select the next or previous claim in the article and bring it into view.
pub(super) fn step_claim(state: &mut State, forward: bool) {
    if state.view != View::Reader {
        return;
    }
    let lines = claim_lines(state);
    if lines.is_empty() {
        state.message = Some("This article has no claims.".into());
        return;
    }
    let height = usize::from(geometry::reader(state).column.height);
    let reader = state.reader();
    let (top, bottom) = (reader.top, reader.top + height);
    let current = reader
        .selected
        .and_then(|s| lines.iter().position(|&(c, _)| c == s))
        .filter(|&i| (top..bottom).contains(&lines[i].1));
    let next = match (current, forward) {
        (Some(i), true) => (i + 1 < lines.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        (None, true) => lines.iter().position(|&(_, l)| l >= top),
        (None, false) => lines.iter().rposition(|&(_, l)| l < bottom),
    };
    let Some(next) = next else {
        state.message = Some(if forward {
            "No more claims below.".into()
        } else {
            "No more claims above.".into()
        });
        return;
    };
    let (claim, line) = lines[next];
    select_in_reader(state, claim, line);
}

/// Selects a claim in the current article and scrolls so its first line is comfortably visible.
pub(super) fn select_in_reader(state: &mut State, claim: ClaimIx, line: usize) {
    let height = geometry::reader(state).column.height;
    let reader = &mut state.readers[state.article.get()];
    reader.selected = Some(claim);
    let h = usize::from(height);
    let mut top = reader.top;
    if line < top || line >= top + h {
        top = line.saturating_sub(h / 3);
    }
    reader.set_top(top.min(max_top(reader.flow.len(), height)));
}

/// Shows a claim's quote in its article pane.
pub(super) fn jump_to_claim(state: &mut State, claim: ClaimIx) {
    let article = state.debate.claim(claim).article;
    go(state, View::Reader, article);
    let anchor = state.debate.claim(claim).anchor.clone();
    let line = state
        .reader()
        .flow
        .line_of_block_byte(anchor.block, anchor.range.start);
    select_in_reader(state, claim, line);
}

pub(super) fn jump_to_block(state: &mut State, article: ArticleIx, block: usize) {
    go(state, View::Reader, article);
    let height = geometry::reader(state).column.height;
    let reader = &mut state.readers[article.get()];
    let top = reader
        .flow
        .line_of_block_byte(block, 0)
        .min(max_top(reader.flow.len(), height));
    reader.set_top(top);
    reader.selected = None;
}

/// The first claim whose quote starts on screen.
pub(super) fn reader_visible_claim(state: &State) -> Option<ClaimIx> {
    let height = usize::from(geometry::reader(state).column.height);
    let top = state.reader().top;
    claim_lines(state)
        .into_iter()
        .find(|&(_, l)| l >= top && l < top + height)
        .map(|(c, _)| c)
}
