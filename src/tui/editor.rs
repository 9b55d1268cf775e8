//! `E`: the debate file in the user's editor, the reader suspended meanwhile. The terminal is
//! given back whole (cooked mode, main screen) and taken again after, as glow's `e` does; the
//! watch on the file reloads what the editor saved.

use std::io;
use std::path::Path;
use std::process::Command;

use ratatui::backend::{Backend, ClearType};
use ratatui::widgets::Clear;

use super::Screen;
use super::modes::{restore, take_terminal};
use crate::state::State;

/// The editor to run and its arguments: `$EDITOR`, else `$VISUAL`, else `vi`. Either variable
/// may carry arguments (`code -w`).
fn editor_command() -> Vec<String> {
    ["EDITOR", "VISUAL"]
        .into_iter()
        .filter_map(std::env::var_os)
        .map(|v| {
            v.to_string_lossy()
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .find(|words| !words.is_empty())
        .unwrap_or_else(|| vec!["vi".to_owned()])
}

/// Opens `file` at the line of claim `claim` (the top when not found), and waits for the editor.
pub(super) fn open(
    terminal: &mut Screen,
    state: &mut State,
    file: Option<&Path>,
    claim: Option<&str>,
) -> io::Result<()> {
    let Some(file) = file else {
        state.message = Some(
            "The embedded debate is read-only: save an edit first to make a copy you can edit."
                .into(),
        );
        return Ok(());
    };
    let line = claim
        .and_then(|id| {
            let text = std::fs::read_to_string(file).ok()?;
            crate::annotate::claim_line(&text, id)
        })
        .unwrap_or(1);
    let words = editor_command();
    let (program, args) = words
        .split_first()
        .map_or(("vi", &[][..]), |(p, a)| (p.as_str(), a));
    restore();
    let status = Command::new(program)
        .args(args)
        .arg(format!("+{line}"))
        .arg(file)
        .status();
    take_terminal()?;
    // Everything is drawn again: the editor wrote over the screen. (Terminal::clear would ask
    // the terminal where its cursor is, a round trip some terminals never answer.)
    terminal.backend_mut().clear_region(ClearType::All)?;
    terminal.draw(|frame| frame.render_widget(Clear, frame.area()))?;
    state.message = Some(match status {
        Ok(s) if s.success() => format!("Back from {program}; the file reloads if it changed."),
        Ok(s) => format!("{program} exited with {s}."),
        Err(e) => format!("Cannot run {program}: {e}. Set $EDITOR."),
    });
    Ok(())
}
