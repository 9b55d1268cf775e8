//! Why an edit was refused, said where the user can act on it: a problem inside the claim
//! being saved names its key (`quote`, `stances.<framing>`), for the form to show it beside
//! that field; a problem elsewhere names the line of the file on disk (the file the edit was
//! to be written into), never a line of the text the refused edit would have made.

use std::path::Path;

use crate::model::LoadFailure;
use crate::model::diagnostic::{line_col, one_line};

/// One reason the edit would not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The key of the edited claim it concerns (`summary`, `id`, `quote`, `tags`,
    /// `stances.<framing>`…), when it is one.
    pub key: Option<String>,
    pub message: String,
}

/// The problems of `failure` (diagnostics with spans into the text the edit would have
/// written), for an edit of the claim `edited` (its id as the form has it), in the file at
/// `file` whose text is `disk`.
pub fn of(failure: &LoadFailure, disk: &str, file: &Path, edited: Option<&str>) -> Vec<Problem> {
    let new = failure.source.as_str();
    let (prefix, suffix) = common_ends(new, disk);
    failure
        .diagnostics
        .iter()
        .map(|d| {
            // The help says what to change ("the quote matches up to …"): kept with the problem.
            let message = match &d.help {
                Some(help) => format!("{}: {}", d.message, help.trim()),
                None => d.message.clone(),
            };
            let Some(label) = &d.primary else {
                return Problem { key: None, message };
            };
            let at = label.span.start.min(new.len());
            if let Some(key) = edited.and_then(|id| key_in_claim(new, at, id)) {
                return Problem {
                    key: Some(key),
                    message,
                };
            }
            // The same text on disk: before the edit's bytes it is where it was, after them
            // moved by the edit's length.
            let on_disk = if at < prefix {
                at
            } else if at >= new.len() - suffix {
                at + disk.len() - new.len()
            } else {
                // Inside the edit's own text, but not in the claim the form saves.
                return Problem { key: None, message };
            };
            let (line, column) = line_col(disk, on_disk);
            Problem {
                key: None,
                message: one_line(&format!("{}:{line}:{column}: {message}", file.display())),
            }
        })
        .collect()
}

/// How many bytes `a` and `b` share at their start, and then at their end.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    (prefix, suffix)
}

/// The key whose line holds byte `at` of `text`, if that line is in the `[[claims]]` item with
/// id `id`.
fn key_in_claim(text: &str, at: usize, id: &str) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let item_start = text[..line_start].rfind("\n[[").map_or(0, |i| i + 1);
    let item = &text[item_start..];
    if !item.starts_with("[[claims]]") {
        return None;
    }
    let end = item[1..].find("\n[[").map_or(item.len(), |i| i + 1);
    super::claim_line(&item[..end], id)?;
    let line = text[line_start..].lines().next().unwrap_or("");
    let key = line.split('=').next()?.trim();
    let bare = key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    (!key.is_empty() && bare).then(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Diagnostic;

    const DISK: &str = "title = \"t\"\n\n[[claims]]\nid = \"old\"\nquote = \"q\"\n\n";

    fn failure(new: &str, at: usize) -> LoadFailure {
        LoadFailure {
            file: "/tmp/would-be.toml".into(),
            source: new.to_owned(),
            diagnostics: vec![Diagnostic::new("bad").at(at..at + 1, "here")],
        }
    }

    #[test]
    fn a_problem_in_the_edited_claim_names_its_key() {
        let added = "[[claims]]\nid = \"new\"\nquote = \"zz\"\nstances.a-b = { stance = \"x\" }\n";
        let new = format!("{DISK}{added}");
        let quote = new.find("\"zz\"").unwrap();
        let p = of(
            &failure(&new, quote),
            DISK,
            Path::new("/d/f.toml"),
            Some("new"),
        );
        assert_eq!(p[0].key.as_deref(), Some("quote"));
        assert_eq!(p[0].message, "bad");
        let stance = new.find("\"x\"").unwrap();
        let p = of(
            &failure(&new, stance),
            DISK,
            Path::new("/d/f.toml"),
            Some("new"),
        );
        assert_eq!(p[0].key.as_deref(), Some("stances.a-b"));
    }

    #[test]
    fn a_problem_elsewhere_names_the_line_on_disk() {
        let added = "[[claims]]\nid = \"new\"\nquote = \"zz\"\n\n";
        // Inserted before the old claim: its line on disk is 5, in the new text 9.
        let at = DISK.find("[[claims]]").unwrap();
        let new = format!("{}{added}{}", &DISK[..at], &DISK[at..]);
        let old_quote = new.rfind("\"q\"").unwrap();
        let p = of(
            &failure(&new, old_quote),
            DISK,
            Path::new("/d/f.toml"),
            Some("new"),
        );
        assert_eq!(p[0].key, None);
        assert_eq!(p[0].message, "/d/f.toml:5:9: bad");
    }
}
