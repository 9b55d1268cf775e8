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

/// The debate the session tests read: framings `a` and `b` and one article `x`, with the
/// claims each test needs.
#[cfg(test)]
pub(crate) fn test_debate(
    title: &str,
    article_title: &str,
    text: &str,
    claims: &str,
) -> crate::model::Debate {
    let source = format!(
        r#"title = "{title}"
[[framings]]
id = "a"
name = "A"
thesis = "A."
[[framings]]
id = "b"
name = "B"
thesis = "B."
[[articles]]
id = "x"
title = "{article_title}"
text = "{text}"
{claims}"#
    );
    crate::model::Debate::from_toml(&source).expect("test debate loads")
}
