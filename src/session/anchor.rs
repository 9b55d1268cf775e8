//! A reading position that survives edits of the debate file: a block (paragraph) index, a
//! fingerprint of that block's opening words, a byte offset, and the words at the offset.
//!
//! Line numbers change with every resize and block indexes with every paragraph added above;
//! the fingerprint and the words at the offset let [`ReadingAnchor::restore`] find the place
//! again after other parts of the file were edited, and come close when its own block was.

use serde::{Deserialize, Serialize};

use crate::flow::{Source, TextAnchor};
use crate::model::Article;

/// Bytes of a block's opening kept as its fingerprint (cut back to a char boundary).
const FINGERPRINT_BYTES: usize = 40;
/// Bytes of text kept from the anchored offset on (cut back to a char boundary).
const CONTEXT_BYTES: usize = 32;
/// Shorter context than this is too common a string to look for in other blocks.
const MIN_CONTEXT_TO_SEARCH: usize = 8;

/// A place in an article's text, independent of width and of edits elsewhere in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingAnchor {
    /// Index of the block in the article when the anchor was taken; `None` for the article's
    /// header (title, byline), which has no block.
    pub block: Option<usize>,
    /// The opening of that block's text.
    pub fingerprint: String,
    /// Byte offset in the block's text.
    pub offset: usize,
    /// The text of the block from `offset` on.
    pub context: String,
    /// Whether the place is the empty line just above the block rather than the block itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gap_above: bool,
}

/// How well a restored anchor matches what was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The same block with the same words at the same offset (possibly at a new index).
    Exact,
    /// The block or the words were found, but something around them changed.
    Moved,
    /// Neither was found: the nearest block that still exists, at its start.
    Approximate,
}

/// The result of restoring an anchor in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Restored {
    pub anchor: TextAnchor,
    pub fit: Fit,
}

/// The longest prefix of `s` that is at most `max` bytes and ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The largest char boundary of `s` at or below `byte`.
fn floor_boundary(s: &str, byte: usize) -> usize {
    let mut at = byte.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl ReadingAnchor {
    /// The anchor at the start of an article (its header).
    pub fn top() -> Self {
        Self {
            block: None,
            fingerprint: String::new(),
            offset: 0,
            context: String::new(),
            gap_above: false,
        }
    }

    /// The context's words, without the last one when the context was cut inside it (a
    /// context as long as is kept was cut; a block that ends just there loses a word).
    pub fn context_words(&self) -> &str {
        if self.context.len() + 4 <= CONTEXT_BYTES {
            return &self.context;
        }
        match self.context.rfind(char::is_whitespace) {
            Some(end) => self.context[..end].trim_end(),
            None => &self.context,
        }
    }

    /// The anchor at `byte` of block `block` of `article`; a block past the end gives the top.
    pub fn at_block(article: &Article, block: usize, byte: usize) -> Self {
        let Some(b) = article.doc.blocks.get(block) else {
            return Self::top();
        };
        let offset = floor_boundary(&b.text, byte);
        Self {
            block: Some(block),
            fingerprint: prefix(&b.text, FINGERPRINT_BYTES).to_owned(),
            offset,
            context: prefix(&b.text[offset..], CONTEXT_BYTES).to_owned(),
            gap_above: false,
        }
    }

    /// The anchor for a position of the reader (a line's start as the flow gives it).
    pub fn from_text_anchor(article: &Article, anchor: TextAnchor) -> Self {
        match anchor.source {
            Source::Block(block) => Self::at_block(article, block, anchor.byte),
            Source::Gap if anchor.byte < article.doc.blocks.len() => Self {
                gap_above: true,
                ..Self::at_block(article, anchor.byte, 0)
            },
            _ => Self::top(),
        }
    }

    /// Finds the anchor again in `article`, which may have been edited since it was taken.
    ///
    /// In order: a block that still opens with the fingerprint (the one nearest the old index,
    /// preferring one that still has the context at the offset); then the context anywhere, in
    /// the block nearest the old index; then the nearest block that still exists, at its start.
    pub fn restore(&self, article: &Article) -> Restored {
        let found = self.restore_in_text(article);
        match found.anchor.source {
            // The gap above the block found, when that is where the place was.
            Source::Block(block) if self.gap_above => restored(Source::Gap, block, found.fit),
            _ => found,
        }
    }

    /// [`ReadingAnchor::restore`] without the gap above: the block and byte.
    fn restore_in_text(&self, article: &Article) -> Restored {
        let Some(old) = self.block else {
            return restored(Source::Title, 0, Fit::Exact);
        };
        let texts: Vec<&str> = article.doc.blocks.iter().map(|b| b.text.as_str()).collect();
        if texts.is_empty() {
            return restored(Source::Title, 0, Fit::Approximate);
        }
        let by_distance = |a: &usize, b: &usize| a.abs_diff(old).cmp(&b.abs_diff(old));
        let context_here = |text: &str| {
            text.get(self.offset..)
                .is_some_and(|rest| rest.starts_with(&self.context))
        };

        let mut same_block: Vec<usize> = (0..texts.len())
            .filter(|&i| !self.fingerprint.is_empty() && texts[i].starts_with(&self.fingerprint))
            .collect();
        same_block.sort_by(by_distance);
        if let Some(&i) = same_block.iter().find(|&&i| context_here(texts[i])) {
            return restored(Source::Block(i), self.offset, Fit::Exact);
        }
        if let Some(&i) = same_block.first() {
            let byte = self
                .nearest_context(texts[i])
                .unwrap_or_else(|| floor_boundary(texts[i], self.offset));
            return restored(Source::Block(i), byte, Fit::Moved);
        }

        if self.context.len() >= MIN_CONTEXT_TO_SEARCH {
            let mut with_context: Vec<usize> = (0..texts.len())
                .filter(|&i| texts[i].contains(&self.context))
                .collect();
            with_context.sort_by(by_distance);
            if let Some(&i) = with_context.first() {
                let byte = self.nearest_context(texts[i]).unwrap_or(0);
                return restored(Source::Block(i), byte, Fit::Moved);
            }
        }
        restored(Source::Block(old.min(texts.len() - 1)), 0, Fit::Approximate)
    }

    /// The occurrence of the context in `text` nearest the saved offset.
    fn nearest_context(&self, text: &str) -> Option<usize> {
        if self.context.is_empty() {
            return None;
        }
        text.match_indices(&self.context)
            .map(|(at, _)| at)
            .min_by_key(|at| at.abs_diff(self.offset))
    }
}

fn restored(source: Source, byte: usize, fit: Fit) -> Restored {
    Restored {
        anchor: TextAnchor { source, byte },
        fit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    /// A one-article debate whose text is `paragraphs` joined by blank lines.
    fn article(paragraphs: &[&str]) -> Article {
        let text = paragraphs.join("\n\n");
        let source = format!(
            "title = \"T\"\n\
             [[framings]]\nid = \"a\"\nname = \"A\"\nthesis = \"A.\"\n\
             [[framings]]\nid = \"b\"\nname = \"B\"\nthesis = \"B.\"\n\
             [[articles]]\nid = \"x\"\ntitle = \"X\"\ntext = '''\n{text}\n'''\n"
        );
        let debate = Debate::from_toml(&source).expect("test debate loads");
        debate.articles[0].clone()
    }

    const FIRST: &str = "The first paragraph sets the scene at some length.";
    const SECOND: &str = "Second, the argument proper: export controls slowed nothing at all.";
    const THIRD: &str = "Third, a reply that the controls shaped what was built.";

    fn anchor_in_second(a: &Article) -> ReadingAnchor {
        let byte = SECOND.find("export").expect("word in text");
        ReadingAnchor::at_block(a, 1, byte)
    }

    fn block_and_byte(r: Restored) -> (Source, usize) {
        (r.anchor.source, r.anchor.byte)
    }

    #[test]
    fn the_empty_line_above_a_block_is_restored_as_that_line() {
        let a = article(&[FIRST, SECOND, THIRD]);
        let gap = TextAnchor {
            source: Source::Gap,
            byte: 2,
        };
        let saved = ReadingAnchor::from_text_anchor(&a, gap);
        assert!(saved.gap_above);
        assert_eq!(saved.block, Some(2));
        assert_eq!(saved.restore(&a).anchor, gap);
        // A paragraph added above: still the gap above the same paragraph.
        let edited = article(&["New opening.", FIRST, SECOND, THIRD]);
        let moved = saved.restore(&edited).anchor;
        assert_eq!((moved.source, moved.byte), (Source::Gap, 3));
    }

    #[test]
    fn an_unchanged_article_gives_the_same_place_exactly() {
        let a = article(&[FIRST, SECOND, THIRD]);
        let anchor = anchor_in_second(&a);
        let r = anchor.restore(&a);
        assert_eq!(r.fit, Fit::Exact);
        assert_eq!(
            block_and_byte(r),
            (Source::Block(1), SECOND.find("export").unwrap())
        );
    }

    #[test]
    fn paragraphs_added_above_move_the_index_not_the_place() {
        let before = article(&[FIRST, SECOND, THIRD]);
        let anchor = anchor_in_second(&before);
        let after = article(&["A new opening.", "And another one.", FIRST, SECOND, THIRD]);
        let r = anchor.restore(&after);
        assert_eq!(r.fit, Fit::Exact);
        assert_eq!(
            block_and_byte(r),
            (Source::Block(3), SECOND.find("export").unwrap())
        );
    }

    #[test]
    fn paragraphs_removed_above_and_edits_below_leave_the_place() {
        let before = article(&[FIRST, SECOND, THIRD]);
        let anchor = anchor_in_second(&before);
        let after = article(&[SECOND, "Third, rewritten entirely."]);
        let r = anchor.restore(&after);
        assert_eq!(r.fit, Fit::Exact);
        assert_eq!(
            block_and_byte(r),
            (Source::Block(0), SECOND.find("export").unwrap())
        );
    }

    #[test]
    fn words_inserted_before_the_offset_in_the_same_block_are_followed() {
        let before = article(&[FIRST, SECOND, THIRD]);
        let anchor = anchor_in_second(&before);
        let edited = SECOND.replace("proper: ", "proper, as argued in 2025: ");
        let after = article(&[FIRST, &edited, THIRD]);
        let r = anchor.restore(&after);
        assert_eq!(r.fit, Fit::Moved);
        assert_eq!(
            block_and_byte(r),
            (Source::Block(1), edited.find("export").unwrap())
        );
    }

    #[test]
    fn a_rewritten_opening_is_found_by_the_words_at_the_offset() {
        let before = article(&[FIRST, SECOND, THIRD]);
        let anchor = anchor_in_second(&before);
        let edited = SECOND.replace("Second, the argument proper", "Next comes the claim");
        let after = article(&[FIRST, THIRD, &edited]);
        let r = anchor.restore(&after);
        assert_eq!(r.fit, Fit::Moved);
        assert_eq!(
            block_and_byte(r),
            (Source::Block(2), edited.find("export").unwrap())
        );
    }

    #[test]
    fn a_deleted_block_gives_the_nearest_block_that_remains() {
        let before = article(&[FIRST, SECOND, THIRD]);
        let anchor = ReadingAnchor::at_block(&before, 2, 10);
        let after = article(&[FIRST]);
        let r = anchor.restore(&after);
        assert_eq!(r.fit, Fit::Approximate);
        assert_eq!(block_and_byte(r), (Source::Block(0), 0));
    }

    #[test]
    fn offsets_inside_a_character_are_moved_back_to_its_start() {
        let a = article(&["Ça commence ici, déjà.", SECOND]);
        // Byte 1 is inside the two-byte "Ç".
        let anchor = ReadingAnchor::at_block(&a, 0, 1);
        assert_eq!(anchor.offset, 0);
        assert_eq!(anchor.restore(&a).anchor.byte, 0);
    }

    #[test]
    fn a_shortened_block_never_gives_an_offset_past_its_end() {
        let before = article(&[FIRST, SECOND]);
        let anchor = ReadingAnchor::at_block(&before, 1, SECOND.len() - 3);
        let short = &SECOND[..45];
        let after = article(&[FIRST, short]);
        let r = anchor.restore(&after);
        assert_eq!(r.anchor.source, Source::Block(1));
        assert!(r.anchor.byte <= short.len(), "{r:?}");
    }

    #[test]
    fn the_header_restores_to_the_top() {
        let a = article(&[FIRST]);
        let top = ReadingAnchor::from_text_anchor(
            &a,
            TextAnchor {
                source: Source::Byline,
                byte: 3,
            },
        );
        assert_eq!(top, ReadingAnchor::top());
        assert_eq!(block_and_byte(top.restore(&a)), (Source::Title, 0));
    }
}
