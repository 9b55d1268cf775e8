//! The files around a save: a new debate file written whole and never over another, the
//! debate a Markdown article starts, and the line a claim stands on (for `$EDITOR`).

use std::path::{Path, PathBuf};

use super::Seed;
use crate::model::Debate;

/// A Markdown or text article as a debate (`debate new`'s scaffolding of it), and the seed its
/// first claim saves: the scaffold's text, to a `.toml` file of the same name beside it
/// (`notes.md` → `notes.toml`), or `notes.debate.toml` when that name is taken.
pub fn markdown_debate(path: &Path) -> Result<(Debate, Seed), String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read '{name}': {e}"))?;
    let source = crate::scaffold::read_article(&name, &text);
    let (toml, debate) = crate::scaffold::new_debate(&[source])
        .map_err(|failure| failure.short_lines().join("; "))?;
    let mut suggested = path.with_extension("toml");
    if suggested.exists() {
        suggested = path.with_extension("debate.toml");
    }
    Ok((debate, Seed { toml, suggested }))
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
