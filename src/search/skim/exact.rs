//! Exact terms (`'wild`, `^music`, `.mp3$`, `^music$`) matched and scored in fuzzy-matcher's
//! weights, so that they rank beside fuzzy terms.
//!
//! The rule: an occurrence of the term scores as its characters matched side by side would
//! under fuzzy-matcher's weights: each character 16 (14 where only its case matches); the
//! first one its bonus (8 at the start of a word, 7 after `-`, `.` and the like, 6 on a
//! camel-case hump; doubled at the start of the text) less 1; every later one the best of that
//! first bonus, its own bonus and 4 (the consecutive bonus). A term scores its best
//! occurrence (the first of equals); a prefix term only the occurrence at the start of the
//! text, leading whitespace skipped unless the term starts with whitespace; a suffix term the
//! one at the end, trailing whitespace likewise; an equal term the whole text so trimmed.
//! Case as for fuzzy terms: a term with an ASCII capital matches case exactly, otherwise
//! ASCII letters match either case.

use super::classes::{
    BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, BONUS_HEAD, Class, GAP_EXTENSION,
    PENALTY_CASE_MISMATCH, SCORE_MATCH, class_of, in_place_bonus,
};

/// Where an exact term must stand in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Anywhere.
    Anywhere,
    Start,
    End,
    /// Both: the whole text.
    Whole,
}

/// An exact term prepared for many texts.
#[derive(Debug, Clone)]
pub struct Exact {
    needle: String,
    anchor: Anchor,
    case_sensitive: bool,
}

impl Exact {
    pub fn new(needle: &str, anchor: Anchor, case_sensitive: bool) -> Self {
        Self {
            needle: needle.to_owned(),
            anchor,
            case_sensitive,
        }
    }

    /// The most any text can score (every character on a word start).
    pub fn bound(&self) -> i64 {
        let n = i64::try_from(self.needle.chars().count()).unwrap_or(i64::MAX / 64);
        n * i64::from(SCORE_MATCH + BONUS_HEAD)
            + i64::from(BONUS_HEAD * (BONUS_FIRST_CHAR_MULTIPLIER - 1) + GAP_EXTENSION)
    }

    fn same(&self, a: &[u8], b: &[u8]) -> bool {
        if self.case_sensitive {
            a == b
        } else {
            // UTF-8 bytes: ASCII folding never touches a byte of a multi-byte char.
            a.eq_ignore_ascii_case(b)
        }
    }

    /// The part of `text` an anchored term is held against (whitespace trimmed as fzf does).
    fn span<'a>(&self, text: &'a str) -> (usize, &'a str) {
        let first_space = self.needle.starts_with(char::is_whitespace);
        let last_space = self.needle.ends_with(char::is_whitespace);
        let mut from = 0;
        let mut span = text;
        if matches!(self.anchor, Anchor::Start | Anchor::Whole) && !first_space {
            let trimmed = span.trim_start();
            from = span.len() - trimmed.len();
            span = trimmed;
        }
        if matches!(self.anchor, Anchor::End | Anchor::Whole) && !last_space {
            span = span.trim_end();
        }
        (from, span)
    }

    /// Byte offsets in `text` where the term matches, in order.
    fn occurrences<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        let needle = self.needle.as_bytes();
        let (from, span) = self.span(text);
        let bytes = span.as_bytes();
        let fits = bytes.len() >= needle.len();
        // Only an anchored term looks at the ends (most texts are searched for a term
        // anywhere, a negated one most of all).
        let at_start = || fits && self.same(&bytes[..needle.len()], needle);
        let at_end = || fits && self.same(&bytes[bytes.len() - needle.len()..], needle);
        let fixed = match self.anchor {
            Anchor::Anywhere => None,
            Anchor::Start => Some(at_start().then_some(from)),
            Anchor::End => Some(at_end().then(|| from + bytes.len() - needle.len())),
            Anchor::Whole => Some((bytes.len() == needle.len() && at_start()).then_some(from)),
        };
        let anywhere = fixed.is_none();
        let (lower, upper) = match needle.first() {
            Some(&b) if !self.case_sensitive => (b.to_ascii_lowercase(), b.to_ascii_uppercase()),
            Some(&b) => (b, b),
            None => (0, 0),
        };
        let anywhere_matches = memchr::memchr2_iter(lower, upper, bytes)
            .filter(move |&at| {
                anywhere
                    && !needle.is_empty()
                    && bytes
                        .get(at..at + needle.len())
                        .is_some_and(|there| self.same(there, needle))
            })
            .map(move |at| from + at);
        fixed.flatten().into_iter().chain(anywhere_matches)
    }

    /// Whether `text` holds the term where it must stand.
    pub fn is_match(&self, text: &str) -> bool {
        let needle = self.needle.as_bytes();
        if self.anchor == Anchor::Anywhere && needle.len() >= 2 {
            // The common case, and a negated term's every time: its first two bytes looked
            // for 16 places at once, then the rest compared.
            return pairs::candidates(text.as_bytes(), [needle[0], needle[1]], |at| {
                text.as_bytes()
                    .get(at..at + needle.len())
                    .is_some_and(|there| self.same(there, needle))
            });
        }
        self.occurrences(text).next().is_some()
    }

    /// The term's score in `text` (the rule in the module's notes) and the char index of the
    /// occurrence scored; `None` where it does not match.
    pub fn score(&self, text: &str) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        for at in self.occurrences(text) {
            let score = self.score_at(text, at);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, at));
            }
        }
        best.map(|(score, at)| (score, text[..at].chars().count()))
    }

    /// The score of the occurrence at byte `at`.
    fn score_at(&self, text: &str, at: usize) -> i64 {
        let mut prev = text[..at]
            .chars()
            .next_back()
            .map_or(Class::Empty, class_of);
        let mut first_bonus = None;
        let mut score = 0;
        for (c, p) in text[at..].chars().zip(self.needle.chars()) {
            let class = class_of(c);
            let bonus = in_place_bonus(prev, class);
            score += i64::from(SCORE_MATCH);
            if c != p {
                score += i64::from(PENALTY_CASE_MISMATCH);
            }
            score += i64::from(match first_bonus {
                None => {
                    first_bonus = Some(bonus);
                    let multiplier = if at == 0 {
                        BONUS_FIRST_CHAR_MULTIPLIER
                    } else {
                        1
                    };
                    bonus * multiplier + GAP_EXTENSION
                }
                Some(first) => first.max(bonus).max(BONUS_CONSECUTIVE),
            });
            prev = class;
        }
        score
    }

    /// The char indices of the best occurrence in `text`, for highlighting.
    pub fn indices(&self, text: &str) -> Vec<usize> {
        self.score(text)
            .map(|(_, from)| (from..from + self.needle.chars().count()).collect())
            .unwrap_or_default()
    }
}

/// Where a two-byte needle may start: every place whose two bytes equal the needle's once
/// all are folded with 0x20 (which holds every place where they match, with or without case,
/// and a few more), each handed to `verify` in order until it says yes.
mod pairs {
    #[cfg(target_arch = "x86_64")]
    pub fn candidates(
        bytes: &[u8],
        needle: [u8; 2],
        mut verify: impl FnMut(usize) -> bool,
    ) -> bool {
        use safe_arch::{
            bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i,
            move_mask_i8_m128i, set_splat_i8_m128i,
        };
        let fold = set_splat_i8_m128i(0x20);
        let first = set_splat_i8_m128i((needle[0] | 0x20).cast_signed());
        let second = set_splat_i8_m128i((needle[1] | 0x20).cast_signed());
        let mut at = 0;
        // Blocks of 16 starting places, while the byte after each is there to read.
        while let (Some(here), Some(next)) = (
            bytes
                .get(at..at + 16)
                .and_then(|b| <&[u8; 16]>::try_from(b).ok()),
            bytes
                .get(at + 1..at + 17)
                .and_then(|b| <&[u8; 16]>::try_from(b).ok()),
        ) {
            let a = cmp_eq_mask_i8_m128i(bitor_m128i(load_unaligned_m128i(here), fold), first);
            let b = cmp_eq_mask_i8_m128i(bitor_m128i(load_unaligned_m128i(next), fold), second);
            let mut mask = move_mask_i8_m128i(bitand_m128i(a, b)).cast_unsigned();
            while mask != 0 {
                if verify(at + mask.trailing_zeros() as usize) {
                    return true;
                }
                mask &= mask - 1;
            }
            at += 16;
        }
        scalar(bytes, at, needle, verify)
    }

    #[cfg(not(target_arch = "x86_64"))]
    pub fn candidates(bytes: &[u8], needle: [u8; 2], verify: impl FnMut(usize) -> bool) -> bool {
        scalar(bytes, 0, needle, verify)
    }

    /// The same from `from` on, a place at a time.
    fn scalar(
        bytes: &[u8],
        from: usize,
        needle: [u8; 2],
        mut verify: impl FnMut(usize) -> bool,
    ) -> bool {
        let folded = [needle[0] | 0x20, needle[1] | 0x20];
        (from..bytes.len().saturating_sub(1)).any(|at| {
            bytes[at] | 0x20 == folded[0] && bytes[at + 1] | 0x20 == folded[1] && verify(at)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_and_case() {
        let exact = |needle: &str, anchor| {
            Exact::new(
                needle,
                anchor,
                needle.chars().any(|c| c.is_ascii_uppercase()),
            )
        };
        assert!(exact("port", Anchor::Anywhere).is_match("export controls"));
        assert!(exact("port", Anchor::Anywhere).is_match("EXPORT"));
        assert!(!exact("Port", Anchor::Anywhere).is_match("export"));
        assert!(exact("exp", Anchor::Start).is_match("  export"));
        assert!(!exact(" exp", Anchor::Start).is_match("export"));
        assert!(!exact("port", Anchor::Start).is_match("export"));
        assert!(exact("trols", Anchor::End).is_match("export controls \n"));
        assert!(!exact("export", Anchor::End).is_match("export controls"));
        assert!(exact("export", Anchor::Whole).is_match(" export "));
        assert!(!exact("export", Anchor::Whole).is_match("exports"));
        assert!(exact("中国", Anchor::Anywhere).is_match("在中国的"));
        assert!(exact("国的", Anchor::End).is_match("在中国的"));
        assert!(!exact("x", Anchor::Anywhere).is_match(""));
        assert!(!exact("longer", Anchor::End).is_match("short"));
        assert!(!exact("longer", Anchor::Whole).is_match("short"));
    }

    /// The two-byte search finds what a search a place at a time finds: at every offset
    /// around the 16-byte blocks, at the text's very end, in either case, beside bytes that
    /// fold onto the needle's (`@` onto a backtick, `A` onto `a`) and inside UTF-8.
    #[test]
    fn the_pair_search_finds_what_every_place_finds() {
        let needles = ["ch", "cH", "Ch", "chi", "`a", "@a", "é", "国的", "-t", "ab"];
        let fillers = ["x", "é", "@", "`", "C", "c", "国", "A"];
        for needle in needles {
            let sensitive = needle.chars().any(|c| c.is_ascii_uppercase());
            let exact = Exact::new(needle, Anchor::Anywhere, sensitive);
            for filler in fillers {
                for before in 0..40 {
                    for tail in ["", "x", "CHI", "chi", "Chi", "`A", "@a", "国的", "-T"] {
                        let text = format!("{}{tail}", filler.repeat(before));
                        let expected = exact.occurrences(&text).next().is_some();
                        assert_eq!(exact.is_match(&text), expected, "{needle:?} in {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn scores_follow_the_documented_rule() {
        let exact = Exact::new("tech", Anchor::Anywhere, false);
        // At the text's start: t 16 + 8·2 − 1, then e, c, h 16 + max(8, 0, 4) each.
        assert_eq!(exact.score("tech"), Some((16 + 15 + 3 * 24, 0)));
        // Mid-word: t 16 + 0 − 1, then 16 + 4 each; the word start wins over it.
        assert_eq!(exact.score("biotech"), Some((15 + 3 * 20, 3)));
        assert_eq!(exact.score("biotech tech"), Some((16 + 7 + 3 * 24, 8)));
        // Only the case matches: 2 less a character.
        assert_eq!(exact.score("TECH"), Some((16 + 15 + 3 * 24 - 8, 0)));
        assert_eq!(exact.score("none"), None);
        assert!(exact.score("tech").is_some_and(|(s, _)| s <= exact.bound()));
        assert_eq!(exact.indices("a tech"), vec![2, 3, 4, 5]);
    }
}
