//! The editing engine on real files: placement, escaping, preserved bytes, validation,
//! conflicts, undo and redo, permissions.

#![allow(clippy::panic, clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use debate::edit::{ClaimDraft, Edit, EditError, Editor, IncomingLinks, Stamp, StanceDraft};
use debate::model::{Debate, LinkKind, StanceKind};

const MULTILINGUAL: &str = include_str!("fixtures/multilingual.toml");

fn file_with(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("debate.toml");
    fs::write(&path, text).expect("written");
    (dir, path)
}

fn draft(id: &str, article: &str, quote: &str) -> ClaimDraft {
    ClaimDraft {
        id: id.into(),
        article: article.into(),
        quote: quote.into(),
        summary: format!("Summary of {id}."),
        tags: vec!["new".into()],
        stances: vec![StanceDraft {
            framing: "markets".into(),
            kind: StanceKind::Challenges,
            note: Some("A note.".into()),
        }],
    }
}

fn load(path: &Path) -> Debate {
    debate::model::load_path(path).unwrap_or_else(|e| panic!("loads: {}", e.render(false)))
}

fn ids(debate: &Debate) -> Vec<&str> {
    debate.claims.iter().map(|c| c.id.as_str()).collect()
}

/// Every way of validating: whole file, and only the edit's window.
fn editors(path: &Path) -> [Editor; 2] {
    let (whole, _) = Editor::open(path).expect("opens");
    let (mut window, _) = Editor::open(path).expect("opens");
    window.set_full_validation_below(0);
    [whole, window]
}

#[test]
fn a_new_claim_goes_after_the_last_claim_of_its_article_and_nothing_else_moves() {
    let (_dir, path) = file_with(MULTILINGUAL);
    let (mut editor, _) = Editor::open(&path).expect("opens");
    let saved = editor
        .apply(&Edit::AddClaim(draft("plan-first", "shenzhen", "规划先行")))
        .expect("saves");
    let after = fs::read_to_string(&path).expect("reads");
    assert_eq!(saved.stamp, Stamp::of(after.as_bytes()));
    assert!(!saved.merged_external);
    let inserted = "\n[[claims]]\nid = \"plan-first\"\narticle = \"shenzhen\"\nquote = \"规划先行\"\nsummary = \"Summary of plan-first.\"\ntags = [\"new\"]\nstances.markets = { stance = \"challenges\", note = \"A note.\" }\n";
    let at = MULTILINGUAL
        .find("\n[[claims]]\nid = \"desert-plan\"")
        .expect("there");
    assert_eq!(
        after,
        format!("{}{inserted}{}", &MULTILINGUAL[..at], &MULTILINGUAL[at..])
    );
    let debate = load(&path);
    assert_eq!(
        ids(&debate),
        [
            "roads-before-people",
            "small-firms",
            "plan-first",
            "desert-plan",
            "empty-flats"
        ]
    );
}

#[test]
fn a_claim_of_an_article_without_claims_goes_at_the_end() {
    let text = "title = \"t\"\n\n[[framings]]\nid = \"a\"\nname = \"A\"\nthesis = \"x\"\n\n[[framings]]\nid = \"b\"\nname = \"B\"\nthesis = \"y\"\n\n[[articles]]\nid = \"one\"\ntitle = \"One\"\ntext = \"First words here. Second words there.\"\n# the end";
    let (_dir, path) = file_with(text);
    for mut editor in editors(&path) {
        let mut d = draft("c", "one", "Second words there");
        d.stances.clear();
        editor.apply(&Edit::AddClaim(d)).expect("saves");
        let after = fs::read_to_string(&path).expect("reads");
        assert_eq!(
            after,
            format!(
                "{text}\n\n[[claims]]\nid = \"c\"\narticle = \"one\"\nquote = \"Second words there\"\nsummary = \"Summary of c.\"\ntags = [\"new\"]\n"
            )
        );
        editor.undo().expect("undoes");
        assert_eq!(fs::read_to_string(&path).expect("reads"), text);
    }
}

#[test]
fn hard_strings_are_escaped_and_read_back_exactly() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        let mut d = draft("hard", "new-cairo", "بقيت فارغة لسنوات");
        d.summary =
            "He said \"no\" \\ 'then'\ttabbed\nand a bell \u{7} and 中文「引用」 '''\"\"\"".into();
        d.tags = vec!["a \"quoted\" tag".into(), "中文".into()];
        d.stances[0].note = Some("line one\nline two\r\n".into());
        editor.apply(&Edit::AddClaim(d.clone())).expect("saves");
        let debate = load(&path);
        let claim = debate
            .claims
            .iter()
            .find(|c| c.id == "hard")
            .expect("there");
        assert_eq!(claim.summary, d.summary);
        let tags: Vec<&str> = claim.tags.iter().map(|t| &**t).collect();
        assert_eq!(tags, ["a \"quoted\" tag", "中文"]);
        let markets = debate
            .framing_ixs()
            .find(|&f| debate.framing(f).id == "markets")
            .expect("framing");
        assert_eq!(
            claim.stance(markets).and_then(|s| s.note.as_deref()),
            Some("line one\nline two\r\n")
        );
        editor.undo().expect("undoes");
        assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
    }
}

#[test]
fn an_update_changes_only_its_claim_and_keeps_its_formatting() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        let mut d = draft(
            "small-firms",
            "shenzhen",
            "真正让城市繁荣的是成千上万的小企业",
        );
        d.summary = "Small firms made Shenzhen.".into();
        d.tags = vec!["firms".into()];
        d.stances = vec![
            StanceDraft {
                framing: "planning".into(),
                kind: StanceKind::Challenges,
                note: Some("Prosperity came from choices the plan did not make.".into()),
            },
            StanceDraft {
                framing: "markets".into(),
                kind: StanceKind::Neutral,
                note: None,
            },
        ];
        editor
            .apply(&Edit::UpdateClaim {
                id: "small-firms".into(),
                draft: d,
            })
            .expect("saves");
        let after = fs::read_to_string(&path).expect("reads");
        let expected = MULTILINGUAL
            .replace("summary = \"Thousands of small firms, not the plan, made Shenzhen prosper.\"", "summary = \"Small firms made Shenzhen.\"")
            .replace("markets = { stance = \"supports\", note = \"Demand-led growth in its purest form.\" }\n", "markets = { stance = \"neutral\" }\n")
            .replace("both = { stance = \"supports\", note = \"The second stage: markets fill what planning opened.\" }\n", "");
        assert_eq!(after, expected);
        editor.undo().expect("undoes");
        assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
        editor.redo().expect("redoes");
        assert_eq!(fs::read_to_string(&path).expect("reads"), expected);
        editor.undo().expect("undoes");
    }
}

#[test]
fn an_invalid_edit_is_refused_with_located_diagnostics_and_the_file_is_untouched() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        let bad_quote = draft("bad", "shenzhen", "words the article never says");
        let Err(EditError::Invalid(failure)) = editor.apply(&Edit::AddClaim(bad_quote)) else {
            panic!("a quote not in the article is refused");
        };
        assert!(
            failure.diagnostics[0].message.contains("quote"),
            "{:?}",
            failure.diagnostics
        );
        let (line, _) = failure.diagnostics[0]
            .line_col(&failure.source)
            .expect("located");
        assert!(
            failure
                .source
                .lines()
                .nth(line - 1)
                .expect("line")
                .starts_with("quote = "),
            "{}",
            failure.render(false)
        );
        let unknown = draft("bad", "nowhere", "x");
        assert!(matches!(
            editor.apply(&Edit::AddClaim(unknown)),
            Err(EditError::Invalid(_))
        ));
        let mut bad_framing = draft("bad", "shenzhen", "规划先行");
        bad_framing.stances[0].framing = "nope".into();
        assert!(matches!(
            editor.apply(&Edit::AddClaim(bad_framing)),
            Err(EditError::Invalid(_))
        ));
        let mut bad_id = draft("Bad Id", "shenzhen", "规划先行");
        bad_id.stances.clear();
        assert!(matches!(
            editor.apply(&Edit::AddClaim(bad_id)),
            Err(EditError::Invalid(_))
        ));
        let mut empty = draft("empty", "shenzhen", "规划先行");
        empty.summary = String::new();
        assert!(matches!(
            editor.apply(&Edit::AddClaim(empty)),
            Err(EditError::Invalid(_))
        ));
        let taken = draft("desert-plan", "shenzhen", "规划先行");
        assert!(matches!(
            editor.apply(&Edit::AddClaim(taken)),
            Err(EditError::Refused(_))
        ));
        assert!(matches!(
            editor.apply(&Edit::AddLink {
                from: "desert-plan".into(),
                to: "ghost".into(),
                kind: LinkKind::Supports
            }),
            Err(EditError::NotFound(_))
        ));
        assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
        assert!(!editor.can_undo());
    }
}

#[test]
fn a_linked_claim_is_deleted_only_with_its_incoming_links() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        let delete = |incoming| Edit::DeleteClaim {
            id: "desert-plan".into(),
            incoming,
        };
        let Err(EditError::Refused(message)) = editor.apply(&delete(IncomingLinks::Refuse)) else {
            panic!("refused");
        };
        assert!(message.contains("empty-flats"), "{message}");
        let mut renamed = draft(
            "desert",
            "new-cairo",
            "بُنيت القاهرة الجديدة في الصحراء بخطة حكومية واضحة",
        );
        renamed.stances.clear();
        assert!(matches!(
            editor.apply(&Edit::UpdateClaim {
                id: "desert-plan".into(),
                draft: renamed
            }),
            Err(EditError::Refused(_))
        ));
        editor.apply(&delete(IncomingLinks::Remove)).expect("saves");
        let debate = load(&path);
        assert_eq!(
            ids(&debate),
            ["roads-before-people", "small-firms", "empty-flats"]
        );
        assert_eq!(debate.links.len(), 2);
        let after = fs::read_to_string(&path).expect("reads");
        assert!(
            after.contains("links = [\n  { to = \"small-firms\", kind = \"supports\" },\n]"),
            "{after}"
        );
        editor.undo().expect("undoes");
        assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
    }
}

#[test]
fn links_are_added_and_removed() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        let add = Edit::AddLink {
            from: "desert-plan".into(),
            to: "roads-before-people".into(),
            kind: LinkKind::Supports,
        };
        editor.apply(&add).expect("saves");
        let debate = load(&path);
        assert_eq!(debate.links.len(), 4);
        let after = fs::read_to_string(&path).expect("reads");
        assert!(after.contains("tags = [\"infrastructure\"]\nstances.planning = { stance = \"supports\" }\nlinks = [{ to = \"roads-before-people\", kind = \"supports\" }]\n"), "{after}");
        editor
            .apply(&Edit::RemoveLink {
                from: "desert-plan".into(),
                to: "roads-before-people".into(),
            })
            .expect("saves");
        assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
        assert!(matches!(
            editor.apply(&Edit::RemoveLink {
                from: "desert-plan".into(),
                to: "roads-before-people".into()
            }),
            Err(EditError::Refused(_))
        ));
    }
}

#[test]
fn an_external_edit_of_another_claim_is_merged() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        fs::write(&path, MULTILINGUAL).expect("reset");
        let external = MULTILINGUAL.replace(
            "Shenzhen built roads and ports",
            "Shenzhen laid roads and ports",
        );
        fs::write(&path, &external).expect("external edit");
        let saved = editor
            .apply(&Edit::AddLink {
                from: "desert-plan".into(),
                to: "small-firms".into(),
                kind: LinkKind::Attacks,
            })
            .expect("merged");
        assert!(saved.merged_external);
        let after = fs::read_to_string(&path).expect("reads");
        assert!(
            after.contains("Shenzhen laid roads"),
            "the other edit is kept"
        );
        assert!(after.contains("links = [{ to = \"small-firms\", kind = \"attacks\" }]"));
        load(&path);
    }
}

#[test]
fn an_external_edit_of_the_same_claim_is_refused_and_kept() {
    let (_dir, path) = file_with(MULTILINGUAL);
    for mut editor in editors(&path) {
        fs::write(&path, MULTILINGUAL).expect("reset");
        let external = MULTILINGUAL.replace(
            "New Cairo was built in the desert",
            "New Cairo rose in the desert",
        );
        fs::write(&path, &external).expect("external edit");
        let result = editor.apply(&Edit::AddLink {
            from: "desert-plan".into(),
            to: "small-firms".into(),
            kind: LinkKind::Attacks,
        });
        assert!(matches!(result, Err(EditError::Conflict(_))), "{result:?}");
        assert_eq!(fs::read_to_string(&path).expect("reads"), external);
        // Undo of an edit whose claim someone else changed is refused the same way.
        fs::write(&path, MULTILINGUAL).expect("reset");
    }
}

#[test]
fn an_undo_after_someone_else_changed_the_claim_is_refused() {
    let (_dir, path) = file_with(MULTILINGUAL);
    let (mut editor, _) = Editor::open(&path).expect("opens");
    editor
        .apply(&Edit::AddLink {
            from: "desert-plan".into(),
            to: "small-firms".into(),
            kind: LinkKind::Attacks,
        })
        .expect("saves");
    let mine = fs::read_to_string(&path).expect("reads");
    let external = mine.replace("kind = \"attacks\" }]", "kind = \"supports\" }]");
    fs::write(&path, &external).expect("external edit");
    assert!(matches!(editor.undo(), Err(EditError::Conflict(_))));
    assert_eq!(fs::read_to_string(&path).expect("reads"), external);
    assert!(editor.can_undo());
}

#[test]
fn permissions_and_a_byte_order_mark_are_kept() {
    let with_bom = format!("\u{feff}{MULTILINGUAL}");
    let (_dir, path) = file_with(&with_bom);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    let (mut editor, _) = Editor::open(&path).expect("opens");
    editor
        .apply(&Edit::AddLink {
            from: "desert-plan".into(),
            to: "small-firms".into(),
            kind: LinkKind::Attacks,
        })
        .expect("saves");
    let meta = fs::metadata(&path).expect("metadata");
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    let after = fs::read(&path).expect("reads");
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    editor.undo().expect("undoes");
    assert_eq!(fs::read_to_string(&path).expect("reads"), with_bom);
    let leftovers: Vec<_> = fs::read_dir(path.parent().expect("dir"))
        .expect("lists")
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let (_dir, path) = file_with(MULTILINGUAL);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let (mut editor, _) = Editor::open(&path).expect("opens");
    let result = editor.apply(&Edit::RemoveLink {
        from: "small-firms".into(),
        to: "roads-before-people".into(),
    });
    let Err(EditError::Io(message)) = result else {
        panic!("refused: {result:?}");
    };
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
    assert_eq!(
        fs::read_dir(path.parent().expect("dir"))
            .expect("lists")
            .count(),
        1
    );
}

#[test]
fn a_symbolic_link_stays_a_link() {
    let (dir, path) = file_with(MULTILINGUAL);
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&path, &link).expect("symlink");
    let (mut editor, _) = Editor::open(&link).expect("opens");
    editor
        .apply(&Edit::RemoveLink {
            from: "small-firms".into(),
            to: "roads-before-people".into(),
        })
        .expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert_ne!(fs::read_to_string(&path).expect("reads"), MULTILINGUAL);
}

#[test]
fn suggested_ids_are_slugs_unique_in_the_debate() {
    let (_dir, path) = file_with(MULTILINGUAL);
    let (editor, _) = Editor::open(&path).expect("opens");
    assert_eq!(editor.suggest_id("Desert plan"), "desert-plan-2");
    assert_eq!(
        editor.suggest_id("Restrictions push firms to build their own technology, fast."),
        "restrictions-push-firms-to-build"
    );
    assert_eq!(editor.suggest_id("中文"), "claim");
    assert_eq!(
        debate::edit::suggest_id("x", |id| id == "x" || id == "x-2"),
        "x-3"
    );
}
