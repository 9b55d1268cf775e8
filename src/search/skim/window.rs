//! Whether a text can score above a high bar at all, found in a few short windows instead of
//! the whole programme: most texts a search scores against the results kept cannot, and this
//! says so for a fraction of the cost.
//!
//! In the crate's weights (see `signature`), a pattern character after the first adds at most
//! 20, and a gap of `g` characters before it costs at least `g − 1` of those 20 (16 − 3 − `g`
//! plus at most the head bonus 8). So an alignment of a pattern of `L` characters that starts
//! at `j0`, where its first character is worth `c0`, scores above `need` only if its losses
//! stay within `slack = c0 + 20·(L − 1) − need − 1`, and then it ends by `j0 + 2·(L − 1) +
//! slack`. When `need` is high, the windows are a handful of bytes (and only bonus positions
//! start one once a tail's 15 is not enough), and a text none of whose windows holds the rest
//! of the pattern cannot pass.
//!
//! That reasons about alignments; the crate's rows also hold paths that drop characters (see
//! `bounds`), which score well below the pattern's bound: the test is used only where `need`
//! is at least that bound less [`DROPPED_MARGIN`]. `tests/properties.rs` checks the scorer with
//! this test against the crate at the bar just below the crate's score.

use super::Pattern;
use super::classes::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, GAP_EXTENSION, PENALTY_CASE_MISMATCH,
    SCORE_MATCH, ascii_class, in_place_bonus,
};

/// How far below a text's bound `need` may be for the windows to decide. Paths that drop
/// pattern characters drop at least two; that they stay this far below the bound is a reading
/// of the crate's code (measured: at least 40 below, for 19 terms on the 500,000 texts of the
/// 100,000-claim benchmark), not a proof; the property tests that score just below the crate's
/// score check it on random texts.
pub(super) const DROPPED_MARGIN: i64 = 18;

/// The most a window started by a tail may reach past the shortest alignment: beyond it,
/// windows are long and many, and scoring in full costs less than looking in them.
const TAIL_SLACK: i64 = 8;

impl Pattern {
    /// False only where `text` (ASCII) cannot score above `need`; true where it may, or where
    /// the test does not apply (a pattern other than small ASCII letters, `need` too low for
    /// short windows, or too far below `bound`, the text's [`Pattern::bound`]).
    pub(super) fn may_beat(&self, text: &[u8], need: i64, bound: i64) -> bool {
        let [first, rest @ ..] = self.bytes.as_slice() else {
            return true;
        };
        let per_char = i64::from(SCORE_MATCH + BONUS_CONSECUTIVE);
        let most_after_first = per_char * i64::try_from(rest.len()).unwrap_or(i64::MAX / 64);
        // A tail's first character is worth 15.
        let tail = i64::from(SCORE_MATCH + GAP_EXTENSION);
        if rest.is_empty()
            || tail + most_after_first - need - 1 > TAIL_SLACK
            || need < bound - DROPPED_MARGIN
            || !self.bytes.iter().all(u8::is_ascii_lowercase)
        {
            return true;
        }
        let longest = 2 * i64::try_from(rest.len()).unwrap_or(i64::MAX / 64);
        // Where the last window that did not hold the pattern ended. The greedy match of the
        // rest from a later start ends no earlier, so a later window ending no later fails too
        // (most do: a text's windows overlap where it holds the first character often).
        let mut failed_to = 0;
        // In a short text, where each letter stands, found once at the first window looked in:
        // a window that fails (most do) then fails at its first missing letter, unread.
        let letters = self
            .letters
            .as_deref()
            .filter(|_| rest.len() >= PLACES_LETTERS && text.len() <= PLACES_WORDS * 64);
        let mut places: Option<Places> = None;
        memchr::memchr2_iter(*first, first.to_ascii_uppercase(), text).any(|j0| {
            let prev = j0
                .checked_sub(1)
                .and_then(|j| text.get(j))
                .map_or(Class::Empty, |&b| ascii_class(b));
            let byte = text.get(j0).copied().unwrap_or(0);
            let bonus = i64::from(in_place_bonus(prev, ascii_class(byte)));
            let multiplier = if j0 == 0 {
                i64::from(BONUS_FIRST_CHAR_MULTIPLIER)
            } else {
                1
            };
            let case = if byte == *first {
                0
            } else {
                i64::from(PENALTY_CASE_MISMATCH)
            };
            let c0 = tail + bonus * multiplier + case;
            let slack = c0 + most_after_first - need - 1;
            if slack < 0 {
                return false;
            }
            let reach = usize::try_from(longest + slack).unwrap_or(usize::MAX);
            let end = text.len().min(j0.saturating_add(reach).saturating_add(1));
            if end <= failed_to {
                return false;
            }
            let holds = match letters {
                Some(letters) => places
                    .get_or_insert_with(|| Places::of(letters, text))
                    .hold_in_order(letters, rest, j0 + 1, end),
                None => holds_in_order(text.get(j0 + 1..end).unwrap_or_default(), rest),
            };
            if !holds {
                failed_to = end;
            }
            holds
        })
    }
}

/// The fewest letters after the first for which mapping them pays ([`Places`]): a shorter
/// pattern's windows are a few bytes, quicker read than mapped (measured: "tec sem !chi" took
/// a fifth longer with them mapped, "technologie" a tenth less CPU time).
const PLACES_LETTERS: usize = 6;
/// The longest text whose letters [`Places`] maps, in 64-bit words.
const PLACES_WORDS: usize = 8;
/// How many distinct letters [`Places`] maps (the last row takes every other byte).
const PLACES_ROWS: usize = 16;

/// Per byte, the row of [`Places`] that records it: one per distinct small letter of the
/// pattern after its first character, and the last row for every other byte.
#[derive(Debug, Clone)]
pub(super) struct Letters {
    row: [u8; 256],
    /// How many rows letters take.
    rows: usize,
    /// Per row, its small letter.
    small: [u8; PLACES_ROWS],
}

impl Letters {
    /// For a pattern of small ASCII letters with at most 15 distinct ones after the first.
    pub(super) fn new(pattern: &[u8]) -> Option<Self> {
        let other = u8::try_from(PLACES_ROWS - 1).ok()?;
        let mut letters = Self {
            row: [other; 256],
            rows: 0,
            small: [0; PLACES_ROWS],
        };
        for &p in pattern.get(1..)? {
            if !p.is_ascii_lowercase() {
                return None;
            }
            if letters.row[usize::from(p)] == other {
                let row = u8::try_from(letters.rows).ok().filter(|&r| r < other)?;
                letters.row[usize::from(p)] = row;
                letters.row[usize::from(p.to_ascii_uppercase())] = row;
                letters.small[usize::from(row)] = p;
                letters.rows += 1;
            }
        }
        Some(letters)
    }
}

/// Where each of the pattern's letters stands in a short text: bit `j` of a row's words is set
/// where byte `j` is that letter, in either case.
struct Places {
    bits: [[u64; PLACES_WORDS]; PLACES_ROWS],
    /// How many words of each row the text covers.
    words: usize,
}

impl Places {
    /// Where the letters stand in `text`, of at most `PLACES_WORDS · 64` bytes (the bytes
    /// past those are left out). Only the letters' rows are filled: no pattern letter reads
    /// the last.
    fn of(letters: &Letters, text: &[u8]) -> Self {
        let text = text.get(..PLACES_WORDS * 64).unwrap_or(text);
        let mut places = Self {
            bits: [[0; PLACES_WORDS]; PLACES_ROWS],
            words: text.len().div_ceil(64),
        };
        let rows = letters.rows.min(PLACES_ROWS);
        for (w, block) in text.chunks(64).enumerate() {
            let mut padded = [0; 64];
            let block: &[u8; 64] = if let Ok(full) = block.try_into() {
                full
            } else {
                padded[..block.len()].copy_from_slice(block);
                &padded
            };
            for (row, &small) in letters.small.iter().enumerate().take(rows) {
                places.bits[row][w] = places_in(block, small);
            }
        }
        places
    }

    /// Whether the bytes `from..end` hold `pattern` (small letters, each with a row) in order:
    /// the same answer as [`holds_in_order`] on those bytes.
    fn hold_in_order(&self, letters: &Letters, pattern: &[u8], from: usize, end: usize) -> bool {
        let mut at = from;
        for &p in pattern {
            let Some(row) = self.bits.get(usize::from(letters.row[usize::from(p)])) else {
                return false;
            };
            // The first place at or after `at` holding `p`.
            let mut word = at / 64;
            let Some(&first) = row.get(word) else {
                return false;
            };
            let mut found = first & (u64::MAX << (at % 64));
            while found == 0 {
                word += 1;
                if word >= self.words || word * 64 >= end {
                    return false;
                }
                found = row[word];
            }
            let place = word * 64 + found.trailing_zeros() as usize;
            if place >= end {
                return false;
            }
            at = place + 1;
        }
        true
    }
}

/// Bit `j` set where byte `j` of `block` is `small` (a small letter) in either case: sixteen
/// bytes a comparison. Reading byte by byte, each byte's bit was a read and a write of its
/// row's word, one waiting on the last, and that took half of a long pattern's window tests.
#[cfg(target_arch = "x86_64")]
fn places_in(block: &[u8; 64], small: u8) -> u64 {
    use safe_arch::{
        bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    // `| 0x20` makes a capital small and leaves only the two cases of a small letter equal to it.
    let case = set_splat_i8_m128i(0x20);
    let wanted = set_splat_i8_m128i(i8::from_ne_bytes([small]));
    let mut bits = 0;
    for (k, sixteen) in block.chunks_exact(16).enumerate() {
        let sixteen: &[u8; 16] = sixteen.try_into().unwrap_or(&[0; 16]);
        let folded = bitor_m128i(load_unaligned_m128i(sixteen), case);
        let mask = move_mask_i8_m128i(cmp_eq_mask_i8_m128i(folded, wanted));
        // Only the low 16 bits of the mask are set.
        bits |= u64::from(mask.cast_unsigned()) << (16 * k);
    }
    bits
}

/// Bit `j` set where byte `j` of `block` is `small` (a small letter) in either case.
#[cfg(not(target_arch = "x86_64"))]
fn places_in(block: &[u8; 64], small: u8) -> u64 {
    block
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b | 0x20 == small)
        .fold(0, |bits, (j, _)| bits | 1 << j)
}

/// Whether `window` holds the small letters of `pattern` in order, either case.
fn holds_in_order(window: &[u8], pattern: &[u8]) -> bool {
    let mut wanted = pattern.iter();
    let mut next = wanted.next();
    for &b in window {
        let Some(&p) = next else { break };
        // `| 0x20` makes a capital small and leaves only the two cases of `p` equal to it.
        if b | 0x20 == p {
            next = wanted.next();
        }
    }
    next.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hold_the_rest_of_the_pattern_or_nothing_passes() {
        let tec = Pattern::new("tec");
        // "tec" at a word start: 23 + 40 = 63; at the start 71.
        assert!(tec.may_beat(b"a technology", 62, 63));
        assert!(!tec.may_beat(b"a technology", 63, 63));
        assert!(tec.may_beat(b"technology", 70, 71));
        // The word-start t is too far from an e and a c to pass 57.
        assert!(!tec.may_beat(b"a tiny cat ate rice", 57, 63));
        // Mid-word only: tails cannot pass 57.
        assert!(!tec.may_beat(b"xthe stec", 57, 63));
        // At the text's start a t is worth 31: the window reaches 17 bytes on.
        assert!(tec.may_beat(b"the stec", 57, 63));
        // Tails start windows too once the bar is within 8 of what they allow (55).
        assert!(tec.may_beat(b"xstec", 47, 63));
        assert!(tec.may_beat(b"xst ec", 47, 63));
        assert!(!tec.may_beat(b"xst exxxxxxxxxxc", 47, 63));
        // Not applied: a low bar, a bar far below the bound, capitals in the pattern.
        assert!(tec.may_beat(b"xyz", 45, 63));
        assert!(tec.may_beat(b"xyz", 57, 90));
        assert!(Pattern::new("Tec").may_beat(b"xyz", 57, 63));
        assert!(holds_in_order(b"xTxExC", b"tec"));
        // A long pattern looks in its windows through where its letters stand: still false
        // where no window holds the rest in time, true where one does.
        let long = Pattern::new("technologie");
        // At a word start its t leaves a slack of 23 + 200 − 210 − 1 = 12: 32 bytes on.
        let far = b"a technology that has no such thing far off: i e";
        assert!(!long.may_beat(far, 210, 215));
        assert!(long.may_beat(b"a technology tie", 210, 215));
        assert!(long.may_beat(far, 190, 215), "not applied: a bar too low");
    }

    /// Looking in a window through where the letters stand answers as reading it does, for
    /// windows on either side of the 64-byte words, at the text's end, in either case.
    #[test]
    fn the_letters_places_answer_as_reading_the_window() {
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let alphabet = b"tecEChnolgi -xTO";
        for pattern in [&b"technologie"[..], b"semiconducto", b"aab", b"zz"] {
            let letters = Letters::new(pattern).expect("small letters");
            for _ in 0..200 {
                let len = (next() % 520) as usize;
                let text: Vec<u8> = (0..len).map(|_| alphabet[(next() % 16) as usize]).collect();
                let places = Places::of(&letters, &text);
                for _ in 0..40 {
                    let from = (next() as usize) % (len + 2);
                    let end = (from + (next() as usize) % 90).min(len);
                    let read =
                        holds_in_order(text.get(from..end).unwrap_or_default(), &pattern[1..]);
                    assert_eq!(
                        places.hold_in_order(&letters, &pattern[1..], from, end),
                        read,
                        "{:?} in {from}..{end} of {:?}",
                        String::from_utf8_lossy(pattern),
                        String::from_utf8_lossy(&text)
                    );
                }
            }
        }
        assert!(!holds_in_order(b"tce", b"tec"));
        assert!(!holds_in_order(b"t@c", b"tac"));
    }
}
