//! Where a command's output goes: standard output, or a file written atomically (a temporary
//! file beside it, flushed to disk, renamed over it, its permissions kept), so that a crash
//! or a full disk never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::model;

/// Writes `text` to a file, or to stdout when there is none; errors are reported, exit 1.
pub(super) fn write_out(output: Option<&PathBuf>, text: &str) -> ExitCode {
    let Some(path) = output else {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    };
    if let Err(e) = write_atomically(path, text.as_bytes()) {
        eprintln!(
            "error: cannot write '{}': {e}",
            model::diagnostic::one_line(&path.display().to_string())
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Replaces `path` with `bytes` in one rename: readers see the old file or the new one.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("debate-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        let path = dir.join("out.toml");
        std::fs::write(&path, "old").expect("written");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, b"new").expect("replaced");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let left: Vec<_> = std::fs::read_dir(&dir).expect("dir").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
