//! The links an article offers (its source address, then the links in its text), the rule for
//! which of them may be opened, and opening one with the system's opener.
//!
//! A URL comes from a file the user may not have written, so it is treated as hostile: only
//! http, https and mailto URLs without control characters or blanks are opened, and the opener
//! is run directly with the URL as its one argument, never through a shell.

use std::borrow::Cow;
use std::io;
use std::process::{Command, Stdio};

use crate::model::Article;
use crate::text;

/// One link of an article, as the links list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLink {
    /// The link's words (cleaned for the screen), or "Source" for the article's address.
    pub text: String,
    /// The target as the file wrote it: shown through [`shown`], opened only if [`check`]s.
    pub url: String,
    /// Where the link stands in the text: (block, byte of the block's text); `None` for the
    /// article's source address.
    pub place: Option<(usize, usize)>,
}

/// The article's links in reading order: the source address first (it heads the article),
/// then every link of the text.
pub fn of_article(article: &Article) -> Vec<ArticleLink> {
    let source = article.url.iter().map(|url| ArticleLink {
        text: "Source of the article".to_owned(),
        url: url.clone(),
        place: None,
    });
    let in_text = article
        .doc
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block.links.iter().map(move |link| ArticleLink {
                text: text::clean(block.text.get(link.range.clone()).unwrap_or("")).into_owned(),
                url: link.url.clone(),
                place: Some((b, link.range.start)),
            })
        });
    source.chain(in_text).collect()
}

/// Why a URL is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not http, https or mailto (a file, a program's scheme, a relative path…).
    Scheme,
    /// Control characters or blanks: nothing a browser needs, and a way to smuggle commands.
    Characters,
}

impl Refusal {
    pub fn reason(self) -> &'static str {
        match self {
            Self::Scheme => "only http, https and mailto links open",
            Self::Characters => "the address has control characters or blanks",
        }
    }
}

/// The longest URL opened: browsers take more, but nothing a reader follows is longer.
const MAX_URL: usize = 8192;

/// Whether a URL may be given to the system's opener.
pub fn check(url: &str) -> Result<(), Refusal> {
    if url.is_empty()
        || url.len() > MAX_URL
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err(Refusal::Characters);
    }
    let scheme = url.split_once(':').map_or("", |(s, _)| s);
    let allowed = ["http", "https", "mailto"]
        .iter()
        .any(|a| scheme.eq_ignore_ascii_case(a));
    // `http:foo` without `//` is a relative reference to a browser: only the full form opens.
    let full = scheme.eq_ignore_ascii_case("mailto") || url[scheme.len()..].starts_with("://");
    if allowed && full {
        Ok(())
    } else {
        Err(Refusal::Scheme)
    }
}

/// A URL as it may be shown: control characters made visible, bidi controls dropped.
pub fn shown(url: &str) -> Cow<'_, str> {
    text::clean(url)
}

/// The program that opens a URL: `$DEBATE_OPENER` if set (a program, run without a shell:
/// how tests see what would be opened, and a way to choose a browser), else `open` on macOS
/// and `xdg-open` elsewhere.
fn opener() -> std::ffi::OsString {
    std::env::var_os("DEBATE_OPENER")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open".into()
            } else {
                "xdg-open".into()
            }
        })
}

/// Opens a URL with the system's opener, the URL as its one argument. Returns once the opener
/// started; a thread waits for it to end, so that it leaves no zombie. Its output is dropped:
/// it would land on the reader's screen.
pub fn open(url: &str) -> io::Result<()> {
    check(url).map_err(|r| io::Error::new(io::ErrorKind::InvalidInput, r.reason()))?;
    let mut child = Command::new(opener())
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_open() {
        for ok in [
            "https://example.com/a?b=c&d=e#f",
            "HTTP://EXAMPLE.COM",
            "mailto:someone@example.com",
            "https://example.com/;rm%20-rf",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("file:///etc/passwd", Refusal::Scheme),
            ("javascript:alert(1)", Refusal::Scheme),
            ("/relative/path", Refusal::Scheme),
            ("-n", Refusal::Scheme),
            ("http:relative", Refusal::Scheme),
            ("", Refusal::Characters),
            ("https://e.com/\x1b]0;x\x07", Refusal::Characters),
            ("https://e.com/a b", Refusal::Characters),
            ("https://e.com/\u{9b}31m", Refusal::Characters),
            ("https://e.com/\n", Refusal::Characters),
        ] {
            assert_eq!(check(bad), Err(why), "{bad:?}");
        }
    }

    #[test]
    fn shown_addresses_carry_no_escape() {
        let s = shown("https://e.com/\x1b]8;;evil\x07x");
        assert!(!s.contains('\x1b') && !s.contains('\x07'), "{s:?}");
    }

    #[test]
    fn the_source_comes_first_then_the_text_links() {
        let debate = crate::session::test_debate(
            "T",
            "Essay X",
            "See [the survey](https://example.com/s) and [mail](mailto:a@b.c).\\n",
            "",
        );
        let mut article = debate
            .article(crate::model::Debate::first_article_ix())
            .clone();
        article.url = Some("https://source.example".into());
        let links = of_article(&article);
        let rows: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.text.as_str(), l.url.as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Source of the article", "https://source.example"),
                ("the survey", "https://example.com/s"),
                ("mail", "mailto:a@b.c"),
            ]
        );
        assert_eq!(links[0].place, None);
        assert_eq!(links[1].place, Some((0, 4)));
    }
}
