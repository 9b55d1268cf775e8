//! Replays the fuzzers' corpora and every crash they ever found, so CI checks what fuzzing
//! learned without running a fuzzer.
//!
//! Every crash (`fuzz/artifacts/`, `tests/fixtures/fuzz-regressions/`) is replayed every time.
//! Of the corpora, the default run replays one input in [`SAMPLE_EVERY`] (a fixed slice in name
//! order); `DEBATE_FULL_SWEEP=1` (CI sets it) replays them all.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

/// In the default run, one corpus input in this many is replayed.
const SAMPLE_EVERY: usize = 8;

fn full_sweep() -> bool {
    std::env::var_os("DEBATE_FULL_SWEEP").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Replays every file in `dir`; returns how many.
fn replay(dir: &Path, check: fn(&[u8])) -> usize {
    replay_every(dir, check, 1)
}

/// Replays a corpus: all of it in a full sweep, else one file in [`SAMPLE_EVERY`].
fn replay_corpus(dir: &Path, check: fn(&[u8])) -> usize {
    replay_every(dir, check, if full_sweep() { 1 } else { SAMPLE_EVERY })
}

/// Replays one file in `every` of `dir`, in name order (so the sample is the same each run).
fn replay_every(dir: &Path, check: fn(&[u8]), every: usize) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut paths: Vec<_> = entries
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    let mut count = 0;
    for path in paths.iter().step_by(every) {
        let bytes = std::fs::read(path).expect("read");
        check(&bytes);
        count += 1;
    }
    count
}

#[test]
fn load_corpus_and_artifacts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = replay_corpus(
        &root.join("fuzz/corpus/load"),
        debate::testing::invariants::load_bytes,
    );
    replay(
        &root.join("fuzz/artifacts/load"),
        debate::testing::invariants::load_bytes,
    );
    replay(
        &root.join("tests/fixtures/fuzz-regressions/load"),
        debate::testing::invariants::load_bytes,
    );
    assert!(corpus > 10, "the load corpus has only {corpus} inputs");
}

/// Splits a search input as the search target does: the first line is the query.
fn search_input(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (query, haystack) = text.split_once('\n').unwrap_or((&text, &text));
    debate::testing::invariants::search_text(query, haystack);
}

/// Scores as the score target does: the first line (at most 32 chars) is the query.
fn score_input(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let (query, haystack) = text.split_once('\n').unwrap_or((&text, &text));
    let query: String = query.chars().take(32).collect();
    if let Err(disagreement) = debate::search::skim::oracle::compare_with_crate(haystack, &query) {
        panic!("{disagreement}");
    }
}

/// The score target's corpus, and the search corpus (inputs of the same shape) until the
/// score target has grown its own.
#[test]
fn score_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scored = replay(&root.join("fuzz/corpus/search"), score_input)
        + replay(&root.join("fuzz/corpus/score"), score_input);
    replay(&root.join("fuzz/artifacts/score"), score_input);
    assert!(scored > 10, "only {scored} score inputs");
}

/// Renders as the render target does: the text everywhere, every view, three sizes.
fn render_input(bytes: &[u8]) {
    if bytes.len() > 4096 {
        return;
    }
    let text = String::from_utf8_lossy(bytes);
    let debate = debate::testing::invariants::debate_with(&text);
    debate::testing::invariants::render_everywhere(
        &debate,
        &text,
        &[(1, 1), (7, 3), (80, 24)],
        "fuzz input",
    );
}

#[test]
fn render_and_search_corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rendered = replay_corpus(&root.join("fuzz/corpus/render"), render_input);
    replay(&root.join("fuzz/artifacts/render"), render_input);
    let searched = replay_corpus(&root.join("fuzz/corpus/search"), search_input);
    replay(&root.join("fuzz/artifacts/search"), search_input);
    assert!(
        rendered > 10 && searched > 10,
        "{rendered} render and {searched} search inputs"
    );
}
