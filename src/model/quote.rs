//! Finding a claim's quote in its article: whitespace and quote-mark differences ignored.
//!
//! Authors copy quotes from a browser (straight quotes, reflowed lines) while the article keeps
//! the publication's curly quotes; both sides are normalised the same way before comparing.

use std::collections::HashMap;
use std::ops::Range;

/// Text normalised for matching, with a map back to byte offsets of the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry at the end.
    origin: Vec<usize>,
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{2033}' => '"',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// Folds quote marks and collapses every run of whitespace into one space, trimming both ends.
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    let mut pending_space: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let c = fold(c);
        if c.is_whitespace() {
            pending_space.get_or_insert(at);
            continue;
        }
        if let Some(space_at) = pending_space.take()
            && !out.is_empty()
        {
            out.push(' ');
            origin.push(space_at);
        }
        let before = out.len();
        out.push(c);
        origin.extend(std::iter::repeat_n(at, out.len() - before));
    }
    // The end maps to the end of the last kept character, not past trailing whitespace.
    let end = text.trim_end().len();
    origin.push(end);
    Normalized { text: out, origin }
}

impl Normalized {
    /// The original byte range of a normalised byte range.
    pub fn original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.origin.get(range.start).copied().unwrap_or(0);
        let end = if range.end >= self.text.len() {
            self.origin.last().copied().unwrap_or(0)
        } else {
            // The end is the start of the next normalised char; back over a collapsed space.
            self.origin.get(range.end).copied().unwrap_or(0)
        };
        start..end.max(start)
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

/// Normalised text that many quotes are looked up in. After a few lookups of a long text it
/// builds an index of every 8-byte window at a char boundary, so that ten thousand quotes of one
/// long paragraph cost ten thousand lookups instead of ten thousand scans.
#[derive(Debug, Clone)]
pub struct Searchable {
    pub normalized: Normalized,
    lookups: u32,
    windows: Option<HashMap<u64, Vec<u32>>>,
}

/// Scans are cheap below this many bytes, or before this many lookups.
const INDEX_MIN_BYTES: usize = 4096;
const INDEX_AFTER_LOOKUPS: u32 = 16;
const WINDOW: usize = 8;

fn window_key(bytes: &[u8]) -> u64 {
    let mut key = [0u8; WINDOW];
    key.copy_from_slice(&bytes[..WINDOW]);
    u64::from_le_bytes(key)
}

impl Searchable {
    pub fn new(text: &str) -> Self {
        Self {
            normalized: normalize(text),
            lookups: 0,
            windows: None,
        }
    }

    /// Where `needle` (already normalised) first occurs, as an original byte range.
    pub fn find(&mut self, needle: &str) -> Option<Range<usize>> {
        self.lookups += 1;
        let text = &self.normalized.text;
        let indexable = text.len() >= INDEX_MIN_BYTES
            && self.lookups > INDEX_AFTER_LOOKUPS
            && u32::try_from(text.len()).is_ok();
        if needle.len() < WINDOW || !indexable {
            return self.normalized.find(needle);
        }
        let windows = self.windows.get_or_insert_with(|| {
            let bytes = text.as_bytes();
            let mut map: HashMap<u64, Vec<u32>> = HashMap::new();
            for at in (0..=bytes.len() - WINDOW).filter(|&i| text.is_char_boundary(i)) {
                map.entry(window_key(&bytes[at..]))
                    .or_default()
                    .push(u32::try_from(at).unwrap_or(u32::MAX));
            }
            map
        });
        // Positions are in text order, so the first that matches is the first occurrence.
        let at = windows
            .get(&window_key(needle.as_bytes()))?
            .iter()
            .map(|&p| p as usize)
            .find(|&p| text[p..].starts_with(needle))?;
        Some(self.normalized.original(at..at + needle.len()))
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
        let n = normalize("  It’s  a\n\ttest ");
        assert_eq!(n.text, "It's a test");
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
        for n in 0..2000 {
            let _ = write!(text, "Sentence {} says. ", n % 700);
        }
        let mut indexed = Searchable::new(&text);
        let plain = normalize(&text);
        for n in (0..700).chain([5, 9, 699]) {
            let needle = format!("Sentence {n} says");
            assert_eq!(indexed.find(&needle), plain.find(&needle), "{needle}");
        }
        assert!(indexed.windows.is_some(), "the index was built");
        assert_eq!(indexed.find("Sentence 700 says"), None);
        assert_eq!(
            indexed.find("says. Sentence 1 "),
            plain.find("says. Sentence 1 ")
        );
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
