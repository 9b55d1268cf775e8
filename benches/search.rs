//! Search, load and drawing on generated debates (`debate generate`'s generator): medians via
//! criterion. Run with `cargo bench --bench search`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use debate::model::load_bytes;
use debate::search::Index;
use debate::state::State;

fn search(c: &mut Criterion) {
    for claims in [1_000usize, 10_000] {
        let toml = debate::generate::debate_toml(claims / 100, claims, 3, 1);
        let d = load_bytes("gen.toml", toml.as_bytes()).expect("generated debates load");
        let mut group = c.benchmark_group(format!("search/{claims}-claims"));
        group.sample_size(10);
        for query in ["t", "tec", "techno", "innovation talent"] {
            group.bench_function(query, |b| {
                b.iter(|| {
                    // A fresh index each time: no narrowing from the previous query.
                    let mut index = Index::new(&d);
                    black_box(index.search(&d, query, 50).matched)
                });
            });
        }
        group.bench_function("typing 'technology' one key at a time", |b| {
            b.iter(|| {
                let mut index = Index::new(&d);
                let mut query = String::new();
                for ch in "technology".chars() {
                    query.push(ch);
                    black_box(index.search(&d, &query, 50).matched);
                }
            });
        });
        group.finish();
    }
}

fn load(c: &mut Criterion) {
    let toml = debate::generate::debate_toml(100, 10_000, 3, 1);
    let mut group = c.benchmark_group(format!("load/{}-MB", toml.len() / 1_000_000));
    group.sample_size(10);
    group.bench_function("toml parse only", |b| {
        b.iter(|| black_box(toml::de::DeTable::parse(&toml).is_ok()));
    });
    group.bench_function("load and validate", |b| {
        b.iter(|| black_box(load_bytes("gen.toml", toml.as_bytes()).is_ok()));
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame/200x60");
    for claims in [50usize, 10_000] {
        let toml = debate::generate::debate_toml((claims / 100).max(1), claims, 3, 1);
        let d = load_bytes("gen.toml", toml.as_bytes()).expect("generated debates load");
        let state = State::new(d, "gen", 200, 60);
        group.bench_function(format!("reader, {claims} claims"), |b| {
            b.iter(|| black_box(debate::screen::draw(&state, 200, 60)));
        });
    }
    group.finish();
}

criterion_group!(benches, search, load, frame);
criterion_main!(benches);
