//! The screen's regions for a size and view, as named rectangles. Pure, so that `update` (page
//! sizes, mouse hit-testing) and the views agree on where everything is.

use ratatui::layout::Rect;

/// Below this the screen shows only "enlarge the terminal".
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// The reading column is at most this wide.
pub const READING_WIDTH: u16 = 88;
/// Side panels appear when there is room for one at least this wide next to the column.
const SIDE_MIN: u16 = 34;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Top bar, an optional banner line under it, the body, and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    pub top: Rect,
    pub banner: Option<Rect>,
    pub body: Rect,
    pub status: Rect,
}

impl Frame {
    /// `banner`: whether a banner line (live-reload errors) takes a row under the top bar.
    pub fn new(area: Rect, banner: bool) -> Self {
        let top = Rect {
            height: 1.min(area.height),
            ..area
        };
        let status = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1.min(area.height),
            ..area
        };
        let extra = u16::from(banner && area.height > MIN_HEIGHT);
        let banner = (extra == 1).then_some(Rect {
            y: area.y.saturating_add(1),
            height: 1,
            ..area
        });
        let body = Rect {
            y: area.y.saturating_add(1 + extra),
            height: area.height.saturating_sub(2 + extra),
            ..area
        };
        Self {
            top,
            banner,
            body,
            status,
        }
    }
}

/// How the reader lays out its column: a user's config may narrow or widen it, or turn the
/// margin of claims off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The column's maximum width, in cells.
    pub width: u16,
    /// Whether wide screens show the claims in view beside the column.
    pub margin: bool,
}

impl Default for Reading {
    fn default() -> Self {
        Self {
            width: READING_WIDTH,
            margin: true,
        }
    }
}

/// The reader: a centred reading column and, on wide screens, a panel of the claims in view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    pub column: Rect,
    pub side: Option<Rect>,
}

impl Reader {
    pub fn new(body: Rect, reading: Reading) -> Self {
        let column_width = reading.width;
        if reading.margin && body.width >= column_width.saturating_add(SIDE_MIN + 6) {
            // The column and the margin are centred together, a gutter between them.
            let side_width = (body.width - column_width - 6).min(56);
            let group = column_width + 3 + side_width;
            let x = body.x + (body.width - group) / 2;
            let column = Rect {
                x,
                width: column_width,
                ..body
            };
            let side = Rect {
                x: x + column_width + 3,
                width: side_width,
                ..body
            };
            return Self {
                column,
                side: Some(side),
            };
        }
        // Two cells each side at least: the left ones hold the stance marks and a space.
        let width = column_width
            .min(body.width.saturating_sub(4))
            .max(1)
            .min(body.width);
        let x = body.x + body.width.saturating_sub(width) / 2;
        Self {
            column: Rect { x, width, ..body },
            side: None,
        }
    }
}

/// A list with a preview: side by side when wide, stacked when tall, the list alone otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPreview {
    pub list: Rect,
    pub preview: Option<Rect>,
    /// Whether the preview is beside the list (else below it).
    pub beside: bool,
}

impl ListPreview {
    pub fn new(area: Rect) -> Self {
        if area.width >= 72 {
            let list_width = area.width * 11 / 20;
            let list = Rect {
                width: list_width,
                ..area
            };
            let preview = Rect {
                x: area.x + list_width + 1,
                width: area.width.saturating_sub(list_width + 1),
                ..area
            };
            Self {
                list,
                preview: Some(preview),
                beside: true,
            }
        } else if area.height >= 18 {
            let list_height = area.height * 3 / 5;
            let list = Rect {
                height: list_height,
                ..area
            };
            let preview = Rect {
                y: area.y + list_height,
                height: area.height - list_height,
                ..area
            };
            Self {
                list,
                preview: Some(preview),
                beside: false,
            }
        } else {
            Self {
                list: area,
                preview: None,
                beside: false,
            }
        }
    }
}

/// Lines above the claim list.
const CLAIMS_HEADER: u16 = 2;

/// The claim list: a header of two lines (the count and the filters' chips, then the mark
/// columns' header), then the list and its preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claims {
    pub header: Rect,
    pub lists: ListPreview,
}

impl Claims {
    pub fn new(body: Rect) -> Self {
        let header = Rect {
            height: CLAIMS_HEADER.min(body.height),
            ..body
        };
        let rest = Rect {
            y: body.y.saturating_add(CLAIMS_HEADER),
            height: body.height.saturating_sub(CLAIMS_HEADER),
            ..body
        };
        Self {
            header,
            lists: ListPreview::new(rest),
        }
    }
}

/// Search: the query line, then results and preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Search {
    pub input: Rect,
    pub results: ListPreview,
}

impl Search {
    pub fn new(body: Rect) -> Self {
        let input = Rect {
            height: 1.min(body.height),
            ..body
        };
        let rest = Rect {
            y: body.y.saturating_add(2),
            height: body.height.saturating_sub(2),
            ..body
        };
        Self {
            input,
            results: ListPreview::new(rest),
        }
    }
}

/// A centred overlay covering most of the screen.
pub fn overlay(area: Rect, max_width: u16) -> Rect {
    let width = (area.width.saturating_sub(4))
        .min(max_width)
        .max(area.width.min(10));
    let height = area.height.saturating_sub(2).max(area.height.min(4));
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width: width.min(area.width),
        height: height.min(area.height),
    }
}

/// A centred overlay no taller than its content (`lines` plus border and `extra` rows).
pub fn overlay_fitting(area: Rect, max_width: u16, lines: usize, extra: u16) -> Rect {
    let full = overlay(area, max_width);
    let want = u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_add(2 + extra);
    let height = full.height.min(want);
    Rect {
        y: area.y + area.height.saturating_sub(height) / 2,
        height,
        ..full
    }
}

/// The inside of a bordered rectangle.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Whether a cell lies inside a rectangle.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    x >= r.x && x < r.right() && y >= r.y && y < r.bottom()
}

/// The first visible row of a list of `len` rows so that `selected` is on screen, moving as
/// little as possible from `offset`. Only the heights of rows between the two are asked for.
pub fn follow(
    offset: usize,
    selected: usize,
    len: usize,
    height: impl Fn(usize) -> usize,
    viewport: usize,
) -> usize {
    let Some(last) = len.checked_sub(1) else {
        return 0;
    };
    let selected = selected.min(last);
    let mut start = offset.min(selected);
    let mut used: usize = (start..=selected).map(&height).sum();
    while start < selected && used > viewport {
        used -= height(start);
        start += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    #[test]
    fn follow_scrolls_minimally() {
        let two = |_| 2;
        assert_eq!(follow(0, 1, 5, two, 4), 0);
        assert_eq!(follow(0, 2, 5, two, 4), 1);
        assert_eq!(follow(3, 1, 5, two, 4), 1);
        assert_eq!(follow(0, 4, 5, |_| 9, 4), 4);
        assert_eq!(follow(0, 0, 0, two, 4), 0);
        assert_eq!(
            follow(0, 9, 3, |i| i + 1, 5),
            1,
            "selection clamped to the last row"
        );
    }

    use super::*;

    #[test]
    fn reading_column_is_capped_and_centred() {
        let r = Reader::new(Rect::new(0, 1, 100, 30), Reading::default());
        assert_eq!(r.column.width, READING_WIDTH);
        assert_eq!(r.column.x, 6);
        assert!(r.side.is_none());
    }

    #[test]
    fn wide_screens_get_a_side_panel() {
        let r = Reader::new(Rect::new(0, 1, 200, 58), Reading::default());
        let side = r.side.expect("side panel");
        assert_eq!(r.column.width, READING_WIDTH);
        assert!(r.column.right() + 1 < side.x, "room for the scrollbar");
        assert!(side.right() <= 200);
    }

    #[test]
    fn tiny_areas_never_underflow() {
        for w in 0..12 {
            for h in 0..8 {
                let area = Rect::new(0, 0, w, h);
                let f = Frame::new(area, h % 2 == 0);
                let r = Reader::new(f.body, Reading::default());
                assert!(r.column.right() <= area.right().max(1));
                let _ = ListPreview::new(f.body);
                let _ = Search::new(f.body);
                let o = overlay(area, 80);
                assert!(o.right() <= area.right() && o.bottom() <= area.bottom());
            }
        }
    }
}
