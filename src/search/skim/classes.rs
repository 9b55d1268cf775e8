//! fuzzy-matcher 0.3.7's scoring constants (its default `SkimScoreConfig`) and character
//! classes, with the tables the scoring loops look them up in.

/// The crate's default `SkimScoreConfig`.
pub(super) const SCORE_MATCH: i32 = 16;
pub(super) const GAP_START: i32 = -3;
pub(super) const GAP_EXTENSION: i32 = -1;
pub(super) const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
pub(super) const BONUS_HEAD: i32 = SCORE_MATCH / 2;
pub(super) const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
pub(super) const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
pub(super) const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
pub(super) const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
/// The crate's "minus infinity" for a cell that cannot end in a match.
pub(super) const NEG_INFINITY: i32 = i16::MIN as i32;

/// The crate's character classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

pub(super) const fn class(c: char) -> Class {
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
pub(super) static ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Lower; 128];
    let mut c: u8 = 0;
    while c < 128 {
        table[c as usize] = class(c as char);
        c += 1;
    }
    table
};

/// [`class`] of an ASCII byte (any other byte counts as a small letter, as in [`class`]).
pub(super) fn ascii_class(byte: u8) -> Class {
    ASCII_CLASS[usize::from(byte & 0x7f)]
}

/// [`in_place_bonus`] for every pair of classes, looked up in the scoring loop.
pub(super) static BONUS: [[i64; 6]; 6] = {
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

pub(super) fn class_of(c: char) -> Class {
    ASCII_CLASS
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| class(c))
}

/// The bonus for matching a character of class `cur` after one of class `prev`.
pub(super) const fn in_place_bonus(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::Empty | Class::HardSep, _) => BONUS_HEAD,
        (Class::SoftSep, _) => BONUS_BREAK,
        (Class::Lower | Class::Number, Class::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}
