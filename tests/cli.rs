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
fn the_reader_piped_prints_the_debate_as_text() {
    let out = debate(&[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    let model = debate::model::Debate::embedded().unwrap();
    assert!(page.starts_with(&model.title), "{page}");
    for article in &model.articles {
        assert!(page.contains(&article.title), "{} missing", article.title);
    }
    assert!(
        page.contains("][1]") && page.contains("    [1] "),
        "claims are marked"
    );
    assert!(!page.contains('\u{1b}'), "no terminal codes in a pipe");
    // The same text `export --format text` writes, for a file too.
    let exported = debate(&["export", "--format", "text", "data/deepseek.toml"]);
    assert!(exported.status.success());
    assert_eq!(
        text(&debate(&["data/deepseek.toml"]).stdout),
        text(&exported.stdout)
    );
    assert_eq!(page, text(&exported.stdout));
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

#[test]
fn completions_for_each_shell_name_the_commands() {
    for (shell, marker) in [
        ("bash", "_debate()"),
        ("zsh", "#compdef debate"),
        ("fish", "complete -c debate"),
    ] {
        let out = debate(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        assert!(script.contains(marker), "{shell}: {script}");
        for command in ["check", "export", "search", "new", "completions"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let out = debate(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn man_prints_a_roff_page_of_every_command() {
    let out = debate(&["man"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.contains(".TH debate"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    for command in ["check", "render", "export", "search", "new", "man"] {
        assert!(page.contains(command), "the page lacks {command}");
    }
}

/// A Markdown article with YAML front matter, and the debate `debate new` makes of it.
fn new_debate_from_front_matter(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let article = dir.join("post.md");
    std::fs::write(
        &article,
        "---\ntitle: \"Chips: the real story\"\nauthor: Jane Roe\ndate: 2025-02-18\nurl: https://example.com/chips\ntags: [ai, chips]\n---\n\nThe first paragraph says something long enough to quote here.\n\nA second one.\n",
    )
    .unwrap();
    let output = dir.join("chips.toml");
    let out = debate(&[
        "new",
        article.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let toml = std::fs::read_to_string(&output).unwrap();
    (output, toml)
}

#[test]
fn new_reads_yaml_front_matter_and_never_titles_an_article_with_its_fence() {
    let dir = tempfile::tempdir().unwrap();
    let (_, toml) = new_debate_from_front_matter(dir.path());
    assert!(toml.contains("title = \"Chips: the real story\""), "{toml}");
    assert!(toml.contains("author = \"Jane Roe\""), "{toml}");
    assert!(toml.contains("date = 2025-02-18"), "{toml}");
    assert!(
        toml.contains("url = \"https://example.com/chips\""),
        "{toml}"
    );
    assert!(toml.contains("# tags: [ai, chips]"), "{toml}");
    assert!(!toml.contains("\"---\""), "{toml}");
    assert!(
        !toml.contains("title: "),
        "the front matter is not article text: {toml}"
    );
}

#[test]
fn check_warns_of_placeholders_and_strict_makes_them_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = new_debate_from_front_matter(dir.path());
    let path = path.to_str().unwrap();
    let out = debate(&["check", path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning: 'thesis' of framing 'first-view' is still a placeholder"),
        "{stderr}"
    );
    assert!(stderr.contains("still has the placeholder tag"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(": ok: 1 article, 2 framings, 1 claim, 0 links; "),
        "{stdout}"
    );
    assert!(stdout.trim_end().ends_with("warnings"), "{stdout}");

    let strict = debate(&["check", "--strict", path]);
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict.stderr));
    assert!(text(&strict.stderr).contains("errors under --strict"));
    assert!(text(&strict.stdout).is_empty());

    // A finished debate passes --strict.
    let done = debate(&["check", "--strict", "data/deepseek.toml"]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(text(&done.stderr).is_empty());
}
