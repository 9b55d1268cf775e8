//! The list of bookmarks (`M`): each mark's letter, its article, the line of the article's
//! text it stands on and the words there (a claim's mark shows the claim's summary), the
//! selected one marked; its keys in a hint line written from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::{layout, paint};
use crate::flow::Source;
use crate::keymap::Context;
use crate::model::Article;
use crate::session::Place;
use crate::state::State;
use crate::text;

const MAX_WIDTH: u16 = 96;

/// What the list says of one bookmark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub letter: char,
    /// The article's title; empty when the bookmark's article or claim is gone.
    pub article: String,
    /// The line of the article's text (its Markdown source, from 1) the mark stands on.
    pub line: Option<usize>,
    /// The words at the mark, a claim's summary, or why the mark leads nowhere.
    pub text: String,
}

/// The line (from 1) of `article`'s source text on which byte `byte` of block `block` stands:
/// a number that does not change with the terminal's width.
fn source_line(article: &Article, block: usize, byte: usize) -> usize {
    let offset = article
        .doc
        .blocks
        .get(block)
        .map_or(0, |b| b.source_offset(byte))
        .min(article.text.len());
    memchr::memchr_iter(b'\n', &article.text.as_bytes()[..offset]).count() + 1
}

/// The bookmarks in letter order, as the list shows them.
pub fn entries(state: &State) -> Vec<Entry> {
    let d = &state.debate;
    state
        .bookmarks
        .iter()
        .map(|(&letter, place)| match place {
            Place::Claim { claim } => match d.claim_by_id(claim) {
                Some(ix) => {
                    let c = d.claim(ix);
                    let article = d.article(c.article);
                    Entry {
                        letter,
                        article: article.title.clone(),
                        line: Some(source_line(article, c.anchor.block, c.anchor.range.start)),
                        text: format!("claim: {}", c.summary),
                    }
                }
                None => Entry {
                    letter,
                    article: String::new(),
                    line: None,
                    text: format!("claim {claim} is gone from the file"),
                },
            },
            Place::Text { article, anchor } => match d.article_by_id(article) {
                Some(ix) => {
                    let a = d.article(ix);
                    let at = anchor.restore(a).anchor;
                    let line = match at.source {
                        Source::Block(block) => source_line(a, block, at.byte),
                        _ => 1,
                    };
                    // The words there now, as many as the row has room for; the saved
                    // context where the place is no block's text.
                    let words = match at.source {
                        Source::Block(block) => a
                            .doc
                            .blocks
                            .get(block)
                            .and_then(|b| b.text.get(at.byte..))
                            .map(str::to_owned),
                        _ => None,
                    };
                    let words = match words {
                        Some(words) if !words.trim().is_empty() => words,
                        _ if anchor.context.is_empty() => "(the top)".to_owned(),
                        _ => anchor.context_words().to_owned(),
                    };
                    Entry {
                        letter,
                        article: a.title.clone(),
                        line: Some(line),
                        text: words,
                    }
                }
                None => Entry {
                    letter,
                    article: String::new(),
                    line: None,
                    text: format!("article {article} is gone from the file"),
                },
            },
        })
        .collect()
}

/// Columns of a row given to the article's title at most: the words at the mark matter more.
const TITLE_WIDTH: usize = 28;

/// One row: `'a line 12 · Title  the words there`, cut to the width.
fn row(entry: &Entry, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let style = if selected {
        theme.selected_row
    } else {
        Style::default()
    };
    let lead = format!("{}'{} ", if selected { "▸ " } else { "  " }, entry.letter);
    let place = match entry.line {
        Some(line) => {
            let title = text::clean(&entry.article);
            format!("line {line} · {}  ", text::truncate(&title, TITLE_WIDTH))
        }
        None => String::new(),
    };
    let room = width.saturating_sub(text::width(&lead) + text::width(&place));
    Line::from(vec![
        Span::styled(lead, theme.accent.patch(style)),
        Span::styled(place, theme.dim.patch(style)),
        Span::styled(
            text::words_fitting(&text::clean(&entry.text), room),
            theme.base.patch(style),
        ),
    ])
}

pub fn draw(buf: &mut Buffer, screen: Rect, state: &State, selected: usize) {
    let theme = &state.theme;
    let entries = entries(state);
    let outer = layout::overlay_fitting(screen, MAX_WIDTH, entries.len(), 1);
    let inner = paint::frame(buf, outer, "Bookmarks", theme.accent, theme);
    let list = Rect {
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let rows = usize::from(list.height).max(1);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line<'static>> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, e)| row(e, i == selected, usize::from(list.width), theme))
        .collect();
    paint::lines(buf, list, &lines, 0);
    let hints = super::status::overlay_hints(state, Context::Marks);
    paint::line(buf, inner, inner.height.saturating_sub(1), &hints);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::ReadingAnchor;

    fn state() -> State {
        let debate = crate::session::test_debate(
            "T",
            "Essay X",
            "First paragraph.\\n\\nSecond paragraph, with a claim in it.\\n",
            r#"[[claims]]
id = "c1"
article = "x"
quote = "with a claim"
summary = "The claim."
stances = { a = { stance = "supports" } }
"#,
        );
        State::new(debate, "t", 80, 24)
    }

    #[test]
    fn entries_name_the_article_the_source_line_and_the_words() {
        let mut s = state();
        let article = s
            .debate
            .article(crate::model::Debate::first_article_ix())
            .clone();
        s.bookmarks.insert(
            'b',
            Place::Text {
                article: "x".into(),
                anchor: ReadingAnchor::at_block(&article, 1, 0),
            },
        );
        s.bookmarks.insert('a', Place::Claim { claim: "c1".into() });
        s.bookmarks.insert(
            'z',
            Place::Claim {
                claim: "gone".into(),
            },
        );
        let e = entries(&s);
        assert_eq!(e[0].letter, 'a');
        assert_eq!(e[0].article, "Essay X");
        assert_eq!(
            e[0].line,
            Some(3),
            "the claim's quote is on the text's third line"
        );
        assert_eq!(e[0].text, "claim: The claim.");
        assert_eq!(e[1].line, Some(3));
        assert!(e[1].text.starts_with("Second paragraph"), "{:?}", e[1]);
        assert_eq!(e[2].line, None);
        assert!(e[2].text.contains("gone"), "{:?}", e[2]);
    }
}
