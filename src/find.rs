//! Less-style search in the text of one article: the pattern as typed, every place it occurs
//! in the article's blocks, and which of them is current (what `n`/`N` step through).
//!
//! Matches are (block, byte range) pairs, so they do not depend on the column width; the reader
//! turns them into screen lines through its flow. Smart case as in less `-i` and vim
//! `smartcase`: a pattern with no capital letter ignores case, one with a capital respects it.

use std::ops::Range;

use crate::model::Article;

/// One occurrence of the pattern in a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
}

/// A search in the text of the article pane it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub pattern: String,
    /// Whether the pattern is still being typed (the status line shows the prompt).
    pub editing: bool,
    /// Every match, in text order.
    pub matches: Vec<Match>,
    /// Index into `matches` of the match the reader shows.
    pub current: Option<usize>,
    /// The reader's top line when the search started: Esc while typing returns there, and the
    /// incremental search looks for the first match from there.
    pub origin: usize,
}

/// Whether a pattern is matched ignoring case: it has no capital letter.
pub fn ignores_case(pattern: &str) -> bool {
    !pattern.chars().any(char::is_uppercase)
}

/// Every occurrence of `pattern` in `text`, as byte ranges of `text`, not overlapping. Quote
/// marks match each other as in quotes (a typed `'` finds the text's `’`), and a pattern without
/// a capital ignores case.
pub fn find_in(text: &str, pattern: &str) -> Vec<Range<usize>> {
    if pattern.is_empty() {
        return Vec::new();
    }
    let ignore_case = ignores_case(pattern);
    let fold = |c: char, into: &mut String| {
        let c = crate::model::quote::fold(c);
        if ignore_case {
            into.extend(c.to_lowercase());
        } else {
            into.push(c);
        }
    };
    let mut needle = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        fold(c, &mut needle);
    }
    // Folding may change lengths ('İ' lowercases to two chars, ’ is three bytes and ' one): fold
    // the text keeping, for every folded byte, the original byte it came from, and map matches
    // back through it.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let before = folded.len();
        fold(c, &mut folded);
        origin.extend(std::iter::repeat_n(i, folded.len() - before));
    }
    origin.push(text.len());
    folded
        .match_indices(needle.as_str())
        .filter_map(|(i, m)| {
            let start = origin[i];
            let end_byte = i + m.len();
            // The end is the start of the first original char not in the match.
            let end = origin[end_byte..]
                .iter()
                .copied()
                .find(|&o| o > origin[end_byte - 1])
                .unwrap_or(text.len());
            (start < end).then_some(start..end)
        })
        .collect()
}

/// Every occurrence of `pattern` in an article's blocks, in text order.
pub fn find_in_article(article: &Article, pattern: &str) -> Vec<Match> {
    article
        .doc
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| {
            find_in(&b.text, pattern)
                .into_iter()
                .map(move |range| Match { block, range })
        })
        .collect()
}

impl Find {
    /// A search starting with an empty pattern, typed from a reader whose top line is `origin`.
    pub fn start(origin: usize) -> Self {
        Self {
            editing: true,
            origin,
            ..Self::default()
        }
    }

    /// Sets the pattern and finds its matches; the current match becomes the first one that
    /// `line_of` places at or after the origin (wrapping to the first match).
    pub fn set_pattern(
        &mut self,
        article: &Article,
        pattern: String,
        line_of: impl Fn(&Match) -> usize,
    ) {
        self.matches = find_in_article(article, &pattern);
        self.pattern = pattern;
        self.current = self.first_from(self.origin, line_of);
    }

    /// The first match on or after `line`, else the first match.
    pub fn first_from(&self, line: usize, line_of: impl Fn(&Match) -> usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        Some(
            self.matches
                .iter()
                .position(|m| line_of(m) >= line)
                .unwrap_or(0),
        )
    }

    /// Moves to the next or previous match, wrapping around; returns whether it wrapped.
    /// Without a current match, starts at the first (forward) or last (backward).
    pub fn step(&mut self, forward: bool) -> bool {
        let n = self.matches.len();
        if n == 0 {
            self.current = None;
            return false;
        }
        let (next, wrapped) = match (self.current, forward) {
            (None, true) => (0, false),
            (None, false) => (n - 1, false),
            (Some(i), true) if i + 1 < n => (i + 1, false),
            (Some(_), true) => (0, true),
            (Some(i), false) if i > 0 => (i - 1, false),
            (Some(_), false) => (n - 1, true),
        };
        self.current = Some(next);
        wrapped
    }

    /// Forgets which match is current: the reader went elsewhere by another way than `n`/`N`
    /// (a jump from the finder, the claim list, a bookmark), so "match 3/4" would name a match
    /// no longer in view. The pattern and its highlights stay, as in less.
    pub fn lose_place(&mut self) {
        self.current = None;
    }

    /// `n`/`N`: like [`Find::step`], but without a current match the step starts from the
    /// screen, as vim's does from the cursor: forward to the first match on or after line
    /// `top`, backward to the last one before it (wrapping round the article).
    pub fn step_from(
        &mut self,
        forward: bool,
        top: usize,
        line_of: impl Fn(&Match) -> usize,
    ) -> bool {
        let n = self.matches.len();
        if self.current.is_some() || n == 0 {
            return self.step(forward);
        }
        let after = self.matches.iter().position(|m| line_of(m) >= top);
        let (next, wrapped) = match (after, forward) {
            (Some(i), true) => (i, false),
            (None, true) => (0, true),
            (Some(0), false) => (n - 1, true),
            (Some(i), false) => (i - 1, false),
            (None, false) => (n - 1, false),
        };
        self.current = Some(next);
        wrapped
    }

    pub fn current_match(&self) -> Option<&Match> {
        self.current.and_then(|i| self.matches.get(i))
    }

    /// "match 3/17", or what the user needs to know when there is none.
    pub fn position(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) if self.pattern.is_empty() => "type a pattern".into(),
            (_, 0) => "no match".into(),
            (Some(i), n) => format!("match {}/{n}", i + 1),
            (None, n) => format!("{n} matches"),
        }
    }

    /// The matches in one block, with whether each is the current one.
    pub fn in_block(&self, block: usize) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        let first = self.matches.partition_point(|m| m.block < block);
        self.matches[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.block == block)
            .map(move |(i, m)| (m.range.clone(), self.current == Some(first + i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    #[test]
    fn smart_case() {
        assert!(ignores_case("durov"));
        assert!(!ignores_case("Durov"));
        assert_eq!(find_in("Durov and durov", "durov"), vec![0..5, 10..15]);
        assert_eq!(find_in("Durov and durov", "Durov"), vec![0..5]);
        assert_eq!(find_in("DUROV", "durov"), vec![0..5]);
    }

    #[test]
    fn ranges_are_bytes_of_the_original_text_even_when_folding_changes_lengths() {
        // 'İ' (2 bytes) lowercases to "i̇" (3 bytes): matches after it must still line up.
        let text = "İstanbul, then Straße and straße";
        let hits = find_in(text, "straße");
        assert_eq!(hits.len(), 2);
        for r in &hits {
            assert_eq!(text[r.clone()].to_lowercase(), "straße");
        }
        let i = find_in(text, "i̇");
        assert_eq!(i, vec![0..2]);
    }

    /// The article's apostrophes are curly; the keyboard's are straight.
    #[test]
    fn a_straight_apostrophe_finds_a_curly_one() {
        let text = "China’s tech and China's chips, «quoted» and \"quoted\"";
        let found: Vec<&str> = find_in(text, "china's")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, ["China’s", "China's"]);
        let found: Vec<&str> = find_in(text, "China’s")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, ["China’s", "China's"]);
        assert_eq!(find_in(text, "\"quoted\"").len(), 2);
    }

    #[test]
    fn empty_pattern_matches_nothing() {
        assert!(find_in("abc", "").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(find_in("aaaa", "aa"), vec![0..2, 2..4]);
    }

    #[test]
    fn stepping_wraps_both_ways() {
        let mut f = Find {
            matches: (0..3)
                .map(|b| Match {
                    block: b,
                    range: 0..1,
                })
                .collect(),
            ..Find::default()
        };
        assert!(!f.step(true));
        assert_eq!(f.current, Some(0));
        assert!(!f.step(true));
        assert!(!f.step(true));
        assert_eq!(f.position(), "match 3/3");
        assert!(f.step(true));
        assert_eq!(f.current, Some(0));
        assert!(f.step(false));
        assert_eq!(f.current, Some(2));
        let mut none = Find::default();
        assert!(!none.step(true));
        assert_eq!(none.current, None);
    }

    /// After a jump the current match is forgotten: the status counts the matches, and `n`/`N`
    /// go on from the screen's top line (here a match's line is its block).
    #[test]
    fn without_a_current_match_steps_start_from_the_screen() {
        let three = Find {
            matches: [2, 5, 9]
                .into_iter()
                .map(|b| Match {
                    block: b,
                    range: 0..1,
                })
                .collect(),
            current: Some(0),
            ..Find::default()
        };
        let line_of = |m: &Match| m.block;
        let mut f = three.clone();
        f.lose_place();
        assert_eq!(f.position(), "3 matches");
        assert!(!f.step_from(true, 5, line_of));
        assert_eq!(f.current, Some(1), "the match on the top line");
        let mut f = three.clone();
        f.lose_place();
        assert!(!f.step_from(false, 5, line_of));
        assert_eq!(f.current, Some(0), "the last match above the top");
        let mut f = three.clone();
        f.lose_place();
        assert!(
            f.step_from(true, 10, line_of),
            "none below: wraps to the first"
        );
        assert_eq!(f.current, Some(0));
        let mut f = three.clone();
        f.lose_place();
        assert!(
            f.step_from(false, 1, line_of),
            "none above: wraps to the last"
        );
        assert_eq!(f.current, Some(2));
        // With a current match, the step is from it, wherever the screen is.
        let mut f = three;
        assert!(!f.step_from(true, 9, line_of));
        assert_eq!(f.current, Some(1));
    }

    #[test]
    fn incremental_search_starts_from_the_origin_and_wraps() {
        let debate = Debate::embedded().expect("embedded debate");
        let article = &debate.articles[0];
        let line_of = |m: &Match| m.block;
        let mut f = Find::start(0);
        f.set_pattern(article, "china".into(), line_of);
        assert!(f.matches.len() > 1, "the embedded article mentions China");
        assert_eq!(f.current, Some(0));
        let last_block = f.matches.last().map_or(0, |m| m.block);
        f.origin = last_block + 1;
        f.set_pattern(article, "chin".into(), line_of);
        assert_eq!(
            f.current,
            Some(0),
            "past the last match it wraps to the first"
        );
        f.origin = f.matches[1].block;
        f.set_pattern(article, "china".into(), line_of);
        let at = f.current.expect("a match");
        assert!(f.matches[at].block >= f.origin);
        assert!(at == 0 || f.matches[at - 1].block < f.origin);
    }

    #[test]
    fn matches_of_a_block_mark_the_current_one() {
        let f = Find {
            matches: vec![
                Match {
                    block: 0,
                    range: 0..1,
                },
                Match {
                    block: 2,
                    range: 0..1,
                },
                Match {
                    block: 2,
                    range: 4..5,
                },
            ],
            current: Some(2),
            ..Find::default()
        };
        let in2: Vec<_> = f.in_block(2).collect();
        assert_eq!(in2, vec![(0..1, false), (4..5, true)]);
        assert_eq!(f.in_block(1).count(), 0);
    }

    #[test]
    fn position_says_what_there_is() {
        let mut f = Find::start(0);
        assert_eq!(f.position(), "type a pattern");
        f.pattern = "zzz".into();
        assert_eq!(f.position(), "no match");
    }
}
