//! The caret's motions: vim's characters, words, sentences, paragraphs and lines, over an
//! article's blocks (a paragraph break ends a word and a sentence).

use super::{Motion, Point, block_with_text, first, text_of};
use crate::flow::{Flow, Source};
use crate::model::Article;
use crate::text;

/// Word classes as vim sees them: blanks, word characters, and other marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Word,
    Mark,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Blank
    } else if c.is_alphanumeric() || c == '_' {
        Class::Word
    } else {
        Class::Mark
    }
}

/// Every character of the article from `from` on (or before it, backwards), with its place;
/// a blank stands between blocks, so words never run across paragraphs.
fn walk(
    article: &Article,
    from: Point,
    forward: bool,
) -> Box<dyn Iterator<Item = (Point, char)> + '_> {
    let blocks = &article.doc.blocks;
    if forward {
        Box::new((from.block..blocks.len()).flat_map(move |b| {
            let t = &blocks[b].text;
            let skip = if b == from.block { from.byte } else { 0 };
            t[skip.min(t.len())..]
                .char_indices()
                .map(move |(i, c)| {
                    (
                        Point {
                            block: b,
                            byte: skip + i,
                        },
                        c,
                    )
                })
                .chain(std::iter::once((
                    Point {
                        block: b,
                        byte: t.len(),
                    },
                    '\n',
                )))
        }))
    } else {
        Box::new(
            (0..=from.block.min(blocks.len().saturating_sub(1)))
                .rev()
                .flat_map(move |b| {
                    let t = &blocks[b].text;
                    let end = if b == from.block {
                        from.byte.min(t.len())
                    } else {
                        t.len()
                    };
                    std::iter::once((
                        Point {
                            block: b,
                            byte: t.len(),
                        },
                        '\n',
                    ))
                    .filter(move |_| b != from.block)
                    .chain(
                        t[..end]
                            .char_indices()
                            .rev()
                            .map(move |(i, c)| (Point { block: b, byte: i }, c)),
                    )
                }),
        )
    }
}

/// Whether a point stands on a character (not at a block's end).
fn on_char(article: &Article, p: Point) -> bool {
    p.byte < text_of(article, p.block).len()
}

pub(super) fn char_at(article: &Article, p: Point) -> Option<char> {
    text_of(article, p.block).get(p.byte..)?.chars().next()
}

/// The caret moved by `motion`; it stays where it is when there is nowhere to go.
pub fn moved(article: &Article, flow: &Flow, at: Point, motion: Motion) -> Point {
    let t = text_of(article, at.block);
    let last_char = |t: &str| t.char_indices().next_back().map_or(0, |(i, _)| i);
    match motion {
        Motion::Left => Point {
            byte: t[..at.byte.min(t.len())]
                .char_indices()
                .next_back()
                .map_or(at.byte, |(i, _)| i),
            ..at
        },
        Motion::Right => {
            let next = at.byte + char_at(article, at).map_or(0, char::len_utf8);
            Point {
                byte: if next < t.len() { next } else { at.byte },
                ..at
            }
        }
        Motion::LineStart => Point { byte: 0, ..at },
        Motion::LineEnd => Point {
            byte: last_char(t),
            ..at
        },
        Motion::First => first(article),
        Motion::Last => block_with_text(article, article.doc.blocks.len().saturating_sub(1), false)
            .map_or(at, |block| Point { block, byte: 0 }),
        Motion::Up | Motion::Down => vertical(article, flow, at, motion == Motion::Down),
        Motion::WordForward => word_forward(article, at).unwrap_or(at),
        Motion::WordEnd => word_end(article, at).unwrap_or(at),
        Motion::WordBack => word_back(article, at).unwrap_or(at),
        Motion::ParagraphForward => next_block(article, at.block).unwrap_or(at),
        Motion::ParagraphBack if at.byte > 0 => Point { byte: 0, ..at },
        Motion::ParagraphBack => {
            previous_block(article, at.block).map_or(at, |block| Point { block, byte: 0 })
        }
        Motion::SentenceForward => sentences(t)
            .find(|&s| s > at.byte)
            .map(|byte| Point { byte, ..at })
            .or_else(|| next_block(article, at.block))
            .unwrap_or(at),
        Motion::SentenceBack => sentences(t)
            .take_while(|&s| s < at.byte)
            .last()
            .map(|byte| Point { byte, ..at })
            .or_else(|| {
                let block = previous_block(article, at.block)?;
                let byte = sentences(text_of(article, block)).last()?;
                Some(Point { block, byte })
            })
            .unwrap_or(at),
    }
}

fn next_block(article: &Article, block: usize) -> Option<Point> {
    block_with_text(article, block + 1, true).map(|block| Point { block, byte: 0 })
}

fn previous_block(article: &Article, block: usize) -> Option<usize> {
    block_with_text(article, block.checked_sub(1)?, false)
}

/// Where the sentences of a paragraph start: its start, and the first character after a
/// `.`, `!` or `?` (and any closing quote or bracket) followed by a blank.
pub(super) fn sentences(t: &str) -> impl Iterator<Item = usize> + '_ {
    let mut ended = false;
    let mut blank = false;
    std::iter::once(0).chain(t.char_indices().filter_map(move |(i, c)| {
        let start = ended && blank && !c.is_whitespace();
        if start {
            ended = false;
            blank = false;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            ended = true;
            blank = false;
        } else if c.is_whitespace() {
            blank = ended;
        } else if !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            ended = false;
        }
        start.then_some(i)
    }))
}

fn word_forward(article: &Article, at: Point) -> Option<Point> {
    let here = char_at(article, at).map_or(Class::Blank, class);
    let mut chars = walk(article, at, true).skip(1).peekable();
    // Past the rest of this word, then past blanks, to a character that starts a word.
    let mut previous = here;
    for (p, c) in chars.by_ref() {
        let k = class(c);
        if k != Class::Blank && (k != previous || previous == Class::Blank) {
            return Some(p);
        }
        previous = k;
    }
    None
}

fn word_end(article: &Article, at: Point) -> Option<Point> {
    let mut chars = walk(article, at, true)
        .skip(1)
        .skip_while(|&(_, c)| class(c) == Class::Blank);
    let (mut end, c) = chars.next()?;
    let k = class(c);
    for (p, c) in chars {
        if class(c) != k {
            break;
        }
        end = p;
    }
    on_char(article, end).then_some(end)
}

fn word_back(article: &Article, at: Point) -> Option<Point> {
    let mut chars = walk(article, at, false).skip_while(|&(_, c)| class(c) == Class::Blank);
    let (mut start, c) = chars.next()?;
    let k = class(c);
    for (p, c) in chars {
        if class(c) != k {
            break;
        }
        start = p;
    }
    Some(start)
}

/// `j`/`k`: the same column on the next or previous screen line with text.
fn vertical(article: &Article, flow: &Flow, at: Point, down: bool) -> Point {
    let line = flow.line_of_block_byte(at.block, at.byte);
    let Some(here) = flow.lines.get(line) else {
        return at;
    };
    let t = text_of(article, at.block);
    let column = text::width(t.get(here.range.start..at.byte).unwrap_or(""));
    let candidates: Box<dyn Iterator<Item = usize>> = if down {
        Box::new(line + 1..flow.len())
    } else {
        Box::new((0..line).rev())
    };
    for l in candidates {
        let target = &flow.lines[l];
        let Source::Block(b) = target.source else {
            continue;
        };
        let t = text_of(article, b);
        if target.range.is_empty() || t.is_empty() {
            continue;
        }
        let mut byte = target.range.start;
        for (i, c) in t[target.range.clone()].char_indices() {
            byte = target.range.start + i;
            if text::width(&t[target.range.start..byte]) + text::width(c.encode_utf8(&mut [0; 4]))
                > column
            {
                break;
            }
        }
        return Point { block: b, byte };
    }
    at
}
