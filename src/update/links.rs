//! The list of the article's links (`o` in the reader): moving through it, opening one.

use super::overlay::scroll_overlay;
use crate::action::Action;
use crate::effect::{Effect, Effects};
use crate::flow::Source;
use crate::links::{self, ArticleLink};
use crate::state::{Overlay, State};

/// The flow line a link stands on in the current reader.
fn line_of(state: &State, link: &ArticleLink) -> usize {
    let flow = &state.reader().flow;
    match link.place {
        Some((block, byte)) => flow.line_of_block_byte(block, byte),
        None => flow
            .lines
            .iter()
            .position(|l| l.source == Source::Url)
            .unwrap_or(0),
    }
}

/// `o`: the list, on the first link at or below the top of the screen (the one the reader is
/// looking at, most likely); with none, a message.
pub(super) fn show(state: &mut State) {
    let all = links::of_article(state.debate.article(state.article));
    if all.is_empty() {
        state.message = Some("This article has no links.".into());
        return;
    }
    let top = state.reader().top;
    let first = all
        .iter()
        .position(|l| line_of(state, l) >= top)
        .unwrap_or(all.len() - 1);
    state.overlay = Some(Overlay::Links(first));
}

/// An action while the list is open on the `selected`-th link.
pub(super) fn links_action(state: &mut State, selected: usize, action: &Action, fx: &mut Effects) {
    let all = links::of_article(state.debate.article(state.article));
    // A digit opens the link of that number, as the rows are numbered (1 to 9).
    let digit = match *action {
        Action::ShowArticle(i) => Some(i),
        Action::CountDigit(d @ 1..) => Some(usize::from(d) - 1),
        _ => None,
    };
    let (selected, action) = match digit {
        Some(n) if n >= all.len() => {
            state.message = Some(format!("There is no link {}.", n + 1));
            return;
        }
        Some(n) => (n, &Action::Open),
        None => (selected, action),
    };
    if let (Action::Open, Some(link)) = (action, all.get(selected)) {
        match links::check(&link.url) {
            Ok(()) => {
                state.overlay = None;
                state.message = Some(format!("Opening {}", links::shown(&link.url)));
                fx.push(Effect::OpenUrl(link.url.clone()));
            }
            Err(refusal) => {
                state.message = Some(format!("Not opened: {}.", refusal.reason()));
            }
        }
    } else {
        let moved = scroll_overlay(state, selected, action);
        state.overlay = Some(Overlay::Links(moved.min(all.len().saturating_sub(1))));
    }
}
