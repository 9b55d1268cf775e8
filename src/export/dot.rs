//! An argument map for Graphviz: claims as nodes grouped by article, links as edges (supports
//! solid green with an arrow, attacks dashed red with a bar), each claim filled with the colour
//! of its stance under one framing.

use std::fmt::Write as _;

use crate::model::{Debate, FramingIx, LinkKind, StanceKind};

/// A DOT string literal: quotes and backslashes escaped, control characters dropped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Breaks a label into lines of about `width` characters, for readable boxes.
fn wrapped(text: &str, width: usize) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().map_or(0, |l| l.chars().count());
        if last > 0 && last + word.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

fn fill(kind: Option<StanceKind>) -> &'static str {
    match kind {
        Some(StanceKind::Supports) => "#c8e6c9",
        Some(StanceKind::Challenges) => "#ffcdd2",
        Some(StanceKind::Neutral) => "#bbdefb",
        None => "#eeeeee",
    }
}

pub fn export(debate: &Debate, framing: FramingIx) -> String {
    let f = debate.framing(framing);
    let mut out = String::new();
    let title = format!("{}\nstances under {}", debate.title, f.name);
    let _ = writeln!(out, "digraph debate {{");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, labelloc=t, fontname=Helvetica, label={}];",
        quoted(&title)
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=Helvetica, fontsize=10];"
    );
    let _ = writeln!(out, "  edge [fontname=Helvetica, fontsize=9];");
    for (i, article) in debate.articles.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{i} {{");
        let _ = writeln!(
            out,
            "    label={}; style=rounded; color=\"#9e9e9e\";",
            quoted(&article.title)
        );
        for &c in &article.claims {
            let claim = debate.claim(c);
            let kind = claim.stance(framing).map(|s| s.kind);
            let _ = writeln!(
                out,
                "    {} [label={}, fillcolor=\"{}\", tooltip={}];",
                quoted(&claim.id),
                quoted(&wrapped(&claim.summary, 32)),
                fill(kind),
                quoted(&format!(
                    "{} ({})",
                    claim.quote,
                    kind.map_or("no stance", StanceKind::as_str)
                ))
            );
        }
        let _ = writeln!(out, "  }}");
    }
    for link in &debate.links {
        let (style, label) = match link.kind {
            LinkKind::Supports => ("color=\"#2e7d32\", arrowhead=normal", "supports"),
            LinkKind::Attacks => ("color=\"#c62828\", style=dashed, arrowhead=tee", "attacks"),
        };
        let _ = writeln!(
            out,
            "  {} -> {} [{style}, label={}];",
            quoted(&debate.claim(link.from).id),
            quoted(&debate.claim(link.to).id),
            quoted(label)
        );
    }
    out.push_str("}\n");
    out
}
