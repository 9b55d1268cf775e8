//! Arbitrary bytes through the whole loader: decoding, TOML, schema, validation, error rendering.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    debate::testing::invariants::load_bytes(data);
});
