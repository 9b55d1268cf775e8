//! TOML text to a resolved [`Debate`], collecting every problem as a located diagnostic.
//!
//! Three passes, each reporting all it finds: TOML syntax (toml's recovering parser), a schema
//! walk over the parsed tables (unknown and missing keys, with suggestions), then serde into the
//! raw structs and the checks serde cannot make (ids, references, quotes found in the text).
//!
//! One concept per file: [`syntax`] (TOML errors), [`schema`] (the walk over the parsed tables),
//! [`items`] (framings and articles), [`claims`] (quotes, stances, links), [`resolve`] (the
//! model built from checked items), [`messages`] (suggestions and wording) and [`chunked`]
//! (large files parsed a section at a time).

mod chunked;
mod claims;
mod items;
pub(crate) mod messages;
mod resolve;
mod schema;
mod syntax;

use std::collections::HashSet;
use std::ops::Range;

use toml::de::DeTable;

use super::Debate;
use super::diagnostic::Diagnostic;
use super::progress::{Progress, Stage};
use super::raw::shape;
use super::raw::{RawArticle, RawClaim, RawFraming};

pub use messages::slug;

pub(super) fn debate(src: &str, progress: &Progress) -> Result<Debate, Vec<Diagnostic>> {
    progress.set_stage(Stage::Parsing);
    // A large file is parsed a piece at a time; anything unusual there, including every
    // error, is left to the whole-file path, whose messages point into the file.
    if src.len() >= chunked::MIN_BYTES
        && let Some(debate) = chunked::debate(src, progress)
    {
        return Ok(debate);
    }
    whole(src, progress)
}

/// The whole file parsed at once: every error found, with its position.
fn whole(src: &str, progress: &Progress) -> Result<Debate, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(src);
    if !errors.is_empty() {
        return Err(errors.iter().map(|e| syntax::diagnostic(e, src)).collect());
    }
    let mut v = Validator::default();
    let items = v.walk_top(root.into_inner());
    let raws = Raws {
        framing_count: items.framings.len(),
        article_count: items.articles.len(),
        framings: v.items("framing", items.framings, shape::FRAMING),
        articles: v.items("article", items.articles, shape::ARTICLE),
        claims: v.items("claim", items.claims, shape::CLAIM),
    };
    progress.set_parsed(src.len());
    progress.set_stage(Stage::Checking);
    let head = Head {
        title: items.title,
        title_span: items.title_span,
        description: items.description,
        framings_span: items.framings_span,
        articles_span: items.articles_span,
    };
    v.finish(head, raws)
}

/// The debate's own keys, taken from the top-level table.
#[derive(Default)]
struct Head {
    title: Option<String>,
    title_span: Option<Range<usize>>,
    description: Option<String>,
    framings_span: Option<Range<usize>>,
    articles_span: Option<Range<usize>>,
}

/// The items of the file, deserialized, before the checks across items.
#[derive(Default)]
struct Raws<'a> {
    framing_count: usize,
    article_count: usize,
    framings: Vec<RawFraming<'a>>,
    articles: Vec<RawArticle<'a>>,
    claims: Vec<RawClaim<'a>>,
}

/// What every pass reports into, and what they tell each other so that one mistake is not
/// reported twice.
#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    /// Ids of items that had errors of their own, by kind: a reference to one of them is not
    /// reported again as a reference to nothing.
    broken: HashSet<(&'static str, String)>,
    /// Kinds whose whole list was malformed (`[framings]` for `[[framings]]`): references to
    /// them and their count are not reported again.
    unusable: HashSet<&'static str>,
}

impl Validator {
    fn is_broken(&self, kind: &'static str, id: &str) -> bool {
        self.unusable.contains(kind) || self.broken.contains(&(kind, id.to_owned()))
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The checks across items (ids, references, quotes), then the resolved debate.
    fn finish(mut self, head: Head, raws: Raws<'_>) -> Result<Debate, Vec<Diagnostic>> {
        let framings = self.framings(raws.framings, raws.framing_count, head.framings_span);
        let articles = self.articles(raws.articles, raws.article_count, head.articles_span);
        let claims = self.claims(raws.claims, &framings, &articles);
        if let Some(span) = &head.title_span
            && head.title.as_deref().is_some_and(|t| t.trim().is_empty())
        {
            self.push(
                Diagnostic::new("the debate's title is empty")
                    .at(span.clone(), "empty")
                    .help("give the debate a title: what question do the articles argue over?"),
            );
        }
        if self.diagnostics.is_empty() {
            Ok(resolve::debate(
                head.title.unwrap_or_default(),
                head.description,
                framings,
                articles,
                claims,
            ))
        } else {
            Err(self.diagnostics)
        }
    }
}
