//! One pinned message per kind of load error: what is wrong, where, and how to fix it.
//!
//! Each case is a small debate file with one mistake; the snapshot shows exactly what an author
//! sees on stderr (without colour).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::model::{LoadFailure, load_bytes, load_path};

/// A valid file to break in one place: three framings, two articles, linked claims.
const GOOD: &str = r#"title = "Test debate"

[[framings]]
id = "left"
name = "Left"
thesis = "The left view."

[[framings]]
id = "right"
name = "Right"
thesis = "The right view."

[[articles]]
id = "essay"
title = "An essay"
text = """
The first paragraph says *something* important.

漢字の段落。ここにも主張がある。
"""

[[claims]]
id = "first"
article = "essay"
quote = "says something important"
summary = "It says something."
stances.left = { stance = "supports", note = "Left likes it." }

[[claims]]
id = "second"
article = "essay"
quote = "ここにも主張がある"
summary = "A second claim."
links = [{ to = "first", kind = "supports" }]
"#;

fn fail(source: &str) -> LoadFailure {
    match load_bytes("test.toml", source.as_bytes()) {
        Ok(_) => panic!("expected an error for:\n{source}"),
        Err(f) => f,
    }
}

fn rendered(source: &str) -> String {
    fail(source).render(false)
}

/// GOOD with `from` replaced by `to`, checking the replacement happened.
fn broken(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "fixture lacks {from:?}");
    GOOD.replacen(from, to, 1)
}

#[test]
fn the_fixture_itself_is_valid() {
    let debate =
        load_bytes("good.toml", GOOD.as_bytes()).unwrap_or_else(|f| panic!("{}", f.render(false)));
    assert_eq!(debate.summary(), "1 article, 2 framings, 2 claims, 1 link");
}

#[test]
fn syntax_unterminated_string() {
    insta::assert_snapshot!(rendered(&broken(r#"name = "Left""#, r#"name = "Left"#)));
}

#[test]
fn syntax_duplicate_key() {
    insta::assert_snapshot!(rendered(&broken(
        r#"name = "Left""#,
        "name = \"Left\"\nname = \"Again\""
    )));
}

#[test]
fn misspelt_top_level_key() {
    insta::assert_snapshot!(rendered(&broken("title =", "titel =")));
}

#[test]
fn misspelt_claim_key_and_two_errors_at_once() {
    insta::assert_snapshot!(rendered(
        &broken("summary = \"It says", "sumary = \"It says")
            .replace("kind = \"supports\"", "kind = \"support\"")
    ));
}

#[test]
fn missing_required_key() {
    insta::assert_snapshot!(rendered(&broken("thesis = \"The right view.\"\n", "")));
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(rendered(&broken(r#"title = "Test debate""#, "title = 42")));
}

#[test]
fn framings_written_as_a_single_table() {
    let source = GOOD.replacen(
        "[[framings]]\nid = \"left\"",
        "[framings]\nid = \"left\"",
        1,
    );
    let source = source.replacen(
        "[[framings]]\nid = \"right\"\nname = \"Right\"\nthesis = \"The right view.\"\n",
        "",
        1,
    );
    insta::assert_snapshot!(rendered(&source));
}

#[test]
fn too_few_framings() {
    insta::assert_snapshot!(rendered(&broken(
        "[[framings]]\nid = \"right\"\nname = \"Right\"\nthesis = \"The right view.\"\n",
        ""
    )));
}

#[test]
fn invalid_id() {
    insta::assert_snapshot!(rendered(
        &broken(r#"id = "first""#, r#"id = "First Claim""#)
            .replace(r#"to = "first""#, r#"to = "First Claim""#)
    ));
}

#[test]
fn duplicate_id() {
    insta::assert_snapshot!(rendered(&broken(r#"id = "second""#, r#"id = "first""#)));
}

#[test]
fn unknown_article_with_suggestion() {
    insta::assert_snapshot!(rendered(&broken(
        r#"article = "essay""#,
        r#"article = "esay""#
    )));
}

#[test]
fn unknown_framing_in_stance() {
    insta::assert_snapshot!(rendered(&broken("stances.left", "stances.lefty")));
}

#[test]
fn unknown_stance_kind() {
    insta::assert_snapshot!(rendered(&broken(
        r#"stance = "supports""#,
        r#"stance = "agrees""#
    )));
}

#[test]
fn link_to_missing_claim() {
    insta::assert_snapshot!(rendered(&broken(r#"to = "first""#, r#"to = "frist""#)));
}

#[test]
fn link_to_itself() {
    insta::assert_snapshot!(rendered(&broken(r#"to = "first""#, r#"to = "second""#)));
}

#[test]
fn quote_not_in_article() {
    insta::assert_snapshot!(rendered(&broken(
        "says something important",
        "says something very important"
    )));
}

#[test]
fn quote_across_paragraphs() {
    insta::assert_snapshot!(rendered(&broken(
        "says something important",
        "something important. 漢字の段落"
    )));
}

#[test]
fn empty_title_and_summary() {
    insta::assert_snapshot!(rendered(
        &broken(r#"title = "An essay""#, r#"title = "   ""#).replace("It says something.", "")
    ));
}

#[test]
fn unknown_colour() {
    insta::assert_snapshot!(rendered(&broken(
        "name = \"Left\"\n",
        "name = \"Left\"\ncolor = \"purpel\"\n"
    )));
}

#[test]
fn caret_after_cjk_text() {
    // The caret must sit under the 'x', past eight display columns of CJK.
    let out = rendered(&broken(
        r#"title = "Test debate""#,
        r#"title = "漢字漢字" x"#,
    ));
    insta::assert_snapshot!(out);
}

#[test]
fn caret_after_a_tab() {
    insta::assert_snapshot!(rendered(&broken(
        r#"title = "Test debate""#,
        "title =\t\"Test\" x"
    )));
}

#[test]
fn control_characters_are_made_visible() {
    let out = rendered(&broken("title =", "ti\u{7}tle ="));
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in:\n{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn not_utf8() {
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("An essay").expect("fixture");
    bytes[at + 3] = 0xFF;
    let f = load_bytes("test.toml", &bytes).expect_err("invalid UTF-8");
    insta::assert_snapshot!(f.render(false));
}

#[test]
fn utf16_file() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(GOOD.encode_utf16().flat_map(u16::to_le_bytes));
    insta::assert_snapshot!(
        load_bytes("test.toml", &bytes)
            .expect_err("UTF-16")
            .render(false)
    );
}

#[test]
fn utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    assert!(load_bytes("test.toml", &bytes).is_ok());
}

#[test]
fn empty_file() {
    insta::assert_snapshot!(
        load_bytes("test.toml", b"")
            .expect_err("empty")
            .render(false)
    );
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = load_path(dir.path()).expect_err("a directory");
    let out = f
        .render(false)
        .replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(out);
}

#[test]
fn missing_file() {
    let f = load_path("no/such/file.toml".as_ref()).expect_err("missing");
    insta::assert_snapshot!(f.render(false));
}

#[test]
fn file_over_the_size_cap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.toml");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: 20 MiB over the cap without writing it.
    file.set_len(debate::model::MAX_FILE_BYTES + 20 * 1024 * 1024)
        .expect("set_len");
    let f = load_path(&path).expect_err("too big");
    let out = f
        .render(false)
        .replace(&dir.path().display().to_string(), "DIR");
    insta::assert_snapshot!(out);
}

#[test]
fn every_error_names_file_line_and_column() {
    let cases = [
        broken("title =", "titel ="),
        broken(r#"article = "essay""#, r#"article = "esay""#),
        broken("says something important", "says nothing"),
        broken(r#"name = "Left""#, r#"name = "Left"#),
    ];
    for case in cases {
        let f = fail(&case);
        for line in f.short_lines() {
            let mut parts = line.splitn(4, ':');
            assert_eq!(parts.next(), Some("test.toml"), "{line}");
            let line_no: usize = parts
                .next()
                .and_then(|p| p.parse().ok())
                .expect("line number");
            let col: usize = parts.next().and_then(|p| p.parse().ok()).expect("column");
            assert!(line_no >= 1 && col >= 1, "{line}");
        }
    }
}
