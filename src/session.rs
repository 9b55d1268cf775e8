//! What the reader remembers per debate file between runs: its place in each article, the
//! open view and framing, recent queries, jumps, bookmarks, and the reader's verdicts and notes
//! on claims. Plain data and file storage; nothing here knows about the terminal or the UI.
//!
//! [`record`] holds the data, [`anchor`] the reading positions that survive edits, [`key`]
//! which debate a session belongs to, [`store`] where sessions are kept (atomically, via
//! [`atomic`]), and [`notes`] writes them out for `debate notes`.

pub mod anchor;
pub mod atomic;
pub mod key;
pub mod notes;
pub mod record;
pub mod store;

pub use anchor::{Fit, ReadingAnchor, Restored};
pub use key::DebateKey;
pub use record::{Judgement, JumpList, Place, Session, Verdict, View};
pub use store::{Loaded, Notice, SaveError, SaveFailure, Store, Unusable};
