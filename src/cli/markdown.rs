//! `debate notes.md` (the glow habit): Markdown or plain-text files opened in the reader as
//! they are, one pane per file, with no claims and two framings that say how to make the files
//! a debate (`debate new`, which writes the TOML to fill in).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Debate, LoadFailure};

/// The hint shown when Markdown opens: how it becomes a debate.
pub fn hint(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    format!(
        "Read as it is; `debate new {} -o debate.toml` makes it a debate.",
        names.join(" ")
    )
}

/// Whether a file is read as an article rather than as a debate file: by its extension.
pub fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "mdown", "mkd", "txt", "text"]
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// A TOML string literal: the toml crate quotes and escapes it.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The files as a debate of articles only.
pub fn load(files: &[PathBuf]) -> Result<Debate, LoadFailure> {
    let mut toml = String::new();
    let mut titles = Vec::new();
    let mut articles = String::new();
    for (n, path) in files.iter().enumerate() {
        let content = crate::model::read_text(path)?;
        let name = path.file_stem().map_or_else(
            || path.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let source = crate::scaffold::read_article(&name, &content);
        let title = if source.title.trim().is_empty() {
            name.clone()
        } else {
            source.title.clone()
        };
        let _ = writeln!(articles, "[[articles]]\nid = \"file-{}\"", n + 1);
        let _ = writeln!(articles, "title = {}", quoted(&title));
        for (key, value) in [
            ("author", &source.author),
            ("date", &source.date),
            ("url", &source.url),
        ] {
            if let Some(value) = value {
                let _ = writeln!(articles, "{key} = {}", quoted(value));
            }
        }
        let text = if source.text.trim().is_empty() {
            "(empty)"
        } else {
            &source.text
        };
        let _ = writeln!(articles, "text = {}\n", quoted(text));
        titles.push(title);
    }
    let title = match titles.as_slice() {
        [one] => one.clone(),
        _ => format!("{} files", titles.len()),
    };
    let _ = writeln!(toml, "title = {}", quoted(&title));
    for (id, name) in [
        ("no-framings-yet", "No framings yet"),
        ("debate-new", "debate new"),
    ] {
        let _ = writeln!(
            toml,
            "[[framings]]\nid = \"{id}\"\nname = \"{name}\"\nthesis = {}\n",
            quoted(
                "These files have no framings or claims: `debate new` writes a debate file to fill in."
            )
        );
    }
    toml.push_str(&articles);
    Debate::from_toml(&toml).map_err(|diagnostics| LoadFailure {
        file: files
            .first()
            .map_or_else(String::new, |f| f.display().to_string()),
        source: toml.clone(),
        diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_text_are_articles_toml_is_not() {
        assert!(is_article(Path::new("notes.md")));
        assert!(is_article(Path::new("NOTES.MARKDOWN")));
        assert!(is_article(Path::new("a.txt")));
        assert!(!is_article(Path::new("debate.toml")));
        assert!(!is_article(Path::new("README")));
    }

    #[test]
    fn every_file_is_a_pane_with_its_text_as_written() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.txt");
        std::fs::write(
            &a,
            "# First \"quoted\" title\n\nSee [the survey](https://e.com) for details.\n\n'''x'''\n",
        )
        .expect("written");
        std::fs::write(&b, "Plain line one\nline two\n").expect("written");
        let debate = load(&[a, b]).expect("loads");
        assert_eq!(debate.articles.len(), 2);
        assert_eq!(debate.articles[0].title, "First \"quoted\" title");
        assert!(debate.articles[0].text.contains("'''x'''"));
        assert!(debate.claims.is_empty());
        assert_eq!(debate.title, "2 files");
    }
}
