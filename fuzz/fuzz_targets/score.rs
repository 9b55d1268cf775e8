//! Differential: our score of arbitrary text against fuzzy-matcher's, on every engine.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 20_000 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    // The first line is the query (at most 32 chars: the crate's matrix is text × query), the
    // rest the text scored.
    let (query, haystack) = text.split_once('\n').unwrap_or((&text, &text));
    let query: String = query.chars().take(32).collect();
    if let Err(disagreement) = debate::search::skim::oracle::compare_with_crate(haystack, &query) {
        panic!("{disagreement}");
    }
});
