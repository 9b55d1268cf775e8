//! Drawing: pure functions from `&State` into a ratatui frame, one module per view.
//!
//! `draw` lays out the top bar, the current view and the status bar, then any overlay. Below
//! the minimum size it draws only a request to enlarge the terminal, which itself fits any
//! size down to 1x1.

pub mod card;
pub mod claims;
pub mod cues;
pub mod debate;
pub mod detail;
pub mod find;
pub mod form;
pub mod help;
pub mod links;
pub mod marks;
pub mod note;
pub mod paint;
pub mod picker;
pub mod reader;
pub mod search;
pub mod status;
pub mod theme;
pub mod top;

/// The screen's regions, shared with `update`.
pub use crate::geometry::layout;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::state::{Overlay, State, View};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, state: &State) {
    let area = frame.area();
    render(state, area, frame.buffer_mut());
}

/// Draws the whole screen into a buffer region (used by `draw` and by headless rendering).
pub fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if layout::too_small(area) {
        too_small(buf, area, &state.theme);
        return;
    }
    let frame = layout::Frame::new(area, state.banner.is_some());
    top::draw(buf, frame.top, state);
    if let (Some(row), Some(banner)) = (frame.banner, &state.banner) {
        status::draw_banner(buf, row, banner, &state.theme);
    }
    match state.view {
        View::Reader => reader::draw(buf, frame.body, state),
        View::Claims => claims::draw(buf, frame.body, state),
        View::Debate => debate::draw(buf, frame.body, state),
        View::Search => search::draw(buf, frame.body, state),
    }
    status::draw(buf, frame.status, state);
    match &state.overlay {
        Some(Overlay::Help(scroll)) => help::draw(buf, area, state, *scroll),
        Some(Overlay::Detail(detail)) => detail::draw(buf, area, state, detail),
        Some(Overlay::Errors(scroll)) => help::draw_errors(buf, area, state, *scroll),
        Some(Overlay::Marks(selected)) => marks::draw(buf, area, state, *selected),
        Some(Overlay::Links(selected)) => links::draw(buf, area, state, *selected),
        Some(Overlay::Picker(p)) => picker::draw(buf, area, state, p),
        None => {}
    }
    form::draw(buf, frame.body, frame.status, area, state);
    if let Some(form) = &state.note {
        note::draw(buf, area, state, form);
    }
}

/// The message for a terminal too small to use: the longest wording that fits whole, centred.
fn too_small(buf: &mut Buffer, area: Rect, theme: &theme::Theme) {
    let full = format!(
        "Enlarge the terminal: debate needs {}×{}, this is {}×{}.",
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
        area.width,
        area.height
    );
    let short = format!("Enlarge to {}×{}", layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let width = usize::from(area.width);
    let fits = |lines: &Vec<Line<'_>>| {
        lines.len() <= usize::from(area.height) && lines.iter().all(|l| l.width() <= width)
    };
    let lines = [full.as_str(), short.as_str(), "Too small", "↔"]
        .into_iter()
        .map(|m| paint::wrapped(m, width, theme.muted))
        .find(|lines| fits(lines) && lines.iter().all(|l| !l.spans.is_empty()))
        .unwrap_or_default();
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(height) / 2;
    let body = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    for (dy, l) in lines.iter().enumerate() {
        let l = l.clone().centered();
        paint::line(buf, body, u16::try_from(dy).unwrap_or(u16::MAX), &l);
    }
}
