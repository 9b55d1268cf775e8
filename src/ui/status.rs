//! The status bar: the view, the position in it, and key hints generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{paint, theme::Theme};
use crate::keymap::Context;
use crate::state::{Overlay, State, View};
use crate::text;

fn position(state: &State) -> String {
    if let Some(find) = super::find::position(state) {
        return find;
    }
    match state.view {
        View::Reader => super::cues::reader_position(state),
        View::Claims => format!(
            "{}/{}",
            (state.claims.selected + 1).min(state.claims.visible.len()),
            state.claims.visible.len()
        ),
        View::Debate => {
            let n = if state.debate_view.side_by_side {
                state.compare_rows().len()
            } else {
                state.debate_rows().len()
            };
            format!("{}/{n}", (state.debate_view.selected + 1).min(n))
        }
        // The place in the list: of the results listed, which stop at the limit.
        View::Search => {
            let r = &state.search.results;
            let listed = r.hits.len();
            let place = format!("{}/{listed}", (state.search.selected + 1).min(listed));
            match r.unlisted() {
                0 => place,
                _ => format!("{place} of {}", r.matched),
            }
        }
    }
}

fn view_name(state: &State) -> &'static str {
    if state.note.is_some() {
        return "NOTE";
    }
    match (&state.overlay, state.view) {
        (Some(Overlay::Help(_)), _) => "HELP",
        (Some(Overlay::Marks(_)), _) => "MARKS",
        (Some(Overlay::Links(_)), _) => "LINKS",
        (Some(Overlay::Errors(_)), _) => "ERRORS",
        (Some(Overlay::Detail(_)), _) => "CLAIM",
        (Some(Overlay::Picker(_)), _) => "PICK",
        (None, View::Reader) => match &state.authoring.caret {
            Some(c) if c.article == state.article && c.anchor.is_some() => "VISUAL",
            Some(c) if c.article == state.article => "CARET",
            _ => "READ",
        },
        (None, View::Claims) => "CLAIMS",
        (None, View::Debate) if state.debate_view.side_by_side => "COMPARE",
        (None, View::Debate) => "DEBATE",
        (None, View::Search) => "SEARCH",
    }
}

/// The live-reload banner: the file has errors, the last good version is on screen.
pub fn draw_banner(buf: &mut Buffer, area: Rect, banner: &crate::state::Banner, theme: &Theme) {
    paint::fill(buf, area, theme.warning);
    let noun = if banner.count == 1 { "error" } else { "errors" };
    let message = format!(
        " ⚠ {} has {} {noun}; showing the last good version · e: list them",
        text::clean(&banner.file),
        banner.count
    );
    let shown = text::truncate(&message, usize::from(area.width)).into_owned();
    paint::line(
        buf,
        area,
        0,
        &Line::from(Span::styled(shown, theme.warning)),
    );
}

pub fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    let theme = &state.theme;
    paint::fill(buf, area, theme.bar);
    let mut spans = vec![
        Span::styled(format!(" {} ", view_name(state)), theme.badge),
        Span::styled(format!(" {} ", position(state)), theme.bar),
    ];
    let used: usize = spans.iter().map(Span::width).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    if let Some(prompt) = super::find::prompt(state) {
        spans.push(Span::styled(format!(" {prompt}▏"), theme.message));
    } else if let Some(message) = &state.message {
        spans.push(Span::styled(
            format!(" {}", text::truncate(&text::clean(message), room)),
            theme.message,
        ));
    } else {
        for (key, word) in fit_hints(state, room) {
            spans.push(Span::styled(format!(" {key}"), theme.bar_key));
            spans.push(Span::styled(format!(" {word} "), theme.bar));
        }
    }
    paint::line(buf, area, 0, &Line::from(spans));
}

/// An overlay's line of key hints (the links list, the bookmarks, the note), from the keymap
/// like the status bar's.
pub fn overlay_hints(state: &State, context: Context) -> Line<'static> {
    let theme = &state.theme;
    let mut hints = Vec::new();
    for (key, word) in state.keymap.hints(context) {
        hints.push(Span::styled(format!(" {key}"), theme.accent));
        hints.push(Span::styled(format!(" {word} "), theme.dim));
    }
    Line::from(hints)
}

/// The hints that fit in `room` columns, in the keymap's order of priority (the view's own
/// keys, then help and quit, then the finder, then the rest): each that still fits is kept,
/// so that a long hint left out does not push off the shorter, later ones.
fn fit_hints(state: &State, room: usize) -> Vec<(String, &'static str)> {
    let mut left = room;
    // Only the tags' picker marks several: the others' bars do not offer it.
    let hints = match &state.overlay {
        Some(Overlay::Picker(picker)) if !picker.multi => state
            .keymap
            .hints_without(Context::of(state), &[crate::action::Action::TogglePick]),
        // Panning moves side by side's columns: one framing has none to pan.
        None if state.view == View::Debate && !state.debate_view.side_by_side => {
            state.keymap.hints_without(
                Context::of(state),
                &[
                    crate::action::Action::PanLeft,
                    crate::action::Action::PanRight,
                ],
            )
        }
        // Tab where the claim has links, Enter's "follow" once one is selected.
        Some(Overlay::Detail(detail)) => {
            let mut without = Vec::new();
            if detail.link.is_none() {
                without.push(crate::action::Action::Open);
            }
            if state.detail_links(detail.claim).is_empty() {
                without.extend([
                    crate::action::Action::NextLink,
                    crate::action::Action::PrevLink,
                ]);
            }
            state.keymap.hints_without(Context::of(state), &without)
        }
        _ => state.keymap.hints(Context::of(state)),
    };
    let width = |key: &str, word: &str| text::width(key) + text::width(word) + 3;
    // Help is how every other key is found: its room is kept before the view's own hints.
    let help = hints.iter().find(|(_, word)| *word == "help");
    let reserved = help.map_or(0, |(key, word)| width(key, word));
    let reserved = if reserved <= left { reserved } else { 0 };
    left -= reserved;
    hints
        .into_iter()
        .filter(|(key, word)| {
            let width = if *word == "help" && reserved > 0 {
                left += reserved;
                reserved
            } else {
                width(key, word)
            };
            let fits = width <= left;
            if fits {
                left -= width;
            }
            fits
        })
        .collect()
}
