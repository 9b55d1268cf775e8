//! Taking a debate out of the terminal: Markdown for people, JSON for programs, DOT for
//! Graphviz, Argdown for argument-mapping tools, plain text for a pager. Each is a pure
//! function of the resolved model.

pub mod argdown;
pub mod dot;
pub mod json;
pub mod markdown;
pub mod text;

use crate::model::{Debate, FramingIx};

/// The export formats (the command line names them in `cli::export`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Dot,
    Argdown,
    Text,
}

/// Writes a debate in a format; `framing` colours the DOT map (the first framing by default).
pub fn export(debate: &Debate, format: Format, framing: Option<FramingIx>) -> String {
    match format {
        Format::Markdown => markdown::export(debate),
        Format::Json => json::export(debate),
        Format::Dot => dot::export(debate, framing.unwrap_or_else(Debate::first_framing_ix)),
        Format::Argdown => argdown::export(debate),
        Format::Text => text::export(debate, text::WIDTH),
    }
}
