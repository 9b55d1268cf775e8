//! The edits a reader makes to a debate, each resolved into splices of the file's text.

use std::ops::Range;

use super::EditError;
use super::claim_text::{self, ClaimDraft};
use super::index::Index;
use super::sections;
use crate::model::LinkKind;

/// What to do with the links other claims hold to a claim being deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncomingLinks {
    /// Refuse the delete and name the claims that link to it: the safe default, since a
    /// link is an author's judgement that a delete elsewhere should not quietly undo.
    Refuse,
    /// Remove those links too, in the same save (the reader asks first).
    Remove,
}

/// One change to a debate's claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new claim, placed after the last claim of its article, or at the end of the file.
    AddClaim(ClaimDraft),
    /// A claim's fields replaced; its links are kept. An id in use by links cannot change.
    UpdateClaim {
        id: String,
        draft: ClaimDraft,
    },
    DeleteClaim {
        id: String,
        incoming: IncomingLinks,
    },
    AddLink {
        from: String,
        to: String,
        kind: LinkKind,
    },
    /// Every link from `from` to `to`.
    RemoveLink {
        from: String,
        to: String,
    },
}

/// A replacement of `range` of the text by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub range: Range<usize>,
    pub text: String,
}

/// `splices` (sorted, apart) applied to `text`.
pub fn apply(text: &str, splices: &[Splice]) -> String {
    let grown: usize = splices.iter().map(|s| s.text.len()).sum();
    let mut out = String::with_capacity(text.len() + grown);
    let mut at = 0;
    for s in splices {
        out.push_str(&text[at..s.range.start]);
        out.push_str(&s.text);
        at = s.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The splices that undo `splices` on the text they produce.
pub fn inverse(text: &str, splices: &[Splice]) -> Vec<Splice> {
    let mut shift = 0isize;
    splices
        .iter()
        .map(|s| {
            let start = s.range.start.saturating_add_signed(shift);
            shift += s.text.len().cast_signed() - s.range.len().cast_signed();
            Splice {
                range: start..start + s.text.len(),
                text: text[s.range.clone()].to_owned(),
            }
        })
        .collect()
}

/// The splices that make `edit` on `text`.
pub fn resolve(text: &str, index: &Index, edit: &Edit) -> Result<Vec<Splice>, EditError> {
    let mut splices = match edit {
        Edit::AddClaim(draft) => vec![add(text, index, draft)?],
        Edit::UpdateClaim { id, draft } => {
            if draft.id != *id {
                refuse_if_linked(index, id, "change the id of")?;
                if index.claim(&draft.id).is_some() {
                    return Err(EditError::Refused(format!(
                        "a claim with id '{}' already exists",
                        draft.id
                    )));
                }
            }
            vec![rewrite(text, index, id, |s| claim_text::update(s, draft))?]
        }
        Edit::DeleteClaim { id, incoming } => delete(text, index, id, *incoming)?,
        Edit::AddLink { from, to, kind } => {
            find(index, to)?;
            vec![rewrite(text, index, from, |s| {
                claim_text::add_link(s, to, *kind)
            })?]
        }
        Edit::RemoveLink { from, to } => {
            let section = &index.sections[find(index, from)?];
            if !section.links.iter().any(|l| l == to) {
                return Err(EditError::Refused(format!(
                    "claim '{from}' has no link to '{to}'"
                )));
            }
            vec![rewrite(text, index, from, |s| {
                claim_text::remove_links(s, to)
            })?]
        }
    };
    splices.sort_by_key(|s| s.range.start);
    Ok(splices)
}

fn find(index: &Index, id: &str) -> Result<usize, EditError> {
    index
        .claim(id)
        .ok_or_else(|| EditError::NotFound(id.to_owned()))
}

fn refuse_if_linked(index: &Index, id: &str, what: &str) -> Result<(), EditError> {
    let from: Vec<&str> = index.linking_to(id).map(|s| s.id.as_str()).collect();
    if from.is_empty() {
        Ok(())
    } else {
        Err(EditError::Refused(format!(
            "cannot {what} claim '{id}': {} link to it ({}); remove those links first",
            if from.len() == 1 {
                "one claim"
            } else {
                "claims"
            },
            from.join(", ")
        )))
    }
}

/// The claim's item text, without the comments and blank lines that introduce what follows.
fn claim_extent(text: &str, index: &Index, i: usize) -> Range<usize> {
    sections::extent(text, index.range(i))
}

fn rewrite(
    text: &str,
    index: &Index,
    id: &str,
    change: impl FnOnce(&str) -> Result<String, claim_text::Unreadable>,
) -> Result<Splice, EditError> {
    let range = claim_extent(text, index, find(index, id)?);
    let new = change(&text[range.clone()]).map_err(|e| {
        EditError::Unsupported(format!("claim '{id}' cannot be edited in place: {}", e.0))
    })?;
    Ok(Splice { range, text: new })
}

fn add(text: &str, index: &Index, draft: &ClaimDraft) -> Result<Splice, EditError> {
    if index.claim(&draft.id).is_some() {
        return Err(EditError::Refused(format!(
            "a claim with id '{}' already exists",
            draft.id
        )));
    }
    let last_of_article = index
        .claims()
        .filter(|(_, s)| s.article == draft.article)
        .map(|(i, _)| i)
        .last();
    let body = claim_text::render(draft);
    let Some(i) = last_of_article else {
        let lead = if text.ends_with("\n\n") || text.is_empty() {
            ""
        } else if text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        return Ok(Splice {
            range: text.len()..text.len(),
            text: format!("{lead}{body}"),
        });
    };
    let at = claim_extent(text, index, i).end;
    let lead = if text[..at].ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    // A blank line before what follows, unless one is there already.
    let trail = if at < text.len() && !text[at..].starts_with('\n') {
        "\n"
    } else {
        ""
    };
    Ok(Splice {
        range: at..at,
        text: format!("{lead}{body}{trail}"),
    })
}

fn delete(
    text: &str,
    index: &Index,
    id: &str,
    incoming: IncomingLinks,
) -> Result<Vec<Splice>, EditError> {
    let i = find(index, id)?;
    if incoming == IncomingLinks::Refuse {
        refuse_if_linked(index, id, "delete")?;
    }
    let extent = claim_extent(text, index, i);
    let after = sections::blank_lines_after(text, extent.end);
    // The blank lines that kept it apart from what follows go with it; those before it
    // belong to what precedes it.
    let range = extent.start..extent.end + after;
    let mut splices = vec![Splice {
        range,
        text: String::new(),
    }];
    let linking: Vec<String> = index.linking_to(id).map(|s| s.id.clone()).collect();
    for from in linking {
        splices.push(rewrite(text, index, &from, |s| {
            claim_text::remove_links(s, id)
        })?);
    }
    Ok(splices)
}

/// An id for a new claim made from its summary: its first words as a slug, made unique
/// against `taken` with a number.
pub fn suggest_id(summary: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug = crate::model::slug_id(summary);
    let mut base = String::new();
    for word in slug.split('-').filter(|w| !w.is_empty()) {
        if !base.is_empty() && base.len() + word.len() >= 32 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(word);
    }
    if base.is_empty() {
        base.push_str("claim");
    }
    if !taken(&base) {
        return base;
    }
    let mut n = 2;
    loop {
        let id = format!("{base}-{n}");
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}
