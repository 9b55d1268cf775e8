//! The user's config file: theme, colour overrides, key bindings, reading width, margin and
//! mouse. Every key is optional and the file itself is too. A file with mistakes never stops
//! the reader: what is wrong falls back to its default, and each mistake becomes a located
//! diagnostic (file, line, column, "did you mean"), rendered like a debate file's errors.
//!
//! Nothing here touches the terminal: `terminal` decides from environment variables only.

pub mod color;
pub mod contrast;
pub mod keys;
pub mod location;
pub mod palette;
mod parse;
pub mod print;
mod suggest;
pub mod terminal;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use ratatui::style::Color;

use crate::model::diagnostic::{self, Diagnostic};

pub use color::Role;
pub use keys::{BindingEntry, KeyVocabulary, Rebinding};
pub use location::{Location, Origin, locate, locate_from_env};
pub use parse::parse;

/// A config file larger than this is refused: no real one comes near it.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// The reading column's width when the config does not set one.
pub const DEFAULT_READING_WIDTH: u16 = crate::ui::layout::READING_WIDTH;
/// The widths `reading-width` accepts.
pub const READING_WIDTHS: std::ops::RangeInclusive<u16> = 20..=1000;

/// The theme a config asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// `light` on a terminal that reports a light background, `dark` otherwise.
    #[default]
    Auto,
    Dark,
    Light,
    HighContrast,
    /// No colour at all: attributes only.
    Mono,
}

impl ThemeName {
    pub const ALL: [Self; 5] = [
        Self::Auto,
        Self::Dark,
        Self::Light,
        Self::HighContrast,
        Self::Mono,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Dark => "dark",
            Self::Light => "light",
            Self::HighContrast => "high-contrast",
            Self::Mono => "mono",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The settings, each the file's value or its default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    /// Colours the file sets for roles, over the theme's.
    pub colors: BTreeMap<Role, Color>,
    /// Key bindings as written; [`Loaded::check_bindings`] checks them against the keymap.
    pub bindings: Vec<BindingEntry>,
    /// The reading column's maximum width, in cells.
    pub reading_width: u16,
    /// Whether wide screens show the margin of claims beside the text.
    pub margin: bool,
    /// Whether the reader captures the mouse (which stops the terminal's own selection).
    pub mouse: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            theme: ThemeName::Auto,
            colors: BTreeMap::new(),
            bindings: Vec::new(),
            reading_width: DEFAULT_READING_WIDTH,
            margin: true,
            mouse: true,
        }
    }
}

/// The problems found in one config file, with the text they point into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The file's name as shown in messages; empty when there was no file.
    pub file: String,
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The problems as rustc prints them, with colours when `color`.
    pub fn render(&self, color: bool) -> String {
        diagnostic::render(&self.file, &self.source, &self.diagnostics, color)
    }

    /// "path:line:col: message" for each problem, one line each: for the reader's banner.
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

/// A config as read: the settings to use, and what was wrong with the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    pub report: Report,
}

impl Loaded {
    fn failed(file: &str, diagnostic: Diagnostic) -> Self {
        Self {
            config: Config::default(),
            report: Report {
                file: file.to_owned(),
                source: String::new(),
                diagnostics: vec![diagnostic],
            },
        }
    }

    /// Checks the bindings against the keymap's vocabulary: returns those that hold, and adds
    /// a diagnostic to the report for each that does not (in file order with the others).
    /// Call it once: a second call would report the same problems again.
    pub fn check_bindings(&mut self, vocabulary: &dyn KeyVocabulary) -> Vec<Rebinding> {
        let (rebindings, diagnostics) = keys::check(&self.config.bindings, vocabulary);
        self.report.diagnostics.extend(diagnostics);
        self.report
            .diagnostics
            .sort_by_key(|d| d.primary.as_ref().map(|l| l.span.start));
        rebindings
    }
}

/// Reads the config at `location`: the defaults when there is none, or when the default file
/// does not exist; a diagnostic when a file the user named is missing or unreadable.
pub fn load(location: Option<&Location>) -> Loaded {
    let Some(location) = location else {
        return Loaded::default();
    };
    let name = location.path.display().to_string();
    match read_capped(&location.path, &name) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => parse(&name, text.strip_prefix('\u{feff}').unwrap_or(text)),
            Err(error) => not_utf8(&name, &bytes, error.valid_up_to()),
        },
        Err(Unreadable::Missing) if !location.must_exist() => Loaded::default(),
        Err(Unreadable::Missing) => Loaded::failed(
            &name,
            Diagnostic::new(format!("cannot open config file '{name}': no such file")).help(
                match location.origin {
                    Origin::Env => {
                        "DEBATE_CONFIG names a file that does not exist; fix or unset it"
                    }
                    _ => "check the path; `debate config > FILE` writes a config to start from",
                },
            ),
        ),
        Err(Unreadable::Other(diagnostic)) => Loaded::failed(&name, diagnostic),
    }
}

/// Reads and parses the config file at `path` (for `debate config --check FILE`).
pub fn load_path(path: &Path) -> Loaded {
    load(Some(&Location {
        path: path.to_path_buf(),
        origin: Origin::Flag,
    }))
}

enum Unreadable {
    Missing,
    Other(Diagnostic),
}

fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, Unreadable> {
    let io = |e: &std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable::Missing,
        _ => Unreadable::Other(
            Diagnostic::new(format!("cannot read config file '{name}': {e}"))
                .help("check that the path names a readable file"),
        ),
    };
    let meta = std::fs::metadata(path).map_err(|e| io(&e))?;
    if meta.is_dir() {
        return Err(Unreadable::Other(
            Diagnostic::new(format!("config file '{name}' is a directory")).help(format!(
                "the config is a file, such as {}",
                location::FILE_NAME
            )),
        ));
    }
    let too_big = || {
        Unreadable::Other(
            Diagnostic::new(format!(
                "config file '{name}' is over {} KiB",
                MAX_CONFIG_BYTES / 1024
            ))
            .help("check that this is the file you meant"),
        )
    };
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io(&e))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

fn not_utf8(name: &str, bytes: &[u8], at: usize) -> Loaded {
    let source = String::from_utf8_lossy(bytes).into_owned();
    let (line, col) = diagnostic::line_col(&source, at);
    let diagnostic = Diagnostic::new(format!(
        "config file '{name}' is not valid UTF-8 (line {line}, column {col})"
    ))
    .at(at..at + '\u{fffd}'.len_utf8(), "not UTF-8")
    .help("save the file as UTF-8");
    Loaded {
        config: Config::default(),
        report: Report {
            file: name.to_owned(),
            source,
            diagnostics: vec![diagnostic],
        },
    }
}
