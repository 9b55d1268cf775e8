//! A save killed with SIGKILL at any moment leaves the old file or the new one, whole: a child
//! process (this test binary, re-run) saves in a loop and is killed at random moments, 200
//! times; after each kill the file must load.

#![allow(clippy::panic, clippy::unwrap_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use debate::edit::{ClaimDraft, Edit, Editor, StanceDraft};
use debate::model::StanceKind;

const MULTILINGUAL: &str = include_str!("fixtures/multilingual.toml");
const CHILD_ENV: &str = "DEBATE_EDIT_SAVE_LOOP";

/// The child's side: adds a claim and undoes it, forever. Does nothing in a normal test run.
#[test]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut editor, _) = Editor::open(Path::new(&path)).expect("opens");
    let mut n = 0u64;
    loop {
        n += 1;
        let draft = ClaimDraft {
            id: format!("loop-{}-{n}", std::process::id()),
            article: "shenzhen".into(),
            quote: "规划先行".into(),
            summary: "Planning came first.".into(),
            tags: vec!["loop".into()],
            stances: vec![StanceDraft {
                framing: "planning".into(),
                kind: StanceKind::Supports,
                note: None,
            }],
        };
        editor.apply(&Edit::AddClaim(draft)).expect("saves");
        if n.is_multiple_of(2) {
            editor.undo().expect("undoes");
        }
    }
}

/// xorshift: random moments without a dependency.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_file_that_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("debate.toml");
    fs::write(&path, MULTILINGUAL).expect("written");
    let exe = std::env::current_exe().expect("test binary");
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut versions = std::collections::HashSet::new();
    for round in 0..200 {
        let before = fs::read(&path).expect("reads");
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        // Wait (polling) until the child has saved at least once, then let it run on for a
        // random while, so the kill lands anywhere in a save.
        let deadline = Instant::now() + Duration::from_mins(1);
        while fs::read(&path).map_or(true, |now| now == before) && Instant::now() < deadline {
            if child.try_wait().expect("polls").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_micros(next(&mut rng) % 10_000));
        let early = child.try_wait().expect("polls");
        assert!(
            early.is_none(),
            "round {round}: the child stopped by itself: {early:?}"
        );
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let bytes = fs::read(&path).expect("reads");
        versions.insert(bytes.clone());
        if let Err(e) = debate::model::load_bytes("debate.toml", &bytes) {
            panic!(
                "round {round}: the file does not load after a kill:\n{}",
                e.render(false)
            );
        }
    }
    assert!(
        versions.len() > 1,
        "the kills landed on more than one version"
    );
}
