//! CPU time per query on a generated debate, for comparing two builds side by side on a busy
//! machine (criterion's wall-clock medians drift with the load; CPU time drifts much less).
//!
//! `cargo run --release --example search_cpu -- CLAIMS REPEATS QUERY...`: for each query, runs
//! it REPEATS times on a fresh copy of the index (no narrowing from the previous run), ranking
//! the claims only (as the reader first shows them, what the 60 ms target counts), and prints
//! the median and the fastest wall time (the fastest is the steadiest figure where other work
//! comes and goes: interference only ever adds) and the process's CPU time (both threads) per
//! query, read from `/proc/self/stat` (Linux; 10 ms ticks, summed over the repeats).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use debate::model::load_bytes;
use debate::search::Index;

/// User plus system CPU time of this process so far, in clock ticks.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start past its closing paren.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 of what follows `)`.
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let claims: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let repeats: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(40);
    let queries: Vec<&str> = args.iter().skip(2).map(String::as_str).collect();
    let toml = debate::testing::generate::debate_toml((claims / 100).max(1), claims, 3, 1);
    let d = load_bytes("gen.toml", toml.as_bytes()).expect("generated debates load");
    let index = Index::new(&d);
    for query in queries {
        let mut walls = Vec::with_capacity(repeats);
        let mut ticks = 0;
        for _ in 0..repeats {
            let mut fresh = index.clone();
            let shown = AtomicBool::new(false);
            let (start, before) = (Instant::now(), cpu_ticks());
            let _ = fresh.search_phased(
                &d,
                query,
                debate::update::SEARCH_LIMIT,
                &|| shown.load(Ordering::Relaxed),
                |r| shown.store(r.partial, Ordering::Relaxed),
            );
            ticks += cpu_ticks() - before;
            walls.push(start.elapsed().as_secs_f64() * 1e3);
        }
        walls.sort_by(f64::total_cmp);
        let tick_ms = 10.0;
        #[allow(clippy::cast_precision_loss)]
        let cpu = ticks as f64 * tick_ms / repeats as f64;
        // Untimed: the query in full, for how many results it has (the count shown with the
        // ranked claims grows once they are shown).
        let matched = index
            .clone()
            .search(&d, query, debate::update::SEARCH_LIMIT)
            .matched;
        println!(
            "{query:>14}: wall median {:7.1} ms (fastest {:7.1}), CPU {cpu:7.1} ms per query ({matched} results in all)",
            walls[repeats / 2],
            walls[0]
        );
    }
}
