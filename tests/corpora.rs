//! The public corpora vendored in tests/corpora through the loader: every invalid TOML file gives a
//! located error, every valid one a schema error, and naughty strings survive a round trip.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use debate::model::{Diagnostic, load_bytes};
use serde::Serialize;

fn corpora() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora");
    assert!(
        dir.is_dir(),
        "the test corpora are expected at {}",
        dir.display()
    );
    dir
}

fn assert_no_raw_controls(text: &str, context: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in the rendering for {context}:\n{text}"
    );
}

#[test]
fn toml_test_invalid_cases_are_rejected_with_a_location() {
    let root = corpora().join("toml-test-invalid");
    let list = std::fs::read_to_string(root.join("files-toml-1.1.0")).expect("list");
    let mut checked = 0;
    for rel in list.lines().filter(|l| {
        l.starts_with("invalid/") && Path::new(l).extension().is_some_and(|e| e == "toml")
    }) {
        let bytes = std::fs::read(root.join(rel)).expect(rel);
        let failure = load_bytes(rel, &bytes).expect_err(rel);
        assert!(!failure.diagnostics.is_empty(), "{rel}");
        for d in &failure.diagnostics {
            let label = d
                .primary
                .as_ref()
                .unwrap_or_else(|| panic!("{rel}: no location for {d:?}"));
            assert!(
                label.span.start <= failure.source.len(),
                "{rel}: span outside the file"
            );
            assert!(!d.message.is_empty() && d.help.is_some(), "{rel}: {d:?}");
        }
        let rendered = failure.render(false);
        assert!(
            rendered.contains(rel),
            "{rel}: file name missing from\n{rendered}"
        );
        assert_no_raw_controls(&rendered, rel);
        checked += 1;
    }
    assert_eq!(checked, 492, "the 1.1.0 list has 492 invalid cases");
}

fn is_syntax(d: &Diagnostic) -> bool {
    d.message.starts_with("TOML syntax")
}

#[test]
fn toml_test_valid_files_give_schema_errors_not_syntax_errors() {
    let root = corpora().join("toml-test-valid/valid");
    let mut checked = 0;
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).expect("read");
            let failure = load_bytes(&name, &bytes).expect_err(&name);
            assert!(
                !failure.diagnostics.iter().any(is_syntax),
                "{name} is valid TOML but got a syntax error:\n{}",
                failure.render(false)
            );
            assert_no_raw_controls(&failure.render(false), &name);
            checked += 1;
        }
    }
    assert_eq!(checked, 92, "the vendored subset has 92 valid files");
}

#[derive(Serialize)]
struct File<'a> {
    title: &'a str,
    framings: Vec<Framing>,
    articles: Vec<Article<'a>>,
    claims: Vec<Claim<'a>>,
}

#[derive(Serialize)]
struct Framing {
    id: String,
    name: String,
    thesis: String,
}

#[derive(Serialize)]
struct Article<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct Claim<'a> {
    id: &'a str,
    article: &'a str,
    quote: &'a str,
    summary: &'a str,
}

fn blns() -> Vec<String> {
    let text = std::fs::read_to_string(corpora().join("blns/blns.json")).expect("blns.json");
    serde_json::from_str(&text).expect("blns.json is a list of strings")
}

#[test]
fn naughty_strings_load_and_keep_their_content() {
    let strings = blns();
    assert!(strings.len() > 500);
    let framing = |id: &str| Framing {
        id: id.into(),
        name: id.into(),
        thesis: "A view.".into(),
    };
    let mut loaded = 0;
    for s in &strings {
        let file = File {
            title: s,
            framings: vec![framing("one"), framing("two")],
            articles: vec![
                Article {
                    id: "naughty",
                    title: s,
                    text: s,
                },
                Article {
                    id: "plain",
                    title: "Plain",
                    text: "Plain words here.",
                },
            ],
            claims: vec![Claim {
                id: "c",
                article: "plain",
                quote: "words",
                summary: s,
            }],
        };
        let toml = toml::to_string(&file).expect("serialise");
        let result = load_bytes("blns.toml", toml.as_bytes());
        if s.trim().is_empty() {
            // Blank titles, texts and summaries are refused on purpose, with a message.
            let failure = result.expect_err("blank strings are errors");
            assert!(
                failure
                    .diagnostics
                    .iter()
                    .all(|d| d.message.contains("empty")),
                "{s:?}"
            );
            continue;
        }
        let debate = result.unwrap_or_else(|f| panic!("{s:?}:\n{}", f.render(false)));
        assert_eq!(&debate.title, s);
        assert_eq!(&debate.articles[0].title, s);
        assert_eq!(&debate.articles[0].text, s);
        assert_eq!(&debate.claims[0].summary, s);
        loaded += 1;
    }
    assert!(loaded > 500, "{loaded}");
}
