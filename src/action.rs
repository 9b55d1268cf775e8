//! Every user intent, named for what it does rather than the key that triggers it, and the
//! events the reader answers (a resize, finished search results).
//!
//! Keys and mouse events become `Action`s in `keymap`; only `update` turns them into changes.

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Close the overlay, leave search, or go back to the previous place.
    Back,
    ToggleHelp,
    /// Show article pane N (0-based).
    ShowArticle(usize),
    NextPane,
    PrevPane,
    ShowClaims,
    ShowDebate,
    StartSearch,
    NextFraming,
    ToggleSideBySide,
    ToggleContested,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    NextClaim,
    PrevClaim,
    /// Enter: open what is selected.
    Open,
    /// From a claim, go to its quote in the article.
    ReadInArticle,
    /// Open the selected claim's detail.
    ShowDetail,
    /// List the errors of the file's last reload that failed.
    ShowErrors,
    /// Copy the selected claim to the clipboard.
    CopyClaim,
    CycleArticleFilter,
    CycleTagFilter,
    CycleStanceFilter,
    ClearFilters,
    NextLink,
    PrevLink,
    SearchInput(char),
    SearchBackspace,
    SearchClear,
    SearchDeleteWord,
    /// Ctrl-z: suspend to the shell.
    Suspend,
    /// The search in the reader's text and the jump list (handled by `reading`).
    Reading(Reading),
    /// The terminal's new size in cells.
    Resize(u16, u16),
    /// Mouse wheel at a cell: positive scrolls down.
    ScrollAt {
        x: u16,
        y: u16,
        delta: i8,
    },
    ClickAt {
        x: u16,
        y: u16,
    },
    /// The search thread finished query number `generation`.
    SearchDone {
        generation: u64,
        results: Box<crate::search::Results>,
    },
    /// The watched file was saved: its new version, or why it does not load.
    Reloaded(Reload),
}

/// What the reader's less and vim habits ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// `/` in the reader: search the article's text (less-style).
    FindStart,
    FindInput(char),
    FindBackspace,
    /// Enter: keep the pattern, highlighted, for `n`/`N`.
    FindAccept,
    /// Esc while typing the pattern.
    FindCancel,
    /// Ctrl-o: back through the jump list.
    JumpBack,
    /// Forward through the jump list.
    JumpForward,
    /// A digit of a count (see `count`).
    CountDigit(u8),
}

/// A new version of the debate file as loaded, carried by [`Action::Reloaded`].
#[derive(Debug, Clone)]
pub struct Reload(pub Box<Result<crate::model::Debate, crate::model::LoadFailure>>);

impl Reload {
    pub fn new(result: Result<crate::model::Debate, crate::model::LoadFailure>) -> Self {
        Self(Box::new(result))
    }
}

/// Two reloads are the same only if they are the same load: a debate has no cheap equality,
/// and actions are compared only in tests of the keymap, which never makes a reload.
impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0.as_ref(), other.0.as_ref())
    }
}

impl Eq for Reload {}
