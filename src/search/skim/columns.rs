//! The sparse rows computed column by column in one pass over an ASCII text: the scalar
//! engine for ASCII texts the lanes do not take.

use std::cmp::max;

use super::classes::{
    BONUS, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, GAP_EXTENSION, GAP_START,
    PENALTY_CASE_MISMATCH, SCORE_MATCH, ascii_class,
};
use super::sparse::{NONE, ix};
use super::{Pattern, Scorer};

/// Per pattern character, the state of [`Scorer::columns`] at the current column.
#[derive(Debug)]
pub(super) struct Columns {
    /// The row's score at its last match.
    last: [i64; 64],
    /// The constant of the row's gap score (`P(u) = gap - u`).
    gap: [i64; 64],
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            last: [NONE; 64],
            gap: [NONE; 64],
        }
    }
}

impl Scorer {
    /// The sparse rows of [`sparse`] computed column by column, in one pass over an ASCII
    /// text from the first match to `end`: a column updates only the rows whose character it
    /// holds, and keeps per row only its last match and the best gap it can open, so no row
    /// is stored and nothing is merged.
    pub(super) fn columns(
        &mut self,
        text: &[u8],
        pattern: &Pattern,
        table: &[u64; 256],
        end: usize,
    ) -> i64 {
        let m = pattern.chars.len();
        let first = &self.first;
        let Columns { last, gap } = &mut *self.cols;
        // Row i's gap score at column u is `gap[i] - u`: the best of extending its start
        // cell's gap and opening one after a match of the row before u.
        gap[..m].fill(NONE);
        // Row 0's start cell is empty; this is its gap constant as `sparse` computes it.
        let outside = max(NONE, NONE + i64::from(GAP_START));
        gap[0] = max(
            outside + ix(first[0].wrapping_sub(1)),
            NONE + i64::from(GAP_START),
        );
        // What a match loses where only the case matches.
        let mismatch = i64::from(PENALTY_CASE_MISMATCH) * i64::from(!pattern.case_sensitive);
        let mut last_start_m = NONE;
        let mut last_best = NONE;
        let last_row = 1u64 << (m - 1);
        let mut active = 0u64;
        let mut next = 0;
        let mut next_first = first[0];
        // The rows with a match at the column before; `last[i]` is its score there.
        let mut prev_mask = 0u64;
        let mut prev_class = match first[0].checked_sub(1) {
            Some(t) => ascii_class(text[t]),
            None => Class::Empty,
        };
        let start = first[0];
        for (t, &byte) in (start..).zip(&text[start..end]) {
            let class = ascii_class(byte);
            // From t on, t >= 1 wherever a row other than the first is involved.
            let before = ix(t.wrapping_sub(1));
            if t == next_first {
                let i = next;
                if i >= 1 {
                    // The start cell: what row i - 2 left at column t - 1 (row 1: a gap from
                    // the text's start).
                    let (start_m, start_p) = if i == 1 {
                        (NONE, i64::from(GAP_EXTENSION))
                    } else {
                        let m_there = if prev_mask & (1 << (i - 2)) != 0 {
                            last[i - 2]
                        } else {
                            NONE
                        };
                        (m_there, gap[i - 2] - before)
                    };
                    gap[i] = max(
                        max(start_p, start_m + i64::from(GAP_START)) + before,
                        NONE + i64::from(GAP_START),
                    );
                    if i + 1 == m {
                        last_start_m = start_m;
                    }
                }
                active |= 1 << i;
                next += 1;
                next_first = first.get(next).copied().unwrap_or(usize::MAX);
            }
            let cur = table[usize::from(byte)] & active;
            if cur | prev_mask != 0 {
                let mut b = BONUS[prev_class as usize][class as usize];
                if t == 0 {
                    b *= i64::from(BONUS_FIRST_CHAR_MULTIPLIER);
                }
                let consecutive = max(b, i64::from(BONUS_CONSECUTIVE));
                // From the last row down, so that a row reads the row before at t - 1
                // before that row moves on to t; row 0 last.
                let mut rows = cur & !1;
                while rows != 0 {
                    let i = 63 - rows.leading_zeros() as usize;
                    rows ^= 1 << i;
                    let score =
                        i64::from(SCORE_MATCH) + mismatch * i64::from(byte != pattern.bytes[i]);
                    let m_prev = if prev_mask & (1 << (i - 1)) != 0 {
                        last[i - 1]
                    } else {
                        NONE
                    };
                    let p_prev = gap[i - 1] - before;
                    let m_here = max(m_prev + consecutive, p_prev + b);
                    if prev_mask & (1 << i) != 0 {
                        gap[i] = max(gap[i], last[i] + before + i64::from(GAP_START));
                    }
                    last[i] = max(m_here, NONE) + score;
                }
                if cur & 1 != 0 {
                    let score =
                        i64::from(SCORE_MATCH) + mismatch * i64::from(byte != pattern.bytes[0]);
                    if prev_mask & 1 != 0 {
                        gap[0] = max(gap[0], last[0] + before + i64::from(GAP_START));
                    }
                    last[0] = max(b + i64::from(GAP_EXTENSION), NONE) + score;
                }
                let mut rows = prev_mask & !cur;
                while rows != 0 {
                    let i = rows.trailing_zeros() as usize;
                    rows &= rows - 1;
                    gap[i] = max(gap[i], last[i] + before + i64::from(GAP_START));
                }
                if cur & last_row != 0 {
                    last_best = max(last_best, last[m - 1]);
                }
                prev_mask = cur;
            }
            prev_class = class;
        }
        max(last_best, last_start_m)
    }
}
