//! `debate`: a terminal reader and debate explorer driven by one TOML debate file.
//!
//! Data flows one way: `model` loads and validates a file into a resolved `Debate` (no terminal
//! code); the reader's state, update and views build on it; only the event loop touches the
//! terminal.

pub mod action;
pub mod annotate;
pub mod background;
pub mod caret;
pub mod cli;
pub mod config;
pub mod count;
mod derive;
pub mod edit;
pub mod effect;
pub mod export;
pub mod field;
pub mod find;
pub mod flow;
pub mod form;
pub mod geometry;
pub mod hyperlinks;
pub mod input;
pub mod jumps;
pub mod keymap;
pub mod links;
pub mod model;
pub mod note;
pub mod picker;
pub mod places;
pub mod reading;
pub mod resume;
pub mod scaffold;
pub mod scenario;
pub mod screen;
pub mod search;
pub mod session;
pub mod settings;
pub mod state;
pub mod text;
pub mod tui;
pub mod ui;
pub mod update;

/// Support for the fuzz targets, tests and benches, outside the library's API.
#[doc(hidden)]
pub mod testing;

// Synthetic debates also serve the hidden `debate generate` command.
use testing::generate;
