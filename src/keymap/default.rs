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

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        label,
        help,
        hint,
    }
}

use Context::{Claims, Debate, Detail, Global, Help, Reader, Search};
use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};

/// Every binding of the program. Order matters within a context: it is the help's order.
pub const BINDINGS: &[Binding] = &[
    // Reading and moving.
    bind(
        Global,
        &[ch('j'), key(Down)],
        Action::Down,
        "j ↓",
        "Move down",
        Some("scroll"),
    ),
    bind(
        Global,
        &[ch('k'), key(Up)],
        Action::Up,
        "k ↑",
        "Move up",
        None,
    ),
    bind(
        Global,
        &[key(PageDown), ch(' '), ctrl('f')],
        Action::PageDown,
        "PgDn Space",
        "Page down",
        None,
    ),
    bind(
        Global,
        &[key(PageUp), ctrl('b')],
        Action::PageUp,
        "PgUp",
        "Page up",
        None,
    ),
    bind(
        Global,
        &[ctrl('d')],
        Action::HalfPageDown,
        "Ctrl-d",
        "Half a page down",
        None,
    ),
    bind(
        Global,
        &[ctrl('u')],
        Action::HalfPageUp,
        "Ctrl-u",
        "Half a page up",
        None,
    ),
    bind(
        Global,
        &[ch('g'), key(Home)],
        Action::Top,
        "g Home",
        "Go to the top",
        None,
    ),
    bind(
        Global,
        &[ch('G'), key(End)],
        Action::Bottom,
        "G End",
        "Go to the end",
        None,
    ),
    bind(
        Reader,
        &[ch('n')],
        Action::NextClaim,
        "n",
        "Next claim in the article",
        Some("claim"),
    ),
    bind(
        Reader,
        &[ch('N')],
        Action::PrevClaim,
        "N",
        "Previous claim in the article",
        None,
    ),
    bind(
        Reader,
        &[key(Enter)],
        Action::Open,
        "Enter",
        "Open the selected claim",
        Some("open"),
    ),
    // Claim list.
    bind(
        Claims,
        &[key(Enter)],
        Action::Open,
        "Enter",
        "Jump to the quote in its article",
        Some("read"),
    ),
    bind(
        Claims,
        &[ch('o')],
        Action::ShowDetail,
        "o",
        "Open the claim's detail",
        Some("detail"),
    ),
    bind(
        Claims,
        &[ch('a')],
        Action::CycleArticleFilter,
        "a",
        "Filter by article (cycles)",
        Some("article"),
    ),
    bind(
        Claims,
        &[ch('T')],
        Action::CycleTagFilter,
        "T",
        "Filter by tag (cycles)",
        Some("tag"),
    ),
    bind(
        Claims,
        &[ch('S')],
        Action::CycleStanceFilter,
        "S",
        "Filter by stance under the active framing",
        Some("stance"),
    ),
    bind(
        Claims,
        &[ch('x')],
        Action::ClearFilters,
        "x",
        "Clear the filters",
        None,
    ),
    // Debate.
    bind(
        Debate,
        &[key(Enter)],
        Action::Open,
        "Enter",
        "Open the selected claim",
        Some("open"),
    ),
    bind(
        Debate,
        &[ch('x')],
        Action::ToggleContested,
        "x",
        "Show only contested claims",
        Some("contested"),
    ),
    bind(
        Debate,
        &[ch('T')],
        Action::ToggleThesis,
        "T",
        "Show the whole thesis (toggle)",
        Some("thesis"),
    ),
    bind(
        Debate,
        &[ch('l'), key(Right), ch(']')],
        Action::PanRight,
        "l → ]",
        "Side by side: framings further right",
        Some("pan"),
    ),
    bind(
        Debate,
        &[ch('h'), key(Left), ch('[')],
        Action::PanLeft,
        "h ← [",
        "Side by side: framings further left",
        None,
    ),
    bind(
        Debate,
        &[ch('D')],
        Action::ToggleDisagreeOrder,
        "D",
        "Side by side: where they disagree first (toggle)",
        Some("disagree"),
    ),
    // Search: typed characters go into the query.
    bind(
        Search,
        &[key(Enter)],
        Action::Open,
        "Enter",
        "Jump to the selected result",
        Some("jump"),
    ),
    bind(
        Search,
        &[key(Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "↓ Ctrl-n",
        "Next result",
        Some("next"),
    ),
    bind(
        Search,
        &[key(Up), ctrl('p'), ctrl('k')],
        Action::Up,
        "↑ Ctrl-p",
        "Previous result",
        None,
    ),
    bind(
        Search,
        &[key(Backspace)],
        Action::SearchBackspace,
        "Backspace",
        "Delete a character",
        None,
    ),
    bind(
        Search,
        &[ctrl('w')],
        Action::SearchDeleteWord,
        "Ctrl-w",
        "Delete a word",
        None,
    ),
    bind(
        Search,
        &[ctrl('u')],
        Action::SearchClear,
        "Ctrl-u",
        "Clear the query",
        None,
    ),
    bind(
        Search,
        // As in fzf and vim's command line: Ctrl-c and Ctrl-g cancel the prompt, not the program.
        &[key(Esc), ctrl('c'), ctrl('g')],
        Action::Back,
        "Esc Ctrl-c Ctrl-g",
        "Leave search, back to where you were",
        Some("back"),
    ),
    // Claim detail.
    bind(
        Detail,
        &[key(Tab), key(Right), ch('l')],
        Action::NextLink,
        "Tab →",
        "Select the next link",
        Some("links"),
    ),
    bind(
        Detail,
        &[key(BackTab), key(Left), ch('h')],
        Action::PrevLink,
        "S-Tab ←",
        "Select the previous link",
        None,
    ),
    bind(
        Detail,
        &[key(Enter)],
        Action::Open,
        "Enter",
        "Follow the selected link",
        Some("follow"),
    ),
    bind(
        Detail,
        &[ch('r')],
        Action::ReadInArticle,
        "r",
        "Read the quote in its article",
        Some("read"),
    ),
    bind(
        Detail,
        &[ch('y')],
        Action::CopyClaim,
        "y",
        "Copy the claim (OSC 52)",
        Some("copy"),
    ),
    bind(
        Detail,
        &[key(Esc), ch('q')],
        Action::Back,
        "Esc q",
        "Close",
        Some("close"),
    ),
    // Help.
    bind(
        Help,
        &[key(Esc), ch('?'), ch('q')],
        Action::Back,
        "Esc ? q",
        "Close help",
        Some("close"),
    ),
    // Views and framings, everywhere.
    bind(
        Global,
        &[
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9'),
        ],
        Action::ShowArticle(0),
        "1…9",
        "Article pane 1 to 9",
        None,
    ),
    bind(
        Global,
        &[key(Tab)],
        Action::NextPane,
        "Tab",
        "Next article pane",
        None,
    ),
    bind(
        Global,
        &[key(BackTab)],
        Action::PrevPane,
        "S-Tab",
        "Previous article pane",
        None,
    ),
    bind(
        Global,
        &[ch('c')],
        Action::ShowClaims,
        "c",
        "Claim list",
        Some("claims"),
    ),
    bind(
        Global,
        &[ch('d')],
        Action::ShowDebate,
        "d",
        "Debate view",
        Some("debate"),
    ),
    bind(
        Global,
        &[ch('s')],
        Action::ToggleSideBySide,
        "s",
        "Debate side by side (toggle)",
        Some("side by side"),
    ),
    bind(
        Global,
        &[ch('t')],
        Action::NextFraming,
        "t",
        "Next framing",
        Some("framing"),
    ),
    bind(
        Global,
        &[ch('/')],
        Action::StartSearch,
        "/",
        "Search",
        Some("search"),
    ),
    bind(
        Global,
        &[ch('y')],
        Action::CopyClaim,
        "y",
        "Copy the selected claim (OSC 52)",
        None,
    ),
    bind(
        Global,
        &[ch('e')],
        Action::ShowErrors,
        "e",
        "Errors of the file's last save",
        None,
    ),
    bind(
        Global,
        &[ch('?')],
        Action::ToggleHelp,
        "?",
        "Help",
        Some("help"),
    ),
    bind(Global, &[key(Esc)], Action::Back, "Esc", "Back", None),
    bind(Global, &[ch('q')], Action::Quit, "q", "Quit", Some("quit")),
    bind(
        Global,
        &[ctrl('c')],
        Action::Quit,
        "Ctrl-c",
        "Quit, from anywhere",
        None,
    ),
];
