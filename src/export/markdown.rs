//! A Markdown report a person can send to someone who has never seen the program: the
//! framings and their theses, then for each framing the claims it is supported and challenged
//! by (with notes, quotes and sources), the contested claims as a table, and the links.

use std::fmt::Write as _;

use crate::model::{ClaimIx, Debate, FramingIx, LinkKind, StanceKind};

/// Text safe inside a Markdown paragraph: no line breaks, no accidental emphasis or HTML.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn source(debate: &Debate, claim: ClaimIx) -> String {
    let article = debate.article(debate.claim(claim).article);
    let mut s = format!("*{}*", inline(&article.title));
    let byline = article.byline();
    if !byline.is_empty() {
        let _ = write!(s, ", {}", inline(&byline));
    }
    s
}

fn claim_item(out: &mut String, debate: &Debate, claim: ClaimIx, framing: FramingIx) {
    let c = debate.claim(claim);
    let _ = writeln!(out, "- **{}**", inline(&c.summary));
    if let Some(note) = c.stance(framing).and_then(|s| s.note.as_deref()) {
        let _ = writeln!(out, "  {}", inline(note));
    }
    let _ = writeln!(
        out,
        "  > “{}” — {}",
        inline(&c.quote),
        source(debate, claim)
    );
}

/// The whole report.
pub fn export(debate: &Debate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&debate.title));
    if let Some(d) = &debate.description {
        let _ = writeln!(out, "{}\n", inline(d));
    }
    let _ = writeln!(
        out,
        "{} read through {} framings. A claim *supports* a framing when, read its way, it counts in \
         its favour; it *challenges* it when it counts against.\n",
        match debate.articles.len() {
            1 => "One article".to_owned(),
            n => format!("{n} articles"),
        },
        debate.framings.len()
    );

    let _ = writeln!(out, "## The framings\n");
    for f in &debate.framings {
        let _ = writeln!(out, "### {}\n\n{}\n", inline(&f.name), inline(&f.thesis));
    }

    let _ = writeln!(out, "## The articles\n");
    for a in &debate.articles {
        let mut line = format!("- **{}**", inline(&a.title));
        let byline = a.byline();
        if !byline.is_empty() {
            let _ = write!(line, ", {}", inline(&byline));
        }
        if let Some(url) = &a.url {
            let _ = write!(line, " <{}>", url.replace(['<', '>', ' '], ""));
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');

    for f in debate.framing_ixs() {
        let framing = debate.framing(f);
        let _ = writeln!(out, "## Through {}\n", inline(&framing.name));
        for (kind, heading) in [
            (StanceKind::Supports, "Supported by"),
            (StanceKind::Challenges, "Challenged by"),
            (StanceKind::Neutral, "Neutral"),
        ] {
            let claims: Vec<ClaimIx> = debate
                .claim_ixs()
                .filter(|&c| debate.claim(c).stance(f).map(|s| s.kind) == Some(kind))
                .collect();
            if claims.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {heading} ({})\n", claims.len());
            for c in claims {
                claim_item(&mut out, debate, c, f);
            }
            out.push('\n');
        }
    }

    contested_table(&mut out, debate);
    links(&mut out, debate);
    out
}

/// The claims one framing supports while another challenges, one column per framing.
fn contested_table(out: &mut String, debate: &Debate) {
    let contested: Vec<ClaimIx> = debate
        .claim_ixs()
        .filter(|&c| debate.is_contested(c))
        .collect();
    if !contested.is_empty() {
        let _ = writeln!(out, "## Contested claims\n");
        let _ = writeln!(
            out,
            "Claims one framing supports while another challenges: where the debate turns.\n"
        );
        let mut head = "| Claim |".to_owned();
        let mut rule = "| --- |".to_owned();
        for f in &debate.framings {
            let _ = write!(head, " {} |", inline(&f.name));
            rule.push_str(" --- |");
        }
        let _ = writeln!(out, "{head}\n{rule}");
        for c in contested {
            let claim = debate.claim(c);
            let mut row = format!("| {} |", inline(&claim.summary));
            for f in debate.framing_ixs() {
                let cell = match claim.stance(f) {
                    Some(s) => match &s.note {
                        Some(note) => format!("**{}**: {}", s.kind.as_str(), inline(note)),
                        None => format!("**{}**", s.kind.as_str()),
                    },
                    None => "—".to_owned(),
                };
                let _ = write!(row, " {cell} |");
            }
            let _ = writeln!(out, "{row}");
        }
        out.push('\n');
    }
}

/// Every link between claims, in words.
fn links(out: &mut String, debate: &Debate) {
    if !debate.links.is_empty() {
        let _ = writeln!(out, "## How the claims bear on each other\n");
        for l in &debate.links {
            let verb = match l.kind {
                LinkKind::Supports => "supports",
                LinkKind::Attacks => "attacks",
            };
            let _ = writeln!(
                out,
                "- “{}” **{verb}** “{}”",
                inline(&debate.claim(l.from).summary),
                inline(&debate.claim(l.to).summary)
            );
        }
        out.push('\n');
    }
}
