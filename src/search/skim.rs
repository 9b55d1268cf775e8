//! fuzzy-matcher's `SkimMatcherV2` score (default weights, smart case), computed without its
//! per-call costs, so that every candidate of a large corpus can be scored in time.
//!
//! The crate's `fuzzy_match` collects the text into a `Vec<char>`, allocates a bonus row,
//! borrows thread-local caches and fills a score matrix over the whole text. This is the same
//! dynamic programme, cell for cell, over the window that can matter (from the pattern's first
//! greedy match to the last occurrence of its last character), only at the cells where a
//! pattern character occurs: in one pass over the bytes when the text is ASCII (every row of a
//! column at once, in SIMD lanes, for patterns of up to 16 characters: [`lanes`]), row by row
//! over chars otherwise. The crate stays the truth: the tests here and in
//! `tests/properties.rs` compare both on random and hostile texts, once per engine
//! ([`Engine`]), the `score` fuzz target on arbitrary ones ([`oracle`]), and the results
//! shown are checked against the crate in debug builds.
//!
//! Here: the prepared pattern, the scorer's choice of engine and the hand-off of first
//! matches; beside it the crate's weights and classes (`classes`), score bounds (`bounds`,
//! and `signature`'s from a summary of each text made at index time; `window` for texts that
//! cannot pass a high bar),
//! the engines (`lanes`, `columns`, `sparse`, `matrix`) and exact terms (`exact`).

mod bounds;
mod classes;
mod columns;
pub(crate) mod exact;
mod lanes;
mod matrix;
pub mod oracle;
mod places;
mod sieve;
mod signature;
mod sparse;
mod window;

use classes::{
    BONUS, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, Class, PENALTY_CASE_MISMATCH,
    SCORE_MATCH, ascii_class,
};
use columns::Columns;
pub use signature::{Signature, letters_of};
use sparse::{Row, SPARSE_MAX_CHARS};

/// A query prepared for scoring many texts.
#[derive(Debug, Clone)]
pub struct Pattern {
    chars: Vec<char>,
    /// The characters as bytes, for ASCII patterns.
    bytes: Vec<u8>,
    /// Smart case: an ASCII capital in the query makes matching case-sensitive.
    case_sensitive: bool,
    /// For each byte, which pattern characters (bit i: the i-th) it matches; for ASCII
    /// patterns of at most 64 characters, so that one pass finds every row's matches.
    rows_of_byte: Option<Box<[u64; 256]>>,
    /// For scoring all rows of a column at once, where the machine and the pattern allow.
    lanes: Option<Box<lanes::Tables>>,
    /// For turning away, before the lanes score them, texts a long pattern cannot pass a bar
    /// in ([`sieve`]): ASCII patterns of 9 to 16 characters, where the lanes need two registers.
    sieve: Option<Box<sieve::Sieve>>,
    /// The most any text can score, before the two text-dependent allowances below.
    bound: i64,
    /// For each letter, how many of the pattern's characters could earn the camel bonus on a
    /// hump of that capital (a capital after a small letter or a digit).
    camel_rows: [u8; 26],
    /// Per pattern character after the first: the most it can add (no camel hump), and the
    /// capital whose hump would allow two more.
    row_bound: Vec<(i64, Option<u8>)>,
    /// The least the signature's bound gives for any text ([`Pattern::signature_floor`]).
    floor: Option<i64>,
    /// Per byte, which of the pattern's letters it is ([`places::Letters`]).
    letters: Option<Box<places::Letters>>,
}

impl Pattern {
    pub fn new(query: &str) -> Self {
        let mut pattern = Self {
            chars: query.chars().collect(),
            bytes: query.bytes().collect(),
            case_sensitive: query.chars().any(|c| c.is_ascii_uppercase()),
            rows_of_byte: None,
            lanes: None,
            sieve: None,
            bound: 0,
            camel_rows: [0; 26],
            row_bound: Vec::new(),
            floor: None,
            letters: None,
        };
        pattern.bound = pattern.bounds();
        pattern.floor = pattern.signature_floor();
        pattern.letters = places::Letters::new(&pattern.bytes).map(Box::new);
        if pattern.chars.len() <= 64 && query.is_ascii() {
            let mut table = Box::new([0u64; 256]);
            for (byte, rows) in (0u8..128).zip(table.iter_mut()) {
                for (i, &p) in pattern.chars.iter().enumerate() {
                    if pattern.equal(char::from(byte), p) {
                        *rows |= 1 << i;
                    }
                }
            }
            pattern.rows_of_byte = Some(table);
            pattern.lanes = lanes::Tables::new(&pattern).map(Box::new);
            pattern.sieve = sieve::Sieve::new(&pattern).map(Box::new);
        }
        pattern
    }

    /// The two bytes that match ASCII `b` (the same twice where case matters or `b` is not a
    /// letter), for memchr2 and its kin.
    fn needles(&self, b: u8) -> (u8, u8) {
        if self.case_sensitive {
            (b, b)
        } else {
            (b.to_ascii_lowercase(), b.to_ascii_uppercase())
        }
    }

    fn equal(&self, c: char, p: char) -> bool {
        if self.case_sensitive {
            c == p
        } else {
            c.eq_ignore_ascii_case(&p)
        }
    }
}

/// Which programme scores a text. [`Engine::Auto`] picks the fastest one that gives the
/// crate's number; the others force one wherever it can give that number (a forced engine
/// that cannot take a text leaves it to `Auto`), so that tests and fuzzing can compare each
/// engine with the crate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    #[default]
    Auto,
    /// Every pattern character of a column at once, in SSE2 lanes ([`lanes`]): ASCII texts
    /// and patterns of up to 16 characters, windows of up to 8,192 bytes.
    Lanes,
    /// The scalar column-by-column pass ([`columns`]): ASCII texts, patterns of up to 64
    /// characters, windows of up to `SPARSE_MAX_CHARS`.
    Columns,
    /// Row by row over chars ([`sparse`]): any text, windows of up to `SPARSE_MAX_CHARS`.
    Sparse,
    /// The crate's full matrix ([`matrix`]): any text; the only one past `SPARSE_MAX_CHARS`.
    Matrix,
}

impl Engine {
    /// Every engine, so that the equivalence tests and the fuzz target check each one, not
    /// only the one `Auto` picks for a given text.
    pub const ALL: [Self; 5] = [
        Self::Auto,
        Self::Lanes,
        Self::Columns,
        Self::Sparse,
        Self::Matrix,
    ];
}

/// Where each character of a pattern first matches in one text (greedily, in order), as
/// [`FirstMatches::find`] found them: scoring the same text with the same pattern
/// ([`Scorer::score_from`]) starts from there instead of searching again. Found for ASCII
/// patterns only; otherwise scoring searches itself.
#[derive(Debug, Clone, Default)]
pub struct FirstMatches {
    at: Vec<usize>,
    /// The length of the text and the pattern they were found for, or `None` when `at` holds
    /// nothing to reuse: a mismatch means a caller's mistake, and scoring searches again.
    of: Option<(usize, usize)>,
}

impl FirstMatches {
    /// Whether `text` matches `pattern` at all ([`Scorer::is_match`]), keeping the first
    /// matches of an ASCII pattern.
    pub fn find(&mut self, text: &str, pattern: &Pattern) -> bool {
        self.of = None;
        if pattern.bytes.len() != pattern.chars.len() {
            return Scorer::is_match(text, pattern);
        }
        let bytes = text.as_bytes();
        self.at.clear();
        let mut from = 0;
        for &b in &pattern.bytes {
            let (lower, upper) = pattern.needles(b);
            let Some(at) = memchr::memchr2(lower, upper, &bytes[from..]) else {
                return false;
            };
            self.at.push(from + at);
            from += at + 1;
        }
        self.of = Some((bytes.len(), pattern.bytes.len()));
        true
    }

    /// Holds nothing to reuse: for a text the pattern was not looked for in.
    pub fn forget(&mut self) {
        self.of = None;
    }

    /// The first matches, if they were found for a text and pattern of these lengths.
    fn for_text(&self, text: &[u8], pattern: &Pattern) -> Option<&[usize]> {
        (self.of == Some((text.len(), pattern.bytes.len()))).then_some(self.at.as_slice())
    }
}

/// Buffers reused from one text to the next (one per thread).
#[derive(Debug, Default)]
pub struct Scorer {
    /// The programme asked for (tests force one; the search leaves it to `Auto`).
    engine: Engine,
    chars: Vec<char>,
    first: Vec<usize>,
    bonus_of_col: Vec<i32>,
    m: [Vec<i32>; 2],
    p: [Vec<i32>; 2],
    bonus: [Vec<i32>; 2],
    rows: [Row; 3],
    /// Row-by-row scoring stops as soon as the text can no longer score above this; with
    /// the text's camel-case humps, which its `tails` depend on.
    bar: Option<(i64, u32)>,
    /// `tails[i]`: the most the pattern characters after the i-th can still add.
    tails: Vec<i64>,
    cols: Box<Columns>,
}

impl Scorer {
    /// A scorer that uses `engine` wherever it applies.
    pub fn with_engine(engine: Engine) -> Self {
        Self {
            engine,
            ..Self::default()
        }
    }

    /// Whether `text` matches at all: every pattern character in order (the crate's test).
    pub fn is_match(text: &str, pattern: &Pattern) -> bool {
        let bytes = text.as_bytes();
        let mut from = 0;
        let mut utf8 = [0u8; 4];
        pattern.chars.iter().all(|&p| {
            let rest = &bytes[from..];
            let ascii = u8::try_from(p).ok().filter(u8::is_ascii);
            let at = if let Some(b) = ascii {
                let (lower, upper) = pattern.needles(b);
                memchr::memchr2(lower, upper, rest).map(|at| (at, 1))
            } else {
                // Outside ASCII the crate compares exactly, and UTF-8 finds a char's bytes only
                // at that char.
                let needle = p.encode_utf8(&mut utf8).as_bytes();
                memchr::memmem::find(rest, needle).map(|at| (at, needle.len()))
            };
            at.is_some_and(|(at, len)| {
                from += at + len;
                true
            })
        })
    }

    /// [`Scorer::score`] if it is above `bar`; `None` for no match or, often without
    /// finishing, for a score of at most `bar`. `signature`: the text's ([`Signature::of`]),
    /// and `bound` the pattern's [`Pattern::bound`] with it; `first`: what
    /// [`FirstMatches::find`] found in this text, if it was asked.
    pub fn score_above(
        &mut self,
        text: &str,
        pattern: &Pattern,
        bar: i64,
        (signature, bound): (&Signature, i64),
        first: Option<&FirstMatches>,
    ) -> Option<i64> {
        if signature.ascii() && !pattern.may_beat(text.as_bytes(), bar, bound) {
            return None;
        }
        self.bar = Some((bar, signature.humps()));
        let score = self
            .score_with(text, pattern, first)
            .filter(|&score| score > bar);
        self.bar = None;
        score
    }

    /// The score `SkimMatcherV2::default().smart_case().fuzzy_match(text, query)` gives, or
    /// `None` where it finds no match. An empty pattern scores 0, as in the crate.
    pub fn score(&mut self, text: &str, pattern: &Pattern) -> Option<i64> {
        self.score_with(text, pattern, None)
    }

    /// [`Scorer::score`] of a text whose first matches [`FirstMatches::find`] just found.
    pub fn score_from(
        &mut self,
        text: &str,
        pattern: &Pattern,
        first: &FirstMatches,
    ) -> Option<i64> {
        self.score_with(text, pattern, Some(first))
    }

    fn score_with(
        &mut self,
        text: &str,
        pattern: &Pattern,
        first: Option<&FirstMatches>,
    ) -> Option<i64> {
        if pattern.chars.is_empty() {
            return Some(0);
        }
        if text.is_ascii() && !matches!(self.engine, Engine::Sparse | Engine::Matrix) {
            return self.score_ascii(text.as_bytes(), pattern, first);
        }
        // Other text is scored in chars, as the crate counts.
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        chars.extend(text.chars());
        let score = self.score_chars(&chars, pattern);
        self.chars = chars;
        score
    }

    fn score_ascii(
        &mut self,
        text: &[u8],
        pattern: &Pattern,
        first: Option<&FirstMatches>,
    ) -> Option<i64> {
        // Patterns too long for the one-pass table (over 64 characters) go the char way.
        let Some(table) = &pattern.rows_of_byte else {
            let chars: Vec<char> = text.iter().copied().map(char::from).collect();
            return self.score_chars(&chars, pattern);
        };
        // The greedy first match of each pattern character: found with memchr, unless the
        // caller hands them over.
        self.first.clear();
        if let Some(found) = first.and_then(|first| first.for_text(text, pattern)) {
            self.first.extend_from_slice(found);
        } else {
            let mut from = 0;
            for &p in &pattern.chars {
                // An ASCII text cannot hold a non-ASCII character.
                let (lower, upper) = pattern.needles(u8::try_from(p).ok().filter(u8::is_ascii)?);
                let at = memchr::memchr2(lower, upper, &text[from..])?;
                self.first.push(from + at);
                from += at + 1;
            }
        }
        // Past the last occurrence of the last character nothing can end a match.
        let (lower, upper) = pattern.needles(u8::try_from(*pattern.chars.last()?).ok()?);
        let end = memchr::memrchr2(lower, upper, text)? + 1;
        if end > SPARSE_MAX_CHARS || self.engine == Engine::Matrix {
            return Some(self.run(pattern, |j| char::from(text[j]), end));
        }
        // Against a bar, a long pattern's cheap bound first: most texts stop there.
        if let Some((bar, _)) = self.bar
            && self.engine == Engine::Auto
            && let Some(sieve) = &pattern.sieve
            && sieve
                .bound(text, &self.first, end)
                .is_some_and(|bound| bound <= bar)
        {
            return None;
        }
        if matches!(self.engine, Engine::Auto | Engine::Lanes)
            && let Some(lanes) = &pattern.lanes
            && let Some(score) = lanes.score(text, &self.first, end)
        {
            return Some(score);
        }
        Some(self.columns(text, pattern, table, end))
    }
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::*;

    /// A fresh matcher each time: no cached matrix from an earlier call. (`use_cache(false)`
    /// would do the same, but panics in 0.3.7: "`RefCell` already borrowed".)
    fn crate_score(text: &str, query: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .smart_case()
            .fuzzy_match(text, query)
    }

    #[test]
    fn agrees_with_the_crate_on_chosen_cases() {
        let texts = [
            "the technology transfer",
            "Technology",
            "technology",
            "innovation talent pipeline",
            "open-source models",
            "FooBar foo_bar foo.bar foo/bar",
            "aaa ab a-b",
            "深圳 technology 四十年",
            "ｶﾞ x t",
            "",
            "t",
            "T",
            "tt tt ttx",
            // Long runs of bytes no query character matches, between and after matches.
            "xxxxxxxxxxxxxxxxxxa.b..............c_ab zzzzzzzzzzzzzzzzzzzzzzzz t-T",
            "a_______________b________________________________ab___x",
        ];
        let queries = [
            "t",
            "T",
            "tec",
            "techno",
            "Tech",
            "innovation talent",
            "ab",
            "abc",
            "abab",
            "a-b",
            "ttx",
            "oo",
            "fb",
            "FB",
            "深圳",
            "四",
            "x",
            "zz",
            " ",
            "t t",
        ];
        let mut scorer = Scorer::default();
        // Past 64 characters a pattern has no one-pass table and is scored by chars.
        let long_text = "the technology transfer, ".repeat(8);
        let long_query = "technology transfer ".repeat(4);
        assert!(long_query.len() > 64);
        for (text, query) in [
            (long_text.as_str(), long_query.as_str()),
            ("short text", long_query.as_str()),
        ] {
            assert_eq!(
                scorer.score(text, &Pattern::new(query)),
                crate_score(text, query),
                "{text:?} / {query:?}"
            );
        }
        for text in texts {
            for query in queries {
                assert_eq!(
                    scorer.score(text, &Pattern::new(query)),
                    crate_score(text, query),
                    "{text:?} / {query:?}"
                );
            }
        }
    }

    /// Gaps as long as the 16-bit lanes allow, and longer: scores far below zero must come
    /// out exact, from the lanes up to 8,192 bytes and from the scalar loop beyond.
    #[test]
    fn agrees_with_the_crate_across_long_gaps() {
        let mut scorer = Scorer::default();
        for gap in [
            0, 100, 8_000, 8_180, 8_189, 8_190, 8_191, 8_192, 8_300, 16_000,
        ] {
            let filler = "x".repeat(gap);
            for (text, query) in [
                (format!("a{filler}b"), "ab"),
                (format!("a{filler}bcdefghijklmnop"), "abcdefghijklmnop"),
                (format!("abcdefgh{filler}ijklmnop"), "abcdefghijklmnop"),
                (format!("ab cd{filler}e"), "abcde"),
                (format!("{filler}Ab"), "ab"),
            ] {
                let expected = crate_score(&text, query);
                assert!(expected.is_some());
                assert_eq!(
                    scorer.score(&text, &Pattern::new(query)),
                    expected,
                    "gap {gap}, {query:?}"
                );
            }
        }
    }

    /// Why the truth is a fresh matcher's score: the crate reads cells of its cached matrix
    /// that the current call has not written, so a reused matcher's score for a text can depend
    /// on the texts scored before it (found by `tests/properties.rs`).
    #[test]
    fn a_reused_crate_matcher_can_score_differently_and_ours_does_not() {
        let (before, text, query) = (
            "taaaaTtTa   atTΣAa0ꬨ Tta   ataataaTatTttTT",
            "TttTbTaat tTaaaat TT  TtTt aTTaTaTtaTTttaTT",
            "TTa",
        );
        let reused = SkimMatcherV2::default().smart_case();
        let _ = reused.fuzzy_match(before, query);
        assert_eq!(crate_score(text, query), Some(66));
        assert_eq!(reused.fuzzy_match(text, query), Some(68));
        let mut scorer = Scorer::default();
        let pattern = Pattern::new(query);
        let _ = scorer.score(before, &pattern);
        assert_eq!(scorer.score(text, &pattern), Some(66));
    }
}
