//! Each export format, read back by a parser of that format: JSON compared with the model,
//! Markdown through pulldown-cmark, DOT through a Graphviz parser, Argdown by its statement and
//! relation syntax.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::collections::HashSet;

use debate::export::{Format, export};
use debate::model::{Debate, load_path};
use graphviz_rust::dot_structures::{Graph, Stmt};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn debates() -> Vec<(&'static str, Debate)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![("embedded", Debate::embedded().unwrap())];
    for file in [
        "tests/fixtures/multilingual.toml",
        "tests/fixtures/six-framings.toml",
    ] {
        out.push((file, load_path(&root.join(file)).unwrap()));
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['*', '_'], "")
}

#[test]
fn json_reads_back_to_the_model_with_quote_positions() {
    for (name, d) in debates() {
        let json: serde_json::Value =
            serde_json::from_str(&export(&d, Format::Json, None)).unwrap();
        assert_eq!(json["format"], "debate-export");
        assert_eq!(json["version"], 1);
        assert_eq!(json["title"], d.title.as_str());
        assert_eq!(json["framings"].as_array().unwrap().len(), d.framings.len());
        assert_eq!(json["links"].as_array().unwrap().len(), d.links.len());
        let claims = json["claims"].as_array().unwrap();
        assert_eq!(claims.len(), d.claims.len(), "{name}");
        for (c, j) in d.claims.iter().zip(claims) {
            assert_eq!(j["id"], c.id.as_str());
            assert_eq!(j["summary"], c.summary.as_str());
            let article = &d
                .articles
                .iter()
                .find(|a| a.id == j["article"])
                .unwrap()
                .text;
            let (start, end) = (
                usize::try_from(j["position"]["start"].as_u64().unwrap()).unwrap(),
                usize::try_from(j["position"]["end"].as_u64().unwrap()).unwrap(),
            );
            // The position slices the article's Markdown source to the quote's own words.
            assert_eq!(
                squash(&article[start..end]),
                squash(&c.quote),
                "{name}: {}",
                c.id
            );
            for (framing, stance) in j["stances"].as_object().unwrap() {
                let f = d.framings.iter().position(|f| f.id == *framing).unwrap();
                let kind = c.stances[f].as_ref().unwrap().kind.as_str();
                assert_eq!(stance["stance"], kind);
            }
        }
    }
}

#[test]
fn markdown_is_a_readable_report() {
    for (name, d) in debates() {
        let md = export(&d, Format::Markdown, None);
        let mut headings = Vec::new();
        let mut text = String::new();
        let mut in_heading = false;
        let mut table_heads = Vec::new();
        let mut in_head = false;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Heading { .. }) => {
                    in_heading = true;
                    headings.push(String::new());
                }
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Text(t) => {
                    if in_heading {
                        headings.last_mut().unwrap().push_str(&t);
                    }
                    if in_head {
                        table_heads.push(t.to_string());
                    }
                    text.push_str(&t);
                    text.push(' ');
                }
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                _ => {}
            }
        }
        assert_eq!(headings[0], d.title, "{name}");
        assert!(headings.iter().any(|h| h == "The framings"));
        for f in &d.framings {
            assert!(
                headings.contains(&format!("Through {}", f.name)),
                "{name}: {headings:?}"
            );
        }
        let text = squash(&text);
        for c in &d.claims {
            assert!(
                text.contains(&squash(&c.summary)),
                "{name}: summary of {} missing",
                c.id
            );
        }
        if d.claim_ixs().any(|c| d.is_contested(c)) {
            assert!(headings.iter().any(|h| h == "Contested claims"));
            assert_eq!(
                table_heads.len(),
                d.framings.len() + 1,
                "{name}: one column per framing"
            );
        }
    }
}

fn statements(stmts: &[Stmt], nodes: &mut usize, edges: &mut usize, clusters: &mut usize) {
    for s in stmts {
        match s {
            Stmt::Node(_) => *nodes += 1,
            Stmt::Edge(_) => *edges += 1,
            Stmt::Subgraph(sub) => {
                *clusters += 1;
                statements(&sub.stmts, nodes, edges, clusters);
            }
            _ => {}
        }
    }
}

#[test]
fn dot_parses_as_a_graph_of_claims_and_links() {
    for (name, d) in debates() {
        for framing in d.framing_ixs() {
            let dot = export(&d, Format::Dot, Some(framing));
            let graph = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{name}: {e}\n{dot}"));
            let Graph::DiGraph { stmts, .. } = graph else {
                panic!("{name}: not a digraph")
            };
            let (mut nodes, mut edges, mut clusters) = (0, 0, 0);
            statements(&stmts, &mut nodes, &mut edges, &mut clusters);
            assert_eq!(nodes, d.claims.len(), "{name}");
            assert_eq!(edges, d.links.len(), "{name}");
            assert_eq!(clusters, d.articles.len(), "{name}");
        }
        assert!(
            export(&d, Format::Dot, None).contains("style=dashed"),
            "{name}: attacks are dashed"
        );
    }
}

#[test]
fn argdown_statements_and_relations_are_consistent() {
    for (name, d) in debates() {
        let argdown = export(&d, Format::Argdown, None);
        let mut defined = HashSet::new();
        let mut targets = Vec::new();
        for line in argdown.lines() {
            if let Some(rest) = line.strip_prefix('[') {
                let (title, after) = rest
                    .split_once("]:")
                    .unwrap_or_else(|| panic!("{name}: {line}"));
                assert!(!after.trim().is_empty(), "{name}: empty statement {title}");
                defined.insert(title.to_owned());
            } else if let Some(rel) = line
                .trim_start()
                .strip_prefix("+> [")
                .or_else(|| line.trim_start().strip_prefix("-> ["))
            {
                assert!(
                    line.starts_with("  "),
                    "{name}: relations are indented under their statement"
                );
                targets.push(rel.trim_end_matches(']').to_owned());
            }
        }
        assert_eq!(defined.len(), d.claims.len() + d.framings.len(), "{name}");
        for t in &targets {
            assert!(
                defined.contains(t),
                "{name}: relation to undefined statement [{t}]"
            );
        }
        let stances = d
            .claims
            .iter()
            .flat_map(|c| c.stances.iter().flatten())
            .filter(|s| s.kind != debate::model::StanceKind::Neutral)
            .count();
        assert_eq!(targets.len(), d.links.len() + stances, "{name}");
    }
}

#[test]
fn export_and_new_on_the_command_line() {
    let bin = env!("CARGO_BIN_EXE_debate");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let status = std::process::Command::new(bin)
        .args([
            "export",
            "--format",
            "markdown",
            "-o",
            out.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# DeepSeek and China")
    );
    let bad = std::process::Command::new(bin)
        .args(["export", "--format", "dot", "--framing", "nope"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));

    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(
        &a,
        "# First essay\n\nThe first essay argues that cities grow along rivers.\n\nMore.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "# Second essay\n\nThe second essay argues that plans matter most of all.",
    )
    .unwrap();
    let new = dir.path().join("new.toml");
    let run = |force: bool| {
        let mut cmd = std::process::Command::new(bin);
        cmd.args([
            "new",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
            new.to_str().unwrap(),
        ]);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    assert!(run(false).status.success());
    let check = std::process::Command::new(bin)
        .args(["check", new.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(String::from_utf8_lossy(&check.stdout).contains("2 articles, 2 framings, 2 claims"));
    let again = run(false);
    assert_eq!(again.status.code(), Some(1), "refuses to overwrite");
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(run(true).status.success());
}
