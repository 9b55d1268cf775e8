//! The files around a save: a new debate file written whole and never over another, where to
//! suggest it, the debate Markdown articles start, and the line a claim stands on (for
//! `$EDITOR`).

use std::path::{Path, PathBuf};

use super::Seed;
use crate::model::{Debate, LoadFailure};

/// Markdown or text articles as the debate their first claim starts: `debate new`'s
/// scaffolding of them, without its example claims, shown in the reader as it will be saved.
/// The seed is that text, suggested (as an absolute path) beside the first article under its
/// name (`notes.md` → `notes.toml`), or as `debate.toml` there for several articles; a name
/// that is taken gets a number.
pub fn markdown_debate(paths: &[PathBuf]) -> Result<(Debate, Seed), LoadFailure> {
    let mut sources = Vec::with_capacity(paths.len());
    for path in paths {
        let text = crate::model::read_text(path)?;
        sources.push(crate::scaffold::read_article(
            &path.display().to_string(),
            &text,
        ));
    }
    let (toml, debate) = crate::scaffold::annotation_debate(&sources)?;
    let (dir, stem) = match paths {
        [one] => (
            one.parent().map(Path::to_path_buf).unwrap_or_default(),
            one.file_stem()
                .map_or_else(|| "debate".to_owned(), |s| s.to_string_lossy().into_owned()),
        ),
        _ => (
            paths
                .first()
                .and_then(|p| p.parent())
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            "debate".to_owned(),
        ),
    };
    let suggested = free_name(&dir, &stem);
    Ok((debate, Seed { toml, suggested }))
}

/// `dir/stem.toml`, or the first of `stem-2.toml`, `stem-3.toml`… that no file has, as an
/// absolute path (the prompt shows where the file goes whatever the working directory).
pub fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let at = |name: String| absolute(&dir.join(name));
    let first = at(format!("{stem}.toml"));
    if !first.exists() {
        return first;
    }
    (2..1000)
        .map(|n| at(format!("{stem}-{n}.toml")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// `path` made absolute against the working directory (not resolving links), as typed when
/// that fails; a leading `~/` is the home directory, as a shell would read it.
pub fn absolute(path: &Path) -> PathBuf {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    let path = match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    };
    std::path::absolute(&path).unwrap_or(path)
}

/// Writes a new file whole or not at all, and never over one that exists: the text goes to a
/// temporary file beside it, flushed, then is linked in under its name (which fails if the
/// name is taken meanwhile).
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    // A temporary file is private (0600); the debate file is an ordinary one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// The line (from 1) where claim `id` is defined in a debate file's text: its `id = "…"` key.
pub fn claim_line(text: &str, id: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.trim()
                .strip_prefix("id")
                .and_then(|rest| rest.trim_start().strip_prefix('='))
                .map(str::trim)
                .and_then(|value| {
                    value
                        .strip_prefix('"')
                        .and_then(|v| v.strip_suffix('"'))
                        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                })
                == Some(id)
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_a_pane_with_its_text_as_written_and_no_claims() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.txt");
        std::fs::write(
            &a,
            "# First \"quoted\" title\n\nSee [the survey](https://e.com) for details.\n\n'''x'''\n",
        )
        .expect("written");
        std::fs::write(&b, "Plain line one\nline two\n").expect("written");
        let (debate, seed) = markdown_debate(&[a.clone(), b]).expect("loads");
        assert_eq!(debate.articles.len(), 2);
        assert_eq!(debate.articles[0].title, "First \"quoted\" title");
        assert!(debate.articles[0].text.contains("'''x'''"));
        assert!(debate.claims.is_empty());
        // The seed is the debate on screen, to be saved beside the first file.
        let saved = Debate::from_toml(&seed.toml).expect("loads");
        assert_eq!(saved.articles.len(), 2);
        assert_eq!(seed.suggested, dir.path().join("debate.toml"));
        let (_, one) = markdown_debate(&[a]).expect("loads");
        assert_eq!(one.suggested, dir.path().join("a.toml"));
        std::fs::write(dir.path().join("a.toml"), "").expect("written");
        assert_eq!(free_name(dir.path(), "a"), dir.path().join("a-2.toml"));
    }

    #[test]
    fn a_relative_path_is_made_absolute_and_a_tilde_is_home() {
        assert!(absolute(Path::new("x.toml")).is_absolute());
        if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            assert_eq!(
                absolute(Path::new("~/x.toml")),
                PathBuf::from(home).join("x.toml")
            );
        }
    }
}
