//! Finding a claim's quote in its article: differences of whitespace and quote marks ignored,
//! and an ellipsis standing for words left out.
//!
//! Authors copy quotes from a browser (straight quotes, reflowed lines) while the article keeps
//! the publication's curly quotes or guillemets; both sides are normalised the same way before
//! comparing: every quote mark is one mark, spaces beside a quote mark do not count, and every
//! run of whitespace is one space. Positions map back to exact byte ranges of the original.

use std::collections::HashMap;
use std::ops::Range;

/// Text normalised for matching, with a map back to byte offsets of the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    map: OffsetMap,
}

/// Where normalised text came from in the original.
#[derive(Debug, Clone)]
struct OffsetMap {
    /// Where the normalised text stops running parallel to the original: from normalised
    /// byte `.0` on, original offsets continue from `.1`, until the next entry. (A table of
    /// every byte took eight times the text; text is mostly copied as it is.)
    jumps: Vec<(usize, usize)>,
    /// The original offset of the end: after the last kept character.
    end: usize,
    /// The normalised text's length.
    len: usize,
}

/// Every quote mark, straight or curly, single or double, and guillemets: one mark.
const QUOTE_MARK: char = '"';

/// A character as quotes are matched: every quote mark one mark, no-break spaces plain ones.
pub fn fold(c: char) -> char {
    match c {
        '\''
        | '"'
        | '\u{2018}'..='\u{201F}'
        | '\u{00AB}'
        | '\u{00BB}'
        | '\u{2039}'
        | '\u{203A}'
        | '\u{02BC}'
        | '\u{2032}'
        | '\u{2033}'
        | '\u{FF02}'
        | '\u{FF07}' => QUOTE_MARK,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// Folds quote marks and collapses every run of whitespace into one space, trimming both ends;
/// whitespace beside a quote mark goes (« mot » and "mot" are the same quote).
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let map = normalize_onto(text, &mut out);
    Normalized { text: out, map }
}

/// [`normalize`], appending to `out`; the map counts from where `out` ended.
fn normalize_onto(text: &str, out: &mut String) -> OffsetMap {
    let base = out.len();
    let mut jumps: Vec<(usize, usize)> = Vec::new();
    let mut pending_space: Option<usize> = None;
    // Records that normalised byte `len` comes from original offset `at`.
    let mut mark = |len: usize, at: usize| {
        let parallel = jumps
            .last()
            .is_some_and(|&(norm, orig)| orig + (len - norm) == at);
        if !parallel {
            jumps.push((len, at));
        }
    };
    let mut after_mark = false;
    for (at, c) in text.char_indices() {
        let c = fold(c);
        if c.is_whitespace() {
            if !after_mark {
                pending_space.get_or_insert(at);
            }
            continue;
        }
        let mark_here = c == QUOTE_MARK;
        if mark_here {
            pending_space = None;
        }
        after_mark = mark_here;
        if let Some(space_at) = pending_space.take()
            && out.len() > base
        {
            mark(out.len() - base, space_at);
            out.push(' ');
        }
        mark(out.len() - base, at);
        out.push(c);
    }
    // The end maps to the end of the last kept character, not past trailing whitespace.
    OffsetMap {
        jumps,
        end: text.trim_end().len(),
        len: out.len() - base,
    }
}

impl OffsetMap {
    /// The original offset of normalised byte `at` (a char boundary).
    fn origin(&self, at: usize) -> usize {
        let i = self.jumps.partition_point(|&(norm, _)| norm <= at);
        match i.checked_sub(1).and_then(|i| self.jumps.get(i)) {
            Some(&(norm, orig)) => orig + (at - norm),
            None => 0,
        }
    }

    /// The original byte range of a normalised byte range.
    fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin(range.start);
        let end = if range.end >= self.len {
            self.end
        } else {
            // The end is the start of the next normalised char; back over a collapsed space.
            self.origin(range.end)
        };
        start..end.max(start)
    }
}

impl Normalized {
    /// The original byte range of a normalised byte range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        self.map.original(range)
    }

    /// Where `needle` (already normalised) occurs, as an original byte range.
    pub fn find(&self, needle: &str) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let at = self.text.find(needle)?;
        let range = self.original(at..at + needle.len());
        Some(range)
    }
}

/// An article's paragraphs normalised for quote lookups: one text, the paragraphs joined by a
/// newline (which normalised text never holds, so no match spans two), searched with memchr's
/// substring finder. A long article gets an index of every 8-byte window at a char boundary,
/// so that ten thousand quotes of one long paragraph cost ten thousand lookups instead of ten
/// thousand scans. Read-only once built, so quotes can be looked up from several threads.
#[derive(Debug, Clone)]
pub struct ArticleText {
    /// Per paragraph, the map back to its original text; the normalised text is in `joined`.
    blocks: Vec<OffsetMap>,
    joined: String,
    /// Where each block starts in `joined`.
    starts: Vec<usize>,
    windows: Option<HashMap<u64, Vec<u32>>>,
}

/// Scans are cheap below this many bytes.
const INDEX_MIN_BYTES: usize = 65_536;
const WINDOW: usize = 8;

fn window_key(bytes: &[u8]) -> u64 {
    let mut key = [0u8; WINDOW];
    key.copy_from_slice(&bytes[..WINDOW]);
    u64::from_le_bytes(key)
}

impl ArticleText {
    pub fn new<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Self {
        // Normalised straight into the joined text: one copy of the article, not two.
        let blocks: Vec<&str> = blocks.into_iter().collect();
        let mut joined = String::with_capacity(blocks.iter().map(|b| b.len() + 1).sum());
        let mut starts = Vec::with_capacity(blocks.len());
        let blocks = blocks
            .into_iter()
            .map(|block| {
                starts.push(joined.len());
                let map = normalize_onto(block, &mut joined);
                joined.push('\n');
                map
            })
            .collect();
        let windows = (joined.len() >= INDEX_MIN_BYTES && u32::try_from(joined.len()).is_ok())
            .then(|| {
                let bytes = joined.as_bytes();
                let mut map: HashMap<u64, Vec<u32>> = HashMap::new();
                for at in (0..=bytes.len() - WINDOW).filter(|&i| joined.is_char_boundary(i)) {
                    map.entry(window_key(&bytes[at..]))
                        .or_default()
                        .push(u32::try_from(at).unwrap_or(u32::MAX));
                }
                map
            });
        Self {
            blocks,
            joined,
            starts,
            windows,
        }
    }

    /// Each paragraph's normalised text.
    pub fn block_texts(&self) -> impl Iterator<Item = &str> {
        self.starts.iter().enumerate().map(|(i, &start)| {
            let end = self
                .starts
                .get(i + 1)
                .map_or(self.joined.len(), |&next| next)
                - 1;
            &self.joined[start..end]
        })
    }

    /// The first block holding `needle` (already normalised), and the original byte range
    /// of its first occurrence there.
    pub fn find(&self, needle: &str) -> Option<(usize, Range<usize>)> {
        if needle.is_empty() {
            return None;
        }
        let at = self.find_joined(needle)?;
        let block = self.starts.partition_point(|&s| s <= at).checked_sub(1)?;
        let local = at - self.starts[block];
        Some((
            block,
            self.blocks[block].original(local..local + needle.len()),
        ))
    }

    /// Like [`Self::find`], and when the quote is not there as it is, an ellipsis (… or ...)
    /// in it stands for words left out: its parts must follow each other in one paragraph,
    /// and the range runs from the first part's start to the last part's end.
    pub fn find_quote(&self, needle: &str) -> Option<(usize, Range<usize>)> {
        if let Some(found) = self.find(needle) {
            return Some(found);
        }
        let parts: Vec<&str> = needle
            .split("...")
            .flat_map(|p| p.split('…'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        match parts.as_slice() {
            [] => None,
            [one] if *one == needle => None,
            [one] => self.find(one),
            [first, rest @ ..] => self.find_parts(first, rest),
        }
    }

    /// The first place where `first` is followed by each of `rest`, in order, in one block.
    fn find_parts(&self, first: &str, rest: &[&str]) -> Option<(usize, Range<usize>)> {
        let text = &self.joined;
        memchr::memmem::find_iter(text.as_bytes(), first.as_bytes()).find_map(|at| {
            let block = self.starts.partition_point(|&s| s <= at).checked_sub(1)?;
            let block_end = self.starts.get(block + 1).map_or(text.len(), |&n| n - 1);
            let mut cursor = at + first.len();
            for part in rest {
                // Earliest is best: it leaves the most room for the parts after it.
                cursor += text[cursor..block_end].find(part)? + part.len();
            }
            let start = self.starts[block];
            Some((
                block,
                self.blocks[block].original(at - start..cursor - start),
            ))
        })
    }

    fn find_joined(&self, needle: &str) -> Option<usize> {
        let text = &self.joined;
        match &self.windows {
            Some(windows) if needle.len() >= WINDOW => windows
                .get(&window_key(needle.as_bytes()))?
                .iter()
                .map(|&p| p as usize)
                // Positions are in text order: the first that matches is the first occurrence.
                .find(|&p| text[p..].starts_with(needle)),
            _ => memchr::memmem::find(text.as_bytes(), needle.as_bytes()),
        }
    }
}

/// How far a quote matches: the longest run of its leading words that occurs in some text.
pub fn longest_matching_prefix<'a>(quote: &'a str, texts: &[&str]) -> &'a str {
    let ends: Vec<usize> = quote
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .chain(std::iter::once(quote.len()))
        .collect();
    let found = |k: usize| -> bool {
        let prefix = &quote[..ends[k]];
        texts.iter().any(|t| t.contains(prefix))
    };
    // Matching is monotone in the number of words, so a binary search finds the longest.
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if found(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 { "" } else { &quote[..ends[lo - 1]] }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn whitespace_and_quotes_fold() {
        // Every quote mark, the apostrophe included, folds to one: “It’s” and "It's" match.
        let n = normalize("  It’s  a\n\ttest ");
        assert_eq!(n.text, "It\"s a test");
        assert_eq!(normalize("It's a test").text, n.text);
    }

    #[test]
    fn find_maps_back_to_original_bytes() {
        let original = "Say “hello”   world, twice.";
        let n = normalize(original);
        let needle = normalize("\"hello\" world").text;
        let range = n.find(&needle).unwrap();
        assert_eq!(&original[range], "“hello”   world");
    }

    #[test]
    fn find_at_end_of_text() {
        let original = "one two three  ";
        let n = normalize(original);
        let range = n.find("two three").unwrap();
        assert_eq!(&original[range], "two three");
    }

    #[test]
    fn empty_needle_is_not_found() {
        assert_eq!(normalize("abc").find(""), None);
    }

    #[test]
    fn the_window_index_finds_the_same_first_occurrence_as_a_scan() {
        let mut text = String::new();
        for n in 0..6000 {
            let _ = write!(text, "Sentence {} says. ", n % 700);
        }
        let indexed = ArticleText::new(["Before.", text.as_str()]);
        let plain = normalize(&text);
        for n in (0..700).chain([5, 9, 699]) {
            let needle = format!("Sentence {n} says");
            assert_eq!(
                indexed.find(&needle),
                plain.find(&needle).map(|r| (1, r)),
                "{needle}"
            );
        }
        assert!(indexed.windows.is_some(), "the index was built");
        assert_eq!(indexed.find("Sentence 700 says"), None);
        assert_eq!(
            indexed.find("says. Sentence 1 "),
            plain.find("says. Sentence 1 ").map(|r| (1, r))
        );
    }

    #[test]
    fn a_quote_is_found_in_its_block_and_never_across_two() {
        let article = ArticleText::new(["One two.", "Three  four “five”.", "Six."]);
        // Needles are normalised by the caller, as the loader does.
        let (block, range) = article.find(&normalize("four \"five\"").text).unwrap();
        assert_eq!(block, 1);
        assert_eq!(&"Three  four “five”."[range], "four “five”");
        assert_eq!(article.find("two. Three"), None);
        assert_eq!(article.find("Six.").map(|(b, _)| b), Some(2));
        assert_eq!(article.find("One").map(|(b, r)| (b, r.start)), Some((0, 0)));
    }

    #[test]
    fn every_quote_mark_is_one_mark_and_spaces_beside_them_do_not_count() {
        let original = "Il a dit « on verra » puis, ‘quietly’, “no”.";
        let n = normalize(original);
        for (quote, expected) in [
            ("dit \"on verra\" puis", "dit « on verra » puis"),
            ("dit «on verra» puis", "dit « on verra » puis"),
            ("'quietly', 'no'", "‘quietly’, “no”"),
            ("\"quietly\"", "‘quietly’"),
        ] {
            let needle = normalize(quote).text;
            let range = n.find(&needle).unwrap_or_else(|| panic!("{quote}"));
            assert_eq!(&original[range], expected);
        }
    }

    #[test]
    fn an_ellipsis_stands_for_words_left_out_within_one_paragraph() {
        let article = ArticleText::new([
            "First paragraph, with words.",
            "The quick brown fox jumps over the lazy dog.",
        ]);
        for elided in [
            "quick … over the",
            "quick...over the",
            "The quick ... fox ... lazy dog.",
        ] {
            let (block, range) = article
                .find_quote(elided)
                .unwrap_or_else(|| panic!("{elided}"));
            assert_eq!(block, 1);
            let found = &"The quick brown fox jumps over the lazy dog."[range];
            let first = elided.split(['.', '…']).next().unwrap_or("").trim();
            assert!(found.starts_with(first), "{found}");
        }
        let (_, range) = article.find_quote("quick … over").unwrap();
        assert_eq!(range, 4..30);
        // Parts in the wrong order, or in two paragraphs, are not a quote.
        assert_eq!(article.find_quote("lazy … quick"), None);
        assert_eq!(article.find_quote("with words … quick"), None);
        assert_eq!(article.find_quote("…"), None);
    }

    #[test]
    fn prefix_search_finds_the_divergence() {
        let texts = ["the quick brown fox jumps"];
        assert_eq!(
            longest_matching_prefix("the quick red fox", &texts),
            "the quick"
        );
        assert_eq!(longest_matching_prefix("lazy dog", &texts), "");
        assert_eq!(
            longest_matching_prefix("quick brown fox", &texts),
            "quick brown fox"
        );
    }
}
