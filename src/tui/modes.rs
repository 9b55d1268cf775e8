//! The terminal's modes: entering raw mode and the alternate screen, giving them back (on any
//! exit, and for Ctrl-z), and the OSC 8 hyperlinks written over a drawn frame.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};

use crate::state::State;
use crate::ui;

/// Puts the terminal back as it was: leaves the alternate screen, stops mouse reporting, shows
/// the cursor, leaves raw mode. Safe to call twice, from a panic hook, or with the terminal gone.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Whether the reader captures the mouse: a config may leave it to the terminal, whose own
/// selection then works. Process-wide, like the terminal modes it decides.
static MOUSE_CAPTURE: AtomicBool = AtomicBool::new(true);

/// Restores the terminal when dropped, however the loop is left.
pub(super) struct Guard;

impl Guard {
    pub(super) fn enter(mouse: bool) -> io::Result<Self> {
        MOUSE_CAPTURE.store(mouse, Ordering::Relaxed);
        // The guard exists before raw mode, so a failure half-way still restores.
        let guard = Self;
        take_terminal()?;
        Ok(guard)
    }
}

/// Raw mode, the alternate screen, bracketed paste, the mouse if captured, no cursor: the
/// reader's terminal, taken at the start and again after Ctrl-z or `$EDITOR` gave it back.
pub(super) fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE_CAPTURE.load(Ordering::Relaxed) {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Ctrl-z: gives the terminal back as it was, stops (as the shell's job control expects), and
/// takes the terminal again when continued by `fg`.
pub(super) fn suspend() -> io::Result<()> {
    restore();
    // SIGTSTP's default action stops the process; execution resumes here after SIGCONT.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    take_terminal()
}

/// Writes the links on screen again as OSC 8 hyperlinks, over the same cells with the same
/// contents and styles as the frame just drawn, so that a terminal that knows them makes them
/// clickable. A URL that is not safe in the sequence is left as plain text. `written` holds the
/// links of the last frame: a terminal keeps a cell's link until the cell is printed again, and
/// ratatui prints only the cells that changed, so the cells of a link no longer there are
/// printed again without it.
pub(super) fn write_hyperlinks(
    state: &State,
    drawn: &ratatui::buffer::Buffer,
    written: &mut Vec<ui::reader::ScreenLink>,
) -> io::Result<()> {
    use crossterm::queue;
    use crossterm::style::Print;
    let mut out = io::stdout();
    let links = ui::reader::links_on_screen(state);
    for gone in written.iter().filter(|l| !links.contains(l)) {
        queue!(out, cursor::MoveTo(gone.x, gone.y))?;
        print_cells(&mut out, drawn, gone)?;
    }
    for link in &links {
        let Some(open) = crate::hyperlinks::open(&link.url) else {
            continue;
        };
        queue!(out, cursor::MoveTo(link.x, link.y), Print(open))?;
        print_cells(&mut out, drawn, link)?;
        queue!(out, Print(crate::hyperlinks::CLOSE))?;
    }
    *written = links;
    out.flush()
}

/// Prints the cells under a link as the frame drew them, from the cursor on.
fn print_cells(
    out: &mut io::Stdout,
    drawn: &ratatui::buffer::Buffer,
    link: &ui::reader::ScreenLink,
) -> io::Result<()> {
    use crossterm::queue;
    use crossterm::style::{Attribute, PrintStyledContent, SetAttribute};
    use ratatui::backend::IntoCrossterm;
    let mut covered = 0;
    for x in link.x..link.x.saturating_add(link.width) {
        // The cells a wide character covers are its own: printing them would overwrite it.
        if covered > 0 {
            covered -= 1;
            continue;
        }
        let Some(cell) = drawn.cell((x, link.y)) else {
            break;
        };
        let style: crossterm::style::ContentStyle = cell.style().into_crossterm();
        let symbol = cell.symbol();
        covered = crate::text::width(symbol).saturating_sub(1);
        queue!(
            out,
            PrintStyledContent(style.apply(symbol)),
            SetAttribute(Attribute::Reset)
        )?;
    }
    Ok(())
}
