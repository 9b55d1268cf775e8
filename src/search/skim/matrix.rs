//! The crate's full score matrix (two rows at a time): the engine for windows longer than
//! `SPARSE_MAX_CHARS`, where the crate's "minus infinity" mixes with real scores.

use std::cmp::max;

use super::classes::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, GAP_EXTENSION, GAP_START, NEG_INFINITY,
    PENALTY_CASE_MISMATCH, SCORE_MATCH, class, in_place_bonus,
};
use super::{Pattern, Scorer};

impl Scorer {
    /// The crate's `build_score_matrix` in compressed (two-row) form, over text columns
    /// `first[0]..end` (column `j + 1` holds text char `j`, as in the crate).
    pub(super) fn run(
        &mut self,
        pattern: &Pattern,
        char_at: impl Fn(usize) -> char,
        end: usize,
    ) -> i64 {
        let start = self.first[0];
        // Columns start..=end, stored from index 0.
        let width = end - start + 1;
        let col = |c: usize| c - start;
        self.bonus_of_col.clear();
        self.bonus_of_col.resize(width, 0);
        let mut prev = if start == 0 {
            Class::Empty
        } else {
            class(char_at(start - 1))
        };
        for j in start..end {
            let cur = class(char_at(j));
            let mut b = in_place_bonus(prev, cur);
            if j == 0 {
                b *= BONUS_FIRST_CHAR_MULTIPLIER;
            }
            self.bonus_of_col[col(j + 1)] = b;
            prev = cur;
        }
        for row in 0..2 {
            self.m[row].clear();
            self.m[row].resize(width, NEG_INFINITY);
            self.p[row].clear();
            self.p[row].resize(width, NEG_INFINITY);
            self.bonus[row].clear();
            self.bonus[row].resize(width, 0);
        }
        // Row 0: nothing of the pattern matched yet; a gap costs one extension.
        self.p[0].fill(GAP_EXTENSION);
        for (i, &p_ch) in pattern.chars.iter().enumerate() {
            let row = (i + 1) & 1;
            // The row being filled and the previous pattern character's row.
            let (m_lo, m_hi) = self.m.split_at_mut(1);
            let (p_lo, p_hi) = self.p.split_at_mut(1);
            let (m_cur, m_old) = if row == 0 {
                (&mut m_lo[0], &m_hi[0])
            } else {
                (&mut m_hi[0], &m_lo[0])
            };
            let (p_cur, p_old) = if row == 0 {
                (&mut p_lo[0], &p_hi[0])
            } else {
                (&mut p_hi[0], &p_lo[0])
            };
            let bonus = &mut self.bonus[row];
            for c in self.first[i] + 1..=end {
                let (cur, last) = (col(c), col(c - 1));
                let ch = char_at(c - 1);
                if pattern.equal(ch, p_ch) {
                    let match_score = if !pattern.case_sensitive && ch != p_ch {
                        SCORE_MATCH + PENALTY_CASE_MISMATCH
                    } else {
                        SCORE_MATCH
                    };
                    let in_place = self.bonus_of_col[cur];
                    let consecutive = max(bonus[last], max(in_place, BONUS_CONSECUTIVE));
                    bonus[last] = consecutive;
                    let score_match = m_old[last] + consecutive;
                    let score_skip = p_old[last] + in_place;
                    m_cur[cur] = max(score_match, score_skip) + match_score;
                } else {
                    m_cur[cur] = NEG_INFINITY;
                    bonus[cur] = 0;
                }
                let open = GAP_START + GAP_EXTENSION + m_cur[last];
                let extend = GAP_EXTENSION + p_cur[last];
                p_cur[cur] = max(open, extend);
            }
        }
        let last_row = pattern.chars.len() & 1;
        let from = col(*self.first.last().unwrap_or(&start));
        let best = self.m[last_row][from..]
            .iter()
            .copied()
            .max()
            .unwrap_or(NEG_INFINITY);
        i64::from(best)
    }
}
