//! `debate`: a terminal reader and debate explorer driven by one TOML debate file.
//!
//! Data flows one way: `model` loads and validates a file into a resolved `Debate` (no terminal
//! code); the reader's state, update and views build on it; only the event loop touches the
//! terminal.

pub mod action;
pub mod cli;
pub mod count;
pub mod effect;
pub mod export;
pub mod find;
pub mod flow;
pub mod generate;
pub mod input;
pub mod invariants;
pub mod jumps;
pub mod keymap;
pub mod model;
pub mod places;
pub mod reading;
pub mod scaffold;
pub mod screen;
pub mod search;
pub mod state;
pub mod text;
pub mod tui;
pub mod ui;
pub mod update;
