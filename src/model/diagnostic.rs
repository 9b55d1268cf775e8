//! Load errors as located diagnostics, printed the way rustc prints them.
//!
//! A diagnostic holds byte spans into the original file. Rendering goes through
//! codespan-reporting, which places carets by display width (CJK included); before that the
//! source is made safe to echo: control characters become visible symbols, so nothing from the
//! file can drive the terminal.

use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Ansi, NoColor};
use codespan_reporting::term::{self, Config, Styles, StylesWriter};

/// How bad a problem is: an error stops a file from loading; a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One problem in a debate file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// Where: the byte span and a short label under it. `None` for whole-file problems.
    pub primary: Option<Label>,
    /// Related places, such as the first definition of a duplicate id.
    pub secondary: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Range<usize>,
    pub text: String,
}

impl Diagnostic {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
        }
    }

    #[must_use]
    pub fn at(mut self, span: Range<usize>, text: impl Into<String>) -> Self {
        self.primary = Some(Label {
            span,
            text: text.into(),
        });
        self
    }

    #[must_use]
    pub fn also(mut self, span: Range<usize>, text: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            text: text.into(),
        });
        self
    }

    /// The same problem as a warning.
    #[must_use]
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Line and column (1-based, columns in characters) of the primary span in `source`.
    pub fn line_col(&self, source: &str) -> Option<(usize, usize)> {
        let label = self.primary.as_ref()?;
        Some(line_col(source, label.span.start))
    }
}

/// 1-based line and character column of a byte offset (clamped into the text).
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..offset].chars().count() + 1;
    (line, col)
}

/// A visible stand-in for a character that must not reach a terminal raw, if it is one.
pub fn visible(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        // C0 controls map onto the Control Pictures block: U+0007 becomes ␇.
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls, bidi embeddings and isolates: these reorder or hide what follows.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// Replaces every control character in a message with its visible form, keeping line breaks.
pub fn make_visible(text: &str) -> String {
    text.chars().map(|c| visible(c).unwrap_or(c)).collect()
}

/// Like [`make_visible`], and line breaks and tabs too: for text that must stay on one line.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\u{240a}',
            '\t' => '\u{2409}',
            c => visible(c).unwrap_or(c),
        })
        .collect()
}

/// The source with control characters made visible, and a map from old to new byte offsets.
struct SafeSource {
    text: String,
    /// (original offset, new offset) at every point where the two begin to differ.
    shifts: Vec<(usize, usize)>,
}

impl SafeSource {
    fn new(source: &str) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut shifts = Vec::new();
        let mut chars = source.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let crlf = c == '\r' && matches!(chars.peek(), Some((_, '\n')));
            let replacement = if crlf { None } else { visible(c) };
            if crlf {
                // Drop the CR of a CRLF line ending; the line itself stays.
            } else if let Some(r) = replacement {
                text.push(r);
            } else {
                text.push(c);
                continue;
            }
            shifts.push((at + c.len_utf8(), text.len()));
        }
        Self { text, shifts }
    }

    fn map(&self, offset: usize) -> usize {
        let i = self.shifts.partition_point(|&(orig, _)| orig <= offset);
        let mapped = match i.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            Some(&(orig, new)) => new + (offset - orig),
            None => offset,
        };
        mapped.min(self.text.len())
    }

    fn map_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.map(range.start);
        start..self.map(range.end).max(start)
    }
}

/// Renders diagnostics for one file: plain text, or with ANSI colours for a terminal.
pub fn render(file: &str, source: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    let safe = SafeSource::new(source);
    let files = SimpleFile::new(one_line(file), safe.text.as_str());
    let config = Config::default();
    let styles = Styles::default();
    let mut out = Vec::new();
    for diagnostic in diagnostics {
        let cs = to_codespan(diagnostic, &safe);
        let result = if color {
            let mut writer = StylesWriter::new(Ansi::new(&mut out), &styles);
            term::emit_to_write_style(&mut writer, &config, &files, &cs)
        } else {
            let mut writer = StylesWriter::new(NoColor::new(&mut out), &styles);
            term::emit_to_write_style(&mut writer, &config, &files, &cs)
        };
        if result.is_err() {
            // The spans are clamped into the file, so this is unreachable; say something anyway.
            out.extend_from_slice(format!("error: {}\n", one_line(&diagnostic.message)).as_bytes());
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn to_codespan(d: &Diagnostic, safe: &SafeSource) -> CsDiagnostic<()> {
    let mut labels = Vec::new();
    if let Some(p) = &d.primary {
        labels.push(CsLabel::primary((), safe.map_range(&p.span)).with_message(one_line(&p.text)));
    }
    for s in &d.secondary {
        labels
            .push(CsLabel::secondary((), safe.map_range(&s.span)).with_message(one_line(&s.text)));
    }
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_message(one_line(&d.message))
    .with_labels(labels);
    if let Some(help) = &d.help {
        cs = cs.with_note(format!("help: {}", make_visible(help)));
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let src = "a = 1\n漢字 = x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, src.find('x').unwrap()), (2, 6));
    }

    #[test]
    fn controls_become_visible_and_spans_follow() {
        let src = "ti\u{7}tle = 1\r\nx = 2\n";
        let safe = SafeSource::new(src);
        assert_eq!(safe.text, "ti\u{2407}tle = 1\nx = 2\n");
        let x = src.find('x').unwrap();
        assert_eq!(&safe.text[safe.map(x)..=safe.map(x)], "x");
    }

    #[test]
    fn caret_sits_under_the_display_column() {
        let src = "title = \"漢字漢字\" x\n";
        let at = src.find('x').unwrap();
        let d = Diagnostic::new("unexpected").at(at..at + 1, "here");
        let out = render("f.toml", src, &[d], false);
        let lines: Vec<&str> = out.lines().collect();
        let source_line = lines.iter().find(|l| l.contains("漢字")).unwrap();
        let caret_line = lines.iter().find(|l| l.contains('^')).unwrap();
        let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        let x_col = width(&source_line[..source_line.find('x').unwrap()]);
        let caret_col = width(&caret_line[..caret_line.find('^').unwrap()]);
        assert_eq!(x_col, caret_col, "{out}");
    }
}
