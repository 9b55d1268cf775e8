//! Markdown article text to display blocks: plain text per block plus inline style runs.
//!
//! The reader, search and quote anchoring all work on this rendered form, so that an emphasis
//! mark in the source never stops a quote from matching and never reaches the screen.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// An article's text as a list of blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

/// One paragraph, heading, list item, code block or rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// How many block quotes enclose this block.
    pub quote_depth: u8,
    /// The text as it reads: no Markdown marks; `\n` only for hard breaks and code lines.
    pub text: String,
    /// Non-overlapping styled byte ranges of `text`, in order.
    pub styles: Vec<(Range<usize>, Inline)>,
    /// Where runs of `text` come from in the Markdown source: (offset in `text`, offset in the
    /// source), one pair per run of text, in order.
    pub sources: Vec<(usize, usize)>,
    /// The links of the block: byte ranges of `text` and where they lead, in order.
    pub links: Vec<LinkSpan>,
}

/// A link in a block's text: the words that are the link and its target as the source wrote
/// it (not checked, not cleaned: whoever shows or opens it decides what is safe).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpan {
    pub range: Range<usize>,
    pub url: String,
}

impl Block {
    /// The byte offset in the Markdown source of a byte offset of `text`.
    pub fn source_offset(&self, offset: usize) -> usize {
        let i = self.sources.partition_point(|&(t, _)| t <= offset);
        match i.checked_sub(1).and_then(|i| self.sources.get(i)) {
            Some(&(t, s)) => s + (offset - t),
            None => self.sources.first().map_or(0, |&(_, s)| s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading(u8),
    Paragraph,
    /// A list item: nesting depth (0 for top level) and its marker ("•" or "3.").
    Item {
        depth: u8,
        marker: String,
    },
    Code,
    Rule,
}

/// Inline emphasis of a run of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct Inline {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub link: bool,
    pub strike: bool,
}

impl Inline {
    fn is_plain(self) -> bool {
        self == Self::default()
    }
}

/// A list being walked: `Some(n)` for an ordered list's next number.
struct ListFrame {
    next: Option<u64>,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    inline: Inline,
    quote_depth: u8,
    lists: Vec<ListFrame>,
    /// Set when an item was opened; its first paragraph becomes the item block itself.
    pending_item: Option<BlockKind>,
    /// The link being read: its target and where its text starts in the current block.
    link: Option<(String, usize)>,
}

impl Builder {
    fn open(&mut self, kind: BlockKind) {
        self.close();
        let kind = match (self.pending_item.take(), kind) {
            (Some(item), BlockKind::Paragraph) => item,
            (Some(item), other) => {
                // An item that starts with a heading or code: keep the marker as its own line.
                self.push_block(item);
                other
            }
            (None, other) => other,
        };
        self.current = Some(Block {
            kind,
            quote_depth: self.quote_depth,
            text: String::new(),
            styles: Vec::new(),
            sources: Vec::new(),
            links: Vec::new(),
        });
    }

    fn push_block(&mut self, kind: BlockKind) {
        self.blocks.push(Block {
            kind,
            quote_depth: self.quote_depth,
            text: String::new(),
            styles: Vec::new(),
            sources: Vec::new(),
            links: Vec::new(),
        });
    }

    fn close(&mut self) {
        if let Some(mut block) = self.current.take() {
            if block.kind == BlockKind::Code {
                let end = block.text.trim_end_matches('\n').len();
                block.text.truncate(end);
            } else {
                trim_block(&mut block);
            }
            if !block.text.is_empty() || block.kind == BlockKind::Rule {
                // Grown a push at a time, a paragraph's text has up to twice the room it
                // needs; the model keeps every paragraph, so the slack was a third of the
                // articles' size in memory.
                block.text.shrink_to_fit();
                block.sources.shrink_to_fit();
                block.styles.shrink_to_fit();
                block.links.shrink_to_fit();
                self.blocks.push(block);
            }
        }
    }

    fn text(&mut self, text: &str, source: usize) {
        if self.current.is_none() {
            // Loose text in a tight list item, or text outside any paragraph.
            self.open(BlockKind::Paragraph);
        }
        let inline = self.inline;
        if let Some(block) = self.current.as_mut() {
            let start = block.text.len();
            block.sources.push((start, source));
            push_displayable(&mut block.text, text, block.kind == BlockKind::Code);
            if !inline.is_plain() && !text.is_empty() {
                block.styles.push((start..block.text.len(), inline));
            }
        }
    }

    /// Ends the link being read: its text is what the block gained since it started. A link
    /// whose text began in another block (never, in Markdown) or is empty is dropped.
    fn end_link(&mut self) {
        let Some((url, start)) = self.link.take() else {
            return;
        };
        if let Some(block) = self.current.as_mut()
            && start < block.text.len()
        {
            block.links.push(LinkSpan {
                range: start..block.text.len(),
                url,
            });
        }
    }

    fn soft_break(&mut self) {
        if let Some(block) = self.current.as_mut()
            && !block.text.ends_with(' ')
        {
            block.text.push(' ');
        }
    }

    fn hard_break(&mut self) {
        if let Some(block) = self.current.as_mut() {
            block.text.push('\n');
        }
    }
}

/// Appends text so that nothing in it can drive a terminal: tabs become spaces, other control
/// characters visible symbols, and bidi controls are dropped. Line breaks stay in code blocks.
fn push_displayable(out: &mut String, text: &str, code: bool) {
    for c in text.chars() {
        match c {
            '\n' if code => out.push('\n'),
            '\t' if code => out.push_str("    "),
            '\n' | '\t' | '\r' => out.push(' '),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(super::diagnostic::visible(c).unwrap_or(c)),
        }
    }
}

/// Removes leading and trailing whitespace from a block, keeping style ranges in step.
fn trim_block(block: &mut Block) {
    let end = block.text.trim_end().len();
    block.text.truncate(end);
    let start = block.text.len() - block.text.trim_start().len();
    if start > 0 {
        block.text.drain(..start);
        for (t, s) in &mut block.sources {
            let cut = start.min(*t);
            *t -= cut;
            *s += start - cut;
        }
    }
    let len = block.text.len();
    let shift = |range: &mut Range<usize>| {
        range.start = range.start.saturating_sub(start).min(len);
        range.end = range.end.saturating_sub(start).min(len);
        range.start < range.end
    };
    block.styles.retain_mut(|(range, _)| shift(range));
    block.links.retain_mut(|link| shift(&mut link.range));
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Renders Markdown into display blocks. Never fails: anything unusual becomes text.
pub fn parse(markdown: &str) -> Doc {
    let mut b = Builder::default();
    let options = Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let at = range.start;
        match event {
            Event::Start(tag) => start(&mut b, &tag),
            Event::End(tag) => end(&mut b, tag),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => b.text(&text, at),
            Event::Code(text) => {
                let saved = b.inline;
                b.inline.code = true;
                // The source range includes the backticks.
                let inner = markdown
                    .get(range.clone())
                    .and_then(|s| s.find(text.as_ref()))
                    .unwrap_or(0);
                b.text(&text, at + inner);
                b.inline = saved;
            }
            Event::SoftBreak => b.soft_break(),
            Event::HardBreak => b.hard_break(),
            Event::Rule => {
                b.close();
                b.push_block(BlockKind::Rule);
            }
            Event::TaskListMarker(done) => b.text(if done { "[x] " } else { "[ ] " }, at),
            Event::FootnoteReference(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                b.text(&text, at);
            }
        }
    }
    b.close();
    let mut blocks = b.blocks;
    blocks.shrink_to_fit();
    Doc { blocks }
}

fn start(b: &mut Builder, tag: &Tag<'_>) {
    match tag {
        Tag::Paragraph => {
            // A tight list item's text arrives without a paragraph; a loose one with it.
            b.open(BlockKind::Paragraph);
        }
        Tag::Heading { level, .. } => b.open(BlockKind::Heading(heading_level(*level))),
        Tag::BlockQuote(_) => {
            b.close();
            b.quote_depth = b.quote_depth.saturating_add(1);
        }
        Tag::CodeBlock(_) => b.open(BlockKind::Code),
        Tag::List(first) => {
            b.close();
            if let Some(kind) = b.pending_item.take() {
                b.push_block(kind);
            }
            b.lists.push(ListFrame { next: *first });
        }
        Tag::Item => {
            b.close();
            if let Some(kind) = b.pending_item.take() {
                b.push_block(kind);
            }
            let depth = u8::try_from(b.lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
            let marker = match b.lists.last_mut() {
                Some(ListFrame { next: Some(n) }) => {
                    let marker = format!("{n}.");
                    *n = n.saturating_add(1);
                    marker
                }
                _ => "•".to_owned(),
            };
            b.pending_item = Some(BlockKind::Item { depth, marker });
        }
        Tag::Emphasis => b.inline.emphasis = true,
        Tag::Strong => b.inline.strong = true,
        Tag::Strikethrough => b.inline.strike = true,
        Tag::Link { dest_url, .. } => {
            b.inline.link = true;
            let at = b.current.as_ref().map_or(0, |block| block.text.len());
            b.link = Some((dest_url.to_string(), at));
        }
        _ => {}
    }
}

fn end(b: &mut Builder, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => b.close(),
        TagEnd::Item => {
            b.close();
            if let Some(kind) = b.pending_item.take() {
                b.push_block(kind);
            }
        }
        TagEnd::BlockQuote(_) => {
            b.close();
            b.quote_depth = b.quote_depth.saturating_sub(1);
        }
        TagEnd::List(_) => {
            b.close();
            b.lists.pop();
        }
        TagEnd::Emphasis => b.inline.emphasis = false,
        TagEnd::Strong => b.inline.strong = false,
        TagEnd::Strikethrough => b.inline.strike = false,
        TagEnd::Link => {
            b.inline.link = false;
            b.end_link();
        }
        _ => {}
    }
}

/// Whether Markdown would read `text` as one paragraph of the same words: no character of
/// inline syntax, escapes or entities, and no line that could open a block (list, heading,
/// quote, rule, table). Most quotes are, and skip the parser.
fn is_plain(text: &str) -> bool {
    !text.contains([
        '*', '_', '`', '[', ']', '<', '>', '&', '\\', '!', '~', '|', '#',
    ]) && text.lines().all(|line| {
        !line
            .trim_start()
            .starts_with(|c: char| matches!(c, '-' | '+' | '=' | ':') || c.is_ascii_digit())
    })
}

/// The plain text of a Markdown fragment, blocks joined by a space: how a claim's quote is
/// compared with the article, so that `*very* big` matches the text "very big".
pub fn plain_text(markdown: &str) -> String {
    if is_plain(markdown) {
        // Nothing Markdown would change but blank space, which quote matching folds anyway.
        return markdown.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let doc = parse(markdown);
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&block.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Doc) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str()))
            .collect()
    }

    /// The shortcut for plain quotes gives what the parser gives, up to blank space.
    #[test]
    fn plain_quotes_skip_the_parser_with_the_same_words() {
        let words = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "A plain quote, with “curly” quotes—and dashes.",
            "  two\nlines  ",
            "1. a list",
            "- a list",
            "*emphasis*",
            "a [link](x)",
            "x &amp; y",
            "Heading\n===",
            "    indented code",
            "tab\tseparated",
            "",
            "it's 3 o'clock (really) -- 50% off?",
        ] {
            let fast = plain_text(text);
            let parsed = parse(text)
                .blocks
                .iter()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(words(fast), words(parsed), "{text:?}");
        }
    }

    #[test]
    fn paragraphs_headings_and_soft_breaks() {
        let doc = parse("# Title\n\nOne\ntwo.\n\nThree.");
        assert_eq!(
            kinds(&doc),
            vec![
                (BlockKind::Heading(1), "Title"),
                (BlockKind::Paragraph, "One two."),
                (BlockKind::Paragraph, "Three."),
            ]
        );
    }

    #[test]
    fn emphasis_becomes_a_style_run_not_text() {
        let doc = parse("a *very* **big** `x` deal");
        let block = &doc.blocks[0];
        assert_eq!(block.text, "a very big x deal");
        let styled: Vec<&str> = block
            .styles
            .iter()
            .map(|(r, _)| &block.text[r.clone()])
            .collect();
        assert_eq!(styled, vec!["very", "big", "x"]);
        assert!(block.styles[0].1.emphasis && block.styles[1].1.strong && block.styles[2].1.code);
    }

    #[test]
    fn lists_keep_markers_and_depth() {
        let doc = parse("- a\n- b\n  1. c\n  2. d\n");
        assert_eq!(
            kinds(&doc),
            vec![
                (
                    BlockKind::Item {
                        depth: 0,
                        marker: "•".into()
                    },
                    "a"
                ),
                (
                    BlockKind::Item {
                        depth: 0,
                        marker: "•".into()
                    },
                    "b"
                ),
                (
                    BlockKind::Item {
                        depth: 1,
                        marker: "1.".into()
                    },
                    "c"
                ),
                (
                    BlockKind::Item {
                        depth: 1,
                        marker: "2.".into()
                    },
                    "d"
                ),
            ]
        );
    }

    #[test]
    fn block_quotes_set_depth() {
        let doc = parse("> quoted\n\nplain");
        assert_eq!(doc.blocks[0].quote_depth, 1);
        assert_eq!(doc.blocks[1].quote_depth, 0);
    }

    #[test]
    fn curly_quotes_and_entities_survive() {
        let doc = parse("It’s “996” &amp; more");
        assert_eq!(doc.blocks[0].text, "It’s “996” & more");
    }

    #[test]
    fn control_characters_never_reach_the_text() {
        let doc = parse("a\u{7}b\tc \u{202e}d\n\n```\nx\ty\n```");
        assert_eq!(doc.blocks[0].text, "a\u{2407}b c d");
        assert_eq!(doc.blocks[1].text, "x    y");
    }

    #[test]
    fn block_offsets_map_back_to_the_source() {
        let source = "# Title\n\nSome *emphasised* words,\nwrapped here.\n\n> quoted text";
        let doc = parse(source);
        for block in &doc.blocks {
            for word in ["Title", "words", "wrapped", "quoted", "emphasised"] {
                if let Some(at) = block.text.find(word) {
                    let s = block.source_offset(at);
                    assert_eq!(&source[s..s + word.len()], word, "{word}");
                }
            }
        }
    }

    #[test]
    fn links_keep_their_targets() {
        let doc = parse(
            "See [the survey](https://example.com/s?a=1) for *[details](mailto:x@y.z)*.\n\n\
             - [item](http://i.example) text\n\n[ref] here\n\n[ref]: https://r.example",
        );
        let found: Vec<(&str, &str)> = doc
            .blocks
            .iter()
            .flat_map(|b| {
                b.links
                    .iter()
                    .map(|l| (&b.text[l.range.clone()], l.url.as_str()))
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("the survey", "https://example.com/s?a=1"),
                ("details", "mailto:x@y.z"),
                ("item", "http://i.example"),
                ("ref", "https://r.example"),
            ]
        );
        assert_eq!(doc.blocks[0].text, "See the survey for details.");
    }

    #[test]
    fn a_link_at_the_start_of_a_block_survives_the_trim() {
        let doc = parse("  [x](https://a.example) y");
        assert_eq!(doc.blocks[0].links[0].range, 0..1);
    }

    /// Every link's range is a non-empty slice of its block's text, whatever surrounds it.
    #[test]
    fn link_ranges_stay_inside_their_text() {
        for source in [
            "<https://auto.example/x>",
            "# A [heading link](https://h.example)",
            "> quoted [link](https://q.example) here",
            "- item [one](https://1.example)\n- [two **bold**](https://2.example)",
            "[![an image](i.png)](https://img.example)",
            "[a link\nover a break](https://b.example)",
            "[](https://empty.example) nothing",
            "[日本語のリンク](https://ja.example)の後",
            "`[not a link](x)` and [a link](<https://e.com/a b>)",
        ] {
            for block in &parse(source).blocks {
                for link in &block.links {
                    let text = block.text.get(link.range.clone());
                    assert!(
                        text.is_some_and(|t| !t.is_empty()),
                        "{source:?}: {link:?} in {:?}",
                        block.text
                    );
                }
            }
        }
        let doc = parse("<https://auto.example/x> and [日本語](https://ja.example)");
        let block = &doc.blocks[0];
        let texts: Vec<&str> = block
            .links
            .iter()
            .map(|l| &block.text[l.range.clone()])
            .collect();
        assert_eq!(texts, ["https://auto.example/x", "日本語"]);
        assert!(parse("[](https://e.example) x").blocks[0].links.is_empty());
    }

    #[test]
    fn plain_text_strips_marks() {
        assert_eq!(plain_text("*very* big"), "very big");
        assert_eq!(plain_text("snake_case_name"), "snake_case_name");
    }
}
