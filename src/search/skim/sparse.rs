//! The crate's matrix computed only at the cells where a pattern character matches, row by
//! row over chars: the engine for texts outside ASCII (and for patterns too long for the
//! one-pass tables), giving up as soon as a text can no longer beat a bar.

use std::cmp::max;

use super::classes::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, GAP_EXTENSION, GAP_START,
    PENALTY_CASE_MISMATCH, SCORE_MATCH, class_of, in_place_bonus,
};
use super::{Engine, Pattern, Scorer};

/// Texts longer than this are scored by the full matrix: there the crate's "minus infinity"
/// (`i16::MIN`) is no longer far below every real score, and only the full matrix reproduces
/// how the two mix.
pub(super) const SPARSE_MAX_CHARS: usize = 16_384;

/// Minus infinity for the sparse rows; far from overflow when a few hundred are added.
pub(super) const NONE: i64 = i64::MIN / 4;

/// One pattern character's row of the matrix, kept only where it can be a match.
#[derive(Debug, Default, Clone)]
pub(super) struct Row {
    /// The cell before the row's first column (text index `first - 1`): the crate never
    /// writes it in this row's pass, so it holds what an earlier pass (or the reset) left.
    start: usize,
    start_m: i64,
    start_p: i64,
    /// Text indices where the pattern character occurs, from the row's first column, and the
    /// match score there.
    at: Vec<usize>,
    m: Vec<i64>,
}

impl Row {
    /// The row's gap score `P` at text index `t` (`t > start`): the best of opening a gap after
    /// any match before `t` (or the start cell), or extending the start cell's gap.
    /// `best` is max(M(k) + k) over the matches k < t, which the caller keeps as it walks.
    fn gap(&self, t: usize, best: i64) -> i64 {
        let (t, start) = (ix(t), ix(self.start));
        let from_start = max(
            self.start_p + i64::from(GAP_EXTENSION) * (t - start),
            self.start_m + i64::from(GAP_START) + i64::from(GAP_EXTENSION) * (t - start),
        );
        max(
            from_start,
            best + i64::from(GAP_START) + i64::from(GAP_EXTENSION) - t + 1,
        )
    }

    /// The match score at text index `t`, if the row has one there (`NONE` otherwise), and
    /// the start cell's.
    fn m_at(&self, k: &mut usize, t: usize) -> i64 {
        while *k < self.at.len() && self.at[*k] < t {
            *k += 1;
        }
        if *k < self.at.len() && self.at[*k] == t {
            self.m[*k]
        } else if t == self.start {
            self.start_m
        } else {
            NONE
        }
    }
}

/// A text index as a score term (sparse rows are at most `SPARSE_MAX_CHARS` long).
pub(super) fn ix(t: usize) -> i64 {
    i64::try_from(t).unwrap_or(i64::MAX / 4)
}

pub(super) fn match_score(pattern: &Pattern, c: char, p: char) -> i64 {
    if !pattern.case_sensitive && c != p {
        i64::from(SCORE_MATCH + PENALTY_CASE_MISMATCH)
    } else {
        i64::from(SCORE_MATCH)
    }
}

/// The bonus for a match at text index `j`.
pub(super) fn bonus_at(char_at: &impl Fn(usize) -> char, j: usize) -> i64 {
    let prev = if j == 0 {
        Class::Empty
    } else {
        class_of(char_at(j - 1))
    };
    let b = in_place_bonus(prev, class_of(char_at(j)));
    i64::from(if j == 0 {
        b * BONUS_FIRST_CHAR_MULTIPLIER
    } else {
        b
    })
}

/// The crate's matrix computed only at the cells where a pattern character matches: between
/// two matches of a row, its gap score falls by one per column, so it is known in closed form.
/// Reproduces the crate's two-row reuse: each row starts from what the row two before left in
/// the cell before its first column, and the result includes that cell of the last row.
pub(super) fn sparse(
    first: &[usize],
    char_at: impl Fn(usize) -> char,
    rows: &mut [Row; 3],
    (bar, tails): (Option<i64>, &[i64]),
    find: impl Fn(usize, usize, &mut Vec<usize>),
    score_of: impl Fn(usize, usize) -> i64,
) -> Option<i64> {
    // The best any alignment can still reach. Row i's matches build on row i - 1's cells,
    // including its start cell, which holds a value of row i - 2 (the crate's reuse). Let
    // u be the most of a row's matches, its start cell's match score, and its start cell's
    // gap score + 3 (a gap that is already open costs 1 a column to extend, where opening
    // one after a match costs 4): every gap score of the row is at most u - 4, so the next
    // row scores at most u + its `row_bound`, and a start cell copied from the row is at
    // most u. So after row i, with `u_before` row i - 1's u, no score can exceed u + the
    // most the rows after i add, nor u_before + the most the rows after i + 1 add. Row 1's
    // start cell is a gap from the text's start (-1), so row 0 is preceded by 2.
    let mut u_before = i64::from(GAP_EXTENSION - GAP_START);
    for i in 0..first.len() {
        // rows[i % 3] is this row, the previous is rows[(i + 2) % 3], the one before rows[(i + 1) % 3].
        let (start_m, start_p) = match i {
            0 => (NONE, NONE),
            1 => (NONE, i64::from(GAP_EXTENSION)),
            _ => {
                let old = &rows[(i + 1) % 3];
                let t = first[i] - 1;
                let mut k = 0;
                let m = old.m_at(&mut k, t);
                let best = old
                    .at
                    .iter()
                    .zip(&old.m)
                    .take_while(|&(&a, _)| a < t)
                    .map(|(&a, &m)| m + ix(a))
                    .max()
                    .unwrap_or(NONE);
                (m, old.gap(t, best))
            }
        };
        let mut row = std::mem::take(&mut rows[i % 3]);
        row.start = first[i].wrapping_sub(1);
        row.start_m = start_m;
        row.start_p = start_p;
        row.at.clear();
        row.m.clear();
        find(i, first[i], &mut row.at);
        let prev = &rows[(i + 2) % 3];
        let mut k = 0;
        let mut gap_k = 0;
        let mut best = NONE;
        for &t in &row.at {
            let b = bonus_at(&char_at, t);
            let m = if i == 0 {
                // Before the pattern: no match, a gap of one extension everywhere.
                b + i64::from(GAP_EXTENSION)
            } else {
                // The previous row's matches before t - 1 open gaps that reach t - 1.
                while gap_k < prev.at.len() && prev.at[gap_k] < t - 1 {
                    best = max(best, prev.m[gap_k] + ix(prev.at[gap_k]));
                    gap_k += 1;
                }
                let m_prev = prev.m_at(&mut k, t - 1);
                let p_prev = prev.gap(t - 1, best);
                let consecutive = max(b, i64::from(BONUS_CONSECUTIVE));
                max(m_prev + consecutive, p_prev + b)
            };
            row.m.push(max(m, NONE) + score_of(t, i));
        }
        if let Some(bar) = bar
            && i + 1 < first.len()
        {
            let best = row.m.iter().copied().max().unwrap_or(NONE);
            let u = max(best, max(row.start_m, row.start_p - i64::from(GAP_START)));
            let tail = |k: usize| tails.get(k).copied().unwrap_or(0);
            if max(u + tail(i), u_before + tail(i + 1)) <= bar {
                rows[i % 3] = row;
                return None;
            }
            u_before = u;
        }
        rows[i % 3] = row;
    }
    let last = &rows[(first.len() - 1) % 3];
    last.m
        .iter()
        .copied()
        .chain(std::iter::once(last.start_m))
        .max()
}

impl Scorer {
    /// The score of a text in chars: by [`sparse`] rows, or by the full matrix where the window
    /// is too long for them (or the matrix is asked for).
    pub(super) fn score_chars(&mut self, text: &[char], pattern: &Pattern) -> Option<i64> {
        self.first.clear();
        let mut rest = text.iter().enumerate();
        for &p in &pattern.chars {
            let (at, _) = rest.find(|&(_, &c)| pattern.equal(c, p))?;
            self.first.push(at);
        }
        let last = *pattern.chars.last()?;
        let end = text.iter().rposition(|&c| pattern.equal(c, last))? + 1;
        if end > SPARSE_MAX_CHARS || self.engine == Engine::Matrix {
            return Some(self.run(pattern, |j| text[j], end));
        }
        if let Some((_, humps)) = self.bar {
            self.fill_tails(pattern, humps);
        }
        let mut rows = std::mem::take(&mut self.rows);
        let score = sparse(
            &self.first,
            |j| text[j],
            &mut rows,
            (self.bar.map(|(bar, _)| bar), &self.tails),
            |i, from, out| {
                let p = pattern.chars[i];
                out.extend(
                    text[from..end]
                        .iter()
                        .enumerate()
                        .filter(|&(_, &c)| pattern.equal(c, p))
                        .map(|(at, _)| from + at),
                );
            },
            |j, i| match_score(pattern, text[j], pattern.chars[i]),
        );
        self.rows = rows;
        score
    }
}
