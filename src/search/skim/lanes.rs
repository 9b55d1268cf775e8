//! [`super::Scorer`]'s column-by-column programme with every pattern character of a column
//! updated at once: row i is the i-th 16-bit lane of one or two SSE2 registers (patterns of up
//! to 16 characters, ASCII windows of up to `MAX_END` bytes, 8,192). Elsewhere, and on other
//! architectures, the scalar columns do the work.
//!
//! The scalar loop updates only the rows whose character a byte holds, but it branches on every
//! one of them; a common query such as "semiconducto" has a row for most letters of a text.
//! Here each column costs the same few dozen instructions without a branch.
//!
//! Scores fit in 16 bits. A pattern of 16 characters scores at most a few hundred, and along
//! a window of at most `MAX_END` bytes gaps cost at most that many, so a real score stays
//! above `-MAX_END - 100`. The scalar "minus infinity" becomes `i16::MIN` and every addition
//! saturates: a value derived from it gains at most a match and a bonus per row before it
//! saturates again, so it stays below -31,000 (a gap constant, which adds a position, below
//! -31,000 + `MAX_END`). So real values are computed exactly, a maximum of a real and an
//! unreal value is the real one, and a result that is not real goes back to the scalar loop.

#[cfg(target_arch = "x86_64")]
pub(super) use sse2::{Tables, pair_tables, takes_window};

#[cfg(not(target_arch = "x86_64"))]
pub(super) use portable::Tables;

#[cfg(not(target_arch = "x86_64"))]
mod portable {
    use super::super::Pattern;

    /// Nothing to prepare where there are no lanes: the scalar loop scores every text.
    #[derive(Debug, Clone)]
    pub struct Tables;

    impl Tables {
        pub fn new(_pattern: &Pattern) -> Option<Self> {
            None
        }

        pub fn score(&self, _text: &[u8], _first: &[usize], _end: usize) -> Option<i64> {
            None
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use safe_arch::{
        add_i16_m128i, add_saturating_i16_m128i, bitor_m128i, byte_shl_imm_u128_m128i,
        byte_shr_imm_u128_m128i, m128i, max_i16_m128i, set_splat_i16_m128i,
        sub_saturating_i16_m128i, zeroed_m128i,
    };

    use super::super::{
        BONUS, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, PENALTY_CASE_MISMATCH,
        Pattern, SCORE_MATCH, ascii_class,
    };
    /// Texts whose scored window ends after this byte are left to the scalar loop.
    const MAX_END: usize = 8_192;

    /// Below this, a lane holds no real score (see the module's notes).
    const UNREAL: i16 = -16_000;

    /// Lanes per register.
    const WIDTH: usize = 8;

    /// What a pattern needs for scoring in lanes, made once per query.
    #[derive(Debug, Clone)]
    pub struct Tables {
        /// Pattern characters (rows).
        rows: usize,
        /// Per byte, per row: the match score where the byte matches the row's character,
        /// `i16::MIN` where it does not (and in the lanes past the last row).
        score: Box<[[m128i; 2]; 256]>,
        /// Per pair of classes (the character before, the character): the bonus of a match
        /// there, and what a match after a match earns, in every lane.
        bonus: [m128i; 36],
        consecutive: [m128i; 36],
    }

    impl Tables {
        pub fn new(pattern: &Pattern) -> Option<Self> {
            let rows = pattern.chars.len();
            if rows == 0 || rows > 2 * WIDTH || pattern.bytes.len() != rows {
                return None;
            }
            let mut score = Box::new([[set_splat_i16_m128i(i16::MIN); 2]; 256]);
            for (byte, registers) in (0u8..128).zip(score.iter_mut()) {
                let mut lanes = [i16::MIN; 2 * WIDTH];
                for ((lane, &p), &b) in lanes.iter_mut().zip(&pattern.chars).zip(&pattern.bytes) {
                    if pattern.equal(char::from(byte), p) {
                        let mismatch = !pattern.case_sensitive && byte != b;
                        *lane = to_i16(SCORE_MATCH + i32::from(mismatch) * PENALTY_CASE_MISMATCH);
                    }
                }
                for (register, chunk) in registers.iter_mut().zip(lanes.chunks_exact(WIDTH)) {
                    let mut array = [0i16; WIDTH];
                    array.copy_from_slice(chunk);
                    *register = m128i::from(array);
                }
            }
            let (bonus, consecutive) = pair_tables(|value| set_splat_i16_m128i(to_i16(value)));
            Some(Self {
                rows,
                score,
                bonus,
                consecutive,
            })
        }

        /// The score of the ASCII `text` whose pattern characters first match at `first`,
        /// with nothing ending a match from `end` on; `None` where the lanes cannot tell (a
        /// longer window, or no real score), for the scalar loop to decide.
        pub fn score(&self, text: &[u8], first: &[usize], end: usize) -> Option<i64> {
            // Rising first matches before `end`, so every position below fits in 16 bits.
            if !takes_window(text, first, end, self.rows) {
                return None;
            }
            let score = if self.rows <= WIDTH {
                self.run::<1>(text, first, end)
            } else {
                self.run::<2>(text, first, end)
            };
            (score > UNREAL).then_some(i64::from(score))
        }

        /// [`super::super::Scorer::columns`] in lanes. Per lane i, `m` is row i's match score at
        /// the column before (unreal where it has none there), `gap` its gap constant (the
        /// gap score at column u is `gap - u`), and `active` 0 from the row's first match on,
        /// `i16::MIN` before, so that a row matches nothing before the crate computes it.
        fn run<const N: usize>(&self, text: &[u8], first: &[usize], end: usize) -> i16 {
            let none = Lanes::<N>::splat(set_splat_i16_m128i(i16::MIN));
            let zero = Lanes::<N>::splat(zeroed_m128i());
            let one = set_splat_i16_m128i(1);
            let in_lane_0 = |value: i16| {
                let mut lanes = zero;
                lanes.set(0, value);
                lanes
            };
            let (mut m, mut gap, mut best, mut active) = (none, none, none, none);
            let mut last_start = i16::MIN;
            let Some(&start) = first.first() else {
                return i16::MIN;
            };
            // `before` is the column before the current one, t - 1; positions fit in 16 bits
            // below MAX_END.
            let mut before = to_i16(start) - 1;
            let mut before_lanes = set_splat_i16_m128i(before);
            let mut open_gap = set_splat_i16_m128i(before - 3);
            // Row 0 has no row before it: it sees no match and a gap of one extension, which
            // is what the row before would give with these in lane 0 once shifted up.
            let no_match = in_lane_0(i16::MIN);
            let mut outside = in_lane_0(before - 1);
            let one_in_lane_0 = in_lane_0(1);
            let mut prev_class = start
                .checked_sub(1)
                .and_then(|t| text.get(t))
                .map_or(Class::Empty, |&b| ascii_class(b));
            for (i, &from) in first.iter().enumerate() {
                let to = first.get(i + 1).copied().unwrap_or(end);
                // Row i starts at `from` from the cell before, which row i - 2 left (row 1: a
                // gap from the text's start).
                before = to_i16(from) - 1;
                if i == 1 {
                    gap.set(1, before - 1);
                } else if i >= 2 {
                    let start_m = m.get(i - 2);
                    let opened = start_m.saturating_add(before - 3);
                    gap.set(i, gap.get(i - 2).max(opened));
                    if i + 1 == self.rows {
                        last_start = start_m;
                    }
                }
                active.set(i, 0);
                let Some(columns) = text.get(from..to) else {
                    return i16::MIN;
                };
                for (t, &byte) in (from..).zip(columns) {
                    let class = ascii_class(byte);
                    let pair = prev_class as usize * 6 + class as usize;
                    let (bonus, consecutive) = if t == 0 {
                        let b = BONUS[pair / 6][pair % 6] * i64::from(BONUS_FIRST_CHAR_MULTIPLIER);
                        let c = b.max(i64::from(BONUS_CONSECUTIVE));
                        (
                            set_splat_i16_m128i(to_i16(b)),
                            set_splat_i16_m128i(to_i16(c)),
                        )
                    } else {
                        (self.bonus[pair], self.consecutive[pair])
                    };
                    let score =
                        Lanes::<N>(std::array::from_fn(|k| self.score[usize::from(byte)][k]))
                            .adds(active);
                    // A match after the row before's match, or after its gap.
                    let after_match = m.up().adds(no_match).adds1(consecutive);
                    let after_gap = gap
                        .up()
                        .adds(outside)
                        .adds1(sub_saturating_i16_m128i(bonus, before_lanes));
                    let matched = after_match.max(after_gap).adds(score);
                    // A match at the column before opens a gap.
                    gap = gap.max(m.adds1(open_gap));
                    best = best.max(matched);
                    m = matched;
                    before_lanes = add_i16_m128i(before_lanes, one);
                    open_gap = add_i16_m128i(open_gap, one);
                    outside = outside.adds(one_in_lane_0);
                    prev_class = class;
                }
            }
            best.get(self.rows - 1).max(last_start)
        }
    }

    /// Per pair of classes (the character before, the character): the bonus of a match there,
    /// and what a match after a match earns, each made a register by `splat`.
    pub fn pair_tables(splat: impl Fn(i64) -> m128i) -> ([m128i; 36], [m128i; 36]) {
        let zero = zeroed_m128i();
        let (mut bonus, mut consecutive) = ([zero; 36], [zero; 36]);
        for (pair, (b, c)) in bonus.iter_mut().zip(&mut consecutive).enumerate() {
            let value = BONUS[pair / 6][pair % 6];
            *b = splat(value);
            *c = splat(value.max(i64::from(BONUS_CONSECUTIVE)));
        }
        (bonus, consecutive)
    }

    /// Whether a window is one the lanes take: `rows` first matches, rising, before `end`,
    /// which is within the text and at most `MAX_END` (so every position fits in 16 bits).
    pub fn takes_window(text: &[u8], first: &[usize], end: usize, rows: usize) -> bool {
        let rising = first.windows(2).all(|pair| pair[0] < pair[1]);
        end <= MAX_END
            && end <= text.len()
            && first.len() == rows
            && rising
            && first.last().is_some_and(|&last| last < end)
    }

    /// A small number below `MAX_END` (a position, a bonus) as a lane value.
    fn to_i16(value: impl TryInto<i16>) -> i16 {
        value.try_into().unwrap_or(i16::MIN)
    }

    /// Rows in lanes: row i in lane `i % 8` of register `i / 8`.
    #[derive(Debug, Clone, Copy)]
    struct Lanes<const N: usize>([m128i; N]);

    impl<const N: usize> Lanes<N> {
        fn splat(register: m128i) -> Self {
            Self([register; N])
        }

        fn adds(self, other: Self) -> Self {
            Self(std::array::from_fn(|k| {
                add_saturating_i16_m128i(self.0[k], other.0[k])
            }))
        }

        /// Adds the same register to every register.
        fn adds1(self, register: m128i) -> Self {
            Self(std::array::from_fn(|k| {
                add_saturating_i16_m128i(self.0[k], register)
            }))
        }

        fn max(self, other: Self) -> Self {
            Self(std::array::from_fn(|k| {
                max_i16_m128i(self.0[k], other.0[k])
            }))
        }

        /// Every row's value moved to the next row; row 0 gets 0.
        fn up(self) -> Self {
            Self(std::array::from_fn(|k| {
                let shifted = byte_shl_imm_u128_m128i::<2>(self.0[k]);
                match k.checked_sub(1) {
                    Some(below) => {
                        bitor_m128i(shifted, byte_shr_imm_u128_m128i::<14>(self.0[below]))
                    }
                    None => shifted,
                }
            }))
        }

        fn get(self, row: usize) -> i16 {
            let lanes: [i16; WIDTH] = self.0[row / WIDTH].into();
            lanes[row % WIDTH]
        }

        fn set(&mut self, row: usize, value: i16) {
            let register = &mut self.0[row / WIDTH];
            let mut lanes: [i16; WIDTH] = (*register).into();
            lanes[row % WIDTH] = value;
            *register = m128i::from(lanes);
        }
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::super::Pattern;
    use super::Tables;

    #[test]
    fn scores_only_what_fits_and_leaves_the_rest_to_the_scalar_loop() {
        let tables = Tables::new(&Pattern::new("ab")).expect("a short ASCII pattern has lanes");
        let crate_score = SkimMatcherV2::default()
            .smart_case()
            .fuzzy_match("xaxb", "ab");
        assert!(crate_score.is_some());
        assert_eq!(tables.score(b"xaxb", &[1, 3], 4), crate_score);
        // First matches that are not rising, reach the end, or are too few.
        assert_eq!(tables.score(b"xaxb", &[3, 1], 4), None);
        assert_eq!(tables.score(b"xaxb", &[1, 3], 3), None);
        assert_eq!(tables.score(b"xaxb", &[1], 4), None);
        // A window too long for 16-bit positions.
        let long = [b"a".repeat(9_000), b"b".to_vec()].concat();
        assert_eq!(tables.score(&long, &[0, 9_000], 9_001), None);
        // Patterns the lanes do not take.
        assert!(Tables::new(&Pattern::new(&"a".repeat(17))).is_none());
        assert!(Tables::new(&Pattern::new("")).is_none());
    }
}
