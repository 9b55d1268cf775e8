//! `debate notes.md` (the glow habit): which files are opened in the reader as Markdown or
//! plain-text articles, one pane per file. The debate they are shown as is the one their first
//! claim starts (`annotate::markdown_debate`).

use std::path::Path;

/// Whether a file is read as an article rather than as a debate file: by its extension.
pub fn is_article(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["md", "markdown", "mdown", "mkd", "txt", "text"]
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
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
}
