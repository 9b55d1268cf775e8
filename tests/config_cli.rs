//! `debate config` and `debate config --check` as a user runs them: the printed configuration
//! is a valid config that reads back to itself, and a file with mistakes gets located
//! diagnostics and exit status 1.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

/// `debate ARGS` with no config of the user's in sight, under `NO_COLOR`.
fn debate(args: &[&str], config_home: &Path) -> Output {
    command(args, config_home)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// `debate ARGS` with no config of the user's in sight; `NO_COLOR` as the caller sets it.
fn command(args: &[&str], config_home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_debate"));
    command
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("DEBATE_CONFIG")
        .env_remove("NO_COLOR");
    command
}

/// The line of `text` that starts with `start`.
fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starts with {start:?}:\n{text}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_printed_configuration_reads_back_to_itself() {
    let home = tempfile::tempdir().unwrap();
    let printed = debate(&["config"], home.path());
    assert!(printed.status.success());
    let text = stdout(&printed);
    assert!(text.contains("theme = \"auto\""), "{text}");
    assert!(text.contains("[keys.reader]"), "{text}");
    let file = home.path().join("mine.toml");
    std::fs::write(&file, &text).unwrap();
    let check = debate(&["config", "--check", file.to_str().unwrap()], home.path());
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let again = debate(&["config", file.to_str().unwrap()], home.path());
    assert_eq!(stdout(&again), text);
}

#[test]
fn a_rebinding_shows_in_the_printed_configuration() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("debate")).unwrap();
    std::fs::write(
        home.path().join("debate/config.toml"),
        "theme = \"mono\"\n[keys.reader]\n\"x\" = \"next-claim\"\n\"q\" = \"none\"\n",
    )
    .unwrap();
    let text = stdout(&debate(&["config"], home.path()));
    assert!(text.contains("theme = \"mono\""), "{text}");
    assert!(text.contains("\"x\" = \"next-claim\""), "{text}");
    // A global key unbound in one context stays unbound when the printout is read back.
    let reader = &text[text.find("[keys.reader]").unwrap()..];
    let reader = &reader[..reader[1..].find("\n[").map_or(reader.len(), |i| i + 1)];
    assert!(reader.contains("\"q\" = \"none\""), "{reader}");
    // A theme without colour has no colour per role to print: each is commented out.
    assert!(text.contains("# supports = \"default\""), "{text}");
}

#[test]
fn check_locates_each_mistake_and_fails() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.toml");
    std::fs::write(
        &file,
        "theme = \"lihgt\"\n[keys.reader]\n\"x\" = \"next-clam\"\n",
    )
    .unwrap();
    let check = debate(&["config", "--check", file.to_str().unwrap()], home.path());
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8(check.stderr.clone()).unwrap();
    let name = file.display().to_string();
    assert!(stderr.contains(&format!("{name}:1:9")), "{stderr}");
    assert!(stderr.contains("did you mean 'light'?"), "{stderr}");
    assert!(stderr.contains(&format!("{name}:3:7")), "{stderr}");
    assert!(stderr.contains("did you mean 'next-claim'?"), "{stderr}");
    assert!(stdout(&check).contains("2 problems"));
}

#[test]
fn check_without_a_file_is_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let check = debate(&["config", "--check"], home.path());
    assert!(check.status.success());
    assert!(stdout(&check).contains("the defaults are in effect"));
}

#[test]
fn keys_are_read_in_the_spellings_people_write() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("keys.toml");
    std::fs::write(
        &file,
        "[keys.reader]\n\"Ctrl-X\" = \"next-claim\"\n\"CTRL-y\" = \"prev-claim\"\n\
         \"pgdn\" = \"page-down\"\n\"page-up\" = \"page-up\"\n\"Escape\" = \"none\"\n\
         \"return\" = \"open\"\n",
    )
    .unwrap();
    let check = debate(&["config", "--check", file.to_str().unwrap()], home.path());
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The printout writes each in the one spelling it prints keys in.
    let text = stdout(&debate(&["config", file.to_str().unwrap()], home.path()));
    for line in ["\"ctrl-x\" = \"next-claim\"", "\"ctrl-y\" = \"prev-claim\""] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    // Close to a key: a suggestion, modifiers included.
    std::fs::write(&file, "[keys.reader]\n\"ctl-x\" = \"next-claim\"\n").unwrap();
    let check = debate(&["config", "--check", file.to_str().unwrap()], home.path());
    let stderr = String::from_utf8(check.stderr).unwrap();
    assert!(stderr.contains("did you mean 'ctrl-x'?"), "{stderr}");
}

#[test]
fn the_config_flag_works_before_and_after_the_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    std::fs::write(&file, "theme = \"light\"\n").unwrap();
    let file = file.to_str().unwrap();
    for args in [["config", "--config", file], ["--config", file, "config"]] {
        let out = debate(&args, home.path());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout(&out).contains("theme = \"light\""), "{args:?}");
    }
    let check = debate(&["--config", file, "config", "--check"], home.path());
    assert!(stdout(&check).contains(": ok"), "{}", stdout(&check));
    // The reader's own options still do not go with a subcommand.
    let out = debate(&["--fresh", "check"], home.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_printout_says_what_the_reader_draws() {
    let home = tempfile::tempdir().unwrap();
    // NO_COLOR: the theme stays as written, but the colours are not drawn, and it says so.
    let text = stdout(&debate(&["config"], home.path()));
    assert!(
        text.contains("# NO_COLOR is set: the reader draws \"mono\" (no colour) whatever this says.\ntheme = \"auto\""),
        "{text}"
    );
    assert!(line(&text, "# supports = ").starts_with("# supports = \"default\""));
    // Without it, dark's colours are in effect.
    let colour = command(&["config"], home.path()).output().unwrap();
    let text = stdout(&colour);
    assert!(!text.contains("NO_COLOR"), "{text}");
    assert!(
        line(&text, "supports = ").starts_with("supports = \"green\""),
        "{text}"
    );
    // mono ignores a colour the file sets, and the printout shows it unused.
    let file = home.path().join("mono.toml");
    std::fs::write(
        &file,
        "theme = \"mono\"\n[colors]\nsupports = \"#ff00ff\"\n[keys.reader]\n\"n\" = \"none\"\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let out = command(&["config", file], home.path()).output().unwrap();
    let text = stdout(&out);
    // Kept as written, so that the printout saved as a config loses nothing.
    let supports = line(&text, "supports = ");
    assert!(
        supports.starts_with("supports = \"#ff00ff\"")
            && supports.ends_with("(not drawn: no colour)"),
        "{text}"
    );
    // n is the reader's own key: unbinding it takes it away there, nothing global is hidden.
    let n = line(&text, "\"n\" = \"none\"");
    assert!(
        n.ends_with("# unbound in reader, where it was next-claim"),
        "{n}"
    );
}
