//! A caret in an article's text, moved by vim's motions, and the selection `v` starts at it.
//!
//! Positions are bytes of a block's rendered text (what the reader shows and what quotes are
//! matched against), so the selected words are a quote `check` finds. The motions know the
//! article and its wrapped layout, nothing of keys or terminals.

mod motion;

use motion::char_at;
pub use motion::moved;

use crate::flow::{Flow, Source};
use crate::model::{Article, ArticleIx};
use crate::text;

/// A place in an article: a block and a byte offset of its text (at a character boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Point {
    pub block: usize,
    pub byte: usize,
}

/// The caret of one article pane, and where a selection started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caret {
    pub article: ArticleIx,
    pub at: Point,
    /// Where `v` was pressed; `None` while nothing is selected.
    pub anchor: Option<Point>,
    /// `g` was pressed: a second `g` goes to the top.
    pub pending_g: bool,
}

/// One motion of the caret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    Up,
    Down,
    /// `w`: the start of the next word.
    WordForward,
    /// `b`: the start of this or the previous word.
    WordBack,
    /// `e`: the end of this or the next word.
    WordEnd,
    /// `0` and `$`: the start and the last character of the paragraph (vim's line).
    LineStart,
    LineEnd,
    /// `(` and `)`: the start of this or the previous sentence, of the next one.
    SentenceBack,
    SentenceForward,
    /// `{` and `}`: the start of this or the previous paragraph, of the next one.
    ParagraphBack,
    ParagraphForward,
    /// `gg` and `G`.
    First,
    Last,
}

impl Motion {
    /// The motion a key names in caret mode (`g` alone is a prefix, handled by the caller).
    pub fn of_key(c: char) -> Option<Self> {
        Some(match c {
            'h' => Self::Left,
            'l' => Self::Right,
            'k' => Self::Up,
            'j' => Self::Down,
            'w' => Self::WordForward,
            'b' => Self::WordBack,
            'e' => Self::WordEnd,
            '0' => Self::LineStart,
            '$' => Self::LineEnd,
            'G' => Self::Last,
            '(' => Self::SentenceBack,
            ')' => Self::SentenceForward,
            '{' => Self::ParagraphBack,
            '}' => Self::ParagraphForward,
            _ => return None,
        })
    }
}

/// Whether a block holds text a caret can stand in.
fn has_text(article: &Article, block: usize) -> bool {
    article
        .doc
        .blocks
        .get(block)
        .is_some_and(|b| !b.text.is_empty())
}

fn text_of(article: &Article, block: usize) -> &str {
    article
        .doc
        .blocks
        .get(block)
        .map_or("", |b| b.text.as_str())
}

/// The first position with text at or after `block` (forward) or at or before it.
fn block_with_text(article: &Article, block: usize, forward: bool) -> Option<usize> {
    let n = article.doc.blocks.len();
    if forward {
        (block..n).find(|&b| has_text(article, b))
    } else {
        (0..=block.min(n.checked_sub(1)?))
            .rev()
            .find(|&b| has_text(article, b))
    }
}

/// Where a caret starts: the first character of the first line on screen with text, or of
/// the article.
pub fn start(article: &Article, flow: &Flow, top: usize) -> Point {
    let on_screen = flow.lines.iter().skip(top).find_map(|l| match l.source {
        Source::Block(b) if has_text(article, b) => Some(Point {
            block: b,
            byte: l.range.start,
        }),
        _ => None,
    });
    on_screen.unwrap_or_else(|| first(article))
}

fn first(article: &Article) -> Point {
    Point {
        block: block_with_text(article, 0, true).unwrap_or(0),
        byte: 0,
    }
}

/// `p` made valid for `article` (after a reload changed its text): inside a block, on a
/// character boundary.
pub fn clamp(article: &Article, p: Point) -> Point {
    if !has_text(article, p.block) {
        return first(article);
    }
    let t = text_of(article, p.block);
    let mut byte = p.byte.min(t.len());
    while !t.is_char_boundary(byte) {
        byte -= 1;
    }
    Point {
        block: p.block,
        byte,
    }
}

/// The character shown at `column` of screen line `line` (the line's last when the column is
/// past its end); `None` off the article's text.
pub fn point_at(article: &Article, flow: &Flow, line: usize, column: usize) -> Option<Point> {
    let l = flow.lines.get(line)?;
    let Source::Block(b) = l.source else {
        return None;
    };
    let block = article.doc.blocks.get(b)?;
    let shown = block.text.get(l.range.clone()).filter(|s| !s.is_empty())?;
    let column = column.checked_sub(crate::flow::indent(block))?;
    let mut x = 0;
    let mut last = l.range.start;
    for (i, c) in shown.char_indices() {
        last = l.range.start + i;
        x += text::width(c.encode_utf8(&mut [0; 4]));
        if x > column {
            break;
        }
    }
    Some(Point {
        block: b,
        byte: last,
    })
}

/// The selected range, start to the end of the character under its last point.
pub fn selection(article: &Article, caret: &Caret) -> Option<(Point, Point)> {
    let anchor = caret.anchor?;
    let (start, last) = if anchor <= caret.at {
        (anchor, caret.at)
    } else {
        (caret.at, anchor)
    };
    let end = Point {
        byte: last.byte + char_at(article, last).map_or(0, char::len_utf8),
        ..last
    };
    Some((start, end))
}

/// Why a selection cannot be a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteError {
    Nothing,
    AcrossParagraphs,
}

impl std::fmt::Display for QuoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Nothing => "Select the words to quote first: v, then move.",
            Self::AcrossParagraphs => "A quote stays within one paragraph: shorten the selection.",
        })
    }
}

/// The selected words as the article has them, blanks at either end left out.
pub fn quote(article: &Article, caret: &Caret) -> Result<String, QuoteError> {
    let (start, end) = selection(article, caret).ok_or(QuoteError::Nothing)?;
    if start.block != end.block {
        return Err(QuoteError::AcrossParagraphs);
    }
    let t = text_of(article, start.block);
    let words = t.get(start.byte..end.byte).unwrap_or("").trim();
    if words.is_empty() {
        return Err(QuoteError::Nothing);
    }
    Ok(words.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    const DEBATE: &str = r#"
title = "D"

[[framings]]
id = "f"
name = "F"
thesis = "x"

[[framings]]
id = "g"
name = "G"
thesis = "y"

[[articles]]
id = "a"
title = "T"
text = """
One two, three.

Four five_six.
"""
"#;

    fn article() -> Article {
        Debate::from_toml(DEBATE).expect("loads").articles[0].clone()
    }

    fn walk_keys(keys: &str) -> Point {
        let a = article();
        let flow = Flow::build(&a, 40);
        let mut at = start(&a, &flow, 0);
        for c in keys.chars() {
            at = moved(&a, &flow, at, Motion::of_key(c).expect("motion"));
        }
        at
    }

    fn p(block: usize, byte: usize) -> Point {
        Point { block, byte }
    }

    #[test]
    fn words_forward_stop_at_words_and_marks() {
        assert_eq!(walk_keys(""), p(0, 0));
        assert_eq!(walk_keys("w"), p(0, 4));
        assert_eq!(walk_keys("ww"), p(0, 7));
        assert_eq!(walk_keys("www"), p(0, 9));
        assert_eq!(walk_keys("wwww"), p(0, 14));
        // Across the paragraph break.
        assert_eq!(walk_keys("wwwww"), p(1, 0));
        assert_eq!(walk_keys("wwwwww"), p(1, 5));
    }

    #[test]
    fn word_ends_and_backs() {
        assert_eq!(walk_keys("e"), p(0, 2));
        assert_eq!(walk_keys("ee"), p(0, 6));
        assert_eq!(walk_keys("eee"), p(0, 7));
        assert_eq!(walk_keys("wwwwwb"), p(0, 14));
        assert_eq!(walk_keys("wwwwwbb"), p(0, 9));
        assert_eq!(walk_keys("wwb"), p(0, 4));
    }

    #[test]
    fn line_motions_and_ends() {
        assert_eq!(walk_keys("$"), p(0, 14));
        assert_eq!(walk_keys("$0"), p(0, 0));
        assert_eq!(walk_keys("ll"), p(0, 2));
        assert_eq!(walk_keys("h"), p(0, 0));
        assert_eq!(walk_keys("G"), p(1, 0));
        assert_eq!(walk_keys("j"), p(1, 0));
        assert_eq!(walk_keys("lllj"), p(1, 3));
        assert_eq!(walk_keys("jk"), p(0, 0));
    }

    #[test]
    fn sentences_and_paragraphs() {
        assert_eq!(walk_keys(")"), p(1, 0));
        assert_eq!(walk_keys("})"), p(1, 0));
        assert_eq!(walk_keys("}"), p(1, 0));
        assert_eq!(walk_keys("}{"), p(0, 0));
        assert_eq!(walk_keys("}l{"), p(1, 0));
        assert_eq!(walk_keys("}("), p(0, 0));
        let s: Vec<usize> = motion::sentences("One. “Two!” Three? Four.Five").collect();
        assert_eq!(s, [0, 5, 16, 23]);
    }

    #[test]
    fn a_selection_is_the_words_between_and_under_the_caret() {
        let a = article();
        let mut caret = Caret {
            article: Debate::first_article_ix(),
            at: p(0, 4),
            anchor: None,
            pending_g: false,
        };
        assert_eq!(quote(&a, &caret), Err(QuoteError::Nothing));
        caret.anchor = Some(p(0, 14));
        assert_eq!(quote(&a, &caret).as_deref(), Ok("two, three."));
        caret.at = p(1, 0);
        assert_eq!(quote(&a, &caret), Err(QuoteError::AcrossParagraphs));
    }
}
