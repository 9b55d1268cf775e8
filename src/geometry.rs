//! Measuring and hit-testing, shared by `update` and the views so that both agree on where
//! everything is: the screen's regions ([`layout`]), the top bar's tabs ([`top`]), the claim
//! list's row height and the byte under a reader column. Pure functions of sizes and text.

pub mod layout;
pub mod top;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

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
