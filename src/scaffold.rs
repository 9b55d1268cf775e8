//! `debate new`: a first debate file made from Markdown or plain-text articles, which passes
//! `debate check` at once and shows its author what to fill in: titles from YAML front matter,
//! the first heading or the first line, ids made from titles, two placeholder framings, one
//! example claim per article. `debate check` warns of the placeholders until they are replaced.

mod front_matter;

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::model::{self, Debate, LoadFailure};

/// An article as read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    /// Markdown, paragraphs separated by blank lines.
    pub text: String,
    /// From the front matter, when it says.
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// Front matter the article's entry has no key for, kept as comment lines.
    pub comments: Vec<String>,
}

/// A line that can never be a title: blank, or a thematic break (`---`, `***`, `___`).
fn is_not_a_title(line: &str) -> bool {
    let bare: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    bare.is_empty()
        || (bare.len() >= 3
            && ["-", "*", "_"]
                .iter()
                .any(|mark| bare.chars().all(|c| c.to_string() == *mark)))
}

/// Reads an article: the front matter's title, else the first `#` heading (or, in plain text,
/// the first line) is its title; line endings become `\n`; in plain text each line is a
/// paragraph.
pub fn read_article(name: &str, content: &str) -> Source {
    let content = content.replace("\r\n", "\n").replace('\r', "\n");
    let content = content.trim_start_matches('\u{feff}');
    let (front, content) = front_matter::split(content);
    let front = front.unwrap_or_default();
    let lines: Vec<&str> = content.lines().map(str::trim_end).collect();
    let first = lines.iter().position(|l| !is_not_a_title(l));
    let markdown = lines.iter().any(|l| l.starts_with('#'))
        || std::path::Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let (title, rest): (String, Vec<&str>) = match (first, &front.title) {
        // A heading that repeats the front matter's title is dropped; any other stays.
        (Some(i), Some(title)) if lines[i].trim_start_matches('#').trim() == title => {
            (title.clone(), lines[i + 1..].to_vec())
        }
        (_, Some(title)) => (title.clone(), lines.clone()),
        (first, None) => title_and_rest(name, &lines, first),
    };
    let text = if markdown {
        collapse_blank_lines(&rest)
    } else {
        // Plain text: every non-empty line is a paragraph of its own.
        rest.iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let title = if title.is_empty() {
        file_stem(name)
    } else {
        title
    };
    Source {
        title,
        text,
        author: front.author,
        date: front.date,
        url: front.url,
        comments: front.other_lines,
    }
}

/// The title from the first line that can be one, and the lines after it.
fn title_and_rest<'a>(
    name: &str,
    lines: &[&'a str],
    first: Option<usize>,
) -> (String, Vec<&'a str>) {
    match first {
        Some(i) if lines[i].starts_with('#') => (
            lines[i].trim_start_matches('#').trim().to_owned(),
            lines[i + 1..].to_vec(),
        ),
        // A long first line is a paragraph, not a headline: keep it, and title the article
        // with its first sentence.
        Some(i) if lines[i].chars().count() > MAX_TITLE_CHARS => {
            (first_sentence_of(lines[i].trim()), lines[i..].to_vec())
        }
        Some(i) => (lines[i].trim().to_owned(), lines[i + 1..].to_vec()),
        None => (file_stem(name), Vec::new()),
    }
}

/// A first line longer than this is read as a paragraph.
const MAX_TITLE_CHARS: usize = 120;
/// Ids made from titles are cut to this many bytes, at a word boundary.
const MAX_ID_LEN: usize = 48;

/// The first sentence of a line, without its final period.
fn first_sentence_of(line: &str) -> String {
    let end = line
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '。') && i > 10)
        .map_or(line.len(), |(i, _)| i);
    line[..end].trim().to_owned()
}

/// An id from a title: lowercase ASCII words joined by `-`, cut at a word boundary.
fn id_from(title: &str) -> String {
    let slug = model::slug_id(title);
    if slug.len() <= MAX_ID_LEN {
        return slug;
    }
    let cut = slug[..MAX_ID_LEN].rfind('-').unwrap_or(MAX_ID_LEN);
    slug[..cut].to_owned()
}

fn file_stem(name: &str) -> String {
    std::path::Path::new(name).file_stem().map_or_else(
        || "Untitled".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn collapse_blank_lines(lines: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for &line in lines {
        if line.trim().is_empty() && out.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// The first sentence of an article's first paragraph (as rendered), for the example claim.
fn first_sentence(markdown: &str) -> Option<String> {
    let doc = model::markdown::parse(markdown);
    let block = doc
        .blocks
        .iter()
        .find(|b| b.kind == model::BlockKind::Paragraph && !b.text.trim().is_empty())?;
    let text = block.text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '。' | '！' | '？') && i > 20)
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    let sentence = &text[..end];
    // Keep the example short: the first dozen words are enough to anchor it.
    let words: Vec<&str> = sentence.split_whitespace().take(12).collect();
    Some(words.join(" "))
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A TOML multi-line literal string when the text allows it, else a basic string.
fn block(s: &str) -> String {
    if s.contains("'''") || s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        quoted(s)
    } else {
        format!("'''\n{s}\n'''")
    }
}

/// The article's author, date and url where known, commented examples where not, and the
/// rest of its front matter as comments.
fn write_byline(out: &mut String, source: &Source) {
    match &source.author {
        Some(author) => _ = writeln!(out, "author = {}", quoted(author)),
        None => _ = writeln!(out, "# author = \"\""),
    }
    let _ = writeln!(out, "# publication = \"\"");
    match &source.date {
        // A TOML date stays one; anything else ("Spring 2025") is text.
        Some(date) if date.parse::<toml::value::Datetime>().is_ok() => {
            _ = writeln!(out, "date = {date}");
        }
        Some(date) => _ = writeln!(out, "date = {}", quoted(date)),
        None => _ = writeln!(out, "# date = 2025-01-31"),
    }
    match &source.url {
        Some(url) => _ = writeln!(out, "url = {}", quoted(url)),
        None => _ = writeln!(out, "# url = \"\""),
    }
    if !source.comments.is_empty() {
        let _ = writeln!(out, "# From the article's front matter:");
        for line in &source.comments {
            // A comment may not hold control characters; tabs are fine.
            let line: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect();
            let _ = writeln!(out, "# {line}");
        }
    }
}

/// The debate file for these articles, and the debate it loads as (proof that it checks).
pub fn new_debate(sources: &[Source]) -> Result<(String, Debate), LoadFailure> {
    scaffold(sources, true)
}

/// The debate file an annotated article starts: [`new_debate`]'s, without the example claims
/// (the user's first claim, made in the reader, takes their place).
pub fn annotation_debate(sources: &[Source]) -> Result<(String, Debate), LoadFailure> {
    scaffold(sources, false)
}

fn scaffold(sources: &[Source], examples: bool) -> Result<(String, Debate), LoadFailure> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# A new debate. Fill in the framings, then add claims; `debate check` this file."
    );
    let _ = writeln!(
        out,
        "# The format is described in data/FORMAT.md of debate's source.\n"
    );
    let title = if sources.len() == 1 {
        sources[0].title.clone()
    } else {
        "What these articles argue about".to_owned()
    };
    let _ = writeln!(out, "title = {}", quoted(&title));
    let _ = writeln!(
        out,
        "description = \"TODO: the question the articles disagree about.\"\n"
    );
    for (id, name) in [("first-view", "First view"), ("second-view", "Second view")] {
        let _ = writeln!(out, "[[framings]]\nid = \"{id}\"\nname = \"{name}\"");
        let _ = writeln!(
            out,
            "thesis = \"TODO: one fair paragraph stating what this view holds.\"\n"
        );
    }
    let mut ids = HashSet::new();
    let mut claims = String::new();
    for (n, source) in sources.iter().enumerate() {
        let mut id = id_from(&source.title);
        if id.is_empty() {
            id = format!("article-{}", n + 1);
        }
        let base = id.clone();
        let mut k = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        let text = if source.text.trim().is_empty() {
            "TODO: the article's text."
        } else {
            &source.text
        };
        let _ = writeln!(
            out,
            "[[articles]]\nid = \"{id}\"\ntitle = {}",
            quoted(&source.title)
        );
        write_byline(&mut out, source);
        let _ = writeln!(out, "text = {}\n", block(text));
        if let Some(sentence) = first_sentence(text).filter(|_| examples) {
            let _ = writeln!(
                claims,
                "[[claims]]\nid = \"{id}-claim-1\"\narticle = \"{id}\""
            );
            let _ = writeln!(claims, "quote = {}", quoted(&sentence));
            let _ = writeln!(
                claims,
                "summary = \"TODO: the claim in one sentence, in your own words.\""
            );
            let _ = writeln!(claims, "tags = [\"todo\"]");
            let _ = writeln!(
                claims,
                "stances.first-view = {{ stance = \"neutral\", note = \"TODO: how the first view reads this claim.\" }}"
            );
            let _ = writeln!(
                claims,
                "stances.second-view = {{ stance = \"neutral\", note = \"TODO: how the second view reads it.\" }}\n"
            );
        }
    }
    if examples {
        let _ = writeln!(
            out,
            "# One example claim per article: copy a quote from the text, summarise it,"
        );
        let _ = writeln!(
            out,
            "# and say how each framing reads it (supports, challenges or neutral).\n"
        );
    }
    out.push_str(&claims);
    let debate = model::load_bytes("new debate", out.as_bytes())?;
    Ok((out, debate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_title_from_the_first_heading() {
        let s = read_article(
            "a.md",
            "# The Title\r\n\r\nFirst para.\r\n\r\n\r\n\r\nSecond.\r\n",
        );
        assert_eq!(s.title, "The Title");
        assert_eq!(s.text, "First para.\n\nSecond.");
    }

    #[test]
    fn plain_text_title_from_the_first_line_and_a_paragraph_per_line() {
        let s = read_article("a.txt", "Headline here\nOne paragraph.\nAnother one.\n");
        assert_eq!(s.title, "Headline here");
        assert_eq!(s.text, "One paragraph.\n\nAnother one.");
    }

    #[test]
    fn a_long_first_line_is_a_paragraph_titled_by_its_first_sentence() {
        let line = "China’s AI revolution is getting a plot twist. ".to_owned()
            + &"More words. ".repeat(20);
        let s = read_article("a.txt", &format!("{line}\nSecond paragraph."));
        assert_eq!(s.title, "China’s AI revolution is getting a plot twist");
        assert!(s.text.starts_with("China’s AI revolution"));
        assert_eq!(
            id_from(&s.title),
            "china-s-ai-revolution-is-getting-a-plot-twist"
        );
        assert!(id_from(&"word ".repeat(40)).len() <= MAX_ID_LEN);
    }

    #[test]
    fn the_new_file_checks_and_ids_are_unique() {
        let a = read_article(
            "a.md",
            "# Same\n\nThe first article says something rather long here.",
        );
        let b = read_article(
            "b.md",
            "# Same\n\nThe second article says something else entirely, too.",
        );
        let (text, debate) = new_debate(&[a, b]).unwrap();
        assert_eq!(debate.articles[0].id, "same");
        assert_eq!(debate.articles[1].id, "same-2");
        assert_eq!(debate.claims.len(), 2);
        assert!(text.contains("TODO"));
    }

    #[test]
    fn front_matter_gives_the_title_and_byline_and_is_never_a_title_itself() {
        let a = read_article(
            "post.md",
            "---\ntitle: The Real Title\nauthor: Jane Roe\ndate: 2025-02-18\nurl: https://example.com/p\ntags: [ai, chips]\n---\n\nThe first paragraph says something long enough.\n",
        );
        assert_eq!(a.title, "The Real Title");
        assert_eq!(a.text, "The first paragraph says something long enough.");
        let (text, debate) = new_debate(&[a]).unwrap();
        let article = &debate.articles[0];
        assert_eq!(article.author.as_deref(), Some("Jane Roe"));
        assert_eq!(article.date.as_deref(), Some("2025-02-18"));
        assert_eq!(article.url.as_deref(), Some("https://example.com/p"));
        assert!(text.contains("\n# tags: [ai, chips]\n"), "{text}");
        // A rule where a title would be, with no front matter after it, is skipped.
        let b = read_article("b.md", "---\n\nA first line\n\nBody.\n");
        assert_eq!(b.title, "A first line");
        let c = read_article("c.md", "---\ntitle: x\n");
        assert_ne!(c.title, "---");
    }

    #[test]
    fn texts_with_triple_quotes_still_make_valid_toml() {
        let a = read_article(
            "a.md",
            "# T\n\nIt says ''' and \"quotes\" and more words than twenty.",
        );
        assert!(new_debate(&[a]).is_ok());
    }
}
