//! The debate as plain text to read in a pager (`debate | less`, as glow and bat print when
//! their output is not a terminal): the framings, then each article wrapped to a width, every
//! claim's quote bracketed where it stands and numbered, and under its paragraph the claims
//! with each framing's stance. No colour and no terminal codes: control characters in the
//! file are shown as symbols, so nothing from it can drive the terminal.

use std::fmt::Write as _;

use crate::model::{Article, Block, BlockKind, ClaimIx, Debate};
use crate::text::{clean, clean_multiline};

/// The width text is wrapped to, as a pager shows it comfortably.
pub const WIDTH: usize = 80;

/// The whole debate as text wrapped to `width` columns.
pub fn export(debate: &Debate, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::new();
    heading(&mut out, &debate.title, '=');
    if let Some(description) = &debate.description {
        paragraph(&mut out, description, "", "", width);
    }
    out.push('\n');
    heading(&mut out, "Framings", '-');
    for (n, framing) in debate.framings.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", n + 1, clean(&framing.name));
        paragraph(&mut out, &framing.thesis, "   ", "   ", width);
    }
    for article in &debate.articles {
        out.push('\n');
        write_article(&mut out, debate, article, width);
    }
    out
}

fn heading(out: &mut String, title: &str, underline: char) {
    let title = clean(title);
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{}",
        underline
            .to_string()
            .repeat(crate::text::width(&title).max(3))
    );
}

/// Text wrapped to `width`, the first line after `first`, the others after `rest`.
fn paragraph(out: &mut String, text: &str, first: &str, rest: &str, width: usize) {
    let text = clean_multiline(text);
    // Lines break at spaces only, so that a claim's mark stays on its last word.
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(&text, options) {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn write_article(out: &mut String, debate: &Debate, article: &Article, width: usize) {
    heading(out, &article.title, '=');
    if let Some(subtitle) = &article.subtitle {
        paragraph(out, subtitle, "", "", width);
    }
    let byline = article.byline();
    if !byline.is_empty() {
        let _ = writeln!(out, "{}", clean(&byline));
    }
    if let Some(url) = &article.url {
        let _ = writeln!(out, "{}", clean(url));
    }
    for (at, block) in article.doc.blocks.iter().enumerate() {
        out.push('\n');
        let claims: Vec<ClaimIx> = article
            .claims
            .iter()
            .copied()
            .filter(|&c| debate.claim(c).anchor.block == at)
            .collect();
        write_block(out, debate, block, &claims, width);
        for &claim in &claims {
            write_claim(out, debate, claim, width);
        }
    }
}

/// A block's text with each claim's quote in brackets, followed by the claim's number, and
/// each link's target after its words (`the survey <https://…>`), as a pager cannot follow a
/// link: the target would be lost. A link whose words are its target is left as it is.
fn marked(debate: &Debate, block: &Block, claims: &[ClaimIx]) -> String {
    let mut marks: Vec<(usize, bool, String)> = Vec::new();
    for &claim in claims {
        let range = &debate.claim(claim).anchor.range;
        marks.push((range.start, false, "[".to_owned()));
        marks.push((range.end, true, format!("][{}]", claim.get() + 1)));
    }
    for link in &block.links {
        let target = clean(&link.url);
        let words = block.text.get(link.range.clone()).unwrap_or_default();
        if !target.is_empty() && words != target {
            marks.push((link.range.end, true, format!(" <{target}>")));
        }
    }
    // At one offset, a quote closes before the next opens.
    marks.sort_by_key(|(at, closes, _)| (*at, !*closes));
    let mut text = String::with_capacity(block.text.len() + marks.len() * 4);
    let mut from = 0;
    for (at, _, mark) in marks {
        let at = at.clamp(from, block.text.len());
        text.push_str(&block.text[from..at]);
        text.push_str(&mark);
        from = at;
    }
    text.push_str(&block.text[from..]);
    text
}

fn write_block(out: &mut String, debate: &Debate, block: &Block, claims: &[ClaimIx], width: usize) {
    let quote = "> ".repeat(usize::from(block.quote_depth));
    let text = marked(debate, block, claims);
    match &block.kind {
        BlockKind::Heading(level) => {
            let marks = "#".repeat(usize::from(*level).max(1));
            paragraph(out, &text, &format!("{quote}{marks} "), &quote, width);
        }
        BlockKind::Paragraph => paragraph(out, &text, &quote, &quote, width),
        BlockKind::Item { depth, marker } => {
            let indent = "  ".repeat(usize::from(*depth));
            let first = format!("{quote}{indent}{} ", clean(marker));
            let rest = format!(
                "{quote}{indent}{}",
                " ".repeat(crate::text::width(marker) + 1)
            );
            paragraph(out, &text, &first, &rest, width);
        }
        BlockKind::Code => {
            for line in clean_multiline(&text).lines() {
                let _ = writeln!(out, "{quote}    {line}");
            }
        }
        BlockKind::Rule => {
            let _ = writeln!(out, "{quote}* * *");
        }
    }
}

/// A claim under its paragraph: number, summary and id, then each framing's stance.
fn write_claim(out: &mut String, debate: &Debate, claim: ClaimIx, width: usize) {
    let c = debate.claim(claim);
    let number = format!("    [{}] ", claim.get() + 1);
    let indent = " ".repeat(number.len());
    paragraph(
        out,
        &format!("{} ({})", c.summary, c.id),
        &number,
        &indent,
        width,
    );
    for framing in debate.framing_ixs() {
        let Some(stance) = c.stance(framing) else {
            continue;
        };
        let name = &debate.framing(framing).name;
        let line = match &stance.note {
            Some(note) => format!("{name}: {}. {note}", stance.kind.as_str()),
            None => format!("{name}: {}.", stance.kind.as_str()),
        };
        paragraph(
            out,
            &line,
            &format!("{indent}- "),
            &format!("{indent}  "),
            width,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_claim_is_marked_where_it_stands_and_listed_under_its_paragraph() {
        let debate = Debate::embedded().expect("loads");
        let text = export(&debate, WIDTH);
        assert!(text.starts_with(&debate.title));
        for c in debate.claim_ixs() {
            let claim = debate.claim(c);
            let number = c.get() + 1;
            assert!(
                text.contains(&format!("][{number}]")),
                "claim {number} unmarked"
            );
            assert!(
                text.contains(&format!("[{number}] ")),
                "claim {number} unlisted"
            );
            assert!(text.contains(&format!("({})", claim.id)) || claim.id.len() > WIDTH);
        }
        for framing in &debate.framings {
            assert!(text.contains(&framing.name));
        }
        // Every line fits, but a single word (a url) that cannot be broken.
        assert!(
            text.lines()
                .all(|l| crate::text::width(l) <= WIDTH || !l.trim().contains(' ')),
            "a line is too wide"
        );
        assert!(!text.contains('\u{1b}'), "no terminal codes");
    }

    #[test]
    fn a_link_keeps_its_target_after_its_words() {
        let text = "See [the survey](https://example.com/survey) for details, \
                    or <https://example.com/auto>.";
        let toml = format!(
            "title = \"T\"\n[[framings]]\nid = \"a\"\nname = \"A\"\nthesis = \"A.\"\n\
             [[framings]]\nid = \"b\"\nname = \"B\"\nthesis = \"B.\"\n\
             [[articles]]\nid = \"x\"\ntitle = \"X\"\ntext = \"\"\"{text}\"\"\"\n"
        );
        let debate = crate::model::load_bytes("t.toml", toml.as_bytes()).unwrap();
        let out = export(&debate, 200);
        assert!(
            out.contains("See the survey <https://example.com/survey> for details"),
            "{out}"
        );
        // An autolink shows its target already.
        assert!(out.contains("or https://example.com/auto."), "{out}");
    }

    #[test]
    fn control_characters_from_the_file_are_shown_not_sent() {
        let toml = crate::model::EMBEDDED.replacen("title = \"", "title = \"\\u001b[31m", 1);
        let debate = Debate::from_toml(&toml).expect("loads");
        assert!(!export(&debate, WIDTH).contains('\u{1b}'));
    }
}
