//! The debate: framings, articles and claims, resolved so that no reference can dangle.
//!
//! Loading goes bytes → text (`source`) → TOML syntax → schema walk → serde raw structs (`raw`)
//! → validation (`validate`). Every stage collects all the problems it can find and reports them
//! as located [`Diagnostic`]s. Nothing in this module knows about terminals or UI state.

pub mod diagnostic;
mod index;
pub mod markdown;
pub(crate) mod placeholders;
pub mod progress;
pub mod quote;
mod raw;
pub(crate) mod sections;
mod source;
pub(crate) mod validate;

use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

pub use diagnostic::Diagnostic;
pub use markdown::{Block, BlockKind, Doc, Inline, LinkSpan};
pub use source::{
    LoadFailure, MAX_FILE_BYTES, load_bytes, load_path, load_path_showing, read_text,
};
pub(crate) use validate::slug as slug_id;

/// The embedded default debate, shipped as `data/deepseek.toml`.
pub const EMBEDDED: &str = include_str!("../data/deepseek.toml");
/// The name the embedded debate goes by in messages.
pub const EMBEDDED_NAME: &str = "<embedded>/deepseek.toml";

/// Position of an article in [`Debate::articles`]; made only by validation, so always valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleIx(usize);
/// Position of a claim in [`Debate::claims`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimIx(usize);
/// Position of a framing in [`Debate::framings`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FramingIx(usize);

impl ArticleIx {
    pub fn get(self) -> usize {
        self.0
    }
}
impl ClaimIx {
    pub fn get(self) -> usize {
        self.0
    }
}
impl FramingIx {
    pub fn get(self) -> usize {
        self.0
    }
}

/// A whole debate file, validated. Read-only once made: its lookups by id and its links'
/// adjacency are built with it, so a changed debate is a new one, made by loading.
#[derive(Debug, Clone)]
pub struct Debate {
    pub title: String,
    pub description: Option<String>,
    pub framings: Vec<Framing>,
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    /// In the order of the claims they leave.
    pub links: Vec<Link>,
    index: index::Index,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framing {
    pub id: String,
    pub name: String,
    pub thesis: String,
    pub color: Option<Color>,
}

/// A colour an author gave a framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Named(NamedColor),
    Rgb(u8, u8, u8),
}

/// The terminal's sixteen named colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedColor {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

impl NamedColor {
    /// Every accepted spelling, for parsing and for "did you mean".
    pub const NAMES: &[(&str, Self)] = &[
        ("black", Self::Black),
        ("red", Self::Red),
        ("green", Self::Green),
        ("yellow", Self::Yellow),
        ("blue", Self::Blue),
        ("magenta", Self::Magenta),
        ("cyan", Self::Cyan),
        ("gray", Self::Gray),
        ("grey", Self::Gray),
        ("dark-gray", Self::DarkGray),
        ("dark-grey", Self::DarkGray),
        ("light-red", Self::LightRed),
        ("light-green", Self::LightGreen),
        ("light-yellow", Self::LightYellow),
        ("light-blue", Self::LightBlue),
        ("light-magenta", Self::LightMagenta),
        ("light-cyan", Self::LightCyan),
        ("white", Self::White),
    ];
}

#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub author: Option<String>,
    pub publication: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The Markdown source, as written.
    pub text: String,
    /// The text rendered into blocks; claim anchors point into these.
    pub doc: Doc,
    /// Claims quoting this article, in text order.
    pub claims: Vec<ClaimIx>,
}

impl Article {
    /// "author · publication · date", leaving out what is unknown.
    pub fn byline(&self) -> String {
        [&self.author, &self.publication, &self.date]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub article: ArticleIx,
    pub quote: String,
    pub summary: String,
    /// Shared between the claims that carry them: a debate's tags repeat, and one string
    /// per use was 6 MB of a 50 MB file's load.
    pub tags: Vec<Arc<str>>,
    /// One entry per framing, in framing order; `None` where the claim does not bear on it.
    pub stances: Vec<Option<Stance>>,
    /// Where the quote stands in the article.
    pub anchor: Anchor,
}

impl Claim {
    pub fn stance(&self, framing: FramingIx) -> Option<&Stance> {
        self.stances.get(framing.0).and_then(Option::as_ref)
    }
}

/// A quote's place in its article: a block of [`Article::doc`] and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub block: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance {
    pub kind: StanceKind,
    pub note: Option<Box<str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StanceKind {
    Supports,
    Challenges,
    Neutral,
}

impl StanceKind {
    pub const ALL: [Self; 3] = [Self::Supports, Self::Challenges, Self::Neutral];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Challenges => "challenges",
            Self::Neutral => "neutral",
        }
    }
}

/// A word that names no stance or link kind; the file's checks say which words do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownKind;

impl FromStr for StanceKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, UnknownKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(UnknownKind)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub from: ClaimIx,
    pub to: ClaimIx,
    pub kind: LinkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Supports,
    Attacks,
}

impl LinkKind {
    pub const ALL: [Self; 2] = [Self::Supports, Self::Attacks];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Attacks => "attacks",
        }
    }
}

impl FromStr for LinkKind {
    type Err = UnknownKind;
    fn from_str(s: &str) -> Result<Self, UnknownKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(UnknownKind)
    }
}

impl Debate {
    /// The model from resolved parts; links are put in the order of the claims they leave.
    fn new(
        title: String,
        description: Option<String>,
        framings: Vec<Framing>,
        articles: Vec<Article>,
        claims: Vec<Claim>,
        mut links: Vec<Link>,
    ) -> Self {
        links.sort_by_key(|l| l.from);
        let index = index::Index::new(&framings, &articles, &claims, &links);
        Self {
            title,
            description,
            framings,
            articles,
            claims,
            links,
            index,
        }
    }

    /// Parses and validates a debate from TOML text, collecting every problem found.
    pub fn from_toml(source: &str) -> Result<Self, Vec<Diagnostic>> {
        validate::debate(source, &progress::Progress::default())
    }

    /// The debate embedded in the binary (`data/deepseek.toml`).
    pub fn embedded() -> Result<Self, LoadFailure> {
        load_bytes(EMBEDDED_NAME, EMBEDDED.as_bytes())
    }

    /// The index of the first article; every validated debate has one.
    pub fn first_article_ix() -> ArticleIx {
        ArticleIx(0)
    }

    /// The index of the first framing; every validated debate has two or more.
    pub fn first_framing_ix() -> FramingIx {
        FramingIx(0)
    }

    pub fn article(&self, ix: ArticleIx) -> &Article {
        &self.articles[ix.0]
    }

    pub fn claim(&self, ix: ClaimIx) -> &Claim {
        &self.claims[ix.0]
    }

    pub fn framing(&self, ix: FramingIx) -> &Framing {
        &self.framings[ix.0]
    }

    pub fn framing_ixs(&self) -> impl ExactSizeIterator<Item = FramingIx> + use<> {
        (0..self.framings.len()).map(FramingIx)
    }

    pub fn claim_ixs(&self) -> impl ExactSizeIterator<Item = ClaimIx> + use<> {
        (0..self.claims.len()).map(ClaimIx)
    }

    pub fn article_ixs(&self) -> impl ExactSizeIterator<Item = ArticleIx> + use<> {
        (0..self.articles.len()).map(ArticleIx)
    }

    /// Where a claim's quote stands in its article's Markdown source, as a byte range of
    /// [`Article::text`].
    pub fn quote_source_range(&self, claim: ClaimIx) -> Range<usize> {
        let c = &self.claims[claim.0];
        let block = &self.articles[c.article.0].doc.blocks[c.anchor.block];
        let start = block.source_offset(c.anchor.range.start);
        let last = block.text[c.anchor.range.clone()].chars().next_back();
        let end = last.map_or(start, |ch| {
            block.source_offset(c.anchor.range.end - ch.len_utf8()) + ch.len_utf8()
        });
        start..end.max(start)
    }

    /// Claims one framing supports while another challenges: where the framings disagree.
    pub fn is_contested(&self, claim: ClaimIx) -> bool {
        let stances = &self.claims[claim.0].stances;
        let has = |k| stances.iter().flatten().any(|s| s.kind == k);
        has(StanceKind::Supports) && has(StanceKind::Challenges)
    }

    /// "2 articles, 3 framings, 45 claims, 14 links".
    pub fn summary(&self) -> String {
        fn count(n: usize, what: &str) -> String {
            if n == 1 {
                format!("1 {what}")
            } else {
                format!("{n} {what}s")
            }
        }
        format!(
            "{}, {}, {}, {}",
            count(self.articles.len(), "article"),
            count(self.framings.len(), "framing"),
            count(self.claims.len(), "claim"),
            count(self.links.len(), "link"),
        )
    }
}
