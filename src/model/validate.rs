//! TOML text to a resolved [`Debate`], collecting every problem as a located diagnostic.
//!
//! Three passes, each reporting all it finds: TOML syntax (toml's recovering parser), a schema
//! walk over the parsed tables (unknown and missing keys, with suggestions), then serde into the
//! raw structs and the checks serde cannot make (ids, references, quotes found in the text).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Diagnostic;
use super::markdown;
use super::progress::{Progress, Stage};
use super::quote::{self, ArticleText};
use super::raw::shape::{self, Key};
use super::raw::{RawArticle, RawClaim, RawFraming, RawLink, RawStance, Text};
use super::{
    Anchor, Article, ArticleIx, Claim, ClaimIx, Color, Debate, Framing, Link, LinkKind, NamedColor,
    Stance, StanceKind,
};

mod chunked;

type Value<'a> = Spanned<DeValue<'a>>;

/// The best match for a misspelt word among candidates, if one is close enough.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|c| {
            let distance = strsim::damerau_levenshtein(&word_lower, &c.to_lowercase());
            let close = distance <= (c.chars().count() / 3).max(1)
                || strsim::jaro_winkler(&word_lower, &c.to_lowercase()) >= 0.9
                || (word.len() >= 3 && (c.starts_with(word) || word.starts_with(c)));
            close.then_some((distance, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    suggest(word, candidates).map_or_else(String::new, |s| format!("; did you mean '{s}'?"))
}

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
        return Err(errors.iter().map(|e| syntax(e, src)).collect());
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

/// Each article's text prepared for quote lookups, and each claim's quote in its article
/// where it is found there (on two threads).
fn find_quotes(
    claims: &[RawClaim<'_>],
    articles: &[ArticleItem],
    index: &HashMap<&str, usize>,
) -> (Vec<ArticleText>, Vec<Option<Anchor>>) {
    // On this thread: the texts are freed before the model's strings are made, and only
    // memory freed by the thread that allocates next is reused (glibc keeps an arena per
    // thread); prepared on two threads they cost 5 MB more at the peak for 49 MB of file.
    let texts: Vec<ArticleText> = articles
        .iter()
        .map(|a| ArticleText::new(a.doc.blocks.iter().map(|b| b.text.as_str())))
        .collect();
    let find = |texts: &[ArticleText], part: &[RawClaim<'_>]| -> Vec<Option<Anchor>> {
        part.iter()
            .map(|claim| {
                let text = texts.get(*index.get(claim.article.get_ref().as_str())?)?;
                let needle = quote::normalize(&markdown::plain_text(claim.quote.get_ref())).text;
                let (block, range) = text.find(&needle)?;
                Some(Anchor { block, range })
            })
            .collect()
    };
    let found = std::thread::scope(|scope| {
        let (left, right) = claims.split_at(claims.len() / 2);
        let other = scope.spawn(|| find(&texts, right));
        let mut found = find(&texts, left);
        found.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        found
    });
    (texts, found)
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

impl Validator {
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
            Ok(Self::resolve(
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

/// A TOML syntax error, with a hint for the common cases.
fn syntax(error: &toml::de::Error, src: &str) -> Diagnostic {
    let message = error.message().trim().to_owned();
    let span = error.span().unwrap_or(0..0);
    let help = if message.contains("duplicate key") {
        "a key may appear once per table; for another item of a list, start a new [[framings]], [[articles]] or [[claims]]"
    } else if message.contains("invalid table header") || message.contains("duplicate table") {
        "each [table] may be defined once; lists of items are written [[name]]"
    } else if message.contains("string") || message.contains("quote") {
        "strings are written in double quotes, \"\"\"three\"\"\" for several lines, or 'single quotes' for literal text"
    } else if message.contains("escape") {
        "inside \"double quotes\" a backslash starts an escape (\\n, \\\", \\\\); use 'single quotes' for literal backslashes"
    } else if message.contains("recursion") || message.contains("recurse") {
        "nesting is this deep only by mistake; a debate file needs tables two levels deep at most"
    } else {
        "this is not valid TOML here; a line is `key = value`, `[table]` or `[[list-item]]`"
    };
    let at = span.start.min(src.len());
    let end = span.end.clamp(at, src.len());
    Diagnostic::new(format!("TOML syntax: {message}"))
        .at(at..end, "here")
        .help(help)
}

/// Items taken from the top-level table, still as parsed TOML values.
#[derive(Default)]
struct TopItems<'a> {
    title: Option<String>,
    title_span: Option<Range<usize>>,
    description: Option<String>,
    framings: Vec<Value<'a>>,
    framings_span: Option<Range<usize>>,
    articles: Vec<Value<'a>>,
    articles_span: Option<Range<usize>>,
    claims: Vec<Value<'a>>,
}

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

/// An id as written, where it was written.
#[derive(Clone)]
struct IdAt<'a> {
    /// Borrowed from the file where it can be: there is one per claim.
    id: Text<'a>,
    span: Range<usize>,
}

struct FramingItem<'a> {
    raw: RawFraming<'a>,
    color: Option<Color>,
}

struct ArticleItem<'a> {
    raw: RawArticle<'a>,
    date: Option<String>,
    doc: markdown::Doc,
}

/// A claim that passed its checks, as the model will hold it, and its links by claim
/// number. Built while the file's claims are checked, so that the raw claims can go before
/// the rest of the model is built.
struct ClaimItem {
    claim: Claim,
    links: Vec<(usize, LinkKind)>,
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How to name an item in messages: by its id when it has a readable one.
fn item_name(kind: &str, index: usize, table: Option<&DeTable<'_>>) -> String {
    let id = table
        .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == "id"))
        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned));
    match id {
        Some(id) if !id.trim().is_empty() => format!("{kind} '{id}'"),
        _ => format!("the {} {kind}", ordinal(index + 1)),
    }
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Validator {
    fn is_broken(&self, kind: &'static str, id: &str) -> bool {
        self.unusable.contains(kind) || self.broken.contains(&(kind, id.to_owned()))
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports unknown keys (with a suggestion) and missing required keys of one table.
    /// Returns whether the table is clean enough to hand to serde.
    fn check_keys(
        &mut self,
        what: &str,
        table: &DeTable<'_>,
        span: &Range<usize>,
        keys: &[Key],
    ) -> bool {
        let before = self.diagnostics.len();
        let names = || keys.iter().map(|k| k.name);
        // A misspelt required key is reported once, as the misspelling, not also as missing.
        let mut suggested = Vec::new();
        for (key, _) in table {
            let name = key.get_ref().as_ref();
            if !keys.iter().any(|k| k.name == name) {
                let suggestion = suggest(name, names());
                suggested.extend(suggestion);
                let help = match suggestion {
                    Some(s) => format!("did you mean '{s}'?"),
                    None => format!(
                        "the keys of {what} are: {}",
                        names().collect::<Vec<_>>().join(", ")
                    ),
                };
                self.push(
                    Diagnostic::new(format!("unknown key '{name}' in {what}"))
                        .at(key.span(), "unknown key")
                        .help(help),
                );
            }
        }
        for key in keys
            .iter()
            .filter(|k| k.required && !suggested.contains(&k.name))
        {
            if !table.iter().any(|(k, _)| k.get_ref() == key.name) {
                self.push(
                    Diagnostic::new(format!("{what} is missing '{}'", key.name))
                        .at(span.clone(), format!("'{}' is required here", key.name))
                        .help(format!("add it, for example:\n{}", key.example)),
                );
            }
        }
        self.diagnostics.len() == before
    }

    fn walk_top<'a>(&mut self, root: DeTable<'a>) -> TopItems<'a> {
        let mut items = TopItems::default();
        self.check_keys("the top level", &root, &(0..0), shape::TOP);
        for (key, value) in root {
            let span = value.span();
            match key.get_ref().as_ref() {
                "title" => {
                    items.title = self.string("the debate's 'title'", &value);
                    items.title_span = Some(span);
                }
                "description" => {
                    items.description = self.string("the debate's 'description'", &value);
                }
                list @ ("framings" | "articles" | "claims") => {
                    let tables = self.table_list(list, value);
                    match list {
                        "framings" => {
                            items.framings = tables;
                            items.framings_span = Some(key.span());
                        }
                        "articles" => {
                            items.articles = tables;
                            items.articles_span = Some(key.span());
                        }
                        _ => items.claims = tables,
                    }
                }
                _ => {}
            }
        }
        items
    }

    fn string(&mut self, what: &str, value: &Value<'_>) -> Option<String> {
        if let Some(s) = value.get_ref().as_str() {
            return Some(s.to_owned());
        }
        self.push(
            Diagnostic::new(format!(
                "{what} must be a string, not {}",
                type_name(value.get_ref())
            ))
            .at(value.span(), "expected a string")
            .help("write it in double quotes: \"...\""),
        );
        None
    }

    /// `[[name]]` items: an array whose every element is a table.
    fn table_list<'a>(&mut self, name: &str, value: Value<'a>) -> Vec<Value<'a>> {
        let span = value.span();
        let singular = name.trim_end_matches('s');
        match value.into_inner() {
            DeValue::Array(mut array) => {
                let mut tables = Vec::with_capacity(array.len());
                for item in array.iter_mut() {
                    if item.get_ref().is_table() {
                        let placeholder = Spanned::new(0..0, DeValue::Boolean(false));
                        tables.push(std::mem::replace(item, placeholder));
                    } else {
                        self.push(
                            Diagnostic::new(format!(
                                "each of '{name}' must be a table, not {}",
                                type_name(item.get_ref())
                            ))
                            .at(item.span(), "expected a table")
                            .help(format!("write each {singular} as a [[{name}]] section")),
                        );
                    }
                }
                tables
            }
            other => {
                self.unusable.insert(match name {
                    "framings" => "framing",
                    "articles" => "article",
                    _ => "claim",
                });
                self.push(
                    Diagnostic::new(format!(
                        "'{name}' must be a list of tables, not {}",
                        type_name(&other)
                    ))
                    .at(span, "expected [[...]] items")
                    .help(format!(
                        "write each {singular} as its own [[{name}]] section (two brackets)"
                    )),
                );
                Vec::new()
            }
        }
    }

    /// serde for one item; a type error names the key it is in.
    fn deserialize<'a, T: Deserialize<'a>>(
        &mut self,
        what: &str,
        value: Value<'a>,
        keys: &[Key],
    ) -> Option<T> {
        let fields: Vec<(String, Range<usize>)> = value
            .get_ref()
            .as_table()
            .map(|t| {
                t.iter()
                    .map(|(k, v)| (k.get_ref().to_string(), v.span()))
                    .collect()
            })
            .unwrap_or_default();
        match T::deserialize(value.into_deserializer()) {
            Ok(t) => Some(t),
            Err(error) => {
                let span = error.span().unwrap_or(0..0);
                let field = fields
                    .iter()
                    .find(|(_, s)| s.start <= span.start && span.end <= s.end);
                let raw = error.message().trim();
                let message = match (field, raw.strip_prefix("invalid type: ")) {
                    (Some((name, _)), Some(rest)) => {
                        let (found, expected) =
                            rest.split_once(", expected ").unwrap_or((rest, "?"));
                        format!("'{name}' of {what} must be {expected}, not {found}")
                    }
                    (Some((name, _)), None) => format!("'{name}' of {what}: {raw}"),
                    (None, _) => format!("{what}: {raw}"),
                };
                let example = field
                    .and_then(|(name, _)| keys.iter().find(|k| k.name == name))
                    .map_or_else(String::new, |k| {
                        format!("write it like this:\n{}", k.example)
                    });
                let mut d = Diagnostic::new(message).at(span, "wrong type");
                if !example.is_empty() {
                    d = d.help(example);
                }
                self.push(d);
                None
            }
        }
    }

    /// Checks the keys of one `[[kind]]` table and deserializes it.
    fn item<'a, T: Deserialize<'a>>(
        &mut self,
        kind: &'static str,
        index: usize,
        value: Value<'a>,
        keys: &[Key],
    ) -> Option<T> {
        let span = value.span();
        let table = value.get_ref().as_table();
        let what = item_name(kind, index, table);
        let clean = table.is_some_and(|t| self.check_keys(&what, t, &span, keys));
        let nested_clean = match table {
            Some(t) if kind == "claim" => self.check_claim_nested(&what, t),
            _ => true,
        };
        let id = table
            .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == "id"))
            .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned));
        let parsed = if clean && nested_clean {
            self.deserialize(&what, value, keys)
        } else {
            None
        };
        if parsed.is_none()
            && let Some(id) = id
        {
            self.broken.insert((kind, id));
        }
        parsed
    }

    /// The stance tables and link tables inside a claim.
    fn check_claim_nested(&mut self, what: &str, claim: &DeTable<'_>) -> bool {
        let mut clean = true;
        for (key, value) in claim {
            match key.get_ref().as_ref() {
                "stances" => {
                    let Some(stances) = value.get_ref().as_table() else {
                        continue; // serde reports the type
                    };
                    for (framing, stance) in stances {
                        if let Some(t) = stance.get_ref().as_table() {
                            let inner =
                                format!("the stance of {what} under '{}'", framing.get_ref());
                            clean &= self.check_keys(&inner, t, &stance.span(), shape::STANCE);
                        } else {
                            self.push(
                                Diagnostic::new(format!(
                                    "the stance of {what} under '{}' must be a table, not {}",
                                    framing.get_ref(),
                                    type_name(stance.get_ref())
                                ))
                                .at(stance.span(), "expected a table")
                                .help(format!(
                                    "write it as: stances.{} = {{ stance = \"supports\", note = \"...\" }}",
                                    framing.get_ref()
                                )),
                            );
                            clean = false;
                        }
                    }
                }
                "links" => {
                    let Some(links) = value.get_ref().as_array() else {
                        continue;
                    };
                    for link in links {
                        if let Some(t) = link.get_ref().as_table() {
                            let inner = format!("a link of {what}");
                            clean &= self.check_keys(&inner, t, &link.span(), shape::LINK);
                        }
                    }
                }
                _ => {}
            }
        }
        clean
    }

    fn check_id(&mut self, kind: &str, id: &Spanned<Text<'_>>) {
        let text = id.get_ref();
        let valid = text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            let proposal = slug(text);
            let help = if proposal.is_empty() {
                "ids use lowercase ASCII letters, digits and '-', starting with a letter or digit"
                    .to_owned()
            } else {
                format!(
                    "ids use lowercase ASCII letters, digits and '-', starting with a letter or digit, e.g. '{proposal}'"
                )
            };
            self.push(
                Diagnostic::new(format!("invalid {kind} id '{text}'"))
                    .at(id.span(), "invalid id")
                    .help(help),
            );
        }
    }

    fn check_unique(&mut self, kind: &str, ids: &[IdAt<'_>]) {
        let mut seen: HashMap<&str, &IdAt<'_>> = HashMap::with_capacity(ids.len());
        for id in ids {
            if let Some(first) = seen.get(id.id.as_str()) {
                self.push(
                    Diagnostic::new(format!("duplicate {kind} id '{}'", id.id))
                        .at(id.span.clone(), "used again here")
                        .also(first.span.clone(), "first used here")
                        .help(format!("every {kind} needs its own id; rename one of them")),
                );
            } else {
                seen.insert(&id.id, id);
            }
        }
    }

    fn non_empty(&mut self, what: &str, field: &str, value: &Spanned<Text<'_>>) {
        if value.get_ref().trim().is_empty() {
            self.push(
                Diagnostic::new(format!("'{field}' of {what} is empty"))
                    .at(value.span(), "empty")
                    .help(format!(
                        "write the {field}, or remove the {}",
                        what.split(' ').next().unwrap_or(what)
                    )),
            );
        }
    }

    /// Each `[[kind]]` table checked and deserialized; the ones with errors are left out.
    fn items<'a, T: Deserialize<'a>>(
        &mut self,
        kind: &'static str,
        values: Vec<Value<'a>>,
        keys: &[Key],
    ) -> Vec<T> {
        values
            .into_iter()
            .enumerate()
            .filter_map(|(i, value)| self.item::<T>(kind, i, value, keys))
            .collect()
    }

    /// `count`: how many `[[framings]]` the file has, including any that had errors.
    fn framings<'a>(
        &mut self,
        raws: Vec<RawFraming<'a>>,
        count: usize,
        span: Option<Range<usize>>,
    ) -> Vec<FramingItem<'a>> {
        let mut out = Vec::with_capacity(count);
        for raw in raws {
            let what = format!("framing '{}'", raw.id.get_ref());
            self.check_id("framing", &raw.id);
            self.non_empty(&what, "name", &raw.name);
            self.non_empty(&what, "thesis", &raw.thesis);
            let color = raw.color.as_ref().and_then(|c| self.color(&what, c));
            out.push(FramingItem { raw, color });
        }
        if count < 2 && !self.unusable.contains("framing") {
            self.push(
                Diagnostic::new(format!(
                    "a debate needs at least 2 framings; this file has {count}"
                ))
                .at(
                    span.unwrap_or(0..0),
                    if count == 0 { "no framings".to_owned() } else { format!("only {count}") },
                )
                .help("add a [[framings]] section for each competing explanation:\n[[framings]]\nid = \"other-view\"\nname = \"Another view\"\nthesis = \"...\""),
            );
        }
        let ids: Vec<IdAt<'_>> = out.iter().map(|f| id_at(&f.raw.id)).collect();
        self.check_unique("framing", &ids);
        out
    }

    fn color(&mut self, what: &str, color: &Spanned<Text<'_>>) -> Option<Color> {
        let text = color.get_ref().trim();
        let lower = text.to_lowercase().replace(['_', ' '], "-");
        if let Some(&(_, named)) = NamedColor::NAMES.iter().find(|(n, _)| *n == lower) {
            return Some(Color::Named(named));
        }
        if let Some(hex) = text.strip_prefix('#')
            && hex.len() == 6
            && hex.chars().all(|c| c.is_ascii_hexdigit())
        {
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
            return Some(Color::Rgb(byte(0), byte(2), byte(4)));
        }
        let names = NamedColor::NAMES.iter().map(|(n, _)| *n);
        self.push(
            Diagnostic::new(format!("unknown colour '{text}' for {what}{}", did_you_mean(&lower, names)))
                .at(color.span(), "unknown colour")
                .help("use a terminal colour name (red, green, yellow, blue, magenta, cyan, gray, light-blue, ...) or #rrggbb"),
        );
        None
    }

    /// `count`: how many `[[articles]]` the file has, including any that had errors.
    fn articles<'a>(
        &mut self,
        raws: Vec<RawArticle<'a>>,
        count: usize,
        span: Option<Range<usize>>,
    ) -> Vec<ArticleItem<'a>> {
        let mut out = Vec::with_capacity(count);
        for raw in raws {
            let what = format!("article '{}'", raw.id.get_ref());
            self.check_id("article", &raw.id);
            self.non_empty(&what, "title", &raw.title);
            self.non_empty(&what, "text", &raw.text);
            let date = raw.date.as_ref().and_then(|d| match d.get_ref() {
                toml::Value::String(s) => Some(s.clone()),
                toml::Value::Datetime(dt) => Some(dt.to_string()),
                other => {
                    self.push(
                        Diagnostic::new(format!(
                            "'date' of {what} must be a date or a string, not {}",
                            other.type_str()
                        ))
                        .at(d.span(), "expected a date")
                        .help("write a TOML date (date = 2025-02-18) or text (date = \"February 2025\")"),
                    );
                    None
                }
            });
            let doc = markdown::parse(raw.text.get_ref());
            out.push(ArticleItem { raw, date, doc });
        }
        if count == 0 && !self.unusable.contains("article") {
            self.push(Diagnostic::new("a debate needs at least 1 article; this file has none").at(span.unwrap_or(0..0), "no articles").help(
                "add an [[articles]] section:\n[[articles]]\nid = \"essay\"\ntitle = \"An essay\"\ntext = \"\"\"\nFirst paragraph.\n\"\"\"",
            ));
        }
        let ids: Vec<IdAt<'_>> = out.iter().map(|a| id_at(&a.raw.id)).collect();
        self.check_unique("article", &ids);
        out
    }

    fn claims(
        &mut self,
        raws: Vec<RawClaim<'_>>,
        framings: &[FramingItem],
        articles: &[ArticleItem],
    ) -> Vec<ClaimItem> {
        // Only the ids of claims that parsed; resolved below for links.
        let ids: Vec<IdAt<'_>> = raws.iter().map(|c| id_at(&c.id)).collect();
        self.check_unique("claim", &ids);
        let claim_index: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .rev()
            .map(|(i, id)| (id.id.as_str(), i))
            .collect();
        let article_index: HashMap<&str, usize> = articles
            .iter()
            .enumerate()
            .rev()
            .map(|(i, a)| (a.raw.id.get_ref().as_str(), i))
            .collect();
        let framing_index: HashMap<&str, usize> = framings
            .iter()
            .enumerate()
            .rev()
            .map(|(i, f)| (f.raw.id.get_ref().as_str(), i))
            .collect();
        // The quotes are looked up on two threads first; only the ones not found come back
        // to `find_quote` below, for their messages.
        let (mut texts, found) = find_quotes(&raws, articles, &article_index);
        if found.iter().all(Option::is_some) {
            // Only a quote not found needs its article's text again, for its message.
            texts = Vec::new();
        }

        // Each raw claim becomes its checked item in the same place: consuming the list this
        // way lets the items reuse its allocation (they are smaller), where a second list
        // would be one more large allocation while a large file is checked.
        let mut tags = Tags::default();
        let check = |(raw, found): (RawClaim<'_>, Option<Anchor>)| {
            let what = format!("claim '{}'", raw.id.get_ref());
            self.check_id("claim", &raw.id);
            self.non_empty(&what, "summary", &raw.summary);
            for tag in &raw.tags {
                if tag.get_ref().trim().is_empty() {
                    self.push(
                        Diagnostic::new(format!("an empty tag in {what}"))
                            .at(tag.span(), "empty tag")
                            .help("remove it, or write the tag"),
                    );
                }
            }
            let article = match article_index.get(raw.article.get_ref().as_str()) {
                Some(&a) => Some(a),
                None if self.is_broken("article", raw.article.get_ref()) => None,
                None => {
                    let name = raw.article.get_ref();
                    let known = articles.iter().map(|a| a.raw.id.get_ref().as_str());
                    let help = suggest(name, known.clone()).map_or_else(
                        || format!("the articles are: {}", known.collect::<Vec<_>>().join(", ")),
                        |s| format!("did you mean '{s}'?"),
                    );
                    self.push(
                        Diagnostic::new(format!(
                            "{what} cites article '{name}', which does not exist"
                        ))
                        .at(raw.article.span(), "no article with this id")
                        .help(help),
                    );
                    None
                }
            };
            let anchor = found.or_else(|| {
                let a = article?;
                self.find_quote(&what, &raw.quote, &articles[a], texts.get(a)?)
            });
            let stances = self.stances(&what, &raw, framings, &framing_index);
            let links = self.links(&what, &raw, &ids, &claim_index);
            Some(ClaimItem {
                claim: Claim {
                    id: raw.id.get_ref().to_string(),
                    article: ArticleIx(article?),
                    quote: raw.quote.get_ref().to_string(),
                    summary: raw.summary.get_ref().to_string(),
                    tags: raw.tags.iter().map(|t| tags.share(t.get_ref())).collect(),
                    stances,
                    anchor: anchor?,
                },
                links,
            })
        };
        raws.into_iter().zip(found).filter_map(check).collect()
    }

    fn find_quote(
        &mut self,
        what: &str,
        quote: &Spanned<Text<'_>>,
        article: &ArticleItem,
        text: &ArticleText,
    ) -> Option<Anchor> {
        let needle = quote::normalize(&markdown::plain_text(quote.get_ref())).text;
        if needle.is_empty() {
            self.push(
                Diagnostic::new(format!("the quote of {what} is empty"))
                    .at(quote.span(), "empty quote")
                    .help("copy the words of the article that make this claim"),
            );
            return None;
        }
        if let Some((block, range)) = text.find(&needle) {
            return Some(Anchor { block, range });
        }
        let plain: Vec<&str> = text.block_texts().collect();
        let prefix = quote::longest_matching_prefix(&needle, &plain);
        let article_id = article.raw.id.get_ref();
        let help = if prefix.is_empty() {
            format!(
                "copy the words exactly from article '{article_id}'; differences of spacing, line breaks, quote marks and *emphasis* do not matter, and a quote must lie within one paragraph"
            )
        } else {
            let continuation = plain
                .iter()
                .find_map(|t| t.find(prefix).map(|at| &t[at + prefix.len()..]))
                .unwrap_or("");
            let next = |s: &str| first_words(s.trim_start(), 6);
            if continuation.trim().is_empty() {
                format!(
                    "the quote matches up to \"{}\", where the paragraph ends; a quote must lie within one paragraph",
                    last_words(prefix, 6)
                )
            } else {
                format!(
                    "the quote matches up to \"{}\"; then the article reads \"{}\" but the quote has \"{}\"",
                    last_words(prefix, 6),
                    next(continuation),
                    next(&needle[prefix.len()..]),
                )
            }
        };
        self.push(
            Diagnostic::new(format!(
                "the quote of {what} is not in article '{article_id}'"
            ))
            .at(quote.span(), "not found in the article")
            .help(help),
        );
        None
    }

    fn stances(
        &mut self,
        what: &str,
        raw: &RawClaim<'_>,
        framings: &[FramingItem],
        framing_index: &HashMap<&str, usize>,
    ) -> Vec<Option<Stance>> {
        let mut stances = vec![None; framings.len()];
        for (framing, stance) in &raw.stances.0 {
            let RawStance { stance: kind, note } = stance.get_ref();
            let kind_value = match kind.get_ref().as_str() {
                "supports" => Some(StanceKind::Supports),
                "challenges" => Some(StanceKind::Challenges),
                "neutral" => Some(StanceKind::Neutral),
                other => {
                    self.push(
                        Diagnostic::new(format!(
                            "unknown stance '{other}' in {what}{}",
                            did_you_mean(other, StanceKind::ALL.map(StanceKind::as_str))
                        ))
                        .at(kind.span(), "unknown stance")
                        .help("a stance is \"supports\", \"challenges\" or \"neutral\""),
                    );
                    None
                }
            };
            match framing_index.get(framing.get_ref().as_str()) {
                Some(&f) => {
                    if let Some(kind) = kind_value {
                        stances[f] = Some(Stance {
                            kind,
                            note: note.as_ref().map(|n| n.get_ref().as_str().into()),
                        });
                    }
                }
                None if self.is_broken("framing", framing.get_ref()) => {}
                None => {
                    let name = framing.get_ref();
                    let known = framings.iter().map(|f| f.raw.id.get_ref().as_str());
                    let help = suggest(name, known.clone()).map_or_else(
                        || format!("the framings are: {}", known.collect::<Vec<_>>().join(", ")),
                        |s| format!("did you mean '{s}'?"),
                    );
                    self.push(
                        Diagnostic::new(format!(
                            "{what} has a stance for framing '{name}', which does not exist"
                        ))
                        .at(framing.span(), "no framing with this id")
                        .help(help),
                    );
                }
            }
        }
        stances
    }

    fn links(
        &mut self,
        what: &str,
        raw: &RawClaim<'_>,
        ids: &[IdAt<'_>],
        claim_index: &HashMap<&str, usize>,
    ) -> Vec<(usize, LinkKind)> {
        let mut links = Vec::new();
        for link in &raw.links {
            let RawLink { to, kind } = link.get_ref();
            let kind_value = match kind.get_ref().as_str() {
                "supports" => Some(LinkKind::Supports),
                "attacks" => Some(LinkKind::Attacks),
                other => {
                    self.push(
                        Diagnostic::new(format!(
                            "unknown link kind '{other}' in {what}{}",
                            did_you_mean(other, ["supports", "attacks"])
                        ))
                        .at(kind.span(), "unknown kind")
                        .help("a link's kind is \"supports\" or \"attacks\""),
                    );
                    None
                }
            };
            if to.get_ref() == raw.id.get_ref() {
                self.push(
                    Diagnostic::new(format!("{what} links to itself"))
                        .at(to.span(), "the claim's own id")
                        .help("a link connects two different claims"),
                );
                continue;
            }
            match claim_index.get(to.get_ref().as_str()) {
                Some(&target) => {
                    if let Some(kind) = kind_value {
                        links.push((target, kind));
                    }
                }
                None if self.is_broken("claim", to.get_ref()) => {}
                None => {
                    let name = to.get_ref();
                    let known = ids.iter().map(|i| i.id.as_str());
                    let help = suggest(name, known).map_or_else(
                        || "link to the id of a claim defined in this file".to_owned(),
                        |s| format!("did you mean '{s}'?"),
                    );
                    self.push(
                        Diagnostic::new(format!(
                            "{what} links to claim '{name}', which does not exist"
                        ))
                        .at(to.span(), "no claim with this id")
                        .help(help),
                    );
                }
            }
        }
        links
    }

    /// Builds the resolved model; called only when no diagnostic was raised.
    fn resolve(
        title: String,
        description: Option<String>,
        framings: Vec<FramingItem>,
        articles: Vec<ArticleItem>,
        claims: Vec<ClaimItem>,
    ) -> Debate {
        let framings = framings
            .into_iter()
            .map(|f| Framing {
                id: owned(f.raw.id),
                name: owned(f.raw.name),
                thesis: owned(f.raw.thesis),
                color: f.color,
            })
            .collect();
        let mut links = Vec::new();
        let mut claims: Vec<Claim> = claims
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                for (to, kind) in c.links {
                    links.push(Link {
                        from: ClaimIx(i),
                        to: ClaimIx(to),
                        kind,
                    });
                }
                c.claim
            })
            .collect();
        // Built in the raw claims' place, which are larger: give the room back.
        claims.shrink_to_fit();
        // The articles' strings are copied after the claims gave back their room.
        let mut articles: Vec<Article> = articles
            .into_iter()
            .map(|a| Article {
                id: owned(a.raw.id),
                title: owned(a.raw.title),
                subtitle: a.raw.subtitle.map(owned),
                author: a.raw.author.map(owned),
                publication: a.raw.publication.map(owned),
                date: a.date,
                url: a.raw.url.map(owned),
                text: owned(a.raw.text),
                doc: a.doc,
                claims: Vec::new(),
            })
            .collect();
        for (i, claim) in claims.iter().enumerate() {
            articles[claim.article.0].claims.push(ClaimIx(i));
        }
        for article in &mut articles {
            article
                .claims
                .sort_by_key(|c| (claims[c.0].anchor.block, claims[c.0].anchor.range.start));
        }
        Debate {
            title,
            description,
            framings,
            articles,
            claims,
            links,
        }
    }
}

/// The distinct tags of a debate, each made once and shared by the claims that carry it.
#[derive(Default)]
struct Tags(HashSet<Arc<str>>);

impl Tags {
    fn share(&mut self, tag: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(tag) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(tag);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// A string of the file, copied for the model.
fn owned(text: Spanned<Text<'_>>) -> String {
    text.into_inner().into()
}

fn id_at<'a>(id: &Spanned<Text<'a>>) -> IdAt<'a> {
    IdAt {
        id: id.get_ref().clone(),
        span: id.span(),
    }
}

/// A valid id made from any text: "Tech Transfer!" becomes "tech-transfer".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split(' ').take(n + 1).collect();
    if words.len() > n {
        format!("{}…", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

fn last_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > n {
        format!("…{}", words[words.len() - n..].join(" "))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_share_each_tag() {
        let debate = Debate::embedded().expect("the embedded debate loads");
        let tags: Vec<&Arc<str>> = debate.claims.iter().flat_map(|c| &c.tags).collect();
        let repeated = tags
            .iter()
            .enumerate()
            .find_map(|(i, a)| tags[i + 1..].iter().find(|b| a == *b).map(|b| (*a, *b)));
        let (a, b) = repeated.expect("some tag is on two claims");
        assert!(Arc::ptr_eq(a, b), "tag '{a}' is stored twice");
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("titel", ["title", "text", "id"]), Some("title"));
        assert_eq!(
            suggest("tech-transfr", ["tech-transfer", "indigenous-innovation"]),
            Some("tech-transfer")
        );
        assert_eq!(
            suggest("indigenous", ["tech-transfer", "indigenous-innovation"]),
            Some("indigenous-innovation")
        );
        assert_eq!(suggest("zzz", ["title", "text"]), None);
        assert_eq!(
            suggest("support", ["supports", "challenges", "neutral"]),
            Some("supports")
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tech Transfer!"), "tech-transfer");
        assert_eq!(slug("--A__b--"), "a-b");
        assert_eq!(slug("漢字"), "");
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(1), "1st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(23), "23rd");
    }
}
