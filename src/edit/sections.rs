//! The byte ranges of a debate file's sections as the editor cuts them: where each starts is
//! the model's scan ([`scan`]); here, how much of a section is its item and what follows it.

use std::ops::Range;

pub(crate) use crate::model::sections::{Kind, scan};

/// The part of a section that is its item: the section less the blank and comment lines at
/// its end, which introduce whatever follows. Falls back to the whole section when the cut
/// would not parse (a comment-like line inside a multi-line string).
pub fn extent(src: &str, section: Range<usize>) -> Range<usize> {
    let text = &src[section.clone()];
    let mut end = text.len();
    while end > 0 {
        let line_start = text[..end - 1].rfind('\n').map_or(0, |n| n + 1);
        let line = text[line_start..end].trim();
        if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        end = line_start;
    }
    if end == text.len() || text[..end].parse::<toml_edit::DocumentMut>().is_ok() {
        section.start..section.start + end
    } else {
        section
    }
}

/// The length of the run of blank lines (`\n` only) that starts at `at`.
pub fn blank_lines_after(src: &str, at: usize) -> usize {
    src[at..].bytes().take_while(|&c| c == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extent_leaves_out_the_trailing_comments_and_blank_lines() {
        let src = "[[claims]]\nid = \"a\" # kept\n# inner\nsummary = 'x'\n\n# about the next\n\n";
        let got = &src[extent(src, 0..src.len())];
        assert_eq!(
            got,
            "[[claims]]\nid = \"a\" # kept\n# inner\nsummary = 'x'\n"
        );
        // A '#' line inside a string is not a comment.
        let src = "[[claims]]\nquote = \"\"\"\n# not a comment\n\"\"\"\n";
        assert_eq!(extent(src, 0..src.len()), 0..src.len());
        let src = "[[claims]]\nquote = '''\n# heading\n\n'''";
        assert_eq!(extent(src, 0..src.len()), 0..src.len());
    }

    #[test]
    fn blank_line_runs() {
        let src = "a\n\n\nb\n";
        assert_eq!(blank_lines_after(src, 2), 2);
        assert_eq!(blank_lines_after(src, 4), 0);
    }
}
