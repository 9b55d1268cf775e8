//! Display text: the one width function, cleaning for the screen, truncation and wrapping.
//!
//! Everything that measures or breaks text for the terminal goes through [`width`], which is the
//! width ratatui's buffer gives each grapheme; so what we lay out is exactly what gets drawn, and
//! a wide glyph is never split or pushed past an edge. Wrapping uses textwrap's line-breaking
//! rules and algorithms, fed with these widths. Pure functions; no ratatui types in or out.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::CellWidth;
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;

/// Display width of one grapheme cluster, in terminal cells, as ratatui draws it. Clusters with
/// a control character are dropped by ratatui, so they count 0.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// What becomes of a character on its way to the screen.
enum Shown {
    Same,
    Dropped,
    As(char),
}

/// Line breaks become spaces and bidi controls are dropped (on screen they would reorder what
/// follows); other control characters get the loader's visible stand-ins (␇ for BEL).
fn shown(c: char) -> Shown {
    match c {
        '\n' | '\t' | '\r' => Shown::As(' '),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Shown::Dropped,
        c => crate::model::diagnostic::visible(c).map_or(Shown::Same, Shown::As),
    }
}

fn show(c: char) -> Option<char> {
    match shown(c) {
        Shown::Same => Some(c),
        Shown::Dropped => None,
        Shown::As(r) => Some(r),
    }
}

/// Text made safe for one screen line: control characters shown as symbols, line breaks and
/// tabs as spaces, bidi controls removed. Borrows when nothing needs changing.
pub fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| matches!(shown(c), Shown::Same)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter_map(show).collect())
}

/// Like [`clean`] but keeps line breaks: for text that is wrapped afterwards.
pub fn clean_multiline(s: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || matches!(shown(c), Shown::Same);
    if s.chars().all(keep) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| if c == '\n' { Some(c) } else { show(c) })
            .collect(),
    )
}

/// The longest prefix of `s` that fits in `max` cells, never splitting a grapheme.
pub fn prefix_fitting(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (at, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max {
            return &s[..at];
        }
        used += w;
    }
    s
}

/// `s` cut to `max` cells, ending in "…" when it had to be cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let head = prefix_fitting(s, max - 1);
    Cow::Owned(format!("{}…", head.trim_end()))
}

/// A word of a line to wrap, by byte offsets into the text, with our widths.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    ws_width: usize,
}

impl Fragment for Piece {
    #[allow(clippy::cast_precision_loss)]
    fn width(&self) -> f64 {
        self.width as f64
    }
    #[allow(clippy::cast_precision_loss)]
    fn whitespace_width(&self) -> f64 {
        self.ws_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps text into lines of at most `max` cells, returning each line as a byte range of `text`
/// (without the whitespace where it broke). Hard line breaks (`\n`) are kept; words longer than a
/// line are broken between graphemes; a single grapheme wider than `max` gets a line of its own
/// (the renderer then leaves it out rather than overflow). Never returns an empty list.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for hard in text.split('\n') {
        wrap_line(text, offset, hard, max, &mut lines);
        offset += hard.len() + 1;
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

fn wrap_line(text: &str, offset: usize, line: &str, max: usize, out: &mut Vec<Range<usize>>) {
    if line.trim().is_empty() {
        out.push(offset..offset);
        return;
    }
    let base = text.as_ptr() as usize;
    // Line-break rules (UAX #14) allow a few breaks inside what grapheme rules (UAX #29) call
    // one cluster, such as a space followed by a combining mark: only grapheme boundaries may
    // become line breaks, so words are merged across the others.
    let boundaries: Vec<usize> = line
        .grapheme_indices(true)
        .map(|(i, _)| offset + i)
        .chain([offset + line.len()])
        .collect();
    let mut words: Vec<(usize, usize, usize)> = Vec::new();
    for word in WordSeparator::UnicodeBreakProperties.find_words(line) {
        // Words are slices of `line`, itself a slice of `text`: their offset is the pointer gap.
        let start = word.word.as_ptr() as usize - base;
        let end = start + word.word.len();
        let ws_end = end + word.whitespace.len();
        match words.last_mut() {
            Some(last) if boundaries.binary_search(&last.2).is_err() => {
                last.1 = end;
                last.2 = ws_end;
            }
            _ => words.push((start, end, ws_end)),
        }
    }
    let mut pieces = Vec::new();
    for (start, end, ws_end) in words {
        let word_width = width(&text[start..end]);
        if word_width > max {
            split_long_word(text, start, end, ws_end, max, &mut pieces);
        } else {
            pieces.push(Piece {
                start,
                end,
                width: word_width,
                ws_width: width(&text[end..ws_end]),
            });
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let widths = [max as f64];
    let penalties = Penalties::new();
    // Optimal fit makes evener paragraphs, but may overflow a line when that costs less than
    // the alternatives; first fit never does with pieces that each fit.
    let fits = |lines: &[&[Piece]]| {
        lines.iter().all(|l| {
            let used: usize = l.iter().map(|p| p.width + p.ws_width).sum();
            let trailing = l.last().map_or(0, |p| p.ws_width);
            used - trailing <= max || l.len() == 1
        })
    };
    let wrapped = match wrap_optimal_fit(&pieces, &widths, &penalties) {
        Ok(lines) if fits(&lines) => lines,
        _ => wrap_first_fit(&pieces, &widths),
    };
    let mut any = false;
    for group in wrapped {
        if let (Some(first), Some(last)) = (group.first(), group.last()) {
            out.push(first.start..last.end);
            any = true;
        }
    }
    if !any {
        out.push(offset..offset + line.trim_end().len());
    }
}

/// Breaks a word wider than a line into chunks that fit, between graphemes.
fn split_long_word(
    text: &str,
    start: usize,
    end: usize,
    ws_end: usize,
    max: usize,
    pieces: &mut Vec<Piece>,
) {
    let word = &text[start..end];
    let mut chunk_start = start;
    let mut chunk_width = 0;
    for (at, g) in word.grapheme_indices(true) {
        let w = grapheme_width(g);
        if chunk_width > 0 && chunk_width + w > max {
            pieces.push(Piece {
                start: chunk_start,
                end: start + at,
                width: chunk_width,
                ws_width: 0,
            });
            chunk_start = start + at;
            chunk_width = 0;
        }
        chunk_width += w;
    }
    pieces.push(Piece {
        start: chunk_start,
        end,
        width: chunk_width,
        ws_width: width(&text[end..ws_end]),
    });
}

/// `s` cut to `max` columns at the end of a word, ` …` saying it goes on (cut inside the word
/// only when a single word is wider than `max`).
pub fn words_fitting(s: &str, max: usize) -> String {
    let s = s.trim_end();
    if width(s) <= max {
        return s.to_owned();
    }
    let head = prefix_fitting(s, max.saturating_sub(2));
    let at_break = s[head.len()..].starts_with(char::is_whitespace);
    let whole = if at_break {
        Some(head)
    } else {
        head.rfind(char::is_whitespace).map(|end| &head[..end])
    };
    match whole.map(str::trim_end).filter(|w| !w.is_empty()) {
        Some(words) => format!("{words} …"),
        None => truncate(s, max).into_owned(),
    }
}

/// `s` with its first letter in the case `upper` says, the rest as it is: a message that
/// starts a sentence, or goes on after "Not saved (…): ".
pub fn first_letter(s: &str, upper: bool) -> String {
    let mut chars = s.chars();
    let first: String = match chars.next() {
        Some(c) if upper => c.to_uppercase().collect(),
        Some(c) => c.to_lowercase().collect(),
        None => String::new(),
    };
    first + chars.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn keeps_hard_breaks_and_blank_lines() {
        assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
    }

    #[test]
    fn breaks_cjk_between_characters() {
        let text = "漢字漢字漢字";
        let out = lines(text, 5);
        assert!(out.iter().all(|l| width(l) <= 5), "{out:?}");
        assert_eq!(out.concat(), text);
    }

    #[test]
    fn long_words_split_between_graphemes() {
        let text = "e\u{301}e\u{301}e\u{301}e\u{301}";
        let out = lines(text, 2);
        assert_eq!(out, ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    }

    #[test]
    fn wide_glyph_wider_than_the_line_stands_alone() {
        assert_eq!(lines("a🌞b", 1), ["a", "🌞", "b"]);
        assert_eq!(lines("a🌞b", 2), ["a", "🌞", "b"]);
    }

    #[test]
    fn every_line_fits() {
        let text = "DeepSeek’s success arose not because of China’s innovation system but, in many ways, in spite of it.";
        for max in 1..40 {
            for line in lines(text, max) {
                assert!(width(line) <= max.max(2), "{line:?} at {max}");
            }
        }
    }

    #[test]
    fn never_breaks_inside_a_grapheme() {
        // A space then a combining mark is one grapheme; so is 漢 + U+0A51 + U+1171E.
        for text in ["aaaa \u{ff9f}bbbb", "aaaa漢\u{a51}\u{1171e}bbbb"] {
            for max in 1..8 {
                let all: Vec<usize> = text
                    .grapheme_indices(true)
                    .map(|(i, _)| i)
                    .chain([text.len()])
                    .collect();
                for r in wrap(text, max) {
                    assert!(
                        all.contains(&r.start) && all.contains(&r.end),
                        "{text:?} at {max}: {r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn clean_makes_controls_visible() {
        assert_eq!(clean("a\tb\u{7}c\u{202e}d\n"), "a b\u{2407}cd ");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncation_adds_an_ellipsis_and_fits() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn words_are_cut_at_a_word_boundary_and_say_they_go_on() {
        let words = "praised China’s intense academic culture";
        assert_eq!(words_fitting(words, 30), "praised China’s intense …");
        assert_eq!(words_fitting(words, 100), words);
        // Cut just before a space: the whole words are kept.
        assert_eq!(words_fitting("one two three", 9), "one two …");
        // One word wider than the room is cut inside it, marked all the same.
        assert_eq!(words_fitting("Antidisestablishment", 8), "Antidis…");
    }
}
