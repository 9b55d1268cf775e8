//! An article laid out for a column width: the screen lines it wraps into, each tied back to
//! the header field or text block it comes from.
//!
//! Built once per (article, width) by `update` and kept in the reader's state, so drawing a
//! frame only slices lines that are already wrapped. Positions are kept as anchors into the text,
//! not line numbers, so they survive a change of width.

use std::ops::Range;

use crate::model::{Article, Block, BlockKind};
use crate::text;

/// Where a screen line's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Title,
    Subtitle,
    Byline,
    /// The article's source address (control characters made visible).
    Url,
    /// What the colours of the quotes mean under the active framing.
    Legend,
    /// An empty line between blocks; its anchor's byte is the index of the block below it.
    Gap,
    /// A block of the article's text, by index.
    Block(usize),
}

/// One screen line of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowLine {
    pub source: Source,
    /// Byte range of the source's text shown on this line.
    pub range: Range<usize>,
    /// Whether this is the first line of its block (list markers go there).
    pub first: bool,
}

/// A point in an article's text that does not depend on the width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextAnchor {
    pub source: Source,
    pub byte: usize,
}

/// An article wrapped to a width.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    pub width: u16,
    pub lines: Vec<FlowLine>,
    /// For each block, the range of its lines.
    block_lines: Vec<Range<usize>>,
}

/// Columns a block is indented by: its quote bars and list marker.
pub fn indent(block: &Block) -> usize {
    let quote = usize::from(block.quote_depth) * 2;
    match &block.kind {
        BlockKind::Item { depth, marker } => {
            quote + usize::from(*depth) * 2 + text::width(marker) + 1
        }
        BlockKind::Code => quote + 2,
        _ => quote,
    }
}

impl Flow {
    /// Lays out an article in a column `width` cells wide.
    pub fn build(article: &Article, width: u16) -> Self {
        let w = usize::from(width).max(1);
        let mut lines = Vec::new();
        let push_wrapped = |lines: &mut Vec<FlowLine>, source, s: &str, width: usize| {
            for (i, range) in text::wrap(s, width).into_iter().enumerate() {
                lines.push(FlowLine {
                    source,
                    range,
                    first: i == 0,
                });
            }
        };
        push_wrapped(&mut lines, Source::Title, &article.title, w);
        if let Some(subtitle) = &article.subtitle {
            push_wrapped(&mut lines, Source::Subtitle, subtitle, w);
        }
        let byline = article.byline();
        if !byline.is_empty() {
            push_wrapped(&mut lines, Source::Byline, &byline, w);
        }
        if let Some(url) = &article.url {
            push_wrapped(&mut lines, Source::Url, &text::clean(url), w);
        }
        if !article.claims.is_empty() {
            lines.push(FlowLine {
                source: Source::Legend,
                range: 0..0,
                first: true,
            });
        }
        let mut block_lines = Vec::with_capacity(article.doc.blocks.len());
        let mut previous: Option<&Block> = None;
        for (i, block) in article.doc.blocks.iter().enumerate() {
            let tight = matches!(
                (previous.map(|p| &p.kind), &block.kind),
                (Some(BlockKind::Item { .. }), BlockKind::Item { .. })
            );
            if !tight {
                // The gap's "range" is the index of the block below it, empty: a gap at the top
                // of the screen then has an anchor that finds this gap again at any width.
                lines.push(FlowLine {
                    source: Source::Gap,
                    range: i..i,
                    first: true,
                });
            }
            let first_line = lines.len();
            if block.kind == BlockKind::Rule {
                lines.push(FlowLine {
                    source: Source::Block(i),
                    range: 0..0,
                    first: true,
                });
            } else {
                let inner = w.saturating_sub(indent(block)).max(1);
                push_wrapped(&mut lines, Source::Block(i), &block.text, inner);
            }
            block_lines.push(first_line..lines.len());
            previous = Some(block);
        }
        Self {
            width,
            lines,
            block_lines,
        }
    }

    /// The width-independent position of a line's start.
    pub fn anchor(&self, line: usize) -> TextAnchor {
        match self.lines.get(line) {
            Some(l) => TextAnchor {
                source: l.source,
                byte: l.range.start,
            },
            None => TextAnchor {
                source: Source::Title,
                byte: 0,
            },
        }
    }

    /// The line that shows an anchor (the line containing its byte).
    pub fn line_of(&self, anchor: TextAnchor) -> usize {
        let candidates = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.source == anchor.source);
        let mut best = None;
        for (i, l) in candidates {
            if l.range.start <= anchor.byte || best.is_none() {
                best = Some(i);
            }
        }
        best.unwrap_or(0)
    }

    /// The line on which a byte of a block stands (a binary search among the block's lines).
    pub fn line_of_block_byte(&self, block: usize, byte: usize) -> usize {
        let Some(range) = self.block_lines.get(block) else {
            return 0;
        };
        let start = range.start;
        let within = &self.lines[range.clone()];
        // The last line of the block that starts at or before the byte.
        start
            + within
                .partition_point(|l| l.range.start <= byte)
                .saturating_sub(1)
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Debate;

    fn article() -> Article {
        let debate = Debate::embedded().expect("embedded debate");
        debate.articles[1].clone()
    }

    #[test]
    fn header_then_blocks_with_gaps() {
        let flow = Flow::build(&article(), 60);
        assert_eq!(flow.lines[0].source, Source::Title);
        assert!(flow.lines.iter().any(|l| l.source == Source::Byline));
        assert!(flow.lines.iter().any(|l| l.source == Source::Block(0)));
        assert!(
            flow.lines
                .iter()
                .all(|l| l.source != Source::Block(0) || l.range.end > l.range.start)
        );
    }

    #[test]
    fn anchors_survive_a_change_of_width() {
        let a = article();
        let wide = Flow::build(&a, 88);
        let narrow = Flow::build(&a, 30);
        let line = wide.line_of_block_byte(5, 200);
        let anchor = wide.anchor(line);
        let there = narrow.line_of(anchor);
        let back = wide.line_of(narrow.anchor(there));
        assert_eq!(narrow.lines[there].source, Source::Block(5));
        assert!(
            narrow.lines[there].range.start <= anchor.byte
                && anchor.byte <= narrow.lines[there].range.end
        );
        assert_eq!(back, line);
    }

    /// A resize with an empty line at the top kept the top only for text: every gap's anchor
    /// found the article's last gap.
    #[test]
    fn every_gap_is_found_again_at_another_width() {
        let a = article();
        let wide = Flow::build(&a, 88);
        let narrow = Flow::build(&a, 30);
        let gaps: Vec<usize> = (0..wide.len())
            .filter(|&i| wide.lines[i].source == Source::Gap)
            .collect();
        assert!(gaps.len() > 3, "the article has paragraphs");
        for line in gaps {
            let there = narrow.line_of(wide.anchor(line));
            assert_eq!(narrow.lines[there].source, Source::Gap);
            assert_eq!(
                narrow.lines[there + 1].source,
                wide.lines[line + 1].source,
                "the gap above the same block"
            );
            assert_eq!(wide.line_of(narrow.anchor(there)), line);
        }
    }

    #[test]
    fn lines_fit_their_width() {
        let a = article();
        for width in [1u16, 2, 7, 40, 88] {
            let flow = Flow::build(&a, width);
            for l in &flow.lines {
                if let Source::Block(b) = l.source {
                    let block = &a.doc.blocks[b];
                    let inner = usize::from(width).saturating_sub(indent(block)).max(1);
                    let shown = &block.text[l.range.clone()];
                    assert!(text::width(shown) <= inner.max(2), "{shown:?} at {width}");
                }
            }
        }
    }
}
