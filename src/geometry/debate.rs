//! The debate view laid out: its header and list areas, the side-by-side columns, and each
//! row's lines, so that `update` (keeping the selection on screen, scrolling inside a tall
//! row, mouse clicks) and the view agree on where every row is.

use ratatui::layout::Rect;

use super::layout;
use super::wrap::{self, Capped};
use crate::model::{ClaimIx, FramingIx, Stance, StanceKind};
use crate::state::State;

/// Most lines a single summary or note takes in a row before it is cut, unless the row is
/// selected: the selected row shows all of its text.
pub const MAX_NOTE_LINES: usize = 6;
pub const MAX_SUMMARY_LINES: usize = 3;

/// A framing column is at least this wide; fewer columns are shown, and panned, below it.
pub const MIN_COLUMN: u16 = 24;
/// Between two columns: a space, a rule, a space.
const GUTTER: u16 = 3;

/// The side-by-side columns at a width: the claim's, then those of the framings shown, which
/// are `first..first + widths.len() - 1` of `total`.
pub struct Columns {
    pub widths: Vec<u16>,
    pub first: usize,
    pub total: usize,
}

impl Columns {
    /// The framings shown.
    pub fn shown(&self) -> usize {
        self.widths.len().saturating_sub(1)
    }

    /// The left edge of column `i` (0 is the claim's), from the list's left edge.
    pub fn x(&self, i: usize) -> u16 {
        self.widths[..i.min(self.widths.len())]
            .iter()
            .map(|w| w + GUTTER)
            .sum()
    }
}

/// Column widths of the side-by-side view: the claim, then as many framings as fit at least
/// [`MIN_COLUMN`] wide (one at any rate), starting at the panned-to framing.
pub fn columns(state: &State, width: u16) -> Columns {
    let total = state.debate.framings.len().max(1);
    let mut claim = (width * 3 / 10).clamp(12.min(width), 40);
    // The claim column gives up cells (down to 24) when that brings every framing on screen.
    let all = u16::try_from(total)
        .unwrap_or(u16::MAX)
        .saturating_mul(MIN_COLUMN + GUTTER);
    if width.saturating_sub(claim) < all && width >= all.saturating_add(24) {
        claim = width - all;
    }
    let rest = width.saturating_sub(claim);
    let fit = usize::from(rest / (MIN_COLUMN + GUTTER)).max(1);
    let shown = total.min(fit);
    let first = state.debate_view.pan.min(total - shown);
    let shown16 = u16::try_from(shown).unwrap_or(1);
    let each = (rest / shown16).saturating_sub(GUTTER).max(1);
    let mut widths = vec![claim];
    widths.extend(std::iter::repeat_n(each, shown));
    Columns {
        widths,
        first,
        total,
    }
}

/// The width the header's text wraps to.
pub fn header_width(body: Rect) -> usize {
    usize::from(body.width.min(layout::READING_WIDTH))
        .saturating_sub(2)
        .max(1)
}

/// The framing's thesis in the header: its first lines, or as many as leave room for a few
/// rows when `i` opened it; cut either way when longer.
pub fn thesis(state: &State, body: Rect) -> Capped {
    let cap = if state.debate_view.thesis_open {
        usize::from(body.height.saturating_sub(6)).max(1)
    } else {
        usize::from(body.height / 4).max(1)
    };
    let framing = state.debate.framing(state.framing);
    wrap::capped(&framing.thesis, header_width(body), cap)
}

/// Whether the header shows your reading of the framing (once you judged a claim it reads).
pub fn shows_score(state: &State) -> bool {
    crate::session::record::scorecard(&state.judgements, &state.debate)[state.framing.get()].judged
        > 0
}

/// The header's lines: one side by side; else the framing's line, your reading of it when
/// there is one, and the thesis.
fn header_lines(state: &State, body: Rect) -> usize {
    if state.debate_view.side_by_side {
        1
    } else {
        1 + usize::from(shows_score(state)) + thesis(state, body).lines.len()
    }
}

/// The header (its lines and the rule under them) and the list of rows.
pub struct Areas {
    pub header: Rect,
    pub list: Rect,
}

/// The view's areas in `body`.
pub fn areas(state: &State, body: Rect) -> Areas {
    let header_height = u16::try_from(header_lines(state, body) + 1)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let header = Rect {
        height: header_height,
        ..body
    };
    // Side by side, the column heads take the line under the rule.
    let extra = u16::from(state.debate_view.side_by_side);
    let mut list = Rect {
        y: body.y + header_height + extra,
        height: body.height.saturating_sub(header_height + extra),
        ..body
    };
    if !state.debate_view.side_by_side {
        // One framing reads like the reader: its column, and its margin for the notes.
        let reader = layout::Reader::new(body);
        let right = reader.side.map_or(reader.column.right(), Rect::right);
        list.x = reader.column.x;
        list.width = right - reader.column.x;
    }
    Areas { header, list }
}

/// A group's title line over the first row of each stance, after a blank line but for the
/// first group.
pub struct Group {
    pub kind: StanceKind,
    pub count: usize,
    pub blank_before: bool,
}

/// One row of the one-framing list: the claim's summary (with your verdict's mark) and this
/// framing's note, beside it on wide screens or under it otherwise.
pub struct ListRow {
    pub kind: StanceKind,
    pub claim: ClaimIx,
    pub selected: bool,
    pub group: Option<Group>,
    pub summary: Capped,
    pub note: Capped,
    /// The widths of the claim and of the note beside it, when the note stands beside it.
    pub beside: Option<(usize, usize)>,
    pub width: usize,
}

impl ListRow {
    /// The row's height in lines.
    pub fn height(&self) -> usize {
        let group = self
            .group
            .as_ref()
            .map_or(0, |g| 1 + usize::from(g.blank_before));
        let text = if self.beside.is_some() {
            self.summary.lines.len().max(self.note.lines.len())
        } else {
            self.summary.lines.len() + self.note.lines.len()
        };
        group + text
    }
}

/// Row `i` of the one-framing list at `width`.
pub fn list_row(state: &State, rows: &[(StanceKind, ClaimIx)], i: usize, width: u16) -> ListRow {
    let (kind, claim) = rows[i];
    let c = state.debate.claim(claim);
    let selected = i == state.debate_view.selected;
    let w = usize::from(width);
    let group = (i == 0 || rows[i - 1].0 != kind).then(|| Group {
        kind,
        count: rows.iter().filter(|(k, _)| *k == kind).count(),
        blank_before: i > 0,
    });
    let marked = super::card::verdict_mark(state, claim).map(|m| format!("{m} {}", c.summary));
    // With room for a margin, the note stands beside the claim, as the reader's margin does.
    let beside = (width >= layout::READING_WIDTH + 3 + 30).then(|| {
        let claim = usize::from(layout::READING_WIDTH);
        (claim, w - claim - 3)
    });
    let claim_width = beside.map_or(w, |(claim, _)| claim);
    let summary = wrap::capped(
        marked.as_deref().unwrap_or(&c.summary),
        claim_width.saturating_sub(4).max(1),
        wrap::limit(selected, MAX_SUMMARY_LINES),
    );
    let note = c
        .stance(state.framing)
        .and_then(|s| s.note.as_deref())
        .map_or_else(Capped::default, |note| {
            let width = beside.map_or(w.saturating_sub(6), |(_, n)| n).max(1);
            wrap::capped(note, width, wrap::limit(selected, MAX_NOTE_LINES))
        });
    ListRow {
        kind,
        claim,
        selected,
        group,
        summary,
        note,
        beside,
        width: w,
    }
}

/// One framing's cell in a side-by-side row: its stance and its note.
pub struct Reading<'a> {
    pub framing: FramingIx,
    pub stance: Option<&'a Stance>,
    pub note: Capped,
}

/// One row of the side-by-side view: the claim's cell, then each shown framing's.
pub struct CompareRow<'a> {
    pub summary: Capped,
    /// A claim only one framing reads is the others' blind spot: its cell says so.
    pub one_framing_only: bool,
    pub readings: Vec<Reading<'a>>,
}

impl CompareRow<'_> {
    /// The lines of each cell, the claim's first.
    pub fn cell_heights(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.summary.lines.len() + usize::from(self.one_framing_only))
            .chain(self.readings.iter().map(|r| 1 + r.note.lines.len()))
    }

    /// The tallest cell's height: the row's, without the rule under it.
    pub fn height(&self) -> usize {
        self.cell_heights().max().unwrap_or(1)
    }
}

/// The side-by-side row of `claim` in `cols`.
pub fn compare_row<'a>(
    state: &'a State,
    claim: ClaimIx,
    cols: &Columns,
    selected: bool,
) -> CompareRow<'a> {
    let c = state.debate.claim(claim);
    let summary = wrap::capped(
        &c.summary,
        usize::from(cols.widths[0]).saturating_sub(2).max(1),
        wrap::limit(selected, MAX_NOTE_LINES),
    );
    let readings = state
        .debate
        .framing_ixs()
        .skip(cols.first)
        .zip(&cols.widths[1..])
        .map(|(f, &w)| {
            let stance = c.stance(f);
            let note = stance
                .and_then(|s| s.note.as_deref())
                .map_or_else(Capped::default, |n| {
                    wrap::capped(
                        n,
                        usize::from(w).max(1),
                        wrap::limit(selected, MAX_NOTE_LINES),
                    )
                });
            Reading {
                framing: f,
                stance,
                note,
            }
        })
        .collect();
    CompareRow {
        summary,
        one_framing_only: c.stances.iter().flatten().count() == 1,
        readings,
    }
}

/// The number of rows in the current mode and a function giving one row's height (with the
/// rule under it, side by side), so that scrolling measures only the rows it passes.
fn measure(state: &State, width: u16) -> (usize, Box<dyn Fn(usize) -> usize + '_>) {
    if state.debate_view.side_by_side {
        let rows = state.compare_rows();
        let cols = columns(state, width);
        let height = move |i: usize| {
            rows.get(i).map_or(1, |&c| {
                compare_row(state, c, &cols, i == state.debate_view.selected).height() + 1
            })
        };
        (rows.len(), Box::new(height))
    } else {
        let rows = state.debate_rows();
        let height = move |i: usize| {
            if i < rows.len() {
                list_row(state, rows, i, width).height()
            } else {
                1
            }
        };
        (rows.len(), Box::new(height))
    }
}

/// The view's areas on the state's own screen.
fn on_screen(state: &State) -> Areas {
    areas(state, super::frame(state).body)
}

/// The selected row clamped to the rows there are, and the first row shown so that it is on
/// screen: what `update` keeps after every move, resize or change of mode.
pub fn fit(state: &State) -> (usize, usize) {
    let list = on_screen(state).list;
    let (count, height) = measure(state, list.width);
    let selected = state.debate_view.selected.min(count.saturating_sub(1));
    let offset = layout::follow(
        state.debate_view.offset,
        selected,
        count,
        height,
        usize::from(list.height),
    );
    (selected, offset)
}

/// The selected row's height in lines and the list's height: `update` scrolls inside a row
/// taller than the list before it moves on.
pub fn selected_fit(state: &State) -> (usize, usize) {
    let list = on_screen(state).list;
    let (count, height) = measure(state, list.width);
    let selected = state.debate_view.selected;
    let rows = if selected < count {
        height(selected)
    } else {
        0
    };
    // A side-by-side row is followed by its rule, which need not show.
    let rule = usize::from(state.debate_view.side_by_side);
    (rows.saturating_sub(rule), usize::from(list.height))
}

/// The row under screen row `y`, if any.
pub fn row_at(state: &State, y: u16) -> Option<usize> {
    let list = on_screen(state).list;
    if y < list.y || y >= list.bottom() {
        return None;
    }
    let (count, height) = measure(state, list.width);
    let mut at = usize::from(list.y);
    for i in state.debate_view.offset..count {
        at += height(i);
        if usize::from(y) < at {
            return Some(i);
        }
    }
    None
}
