//! The schema walk: the parsed TOML tables checked against the keys each kind of item may
//! hold (unknown and missing keys, with suggestions), then handed to serde, whose type errors
//! are reported with the key they are in.

use std::ops::Range;

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Validator;
use super::messages::{ordinal, suggest};
use crate::model::diagnostic::Diagnostic;
use crate::model::raw::shape::{self, Key};

/// A parsed TOML value with its span.
pub(super) type Value<'a> = Spanned<DeValue<'a>>;

/// Items taken from the top-level table, still as parsed TOML values.
#[derive(Default)]
pub(super) struct TopItems<'a> {
    pub(super) title: Option<String>,
    pub(super) title_span: Option<Range<usize>>,
    pub(super) description: Option<String>,
    pub(super) framings: Vec<Value<'a>>,
    pub(super) framings_span: Option<Range<usize>>,
    pub(super) articles: Vec<Value<'a>>,
    pub(super) articles_span: Option<Range<usize>>,
    pub(super) claims: Vec<Value<'a>>,
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
    /// Reports unknown keys (with a suggestion) and missing required keys of one table, then
    /// repairs what it can so that the rest of the item is still checked: a misspelt required
    /// key is read as the key it is close to, and other unknown keys are left out. Returns
    /// whether the table can go to serde (no required key is missing).
    fn check_keys(
        &mut self,
        what: &str,
        table: &mut DeTable<'_>,
        span: &Range<usize>,
        keys: &[Key],
    ) -> bool {
        let names = || keys.iter().map(|k| k.name);
        let present =
            |table: &DeTable<'_>, name: &str| table.iter().any(|(k, _)| k.get_ref() == name);
        // A misspelt required key is reported once, as the misspelling, not also as missing.
        let mut suggested = Vec::new();
        let mut unknown = Vec::new();
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if !keys.iter().any(|k| k.name == name) {
                let suggestion = suggest(name, names());
                suggested.extend(suggestion);
                unknown.push((name.to_owned(), suggestion));
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
        let mut usable = true;
        for key in keys.iter().filter(|k| k.required) {
            if suggested.contains(&key.name) || present(table, key.name) {
                continue;
            }
            usable = false;
            self.push(
                Diagnostic::new(format!("{what} is missing '{}'", key.name))
                    .at(span.clone(), format!("'{}' is required here", key.name))
                    .help(format!("add it, for example:\n{}", key.example)),
            );
        }
        for (name, meant) in unknown {
            let Some((key, value)) = table.remove_entry(name.as_str()) else {
                continue;
            };
            // Only a required key that is not there is read from its misspelling: an
            // optional one is simply left out (its absence is no error).
            if let Some(meant) = meant
                && keys.iter().any(|k| k.name == meant && k.required)
                && !present(table, meant)
            {
                table.insert(Spanned::new(key.span(), meant.into()), value);
            }
        }
        usable
    }

    pub(super) fn walk_top<'a>(&mut self, mut root: DeTable<'a>) -> TopItems<'a> {
        let mut items = TopItems::default();
        self.check_keys("the top level", &mut root, &(0..0), shape::TOP);
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
    pub(super) fn table_list<'a>(&mut self, name: &str, value: Value<'a>) -> Vec<Value<'a>> {
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

    /// Checks the keys of one `[[kind]]` table and deserializes it. An item with mistakes
    /// that leave it readable (unknown keys, a misspelt key, a bad stance or link) is still
    /// deserialized, so that the checks after this one report its other mistakes in the same
    /// run; the file fails all the same.
    fn item<'a, T: Deserialize<'a>>(
        &mut self,
        kind: &'static str,
        index: usize,
        mut value: Value<'a>,
        keys: &[Key],
    ) -> Option<T> {
        let span = value.span();
        let what = item_name(kind, index, value.get_ref().as_table());
        let id = value
            .get_ref()
            .as_table()
            .and_then(|t| t.iter().find(|(k, _)| k.get_ref() == "id"))
            .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned));
        let usable = match value.get_mut() {
            DeValue::Table(table) => {
                let keys_usable = self.check_keys(&what, table, &span, keys);
                if kind == "claim" {
                    self.check_claim_nested(&what, table);
                }
                keys_usable
            }
            _ => false,
        };
        let parsed = if usable {
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

    /// The stance tables and link tables inside a claim: each reported, and the ones that
    /// cannot be read left out, so that the claim itself still can be.
    fn check_claim_nested(&mut self, what: &str, claim: &mut DeTable<'_>) {
        for (key, value) in claim.iter_mut() {
            match (key.get_ref().as_ref(), value.get_mut()) {
                ("stances", DeValue::Table(stances)) => {
                    let mut unreadable = Vec::new();
                    for (framing, stance) in stances.iter_mut() {
                        let stance_span = stance.span();
                        let readable = if let DeValue::Table(t) = stance.get_mut() {
                            let inner =
                                format!("the stance of {what} under '{}'", framing.get_ref());
                            self.check_keys(&inner, t, &stance_span, shape::STANCE)
                        } else {
                            self.push(
                                Diagnostic::new(format!(
                                    "the stance of {what} under '{}' must be a table, not {}",
                                    framing.get_ref(),
                                    type_name(stance.get_ref())
                                ))
                                .at(stance_span, "expected a table")
                                .help(format!(
                                    "write it as: stances.{} = {{ stance = \"supports\", note = \"...\" }}",
                                    framing.get_ref()
                                )),
                            );
                            false
                        };
                        if !readable {
                            unreadable.push(framing.get_ref().to_string());
                        }
                    }
                    for framing in unreadable {
                        stances.remove(framing.as_str());
                    }
                }
                ("links", DeValue::Array(links)) => {
                    let mut readable = Vec::with_capacity(links.len());
                    for link in links.iter_mut() {
                        let link_span = link.span();
                        readable.push(match link.get_mut() {
                            DeValue::Table(t) => {
                                let inner = format!("a link of {what}");
                                self.check_keys(&inner, t, &link_span, shape::LINK)
                            }
                            _ => true, // serde reports the type
                        });
                    }
                    if readable.contains(&false) {
                        *links = std::mem::replace(links, toml::de::DeArray::new())
                            .into_iter()
                            .zip(readable)
                            .filter_map(|(link, keep)| keep.then_some(link))
                            .collect();
                    }
                }
                _ => {} // serde reports the types
            }
        }
    }

    /// Each `[[kind]]` table checked and deserialized; the ones with errors are left out.
    pub(super) fn items<'a, T: Deserialize<'a>>(
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
}
