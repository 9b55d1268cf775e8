//! Upper bounds of a pattern's score, cheap enough to skip the texts that cannot reach the
//! results kept so far: per pattern ([`Pattern::bound`]) and, for scoring that gives up early,
//! per remaining pattern character (`tails`).

use super::classes::{
    BONUS_CAMEL, BONUS_CONSECUTIVE, BONUS_FIRST_CHAR_MULTIPLIER, BONUS_HEAD, Class, GAP_EXTENSION,
    SCORE_MATCH, class_of,
};
use super::window::DROPPED_MARGIN;
use super::{Pattern, Scorer, Signature};

impl Pattern {
    /// An upper bound of the score of any text, before the allowances of [`Pattern::bound`];
    /// fills `camel_rows`.
    ///
    /// Along the best alignment, the first character scores at most a match plus the head
    /// bonus less one (the leading gap). Every later one scores a match plus either the
    /// consecutive bonus, `max(bonus, 4)`, or after a gap its bonus less at least 4: at most 8
    /// more when the character before it in the query is a separator (its match can only
    /// follow one), 6 where it can land on a camel hump, else 4. The crate's reuse of rows
    /// only ever drops characters from an alignment, which lowers it.
    pub(super) fn bounds(&mut self) -> i64 {
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

    /// An upper bound of the score of a text with this [`Signature`]: cheap, and for most
    /// texts close to the best score they can have, so that texts whose bound cannot beat the
    /// results kept so far need no scoring. The tighter of the pattern's own bound (with the
    /// text's camel humps and first character) and, for a pattern of small letters, the
    /// signature's ([`Pattern::signature_bound`]).
    pub fn bound(&self, signature: &Signature) -> i64 {
        let bound = self.bound_without_signature(signature);
        self.signature_bound(signature)
            .map_or(bound, |tighter| tighter.min(bound))
    }

    /// The pattern's own bound with the text's camel humps and first character.
    fn bound_without_signature(&self, signature: &Signature) -> i64 {
        let mut bound = self.bound;
        let mut humps = signature.humps();
        while humps != 0 {
            let letter = humps.trailing_zeros() as usize;
            humps &= humps - 1;
            let rows = self.camel_rows.get(letter).copied().unwrap_or(0);
            bound += i64::from(rows) * i64::from(BONUS_CAMEL - BONUS_CONSECUTIVE);
        }
        // A match at the very start earns the head bonus twice.
        if let (Some(c), Some(&p)) = (signature.first(), self.chars.first())
            && self.equal(c, p)
        {
            bound += i64::from(BONUS_HEAD * (BONUS_FIRST_CHAR_MULTIPLIER - 1));
        }
        bound
    }

    /// [`Pattern::bound`], without the signature's programme where it seldom changes what a
    /// single term's search decides against `bar`: the programme gives no less than
    /// [`Pattern::signature_floor`] to a text holding the pattern's adjacent pairs, so when
    /// `bar` is far below that, its bound turns away only texts missing a pair, and lets
    /// [`Pattern::may_beat`] look in windows (which needs a bar within `DROPPED_MARGIN` of the
    /// bound) in no other; the pattern's own bound, looser, serves. For a long pattern
    /// against a low bar (every text of `semiconducto`'s 100,000-claim search) that is a
    /// twelve-step programme per text saved; "semicon" would turn away 1,590 texts of 184,691.
    pub fn bound_against(&self, signature: &Signature, bar: i64) -> i64 {
        match self.floor {
            Some(floor) if bar.saturating_add(DROPPED_MARGIN) < floor => {
                self.bound_without_signature(signature)
            }
            _ => self.bound(signature),
        }
    }
}

impl Scorer {
    /// `tails` for a text with these camel-case humps: only row-by-row scoring gives up
    /// early, so only it needs them.
    pub(super) fn fill_tails(&mut self, pattern: &Pattern, humps: u32) {
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
}
