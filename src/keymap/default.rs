//! The default key table: every binding of the program, in help order within a context. A
//! table of data, so it may run past the usual file length.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Context, Key};
use crate::action::Action;

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// The digit keys 1 to 9, in order: a row's position says which article, or which link.
const DIGITS: &[Key] = &[
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys: std::borrow::Cow::Borrowed(keys),
        action,
        help,
        hint,
    }
}

use Context::{
    Claims, Debate, Detail, Find, Global, Help, Links, Marks, Note, Picker, Reader, Search,
};
use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

/// Every binding of the program. Order matters within a context: it is the help's order.
pub const BINDINGS: &[Binding] = &[
    // Reading and moving.
    bind(
        Global,
        &[ch('j'), key(Down)],
        Action::Down,
        "Move down",
        Some("scroll"),
    ),
    bind(Global, &[ch('k'), key(Up)], Action::Up, "Move up", None),
    bind(
        Global,
        &[key(PageDown), ch(' '), ctrl('f')],
        Action::PageDown,
        "Page down",
        None,
    ),
    bind(
        Global,
        &[key(PageUp), ch('b'), ctrl('b')],
        Action::PageUp,
        "Page up",
        None,
    ),
    // As in less and vim: a line at a time.
    bind(Global, &[ctrl('e')], Action::Down, "A line down", None),
    bind(Global, &[ctrl('y')], Action::Up, "A line up", None),
    bind(
        Global,
        &[ctrl('d')],
        Action::HalfPageDown,
        "Half a page down",
        None,
    ),
    bind(
        Global,
        &[ctrl('u')],
        Action::HalfPageUp,
        "Half a page up",
        None,
    ),
    bind(
        Global,
        &[ch('g'), key(Home)],
        Action::Top,
        "Go to the top",
        None,
    ),
    bind(
        Global,
        &[ch('G'), key(End)],
        Action::Bottom,
        "Go to the end",
        None,
    ),
    bind(
        Reader,
        &[ch('/')],
        Action::FindInText,
        "Find in the text (less-style; smart case)",
        Some("find"),
    ),
    bind(
        Reader,
        &[ch('n')],
        Action::NextClaim,
        "Next match while a pattern is kept, else next claim",
        Some("next"),
    ),
    bind(
        Reader,
        &[ch('N')],
        Action::PrevClaim,
        "Previous match, else previous claim",
        None,
    ),
    bind(
        Reader,
        &[key(Enter)],
        Action::Open,
        "Open the selected claim",
        Some("open"),
    ),
    // o for "open": free in the reader, and in the claim list it opens a claim's detail.
    // (vim's gx would be two keys, and g alone goes to the top.)
    bind(
        Reader,
        &[ch('o')],
        Action::ShowLinks,
        "Links of the article: open one",
        Some("links"),
    ),
    // Claim list.
    bind(
        Claims,
        &[key(Enter)],
        Action::Open,
        "Jump to the quote in its article",
        Some("read"),
    ),
    bind(
        Claims,
        &[ch('o')],
        Action::ShowDetail,
        "Open the claim's detail",
        Some("detail"),
    ),
    bind(
        Claims,
        &[ch('a')],
        Action::PickArticle,
        "Filter by article (a picker)",
        Some("article"),
    ),
    bind(
        Claims,
        &[ch('T')],
        Action::PickTags,
        "Filter by tags (a picker; Tab marks several)",
        Some("tags"),
    ),
    bind(
        Claims,
        &[ch('S')],
        Action::PickStance,
        "Filter by stance under a framing (a picker)",
        Some("stance"),
    ),
    bind(
        Claims,
        &[key(Backspace)],
        Action::RemoveLastFilter,
        "Remove the last filter (the rightmost chip)",
        None,
    ),
    bind(
        Claims,
        &[ch('x')],
        Action::ClearFilters,
        "Clear the filters",
        None,
    ),
    // In the list, j and k move the selection: the hint says so rather than "scroll".
    bind(
        Claims,
        &[ch('j'), key(Down)],
        Action::Down,
        "Select the next claim",
        Some("next"),
    ),
    bind(
        Claims,
        &[ch('k'), key(Up)],
        Action::Up,
        "Select the previous claim",
        None,
    ),
    // Debate.
    bind(
        Debate,
        &[key(Enter)],
        Action::Open,
        "Open the selected claim",
        Some("open"),
    ),
    bind(
        Debate,
        &[ch('f')],
        Action::PickFraming,
        "Choose the framing by name (a picker)",
        Some("framings"),
    ),
    bind(
        Debate,
        &[ch('x')],
        Action::ToggleContested,
        "Show only contested claims",
        Some("contested"),
    ),
    bind(
        Debate,
        // Not T: Shift-t steps back through the framings everywhere, as issue 15 asks.
        &[ch('i')],
        Action::ToggleThesis,
        "Show the whole thesis (toggle)",
        Some("thesis"),
    ),
    bind(
        Debate,
        &[ch('l'), key(Right), ch(']')],
        Action::PanRight,
        "Side by side: framings further right",
        Some("pan"),
    ),
    bind(
        Debate,
        &[ch('h'), key(Left), ch('[')],
        Action::PanLeft,
        "Side by side: framings further left",
        None,
    ),
    bind(
        Debate,
        &[ch('D')],
        Action::ToggleDisagreeOrder,
        "Side by side: where they disagree first (toggle)",
        Some("disagree"),
    ),
    // Search: typed characters go into the query.
    bind(
        Search,
        &[key(Enter)],
        Action::Open,
        "Jump to the selected result",
        Some("jump"),
    ),
    bind(
        Search,
        &[key(Down), ctrl('j')],
        Action::Down,
        "Next result",
        Some("next"),
    ),
    bind(Search, &[key(Up)], Action::Up, "Previous result", None),
    // As fzf's preview-up and preview-down.
    bind(
        Search,
        &[shift(Up)],
        Action::PreviewUp,
        "Scroll the preview up (or the wheel over it)",
        None,
    ),
    bind(
        Search,
        &[shift(Down)],
        Action::PreviewDown,
        "Scroll the preview down",
        Some("preview"),
    ),
    // As fzf with --history: Ctrl-p and Ctrl-n walk the queries, the arrows the results.
    bind(
        Search,
        &[ctrl('p')],
        Action::HistoryBack,
        "Previous query (remembered across runs)",
        Some("history"),
    ),
    bind(
        Search,
        &[ctrl('n')],
        Action::HistoryForward,
        "Next query (back to what you typed)",
        None,
    ),
    // Letters are the query here: your verdict and note take Alt with the same letters.
    bind(
        Search,
        &[alt('v')],
        Action::CycleVerdict,
        "Your verdict on the selected claim (in turn)",
        None,
    ),
    bind(
        Search,
        &[alt('C'), alt('c')],
        Action::EditNote,
        "Your private note on the selected claim",
        None,
    ),
    // `?` is text in the prompt (but opens help while the query is empty).
    bind(
        Search,
        &[key(F(1))],
        Action::ToggleHelp,
        "Help (or ? while the query is empty)",
        None,
    ),
    // The prompt's editing keys, as in readline and fzf.
    bind(
        Search,
        &[key(Left)],
        Action::CursorLeft,
        "Cursor one character back",
        None,
    ),
    bind(
        Search,
        &[key(Right)],
        Action::CursorRight,
        "Cursor one character forward",
        None,
    ),
    bind(
        Search,
        &[alt('b')],
        Action::CursorWordLeft,
        "Cursor one word back",
        None,
    ),
    bind(
        Search,
        &[alt('f')],
        Action::CursorWordRight,
        "Cursor one word forward",
        None,
    ),
    bind(
        Search,
        &[key(Home), ctrl('a')],
        Action::CursorStart,
        "Cursor to the start",
        None,
    ),
    bind(
        Search,
        &[key(End), ctrl('e')],
        Action::CursorEnd,
        "Cursor to the end",
        None,
    ),
    bind(
        Search,
        &[key(Backspace)],
        Action::SearchBackspace,
        "Delete the character before the cursor",
        None,
    ),
    bind(
        Search,
        &[key(Delete)],
        Action::SearchDeleteChar,
        "Delete the character under the cursor",
        None,
    ),
    bind(
        Search,
        &[ctrl('w')],
        Action::SearchDeleteWord,
        "Delete the word before the cursor",
        None,
    ),
    bind(
        Search,
        &[ctrl('u')],
        Action::SearchDeleteToStart,
        "Delete to the start",
        None,
    ),
    bind(
        Search,
        &[ctrl('k')],
        Action::SearchDeleteToEnd,
        "Delete to the end",
        None,
    ),
    bind(
        Search,
        // As in fzf and vim's command line: Ctrl-c and Ctrl-g cancel the prompt, not the program.
        &[key(Esc), ctrl('c'), ctrl('g')],
        Action::Back,
        "Leave search, back to where you were",
        Some("back"),
    ),
    // Typing a pattern to find in the reader's text: typed characters go into it.
    bind(
        Find,
        &[key(Enter)],
        Action::FindAccept,
        "Keep the pattern; n/N step through the matches",
        Some("keep"),
    ),
    bind(
        Find,
        &[key(Backspace)],
        Action::FindBackspace,
        "Delete a character",
        None,
    ),
    bind(
        Find,
        &[key(Esc), ctrl('c'), ctrl('g')],
        Action::FindCancel,
        "Cancel, back to where the search started",
        Some("cancel"),
    ),
    // Claim detail.
    bind(
        Detail,
        &[key(Tab), key(Right), ch('l')],
        Action::NextLink,
        "Select the next link",
        Some("links"),
    ),
    bind(
        Detail,
        &[key(BackTab), key(Left), ch('h')],
        Action::PrevLink,
        "Select the previous link",
        None,
    ),
    bind(
        Detail,
        &[key(Enter)],
        Action::Open,
        "Follow the selected link",
        Some("follow"),
    ),
    bind(
        Detail,
        &[ch('r')],
        Action::ReadInArticle,
        "Read the quote in its article",
        Some("read"),
    ),
    bind(
        Detail,
        &[ch('v')],
        Action::CycleVerdict,
        "Your verdict: convinced, not convinced, unsure, none",
        Some("verdict"),
    ),
    bind(
        Detail,
        &[ch('C')],
        Action::EditNote,
        // Named in the detail's own hint line; the status bar keeps room for Esc.
        "Your private note on this claim",
        None,
    ),
    bind(
        Detail,
        &[ch('y')],
        Action::CopyClaim,
        "Copy the claim (OSC 52)",
        Some("copy"),
    ),
    bind(
        Detail,
        &[key(Esc), ch('q')],
        Action::Back,
        "Close",
        Some("close"),
    ),
    // A picker (claim filters, framing): typed characters narrow it.
    bind(
        Picker,
        &[key(Enter)],
        Action::Open,
        "Apply the choice (or the marked ones)",
        Some("apply"),
    ),
    bind(
        Picker,
        &[key(Down), ctrl('j'), ctrl('n')],
        Action::Down,
        "Next choice",
        Some("move"),
    ),
    bind(
        Picker,
        &[key(Up), ctrl('k'), ctrl('p')],
        Action::Up,
        "Previous choice",
        None,
    ),
    bind(
        Picker,
        &[key(PageDown)],
        Action::PageDown,
        "Ten choices down",
        None,
    ),
    bind(
        Picker,
        &[key(PageUp)],
        Action::PageUp,
        "Ten choices up",
        None,
    ),
    bind(
        Picker,
        &[key(Tab)],
        Action::TogglePick,
        "Mark or unmark the choice (tags: several)",
        Some("mark"),
    ),
    bind(
        Picker,
        &[key(Left)],
        Action::CursorLeft,
        "Cursor one character back",
        None,
    ),
    bind(
        Picker,
        &[key(Right)],
        Action::CursorRight,
        "Cursor one character forward",
        None,
    ),
    bind(
        Picker,
        &[key(Home), ctrl('a')],
        Action::CursorStart,
        "Cursor to the start",
        None,
    ),
    bind(
        Picker,
        &[key(End), ctrl('e')],
        Action::CursorEnd,
        "Cursor to the end",
        None,
    ),
    bind(
        Picker,
        &[key(Backspace)],
        Action::SearchBackspace,
        "Delete the character before the cursor",
        None,
    ),
    bind(
        Picker,
        &[key(Delete)],
        Action::SearchDeleteChar,
        "Delete the character under the cursor",
        None,
    ),
    bind(
        Picker,
        &[ctrl('w')],
        Action::SearchDeleteWord,
        "Delete the word before the cursor",
        None,
    ),
    bind(
        Picker,
        &[ctrl('u')],
        Action::SearchDeleteToStart,
        "Delete to the start",
        None,
    ),
    bind(
        Picker,
        &[key(Esc), ctrl('c'), ctrl('g')],
        Action::Back,
        "Close, keeping the filter as it was",
        Some("cancel"),
    ),
    bind(
        Detail,
        &[ch('?'), key(F(1))],
        Action::ToggleHelp,
        "Help on these keys",
        Some("help"),
    ),
    // The list of bookmarks: j/k and the other moves select (as in every overlay).
    bind(
        Marks,
        &[key(Enter)],
        Action::Open,
        "Go to the selected bookmark",
        Some("go"),
    ),
    bind(
        Marks,
        &[ch('d'), key(Delete)],
        Action::DeleteMark,
        "Delete the selected bookmark",
        Some("delete"),
    ),
    bind(
        Marks,
        &[key(Esc), ch('q'), ch('M')],
        Action::Back,
        "Close",
        Some("close"),
    ),
    // The prompt of a note: typed characters are its text; edited as the finder's prompt.
    bind(
        Note,
        &[key(Enter)],
        Action::Open,
        "Save the note (an empty one removes it)",
        Some("save"),
    ),
    bind(
        Note,
        &[key(Esc), ctrl('c'), ctrl('g')],
        Action::Back,
        "Cancel: the note stays as it was",
        Some("cancel"),
    ),
    bind(
        Note,
        &[key(Left)],
        Action::CursorLeft,
        "Cursor one character back",
        None,
    ),
    bind(
        Note,
        &[key(Right)],
        Action::CursorRight,
        "Cursor one character forward",
        None,
    ),
    bind(
        Note,
        &[alt('b')],
        Action::CursorWordLeft,
        "Cursor one word back",
        None,
    ),
    bind(
        Note,
        &[alt('f')],
        Action::CursorWordRight,
        "Cursor one word forward",
        None,
    ),
    bind(
        Note,
        &[key(Home), ctrl('a')],
        Action::CursorStart,
        "Cursor to the start",
        None,
    ),
    bind(
        Note,
        &[key(End), ctrl('e')],
        Action::CursorEnd,
        "Cursor to the end",
        None,
    ),
    bind(
        Note,
        &[key(Backspace)],
        Action::SearchBackspace,
        "Delete the character before the cursor",
        None,
    ),
    bind(
        Note,
        &[key(Delete)],
        Action::SearchDeleteChar,
        "Delete the character under the cursor",
        None,
    ),
    bind(
        Note,
        &[ctrl('w')],
        Action::SearchDeleteWord,
        "Delete the word before the cursor",
        None,
    ),
    bind(
        Note,
        &[ctrl('u')],
        Action::SearchDeleteToStart,
        "Delete to the start",
        None,
    ),
    bind(
        Note,
        &[ctrl('k')],
        Action::SearchDeleteToEnd,
        "Delete to the end",
        None,
    ),
    // The list of the article's links.
    bind(
        Links,
        &[key(Enter)],
        Action::Open,
        "Open the link with the system's opener",
        Some("open"),
    ),
    // In the list, j and k move the selection: the hint says so rather than "scroll".
    bind(
        Links,
        DIGITS,
        Action::ShowArticle(0),
        "Open the link of that number",
        None,
    ),
    bind(
        Links,
        &[ch('j'), key(Down)],
        Action::Down,
        "Next link",
        Some("move"),
    ),
    bind(
        Links,
        &[ch('k'), key(Up)],
        Action::Up,
        "Previous link",
        None,
    ),
    bind(
        Links,
        &[key(Esc), ch('q'), ch('o')],
        Action::Back,
        "Close the list",
        Some("close"),
    ),
    // Help.
    bind(
        Help,
        &[key(Esc), ch('?'), ch('q'), key(F(1))],
        Action::Back,
        "Close help",
        Some("close"),
    ),
    // Views and framings, everywhere.
    bind(
        Global,
        DIGITS,
        Action::ShowArticle(0),
        "Article pane; past the last, a count",
        None,
    ),
    bind(
        Global,
        &[key(Tab)],
        Action::NextPane,
        "Next article pane",
        None,
    ),
    bind(
        Global,
        &[key(BackTab)],
        Action::PrevPane,
        "Previous article pane",
        None,
    ),
    bind(
        Global,
        &[ch('c')],
        Action::ShowClaims,
        "Claim list",
        Some("claims"),
    ),
    bind(
        Global,
        &[ch('d')],
        Action::ShowDebate,
        "Debate view",
        Some("debate"),
    ),
    bind(
        Global,
        &[ch('s')],
        Action::ToggleSideBySide,
        "Debate side by side (toggle)",
        Some("side by side"),
    ),
    bind(
        Global,
        &[ch('t')],
        Action::NextFraming,
        "Next framing",
        Some("framing"),
    ),
    bind(
        Global,
        &[ch('T')],
        Action::PrevFraming,
        "Previous framing",
        None,
    ),
    bind(
        Global,
        &[ch('f')],
        Action::PickFraming,
        "Choose the framing by name (a picker)",
        None,
    ),
    bind(
        Global,
        &[ch('/')],
        Action::StartSearch,
        "Finder over claims, notes and paragraphs",
        Some("finder"),
    ),
    // The finder from the reader, where `/` finds in the text: F for "find anywhere" (less's F
    // follows a growing file, which means nothing for an article).
    bind(
        Global,
        &[ch('F')],
        Action::StartSearch,
        "Finder over claims, notes and paragraphs",
        Some("finder"),
    ),
    bind(
        Global,
        &[ch('0')],
        Action::StartCount,
        "Count for the next motion: 0 5 j moves five lines",
        None,
    ),
    bind(
        Global,
        &[ctrl('o')],
        Action::JumpBack,
        "Back to where you jumped from",
        None,
    ),
    // Ctrl-i is Tab to a terminal (and Tab switches panes): Ctrl-n goes forward instead.
    bind(
        Global,
        &[ctrl('n')],
        Action::JumpForward,
        "Forward again through the jumps",
        None,
    ),
    bind(
        Global,
        &[ctrl('z')],
        Action::Suspend,
        "Suspend to the shell (fg to come back)",
        None,
    ),
    bind(
        Global,
        &[ch('m')],
        Action::SetMark,
        "Bookmark this place (or the selected claim): m, then a letter",
        None,
    ),
    bind(
        Global,
        &[ch('\'')],
        Action::JumpToMark,
        "Go to a bookmark: ', then its letter (' alone lists them)",
        None,
    ),
    bind(
        Global,
        &[ch('M')],
        Action::ShowMarks,
        "List the bookmarks: go to one, or delete it",
        None,
    ),
    bind(
        Global,
        &[ch('v')],
        Action::CycleVerdict,
        "Your verdict on the selected claim (in turn)",
        None,
    ),
    bind(
        Global,
        // Not a (the claim list's article filter, and issue 19's claim form on a selection)
        // nor N (the previous claim): C, for comment, is free in every view.
        &[ch('C')],
        Action::EditNote,
        "Your private note on the selected claim",
        None,
    ),
    bind(
        Global,
        &[ch('y')],
        Action::CopyClaim,
        "Copy the selected claim (OSC 52)",
        None,
    ),
    // Authoring: claims made and changed where they are read.
    bind(
        Reader,
        &[ch('a')],
        Action::Annotate,
        "Annotate: a caret; v selects, a makes a claim",
        None,
    ),
    bind(
        Claims,
        &[ch('e')],
        Action::EditClaim,
        "Edit the claim",
        None,
    ),
    bind(
        Debate,
        &[ch('e')],
        Action::EditClaim,
        "Edit the claim",
        None,
    ),
    bind(
        Detail,
        &[ch('e')],
        Action::EditClaim,
        "Edit the claim",
        None,
    ),
    bind(
        Reader,
        &[ch('D')],
        Action::DeleteClaim,
        "Delete the selected claim",
        None,
    ),
    bind(
        Claims,
        &[ch('D'), key(Delete)],
        Action::DeleteClaim,
        "Delete the claim",
        None,
    ),
    bind(
        Debate,
        &[key(Delete)],
        Action::DeleteClaim,
        "Delete the claim",
        None,
    ),
    bind(
        Detail,
        &[ch('D'), key(Delete)],
        Action::DeleteClaim,
        "Delete the selected link, or the claim",
        None,
    ),
    bind(
        Reader,
        &[ch('L')],
        Action::LinkClaim,
        "Link to a claim picked in finder",
        None,
    ),
    bind(
        Claims,
        &[ch('L')],
        Action::LinkClaim,
        "Link to a claim picked in finder",
        None,
    ),
    bind(
        Debate,
        &[ch('L')],
        Action::LinkClaim,
        "Link to a claim picked in finder",
        None,
    ),
    bind(
        Detail,
        &[ch('L')],
        Action::LinkClaim,
        "Link to a claim picked in finder",
        Some("link"),
    ),
    bind(Detail, &[ch('u')], Action::Undo, "Undo the last edit", None),
    bind(Detail, &[ctrl('r')], Action::Redo, "Redo", None),
    bind(
        Detail,
        &[ch('E')],
        Action::OpenInEditor,
        "Open the claim in $EDITOR",
        None,
    ),
    bind(
        Global,
        &[ch('u')],
        Action::Undo,
        "Undo the last edit of the file",
        None,
    ),
    bind(
        Global,
        &[ctrl('r')],
        Action::Redo,
        "Redo the edit undone",
        None,
    ),
    bind(
        Global,
        &[ch('E')],
        Action::OpenInEditor,
        "Open the debate file in $EDITOR (at the selected claim)",
        None,
    ),
    bind(
        Global,
        &[ch('e')],
        Action::ShowErrors,
        "Errors of the file's last save",
        None,
    ),
    bind(
        Global,
        &[ch('?'), key(F(1))],
        Action::ToggleHelp,
        "Help",
        Some("help"),
    ),
    bind(Global, &[key(Esc)], Action::Back, "Back", None),
    bind(Global, &[ch('q')], Action::Quit, "Quit", Some("quit")),
    bind(
        Global,
        &[ctrl('c')],
        Action::Quit,
        "Quit, from anywhere",
        None,
    ),
];
