//! Replays the fuzzers' corpora and every crash they ever found, so CI checks what fuzzing
//! learned without running a fuzzer.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

fn replay(dir: &Path, check: fn(&[u8])) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("read");
            check(&bytes);
            count += 1;
        }
    }
    count
}

#[test]
fn load_corpus_and_artifacts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = replay(
        &root.join("fuzz/corpus/load"),
        debate::invariants::load_bytes,
    );
    replay(
        &root.join("fuzz/artifacts/load"),
        debate::invariants::load_bytes,
    );
    replay(
        &root.join("tests/fixtures/fuzz-regressions/load"),
        debate::invariants::load_bytes,
    );
    assert!(corpus > 10, "the load corpus has only {corpus} inputs");
}
