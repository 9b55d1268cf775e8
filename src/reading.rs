//! What the reader's less and vim habits do to the state: the search in the article's text
//! (`/`, `n`/`N`, Esc) and the jump list (Ctrl-o, Ctrl-n). The matching and the list's rules
//! live in [`crate::find`] and [`crate::jumps`]; this module ties them to the reader's panes.

use crate::action::Action;
use crate::derive::refresh;
use crate::find::{Find, Match};
use crate::flow::TextAnchor;
use crate::geometry;
use crate::model::ArticleIx;
use crate::state::{State, View};

/// A place in the reader the jump list returns to: an article and the text at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReaderJump {
    pub article: ArticleIx,
    /// The first line of text at or below the top (a gap or the legend has no text to anchor).
    pub anchor: TextAnchor,
    /// How many lines above the anchor's line the top is.
    pub above: usize,
}

/// Handles the actions of the search in the text and of the jump list, and `n`/`N` while a
/// pattern is kept; returns whether the action is done. `g`/`G` in the reader are recorded as
/// jumps (as in vim), then left to `update`.
pub fn handle(state: &mut State, action: &Action) -> bool {
    match *action {
        Action::Top | Action::Bottom if state.view == View::Reader => {
            record_jump(state);
            return false;
        }
        Action::FindInText => find_start(state),
        Action::FindInput(c) => find_edit(state, |p| p.push(c)),
        Action::FindBackspace => find_edit(state, |p| {
            p.pop();
        }),
        Action::FindAccept => find_accept(state),
        Action::FindCancel => find_cancel(state),
        Action::JumpBack => jump_back(state),
        Action::JumpForward => jump_forward(state),
        Action::NextClaim if find_active(state) => step_match(state, true),
        Action::PrevClaim if find_active(state) => step_match(state, false),
        _ => return false,
    }
    true
}

fn height(state: &State) -> usize {
    usize::from(geometry::reader(state).column.height).max(1)
}

fn reader_mut(state: &mut State) -> &mut crate::state::ReaderState {
    &mut state.readers[state.article.get()]
}

/// Scrolls the current pane so `line` is on screen, a third down if it was off screen.
fn show_line(state: &mut State, line: usize) {
    let h = height(state);
    let reader = reader_mut(state);
    let max = reader.flow.len().saturating_sub(h);
    if line < reader.top || line >= reader.top + h {
        reader.set_top(line.saturating_sub(h / 3).min(max));
    }
}

fn match_line(state: &State, m: &Match) -> usize {
    state
        .reader()
        .flow
        .line_of_block_byte(m.block, m.range.start)
}

// ---- Search in the text --------------------------------------------------------------------

/// `/` in the reader: start typing a pattern.
pub fn find_start(state: &mut State) {
    if state.view != View::Reader {
        return;
    }
    let top = state.reader().top;
    reader_mut(state).find = Some(Find::start(top));
}

/// A change of the pattern being typed: find it again and show the first match from where the
/// search started (incremental, as less and vim's `incsearch`).
pub fn find_edit(state: &mut State, edit: impl FnOnce(&mut String)) {
    let Some(mut find) = reader_mut(state).find.take() else {
        return;
    };
    let mut pattern = find.pattern.clone();
    edit(&mut pattern);
    let article = state.debate.article(state.article);
    find.set_pattern(article, pattern, |m| match_line(state, m));
    let line = find.current_match().map(|m| match_line(state, m));
    let origin = find.origin;
    reader_mut(state).find = Some(find);
    if let Some(line) = line {
        show_line(state, line);
    } else {
        let max = state.reader().flow.len().saturating_sub(height(state));
        reader_mut(state).set_top(origin.min(max));
    }
}

/// Enter: keep the pattern; its matches stay highlighted and `n`/`N` step through them.
pub fn find_accept(state: &mut State) {
    let Some(find) = reader_mut(state).find.as_mut() else {
        return;
    };
    find.editing = false;
    if find.matches.is_empty() {
        let pattern = std::mem::take(&mut find.pattern);
        reader_mut(state).find = None;
        if !pattern.is_empty() {
            state.message = Some(format!("Pattern not found: {pattern}"));
        }
        return;
    }
    // The place the search left is a jump, as in vim.
    let origin = find.origin;
    let here = jump_at(state, origin);
    state.jumps.record(here);
}

/// Esc while typing: forget the pattern and go back to where the search started.
pub fn find_cancel(state: &mut State) {
    if let Some(find) = reader_mut(state).find.take() {
        let max = state.reader().flow.len().saturating_sub(height(state));
        reader_mut(state).set_top(find.origin.min(max));
    }
}

/// Whether the user is typing a pattern (the keys go into it).
pub fn typing_pattern(state: &State) -> bool {
    state.view == View::Reader
        && state.overlay.is_none()
        && state.reader().find.as_ref().is_some_and(|f| f.editing)
}

/// Whether `n`/`N` step through matches: a pattern is kept in the pane on screen.
pub fn find_active(state: &State) -> bool {
    state.view == View::Reader && state.reader().find.as_ref().is_some_and(|f| !f.editing)
}

/// `n`/`N` with a pattern: the next or previous match, wrapping round the article.
pub fn step_match(state: &mut State, forward: bool) {
    record_jump(state);
    let Some(mut find) = reader_mut(state).find.take() else {
        return;
    };
    let wrapped = find.step_from(forward, state.reader().top, |m| match_line(state, m));
    reader_mut(state).find = Some(find);
    let Some(find) = state.reader().find.as_ref() else {
        return;
    };
    let Some(m) = find.current_match().cloned() else {
        return;
    };
    let line = match_line(state, &m);
    show_line(state, line);
    if wrapped {
        state.message = Some(if forward {
            "Search hit the bottom, continuing at the top.".into()
        } else {
            "Search hit the top, continuing at the bottom.".into()
        });
    }
}

/// Esc in the reader with a pattern kept: clear it. Returns whether there was one.
pub fn clear_find(state: &mut State) -> bool {
    if state.view != View::Reader || state.overlay.is_some() {
        return false;
    }
    let cleared = reader_mut(state).find.take().is_some();
    if cleared {
        state.message = Some("Search cleared.".into());
    }
    cleared
}

/// The selected claim if its quote starts on screen: Enter never acts on a claim out of sight.
pub fn selected_on_screen(state: &State) -> Option<crate::model::ClaimIx> {
    let claim = state.reader().selected?;
    let anchor = &state.debate.claim(claim).anchor;
    let line = state
        .reader()
        .flow
        .line_of_block_byte(anchor.block, anchor.range.start);
    let top = state.reader().top;
    (top..top + height(state)).contains(&line).then_some(claim)
}

// ---- Jump list -----------------------------------------------------------------------------

/// Where the reader is now, as a jump.
pub fn here(state: &State) -> ReaderJump {
    jump_at(state, state.reader().top)
}

/// The current pane with `top` as its top line, as a jump.
fn jump_at(state: &State, top: usize) -> ReaderJump {
    use crate::flow::Source;
    let reader = state.reader();
    let lines = &reader.flow.lines;
    let text = (top..lines.len())
        .find(|&i| !matches!(lines[i].source, Source::Gap | Source::Legend))
        .unwrap_or(top);
    let anchor = if reader.flow.is_empty() {
        reader.anchor.unwrap_or(TextAnchor {
            source: Source::Title,
            byte: 0,
        })
    } else {
        reader.flow.anchor(text)
    };
    ReaderJump {
        article: state.article,
        anchor,
        above: text.saturating_sub(top),
    }
}

/// Remembers the reader's place before a jump away from it.
pub fn record_jump(state: &mut State) {
    let here = here(state);
    state.jumps.record(here);
}

/// Ctrl-o: back to the place before the last jump.
pub fn jump_back(state: &mut State) {
    let now = here(state);
    match state.jumps.back(now) {
        Some(to) => go_to(state, to),
        None => state.message = Some("At the oldest jump.".into()),
    }
}

/// Ctrl-n: forward again after Ctrl-o.
pub fn jump_forward(state: &mut State) {
    let now = here(state);
    match state.jumps.forward(now) {
        Some(to) => go_to(state, to),
        None => state.message = Some("At the newest jump.".into()),
    }
}

fn go_to(state: &mut State, to: ReaderJump) {
    if to.article.get() >= state.readers.len() {
        return;
    }
    state.overlay = None;
    state.view = View::Reader;
    state.article = to.article;
    refresh(state);
    let line = state
        .reader()
        .flow
        .line_of(to.anchor)
        .saturating_sub(to.above);
    let max = state.reader().flow.len().saturating_sub(height(state));
    reader_mut(state).set_top(line.min(max));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    fn app() -> State {
        State::new(Debate::embedded().expect("embedded debate"), "t", 80, 24)
    }

    #[test]
    fn typing_finds_and_scrolls_to_the_first_match_from_the_top() {
        let mut s = app();
        find_start(&mut s);
        find_edit(&mut s, |p| p.push_str("durov"));
        let find = s.reader().find.clone().expect("a search");
        if let Some(m) = find.current_match() {
            let line = match_line(&s, m);
            let top = s.reader().top;
            assert!((top..top + height(&s)).contains(&line));
        }
        find_cancel(&mut s);
        assert_eq!(s.reader().top, 0);
        assert!(s.reader().find.is_none());
    }

    #[test]
    fn a_pattern_not_found_is_said_and_dropped() {
        let mut s = app();
        find_start(&mut s);
        find_edit(&mut s, |p| p.push_str("zzqxj"));
        find_accept(&mut s);
        assert!(s.reader().find.is_none());
        assert_eq!(s.message.as_deref(), Some("Pattern not found: zzqxj"));
    }

    #[test]
    fn jumps_go_back_and_forward_between_places() {
        let mut s = app();
        let start = here(&s);
        record_jump(&mut s);
        let max = s.reader().flow.len().saturating_sub(height(&s));
        assert!(max > 10, "the first article is longer than a screen");
        s.readers[0].set_top(10);
        let later = here(&s);
        jump_back(&mut s);
        assert_eq!(here(&s), start);
        jump_forward(&mut s);
        assert_eq!(here(&s), later);
    }
}
