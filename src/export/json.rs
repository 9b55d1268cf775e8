//! The resolved model as JSON, with each quote's position in its article, in a documented and
//! versioned shape (see data/EXPORT.md). Version 1: fields may be added, never renamed.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::model::{Color, Debate, LinkKind, NamedColor};

/// The shape's name and version, written into every export.
pub const FORMAT: &str = "debate-export";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    title: &'a str,
    description: Option<&'a str>,
    framings: Vec<Framing<'a>>,
    articles: Vec<Article<'a>>,
    claims: Vec<Claim<'a>>,
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Framing<'a> {
    id: &'a str,
    name: &'a str,
    thesis: &'a str,
    color: Option<String>,
}

#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    title: &'a str,
    subtitle: Option<&'a str>,
    author: Option<&'a str>,
    publication: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: &'a str,
    article: &'a str,
    quote: &'a str,
    summary: &'a str,
    tags: Vec<&'a str>,
    stances: BTreeMap<&'a str, Stance<'a>>,
    position: Position,
}

#[derive(Serialize)]
struct Stance<'a> {
    stance: &'static str,
    note: Option<&'a str>,
}

/// Where the quote stands: byte offsets into the article's `text` (Markdown source), and the
/// block (paragraph, heading, item) of the rendered text with offsets into that block.
#[derive(Serialize)]
struct Position {
    start: usize,
    end: usize,
    block: usize,
    block_start: usize,
    block_end: usize,
}

#[derive(Serialize)]
struct Link<'a> {
    from: &'a str,
    to: &'a str,
    kind: &'static str,
}

fn color_name(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Named(n) => NamedColor::NAMES
            .iter()
            .find(|(_, c)| *c == n)
            .map_or_else(String::new, |(name, _)| (*name).to_owned()),
    }
}

pub fn export(debate: &Debate) -> String {
    let claims = debate
        .claim_ixs()
        .map(|ix| {
            let c = debate.claim(ix);
            let source = debate.quote_source_range(ix);
            Claim {
                id: &c.id,
                article: &debate.article(c.article).id,
                quote: &c.quote,
                summary: &c.summary,
                tags: c.tags.iter().map(|t| &**t).collect(),
                stances: debate
                    .framing_ixs()
                    .filter_map(|f| {
                        c.stance(f).map(|s| {
                            (
                                debate.framing(f).id.as_str(),
                                Stance {
                                    stance: s.kind.as_str(),
                                    note: s.note.as_deref(),
                                },
                            )
                        })
                    })
                    .collect(),
                position: Position {
                    start: source.start,
                    end: source.end,
                    block: c.anchor.block,
                    block_start: c.anchor.range.start,
                    block_end: c.anchor.range.end,
                },
            }
        })
        .collect();
    let export = Export {
        format: FORMAT,
        version: VERSION,
        title: &debate.title,
        description: debate.description.as_deref(),
        framings: debate
            .framings
            .iter()
            .map(|f| Framing {
                id: &f.id,
                name: &f.name,
                thesis: &f.thesis,
                color: f.color.map(color_name),
            })
            .collect(),
        articles: debate
            .articles
            .iter()
            .map(|a| Article {
                id: &a.id,
                title: &a.title,
                subtitle: a.subtitle.as_deref(),
                author: a.author.as_deref(),
                publication: a.publication.as_deref(),
                date: a.date.as_deref(),
                url: a.url.as_deref(),
                text: &a.text,
            })
            .collect(),
        claims,
        links: debate
            .links
            .iter()
            .map(|l| Link {
                from: &debate.claim(l.from).id,
                to: &debate.claim(l.to).id,
                kind: match l.kind {
                    LinkKind::Supports => "supports",
                    LinkKind::Attacks => "attacks",
                },
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&export).unwrap_or_default();
    out.push('\n');
    out
}
