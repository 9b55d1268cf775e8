//! Keys typed in one burst must do exactly what the same keys typed one by one do (issue 13).
//!
//! The real binary runs in a pseudo-terminal with every core kept busy. One key script (open the
//! finder, type a query, Enter, next framing, debate view, side by side, back) is sent (a) one
//! key every 30 ms and (b) in a single write, and also typed carefully: Enter only once the
//! query's results are all in, which is what the keys must do at any pace. Once the reader is
//! idle (the screen holds still and the program sleeps), the final screens, colours included,
//! must all be equal; they must show the second framing, no busy mark, and on the results the
//! best one selected. The same script with a second back ends on the results; another ends on
//! `t` right after Enter, while the search may still run: its framing message must stay.
//!
//! `DEBATE_STRESS_RUNS=100 cargo test --test typing_stress` runs 100
//! repetitions of each; plain `cargo test` runs a few. A debug build loads the 10,000 claims in
//! about 5 s with the cores busy (six starts per repetition): add `--release` for 100 of those.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use std::time::Duration;

use support::{App, CpuLoad, differences};

/// How long anything may take before the test gives up: a debug build loads a 10,000-claim file
/// in seconds, and slower with every core busy.
const TIMEOUT: Duration = Duration::from_secs(90);
/// How long the reader must stay idle before its screen counts as final.
const QUIET: Duration = Duration::from_millis(500);
/// The CPU time an idle reader may use in [`QUIET`]: it wakes every 100 ms for microseconds,
/// while a reader at work (or waiting for a core, which it gets at least every few tens of
/// milliseconds) uses far more.
const IDLE_CPU_NANOS: u64 = 3_000_000;
/// The pause between keys of the slow script.
const KEY_GAP: Duration = Duration::from_millis(30);
/// Wide enough for the framing chip on the top bar with four article tabs, so the final screen
/// shows the framing (at 120 columns the tabs of four articles leave it no room).
const COLS: u16 = 160;
const ROWS: u16 = 30;
/// The search view's mark for a running query (`debate::ui::search::BUSY`, written out so the
/// test depends on the binary only).
const BUSY_MARK: &str = "⠿";
/// Esc as a CSI u sequence: two bare ESC bytes in one write read as a single Esc (and ESC then a
/// letter as Alt+letter), an ambiguity of the terminal protocol, not of ordering.
const ESC: &str = "\x1b[27u";

/// The binary at this test's size, with this test's patience.
fn spawn(args: &[&str]) -> App {
    App::spawn(args, &[], COLS, ROWS).with_timeout(TIMEOUT)
}

/// The screen once the reader is idle. It must show every text of `last` (what only the end
/// of the script shows) and no busy mark: no search runs any more.
///
/// The screen is drawn whole first (a resize to one row less and back redraws every cell):
/// what is compared is what the reader draws for where the keys led, not which cells ratatui's
/// diffs happened to rewrite on the way. Those diffs leave the odd cell next to a wide
/// character with another attribute depending on the frames before; that is not ordering.
fn final_screen(app: &mut App, what: &str, last: &[&str]) -> (String, String) {
    app.wait_idle(what, QUIET, IDLE_CPU_NANOS);
    app.resize(COLS, ROWS - 1);
    app.resize(COLS, ROWS);
    let (text, formatted) = app.wait_idle(what, QUIET, IDLE_CPU_NANOS);
    let missing: Vec<&&str> = last.iter().filter(|t| !text.contains(**t)).collect();
    assert!(
        missing.is_empty(),
        "{what}: the reader is idle, but its screen does not show {missing:?}:\n{text}"
    );
    assert!(
        !text.contains(BUSY_MARK),
        "{what}: the reader is idle (no search runs), but the busy mark shows:\n{text}"
    );
    (text, formatted)
}

/// How each script is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pace {
    /// One key every [`KEY_GAP`], and Enter only once the reader is idle: the query's results
    /// are all in. What the keys must do, at any pace.
    Careful,
    /// One key every [`KEY_GAP`].
    Slow,
    /// Every key in one write.
    Burst,
}

/// The keys: open the finder, type `query`, open the best result, then `after`.
fn script(query: &str, after: &[&str]) -> Vec<String> {
    let mut keys = vec!["F".to_owned()];
    keys.extend(query.chars().map(String::from));
    keys.push("\r".to_owned());
    keys.extend(after.iter().map(|&k| k.to_owned()));
    keys
}

/// How many repetitions: `DEBATE_STRESS_RUNS`, else `default`.
fn runs(default: usize) -> usize {
    std::env::var("DEBATE_STRESS_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// Sends `keys` at `pace` to a fresh reader and returns its final screen (text, formatted),
/// which must show every text of `last`.
fn run_once(
    args: &[&str],
    ready: &str,
    keys: &[String],
    last: &[&str],
    pace: Pace,
) -> (String, String) {
    let mut app = spawn(args);
    app.wait_for("the reader", |s| s.contains(ready));
    let what = format!("{:?} typed {pace:?}", keys.concat());
    let type_slowly = |app: &mut App, keys: &[String]| {
        for key in keys {
            app.send(key);
            std::thread::sleep(KEY_GAP);
        }
    };
    match pace {
        Pace::Careful => {
            let enter = keys.iter().position(|k| k == "\r").unwrap_or(keys.len());
            type_slowly(&mut app, &keys[..enter]);
            // The whole query on the prompt, and no busy mark: its results are all in.
            let prompt = format!("/ {}", keys[1..enter].concat());
            app.wait_for("the query's results", |s| {
                s.contains(&prompt) && !s.contains(BUSY_MARK)
            });
            app.wait_idle(&what, QUIET, IDLE_CPU_NANOS);
            type_slowly(&mut app, &keys[enter..]);
        }
        Pace::Slow => type_slowly(&mut app, keys),
        Pace::Burst => app.send(&keys.concat()),
    }
    final_screen(&mut app, &what, last)
}

/// Fails unless the final screen of `keys` sent at `pace` equals the careful typing's, colours
/// included.
fn assert_same(
    rep: usize,
    keys: &[String],
    pace: Pace,
    same: usize,
    careful: &(String, String),
    actual: &(String, String),
) {
    let ((careful_text, careful), (actual_text, actual)) = (careful, actual);
    let keys = keys.concat();
    assert!(
        actual_text == careful_text,
        "run {rep}, {keys:?} typed {pace:?} ends on another screen than typed carefully ({same} \
         runs agreed before):\n{}\nthe screen:\n{actual_text}",
        differences(careful_text, actual_text)
    );
    assert!(
        actual == careful,
        "run {rep}, {keys:?} typed {pace:?}: the careful typing's text, but other colours or \
         attributes ({same} runs agreed before):\n{}\nthe screen:\n{actual_text}",
        differences(careful, actual)
    );
}

/// Two scripts per query, each typed carefully (Enter once the results are in), slowly, and in
/// a burst, `reps` times: the issue's (query, Enter, next framing, debate view, side by side,
/// back), which ends in the reader at what Enter opened; and the same with a second back, which
/// ends on the results, where the selection and the busy mark show. Every time the slow and the
/// burst final screens equal the careful one, which shows the second framing on the top bar
/// and, on the results, the best result selected (1/…).
fn burst_matches_slow(args: &[&str], ready: &str, queries: &[&str], framing: &str, reps: usize) {
    let _load = CpuLoad::start();
    let mut same = 0;
    for rep in 0..reps {
        for &query in queries {
            let prompt = format!("/ {query}");
            let chip = format!("t {framing}");
            // The reader with the second framing's chip and no message, or the results with it:
            // the end of each script (the keys' hints replace the framing message at `d`).
            for (keys, last) in [
                (
                    script(query, &["t", "d", "s", ESC]),
                    vec![chip.as_str(), "READ ", "n next"],
                ),
                (
                    script(query, &["t", "d", "s", ESC, ESC]),
                    vec![chip.as_str(), prompt.as_str()],
                ),
            ] {
                let careful = run_once(args, ready, &keys, &last, Pace::Careful);
                let status = careful.0.lines().last().unwrap_or_default();
                assert!(
                    !status.contains("SEARCH") || status.contains("SEARCH  1/"),
                    "run {rep}, {keys:?} typed carefully: the best result must be selected, the \
                     status line shows {status:?}; the screen:\n{}",
                    careful.0
                );
                for pace in [Pace::Slow, Pace::Burst] {
                    let actual = run_once(args, ready, &keys, &last, pace);
                    assert_same(rep, &keys, pace, same, &careful, &actual);
                }
                same += 1;
            }
        }
    }
    eprintln!("{same} of {same} runs: slow typing and the burst ended on the careful screen");
}

#[test]
fn a_burst_of_keys_ends_where_slow_typing_does_on_the_embedded_debate() {
    burst_matches_slow(
        &[],
        "READ",
        &["durov", "yunhua"],
        "Indigenous innovation",
        runs(2),
    );
}

#[test]
fn a_burst_of_keys_ends_where_slow_typing_does_on_10000_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.toml");
    let file = path.to_str().unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .args([
            "generate",
            "--articles",
            "4",
            "--claims",
            "10000",
            "-o",
            file,
        ])
        .status()
        .unwrap();
    assert!(status.success(), "debate generate failed: {status}");
    burst_matches_slow(
        &[file],
        "READ",
        &["sanction hierarchy"],
        "Framing 1",
        runs(1),
    );
}

/// The failure of `open_switch_panes_search_toggle_framing_and_quit` in tests/e2e.rs, made
/// certain: Enter while the search still runs, then `t`. The framing's message must stay until
/// the next key, whatever the search thread answers meanwhile.
#[test]
fn a_late_search_result_leaves_the_framing_message_on_screen() {
    let _load = CpuLoad::start();
    let query = "hedge fund";
    let keys = script(query, &["t"]);
    let last = ["Framing 2/3: Indigenous innovation"];
    let mut same = 0;
    for rep in 0..runs(3) {
        let careful = run_once(&[], "READ", &keys, &last, Pace::Careful);
        for pace in [Pace::Slow, Pace::Burst] {
            let actual = run_once(&[], "READ", &keys, &last, pace);
            assert_same(rep, &keys, pace, same, &careful, &actual);
        }
        same += 1;
    }
    eprintln!("{same} of {same} runs: the framing message stayed");
}
