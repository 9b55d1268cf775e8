//! Random sequences of claim edits, undos and redos on random valid debate files: the saved
//! file always loads to exactly the debate the edits describe, and every claim the sequence
//! did not touch keeps its bytes.

#![allow(clippy::panic, clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;

use debate::edit::{ClaimDraft, Edit, Editor, IncomingLinks, StanceDraft};
use debate::model::{Debate, LinkKind, StanceKind};
use proptest::prelude::*;

/// A claim as the test expects to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    id: String,
    article: String,
    quote: String,
    summary: String,
    tags: Vec<String>,
    stances: BTreeMap<String, (StanceKind, Option<String>)>,
    links: Vec<(String, LinkKind)>,
}

fn model(debate: &Debate) -> Vec<Expected> {
    debate
        .claim_ixs()
        .map(|ix| {
            let c = debate.claim(ix);
            Expected {
                id: c.id.clone(),
                article: debate.article(c.article).id.clone(),
                quote: c.quote.clone(),
                summary: c.summary.clone(),
                tags: c.tags.iter().map(ToString::to_string).collect(),
                stances: debate
                    .framing_ixs()
                    .filter_map(|f| {
                        let s = c.stance(f)?;
                        Some((
                            debate.framing(f).id.clone(),
                            (s.kind, s.note.as_deref().map(str::to_owned)),
                        ))
                    })
                    .collect(),
                links: debate
                    .links_from(ix)
                    .map(|l| (debate.claim(l.to).id.clone(), l.kind))
                    .collect(),
            }
        })
        .collect()
}

fn draft(e: &Expected) -> ClaimDraft {
    ClaimDraft {
        id: e.id.clone(),
        article: e.article.clone(),
        quote: e.quote.clone(),
        summary: e.summary.clone(),
        tags: e.tags.clone(),
        stances: e
            .stances
            .iter()
            .map(|(f, (kind, note))| StanceDraft {
                framing: f.clone(),
                kind: *kind,
                note: note.clone(),
            })
            .collect(),
    }
}

#[derive(Debug, Clone)]
enum Op {
    Add {
        article: usize,
        quote: usize,
        text: usize,
    },
    Update {
        claim: usize,
        text: usize,
        stance: usize,
    },
    Delete {
        claim: usize,
    },
    Link {
        from: usize,
        to: usize,
        attacks: bool,
    },
    Unlink {
        claim: usize,
    },
    Undo,
    Redo,
}

/// Texts that need escaping, in every style.
const TEXTS: &[&str] = &[
    "A plain summary.",
    "He said \"no\", then 'yes'.",
    "Back\\slash and\ttab.",
    "Two\nlines.",
    "中文的总结「引用」。",
    "'''\"\"\" all the quotes",
];

const KINDS: [StanceKind; 3] = [
    StanceKind::Supports,
    StanceKind::Challenges,
    StanceKind::Neutral,
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..8usize, 0..50usize, 0..TEXTS.len()).prop_map(|(article, quote, text)| Op::Add {
            article,
            quote,
            text
        }),
        (0..50usize, 0..TEXTS.len(), 0..64usize).prop_map(|(claim, text, stance)| Op::Update {
            claim,
            text,
            stance
        }),
        (0..50usize).prop_map(|claim| Op::Delete { claim }),
        (0..50usize, 0..50usize, any::<bool>()).prop_map(|(from, to, attacks)| Op::Link {
            from,
            to,
            attacks
        }),
        (0..50usize).prop_map(|claim| Op::Unlink { claim }),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

/// A generated file with comments between some claims, as a hand-kept file has.
fn commented(text: &str) -> String {
    let mut out = String::new();
    for (n, part) in text.split("\n[[claims]]\n").enumerate() {
        if n > 0 {
            if n % 2 == 0 {
                let _ = write!(out, "\n# about claim {n}\n[[claims]]\n");
            } else {
                out.push_str("\n[[claims]]\n");
            }
        }
        out.push_str(part);
    }
    out
}

struct Run {
    editor: Editor,
    claims: Vec<Expected>,
    framings: Vec<String>,
    /// Each article's quotes that the file's claims already use (all found in its text).
    quotes: BTreeMap<String, Vec<String>>,
    undo: Vec<Vec<Expected>>,
    redo: Vec<Vec<Expected>>,
    touched: BTreeSet<String>,
}

impl Run {
    fn did(&mut self, before: Vec<Expected>) {
        self.undo.push(before);
        self.redo.clear();
    }

    #[allow(clippy::too_many_lines)]
    fn step(&mut self, op: &Op) {
        let n = self.claims.len();
        let before = self.claims.clone();
        match *op {
            Op::Add {
                article,
                quote,
                text,
            } => {
                let articles: Vec<&String> = self.quotes.keys().collect();
                let article = articles[article % articles.len()].clone();
                let quotes = &self.quotes[&article];
                let summary = format!("{} {}", TEXTS[text], self.claims.len());
                let id = self.editor.suggest_id(&summary);
                let e = Expected {
                    id: id.clone(),
                    article: article.clone(),
                    quote: quotes[quote % quotes.len()].clone(),
                    summary,
                    tags: vec![TEXTS[text].to_owned()],
                    stances: BTreeMap::from([(
                        self.framings[0].clone(),
                        (KINDS[text % 3], Some(TEXTS[text].to_owned())),
                    )]),
                    links: Vec::new(),
                };
                self.editor
                    .apply(&Edit::AddClaim(draft(&e)))
                    .expect("add saves");
                let at = self
                    .claims
                    .iter()
                    .rposition(|c| c.article == article)
                    .map_or(n, |i| i + 1);
                self.claims.insert(at, e);
                self.touched.insert(id);
            }
            Op::Update {
                claim,
                text,
                stance,
            } if n > 0 => {
                let i = claim % n;
                let mut e = self.claims[i].clone();
                TEXTS[text].clone_into(&mut e.summary);
                e.tags = if stance % 2 == 0 {
                    Vec::new()
                } else {
                    vec!["t".into(), TEXTS[text].to_owned()]
                };
                let framing = self.framings[stance % self.framings.len()].clone();
                if stance % 3 == 0 {
                    e.stances.remove(&framing);
                } else {
                    e.stances.insert(
                        framing,
                        (
                            KINDS[stance % 3],
                            (stance % 4 == 0).then(|| TEXTS[text].to_owned()),
                        ),
                    );
                }
                let edit = Edit::UpdateClaim {
                    id: e.id.clone(),
                    draft: draft(&e),
                };
                self.editor.apply(&edit).expect("update saves");
                self.touched.insert(e.id.clone());
                self.claims[i] = e;
            }
            Op::Delete { claim } if n > 0 => {
                let id = self.claims[claim % n].id.clone();
                self.editor
                    .apply(&Edit::DeleteClaim {
                        id: id.clone(),
                        incoming: IncomingLinks::Remove,
                    })
                    .expect("delete saves");
                self.claims.remove(claim % n);
                for c in &mut self.claims {
                    if c.links.iter().any(|(to, _)| *to == id) {
                        c.links.retain(|(to, _)| *to != id);
                        self.touched.insert(c.id.clone());
                    }
                }
                self.touched.insert(id);
            }
            Op::Link { from, to, attacks } if n > 1 => {
                let (from, to) = (from % n, to % n);
                let to_id = self.claims[to].id.clone();
                if from == to || self.claims[from].links.iter().any(|(t, _)| *t == to_id) {
                    return;
                }
                let kind = if attacks {
                    LinkKind::Attacks
                } else {
                    LinkKind::Supports
                };
                let from_id = self.claims[from].id.clone();
                self.editor
                    .apply(&Edit::AddLink {
                        from: from_id.clone(),
                        to: to_id.clone(),
                        kind,
                    })
                    .expect("link saves");
                self.claims[from].links.push((to_id, kind));
                self.touched.insert(from_id);
            }
            Op::Unlink { claim } if n > 0 => {
                let c = &mut self.claims[claim % n];
                let Some((to, _)) = c.links.first().cloned() else {
                    return;
                };
                let from = c.id.clone();
                c.links.retain(|(t, _)| *t != to);
                self.editor
                    .apply(&Edit::RemoveLink {
                        from: from.clone(),
                        to,
                    })
                    .expect("unlink saves");
                self.touched.insert(from);
            }
            Op::Undo => {
                if let Some(previous) = self.undo.pop() {
                    assert!(self.editor.undo().expect("undo saves").is_some());
                    self.redo
                        .push(std::mem::replace(&mut self.claims, previous));
                } else {
                    assert!(self.editor.undo().expect("nothing to undo").is_none());
                }
                return;
            }
            Op::Redo => {
                if let Some(next) = self.redo.pop() {
                    assert!(self.editor.redo().expect("redo saves").is_some());
                    self.undo.push(std::mem::replace(&mut self.claims, next));
                } else {
                    assert!(self.editor.redo().expect("nothing to redo").is_none());
                }
                return;
            }
            _ => return,
        }
        self.did(before);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_keep_every_other_byte_and_load_to_the_described_debate(
        seed in 0..1000u64,
        articles in 1..4usize,
        claims in 3..12usize,
        framings in 2..4usize,
        comments in any::<bool>(),
        by_window in any::<bool>(),
        ops in proptest::collection::vec(op(), 1..10),
    ) {
        let mut original = debate::testing::generate::debate_toml(articles, claims, framings, seed);
        if comments {
            original = commented(&original);
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("d.toml");
        fs::write(&path, &original).expect("written");
        let (mut editor, loaded) = Editor::open(&path).expect("opens");
        editor.set_full_validation_below(if by_window { 0 } else { usize::MAX });
        let start = model(&loaded);
        let mut quotes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for c in &start {
            quotes.entry(c.article.clone()).or_default().push(c.quote.clone());
        }
        let mut run = Run {
            editor,
            claims: start.clone(),
            framings: loaded.framings.iter().map(|f| f.id.clone()).collect(),
            quotes,
            undo: Vec::new(),
            redo: Vec::new(),
            touched: BTreeSet::new(),
        };
        for op in &ops {
            run.step(op);
        }
        let saved = fs::read_to_string(&path).expect("reads");
        prop_assert_eq!(&saved, run.editor.text());
        let reloaded = Debate::from_toml(&saved).map_err(|d| TestCaseError::fail(format!("{d:?}\n{saved}")))?;
        prop_assert_eq!(model(&reloaded), run.claims.clone());
        // Everything before the claims, every comment, and every untouched claim's text.
        let head = original.find("[[claims]]").unwrap_or(original.len());
        prop_assert_eq!(&saved[..head], &original[..head]);
        for line in original.lines().filter(|l| l.starts_with('#')) {
            prop_assert!(saved.contains(line), "lost {}", line);
        }
        for c in start.iter().filter(|c| !run.touched.contains(&c.id)) {
            let at = original.find(&format!("[[claims]]\nid = \"{}\"\n", c.id)).expect("claim text");
            let len = original[at..].find("\n\n").map_or(original.len() - at, |n| n + 1);
            let text = &original[at..at + len];
            prop_assert!(saved.contains(text), "claim '{}' changed:\n{}", c.id, text);
        }
    }
}
