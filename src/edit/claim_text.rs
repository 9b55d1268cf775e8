//! A claim's TOML text: written new, or changed in place with `toml_edit` so that every key,
//! comment and quoting style the edit does not touch stays exactly as it was.

use std::fmt::Write as _;

use toml_edit::{
    Array, ArrayOfTables, DocumentMut, InlineTable, Item, Key, Table, TableLike, Value,
};

use crate::model::{LinkKind, StanceKind};

/// A claim as the reader's form fills it in: everything but its links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimDraft {
    pub id: String,
    pub article: String,
    /// The words exactly as the article's source has them.
    pub quote: String,
    pub summary: String,
    pub tags: Vec<String>,
    /// One entry per framing the claim bears on, in the order to write them.
    pub stances: Vec<StanceDraft>,
}

/// How one framing reads a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceDraft {
    pub framing: String,
    pub kind: StanceKind,
    pub note: Option<String>,
}

/// A string as TOML writes it: basic, literal or multi-line, whichever needs no escapes,
/// escaped where it must be (quotes, backslashes, control characters); CJK stays as it is.
pub fn toml_string(s: &str) -> String {
    Value::from(s).to_string().trim().to_owned()
}

fn toml_key(s: &str) -> String {
    Key::new(s).display_repr().into_owned()
}

/// A new `[[claims]]` section, ending with a newline, in the layout FORMAT.md shows.
pub fn render(draft: &ClaimDraft) -> String {
    let mut out = String::from("[[claims]]\n");
    for (key, value) in [
        ("id", &draft.id),
        ("article", &draft.article),
        ("quote", &draft.quote),
        ("summary", &draft.summary),
    ] {
        let _ = writeln!(out, "{key} = {}", toml_string(value));
    }
    if !draft.tags.is_empty() {
        let tags: Vec<String> = draft.tags.iter().map(|t| toml_string(t)).collect();
        let _ = writeln!(out, "tags = [{}]", tags.join(", "));
    }
    for stance in &draft.stances {
        let _ = writeln!(
            out,
            "stances.{} = {}",
            toml_key(&stance.framing),
            stance_table(stance)
        );
    }
    out
}

fn stance_table(stance: &StanceDraft) -> InlineTable {
    let mut table = InlineTable::new();
    table.insert("stance", stance.kind.as_str().into());
    if let Some(note) = &stance.note {
        table.insert("note", note.as_str().into());
    }
    table.fmt();
    table
}

/// Why a claim's text could not be changed in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// Applies `change` to the one claim table of a claim section's text.
fn edit(
    section: &str,
    change: impl FnOnce(&mut Table) -> Result<(), Unreadable>,
) -> Result<String, Unreadable> {
    let mut doc: DocumentMut = section
        .parse()
        .map_err(|e: toml_edit::TomlError| Unreadable(e.message().to_owned()))?;
    let table = doc
        .get_mut("claims")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|claims| claims.get_mut(0))
        .ok_or_else(|| Unreadable("not a [[claims]] section".to_owned()))?;
    change(table)?;
    Ok(doc.to_string())
}

/// The claim's fields set to `draft`'s, changing only the values that differ.
pub fn update(section: &str, draft: &ClaimDraft) -> Result<String, Unreadable> {
    edit(section, |table| {
        set_string(table, "id", &draft.id);
        set_string(table, "article", &draft.article);
        set_string(table, "quote", &draft.quote);
        set_string(table, "summary", &draft.summary);
        set_tags(table, &draft.tags);
        set_stances(table, &draft.stances)
    })
}

/// Sets a string value, keeping the key's place, spacing and trailing comment; leaves it
/// untouched (quoting style included) when it already holds `text`.
fn set_string(table: &mut dyn TableLike, key: &str, text: &str) {
    if let Some(value) = table.get_mut(key).and_then(Item::as_value_mut) {
        if value.as_str() != Some(text) {
            replace_keeping_decor(value, Value::from(text));
        }
        return;
    }
    table.insert(key, Item::Value(Value::from(text)));
}

/// Removes a key; when it was the last of an inline table, the value now last takes its
/// spacing, so `{ a = 1, b = 2 }` becomes `{ a = 1 }`, not `{ a = 1}`.
fn remove_keeping_spacing(table: &mut dyn TableLike, key: &str) {
    let was_last = table.iter().last().is_some_and(|(k, _)| k == key);
    let Some(Item::Value(removed)) = table.remove(key) else {
        return;
    };
    if !was_last {
        return;
    }
    if let Some(suffix) = removed.decor().suffix().cloned()
        && let Some(value) = table
            .iter_mut()
            .last()
            .and_then(|(_, item)| item.as_value_mut())
    {
        value.decor_mut().set_suffix(suffix);
    }
}

fn replace_keeping_decor(old: &mut Value, mut new: Value) {
    *new.decor_mut() = old.decor().clone();
    *old = new;
}

fn set_tags(table: &mut Table, tags: &[String]) {
    let current: Option<Vec<&str>> = table
        .get("tags")
        .and_then(Item::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect());
    if current.as_deref() == Some(&tags.iter().map(String::as_str).collect::<Vec<_>>()[..]) {
        return;
    }
    if tags.is_empty() {
        table.remove("tags");
        return;
    }
    let mut array: Array = tags.iter().map(String::as_str).collect();
    array.fmt();
    match table.get_mut("tags").and_then(Item::as_value_mut) {
        Some(old) => replace_keeping_decor(old, Value::Array(array)),
        None => {
            table.insert("tags", Item::Value(Value::Array(array)));
        }
    }
}

fn set_stances(table: &mut Table, stances: &[StanceDraft]) -> Result<(), Unreadable> {
    if stances.is_empty() {
        table.remove("stances");
        return Ok(());
    }
    if !table.contains_key("stances") {
        // `stances.framing = { ... }` lines, as FORMAT.md writes them.
        let mut dotted = Table::new();
        dotted.set_dotted(true);
        table.insert("stances", Item::Table(dotted));
    }
    let all = table
        .get_mut("stances")
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| Unreadable("`stances` is not a table".to_owned()))?;
    let unwanted: Vec<String> = all
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| !stances.iter().any(|s| &s.framing == k))
        .collect();
    for key in unwanted {
        all.remove(&key);
    }
    for stance in stances {
        if let Some(entry) = all
            .get_mut(&stance.framing)
            .and_then(Item::as_table_like_mut)
        {
            set_string(entry, "stance", stance.kind.as_str());
            match &stance.note {
                Some(note) => set_string(entry, "note", note),
                None => remove_keeping_spacing(entry, "note"),
            }
        } else {
            let mut value = Value::InlineTable(stance_table(stance));
            value.decor_mut().set_prefix(" ");
            all.insert(&stance.framing, Item::Value(value));
        }
    }
    Ok(())
}

/// The claim with one more link.
pub fn add_link(section: &str, to: &str, kind: LinkKind) -> Result<String, Unreadable> {
    edit(section, |table| {
        match table.get_mut("links") {
            None => {
                let mut array = Array::new();
                array.push(link_table(to, kind));
                table.insert("links", Item::Value(Value::Array(array)));
            }
            Some(Item::Value(Value::Array(array))) => array.push(link_table(to, kind)),
            Some(Item::ArrayOfTables(tables)) => {
                let mut table = Table::new();
                table.insert("to", toml_edit::value(to));
                table.insert("kind", toml_edit::value(kind.as_str()));
                tables.push(table);
            }
            Some(_) => return Err(Unreadable("`links` is not a list".to_owned())),
        }
        Ok(())
    })
}

fn link_table(to: &str, kind: LinkKind) -> InlineTable {
    let mut link = InlineTable::new();
    link.insert("to", to.into());
    link.insert("kind", kind.as_str().into());
    link.fmt();
    link
}

/// The claim without its links to `to`; the `links` key goes when none are left.
pub fn remove_links(section: &str, to: &str) -> Result<String, Unreadable> {
    let targets = |t: &dyn TableLike| t.get("to").and_then(Item::as_str) == Some(to);
    edit(section, |table| {
        let empty = match table.get_mut("links") {
            Some(Item::Value(Value::Array(array))) => {
                array.retain(|v| !v.as_inline_table().is_some_and(|t| targets(t)));
                array.is_empty()
            }
            Some(Item::ArrayOfTables(tables)) => {
                retain_tables(tables, |t| !targets(t));
                tables.is_empty()
            }
            _ => false,
        };
        if empty {
            table.remove("links");
        }
        Ok(())
    })
}

fn retain_tables(tables: &mut ArrayOfTables, keep: impl Fn(&Table) -> bool) {
    tables.retain(|t| keep(t));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ClaimDraft {
        ClaimDraft {
            id: "c".into(),
            article: "a".into(),
            quote: "He said \"no\" \\ then\tleft\nand 中文 'x'".into(),
            summary: "One line.".into(),
            tags: vec!["t1".into(), "t \"2\"".into()],
            stances: vec![
                StanceDraft {
                    framing: "f1".into(),
                    kind: StanceKind::Supports,
                    note: Some("n\u{1}".into()),
                },
                StanceDraft {
                    framing: "f2".into(),
                    kind: StanceKind::Neutral,
                    note: None,
                },
            ],
        }
    }

    #[test]
    fn a_new_claim_reads_back_to_its_draft() {
        let text = render(&draft());
        let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
        let claim = &parsed["claims"][0];
        assert_eq!(claim["quote"].as_str(), Some(draft().quote.as_str()));
        assert_eq!(claim["tags"][1].as_str(), Some("t \"2\""));
        assert_eq!(claim["stances"]["f1"]["note"].as_str(), Some("n\u{1}"));
        assert_eq!(claim["stances"]["f2"]["stance"].as_str(), Some("neutral"));
        assert!(
            text.contains("stances.f2 = { stance = \"neutral\" }\n"),
            "{text}"
        );
        assert!(
            text.starts_with("[[claims]]\nid = \"c\"\narticle = \"a\"\n"),
            "{text}"
        );
    }

    #[test]
    fn strings_are_escaped_where_needed() {
        for s in [
            "plain",
            "it's",
            "say \"hi\"",
            "a\\b",
            "two\nlines",
            "tab\there",
            "bell\u{7}",
            "中文「引用」",
            "'''\"\"\"",
            "trailing \\",
        ] {
            let line = format!("x = {}", toml_string(s));
            let parsed: toml::Table = toml::from_str(&line).expect("valid TOML");
            assert_eq!(parsed["x"].as_str(), Some(s), "{line}");
        }
        assert_eq!(toml_string("中文"), "\"中文\"");
    }

    const SECTION: &str = "[[claims]]\nid = \"c\"   # the id\narticle = 'a'\nquote = '''words'''\nsummary = \"Old.\"\n# a comment\ntags = [ \"x\" ]\n[claims.stances]\nf1 = { stance = \"supports\", note = \"keep\" }\nf2 = {stance=\"neutral\"}\n";

    #[test]
    fn an_unchanged_draft_changes_no_byte() {
        let same = ClaimDraft {
            id: "c".into(),
            article: "a".into(),
            quote: "words".into(),
            summary: "Old.".into(),
            tags: vec!["x".into()],
            stances: vec![
                StanceDraft {
                    framing: "f1".into(),
                    kind: StanceKind::Supports,
                    note: Some("keep".into()),
                },
                StanceDraft {
                    framing: "f2".into(),
                    kind: StanceKind::Neutral,
                    note: None,
                },
            ],
        };
        assert_eq!(update(SECTION, &same).expect("edits"), SECTION);
    }

    #[test]
    fn an_update_changes_only_what_differs() {
        let changed = ClaimDraft {
            id: "c".into(),
            article: "a".into(),
            quote: "words".into(),
            summary: "New \"one\".".into(),
            tags: vec!["x".into()],
            stances: vec![
                StanceDraft {
                    framing: "f1".into(),
                    kind: StanceKind::Supports,
                    note: Some("keep".into()),
                },
                StanceDraft {
                    framing: "f3".into(),
                    kind: StanceKind::Challenges,
                    note: None,
                },
            ],
        };
        let got = update(SECTION, &changed).expect("edits");
        assert_eq!(
            got,
            "[[claims]]\nid = \"c\"   # the id\narticle = 'a'\nquote = '''words'''\nsummary = 'New \"one\".'\n# a comment\ntags = [ \"x\" ]\n[claims.stances]\nf1 = { stance = \"supports\", note = \"keep\" }\nf3 = { stance = \"challenges\" }\n"
        );
    }

    #[test]
    fn stances_added_to_a_claim_without_them_are_dotted_lines() {
        let section = "[[claims]]\nid = \"c\"\narticle = \"a\"\nquote = \"q\"\nsummary = \"s\"\n";
        let mut d = draft();
        d.id = "c".into();
        d.quote = "q".into();
        d.summary = "s".into();
        d.tags.clear();
        let got = update(section, &d).expect("edits");
        assert_eq!(
            got,
            "[[claims]]\nid = \"c\"\narticle = \"a\"\nquote = \"q\"\nsummary = \"s\"\nstances.f1 = { stance = \"supports\", note = \"n\\u0001\" }\nstances.f2 = { stance = \"neutral\" }\n"
        );
        let dotted = "[[claims]]\nid = \"c\"\nstances.f1 = { stance = \"neutral\" } # mine\nstances.f2 = { stance = \"neutral\" }\n";
        let mut only = d.clone();
        only.stances.truncate(1);
        only.stances[0].kind = StanceKind::Neutral;
        only.stances[0].note = None;
        only.article = String::new();
        let got = update(dotted, &only).expect("edits");
        assert!(
            got.contains("stances.f1 = { stance = \"neutral\" } # mine\n"),
            "{got}"
        );
        assert!(!got.contains("f2"), "{got}");
    }

    #[test]
    fn links_are_added_and_removed_in_either_spelling() {
        let section = "[[claims]]\nid = \"c\"\n";
        let one = add_link(section, "d", LinkKind::Attacks).expect("adds");
        assert_eq!(
            one,
            "[[claims]]\nid = \"c\"\nlinks = [{ to = \"d\", kind = \"attacks\" }]\n"
        );
        let two = add_link(&one, "e", LinkKind::Supports).expect("adds");
        assert_eq!(
            two,
            "[[claims]]\nid = \"c\"\nlinks = [{ to = \"d\", kind = \"attacks\" }, { to = \"e\", kind = \"supports\" }]\n"
        );
        assert_eq!(remove_links(&two, "e").expect("removes"), one);
        assert_eq!(remove_links(&one, "d").expect("removes"), section);
        let tables = "[[claims]]\nid = \"c\"\n\n[[claims.links]]\nto = \"d\"\nkind = \"attacks\"\n";
        let more = add_link(tables, "e", LinkKind::Supports).expect("adds");
        let parsed: toml::Table = toml::from_str(&more).expect("valid");
        assert_eq!(parsed["claims"][0]["links"][1]["to"].as_str(), Some("e"));
        assert!(more.starts_with(tables), "{more}");
        assert_eq!(remove_links(&more, "e").expect("removes"), tables);
    }
}
