//! Authoring end to end, the real binary in a pty: a passage selected with the caret becomes a
//! claim on disk (every other byte kept) that a restart shows highlighted; a Markdown article's
//! first claim asks where to write its new debate file; `E` hands the file to `$EDITOR` at the
//! claim's line and the reader picks the edit up.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use std::path::PathBuf;

use support::App;

fn debate_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("debate.toml");
    std::fs::write(&path, debate::model::EMBEDDED).unwrap();
    path
}

/// The colour of the first cell of `needle` on screen, if it is there.
fn colour_of(screen: &vt100::Screen, needle: &str) -> Option<vt100::Color> {
    let cols = screen.size().1.get();
    screen.rows(0, cols).enumerate().find_map(|(row, line)| {
        let at = line.find(needle)?;
        let col = u16::try_from(line[..at].chars().count()).ok()?;
        let row = u16::try_from(row).ok()?;
        screen.cell(row, col).map(vt100::Cell::fgcolor)
    })
}

#[test]
fn a_selected_passage_is_saved_and_shown_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let path = debate_file(&dir);
    let file = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = App::spawn_with_state(state.path(), &[file], &[], 80, 24);
    app.wait_for("the article", |s| s.contains("AI revolution is getting"));
    // Not a claim yet: the words are in the text's own colour.
    app.wait_for_screen("uncoloured", |s| {
        colour_of(s, "AI revolution") == Some(vt100::Color::Default)
    });
    // a: caret; w w w: on "AI"; v e e: "AI revolution"; a: the form.
    app.send("awwwveea");
    app.wait_for("the form", |s| {
        s.contains("New claim") && s.contains("AI revolution")
    });
    app.send("A pty claim");
    // Tags (empty), then the first framing's stance: Right makes it "supports".
    app.send("\t\t\t\t\x1b[C");
    app.wait_for("the stance", |s| s.contains("‹ supports ›"));
    app.send("\r");
    app.wait_for("the save", |s| s.contains("Added claim 'a-pty-claim'"));
    let after = std::fs::read_to_string(&path).unwrap();
    let at = after.find("[[claims]]\nid = \"a-pty-claim\"").unwrap();
    let end = at + after[at..].find("\n\n").unwrap() + 2;
    assert_eq!(format!("{}{}", &after[..at], &after[end..]), before);
    assert!(after[at..end].contains("stances.tech-transfer = { stance = \"supports\" }"));
    app.send("q");
    app.quit();

    let app = App::spawn_with_state(state.path(), &[file], &[], 80, 24);
    app.wait_for("the article", |s| s.contains("AI revolution is getting"));
    app.wait_for_screen("the new claim coloured", |s| {
        colour_of(s, "AI revolution").is_some_and(|c| c != vt100::Color::Default)
    });
    app.quit();
}

#[test]
fn the_editor_opens_at_the_claim_and_its_edit_is_reloaded() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = debate_file(&dir);
    let args = dir.path().join("args");
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/^summary = \"China has long turned out STEM graduates[^\"]*\"/summary = \"Edited in the editor\"/' \"$2\"\n",
            args.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let line = debate::model::EMBEDDED
        .lines()
        .position(|l| l == "id = \"stem-factory-mixed-record\"")
        .unwrap()
        + 1;
    let mut app = App::spawn(
        &[path.to_str().unwrap()],
        &[("EDITOR", editor.to_str().unwrap())],
        80,
        24,
    );
    app.wait_for("the article", |s| s.contains("AI revolution is getting"));
    // n: the first claim on screen; E: the editor.
    app.send("nE");
    app.wait_for("back from the editor", |s| s.contains("Back from"));
    assert_eq!(
        std::fs::read_to_string(&args).unwrap().trim(),
        format!("+{line} {}", path.display())
    );
    app.send("c");
    app.wait_for("the edit reloaded", |s| s.contains("Edited in the editor"));
    app.quit();
}

/// The binary run to its end with `args`, its status and output.
fn run(args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_debate"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn from_debate_new_to_three_claims_and_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, file) = (
        dir.path().join("a.md"),
        dir.path().join("b.md"),
        dir.path().join("new.toml"),
    );
    std::fs::write(
        &a,
        "# Alpha notes\n\nFirst sentence here. Second sentence there.\n\nAnother paragraph of alpha.\n",
    )
    .unwrap();
    std::fs::write(&b, "# Beta notes\n\nBeta says something else entirely.\n").unwrap();
    let (ok, said) = run(&[
        "new",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(ok, "{said}");
    let mut app = App::spawn(&[file.to_str().unwrap()], &[], 80, 24);
    app.wait_for("the first article", |s| s.contains("First sentence here."));
    // One: the first sentence, supported by the first view.
    app.send("av)hha");
    app.wait_for("the form", |s| s.contains("New claim"));
    app.send("Alpha opens");
    app.send("\t\t\t\t\x1b[C\t");
    app.send("Why it supports");
    app.send("\r");
    app.wait_for("the first save", |s| {
        s.contains("Added claim 'alpha-opens'")
    });
    // Two: the next paragraph whole, challenged by the second view.
    app.send("}v$a");
    app.wait_for("the form", |s| s.contains("Another paragraph of alpha."));
    app.send("Alpha goes on");
    app.send("\t\t\t\t\t\t\x1b[C\x1b[C");
    app.wait_for("the stance", |s| s.contains("‹ challenges ›"));
    app.send("\r");
    app.wait_for("the second save", |s| {
        s.contains("Added claim 'alpha-goes-on'")
    });
    // Three: in the second article; then a link from it to the second claim.
    app.send("2");
    app.wait_for("the second article", |s| s.contains("Beta says"));
    app.send("av$a");
    app.wait_for("the form", |s| s.contains("New claim"));
    app.send("Beta differs");
    app.send("\r");
    app.wait_for("the third save", |s| {
        s.contains("Added claim 'beta-differs'")
    });
    // L: the finder, on the other claims; the second claim found by its summary, Enter
    // picks it, a: attacks.
    app.send("L");
    app.wait_for("the link's finder", |s| {
        s.contains("Link 'beta-differs' to:")
    });
    app.send("Alpha goes on");
    app.wait_for("the target found", |s| s.contains("Alpha goes on"));
    app.send("\r");
    app.wait_for("the question", |s| s.contains("s supports, a attacks"));
    app.send("a");
    app.wait_for("the link", |s| {
        s.contains("Linked 'beta-differs' attacks 'alpha-goes-on'")
    });
    app.quit();

    let (ok, said) = run(&["check", file.to_str().unwrap()]);
    assert!(ok, "{said}");
    let (ok, json) = run(&["export", "--format", "json", file.to_str().unwrap()]);
    assert!(ok, "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let claims = json["claims"].as_array().unwrap();
    let claim = |id: &str| {
        claims
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("no claim {id} in {json}"))
    };
    assert_eq!(claim("alpha-opens")["quote"], "First sentence here.");
    assert_eq!(
        claim("alpha-goes-on")["quote"],
        "Another paragraph of alpha."
    );
    assert_eq!(
        claim("beta-differs")["quote"],
        "Beta says something else entirely."
    );
    let text = json.to_string();
    assert!(text.contains("Why it supports"), "{text}");
    assert!(text.contains("challenges"), "{text}");
    assert!(text.contains("attacks"), "{text}");
}

/// `debate a.md`: a passage selected, the form filled, Enter asks where to save the new debate
/// file (beside the article, an absolute path), Enter writes it; `debate check` passes, the
/// article is untouched, and a restart on the new file shows the claim highlighted.
#[test]
fn a_markdown_article_becomes_a_debate_file_on_its_first_claim() {
    let dir = tempfile::tempdir().unwrap();
    let (md, file) = (dir.path().join("a.md"), dir.path().join("a.toml"));
    let article = "# Chip notes\n\nExport controls slowed the labs down. Then they adapted.\n";
    std::fs::write(&md, article).unwrap();
    let mut app = App::spawn(&[md.to_str().unwrap()], &[], 80, 24);
    app.wait_for("the article", |s| s.contains("Export controls slowed"));
    app.wait_for_screen("uncoloured", |s| {
        colour_of(s, "Export controls") == Some(vt100::Color::Default)
    });
    // a: caret; v ) h h: the first sentence; a: the form.
    app.send("av)hha");
    app.wait_for("the form", |s| {
        s.contains("New claim") && s.contains("Export controls slowed the labs down.")
    });
    app.send("Controls slowed the labs");
    app.send("\r");
    app.wait_for("the question of where", |s| {
        s.contains("Save as a new file") && s.contains("a.toml")
    });
    assert!(!file.exists(), "nothing written before the answer");
    // The suggestion is absolute: the whole path is on screen (it fits at 80 columns).
    let shown = file.display().to_string();
    if shown.chars().count() < 70 {
        assert!(app.text().contains(&shown), "{}", app.text());
    }
    app.send("\r");
    app.wait_for("the save", |s| {
        s.contains("Added claim 'controls-slowed-the-labs'")
    });
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("[[claims]]\nid = \"controls-slowed-the-labs\"\narticle = \"chip-notes\"\nquote = \"Export controls slowed the labs down.\"\nsummary = \"Controls slowed the labs\"\n"), "{written}");
    assert!(written.contains("title = \"Chip notes\""), "{written}");
    assert_eq!(std::fs::read_to_string(&md).unwrap(), article);
    app.quit();

    let (ok, said) = run(&["check", file.to_str().unwrap()]);
    assert!(ok, "{said}");
    let app = App::spawn(&[file.to_str().unwrap()], &[], 80, 24);
    app.wait_for("the article", |s| s.contains("Export controls slowed"));
    app.wait_for_screen("the claim coloured", |s| {
        colour_of(s, "Export controls").is_some_and(|c| c != vt100::Color::Default)
    });
    app.quit();
    // The article opened again says where its claims are.
    let app = App::spawn(&[md.to_str().unwrap()], &[], 80, 24);
    app.wait_for("the way to its debate file", |s| {
        s.contains("Its debate file exists: debate")
    });
    app.quit();
}
