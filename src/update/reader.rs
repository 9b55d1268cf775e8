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
    if let Some(url) = &article.url {
        let _ = write!(text, "\n{}", crate::text::clean(url));
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
        "Sent claim '{}' to the terminal's clipboard (OSC 52).",
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

/// After a jump into a pane (not by `n`/`N`): the pane's search in the text, if any, no longer
/// stands on its current match.
fn lose_match_place(state: &mut State) {
    if let Some(find) = state.readers[state.article.get()].find.as_mut() {
        find.lose_place();
    }
}

/// Shows a claim's quote in its article pane.
pub(super) fn jump_to_claim(state: &mut State, claim: ClaimIx) {
    let article = state.debate.claim(claim).article;
    go(state, View::Reader, article);
    lose_match_place(state);
    let anchor = state.debate.claim(claim).anchor.clone();
    let line = state
        .reader()
        .flow
        .line_of_block_byte(anchor.block, anchor.range.start);
    select_in_reader(state, claim, line);
}

pub(super) fn jump_to_block(state: &mut State, article: ArticleIx, block: usize) {
    go(state, View::Reader, article);
    lose_match_place(state);
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

/// `m`, `'` and the letter after them (less's marks).
pub(crate) fn mark(state: &mut State, action: &crate::action::Action) {
    use crate::action::Action;
    match *action {
        Action::SetMark => {
            state.pending_mark = Some(true);
            state.message = Some("Mark this place with a letter…".into());
        }
        Action::JumpToMark => {
            state.pending_mark = Some(false);
            state.message = Some(marks_list(state));
        }
        Action::MarkLetter(letter) => {
            if state.pending_mark.take() == Some(true) {
                set_mark(state, letter);
            } else {
                jump_to_mark(state, letter);
            }
        }
        // Any other key after `m` or `'`, a digit say: nothing is marked, and it says why.
        _ => {
            state.message = match state.pending_mark.take() {
                Some(true) => Some("Marks are letters a–z or A–Z: nothing marked.".into()),
                Some(false) => Some("Marks are letters a–z or A–Z: stayed here.".into()),
                None => None,
            };
        }
    }
}

/// The bookmarks as one line, the list to jump from: `'a` and a few words of each place.
pub(crate) fn marks_list(state: &State) -> String {
    use crate::session::Place;
    if state.bookmarks.is_empty() {
        return "No bookmarks yet: m and a letter sets one.".into();
    }
    let entries: Vec<String> = state
        .bookmarks
        .iter()
        .map(|(letter, place)| match place {
            Place::Claim { claim } => format!("'{letter} {claim}"),
            Place::Text { article, anchor } => {
                let words = crate::text::words_fitting(anchor.context_words(), 16);
                format!("'{letter} {article}: {words}")
            }
        })
        .collect();
    // The list key first: the line is cut at the screen's edge, and M shows every mark.
    let list = state.keymap.key_for(
        crate::keymap::Context::of(state),
        &crate::action::Action::ShowMarks,
    );
    format!("Go to ({list} lists them): {}", entries.join(" · "))
}

/// `m<letter>`: in the reader, the place at the top of the screen; elsewhere the selected claim.
pub(crate) fn set_mark(state: &mut State, letter: char) {
    use crate::session::{Place, ReadingAnchor};
    let place = if state.view == View::Reader {
        let article = state.debate.article(state.article);
        // The place the state file would keep: a gap between paragraphs stands for the one
        // below it, not for the top of the article.
        let anchor = crate::resume::reading_anchor(article, state.reader())
            .unwrap_or_else(ReadingAnchor::top);
        Place::Text {
            article: article.id.clone(),
            anchor,
        }
    } else if let Some(claim) = super::selected_claim(state) {
        Place::Claim {
            claim: state.debate.claim(claim).id.clone(),
        }
    } else {
        state.message = Some("Select a claim to bookmark first.".into());
        return;
    };
    state.bookmarks.insert(letter, place);
    state.message = Some(super::note::kept(state, &format!("Bookmark '{letter} set")));
}

/// `'<letter>`: back to a bookmark; one whose claim or article is gone says so.
pub(crate) fn jump_to_mark(state: &mut State, letter: char) {
    use crate::session::Place;
    let Some(place) = state.bookmarks.get(&letter).cloned() else {
        state.message = Some(format!("No bookmark '{letter}."));
        return;
    };
    match place {
        Place::Claim { claim } => match state.debate.claim_by_id(&claim) {
            Some(ix) => jump_to_claim(state, ix),
            None => state.message = Some(format!("Bookmark '{letter}: claim {claim} is gone.")),
        },
        Place::Text { article, anchor } => {
            let Some(ix) = state.debate.article_by_id(&article) else {
                state.message = Some(format!("Bookmark '{letter}: article {article} is gone."));
                return;
            };
            let restored = anchor.restore(state.debate.article(ix)).anchor;
            state.overlay = None;
            state.article = ix;
            state.view = View::Reader;
            lose_match_place(state);
            let reader = &mut state.readers[ix.get()];
            reader.anchor = Some(restored);
            reader.flow = crate::flow::Flow::default();
            crate::derive::refresh(state);
        }
    }
}
