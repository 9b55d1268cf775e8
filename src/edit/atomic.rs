//! Replacing a file so that a crash at any moment leaves the old file or the new one, whole.
//!
//! The new bytes go to a temporary file in the same directory (a rename is atomic only within
//! one file system), which is flushed to disk before it is renamed over the original; the
//! directory is flushed after, so the rename itself survives a power cut.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes the temporary files of saves in one process.
static SAVES: AtomicU64 = AtomicU64::new(0);

/// Writes the concatenation of `parts` to `path` atomically, keeping the original file's permissions. A symbolic
/// link is followed: the file it points to is replaced, the link stays.
pub fn write(path: &Path, parts: &[&[u8]]) -> io::Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "debate".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        SAVES.fetch_add(1, Ordering::Relaxed)
    ));
    let permissions = fs::metadata(&target).ok().map(|m| m.permissions());
    // A rename would replace a read-only file as easily as any other: its mode is the
    // owner's "do not change this", so it is kept.
    if permissions.as_ref().is_some_and(fs::Permissions::readonly) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        for part in parts {
            file.write_all(part)?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)?;
        File::open(&dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
