//! An arbitrary query against arbitrary text: highlights stay on char boundaries.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    // The first line is the query, the rest the text searched.
    let (query, haystack) = text.split_once('\n').unwrap_or((&text, &text));
    debate::testing::invariants::search_text(query, haystack);
});
