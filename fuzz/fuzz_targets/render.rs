//! Arbitrary text placed everywhere in a debate, drawn in every view at a few sizes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(data);
    let debate = debate::testing::invariants::debate_with(&text);
    debate::testing::invariants::render_everywhere(&debate, &text, &[(1, 1), (7, 3), (80, 24)], "fuzz input");
});
