//! The debate in Argdown syntax, so it opens in Argdown's tools: each framing and each claim a
//! statement; a claim's links and its stances toward the framings as outgoing relations
//! (`+>` supports, `->` attacks), grouped under one heading per article.

use std::fmt::Write as _;

use crate::model::{Debate, LinkKind, StanceKind};

/// A statement title: Argdown ends a title at `]`, so brackets are replaced.
fn title(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// Statement text on one line, without characters Argdown reads as syntax at a line's start.
fn text(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['<', '>', '[', ']'], "")
}

/// A tag: Argdown tags are `#word` or `#(several words)`.
fn tag(t: &str) -> String {
    let t = t.replace(['(', ')'], "");
    if t.chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    {
        format!("#{t}")
    } else {
        format!("#({t})")
    }
}

pub fn export(debate: &Debate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "===\ntitle: {}\n===\n", title(&debate.title));
    let _ = writeln!(out, "# Framings\n");
    for f in &debate.framings {
        let _ = writeln!(out, "[{}]: {} #framing\n", title(&f.name), text(&f.thesis));
    }
    for article in &debate.articles {
        let _ = writeln!(out, "# {}\n", title(&article.title));
        for &c in &article.claims {
            let claim = debate.claim(c);
            let tags: Vec<String> = claim.tags.iter().map(|t| tag(t)).collect();
            let _ = writeln!(
                out,
                "[{}]: {} {}",
                claim.id,
                text(&claim.summary),
                tags.join(" ")
            );
            for link in debate.links_from(c) {
                let op = match link.kind {
                    LinkKind::Supports => "+>",
                    LinkKind::Attacks => "->",
                };
                let _ = writeln!(out, "  {op} [{}]", debate.claim(link.to).id);
            }
            for f in debate.framing_ixs() {
                let op = match claim.stance(f).map(|s| s.kind) {
                    Some(StanceKind::Supports) => "+>",
                    Some(StanceKind::Challenges) => "->",
                    _ => continue,
                };
                let _ = writeln!(out, "  {op} [{}]", title(&debate.framing(f).name));
            }
            out.push('\n');
        }
    }
    out
}
