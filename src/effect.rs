//! What `update` asks the outside world to do: run or stop a search, put text on the clipboard,
//! quit.
//!
//! `update` only changes the state and returns these; whoever drives it performs them. The event
//! loop (`tui`) runs searches on its search thread and writes the clipboard to the terminal;
//! [`apply`] runs searches inline, for tests and one-shot renders, and hands back the rest.
//! Later effects (saving the session, writing the debate file, opening an editor) join here.

use crate::action::Action;
use crate::state::State;
use crate::update::{SEARCH_LIMIT, update};

/// One thing to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run query number `generation`; its results come back as [`Action::SearchDone`].
    RunSearch {
        generation: u64,
        query: String,
    },
    /// Stop the running query: it was abandoned (Esc, another view, an emptied prompt), and
    /// nobody waits for its results.
    CancelSearch,
    /// Put this text on the system clipboard.
    Copy(String),
    /// End the program.
    Quit,
    /// Save an edit into the debate file; the outcome comes back as [`Action::SaveDone`].
    Save(crate::edit::Edit),
    /// Write the debate as a new file at `path`, then save the edit there.
    SaveCopy {
        path: std::path::PathBuf,
        edit: crate::edit::Edit,
    },
    Undo,
    Redo,
    /// Suspend the reader and open the debate file in the user's editor, at this claim's line.
    OpenEditor {
        claim: Option<String>,
    },
    /// Give the terminal back to the shell until `fg` (Ctrl-z), then redraw whole.
    Suspend,
    /// Open a URL (already checked by `links::check`) with the system's opener.
    OpenUrl(String),
}

/// The effects of one action, in the order they were asked for.
pub type Effects = Vec<Effect>;

/// Applies an action and runs the searches it starts at once, feeding their results back in;
/// returns the other effects. What the event loop does, minus the thread and the terminal.
pub fn apply(state: &mut State, action: Action) -> Effects {
    let mut pending = update(state, action);
    let mut rest = Effects::new();
    while !pending.is_empty() {
        for effect in std::mem::take(&mut pending) {
            match effect {
                Effect::RunSearch { generation, query } => {
                    let results = crate::search::Index::new(&state.debate).search(
                        &state.debate,
                        &query,
                        SEARCH_LIMIT,
                    );
                    pending.extend(update(
                        state,
                        Action::SearchDone {
                            generation,
                            results: Box::new(results),
                        },
                    ));
                }
                // Searches run at once here: there is never one to stop.
                Effect::CancelSearch => {}
                other => rest.push(other),
            }
        }
    }
    rest
}
