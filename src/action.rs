//! Every user intent, named for what it does rather than the key that triggers it, and the
//! events the reader answers (a resize, finished search results).
//!
//! Keys and mouse events become `Action`s in `keymap`; only `update` turns them into changes.

/// What the user asked for. The actions a key can be bound to have names, in kebab-case
/// (`page-down`, `next-framing`), as a user's config writes them:
/// `[keys.reader] "ctrl-f" = "page-down"`. Events and typed text have none.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Quit,
    /// Close the overlay, leave search, or go back to the previous place.
    Back,
    ToggleHelp,
    /// Show article pane N (0-based). Bound by the digit row, not by name.
    #[serde(skip)]
    ShowArticle(usize),
    NextPane,
    PrevPane,
    ShowClaims,
    ShowDebate,
    StartSearch,
    NextFraming,
    PrevFraming,
    ToggleSideBySide,
    ToggleContested,
    /// Show a framing's whole thesis, or only its first lines.
    ToggleThesis,
    /// Side by side: show the framing columns to the left, or to the right.
    PanLeft,
    PanRight,
    /// Side by side: where the framings disagree most first, or article order again.
    ToggleDisagreeOrder,
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
    /// Your verdict on the selected claim, in turn: convinced, not convinced, unsure, none.
    CycleVerdict,
    /// `m`: the next letter sets a bookmark here (the reading place, or the selected claim).
    SetMark,
    /// `'`: the next letter jumps to its bookmark.
    JumpToMark,
    /// Write or change your private note on the selected claim.
    EditNote,
    /// List the bookmarks, to jump to one or delete it.
    ShowMarks,
    /// In the list of bookmarks: delete the selected one.
    DeleteMark,
    /// The letter after `m` or `'`.
    #[serde(skip)]
    MarkLetter(char),
    /// Anything but a letter after `m` or `'`.
    #[serde(skip)]
    CancelMark,
    /// The claim list's filters, each chosen in a picker.
    PickArticle,
    PickTags,
    /// A stance under a framing.
    PickStance,
    /// The active framing, chosen by name.
    PickFraming,
    /// In a picker of several: mark or unmark the choice under the cursor.
    TogglePick,
    /// Remove the last of the claim list's filters (the rightmost chip).
    RemoveLastFilter,
    ClearFilters,
    NextLink,
    PrevLink,
    /// `/` in the reader: find a pattern in the article's text, as less does.
    FindInText,
    /// A character typed into the pattern.
    #[serde(skip)]
    FindInput(char),
    FindBackspace,
    /// Enter: keep the pattern, highlighted, for `n`/`N`.
    FindAccept,
    /// Esc while typing the pattern: back to where the search started.
    FindCancel,
    /// Ctrl-o: back through the jump list.
    JumpBack,
    /// Forward again through the jump list.
    JumpForward,
    /// `0`: start a count for the next motion (1…9 switch panes, so a count starts with 0).
    StartCount,
    /// A digit of a pending count.
    #[serde(skip)]
    CountDigit(u8),
    /// Ctrl-z: suspend to the shell until `fg`.
    Suspend,
    /// List the article's links (its source, the links of its text), to open one.
    ShowLinks,
    #[serde(skip)]
    SearchInput(char),
    /// Text pasted into the prompt (bracketed paste): one edit, not one per character.
    #[serde(skip)]
    Paste(String),
    SearchBackspace,
    /// Delete the character under the prompt's cursor.
    SearchDeleteChar,
    SearchClear,
    SearchDeleteWord,
    /// readline's kill-word (Alt-d): from the cursor to the end of the word.
    SearchKillWord,
    /// readline's backward-kill-word (Alt-Backspace): back to the start of the word, where
    /// Ctrl-w goes back to the space before.
    SearchBackwardKillWord,
    /// Delete from the start of the prompt to its cursor.
    SearchDeleteToStart,
    /// Delete from the prompt's cursor to its end.
    SearchDeleteToEnd,
    /// The prompt's cursor: a character, a word, or to either end.
    CursorLeft,
    CursorRight,
    CursorWordLeft,
    CursorWordRight,
    CursorStart,
    CursorEnd,
    /// Scroll the finder's preview a line.
    PreviewUp,
    PreviewDown,
    /// The finder's previous query of this session, and back towards the one being typed.
    HistoryBack,
    HistoryForward,
    /// Reader: put a caret in the text (`v` then selects a quote); on a selection, open the
    /// form for a new claim quoting it.
    Annotate,
    /// Open the selected claim in the claim form.
    EditClaim,
    /// Delete the selected claim (after a y/n question), or the selected link in the detail.
    DeleteClaim,
    /// Link the selected claim to another: the finder picks the target, then the kind.
    LinkClaim,
    /// Take back the last edit saved this session, or make it again.
    Undo,
    Redo,
    /// Open the debate file in `$EDITOR` at the selected claim.
    OpenInEditor,
    /// A key for the claim form or the path prompt.
    #[serde(skip)]
    Form(crate::form::FormInput),
    /// The key that answers the question on screen (`y`, or anything else).
    #[serde(skip)]
    Answer(char),
    /// A save, undo or redo finished (or needs a file to write to).
    #[serde(skip)]
    SaveDone(crate::annotate::SaveReport),
    /// The terminal's new size in cells.
    #[serde(skip)]
    Resize(u16, u16),
    /// Mouse wheel at a cell: positive scrolls down.
    #[serde(skip)]
    ScrollAt {
        x: u16,
        y: u16,
        delta: i8,
    },
    #[serde(skip)]
    ClickAt {
        x: u16,
        y: u16,
    },
    /// The mouse moved with its left button down: in the reader, selects from where it was
    /// pressed.
    #[serde(skip)]
    DragAt {
        x: u16,
        y: u16,
    },
    /// The search thread finished query number `generation`.
    #[serde(skip)]
    SearchDone {
        generation: u64,
        results: Box<crate::search::Results>,
    },
    /// The watched file was saved: its new version, or why it does not load.
    #[serde(skip)]
    Reloaded(Reload),
    /// A command of caret mode, named by itself (`caret-word-forward`). Untagged variants
    /// come last.
    #[serde(untagged)]
    Caret(CaretCommand),
}

/// A command of caret mode (`a` in the reader): vim's motions, selecting, making a claim of
/// the selection, leaving. Bound in the keymap's `caret` context like every other key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaretCommand {
    #[serde(rename = "caret-left")]
    Left,
    #[serde(rename = "caret-right")]
    Right,
    #[serde(rename = "caret-up")]
    Up,
    #[serde(rename = "caret-down")]
    Down,
    #[serde(rename = "caret-word-forward")]
    WordForward,
    #[serde(rename = "caret-word-back")]
    WordBack,
    #[serde(rename = "caret-word-end")]
    WordEnd,
    #[serde(rename = "caret-line-start")]
    LineStart,
    #[serde(rename = "caret-line-end")]
    LineEnd,
    #[serde(rename = "caret-sentence-back")]
    SentenceBack,
    #[serde(rename = "caret-sentence-forward")]
    SentenceForward,
    #[serde(rename = "caret-paragraph-back")]
    ParagraphBack,
    #[serde(rename = "caret-paragraph-forward")]
    ParagraphForward,
    /// Pressed twice, as vim's `gg`.
    #[serde(rename = "caret-top")]
    Top,
    #[serde(rename = "caret-bottom")]
    Bottom,
    /// Starts a selection at the caret, or drops it.
    #[serde(rename = "caret-select")]
    Select,
    /// Opens the claim form on the selection.
    #[serde(rename = "caret-claim")]
    Claim,
    /// Drops the selection, or leaves caret mode.
    #[serde(rename = "caret-leave")]
    Leave,
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
