//! The top bar: one tab per article pane, the other views, and the active framing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{paint, theme};
use crate::action::Action;
use crate::state::{State, View};
use crate::text;

/// One tab: its label, whether it is the current one, and the action a click on it takes.
struct Tab {
    label: String,
    active: bool,
    action: Action,
}

fn tabs(state: &State, width: u16) -> Vec<Tab> {
    let articles = state.debate.articles.len().min(9);
    // Article titles share what is left after the fixed tabs and the framing chip.
    let fixed = if usize::from(width) < 56 {
        10
    } else {
        32 + framing_label(state).chars().count()
    };
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
    // On a narrow bar the view tabs keep only their keys.
    let compact = usize::from(width) < 56;
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

fn framing_label(state: &State) -> String {
    format!(
        " t {} ",
        text::clean(&state.debate.framing(state.framing).name)
    )
}

/// The action of the tab under column `x`, if any.
pub fn tab_at(state: &State, x: u16) -> Option<Action> {
    let mut at = 0u16;
    for tab in tabs(state, state.width) {
        let w = u16::try_from(text::width(&tab.label)).unwrap_or(u16::MAX);
        if x >= at && x < at.saturating_add(w) {
            return Some(tab.action);
        }
        at = at.saturating_add(w);
    }
    (x >= state
        .width
        .saturating_sub(u16::try_from(framing_label(state).chars().count()).unwrap_or(0)))
    .then_some(Action::NextFraming)
}

pub fn draw(buf: &mut Buffer, area: Rect, state: &State) {
    paint::fill(buf, area, theme::bar());
    let tabs = tabs(state, area.width);
    let tabs_width: usize = tabs.iter().map(|t| text::width(&t.label)).sum();
    let spans: Vec<Span<'_>> = tabs
        .into_iter()
        .map(|t| {
            let style = if t.active {
                theme::tab_active()
            } else {
                theme::bar()
            };
            Span::styled(t.label, style)
        })
        .collect();
    paint::line(buf, area, 0, &Line::from(spans));
    let label = framing_label(state);
    let index = state.framing.get();
    let style = theme::framing(state.debate.framing(state.framing), index)
        .bg(theme::bar().bg.unwrap_or_default());
    let chip =
        Line::from(vec![Span::styled("▌", style), Span::styled(label, style)]).right_aligned();
    // The chip goes on the right when it does not cover the tabs.
    if tabs_width + chip.width() < usize::from(area.width) {
        paint::line(buf, area, 0, &chip);
    }
}
