//! Search, load and drawing on generated debates (`debate generate`'s generator): medians via
//! criterion. Run with `cargo bench --bench search`; `DEBATE_BENCH_1M=1` adds a million
//! claims (a 750 MB file: about 25 s to generate and load, 5 GB of memory).

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use debate::action::Action;
use debate::model::{Debate, load_bytes};
use debate::search::Index;
use debate::state::State;
use debate::update::{SEARCH_LIMIT, update};

/// Queries of 1 to 12 characters: word starts, two terms, a fuzzy one nothing matches
/// closely (no result reaches the score bound, so little is skipped), a common word that
/// runs on with letters found later (most texts hold the word, and only a look near it tells
/// which can rank), a word the texts never hold whose letters most do, scattered (the slowest
/// found: the best results are far below what the letters could score, so every match is
/// scored in full), and fzf's operators: three terms one of them negated, exact and prefix
/// terms.
const QUERIES: [&str; 11] = [
    "t",
    "tec",
    "techno",
    "deepseek",
    "technology t",
    "semiconducto",
    "technologie",
    "semicon",
    "tec sem !chi",
    "t s !the",
    "'techno ^the",
];

fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000];
    if std::env::var_os("DEBATE_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

fn generated(claims: usize) -> Debate {
    let framings = if claims >= 1_000_000 { 2 } else { 3 };
    let toml = debate::testing::generate::debate_toml((claims / 100).max(1), claims, framings, 1);
    load_bytes("gen.toml", toml.as_bytes()).expect("generated debates load")
}

fn search(c: &mut Criterion) {
    for claims in sizes() {
        let d = generated(claims);
        let index = Index::new(&d);
        let mut group = c.benchmark_group(format!("search/{claims}-claims"));
        group.sample_size(10);
        for query in QUERIES {
            // The claims ranked (what the target counts: summary, quote and tags), as the
            // reader first shows them; the paragraphs that follow are then abandoned.
            // A fresh copy of the index each time (made outside the timing): no narrowing
            // from the previous query.
            group.bench_function(format!("{query}: claims"), |b| {
                b.iter_batched(
                    || index.clone(),
                    |mut index| {
                        let shown = AtomicBool::new(false);
                        let _ = index.search_phased(
                            &d,
                            query,
                            SEARCH_LIMIT,
                            &|| shown.load(Ordering::Relaxed),
                            |r| shown.store(r.partial, Ordering::Relaxed),
                        );
                        // Returned, so that criterion frees it outside the timing.
                        index
                    },
                    BatchSize::LargeInput,
                );
            });
            group.bench_function(format!("{query}: with paragraphs"), |b| {
                b.iter_batched(
                    || index.clone(),
                    |mut index| {
                        black_box(index.search(&d, query, SEARCH_LIMIT).matched);
                        index
                    },
                    BatchSize::LargeInput,
                );
            });
        }
        group.bench_function("typing 'technology' one key at a time", |b| {
            b.iter_batched(
                || index.clone(),
                |mut index| {
                    let mut query = String::new();
                    for ch in "technology".chars() {
                        query.push(ch);
                        black_box(index.search(&d, &query, SEARCH_LIMIT).matched);
                    }
                    index
                },
                BatchSize::LargeInput,
            );
        });
        group.finish();
    }
}

fn load(c: &mut Criterion) {
    // About 50 MB.
    let toml = debate::testing::generate::debate_toml(600, 60_000, 3, 1);
    let mut group = c.benchmark_group(format!("load/{}-MB", toml.len() / 1_000_000));
    group.sample_size(10);
    group.bench_function("toml parse only (reference)", |b| {
        b.iter(|| black_box(toml::de::DeTable::parse(&toml).is_ok()));
    });
    group.bench_function("load and validate", |b| {
        b.iter(|| black_box(load_bytes("gen.toml", toml.as_bytes()).is_ok()));
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame/200x60");
    for claims in std::iter::once(50).chain(sizes()) {
        let d = if claims == 50 {
            load_bytes(
                "gen.toml",
                debate::testing::generate::debate_toml(1, 50, 3, 1).as_bytes(),
            )
            .expect("loads")
        } else {
            generated(claims)
        };
        let mut state = State::new(d, "gen", 200, 60);
        for (view, actions) in [
            ("reader", vec![]),
            ("claims", vec![Action::ShowClaims]),
            ("debate", vec![Action::ShowDebate]),
        ] {
            for action in actions {
                update(&mut state, action);
            }
            group.bench_function(format!("{view}, {claims} claims"), |b| {
                b.iter(|| black_box(debate::screen::draw(&state, 200, 60)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, search, load, frame);
criterion_main!(benches);
