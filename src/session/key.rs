//! Which debate a session belongs to: a file by its canonical path, the embedded debate by its
//! title and a hash of its text (so a new build with another embedded debate starts afresh).

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bytes of the SHA-256 digest kept in names: 16 (32 hex digits) makes collisions moot.
const HASH_BYTES: usize = 16;
/// Characters of the readable part of a state file's name.
const SLUG_CHARS: usize = 40;

/// The identity of a debate across runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DebateKey {
    /// A debate file, by its canonical path, lossily as UTF-8 (two paths that differ only in
    /// bytes that are not UTF-8 would share a session: a price paid for a readable file).
    File { path: String },
    /// The debate built into the binary.
    Embedded { title: String, hash: String },
}

/// Lowercase hex of the first [`HASH_BYTES`] of the SHA-256 of `bytes`.
fn short_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    digest
        .iter()
        .take(HASH_BYTES)
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

impl DebateKey {
    /// The key of a debate file: its canonical path, so every way of naming the file (relative,
    /// through a symlink) shares one session.
    pub fn for_file(path: &Path) -> std::io::Result<Self> {
        let canonical = std::fs::canonicalize(path)?;
        Ok(Self::File {
            path: canonical.to_string_lossy().into_owned(),
        })
    }

    /// The key of the embedded debate: its title and a hash of its source text.
    pub fn embedded(title: &str, source: &str) -> Self {
        Self::Embedded {
            title: title.to_owned(),
            hash: short_hash(source.as_bytes()),
        }
    }

    /// The name of this debate's state file: a readable part (the file's name or the title)
    /// and a hash of the whole key, so two files named alike in different folders differ.
    pub fn file_name(&self) -> String {
        let (readable, identity) = match self {
            Self::File { path } => {
                let name = Path::new(path)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, format!("file\0{path}").into_bytes())
            }
            Self::Embedded { title, hash } => (
                title.clone(),
                format!("embedded\0{title}\0{hash}").into_bytes(),
            ),
        };
        let slug: String = readable
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .take(SLUG_CHARS)
            .collect();
        let slug = slug.trim_matches('-');
        let slug = if slug.is_empty() { "debate" } else { slug };
        format!("{slug}-{}.json", short_hash(&identity))
    }
}

impl fmt::Display for DebateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File { path } => f.write_str(path),
            Self::Embedded { title, .. } => {
                write!(f, "the embedded debate \u{201c}{title}\u{201d}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_by_another_route_has_the_same_key() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("My Debate.toml");
        std::fs::write(&file, "title = 'x'").unwrap();
        let direct = DebateKey::for_file(&file).unwrap();
        let dotted = DebateKey::for_file(&dir.path().join(".").join("My Debate.toml")).unwrap();
        assert_eq!(direct.file_name(), dotted.file_name());
        let name = direct.file_name();
        assert!(name.starts_with("my-debate-"), "{name}");
        assert!(
            std::path::Path::new(&name)
                .extension()
                .is_some_and(|e| e == "json")
        );
    }

    #[test]
    fn files_named_alike_in_different_folders_differ() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        for d in [&a, &b] {
            std::fs::write(d.path().join("d.toml"), "").unwrap();
        }
        let ka = DebateKey::for_file(&a.path().join("d.toml")).unwrap();
        let kb = DebateKey::for_file(&b.path().join("d.toml")).unwrap();
        assert_ne!(ka.file_name(), kb.file_name());
    }

    #[test]
    fn a_changed_embedded_text_is_another_debate() {
        let one = DebateKey::embedded("DeepSeek", "text one");
        let two = DebateKey::embedded("DeepSeek", "text two");
        assert_ne!(one, two);
        assert_ne!(one.file_name(), two.file_name());
        assert_eq!(one, DebateKey::embedded("DeepSeek", "text one"));
    }

    #[test]
    fn names_are_safe_whatever_the_title() {
        let name = DebateKey::embedded("../../etc/passwd 深圳", "x").file_name();
        assert!(!name.contains('/') && !name.contains(".."), "{name}");
        let blank = DebateKey::embedded("深圳", "x").file_name();
        assert!(blank.starts_with("debate-"), "{blank}");
    }
}
