//! Measuring and hit-testing, shared by `update` and the views so that both agree on where
//! everything is: the screen's regions ([`layout`]), the top bar's tabs ([`top`]), the claim
//! list's filter chips ([`chips`]) and row height, and the byte under a reader column. Pure
//! functions of sizes and text.

pub(crate) mod card;
pub mod chips;
pub mod debate;
pub mod layout;
pub(crate) mod overlay;
pub mod preview;
pub mod top;
pub(crate) mod wrap;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use ratatui::layout::Rect;

use crate::state::State;
use crate::text;

/// Lines per claim in the claim list: the summary, then the quote.
pub const CLAIM_ROW_HEIGHT: usize = 2;

/// The byte of `text` shown at display column `col` of a line showing `range`.
pub fn byte_at_column(text: &str, range: Range<usize>, col: usize) -> usize {
    let Some(shown) = text.get(range.clone()) else {
        return range.start;
    };
    let mut at = 0;
    for (i, g) in shown.grapheme_indices(true) {
        let w = text::grapheme_width(g);
        if col < at + w.max(1) {
            return range.start + i;
        }
        at += w;
    }
    range.end
}

/// The state's whole screen.
pub fn screen(state: &State) -> Rect {
    Rect::new(0, 0, state.width, state.height)
}

/// The screen's regions at the state's size.
pub fn frame(state: &State) -> layout::Frame {
    layout::Frame::new(screen(state), state.banner.is_some())
}

/// The reader's regions at the state's size.
pub fn reader(state: &State) -> layout::Reader {
    layout::Reader::new(frame(state).body, state.reading)
}

/// The claim list's regions at the state's size.
pub fn claims(state: &State) -> layout::Claims {
    layout::Claims::new(frame(state).body)
}

/// The finder's regions at the state's size.
pub fn search(state: &State) -> layout::Search {
    layout::Search::new(frame(state).body)
}
