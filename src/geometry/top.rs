//! The top bar's layout: one tab per article pane, the other views, and the active framing's
//! chip on the right when it fits. Drawn by `ui::top` and hit-tested by `update` from this
//! one computation, so a click lands on what is drawn.

use crate::action::Action;
use crate::state::{State, View};
use crate::text;

/// One tab: its label, whether it is the current one, and the action a click on it takes.
pub struct Tab {
    pub label: String,
    pub active: bool,
    pub action: Action,
}

/// The framing chip: its mark and label, right-aligned.
pub struct Chip {
    /// The label after the mark, e.g. " t Technology transfer ".
    pub label: String,
    /// Its first column.
    pub x: u16,
}

/// Everything on the top bar at one width.
pub struct TopBar {
    pub tabs: Vec<Tab>,
    /// `None` when the chip would cover the tabs: it is neither drawn nor clickable.
    pub chip: Option<Chip>,
}

/// The mark before the framing's name, in its colour.
pub const CHIP_MARK: &str = "▌";

/// Below this width the view tabs keep only their keys.
const COMPACT_BELOW: u16 = 56;

/// Article titles shorter than this on their tabs are not worth the view tabs' words: the view
/// tabs keep only their keys instead.
const MIN_TITLE: usize = 8;

/// The titles as their tabs show them: words every title starts with are left out (two titles
/// that both begin "`DeepSeek` …" lose that word), so truncated tabs still differ.
fn tab_titles(state: &State, articles: usize) -> Vec<String> {
    let titles: Vec<String> = state.debate.articles[..articles]
        .iter()
        .map(|a| text::clean(&a.title).into_owned())
        .collect();
    let words: Vec<Vec<&str>> = titles.iter().map(|t| t.split(' ').collect()).collect();
    let shared = match words.as_slice() {
        [first, rest @ ..] if !rest.is_empty() => (0..first.len())
            .take_while(|&i| rest.iter().all(|w| w.get(i) == first.get(i)))
            .count(),
        _ => 0,
    };
    words
        .iter()
        .zip(&titles)
        .map(|(w, title)| {
            if shared > 0 && shared < w.len() {
                w[shared..].join(" ")
            } else {
                title.clone()
            }
        })
        .collect()
}

/// How many columns each title gets of `room` (each tab also takes four for " N " and a
/// space): equal shares, where a title shorter than its share leaves the rest to the others.
fn shares(titles: &[String], room: usize) -> Vec<usize> {
    let mut share = vec![0; titles.len()];
    let mut order: Vec<usize> = (0..titles.len()).collect();
    order.sort_by_key(|&i| text::width(&titles[i]));
    let mut left = room;
    for (done, &i) in order.iter().enumerate() {
        let fair = left / (titles.len() - done);
        let tab = (text::width(&titles[i]) + 4).min(fair);
        share[i] = tab.saturating_sub(4);
        left -= tab;
    }
    share
}

/// The finder's key in the view on screen: `F` in the reader, where `/` finds in the text.
fn finder_key(state: &State) -> String {
    use crate::keymap::Context;
    let context = match state.view {
        View::Reader => Context::Reader,
        View::Claims => Context::Claims,
        View::Debate => Context::Debate,
        View::Search => return "/".into(),
    };
    let key = state.keymap.key_for(context, &Action::StartSearch);
    if key.is_empty() { "/".into() } else { key }
}

fn view_tabs(state: &State, compact: bool) -> Vec<Tab> {
    let finder = finder_key(state);
    [
        ("c".to_owned(), "Claims", View::Claims, Action::ShowClaims),
        ("d".to_owned(), "Debate", View::Debate, Action::ShowDebate),
        (finder, "Search", View::Search, Action::StartSearch),
    ]
    .into_iter()
    .map(|(key, word, view, action)| Tab {
        label: if compact {
            format!(" {key} ")
        } else {
            format!(" {key} {word} ")
        },
        active: state.view == view,
        action,
    })
    .collect()
}

fn width_of(tabs: &[Tab]) -> usize {
    tabs.iter().map(|t| text::width(&t.label)).sum()
}

/// The top bar of a `width`-column screen. The framing chip comes first: it is on screen at
/// every width from 40 columns (its name shortened if it must be); the article tabs share
/// what is left after it and the view tabs, down to their numbers alone.
pub fn bar(state: &State, width: u16) -> TopBar {
    let w = usize::from(width);
    let articles = state.debate.articles.len().min(9);
    let name = text::clean(&state.debate.framing(state.framing).name).into_owned();
    // The least the tabs need: the views' keys and the articles' numbers (" 1 ").
    let least_tabs = width_of(&view_tabs(state, true)) + articles * 3;
    let chrome = text::width(CHIP_MARK) + 4; // the mark, " t " and a trailing space
    let name_room = w.saturating_sub(least_tabs + chrome);
    let chip_label = (name_room > 0).then(|| format!(" t {} ", text::truncate(&name, name_room)));
    let chip_width = chip_label
        .as_ref()
        .map_or(0, |l| text::width(CHIP_MARK) + text::width(l));
    let titles = tab_titles(state, articles);
    let room_with = |views: &[Tab]| w.saturating_sub(chip_width + width_of(views));
    let mut views = view_tabs(state, width < COMPACT_BELOW);
    // A tab is " N title ": four columns besides the title.
    let widest_share = |room: usize| shares(&titles, room).into_iter().max().unwrap_or(0);
    if widest_share(room_with(&views)) < MIN_TITLE
        && titles
            .iter()
            .any(|t| text::width(t) > widest_share(room_with(&views)))
    {
        views = view_tabs(state, true);
    }
    let mut tabs: Vec<Tab> = titles
        .iter()
        .zip(shares(&titles, room_with(&views)))
        .enumerate()
        .map(|(i, (title, room))| Tab {
            label: if room >= 2 {
                format!(" {} {} ", i + 1, text::truncate(title, room))
            } else {
                format!(" {} ", i + 1)
            },
            active: state.view == View::Reader && state.article.get() == i,
            action: Action::ShowArticle(i),
        })
        .collect();
    tabs.extend(views);
    let tabs_width = width_of(&tabs);
    let chip = chip_label
        .filter(|_| tabs_width + chip_width <= w)
        .map(|label| Chip {
            x: width.saturating_sub(u16::try_from(chip_width).unwrap_or(u16::MAX)),
            label,
        });
    TopBar { tabs, chip }
}

/// The action of what is drawn under column `x` of the top bar, if anything.
pub fn action_at(state: &State, x: u16) -> Option<Action> {
    let bar = bar(state, state.width);
    let mut at = 0u16;
    for tab in bar.tabs {
        let w = u16::try_from(text::width(&tab.label)).unwrap_or(u16::MAX);
        if x >= at && x < at.saturating_add(w) {
            return Some(tab.action);
        }
        at = at.saturating_add(w);
    }
    bar.chip
        .filter(|chip| x >= chip.x && x < state.width)
        .map(|_| Action::NextFraming)
}
