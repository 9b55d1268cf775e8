//! Where sessions live: one small JSON file per debate in the state directory
//! (`$XDG_STATE_HOME/debate/`, or `DEBATE_STATE_DIR`). Loading never fails: a file that cannot
//! be used is set aside (renamed, never deleted) and the reason comes back as a [`Notice`] the
//! reader can show. Saving is atomic; a failure comes back as a [`SaveError`], never a panic.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;
use serde::Deserialize;

use super::atomic;
use super::key::DebateKey;
use super::record::{FORMAT_VERSION, Session};

/// Overrides the state directory (tests use it; so may a user).
pub const STATE_DIR_VAR: &str = "DEBATE_STATE_DIR";

/// The directory sessions are kept in: `DEBATE_STATE_DIR` if set, else the platform's state
/// directory for `debate` (`$XDG_STATE_HOME/debate`, by default `~/.local/state/debate`), else
/// its local data directory (platforms with no state directory). `None` with no home at all.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(STATE_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    // etcetera (already used for the config directory) rather than a second directories crate.
    let strategy = etcetera::choose_base_strategy().ok()?;
    let base = strategy.state_dir().unwrap_or_else(|| strategy.data_dir());
    Some(base.join("debate"))
}

/// Why a state file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// It is not a session this build can parse.
    Corrupt(String),
    /// A newer build wrote it, in a format this one does not know.
    Newer(u32),
    /// It could not be read.
    Unreadable(String),
}

impl Unusable {
    /// The word the set-aside copy's name carries.
    fn tag(&self) -> &'static str {
        match self {
            Self::Corrupt(_) => "corrupt",
            Self::Newer(_) => "newer",
            Self::Unreadable(_) => "unreadable",
        }
    }
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Corrupt(why) => write!(f, "it is damaged ({why})"),
            Self::Newer(v) => write!(
                f,
                "a newer debate wrote it (format {v}; this one reads {FORMAT_VERSION})"
            ),
            Self::Unreadable(why) => write!(f, "it could not be read ({why})"),
        }
    }
}

/// Something the reader should be told about its saved state, as a banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file was renamed to `moved_to` and the reader starts fresh.
    SetAside {
        path: PathBuf,
        moved_to: PathBuf,
        why: Unusable,
    },
    /// The file could not be used nor renamed; the reader starts fresh and it stays in place.
    LeftInPlace {
        path: PathBuf,
        why: Unusable,
        error: String,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SetAside {
                path,
                moved_to,
                why,
            } => write!(
                f,
                "the saved reading state (place, marks, verdicts, notes) in {} was not used: \
                 {why}. It is kept, set aside as {}; this run started fresh.",
                path.display(),
                moved_to.display()
            ),
            Self::LeftInPlace { path, why, error } => write!(
                f,
                "the saved reading state (place, marks, verdicts, notes) in {} was not used: \
                 {why}, and it could not be set aside ({error}); this run started fresh.",
                path.display()
            ),
        }
    }
}

/// A session as loaded: what was remembered (or a fresh one), and anything to tell the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub session: Session,
    pub notice: Option<Notice>,
}

/// What kind of failure a save met, for the banner's wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFailure {
    /// Read-only filesystem, or no permission to write there.
    ReadOnly,
    /// No space left, or over quota.
    DiskFull,
    Other,
}

/// A save that did not happen; the previous file, if any, is intact.
#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub failure: SaveFailure,
    pub error: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.failure {
            SaveFailure::ReadOnly => "its directory is read-only",
            SaveFailure::DiskFull => "the disk is full",
            SaveFailure::Other => "the write failed",
        };
        write!(
            f,
            "Could not save the reading state to {}: {what} ({}).",
            self.path.display(),
            self.error
        )
    }
}

impl SaveError {
    /// Why the save failed, in a few words for the status line.
    pub fn reason(&self) -> String {
        match self.failure {
            SaveFailure::ReadOnly => "read-only".into(),
            SaveFailure::DiskFull => "disk full".into(),
            // Short enough for the status line beside the view's name and position.
            SaveFailure::Other if self.error.kind() == io::ErrorKind::NotADirectory => {
                "not a dir".into()
            }
            SaveFailure::Other if self.error.kind() == io::ErrorKind::NotFound => "no dir".into(),
            // The system's words without their error number.
            SaveFailure::Other => {
                let text = self.error.to_string();
                let end = text.find(" (os error").unwrap_or(text.len());
                text[..end].to_lowercase()
            }
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

fn classify(error: &io::Error) -> SaveFailure {
    match error.kind() {
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => {
            SaveFailure::ReadOnly
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => SaveFailure::DiskFull,
        _ => SaveFailure::Other,
    }
}

/// Parses a state file, checking its format version before its shape.
pub fn parse(bytes: &[u8]) -> Result<Session, Unusable> {
    #[derive(Deserialize)]
    struct Header {
        version: Option<u32>,
    }
    let corrupt = |e: serde_json::Error| Unusable::Corrupt(e.to_string());
    let header: Header = serde_json::from_slice(bytes).map_err(corrupt)?;
    match header.version {
        None | Some(0) => Err(Unusable::Corrupt("no format version".into())),
        Some(v) if v > FORMAT_VERSION => Err(Unusable::Newer(v)),
        Some(_) => serde_json::from_slice(bytes).map_err(corrupt),
    }
}

/// The bytes of a session as saved for `key`: pretty JSON, so a person can read and mend it.
pub fn to_bytes(key: &DebateKey, session: &Session) -> io::Result<Vec<u8>> {
    let mut saved = session.clone();
    saved.version = FORMAT_VERSION;
    saved.debate = Some(key.clone());
    let mut bytes = serde_json::to_vec_pretty(&saved)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A directory of sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store in `dir` (created on the first save).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The store in [`default_dir`], if there is one.
    pub fn default_location() -> Option<Self> {
        default_dir().map(Self::at)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds the session of `key`.
    pub fn path_of(&self, key: &DebateKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The remembered session of `key`; a fresh one if there is none or it cannot be used.
    pub fn load(&self, key: &DebateKey) -> Loaded {
        let path = self.path_of(key);
        let fresh = |notice| Loaded {
            session: Session::default(),
            notice,
        };
        let why = match std::fs::read(&path) {
            // No file, or no directory to hold one (a save will report that): nothing saved.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return fresh(None);
            }
            Err(e) => Unusable::Unreadable(e.to_string()),
            Ok(bytes) => match parse(&bytes) {
                Ok(session) => {
                    return Loaded {
                        session,
                        notice: None,
                    };
                }
                Err(why) => why,
            },
        };
        fresh(Some(set_aside(&path, why)))
    }

    /// Files of `key` set aside as unusable (`NAME.corrupt-…`, `.newer-…`, `.unreadable-…`),
    /// oldest name first.
    pub fn set_aside_files(&self, key: &DebateKey) -> Vec<PathBuf> {
        let name = key.file_name();
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| {
                let entry_name = entry.file_name();
                let entry_name = entry_name.to_string_lossy();
                entry_name.strip_prefix(name.as_str()).is_some_and(|rest| {
                    ["corrupt", "newer", "unreadable"]
                        .iter()
                        .any(|tag| rest.starts_with(&format!(".{tag}-")))
                })
            })
            .map(|entry| entry.path())
            .collect();
        found.sort();
        found
    }

    /// Saves the session of `key` atomically, creating the directory if needed.
    pub fn save(&self, key: &DebateKey, session: &Session) -> Result<(), SaveError> {
        let path = self.path_of(key);
        let fail = |error: io::Error| SaveError {
            path: path.clone(),
            failure: classify(&error),
            error,
        };
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        let bytes = to_bytes(key, session).map_err(fail)?;
        atomic::write(&path, &bytes).map_err(fail)
    }
}

/// Renames an unusable file out of the way: `NAME.corrupt-SECONDS` (or `.newer-`,
/// `.unreadable-`), with a counter if that name is taken. Nothing is ever deleted.
fn set_aside(path: &Path, why: Unusable) -> Notice {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.{}-{seconds}", path.display(), why.tag());
    let free = (0..100)
        .map(|n| {
            if n == 0 {
                PathBuf::from(&base)
            } else {
                PathBuf::from(format!("{base}-{n}"))
            }
        })
        .find(|candidate| !candidate.exists());
    let Some(moved_to) = free else {
        return Notice::LeftInPlace {
            path: path.to_path_buf(),
            why,
            error: "no free name to move it to".into(),
        };
    };
    match std::fs::rename(path, &moved_to) {
        Ok(()) => Notice::SetAside {
            path: path.to_path_buf(),
            moved_to,
            why,
        },
        Err(e) => Notice::LeftInPlace {
            path: path.to_path_buf(),
            why,
            error: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::record::{Place, Verdict};

    fn key() -> DebateKey {
        DebateKey::embedded("Test debate", "source text")
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("state"));
        (dir, store)
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn nothing_saved_gives_a_fresh_session_and_no_notice() {
        let (_dir, store) = store();
        let loaded = store.load(&key());
        assert_eq!(loaded.session, Session::default());
        assert_eq!(loaded.notice, None);
    }

    #[test]
    fn a_saved_session_loads_back_with_its_version_and_key() {
        let (_dir, store) = store();
        let mut session = Session::default();
        session.set_verdict("c", Some(Verdict::Convinced));
        session
            .bookmarks
            .insert('m', Place::Claim { claim: "c".into() });
        store.save(&key(), &session).unwrap();
        let loaded = store.load(&key());
        assert_eq!(loaded.notice, None);
        assert_eq!(loaded.session.version, FORMAT_VERSION);
        assert_eq!(loaded.session.debate, Some(key()));
        assert_eq!(loaded.session.judgements, session.judgements);
        assert_eq!(loaded.session.bookmarks, session.bookmarks);
        let other = DebateKey::embedded("Test debate", "another text");
        assert_eq!(store.load(&other).session, Session::default());
    }

    fn assert_set_aside(store: &Store, contents: &[u8], tag: &str) -> Notice {
        std::fs::create_dir_all(store.dir()).unwrap();
        let path = store.path_of(&key());
        std::fs::write(&path, contents).unwrap();
        let loaded = store.load(&key());
        assert_eq!(loaded.session, Session::default());
        let notice = loaded.notice.expect("a notice");
        let Notice::SetAside { moved_to, .. } = &notice else {
            panic!("not set aside: {notice:?}");
        };
        assert!(!path.exists(), "the unusable file is moved away");
        assert_eq!(std::fs::read(moved_to).unwrap(), contents, "and kept whole");
        let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.contains(&format!(".json.{tag}-")), "{name}");
        notice
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_notice() {
        let (_dir, store) = store();
        let notice = assert_set_aside(&store, b"{\"version\": 1, \"view\": ", "corrupt");
        assert!(matches!(
            &notice,
            Notice::SetAside {
                why: Unusable::Corrupt(_),
                ..
            }
        ));
        assert!(notice.to_string().contains("damaged"), "{notice}");
    }

    #[test]
    fn a_file_without_a_version_or_of_the_wrong_shape_is_corrupt() {
        let (_dir, store) = store();
        assert_set_aside(&store, b"{\"view\": \"reader\"}", "corrupt");
        assert_set_aside(&store, b"{\"version\": 1, \"view\": 7}", "corrupt");
        assert_set_aside(&store, b"[1, 2]", "corrupt");
        // Three files set aside within one second get distinct names.
        assert_eq!(entries(store.dir()).len(), 3);
    }

    #[test]
    fn a_file_from_a_newer_version_is_set_aside_not_misread() {
        let (_dir, store) = store();
        let newer = format!(
            "{{\"version\": {}, \"view\": \"hologram\"}}",
            FORMAT_VERSION + 1
        );
        let notice = assert_set_aside(&store, newer.as_bytes(), "newer");
        assert!(
            matches!(&notice, Notice::SetAside { why: Unusable::Newer(v), .. } if *v == FORMAT_VERSION + 1)
        );
        assert!(notice.to_string().contains("newer"), "{notice}");
    }

    #[test]
    fn an_unreadable_file_is_set_aside() {
        let (_dir, store) = store();
        // A directory where the file should be: unreadable as a file, whoever runs the test.
        let path = store.path_of(&key());
        std::fs::create_dir_all(&path).unwrap();
        let loaded = store.load(&key());
        assert_eq!(loaded.session, Session::default());
        assert!(
            matches!(
                &loaded.notice,
                Some(Notice::SetAside {
                    why: Unusable::Unreadable(_),
                    ..
                })
            ),
            "{:?}",
            loaded.notice
        );
        assert!(!path.exists());
    }

    #[test]
    fn a_place_that_cannot_hold_a_directory_gives_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"").unwrap();
        let store = Store::at(file.join("state"));
        let error = store.save(&key(), &Session::default()).unwrap_err();
        assert!(error.to_string().contains("Could not save"), "{error}");
        assert_eq!(
            store.load(&key()).notice,
            None,
            "nothing to load is no problem"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_is_reported_and_the_old_file_kept() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, store) = store();
        store.save(&key(), &Session::default()).unwrap();
        let before = std::fs::read(store.path_of(&key())).unwrap();
        std::fs::set_permissions(store.dir(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut changed = Session::default();
        changed.remember_query("new");
        let result = store.save(&key(), &changed);
        // A privileged user (root in a container) writes anyway; then the save just works.
        let privileged = std::fs::write(store.dir().join("probe"), b"").is_ok();
        std::fs::set_permissions(store.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
        if privileged {
            assert!(result.is_ok(), "{result:?}");
        } else {
            let error = result.unwrap_err();
            assert_eq!(error.failure, SaveFailure::ReadOnly, "{error}");
            assert!(error.to_string().contains("read-only"), "{error}");
            assert_eq!(std::fs::read(store.path_of(&key())).unwrap(), before);
        }
    }

    #[test]
    fn full_and_read_only_disks_are_told_apart() {
        let kind = |k: io::ErrorKind| classify(&io::Error::from(k));
        assert_eq!(kind(io::ErrorKind::StorageFull), SaveFailure::DiskFull);
        assert_eq!(kind(io::ErrorKind::QuotaExceeded), SaveFailure::DiskFull);
        assert_eq!(
            kind(io::ErrorKind::ReadOnlyFilesystem),
            SaveFailure::ReadOnly
        );
        assert_eq!(kind(io::ErrorKind::PermissionDenied), SaveFailure::ReadOnly);
        assert_eq!(kind(io::ErrorKind::Interrupted), SaveFailure::Other);
        // ENOSPC from the OS is StorageFull.
        #[cfg(target_os = "linux")]
        assert_eq!(
            classify(&io::Error::from_raw_os_error(28)),
            SaveFailure::DiskFull
        );
    }

    #[test]
    fn the_state_dir_variable_wins() {
        // Reading the variable only; it is set by the tests that need it, never here.
        if let Some(dir) = std::env::var_os(STATE_DIR_VAR).filter(|d| !d.is_empty()) {
            assert_eq!(default_dir(), Some(PathBuf::from(dir)));
        } else if let Some(dir) = default_dir() {
            assert!(dir.ends_with("debate"), "{}", dir.display());
        }
    }
}
