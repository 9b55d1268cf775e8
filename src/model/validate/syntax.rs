//! TOML syntax errors as diagnostics, each with a hint for its common cause.

use crate::model::diagnostic::Diagnostic;

/// A TOML syntax error, with a hint for the common cases.
pub(super) fn diagnostic(error: &toml::de::Error, src: &str) -> Diagnostic {
    let message = error.message().trim().to_owned();
    let span = error.span().unwrap_or(0..0);
    let help = if message.contains("duplicate key") {
        "a key may appear once per table; for another item of a list, start a new [[framings]], [[articles]] or [[claims]]"
    } else if message.contains("invalid table header") || message.contains("duplicate table") {
        "each [table] may be defined once; lists of items are written [[name]]"
    } else if message.contains("string") || message.contains("quote") {
        "strings are written in double quotes, \"\"\"three\"\"\" for several lines, or 'single quotes' for literal text"
    } else if message.contains("escape") {
        "inside \"double quotes\" a backslash starts an escape (\\n, \\\", \\\\); use 'single quotes' for literal backslashes"
    } else if message.contains("recursion") || message.contains("recurse") {
        "nesting is this deep only by mistake; a debate file needs tables two levels deep at most"
    } else {
        "this is not valid TOML here; a line is `key = value`, `[table]` or `[[list-item]]`"
    };
    let at = span.start.min(src.len());
    let end = span.end.clamp(at, src.len());
    Diagnostic::new(format!("TOML syntax: {message}"))
        .at(at..end, "here")
        .help(help)
}
