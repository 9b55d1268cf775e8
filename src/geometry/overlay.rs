//! The popups laid out: the help's rows, the error list's lines and the claim card's box, each
//! in a box as tall as its content and at most the screen, and how far each scrolls.

use ratatui::layout::Rect;

use super::card::Card;
use super::layout;
use crate::keymap::{Context, Keymap};
use crate::state::{DetailState, State, View};
use crate::text;

/// The help is at least this wide where the screen allows, and at most `HELP_MAX_WIDTH`; the
/// error list at most this, the claim card this.
const HELP_WIDTH: u16 = 72;
const HELP_MAX_WIDTH: u16 = 110;
const ERRORS_WIDTH: u16 = 110;
const DETAIL_WIDTH: u16 = 96;

/// One row of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Blank,
    /// A section's title ("Everywhere", the view's name, "Query syntax (as fzf)").
    Heading(&'static str),
    /// A key and what it does, the key padded to the section's key column.
    /// `action` is the action's name as a config file writes it, when the row has room.
    Key {
        key: String,
        help: String,
        action: Option<String>,
    },
    /// A term of the query syntax and its meaning, the term padded likewise.
    Syntax {
        term: String,
        meaning: String,
    },
    /// Where to find the actions' names, when some rows had no room for theirs.
    Rebind,
    /// The closing note on the mouse.
    Mouse,
}

/// The context whose keys the help describes: the view (or the claim detail) under the
/// overlay.
pub fn described(state: &State) -> Context {
    if state.detail_under_help.is_some() {
        return Context::Detail;
    }
    match state.view {
        View::Reader if state.authoring.caret.is_some() => Context::Caret,
        View::Reader => Context::Reader,
        View::Claims => Context::Claims,
        View::Debate => Context::Debate,
        View::Search => Context::Search,
    }
}

/// The help's rows for a context: its own keys first, then the keys that work everywhere.
pub fn help_rows(keymap: &Keymap, context: Context, width: usize) -> Vec<HelpRow> {
    let mut bindings = keymap.bindings_for(context);
    // The views that open pickers list the pickers' keys too: `?` in a picker is typed.
    if matches!(context, Context::Claims | Context::Debate) {
        let picker = keymap.bindings_for(Context::Picker);
        bindings.extend(picker.into_iter().filter(|b| b.context == Context::Picker));
    }
    let labels: Vec<String> = bindings.iter().map(|b| b.label_in(context)).collect();
    let key_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0) + 2;
    // Actions' names in a column of their own where every row has room for it.
    let names: Vec<Option<String>> = bindings
        .iter()
        .map(|b| crate::keymap::action_name(&b.action))
        .collect();
    let widest_help = bindings
        .iter()
        .map(|b| text::width(b.help))
        .max()
        .unwrap_or(0);
    let widest_name = names
        .iter()
        .flatten()
        .map(|n| text::width(n))
        .max()
        .unwrap_or(0);
    let aligned = width.saturating_sub(key_width + 2) >= widest_help + 2 + widest_name;
    let mut out = Vec::new();
    let mut section = None;
    let mut unnamed = false;
    for ((b, label), name) in bindings.iter().zip(&labels).zip(names) {
        let heading = match b.context {
            Context::Global => "Everywhere",
            // The caret lists the reader's keys beneath its own, under the reader's title.
            other => other.title(),
        };
        if section != Some(heading) {
            if section.is_some() {
                out.push(HelpRow::Blank);
            }
            out.push(HelpRow::Heading(heading));
            section = Some(heading);
        }
        let pad = " ".repeat(key_width.saturating_sub(text::width(label)));
        let room = width.saturating_sub(key_width + 2);
        // The name a `[keys.<context>]` table takes, so that `?` tells how to rebind the key:
        // shown whenever the help is wide enough to keep some of its words beside it.
        // The name only beside the whole help: what the key does comes before how to rebind it.
        let has_name = name.is_some();
        let action = name.filter(|name| room >= text::width(name) + 2 + text::width(b.help));
        unnamed |= has_name && action.is_none();
        let help = if aligned {
            let pad = widest_help - text::width(b.help);
            format!(
                "{}{}",
                b.help,
                " ".repeat(if action.is_some() { pad } else { 0 })
            )
        } else {
            let help_room = action
                .as_ref()
                .map_or(room, |name| room - text::width(name) - 2);
            text::truncate(b.help, help_room).into_owned()
        };
        out.push(HelpRow::Key {
            key: format!("  {label}{pad}"),
            help,
            action,
        });
    }
    if context == Context::Search {
        out.push(HelpRow::Blank);
        out.extend(query_syntax(width));
    }
    out.push(HelpRow::Blank);
    if unnamed {
        out.push(HelpRow::Rebind);
    }
    out.push(HelpRow::Mouse);
    out
}

/// fzf's extended-search syntax, as `search::query` implements it, one term per row.
const QUERY_SYNTAX: &[(&str, &str)] = &[
    ("a b", "both terms, in any order (each fuzzy)"),
    ("'word", "contains word exactly"),
    ("^word", "starts with word"),
    ("word$", "ends with word"),
    ("!word", "does not contain word"),
    ("a | b", "either term"),
    ("\\ ", "a literal space"),
    ("Word", "a capital makes a term case-sensitive"),
];

fn query_syntax(width: usize) -> Vec<HelpRow> {
    let key_width = QUERY_SYNTAX
        .iter()
        .map(|(term, _)| text::width(term))
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = vec![HelpRow::Heading("Query syntax (as fzf)")];
    for (term, meaning) in QUERY_SYNTAX {
        let pad = " ".repeat(key_width.saturating_sub(text::width(term)));
        out.push(HelpRow::Syntax {
            term: format!("  {term}{pad}"),
            meaning: text::truncate(meaning, width.saturating_sub(key_width + 2)).into_owned(),
        });
    }
    out
}

/// The inside of the help's or the error list's box: less its border and a column each side.
pub fn text_area(outer: Rect) -> Rect {
    let inner = layout::inner(outer);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The help's box on a screen: as wide as its widest row needs (no key's help cut short, its
/// action's name beside it) within its bounds, as tall as its rows, at most the screen.
pub fn help_box(screen: Rect, state: &State) -> Rect {
    let wanted = help_width(state);
    let width = text_area(layout::overlay(screen, wanted)).width;
    let count = help_rows(&state.keymap, described(state), usize::from(width)).len();
    layout::overlay_fitting(screen, wanted, count, 0)
}

/// The width of the help's box that shows every row whole: the widest row, a border and a
/// column of padding each side.
fn help_width(state: &State) -> u16 {
    let rows = help_rows(&state.keymap, described(state), usize::MAX / 4);
    let widest = rows
        .iter()
        .map(|row| match row {
            HelpRow::Blank => 0,
            HelpRow::Heading(title) => text::width(title),
            HelpRow::Key { key, help, action } => {
                text::width(key)
                    + text::width(help)
                    + action.as_ref().map_or(0, |a| text::width(a) + 2)
            }
            HelpRow::Syntax { term, meaning } => text::width(term) + text::width(meaning),
            HelpRow::Rebind => text::width(REBIND_HELP),
            HelpRow::Mouse => text::width(MOUSE_HELP),
        })
        .max()
        .unwrap_or(0);
    u16::try_from(widest + 4)
        .unwrap_or(u16::MAX)
        .clamp(HELP_WIDTH, HELP_MAX_WIDTH)
}

/// The help's closing line.
/// Said where some keys' action names did not fit beside them, so that the help still tells
/// how to rebind every key.
pub const REBIND_HELP: &str = "Rebinding: `debate config` prints every key with its action's name.";
pub const MOUSE_HELP: &str = "Mouse: the wheel scrolls, a click selects, a second click opens.";

/// How far the help can scroll at the state's size.
pub fn help_max_scroll(state: &State) -> usize {
    let area = text_area(help_box(super::screen(state), state));
    help_rows(&state.keymap, described(state), usize::from(area.width))
        .len()
        .saturating_sub(usize::from(area.height))
}

/// The lines of the last save's error report wrapped to a width, each with whether it is an
/// error's first line; `None` when there is no report.
pub fn error_lines(state: &State, width: usize) -> Option<Vec<(bool, String)>> {
    let banner = state.banner.as_ref()?;
    Some(
        banner
            .report
            .lines()
            .flat_map(|l| {
                let first = l.starts_with("error");
                super::wrap::lines(l, width)
                    .into_iter()
                    .map(move |piece| (first, piece))
            })
            .collect(),
    )
}

/// The error list's height in lines ("No errors." without a report).
fn error_count(state: &State, width: usize) -> usize {
    error_lines(state, width).map_or(1, |l| l.len())
}

/// The error list's box on a screen.
pub fn errors_box(screen: Rect, state: &State) -> Rect {
    let width = text_area(layout::overlay(screen, ERRORS_WIDTH)).width;
    let count = error_count(state, usize::from(width));
    layout::overlay_fitting(screen, ERRORS_WIDTH, count, 0)
}

/// How far the error list can scroll at the state's size.
pub fn errors_max_scroll(state: &State) -> usize {
    let area = text_area(errors_box(super::screen(state), state));
    error_count(state, usize::from(area.width)).saturating_sub(usize::from(area.height))
}

/// The claim card's box on a screen: as tall as the card plus its hint line.
pub fn detail_box(screen: Rect, state: &State, detail: &DetailState) -> Rect {
    let width = card_area(layout::overlay(screen, DETAIL_WIDTH)).width;
    let count = Card::new(state, detail.claim, width).height();
    layout::overlay_fitting(screen, DETAIL_WIDTH, count, 1)
}

/// The card's inside: the box less its border, a column each side and the hint line.
pub fn card_area(outer: Rect) -> Rect {
    let inner = layout::inner(outer);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// How far the card can scroll at the state's size.
pub fn detail_max_scroll(state: &State, detail: &DetailState) -> usize {
    let area = card_area(detail_box(super::screen(state), state, detail));
    Card::new(state, detail.claim, area.width)
        .height()
        .saturating_sub(usize::from(area.height))
}

/// The card's scroll that shows its selected link: `detail.scroll` when the link is on
/// screen already (or none is selected), else the least scroll that brings it in. Tab must
/// never select a link the reader cannot see, or Enter follows one they never read.
pub fn detail_scroll_to_link(state: &State, detail: &DetailState) -> usize {
    let Some(link) = detail.link else {
        return detail.scroll;
    };
    let area = card_area(detail_box(super::screen(state), state, detail));
    let card = Card::new(state, detail.claim, area.width);
    // The links are the card's last lines, one each.
    let at = (card.height() + link).saturating_sub(card.links.len());
    let rows = usize::from(area.height).max(1);
    if at < detail.scroll {
        at
    } else if at >= detail.scroll + rows {
        at + 1 - rows
    } else {
        detail.scroll
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    fn rows_at(width: u16) -> Vec<HelpRow> {
        let state = State::new(Debate::embedded().unwrap(), "test", width, 50);
        let area = text_area(help_box(super::super::screen(&state), &state));
        help_rows(&state.keymap, described(&state), usize::from(area.width))
    }

    /// Where a key's action name has no room beside it, the help still says where to find
    /// it, so `?` always tells how to rebind a key.
    #[test]
    fn a_help_without_room_for_every_name_says_where_the_names_are() {
        // At 80 columns most names have no room; at 200 every name of the reader's keys fits.
        assert!(rows_at(80).contains(&HelpRow::Rebind));
        assert!(!rows_at(200).contains(&HelpRow::Rebind));
    }

    #[test]
    fn on_a_wide_screen_the_help_cuts_nothing_and_aligns_the_action_names() {
        let rows = rows_at(200);
        let keys: Vec<(&String, &String, &Option<String>)> = rows
            .iter()
            .filter_map(|r| match r {
                HelpRow::Key { key, help, action } => Some((key, help, action)),
                _ => None,
            })
            .collect();
        assert!(keys.iter().all(|(_, help, _)| !help.contains('…')));
        let named: Vec<_> = keys
            .iter()
            .filter(|(_, _, action)| action.is_some())
            .collect();
        assert!(
            named.len() + 1 >= keys.len(),
            "only the digits' row has no name"
        );
        let columns: std::collections::BTreeSet<usize> = named
            .iter()
            .map(|(key, help, _)| text::width(key) + text::width(help))
            .collect();
        assert_eq!(
            columns.len(),
            1,
            "the names start in one column: {columns:?}"
        );
    }

    #[test]
    fn on_a_narrow_screen_the_help_still_fits() {
        let state = State::new(Debate::embedded().unwrap(), "test", 80, 24);
        let outer = help_box(super::super::screen(&state), &state);
        assert!(outer.right() <= 80);
        let rows = rows_at(80);
        let area_width = 80 - 4 - 4;
        assert!(rows.iter().all(|r| match r {
            HelpRow::Key { key, help, action } =>
                text::width(key) + text::width(help) + action.as_ref().map_or(0, |a| a.len() + 2)
                    <= area_width,
            _ => true,
        }));
    }
}
