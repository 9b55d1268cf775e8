//! `debate`: a terminal reader and debate explorer driven by one TOML debate file.
//!
//! Data flows one way: `model` loads and validates a file into a resolved `Debate` (no terminal
//! code); the reader's state, update and views build on it; only the event loop touches the
//! terminal.

pub mod cli;
pub mod invariants;
pub mod model;
