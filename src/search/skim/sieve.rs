//! An upper bound on a long pattern's score (9 to 16 characters) in one register: the lanes'
//! programme ([`super::lanes`]) in saturating bytes, 16 rows a register where the lanes need
//! two, for turning away at less cost the texts that cannot pass a bar.
//!
//! Row i's value v is kept as `v - STEP·i + BIAS`, clamped to 0..=255. No cell of the crate's
//! matrix exceeds 31 + 24·i (a first character at the text's start earns at most 16 + 2·8 - 1,
//! every later one at most 16 + 8), so with these constants no real value reaches 255
//! (31 + 6·15 + 100 = 221): the top never clips one. The bottom raises a value to what 0
//! stands for, which only makes the result larger. Every step (a maximum, adding or taking
//! away a constant, moving a row up) never decreases when its inputs grow, so the result is
//! at least the crate's score: a text whose bound is at most the bar cannot pass it. The
//! property tests check this against the crate through [`super::Scorer::score_above`].

#[cfg(target_arch = "x86_64")]
pub(super) use sse2::Sieve;

#[cfg(not(target_arch = "x86_64"))]
pub(super) use portable::Sieve;

#[cfg(not(target_arch = "x86_64"))]
mod portable {
    use super::super::Pattern;

    /// Nothing to prepare without SSE2: every text is scored.
    #[derive(Debug, Clone)]
    pub struct Sieve;

    impl Sieve {
        pub fn new(_pattern: &Pattern) -> Option<Self> {
            None
        }

        pub fn bound(&self, _text: &[u8], _first: &[usize], _end: usize) -> Option<i64> {
            None
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use safe_arch::{
        add_saturating_u8_m128i, bitand_m128i, bitandnot_m128i, bitor_m128i,
        byte_shl_imm_u128_m128i, m128i, max_u8_m128i, set_splat_i8_m128i, sub_saturating_u8_m128i,
        zeroed_m128i,
    };

    use super::super::lanes::{pair_tables, takes_window};
    use super::super::{
        BONUS, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, PENALTY_CASE_MISMATCH,
        Pattern, SCORE_MATCH, ascii_class,
    };

    /// What each row's value is lowered by, per row (see the module's notes).
    const STEP: i64 = 18;
    /// What 0 stands for in row 0.
    const BIAS: i64 = 100;
    /// The most rows, and the fewest worth a sieve (up to 8, the lanes need one register).
    const ROWS: usize = 16;
    const FEWEST: usize = 9;

    /// What a long pattern needs for the bound, made once per query.
    #[derive(Debug, Clone)]
    pub struct Sieve {
        rows: usize,
        /// Per byte, per row: what a match there takes away once `STEP` is (STEP - 16, or
        /// STEP - 14 where only the case matches), 255 where the byte does not match (and
        /// past the last row).
        cost: Box<[m128i; 256]>,
        /// Per pair of classes (the character before, the character): the bonus of a match
        /// there (with `outside` added), and what a match after a match earns, in every byte.
        bonus: [m128i; 36],
        consecutive: [m128i; 36],
        /// Row 0 has no row before it: its gap is one extension from outside the pattern,
        /// b - 1, which is this in lane 0 once a match's bonus and cost are applied. Moving
        /// the gaps up a row leaves lane 0 at 0, so adding it to the bonus puts it there.
        outside: m128i,
        /// Per row, 255 in its lane and 0 elsewhere: for changing one row in a register.
        lane: [m128i; ROWS],
    }

    impl Sieve {
        pub fn new(pattern: &Pattern) -> Option<Self> {
            let rows = pattern.chars.len();
            if !(FEWEST..=ROWS).contains(&rows) || pattern.bytes.len() != rows {
                return None;
            }
            let mut cost = Box::new([splat(255); 256]);
            for (byte, register) in (0u8..128).zip(cost.iter_mut()) {
                let mut lanes = [255u8; ROWS];
                for ((lane, &p), &b) in lanes.iter_mut().zip(&pattern.chars).zip(&pattern.bytes) {
                    if pattern.equal(char::from(byte), p) {
                        let mismatch = !pattern.case_sensitive && byte != b;
                        let score = SCORE_MATCH + i32::from(mismatch) * PENALTY_CASE_MISMATCH;
                        *lane = to_u8(STEP - i64::from(score));
                    }
                }
                *register = m128i::from(lanes);
            }
            let (mut bonus, consecutive) = pair_tables(splat);
            let outside = m128i::from({
                let mut lanes = [0u8; ROWS];
                lanes[0] = to_u8(BIAS - 1 + STEP);
                lanes
            });
            for register in &mut bonus {
                *register = add_saturating_u8_m128i(*register, outside);
            }
            let lane = std::array::from_fn(|i| {
                let mut lanes = [0u8; ROWS];
                lanes[i] = 255;
                m128i::from(lanes)
            });
            Some(Self {
                rows,
                cost,
                bonus,
                consecutive,
                outside,
                lane,
            })
        }

        /// At least the score of the ASCII `text` whose pattern characters first match at
        /// `first`, with nothing ending a match from `end` on; `None` where the window is one
        /// the lanes do not take either ([`takes_window`]).
        pub fn bound(&self, text: &[u8], first: &[usize], end: usize) -> Option<i64> {
            let &start = first.first()?;
            if !takes_window(text, first, end, self.rows) {
                return None;
            }
            let mut at = Column {
                m: zeroed_m128i(),
                gap: zeroed_m128i(),
                best: zeroed_m128i(),
            };
            // 255 in a row until its first match, which keeps it from matching before.
            let mut not_started = splat(255);
            let mut last_start = i64::MIN;
            let mut prev_class = start
                .checked_sub(1)
                .and_then(|t| text.get(t))
                .map_or(Class::Empty, |&b| ascii_class(b));
            // Row by row, from its first match to the next row's (the last to the end): rows
            // start between the loops, in registers (a byte written to memory and read back
            // as a register stalls).
            for (i, &from) in first.iter().enumerate() {
                let lane = self.lane[i];
                if i == 1 {
                    // A gap from the text's start, -1 at this column.
                    at.gap = bitor_m128i(
                        bitandnot_m128i(lane, at.gap),
                        bitand_m128i(lane, splat(-1 - STEP + BIAS)),
                    );
                } else if i >= 2 {
                    // Row i starts from what row i - 2 left in the cell before, as the lanes
                    // do: its gap, or its match less the gap's opening.
                    let from_before = max_u8_m128i(
                        sub_saturating_u8_m128i(
                            byte_shl_imm_u128_m128i::<2>(at.gap),
                            splat(2 * STEP),
                        ),
                        sub_saturating_u8_m128i(
                            byte_shl_imm_u128_m128i::<2>(at.m),
                            splat(2 * STEP + 3),
                        ),
                    );
                    at.gap = bitor_m128i(
                        bitandnot_m128i(lane, at.gap),
                        bitand_m128i(lane, from_before),
                    );
                    if i + 1 == self.rows {
                        let ms: [u8; ROWS] = at.m.into();
                        last_start = real(ms[i - 2], i - 2);
                    }
                }
                not_started = bitandnot_m128i(lane, not_started);
                let to = first.get(i + 1).copied().unwrap_or(end);
                let mut columns = text.get(from..to)?;
                // The text's first character earns its bonus twice.
                if from == 0
                    && let Some((&byte, rest)) = columns.split_first()
                {
                    let class = ascii_class(byte);
                    let b = BONUS[prev_class as usize][class as usize]
                        * i64::from(BONUS_FIRST_CHAR_MULTIPLIER);
                    let cost = max_u8_m128i(self.cost[usize::from(byte)], not_started);
                    at.step(
                        add_saturating_u8_m128i(splat(b), self.outside),
                        splat(b.max(i64::from(BONUS_CONSECUTIVE))),
                        cost,
                    );
                    prev_class = class;
                    columns = rest;
                }
                if i + 1 < self.rows {
                    for &byte in columns {
                        let class = ascii_class(byte);
                        let pair = prev_class as usize * 6 + class as usize;
                        let cost = max_u8_m128i(self.cost[usize::from(byte)], not_started);
                        at.step(self.bonus[pair], self.consecutive[pair], cost);
                        prev_class = class;
                    }
                } else {
                    // Every row has started: nothing but the programme.
                    for &byte in columns {
                        let class = ascii_class(byte);
                        let pair = prev_class as usize * 6 + class as usize;
                        at.step(
                            self.bonus[pair],
                            self.consecutive[pair],
                            self.cost[usize::from(byte)],
                        );
                        prev_class = class;
                    }
                }
            }
            let last: [u8; ROWS] = at.best.into();
            let top = last[self.rows - 1];
            // 255 would be a clipped value, which the notes rule out; stay safe regardless.
            (top < 255).then(|| real(top, self.rows - 1).max(last_start))
        }
    }

    /// Per row: the match value at the column before, the gap value the next row sees at
    /// this column, and the best match so far.
    struct Column {
        m: m128i,
        gap: m128i,
        best: m128i,
    }

    impl Column {
        /// Moves one column on, where a match after a gap earns `bonus` (row 0's gap from
        /// outside the pattern in it), after a match `consecutive`, and costs `cost`.
        #[inline]
        fn step(&mut self, bonus: m128i, consecutive: m128i, cost: m128i) {
            let after_match =
                add_saturating_u8_m128i(byte_shl_imm_u128_m128i::<1>(self.m), consecutive);
            let after_gap = add_saturating_u8_m128i(byte_shl_imm_u128_m128i::<1>(self.gap), bonus);
            let matched = sub_saturating_u8_m128i(max_u8_m128i(after_match, after_gap), cost);
            self.best = max_u8_m128i(self.best, matched);
            // A gap after the match at the column before, or one column longer.
            self.gap = max_u8_m128i(
                sub_saturating_u8_m128i(self.gap, set_splat_i8_m128i(1)),
                sub_saturating_u8_m128i(self.m, set_splat_i8_m128i(4)),
            );
            self.m = matched;
        }
    }

    /// The value row `row`'s byte `v` stands for.
    fn real(v: u8, row: usize) -> i64 {
        let row = i64::try_from(row).unwrap_or(0);
        i64::from(v) - BIAS + STEP * row
    }

    fn splat(value: impl Into<i64>) -> m128i {
        set_splat_i8_m128i(to_u8(value.into()).cast_signed())
    }

    /// A value clamped to a byte, as the saturating steps clamp.
    fn to_u8(value: i64) -> u8 {
        u8::try_from(value.clamp(0, 255)).unwrap_or(u8::MAX)
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::super::Pattern;
    use super::Sieve;

    /// The greedy first matches and the end of the window, as the scorer finds them.
    fn window(text: &[u8], pattern: &Pattern) -> Option<(Vec<usize>, usize)> {
        let mut first = Vec::new();
        let mut from = 0;
        for &p in &pattern.chars {
            let at = (from..text.len()).find(|&t| pattern.equal(char::from(text[t]), p))?;
            first.push(at);
            from = at + 1;
        }
        let last = *pattern.chars.last()?;
        let end = text
            .iter()
            .rposition(|&b| pattern.equal(char::from(b), last))?
            + 1;
        Some((first, end))
    }

    /// Never below the crate's score, on texts of a few letters in both cases between
    /// separators (a fixed pseudo-random sequence); equal to it where nothing is clamped,
    /// which a text holding the pattern whole shows.
    #[test]
    fn the_bound_is_never_below_the_crates_score() {
        let alphabet = b"abtTAB -._/x";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        let (mut checked, mut close) = (0, 0);
        for _ in 0..4_000 {
            let pattern: String = (0..9 + next(8))
                .map(|_| char::from(alphabet[next(5)]))
                .collect();
            let text: String = (0..40 + next(200))
                .map(|_| char::from(alphabet[next(alphabet.len())]))
                .collect();
            let compiled = Pattern::new(&pattern);
            let sieve = Sieve::new(&compiled).expect("9 to 16 ASCII characters");
            let crate_score = SkimMatcherV2::default()
                .smart_case()
                .fuzzy_match(&text, &pattern);
            let Some((first, end)) = window(text.as_bytes(), &compiled) else {
                assert_eq!(crate_score, None);
                continue;
            };
            let score = crate_score.expect("the pattern matches");
            let bound = sieve
                .bound(text.as_bytes(), &first, end)
                .expect("a short window");
            assert!(bound >= score, "{bound} < {score}: {text:?} / {pattern:?}");
            checked += 1;
            // Bounds within 20 of the score: the sieve is tight enough to turn texts away.
            close += usize::from(bound < score + 20);
        }
        assert!(checked > 500, "only {checked} texts matched");
        assert!(close > 0);
        let whole = "the semiconductor industry";
        let pattern = Pattern::new("semiconducto");
        let (first, end) = window(whole.as_bytes(), &pattern).expect("it matches");
        let score = SkimMatcherV2::default().fuzzy_match(whole, "semiconducto");
        let sieve = Sieve::new(&pattern).expect("12 characters");
        assert_eq!(sieve.bound(whole.as_bytes(), &first, end), score);
    }
}
