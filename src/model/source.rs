//! From a path or bytes to text a parser can take: size cap, encoding, emptiness.
//!
//! Each way a file can be unusable before TOML even starts gets its own message, so an author
//! learns which of "wrong path", "a folder", "not UTF-8" or "too big" it is.

use std::io::Read;
use std::path::Path;

use super::Debate;
use super::diagnostic::{self, Diagnostic};
use super::progress::{Progress, Stage};

/// Files larger than this are refused before reading: 1 GiB (a corpus of 1,000,000 claims
/// is about 750 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// Why a file could not be loaded: every problem found, and the text they point into.
#[derive(Debug, Clone)]
pub struct LoadFailure {
    /// The file's name as the user gave it.
    pub file: String,
    /// The file's text (decoded lossily when it was not UTF-8); empty when unreadable.
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadFailure {
    fn whole_file(file: &str, diagnostic: Diagnostic) -> Self {
        Self {
            file: file.to_owned(),
            source: String::new(),
            diagnostics: vec![diagnostic],
        }
    }

    /// The errors as rustc prints them, with colours when `color`.
    pub fn render(&self, color: bool) -> String {
        diagnostic::render(&self.file, &self.source, &self.diagnostics, color)
    }

    /// "path:line:col: message" for each error: one line each, for a banner or a log.
    pub fn short_lines(&self) -> Vec<String> {
        self.diagnostics
            .iter()
            .map(|d| {
                let place = d
                    .line_col(&self.source)
                    .map_or_else(String::new, |(l, c)| format!(":{l}:{c}"));
                diagnostic::one_line(&format!("{}{place}: {}", self.file, d.message))
            })
            .collect()
    }
}

const MINIMAL_EXAMPLE: &str = "a debate file needs a title, two [[framings]] and one [[articles]], e.g.\n\
    title = \"My debate\"\n\
    [[framings]]\nid = \"one\"\nname = \"One view\"\nthesis = \"...\"\n\
    [[framings]]\nid = \"other\"\nname = \"Another view\"\nthesis = \"...\"\n\
    [[articles]]\nid = \"essay\"\ntitle = \"An essay\"\ntext = \"First paragraph.\"";

/// Reads and loads a debate file, returning it with its text.
pub fn load_path(path: &Path) -> Result<Debate, LoadFailure> {
    load_path_showing(path, &Progress::default())
}

/// [`load_path`], counting its progress in `progress` for another thread to show.
pub fn load_path_showing(path: &Path, progress: &Progress) -> Result<Debate, LoadFailure> {
    let name = path.display().to_string();
    let bytes = read_capped(path, &name)?;
    let text = decode_owned(&name, bytes)?;
    progress.set_total(text.len());
    let result = super::validate::debate(&text, progress);
    progress.set_stage(Stage::Done);
    result.map_err(|diagnostics| LoadFailure {
        file: name,
        source: text,
        diagnostics,
    })
}

/// A debate file's text, read and decoded as a load reads it (for a second look at a file
/// that loaded, such as the placeholder warnings).
pub fn read_text(path: &Path) -> Result<String, LoadFailure> {
    let name = path.display().to_string();
    let bytes = read_capped(path, &name)?;
    decode_owned(&name, bytes)
}

/// Loads a debate from bytes already in memory; `name` is used in messages.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Debate, LoadFailure> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(name, bytes.len() as u64));
    }
    let text = decode(name, bytes)?;
    Debate::from_toml(&text).map_err(|diagnostics| LoadFailure {
        file: name.to_owned(),
        source: text,
        diagnostics,
    })
}

fn too_big(name: &str, len: u64) -> LoadFailure {
    #[allow(clippy::cast_precision_loss)]
    let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
    LoadFailure::whole_file(
        name,
        Diagnostic::new(format!(
            "'{name}' is {:.1} MiB, over the {:.0} MiB limit for a debate file",
            mib(len),
            mib(MAX_FILE_BYTES)
        ))
        .help("split the debate into smaller files, or check that this is the file you meant"),
    )
}

fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, LoadFailure> {
    let fail = |d: Diagnostic| LoadFailure::whole_file(name, d);
    let meta = std::fs::metadata(path).map_err(|e| fail(io_diagnostic(name, &e)))?;
    if meta.is_dir() {
        return Err(fail(
            Diagnostic::new(format!("'{name}' is a directory, not a debate file"))
                .help("give the path of a .toml debate file inside it"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(name, meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| fail(io_diagnostic(name, &e)))?;
    // Room for the whole file at once: grown by doubling, the buffer of a 49 MB file would
    // hold 64 MiB while the file is loaded.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    // Read one byte past the cap so that a file that grew (or a pipe) is still refused.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(io_diagnostic(name, &e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(name, bytes.len() as u64));
    }
    Ok(bytes)
}

fn io_diagnostic(name: &str, error: &std::io::Error) -> Diagnostic {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => Diagnostic::new(format!("cannot open '{name}': no such file"))
            .help("check the path; `debate check` with no file checks the embedded debate"),
        ErrorKind::PermissionDenied => {
            Diagnostic::new(format!("cannot read '{name}': permission denied"))
                .help("give yourself read permission, e.g. `chmod u+r` on the file")
        }
        _ => Diagnostic::new(format!("cannot read '{name}': {error}"))
            .help("check that the path names a readable file"),
    }
}

/// Bytes to text: refuses empty files, UTF-16 and invalid UTF-8; drops a UTF-8 byte-order mark.
/// [`decode`], keeping the bytes as the text when they are already plain UTF-8 (no copy).
fn decode_owned(name: &str, bytes: Vec<u8>) -> Result<String, LoadFailure> {
    if !bytes.starts_with(b"\xEF\xBB\xBF") {
        match String::from_utf8(bytes) {
            Ok(text) if !text.is_empty() => return Ok(text),
            Ok(text) => return decode(name, text.as_bytes()),
            Err(error) => return decode(name, error.as_bytes()),
        }
    }
    decode(name, &bytes)
}

fn decode(name: &str, bytes: &[u8]) -> Result<String, LoadFailure> {
    if bytes.is_empty() {
        return Err(LoadFailure::whole_file(
            name,
            Diagnostic::new(format!("'{name}' is empty"))
                .at(0..0, "nothing here")
                .help(MINIMAL_EXAMPLE),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadFailure::whole_file(
            name,
            Diagnostic::new(format!(
                "'{name}' is encoded as UTF-16; debate files are UTF-8"
            ))
            .at(0..0, "a UTF-16 byte-order mark")
            .help("save the file as UTF-8 (most editors offer it under \"encoding\")"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let at = error.valid_up_to();
            let source = String::from_utf8_lossy(bytes).into_owned();
            let (line, col) = diagnostic::line_col(&source, at);
            let bad = bytes.get(at).copied().unwrap_or(0);
            Err(LoadFailure {
                file: name.to_owned(),
                diagnostics: vec![
                    Diagnostic::new(format!(
                        "'{name}' is not valid UTF-8: byte 0x{bad:02X} at line {line}, column {col}"
                    ))
                    .at(at..at + '\u{fffd}'.len_utf8(), "not UTF-8")
                    .help("save the file as UTF-8, or replace the character at this place"),
                ],
                source,
            })
        }
    }
}
