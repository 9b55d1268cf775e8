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
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, BONUS_HEAD, Class, GAP_EXTENSION,
    PENALTY_CASE_MISMATCH, SCORE_MATCH, ascii_class, in_place_bonus,
};
use super::places::{Letters, PLACES_WORDS, Places};

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
        // In a short text, where each letter stands, found once: only the starts near every
        // later letter are looked at, and a window that fails stops at its first missing letter.
        let letters = self
            .letters
            .as_deref()
            .filter(|_| rest.len() >= PLACES_LETTERS && text.len() <= PLACES_WORDS * 64);
        let mut check = |j0: usize, mapped: Option<(&Letters, &Places)>| {
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
            let holds = match mapped {
                Some((letters, places)) => places.hold_in_order(letters, rest, j0 + 1, end),
                None => holds_in_order(text.get(j0 + 1..end).unwrap_or_default(), rest),
            };
            if !holds {
                failed_to = end;
            }
            holds
        };
        let Some(letters) = letters else {
            return memchr::memchr2_iter(*first, first.to_ascii_uppercase(), text)
                .any(|j0| check(j0, None));
        };
        // The farthest any window reaches: from a first character at the text's start.
        let head_twice = i64::from(BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER);
        let farthest = longest + tail + head_twice + most_after_first - need - 1;
        // Below 0, no start leaves any slack.
        let Ok(farthest) = usize::try_from(farthest) else {
            return false;
        };
        let places = Places::of(letters, text);
        places
            .starts(letters, farthest)
            .any(|j0| check(j0, Some((letters, &places))))
    }
}

/// The fewest letters after the first for which mapping them pays ([`Places`]): two-letter
/// rests' windows are a few bytes, quicker read. (Before only the starts near the rarest
/// letters were looked at, mapping paid from six: "tec sem !chi" took a fifth longer with
/// three. Now three is as fast there, and "semi" takes a sixth less CPU time.)
const PLACES_LETTERS: usize = 3;

/// Whether `window` holds the small letters of `pattern` in order, either case.
pub(super) fn holds_in_order(window: &[u8], pattern: &[u8]) -> bool {
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

    /// Only the starts whose reach holds every later letter are looked at, through where the
    /// letters stand: the answer is the one every start's window read in full gives, for any
    /// bar the windows apply to, at the text's start, across words and in either case.
    #[test]
    fn starts_found_from_the_letters_places_answer_as_every_start_read() {
        let mut next = super::super::places::xorshift(0x2545_f491);
        let alphabet = b"tecEChnolgi -xTOdspkDmuaAbB";
        let mut passed = 0;
        for query in [
            "technologie",
            "semiconducto",
            "deepseek",
            "aabbaabba",
            "semi",
            "abba",
        ] {
            let mapped = Pattern::new(query);
            let mut read = Pattern::new(query);
            read.letters = None;
            let rest = i64::try_from(query.len() - 1).expect("short");
            let most = 15 + 16 + 20 * rest;
            for _ in 0..400 {
                // The pattern spread out a little, somewhere in random letters (often at the
                // start, where a first character counts twice): windows near the bar's edge.
                let mut text: Vec<u8> = Vec::new();
                let noise = |text: &mut Vec<u8>, most: u32, next: &mut dyn FnMut() -> u32| {
                    for _ in 0..next() % (most + 1) {
                        text.push(alphabet[(next() as usize) % alphabet.len()]);
                    }
                };
                if !next().is_multiple_of(3) {
                    noise(&mut text, 150, &mut next);
                }
                let spread = next() % 4;
                for &b in query.as_bytes() {
                    text.push(if next().is_multiple_of(4) {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    });
                    noise(&mut text, spread, &mut next);
                }
                noise(&mut text, 120, &mut next);
                for need in (most - 50)..most {
                    let answer = read.may_beat(&text, need, need);
                    passed += usize::from(answer);
                    assert_eq!(
                        mapped.may_beat(&text, need, need),
                        answer,
                        "{query:?} past {need} in {:?}",
                        String::from_utf8_lossy(&text)
                    );
                }
            }
        }
        // Both answers come up, often.
        assert!(
            (30_000..100_000).contains(&passed),
            "{passed} of 120,000 pass"
        );
    }

    #[test]
    fn reading_a_window_finds_the_letters_in_order() {
        assert!(!holds_in_order(b"tce", b"tec"));
        assert!(!holds_in_order(b"t@c", b"tac"));
    }
}
