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
//! `tests/properties.rs` compare both on random and hostile texts, and the results shown are
//! checked against the crate in debug builds.

use std::cmp::max;

mod lanes;

/// The crate's default `SkimScoreConfig`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
/// The crate's "minus infinity" for a cell that cannot end in a match.
const NEG_INFINITY: i32 = i16::MIN as i32;

/// The crate's character classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

const fn class(c: char) -> Class {
    match c {
        '\0' => Class::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Class::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Class::SoftSep,
        '0'..='9' => Class::Number,
        'A'..='Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// [`class`] of every ASCII character, looked up instead of matched in the scoring loop.
static ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Lower; 128];
    let mut c: u8 = 0;
    while c < 128 {
        table[c as usize] = class(c as char);
        c += 1;
    }
    table
};

/// [`class`] of an ASCII byte (any other byte counts as a small letter, as in [`class`]).
fn ascii_class(byte: u8) -> Class {
    ASCII_CLASS[usize::from(byte & 0x7f)]
}

/// [`in_place_bonus`] for every pair of classes, looked up in the scoring loop.
static BONUS: [[i64; 6]; 6] = {
    const ALL: [Class; 6] = [
        Class::Empty,
        Class::Upper,
        Class::Lower,
        Class::Number,
        Class::HardSep,
        Class::SoftSep,
    ];
    let mut table = [[0i64; 6]; 6];
    let mut p = 0;
    while p < 6 {
        let mut c = 0;
        while c < 6 {
            table[ALL[p] as usize][ALL[c] as usize] = in_place_bonus(ALL[p], ALL[c]) as i64;
            c += 1;
        }
        p += 1;
    }
    table
};

fn class_of(c: char) -> Class {
    ASCII_CLASS
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| class(c))
}

/// The bonus for matching a character of class `cur` after one of class `prev`.
const fn in_place_bonus(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::Empty | Class::HardSep, _) => BONUS_HEAD,
        (Class::SoftSep, _) => BONUS_BREAK,
        (Class::Lower | Class::Number, Class::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

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
    /// The most any text can score, before the two text-dependent allowances below.
    bound: i64,
    /// For each letter, how many of the pattern's characters could earn the camel bonus on a
    /// hump of that capital (a capital after a small letter or a digit).
    camel_rows: [u8; 26],
    /// Per pattern character after the first: the most it can add (no camel hump), and the
    /// capital whose hump would allow two more.
    row_bound: Vec<(i64, Option<u8>)>,
}

impl Pattern {
    pub fn new(query: &str) -> Self {
        let mut pattern = Self {
            chars: query.chars().collect(),
            bytes: query.bytes().collect(),
            case_sensitive: query.chars().any(|c| c.is_ascii_uppercase()),
            rows_of_byte: None,
            lanes: None,
            bound: 0,
            camel_rows: [0; 26],
            row_bound: Vec::new(),
        };
        pattern.bound = pattern.bounds();
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
        }
        pattern
    }

    /// An upper bound of the score of any text, before the allowances of [`Pattern::bound`];
    /// fills `camel_rows`.
    ///
    /// Along the best alignment, the first character scores at most a match plus the head
    /// bonus less one (the leading gap). Every later one scores a match plus either the
    /// consecutive bonus, `max(bonus, 4)`, or after a gap its bonus less at least 4: at most 8
    /// more when the character before it in the query is a separator (its match can only
    /// follow one), 6 where it can land on a camel hump, else 4. The crate's reuse of rows
    /// only ever drops characters from an alignment, which lowers it.
    fn bounds(&mut self) -> i64 {
        let mut bound = i64::from(SCORE_MATCH + BONUS_HEAD + GAP_EXTENSION);
        self.row_bound.clear();
        for i in 1..self.chars.len() {
            let (before, c) = (self.chars[i - 1], self.chars[i]);
            let mut hump = None;
            let bonus = if matches!(
                class_of(before),
                Class::Upper | Class::Lower | Class::Number
            ) {
                // A hump is a capital: the character must match one.
                let capital = c.to_ascii_uppercase();
                if capital.is_ascii_uppercase() && (!self.case_sensitive || c == capital) {
                    let letter = capital as u8 - b'A';
                    hump = Some(letter);
                    let rows = &mut self.camel_rows[usize::from(letter)];
                    *rows = rows.saturating_add(1);
                }
                BONUS_CONSECUTIVE
            } else {
                BONUS_HEAD
            };
            let most = i64::from(SCORE_MATCH + bonus);
            self.row_bound.push((most, hump));
            bound += most;
        }
        bound
    }

    /// An upper bound of `text`'s score: cheap, and for most texts equal to the best score a
    /// text can have, so that texts whose bound cannot beat the results kept so far need no
    /// scoring. `humps`: the capitals on camel-case humps in the text ([`camel_humps`]).
    pub fn bound(&self, text: &str, humps: u32) -> i64 {
        let mut bound = self.bound;
        let mut humps = humps;
        while humps != 0 {
            let letter = humps.trailing_zeros() as usize;
            humps &= humps - 1;
            let rows = self.camel_rows.get(letter).copied().unwrap_or(0);
            bound += i64::from(rows) * i64::from(BONUS_CAMEL - BONUS_CONSECUTIVE);
        }
        // A match at the very start earns the head bonus twice.
        if let (Some(c), Some(&p)) = (text.chars().next(), self.chars.first())
            && self.equal(c, p)
        {
            bound += i64::from(BONUS_HEAD * (BONUS_FIRST_CHAR_MULTIPLIER - 1));
        }
        bound
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

/// The capitals (bit 0 for A) that follow a small letter or a digit somewhere in `text`, in
/// the crate's classes, where every non-ASCII character counts as small: where a match can
/// earn the camel bonus.
pub fn camel_humps(text: &str) -> u32 {
    let mut prev = Class::Empty;
    let mut humps = 0;
    for c in text.chars() {
        let cur = class_of(c);
        if cur == Class::Upper && matches!(prev, Class::Lower | Class::Number) {
            humps |= 1 << (c as u32 - u32::from(b'A'));
        }
        prev = cur;
    }
    humps
}

/// Buffers reused from one text to the next (one per thread).
#[derive(Debug, Default)]
pub struct Scorer {
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
    /// The text and pattern `first` holds the first matches of, set by [`Scorer::matches`].
    first_of: Option<(usize, usize, usize)>,
}

/// Per pattern character, the state of [`Scorer::columns`] at the current column.
#[derive(Debug)]
struct Columns {
    /// The row's score at its last match.
    last: [i64; 64],
    /// The constant of the row's gap score (`P(u) = gap - u`).
    gap: [i64; 64],
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            last: [NONE; 64],
            gap: [NONE; 64],
        }
    }
}

/// Texts longer than this are scored by the full matrix: there the crate's "minus infinity"
/// (`i16::MIN`) is no longer far below every real score, and only the full matrix reproduces
/// how the two mix.
const SPARSE_MAX_CHARS: usize = 16_384;

/// Minus infinity for the sparse rows; far from overflow when a few hundred are added.
const NONE: i64 = i64::MIN / 4;

/// One pattern character's row of the matrix, kept only where it can be a match.
#[derive(Debug, Default, Clone)]
struct Row {
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
fn ix(t: usize) -> i64 {
    i64::try_from(t).unwrap_or(i64::MAX / 4)
}

fn match_score(pattern: &Pattern, c: char, p: char) -> i64 {
    if !pattern.case_sensitive && c != p {
        i64::from(SCORE_MATCH + PENALTY_CASE_MISMATCH)
    } else {
        i64::from(SCORE_MATCH)
    }
}

/// The bonus for a match at text index `j`.
fn bonus_at(char_at: &impl Fn(usize) -> char, j: usize) -> i64 {
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
fn sparse(
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

    /// [`Scorer::is_match`], remembering for an ASCII pattern where each of its characters
    /// first matches: scoring the same text with the same pattern next starts from there
    /// instead of searching again.
    pub fn matches(&mut self, text: &str, pattern: &Pattern) -> bool {
        self.first_of = None;
        if pattern.bytes.len() != pattern.chars.len() {
            return Self::is_match(text, pattern);
        }
        let bytes = text.as_bytes();
        self.first.clear();
        let mut from = 0;
        for &b in &pattern.bytes {
            let (lower, upper) = pattern.needles(b);
            let Some(at) = memchr::memchr2(lower, upper, &bytes[from..]) else {
                return false;
            };
            self.first.push(from + at);
            from += at + 1;
        }
        self.first_of = Some(Self::key(bytes, pattern));
        true
    }

    /// What identifies a text and a pattern for [`Scorer::matches`].
    fn key(text: &[u8], pattern: &Pattern) -> (usize, usize, usize) {
        (
            text.as_ptr() as usize,
            text.len(),
            pattern.bytes.as_ptr() as usize,
        )
    }

    /// [`Scorer::score`] if it is above `bar`; `None` for no match or, often without
    /// finishing, for a score of at most `bar`. `humps`: the text's [`camel_humps`].
    pub fn score_above(
        &mut self,
        text: &str,
        pattern: &Pattern,
        bar: i64,
        humps: u32,
    ) -> Option<i64> {
        self.bar = Some((bar, humps));
        let score = self.score(text, pattern).filter(|&score| score > bar);
        self.bar = None;
        score
    }

    /// The score `SkimMatcherV2::default().smart_case().fuzzy_match(text, query)` gives, or
    /// `None` where it finds no match. An empty pattern scores 0, as in the crate.
    pub fn score(&mut self, text: &str, pattern: &Pattern) -> Option<i64> {
        if pattern.chars.is_empty() {
            return Some(0);
        }
        if text.is_ascii() {
            return self.score_ascii(text.as_bytes(), pattern);
        }
        // Other text is scored in chars, as the crate counts.
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        chars.extend(text.chars());
        let score = self.score_chars(&chars, pattern);
        self.chars = chars;
        score
    }

    fn score_ascii(&mut self, text: &[u8], pattern: &Pattern) -> Option<i64> {
        // Patterns too long for the one-pass table (over 64 characters) go the char way.
        let Some(table) = &pattern.rows_of_byte else {
            let chars: Vec<char> = text.iter().copied().map(char::from).collect();
            return self.score_chars(&chars, pattern);
        };
        // The greedy first match of each pattern character, found with memchr (unless
        // `matches` just found them).
        if self.first_of.take() != Some(Self::key(text, pattern)) {
            self.first.clear();
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
        if end > SPARSE_MAX_CHARS {
            return Some(self.run(pattern, |j| char::from(text[j]), end));
        }
        if let Some(lanes) = &pattern.lanes
            && let Some(score) = lanes.score(text, &self.first, end)
        {
            return Some(score);
        }
        Some(self.columns(text, pattern, table, end))
    }

    /// The sparse rows of [`sparse`] computed column by column, in one pass over an ASCII
    /// text from the first match to `end`: a column updates only the rows whose character it
    /// holds, and keeps per row only its last match and the best gap it can open, so no row
    /// is stored and nothing is merged.
    fn columns(&mut self, text: &[u8], pattern: &Pattern, table: &[u64; 256], end: usize) -> i64 {
        let m = pattern.chars.len();
        let first = &self.first;
        let Columns { last, gap } = &mut *self.cols;
        // Row i's gap score at column u is `gap[i] - u`: the best of extending its start
        // cell's gap and opening one after a match of the row before u.
        gap[..m].fill(NONE);
        // Row 0's start cell is empty; this is its gap constant as `sparse` computes it.
        let outside = max(NONE, NONE + i64::from(GAP_START));
        gap[0] = max(
            outside + ix(first[0].wrapping_sub(1)),
            NONE + i64::from(GAP_START),
        );
        // What a match loses where only the case matches.
        let mismatch = i64::from(PENALTY_CASE_MISMATCH) * i64::from(!pattern.case_sensitive);
        let mut last_start_m = NONE;
        let mut last_best = NONE;
        let last_row = 1u64 << (m - 1);
        let mut active = 0u64;
        let mut next = 0;
        let mut next_first = first[0];
        // The rows with a match at the column before; `last[i]` is its score there.
        let mut prev_mask = 0u64;
        let mut prev_class = match first[0].checked_sub(1) {
            Some(t) => ascii_class(text[t]),
            None => Class::Empty,
        };
        let start = first[0];
        for (t, &byte) in (start..).zip(&text[start..end]) {
            let class = ascii_class(byte);
            // From t on, t >= 1 wherever a row other than the first is involved.
            let before = ix(t.wrapping_sub(1));
            if t == next_first {
                let i = next;
                if i >= 1 {
                    // The start cell: what row i - 2 left at column t - 1 (row 1: a gap from
                    // the text's start).
                    let (start_m, start_p) = if i == 1 {
                        (NONE, i64::from(GAP_EXTENSION))
                    } else {
                        let m_there = if prev_mask & (1 << (i - 2)) != 0 {
                            last[i - 2]
                        } else {
                            NONE
                        };
                        (m_there, gap[i - 2] - before)
                    };
                    gap[i] = max(
                        max(start_p, start_m + i64::from(GAP_START)) + before,
                        NONE + i64::from(GAP_START),
                    );
                    if i + 1 == m {
                        last_start_m = start_m;
                    }
                }
                active |= 1 << i;
                next += 1;
                next_first = first.get(next).copied().unwrap_or(usize::MAX);
            }
            let cur = table[usize::from(byte)] & active;
            if cur | prev_mask != 0 {
                let mut b = BONUS[prev_class as usize][class as usize];
                if t == 0 {
                    b *= i64::from(BONUS_FIRST_CHAR_MULTIPLIER);
                }
                let consecutive = max(b, i64::from(BONUS_CONSECUTIVE));
                // From the last row down, so that a row reads the row before at t - 1
                // before that row moves on to t; row 0 last.
                let mut rows = cur & !1;
                while rows != 0 {
                    let i = 63 - rows.leading_zeros() as usize;
                    rows ^= 1 << i;
                    let score =
                        i64::from(SCORE_MATCH) + mismatch * i64::from(byte != pattern.bytes[i]);
                    let m_prev = if prev_mask & (1 << (i - 1)) != 0 {
                        last[i - 1]
                    } else {
                        NONE
                    };
                    let p_prev = gap[i - 1] - before;
                    let m_here = max(m_prev + consecutive, p_prev + b);
                    if prev_mask & (1 << i) != 0 {
                        gap[i] = max(gap[i], last[i] + before + i64::from(GAP_START));
                    }
                    last[i] = max(m_here, NONE) + score;
                }
                if cur & 1 != 0 {
                    let score =
                        i64::from(SCORE_MATCH) + mismatch * i64::from(byte != pattern.bytes[0]);
                    if prev_mask & 1 != 0 {
                        gap[0] = max(gap[0], last[0] + before + i64::from(GAP_START));
                    }
                    last[0] = max(b + i64::from(GAP_EXTENSION), NONE) + score;
                }
                let mut rows = prev_mask & !cur;
                while rows != 0 {
                    let i = rows.trailing_zeros() as usize;
                    rows &= rows - 1;
                    gap[i] = max(gap[i], last[i] + before + i64::from(GAP_START));
                }
                if cur & last_row != 0 {
                    last_best = max(last_best, last[m - 1]);
                }
                prev_mask = cur;
            }
            prev_class = class;
        }
        max(last_best, last_start_m)
    }

    /// `tails` for a text with these camel-case humps: only row-by-row scoring gives up
    /// early, so only it needs them.
    fn fill_tails(&mut self, pattern: &Pattern, humps: u32) {
        self.tails.clear();
        self.tails.resize(pattern.chars.len(), 0);
        let mut tail = 0;
        for (i, &(most, hump)) in pattern.row_bound.iter().enumerate().rev() {
            let camel = hump.is_some_and(|letter| humps & (1 << letter) != 0);
            tail += most
                + if camel {
                    i64::from(BONUS_CAMEL - BONUS_CONSECUTIVE)
                } else {
                    0
                };
            self.tails[i] = tail;
        }
    }

    fn score_chars(&mut self, text: &[char], pattern: &Pattern) -> Option<i64> {
        // `first` now holds char indices: no byte scoring may take them for its own.
        self.first_of = None;
        self.first.clear();
        let mut rest = text.iter().enumerate();
        for &p in &pattern.chars {
            let (at, _) = rest.find(|&(_, &c)| pattern.equal(c, p))?;
            self.first.push(at);
        }
        let last = *pattern.chars.last()?;
        let end = text.iter().rposition(|&c| pattern.equal(c, last))? + 1;
        if end > SPARSE_MAX_CHARS {
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

    /// The crate's `build_score_matrix` in compressed (two-row) form, over text columns
    /// `first[0]..end` (column `j + 1` holds text char `j`, as in the crate).
    fn run(&mut self, pattern: &Pattern, char_at: impl Fn(usize) -> char, end: usize) -> i64 {
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
        ];
        let queries = [
            "t",
            "T",
            "tec",
            "techno",
            "Tech",
            "innovation talent",
            "ab",
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
