//! The sections of the file the editor holds, with what edits need to know of each: ids,
//! each claim's article and link targets. Built from a loaded model (no second parse), and
//! kept up to date after a splice by re-reading only the sections it touched.

use std::ops::Range;

use super::sections::{self, Kind};
use crate::model::Debate;

/// One top-level section of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub start: usize,
    pub kind: Kind,
    pub id: String,
    /// For a claim, its article's id.
    pub article: String,
    /// For a claim, the ids it links to.
    pub links: Vec<String>,
}

/// Why a file's layout is beyond the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub sections: Vec<Section>,
    pub len: usize,
}

impl Index {
    /// The index of `text`, which loaded as `debate`: the n-th `[[claims]]` section is the
    /// n-th claim (validation keeps file order), and so for articles and framings.
    pub fn new(text: &str, debate: &Debate) -> Result<Self, Unsupported> {
        let found = sections::scan(text)
            .ok_or_else(|| Unsupported("a string in the file never ends".to_owned()))?;
        let count = |k| found.iter().filter(|(_, kind)| *kind == k).count();
        if count(Kind::Claim) != debate.claims.len()
            || count(Kind::Article) != debate.articles.len()
            || count(Kind::Framing) != debate.framings.len()
        {
            return Err(Unsupported(
                "only files that write each framing, article and claim as its own [[framings]], [[articles]] or [[claims]] section can be edited here".to_owned(),
            ));
        }
        let mut links: Vec<Vec<String>> = vec![Vec::new(); debate.claims.len()];
        for link in &debate.links {
            links[link.from.get()].push(debate.claim(link.to).id.clone());
        }
        let (mut claims, mut articles, mut framings) = (
            debate.claims.iter().zip(links),
            debate.articles.iter(),
            debate.framings.iter(),
        );
        let sections = found
            .into_iter()
            .map(|(start, kind)| {
                let (id, article, links) = match kind {
                    Kind::Claim => claims
                        .next()
                        .map(|(c, l)| (c.id.clone(), debate.article(c.article).id.clone(), l)),
                    Kind::Article => articles
                        .next()
                        .map(|a| (a.id.clone(), String::new(), Vec::new())),
                    Kind::Framing => framings
                        .next()
                        .map(|f| (f.id.clone(), String::new(), Vec::new())),
                }
                .unwrap_or_default();
                Section {
                    start,
                    kind,
                    id,
                    article,
                    links,
                }
            })
            .collect();
        Ok(Self {
            sections,
            len: text.len(),
        })
    }

    /// The byte range of section `i`: up to the next section, or the end of the file.
    pub fn range(&self, i: usize) -> Range<usize> {
        let end = self.sections.get(i + 1).map_or(self.len, |s| s.start);
        self.sections[i].start..end
    }

    /// The text before the first section: the title and description.
    pub fn head(&self) -> Range<usize> {
        0..self.sections.first().map_or(self.len, |s| s.start)
    }

    pub fn claim(&self, id: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.kind == Kind::Claim && s.id == id)
    }

    pub fn claims(&self) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == Kind::Claim)
    }

    /// The claims that link to `id`, other than itself.
    pub fn linking_to<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Section> {
        self.claims()
            .map(|(_, s)| s)
            .filter(move |s| s.id != id && s.links.iter().any(|l| l == id))
    }

    /// The sections whose ranges meet `range` (touching counts): the ones a splice there
    /// may change.
    pub fn meeting(&self, range: &Range<usize>) -> Range<usize> {
        let first = self
            .sections
            .partition_point(|s| s.start <= range.start)
            .saturating_sub(1);
        let last = self
            .sections
            .partition_point(|s| s.start <= range.end)
            .max(first + 1);
        first..last.min(self.sections.len())
    }

    /// Replaces sections `old` (of the text before a splice) with `fresh` (read from the
    /// text after it), shifting the later ones by `delta` bytes.
    pub fn replace(&mut self, old: Range<usize>, fresh: Vec<Section>, delta: isize, len: usize) {
        for s in &mut self.sections[old.end..] {
            s.start = s.start.saturating_add_signed(delta);
        }
        self.sections.splice(old, fresh);
        self.len = len;
    }
}

/// The sections of `window`, a run of whole sections of `text`, read with a TOML parser.
pub fn read_window(text: &str, window: Range<usize>) -> Result<Vec<Section>, String> {
    let part = &text[window.clone()];
    let found = sections::scan(part).ok_or_else(|| "a string never ends".to_owned())?;
    let ends: Vec<usize> = found
        .iter()
        .skip(1)
        .map(|&(s, _)| s)
        .chain([part.len()])
        .collect();
    found
        .iter()
        .zip(ends)
        .map(|(&(start, kind), end)| {
            let table: toml::Table =
                toml::from_str(&part[start..end]).map_err(|e| e.to_string())?;
            let list = match kind {
                Kind::Claim => "claims",
                Kind::Article => "articles",
                Kind::Framing => "framings",
            };
            let item = table
                .get(list)
                .and_then(toml::Value::as_array)
                .and_then(|a| a.first())
                .and_then(toml::Value::as_table);
            let text_of = |key: &str| {
                item.and_then(|t| t.get(key))
                    .and_then(toml::Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let links = item
                .and_then(|t| t.get("links"))
                .and_then(toml::Value::as_array)
                .map(|links| {
                    links
                        .iter()
                        .filter_map(|l| l.get("to").and_then(toml::Value::as_str))
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            Ok(Section {
                start: window.start + start,
                kind,
                id: text_of("id"),
                article: text_of("article"),
                links,
            })
        })
        .collect()
}
