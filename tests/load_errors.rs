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

#[test]
fn a_misspelt_key_no_longer_hides_the_same_claims_bad_link() {
    // Both in one run: before, the link was checked only once the key was fixed.
    let source = broken(
        "summary = \"A second claim.\"",
        "sumary = \"A second claim.\"",
    )
    .replace("to = \"first\"", "to = \"frist\"");
    let failure = fail(&source);
    assert_eq!(failure.diagnostics.len(), 2, "{}", failure.render(false));
    insta::assert_snapshot!(failure.render(false));
}

#[test]
fn a_misspelt_stance_key_and_an_unknown_framing_at_once() {
    let source = broken(
        "stances.left = { stance = \"supports\", note = \"Left likes it.\" }",
        "stances.left = { stanse = \"supports\" }\nstances.middle = { stance = \"neutral\" }",
    );
    let failure = fail(&source);
    assert_eq!(failure.diagnostics.len(), 2, "{}", failure.render(false));
    insta::assert_snapshot!(failure.render(false));
}

/// GOOD with the essay's first paragraph and the first claim's quote replaced.
fn with_quote(paragraph: &str, quote: &str) -> String {
    broken("The first paragraph says *something* important.", paragraph).replacen(
        "quote = \"says something important\"",
        &format!("quote = '''{quote}'''"),
        1,
    )
}

#[test]
fn quote_marks_are_one_mark_and_an_ellipsis_stands_for_left_out_words() {
    let paragraph = "He said “we’ll see” and left, much later, for « good ».";
    for (quote, expected) in [
        ("said 'we'll see' and left", "said “we’ll see” and left"),
        (
            "said \"we'll see\" and … for \"good\"",
            "said “we’ll see” and left, much later, for « good »",
        ),
        ("left ... later", "left, much later"),
    ] {
        let source = with_quote(paragraph, quote);
        let debate = load_bytes("test.toml", source.as_bytes())
            .unwrap_or_else(|f| panic!("{quote}: {}", f.render(false)));
        let claim = debate.claim_ixs().next().unwrap();
        let article = &debate.articles[0];
        // The highlighted range is exact, in the rendered block and in the Markdown source.
        let anchor = &debate.claim(claim).anchor;
        assert_eq!(
            &article.doc.blocks[anchor.block].text[anchor.range.clone()],
            expected
        );
        assert_eq!(&article.text[debate.quote_source_range(claim)], expected);
    }
}

#[test]
fn an_ellipsis_does_not_join_two_paragraphs() {
    let source = with_quote("Words before the break.", "before the … ここにも");
    let failure = fail(&source);
    assert_eq!(failure.diagnostics.len(), 1, "{}", failure.render(false));
    assert!(
        failure.diagnostics[0]
            .message
            .contains("is not in article 'essay'")
    );
}
