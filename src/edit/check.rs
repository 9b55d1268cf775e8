//! Validation of an edit without re-reading the whole file.
//!
//! A debate file is valid when each item is (syntax, keys, ids, the quote found in its
//! article) and the items agree (ids unique, every article and link target exists). The
//! sections outside an edit's window are unchanged and were valid, so only the window's
//! sections can break either: they are validated by the project's own loader in a small file
//! made of the head, the framings, the articles they cite and a stub for each claim they link
//! to, and the cross-item rules are checked against the index of the rest.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use super::index::{Index, Section};
use super::sections::Kind;
use crate::model::diagnostic::Label;
use crate::model::{Debate, Diagnostic};

/// The sections of an edit: `old` in the index, replaced by `fresh` at `text` of the new text.
pub struct Window<'a> {
    pub old: Range<usize>,
    pub text: Range<usize>,
    pub fresh: &'a [Section],
    /// How many bytes longer the text is after the edit.
    pub delta: isize,
}

/// Every problem the edit's window makes, with spans into `text`.
pub fn window(text: &str, index: &Index, w: &Window<'_>) -> Vec<Diagnostic> {
    let outside = || {
        index.sections[..w.old.start].iter().enumerate().chain(
            index.sections[w.old.end..]
                .iter()
                .enumerate()
                .map(|(i, s)| (i + w.old.end, s)),
        )
    };
    let fresh_ids: HashSet<&str> = w
        .fresh
        .iter()
        .filter(|s| s.kind == Kind::Claim)
        .map(|s| s.id.as_str())
        .collect();
    let cited: HashSet<&str> = w.fresh.iter().map(|s| s.article.as_str()).collect();
    let mut mini = text[index.head()].to_owned();
    let mut article_ids = HashSet::new();
    let mut stubbed = Vec::new();
    for (i, s) in outside() {
        match s.kind {
            Kind::Framing => mini.push_str(section_text(text, index, i, w)),
            Kind::Article => {
                // The first article too: a debate needs one, whatever the window cites.
                if cited.contains(s.id.as_str()) || article_ids.is_empty() {
                    mini.push_str(section_text(text, index, i, w));
                }
                article_ids.insert(s.id.as_str());
            }
            Kind::Claim => {}
        }
    }
    ensure_newline(&mut mini);
    let targets: HashSet<&str> = w
        .fresh
        .iter()
        .flat_map(|s| s.links.iter().map(String::as_str))
        .collect();
    // Only the few targets are looked up: no set of every id of a large file per save.
    for target in targets {
        let outside_at = index
            .claims()
            .any(|(i, s)| s.id == target && !w.old.contains(&i));
        if !fresh_ids.contains(target) && outside_at {
            stubbed.push(target);
        }
    }
    if !stubbed.is_empty() {
        // An id no article has: there are fewer articles than candidates.
        let stub = (0..=article_ids.len())
            .map(|n| format!("edit-stub-{n}"))
            .find(|id| !article_ids.contains(id.as_str()))
            .unwrap_or_default();
        let _ = writeln!(
            mini,
            "[[articles]]\nid = \"{stub}\"\ntitle = \"stub\"\ntext = \"stub\"\n"
        );
        for id in stubbed {
            let _ = writeln!(
                mini,
                "[[claims]]\nid = \"{id}\"\narticle = \"{stub}\"\nquote = \"stub\"\nsummary = \"stub\"\n"
            );
        }
    }
    let offset = mini.len();
    mini.push_str(&text[w.text.clone()]);
    let mut problems = match Debate::from_toml(&mini) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .into_iter()
            .map(|d| relocate(d, offset, w.text.start))
            .collect(),
    };
    problems.extend(cross_checks(index, w));
    problems
}

/// Section `i`'s text in the edited text: sections after the window moved by the edit.
fn section_text<'t>(text: &'t str, index: &Index, i: usize, w: &Window<'_>) -> &'t str {
    let range = index.range(i);
    let shift = |at: usize| {
        if i >= w.old.end {
            at.saturating_add_signed(w.delta)
        } else {
            at
        }
    };
    let end = if i + 1 == index.sections.len() {
        text.len()
    } else {
        shift(range.end)
    };
    &text[shift(range.start)..end]
}

fn ensure_newline(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Spans in the small file's window part moved to the same text in the whole file; spans
/// elsewhere (the head, framings and articles it borrowed) point at the window's start.
fn relocate(mut d: Diagnostic, mini_offset: usize, file_offset: usize) -> Diagnostic {
    let fix = |label: &mut Label| {
        label.span = if label.span.start >= mini_offset {
            label.span.start - mini_offset + file_offset..label.span.end - mini_offset + file_offset
        } else {
            file_offset..file_offset
        };
    };
    if let Some(label) = &mut d.primary {
        fix(label);
    }
    d.secondary.iter_mut().for_each(fix);
    d
}

/// Ids unique across the whole file, and no claim outside left linking to one that is gone.
fn cross_checks(index: &Index, w: &Window<'_>) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    // How many claims outside the window have this id.
    let outside = |id: &str| {
        index
            .claims()
            .filter(|(i, s)| s.id == id && !w.old.contains(i))
            .count()
    };
    let old_ids: HashSet<&str> = index.sections[w.old.clone()]
        .iter()
        .filter(|s| s.kind == Kind::Claim)
        .map(|s| s.id.as_str())
        .collect();
    let fresh_ids: HashSet<&str> = w
        .fresh
        .iter()
        .filter(|s| s.kind == Kind::Claim)
        .map(|s| s.id.as_str())
        .collect();
    for s in w.fresh.iter().filter(|s| s.kind == Kind::Claim) {
        if outside(&s.id) > 0 {
            problems.push(
                Diagnostic::new(format!(
                    "claim id '{}' is already used by another claim",
                    s.id
                ))
                .at(s.start..s.start, "this claim")
                .help("give the claim an id of its own"),
            );
        }
    }
    let gone: Vec<&str> = old_ids.difference(&fresh_ids).copied().collect();
    for id in gone {
        if outside(id) > 0 {
            continue;
        }
        let outside = index.sections[..w.old.start]
            .iter()
            .chain(&index.sections[w.old.end..]);
        for s in outside.filter(|s| s.kind == Kind::Claim && s.links.iter().any(|l| l == id)) {
            problems.push(
                Diagnostic::new(format!(
                    "claim '{}' links to '{id}', which this edit removes",
                    s.id
                ))
                .help("remove that link first"),
            );
        }
    }
    problems
}
