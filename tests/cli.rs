//! The binary's non-interactive commands, run as a user would: exit codes, stdout and stderr.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::process::{Command, Output};

fn debate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_debate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run debate")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_with_no_file_checks_the_embedded_debate() {
    let out = debate(&["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("2 articles, 3 framings"), "{stdout}");
}

#[test]
fn check_accepts_a_hand_written_multilingual_file() {
    let out = debate(&[
        "check",
        "tests/fixtures/multilingual.toml",
        "data/deepseek.toml",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "tests/fixtures/multilingual.toml: ok: 2 articles, 3 framings, 4 claims, 3 links"
        ),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 2);
}

#[test]
fn check_reports_errors_on_stderr_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "titel = \"x\"\n").expect("write");
    let bad = bad.display().to_string();
    let out = debate(&["check", &bad, "data/deepseek.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown key 'titel'"), "{stderr}");
    assert!(stderr.contains(&format!("{bad}:1:1")), "{stderr}");
    assert!(stderr.contains("did you mean 'title'?"), "{stderr}");
    // The good file is still checked and summarised.
    assert!(text(&out.stdout).contains("data/deepseek.toml: ok"));
    // No colour codes when stderr is not a terminal.
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
}

#[test]
fn help_and_version() {
    let help = debate(&["--help"]);
    assert!(help.status.success());
    let help = text(&help.stdout);
    assert!(help.contains("check"), "{help}");
    let version = debate(&["--version"]);
    assert!(text(&version.stdout).starts_with("debate "));
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let out = debate(&["check", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_reader_without_a_terminal_exits_3_with_a_hint() {
    let out = debate(&[]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("needs a terminal") && stderr.contains("debate render"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing drawn to a pipe");
}

#[test]
fn render_draws_a_screen_as_text_and_svg() {
    let out = debate(&["render", "--view", "debate", "--size", "60x20"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let screen = text(&out.stdout);
    assert_eq!(screen.lines().count(), 20);
    assert!(screen.contains("SUPPORTS"), "{screen}");
    let svg = debate(&["render", "--format", "svg", "--size", "40x10"]);
    let svg = text(&svg.stdout);
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

#[test]
fn render_rejects_unknown_ids_and_bad_sizes() {
    let out = debate(&["render", "--article", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("no article with id 'nope'; the articles are: plot-twist, outlier")
    );
    let out = debate(&["render", "--size", "0x5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("at least 1x1"));
}
