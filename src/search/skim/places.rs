//! Where a long pattern's letters stand in a short text, as one bit per byte per letter:
//! built sixteen bytes a comparison, read by bit-scans, so that a window that fails
//! ([`super::window`]) stops at its first missing letter and only starts near the rarest later
//! letters are looked at.

/// The longest text whose letters [`Places`] maps, in 64-bit words.
pub(super) const PLACES_WORDS: usize = 8;
/// How many rows [`Places`] has: one per distinct letter, and the last, never filled, where
/// [`Letters`] sends every other byte.
const PLACES_ROWS: usize = 16;
/// How many of the rarest letters' places [`Places::starts`] spreads.
const RAREST: usize = 2;

/// Per byte, the row of [`Places`] that records it: one per distinct small letter of the
/// pattern after its first character, then the first's if it has none yet, and the last row
/// (never filled) for every other byte.
#[derive(Debug, Clone)]
pub(super) struct Letters {
    row: [u8; 256],
    /// How many rows letters take, and how many of them the letters after the first.
    rows: usize,
    rest_rows: usize,
    /// The first letter's row.
    first_row: usize,
    /// Per row, its small letter.
    small: [u8; PLACES_ROWS],
}

impl Letters {
    /// For a pattern of small ASCII letters with at most 15 distinct ones.
    pub(super) fn new(pattern: &[u8]) -> Option<Self> {
        let other = u8::try_from(PLACES_ROWS - 1).ok()?;
        let mut letters = Self {
            row: [other; 256],
            rows: 0,
            rest_rows: 0,
            first_row: 0,
            small: [0; PLACES_ROWS],
        };
        let (&first, rest) = pattern.split_first()?;
        for &p in rest {
            letters.add(p, other)?;
        }
        letters.rest_rows = letters.rows;
        letters.first_row = usize::from(letters.add(first, other)?);
        Some(letters)
    }

    /// The row of small letter `p`, given one if it has none; `None` for any other byte or
    /// when no row is left.
    fn add(&mut self, p: u8, other: u8) -> Option<u8> {
        if !p.is_ascii_lowercase() {
            return None;
        }
        if self.row[usize::from(p)] == other {
            let row = u8::try_from(self.rows).ok().filter(|&r| r < other)?;
            self.row[usize::from(p)] = row;
            self.row[usize::from(p.to_ascii_uppercase())] = row;
            self.small[usize::from(row)] = p;
            self.rows += 1;
        }
        Some(self.row[usize::from(p)])
    }
}

/// Where each of the pattern's letters stands in a short text: bit `j` of a row's words is set
/// where byte `j` is that letter, in either case.
pub(super) struct Places {
    bits: [[u64; PLACES_WORDS]; PLACES_ROWS],
    /// How many words of each row the text covers.
    words: usize,
}

impl Places {
    /// Where the letters stand in `text`, of at most `PLACES_WORDS · 64` bytes (the bytes
    /// past those are left out). Only the letters' rows are filled: no pattern letter reads
    /// the last.
    pub(super) fn of(letters: &Letters, text: &[u8]) -> Self {
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

    /// The places of the first letter from which a window reaching at most `reach` bytes
    /// on holds the rarest later letters: every start whose window can hold the rest in
    /// order, and few others. The rarest letters' places are spread back over `reach` bytes
    /// in a few shifts, where testing every start read its window letter by letter (a common
    /// first letter has many starts, and most windows fail).
    pub(super) fn starts(&self, letters: &Letters, reach: usize) -> Starts {
        let words = self.words;
        let mut allowed = self
            .bits
            .get(letters.first_row)
            .copied()
            .unwrap_or_default();
        if reach == 0 {
            allowed = [0; PLACES_WORDS];
        } else if reach < 64 {
            // The rarest letters rule out most starts; a common one is near nearly every
            // start, and spreading it costs as much as a rare one.
            let mut rarest = [(usize::MAX, 0); RAREST];
            for (r, row) in self.bits.iter().enumerate().take(letters.rest_rows) {
                let count = row
                    .iter()
                    .take(words)
                    .map(|w| w.count_ones() as usize)
                    .sum::<usize>();
                if let Some(slot) = rarest.iter().position(|&(c, _)| count < c) {
                    rarest.copy_within(slot..RAREST - 1, slot + 1);
                    rarest[slot] = (count, r);
                }
            }
            let rows = rarest
                .iter()
                .filter(|&&(count, _)| count != usize::MAX)
                .filter_map(|&(_, r)| self.bits.get(r));
            // A word's starts need the places of the word after it too, within 64 bits:
            // both in one 128-bit number, of which the low word is kept.
            for row in rows {
                for (w, allowed) in allowed.iter_mut().enumerate().take(words) {
                    let after = row.get(w + 1).copied().unwrap_or(0);
                    let pair = u128::from(row[w]) | u128::from(after) << 64;
                    let near = spread_back(pair, reach);
                    // Truncation meant: the low word.
                    #[allow(clippy::cast_possible_truncation)]
                    let near = near as u64;
                    *allowed &= near;
                }
            }
        }
        Starts {
            bits: allowed,
            word: 0,
            words,
        }
    }

    /// Whether the bytes `from..end` hold `pattern` (small letters, each with a row) in order:
    /// the same answer as [`holds_in_order`] on those bytes.
    pub(super) fn hold_in_order(
        &self,
        letters: &Letters,
        pattern: &[u8],
        from: usize,
        end: usize,
    ) -> bool {
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

/// Bit j set where some place j + 1 ..= j + `reach` (1 to 63) is set in `places`: each place
/// spread back over `reach` bits in a few shifts.
fn spread_back(places: u128, reach: usize) -> u128 {
    let mut near = places >> 1;
    let mut span = 1;
    while span * 2 <= reach {
        near |= near >> span;
        span *= 2;
    }
    if span < reach {
        near |= near >> (reach - span);
    }
    near
}

/// The places set in a row of [`Places`], in order.
pub(super) struct Starts {
    bits: [u64; PLACES_WORDS],
    word: usize,
    /// How many words hold places.
    words: usize,
}

impl Iterator for Starts {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            let bits = self
                .bits
                .get_mut(self.word)
                .filter(|_| self.word < self.words)?;
            if *bits != 0 {
                let place = bits.trailing_zeros() as usize;
                *bits &= *bits - 1;
                return Some(self.word * 64 + place);
            }
            self.word += 1;
        }
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

/// A fixed pseudo-random sequence for tests (xorshift, 32 bits) from a non-zero `seed`.
#[cfg(test)]
pub(super) fn xorshift(mut seed: u32) -> impl FnMut() -> u32 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    }
}

#[cfg(test)]
mod tests {
    use super::super::window::holds_in_order;
    use super::*;

    /// Looking in a window through where the letters stand answers as reading it does, for
    /// windows on either side of the 64-byte words, at the text's end, in either case.
    #[test]
    fn the_letters_places_answer_as_reading_the_window() {
        let mut next = xorshift(0x9e37_79b9);
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
    }
}
