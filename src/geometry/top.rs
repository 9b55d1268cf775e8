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

fn framing_label(state: &State) -> String {
    format!(
        " t {} ",
        text::clean(&state.debate.framing(state.framing).name)
    )
}

fn tabs(state: &State, width: u16, label: &str) -> Vec<Tab> {
    let articles = state.debate.articles.len().min(9);
    let compact = width < COMPACT_BELOW;
    // Article titles share what is left after the fixed tabs and the framing chip.
    let fixed = if compact { 10 } else { 32 + text::width(label) };
    let per_article = (usize::from(width).saturating_sub(fixed) / articles.max(1)).clamp(6, 28);
    let mut tabs: Vec<Tab> = (0..articles)
        .map(|i| {
            let title = &state.debate.articles[i].title;
            Tab {
                label: format!(
                    " {} {} ",
                    i + 1,
                    text::truncate(&text::clean(title), per_article - 3)
                ),
                active: state.view == View::Reader && state.article.get() == i,
                action: Action::ShowArticle(i),
            }
        })
        .collect();
    for (key, word, view, action) in [
        ('c', "Claims", View::Claims, Action::ShowClaims),
        ('d', "Debate", View::Debate, Action::ShowDebate),
        ('/', "Search", View::Search, Action::StartSearch),
    ] {
        tabs.push(Tab {
            label: if compact {
                format!(" {key} ")
            } else {
                format!(" {key} {word} ")
            },
            active: state.view == view,
            action,
        });
    }
    tabs
}

/// The top bar of a `width`-column screen.
pub fn bar(state: &State, width: u16) -> TopBar {
    let label = framing_label(state);
    let tabs = tabs(state, width, &label);
    let tabs_width: usize = tabs.iter().map(|t| text::width(&t.label)).sum();
    let chip_width = text::width(CHIP_MARK) + text::width(&label);
    // The chip goes on the right when it does not cover the tabs.
    let chip = (tabs_width + chip_width < usize::from(width)).then(|| Chip {
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
