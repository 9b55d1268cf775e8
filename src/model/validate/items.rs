//! Framings and articles: ids (valid, unique), required text not empty, colours and dates,
//! and each article's Markdown parsed into the blocks quotes are found in.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::Validator;
use super::messages::{did_you_mean, slug};
use crate::model::diagnostic::Diagnostic;
use crate::model::markdown;
use crate::model::raw::{RawArticle, RawFraming, Text};
use crate::model::{Color, NamedColor};

/// An id as written, where it was written.
#[derive(Clone)]
pub(super) struct IdAt<'a> {
    /// Borrowed from the file where it can be: there is one per claim.
    pub(super) id: Text<'a>,
    pub(super) span: Range<usize>,
}

/// A framing that parsed, with its colour read.
pub(super) struct FramingItem<'a> {
    pub(super) raw: RawFraming<'a>,
    pub(super) color: Option<Color>,
}

/// An article that parsed, with its date read and its text parsed into blocks.
pub(super) struct ArticleItem<'a> {
    pub(super) raw: RawArticle<'a>,
    pub(super) date: Option<String>,
    pub(super) doc: markdown::Doc,
}

/// Where an id was written, for the duplicate check.
pub(super) fn id_at<'a>(id: &Spanned<Text<'a>>) -> IdAt<'a> {
    IdAt {
        id: id.get_ref().clone(),
        span: id.span(),
    }
}

impl Validator {
    /// Ids are lowercase ASCII words joined by '-': they appear in links and on the command line.
    pub(super) fn check_id(&mut self, kind: &str, id: &Spanned<Text<'_>>) {
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

    /// Each id of a kind once; a second use points at the first.
    pub(super) fn check_unique(&mut self, kind: &str, ids: &[IdAt<'_>]) {
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

    /// Required text must say something.
    pub(super) fn non_empty(&mut self, what: &str, field: &str, value: &Spanned<Text<'_>>) {
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

    /// `count`: how many `[[framings]]` the file has, including any that had errors.
    pub(super) fn framings<'a>(
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

    /// A terminal colour name or `#rrggbb`.
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
    pub(super) fn articles<'a>(
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
}
