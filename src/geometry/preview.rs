//! The finder's preview of its selected result laid out at a width: a claim's card, a
//! framing's name and thesis, or a paragraph under its article's title. The view styles it;
//! `update` scrolls it no further than its end.

use std::borrow::Cow;
use std::ops::Range;

use super::card::Card;
use super::wrap;
use crate::search::{self, Hit, Target};
use crate::state::State;
use crate::text;

/// A preview's lines, by what it shows.
pub enum Preview<'a> {
    Claim(Card<'a>),
    Thesis {
        name: Vec<String>,
        thesis: Vec<String>,
    },
    /// The article's title, a line naming the paragraph, a blank line, then the paragraph's
    /// pieces (byte ranges of `text`).
    Paragraph {
        title: Vec<String>,
        block: usize,
        text: Cow<'a, str>,
        pieces: Vec<Range<usize>>,
    },
}

impl<'a> Preview<'a> {
    /// The preview of `hit` at `width`.
    pub fn new(state: &'a State, hit: &Hit, width: u16) -> Self {
        let w = usize::from(width);
        match hit.target {
            Target::Claim { claim, .. } => Self::Claim(Card::new(state, claim, width)),
            Target::Thesis { framing } => {
                let f = state.debate.framing(framing);
                Self::Thesis {
                    name: wrap::lines(&f.name, w),
                    thesis: wrap::lines(&f.thesis, w),
                }
            }
            Target::Paragraph { article, block } => {
                let text = search::target_text(&state.debate, hit.target);
                let pieces = text::wrap(&text, w);
                Self::Paragraph {
                    title: wrap::lines(&state.debate.article(article).title, w),
                    block,
                    text,
                    pieces,
                }
            }
        }
    }

    /// Its height in lines.
    pub fn height(&self) -> usize {
        match self {
            Self::Claim(card) => card.height(),
            Self::Thesis { name, thesis } => name.len() + thesis.len(),
            Self::Paragraph { title, pieces, .. } => title.len() + 2 + pieces.len(),
        }
    }
}

/// How far the selected result's preview scrolls at the state's size: its lines past the
/// preview's height (0 with no preview on screen).
pub fn max_scroll(state: &State) -> usize {
    let results = super::search(state).results;
    let (Some(area), Some(hit)) = (
        results.preview,
        state.search.results.hits.get(state.search.selected),
    ) else {
        return 0;
    };
    Preview::new(state, hit, width(&results))
        .height()
        .saturating_sub(usize::from(area.height))
}

/// The preview's width: a rule takes a column when it stands beside the list.
pub fn width(lists: &super::layout::ListPreview) -> u16 {
    lists.preview.map_or(0, |area| {
        if lists.beside {
            area.width.saturating_sub(1)
        } else {
            area.width
        }
    })
}
