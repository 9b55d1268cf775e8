//! What a text offers a query's letters, summed up once at index time: which letters it holds,
//! which stand where the crate gives a bonus, which end a word, which pairs start one. Enough
//! to reject a text without reading it, and to bound a lowercase pattern's score far more
//! tightly than the pattern alone can ([`Pattern::bound`]).
//!
//! The bound is a dynamic programme over the pattern's characters with two states, "the last
//! character matched on a position with a bonus" and "not", in the crate's weights (default
//! `SkimScoreConfig`, as [`super::classes`]): the first character scores 16 − 1 plus its
//! bonus (doubled at the text's first position); a character right after the previous one 16 +
//! 4, or 16 − 2 + 6 on a camel hump (the crate's consecutive bonus is `max(bonus, 4)` at the
//! cell read); after a gap of `g` characters, 16 − 3 − `g` plus its bonus; 2 less wherever
//! only the case matches. Each transition is allowed only where the text's summary says it
//! can happen: a word-start character after a gap of one needs the letter before it to end a
//! word, a character right after a word-start one needs that pair among the text's word-start
//! pairs, and so on. Every rule only over-approximates, so the bound is never below the
//! crate's score (`tests/properties.rs` checks it against the crate on random texts).

use super::Pattern;
use super::classes::{
    BONUS_BREAK, BONUS_CAMEL, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, BONUS_HEAD, Class,
    GAP_EXTENSION, GAP_START, PENALTY_CASE_MISMATCH, SCORE_MATCH, ascii_class, class_of,
    in_place_bonus,
};

/// One text's summary (bit `i` of a letter set: the `i`-th letter of the alphabet, either case
/// unless said otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    /// Every ASCII letter the text holds.
    letters: u32,
    /// Letters on a word start (in-place bonus 8), in either case and as small letters.
    head: u32,
    head_small: u32,
    /// Letters after a soft separator (bonus 7), in either case and as small letters.
    brk: u32,
    brk_small: u32,
    /// Capitals after a small letter or a digit (bonus 6), where every non-ASCII character
    /// counts as small, as in the crate's classes: where a match can earn the camel bonus.
    humps: u32,
    /// Letters followed by a character after which the next has the head bonus (a hard
    /// separator), or the break bonus (a soft one).
    end_hard: u32,
    end_soft: u32,
    /// Letters on a position with a bonus, followed by a hard separator (one-letter words).
    solo: u32,
    /// Pairs of adjacent letters whose first stands on a position with a bonus, hashed to 64
    /// bits ([`pair_bit`]): a hash only adds pairs, which only loosens the bound.
    word_pairs: u64,
    /// Every pair of adjacent letters, hashed to 128 bits ([`PairSlot`]): a run of the
    /// pattern's letters right after one another needs each of its pairs here. (Without it,
    /// "technologie" bounded every text holding its letters as if it held the whole word.)
    pairs: [u64; 2],
    /// The text's first character, which can earn the head bonus twice.
    first: Option<char>,
    /// Whether the text is all ASCII (a byte is a character).
    ascii: bool,
}

/// Bit `i` of a 26-letter set for an ASCII letter of either case.
fn letter_bit(c: char) -> u32 {
    if c.is_ascii_alphabetic() {
        1 << (c.to_ascii_lowercase() as u32 - u32::from(b'a'))
    } else {
        0
    }
}

/// The bit of `word_pairs` that stands for the letters `x` then `y` (0 for a, as bits).
fn pair_bit(x: u32, y: u32) -> u64 {
    1 << (((x * 26 + y).wrapping_mul(2_654_435_761) >> 7) % 64)
}

/// Where in a 128-bit set of pairs the letters `x` then `y` (0 for a, as bits) stand: a word
/// and a bit in it.
struct PairSlot(usize, u64);

impl PairSlot {
    fn of(x: u32, y: u32) -> Self {
        let hash = ((x * 26 + y).wrapping_mul(2_654_435_761) >> 9) % 128;
        Self(usize::from(hash >= 64), 1 << (hash % 64))
    }

    fn add_to(&self, pairs: &mut [u64; 2]) {
        pairs[self.0] |= self.1;
    }

    fn is_in(&self, pairs: &[u64; 2]) -> bool {
        pairs[self.0] & self.1 != 0
    }
}

/// Where [`Signature::of`] is in a text: the previous character's class, its letter bit (0
/// when not a letter) and whether it stood on a position with a bonus.
struct Walk {
    prev: Class,
    last: (u32, bool),
}

impl Walk {
    /// Adds the next character (its class, letter bit and whether it is a small letter).
    fn step(&mut self, s: &mut Signature, class: Class, bit: u32, small: bool) {
        let bonus = in_place_bonus(self.prev, class);
        let (last_bit, last_bonus) = self.last;
        if last_bit != 0 {
            match class {
                Class::HardSep | Class::Empty => {
                    s.end_hard |= last_bit;
                    if last_bonus {
                        s.solo |= last_bit;
                    }
                }
                Class::SoftSep => s.end_soft |= last_bit,
                _ => {}
            }
            if bit != 0 && last_bonus {
                s.word_pairs |= pair_bit(last_bit.trailing_zeros(), bit.trailing_zeros());
            }
            if bit != 0 {
                PairSlot::of(last_bit.trailing_zeros(), bit.trailing_zeros()).add_to(&mut s.pairs);
            }
        }
        if bit != 0 {
            s.letters |= bit;
            match bonus {
                BONUS_HEAD => {
                    s.head |= bit;
                    if small {
                        s.head_small |= bit;
                    }
                }
                BONUS_BREAK => {
                    s.brk |= bit;
                    if small {
                        s.brk_small |= bit;
                    }
                }
                BONUS_CAMEL => s.humps |= bit,
                _ => {}
            }
        }
        self.last = (bit, bonus > 0);
        self.prev = class;
    }
}

impl Signature {
    /// The summary of `text` (folded, as it is matched).
    pub fn of(text: &str) -> Self {
        let mut s = Self {
            letters: 0,
            head: 0,
            head_small: 0,
            brk: 0,
            brk_small: 0,
            humps: 0,
            end_hard: 0,
            end_soft: 0,
            solo: 0,
            word_pairs: 0,
            pairs: [0; 2],
            first: text.chars().next(),
            ascii: text.is_ascii(),
        };
        let mut walk = Walk {
            prev: Class::Empty,
            last: (0, false),
        };
        // Bytes where every byte is a character: the index makes one of these per text.
        if s.ascii {
            for &b in text.as_bytes() {
                // Most bytes are small letters inside words, which only add their letter.
                if b.is_ascii_lowercase() && walk.prev == Class::Lower && !walk.last.1 {
                    let bit: u32 = 1 << (b - b'a');
                    PairSlot::of(walk.last.0.trailing_zeros(), bit.trailing_zeros())
                        .add_to(&mut s.pairs);
                    s.letters |= bit;
                    walk.last = (bit, false);
                    continue;
                }
                let c = char::from(b);
                walk.step(
                    &mut s,
                    ascii_class(b),
                    letter_bit(c),
                    b.is_ascii_lowercase(),
                );
            }
        } else {
            for c in text.chars() {
                walk.step(&mut s, class_of(c), letter_bit(c), c.is_ascii_lowercase());
            }
        }
        s
    }

    /// Every ASCII letter the text holds (bit 0 for a, either case).
    pub fn letters(&self) -> u32 {
        self.letters
    }

    /// The capitals on camel-case humps (bit 0 for A).
    pub fn humps(&self) -> u32 {
        self.humps
    }

    pub(super) fn first(&self) -> Option<char> {
        self.first
    }

    /// Whether the text is all ASCII.
    pub fn ascii(&self) -> bool {
        self.ascii
    }
}

/// The letters of `text` as a set (bit 0 for a, either case): a text that lacks one of a
/// term's letters cannot hold the term.
pub fn letters_of(text: &str) -> u32 {
    text.chars().map(letter_bit).fold(0, |set, bit| set | bit)
}

/// Far below any score, yet safe to add a few hundred of.
const NONE: i64 = i64::MIN / 4;

impl Pattern {
    /// The least [`Pattern::signature_bound`] gives for a text holding every pair of the
    /// pattern's adjacent letters, where it gives one: a first character's match and every
    /// later one right after the one before, which the programme allows in such a text.
    /// (Where a pair is missing it may give less.)
    pub(super) fn signature_floor(&self) -> Option<i64> {
        let rest = i64::try_from(self.bytes.len().checked_sub(1)?).ok()?;
        self.bytes.iter().all(u8::is_ascii_lowercase).then(|| {
            i64::from(SCORE_MATCH + GAP_EXTENSION)
                + rest * i64::from(SCORE_MATCH + BONUS_CONSECUTIVE)
        })
    }

    /// The two-state bound of the module's notes, for a pattern of small ASCII letters only
    /// (it cannot be case-sensitive); `None` for any other pattern.
    pub(super) fn signature_bound(&self, s: &Signature) -> Option<i64> {
        let [first, rest @ ..] = self.bytes.as_slice() else {
            return None;
        };
        if !self.bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let has = |set: u32, l: u32| set >> l & 1 == 1;
        let (m, mismatch) = (i64::from(SCORE_MATCH), i64::from(PENALTY_CASE_MISMATCH));
        let (head, brk, camel) = (
            i64::from(BONUS_HEAD),
            i64::from(BONUS_BREAK),
            i64::from(BONUS_CAMEL),
        );
        // What landing on a word start, a break or a hump adds to a match: the bonus, less
        // the case penalty where the text has the letter there only as a capital.
        let on_head = |l: u32| match (has(s.head_small, l), has(s.head, l)) {
            (true, _) => head,
            (false, true) => head + mismatch,
            _ => NONE,
        };
        let on_break = |l: u32| match (has(s.brk_small, l), has(s.brk, l)) {
            (true, _) => brk,
            (false, true) => brk + mismatch,
            _ => NONE,
        };
        // A hump is a capital: a small pattern letter there always pays the case penalty.
        let on_hump = |l: u32| {
            if has(s.humps, l) {
                camel + mismatch
            } else {
                NONE
            }
        };
        let gap_extension = i64::from(GAP_EXTENSION);
        let consecutive = m + i64::from(BONUS_CONSECUTIVE);
        // After a gap of `g` characters: the gap's start and `g` extensions (the crate's
        // weights as it applies them), plus the landing bonus.
        let after_gap = |g: i64| m + i64::from(GAP_START) + g * gap_extension;
        let mut x = u32::from(first - b'a');
        // Ending on a position without a bonus, and on one with.
        let mut plain = m + gap_extension;
        let mut bonused = plain + on_head(x).max(on_break(x)).max(on_hump(x));
        if let Some(c) = s.first()
            && c.eq_ignore_ascii_case(&char::from(*first))
        {
            let start = m
                + gap_extension
                + head * i64::from(BONUS_FIRST_CHAR_MULTIPLIER)
                + if c.is_ascii_lowercase() { 0 } else { mismatch };
            bonused = bonused.max(start);
        }
        for &c in rest {
            let y = u32::from(c - b'a');
            let any = plain.max(bonused);
            // Right after the previous character: onto a plain letter or a hump, both worth
            // `consecutive` (16 + 4, or 16 − 2 + 6), which leaves the state plain (a looser
            // one). From a position with a bonus only if the text has the pair there.
            let from_bonused = if s.word_pairs & pair_bit(x, y) != 0 {
                bonused
            } else {
                NONE
            };
            let from_plain = if PairSlot::of(x, y).is_in(&s.pairs) {
                plain
            } else {
                NONE
            };
            let next_plain = (from_plain.max(from_bonused) + consecutive).max(any + after_gap(1));
            // A gap of exactly one before a word start or a break: the previous letter must end
            // a word there (as a one-letter word if it stood on a bonus itself).
            let gap = |ends: bool| if ends { 1 } else { 2 };
            let to_head = (plain + after_gap(gap(has(s.end_hard, x))))
                .max(bonused + after_gap(gap(has(s.solo, x))))
                + on_head(y);
            let to_break = any + after_gap(gap(has(s.end_soft, x))) + on_break(y);
            let to_hump = any + after_gap(1) + on_hump(y);
            plain = next_plain;
            bonused = to_head.max(to_break).max(to_hump).max(NONE);
            x = y;
        }
        Some(plain.max(bonused))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_say_where_letters_stand() {
        let s = Signature::of("Foo-bar bazQux x y");
        let bits = |letters: &str| letters_of(letters);
        assert_eq!(s.letters, bits("fobarzquxy"));
        assert_eq!(s.head, bits("fbxy"));
        assert_eq!(s.head_small, bits("bxy"));
        assert_eq!(s.brk, bits("b"));
        assert_eq!(s.humps, bits("q"));
        // A capital after a non-ASCII character is a hump too: the crate counts it as small.
        assert_eq!(Signature::of("éX").humps, bits("x"));
        // What README and the index's memory figures count.
        assert_eq!(std::mem::size_of::<Signature>(), 72);
        assert_eq!(s.end_hard, bits("rx"));
        assert_eq!(s.end_soft, bits("o"));
        assert_eq!(s.solo, bits("x"));
        assert_eq!(s.first, Some('F'));
        // A NUL acts as a hard separator: the letter after it is a word start.
        let nul = Signature::of("a\0b");
        assert_eq!((nul.end_hard, nul.head), (bits("a"), bits("ab")));
    }

    /// The floor is what the programme gives at least, for every text holding the pattern's
    /// adjacent pairs; below it (by the margin) the pattern's own bound stands in, above it
    /// the programme's is used. A text without one of the pairs can get less.
    #[test]
    fn the_signature_floor_is_the_least_bound_where_the_pairs_are() {
        let texts = [
            "",
            "x",
            "technology",
            "the semiconductor industry",
            "Semi-Conductor_to",
            "s e m i c o n d u c t o",
            "zzz",
            "aB cD",
            "ab",
        ];
        for query in ["tec", "semiconducto", "ab", "t"] {
            let pattern = Pattern::new(query);
            let floor = pattern.signature_floor().expect("small letters");
            for text in texts {
                let s = Signature::of(text);
                let tight = pattern.signature_bound(&s).expect("small letters");
                let pairs = query.as_bytes().windows(2).all(|pair| {
                    let letter = |b: u8| u32::from(b - b'a');
                    PairSlot::of(letter(pair[0]), letter(pair[1])).is_in(&s.pairs)
                });
                if pairs {
                    assert!(tight >= floor, "{text:?} / {query:?}: {tight} < {floor}");
                }
                assert_eq!(pattern.bound_against(&s, floor), pattern.bound(&s));
                let low = floor - super::super::window::DROPPED_MARGIN - 1;
                assert!(pattern.bound_against(&s, low) >= pattern.bound(&s));
            }
        }
        // A first match (16 − 1), then two right after the one before (16 + 4 each).
        let tec = Pattern::new("tec");
        assert_eq!(tec.signature_floor(), Some(15 + 40));
        assert_eq!(Pattern::new("Tec").signature_floor(), None);
        // Apart inside a word, the letters cannot run on: 15, then 16 − 3 − 1 twice. Before
        // the pairs were known, the bound allowed "tec" right after one another: 55.
        let apart = Signature::of("xtxexc");
        assert_eq!(
            Pattern::new("tec").signature_bound(&apart),
            Some(15 + 12 + 12)
        );
    }

    #[test]
    fn bounds_only_plain_small_patterns() {
        let s = Signature::of("technology");
        assert!(Pattern::new("Tec").signature_bound(&s).is_none());
        assert!(Pattern::new("t c").signature_bound(&s).is_none());
        assert!(Pattern::new("").signature_bound(&s).is_none());
        // At the text's start: 16 − 1 + 16, then 20 twice.
        assert_eq!(Pattern::new("tec").signature_bound(&s), Some(31 + 40));
    }
}
