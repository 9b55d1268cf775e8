//! The one table of key bindings: it resolves keys to actions, and the help overlay and the hint
//! bar are generated from it, so the documentation of a key cannot drift from what it does.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::{Action, Reading};

/// Where a binding applies. `Global` bindings apply in every context unless the context binds
/// the same key itself; in `Search`, typed characters are input, so plain-character global
/// bindings are skipped there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Reader,
    Claims,
    Debate,
    Search,
    /// Typing a pattern to find in the reader's text.
    Find,
    Detail,
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Everywhere",
            Self::Reader => "Reader",
            Self::Claims => "Claim list",
            Self::Debate => "Debate",
            Self::Search => "Search",
            Self::Find => "Find in the text",
            Self::Detail => "Claim detail",
            Self::Help => "Help",
        }
    }
}

/// A key with modifiers, comparable with crossterm's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

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

/// One row of the table.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// How the keys are written in help, e.g. "j ↓".
    pub label: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short word for the hint bar; `None` keeps the binding out of it.
    pub hint: Option<&'static str>,
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

use Context::{Claims, Debate, Detail, Find, Global, Help, Reader, Search};
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
        "PgDn Space Ctrl-f",
        "Page down",
        None,
    ),
    bind(
        Global,
        &[key(PageUp), ch('b'), ctrl('b')],
        Action::PageUp,
        "PgUp b Ctrl-b",
        "Page up",
        None,
    ),
    bind(
        Global,
        &[ctrl('e')],
        Action::Down,
        "Ctrl-e",
        "A line down",
        None,
    ),
    bind(
        Global,
        &[ctrl('y')],
        Action::Up,
        "Ctrl-y",
        "A line up",
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
        &[ch('/')],
        Action::Reading(Reading::FindStart),
        "/",
        "Find in the text (less-style; smart case)",
        Some("find"),
    ),
    bind(
        Reader,
        &[ch('n')],
        Action::NextClaim,
        "n",
        "Next match while a pattern is kept, else next claim",
        Some("next"),
    ),
    bind(
        Reader,
        &[ch('N')],
        Action::PrevClaim,
        "N",
        "Previous match, else previous claim",
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
    // In the list, j and k move the selection: the hint says so rather than "scroll".
    bind(
        Claims,
        &[ch('j'), key(Down)],
        Action::Down,
        "j ↓",
        "Select the next claim",
        Some("next"),
    ),
    bind(
        Claims,
        &[ch('k'), key(Up)],
        Action::Up,
        "k ↑",
        "Select the previous claim",
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
        &[key(Esc)],
        Action::Back,
        "Esc",
        "Leave search, back to where you were",
        Some("back"),
    ),
    // Typing a pattern to find in the reader's text: typed characters go into it.
    bind(
        Find,
        &[key(Enter)],
        Action::Reading(Reading::FindAccept),
        "Enter",
        "Keep the pattern; n/N step through the matches",
        Some("keep"),
    ),
    bind(
        Find,
        &[key(Backspace)],
        Action::Reading(Reading::FindBackspace),
        "Backspace",
        "Delete a character",
        None,
    ),
    bind(
        Find,
        &[key(Esc)],
        Action::Reading(Reading::FindCancel),
        "Esc",
        "Cancel, back to where the search started",
        Some("cancel"),
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
        "Finder over claims, notes and paragraphs",
        Some("finder"),
    ),
    // The finder from the reader, where `/` searches the text: F for "find anywhere" (less's F
    // follows a growing file, which means nothing for an article).
    bind(
        Global,
        &[ch('F')],
        Action::StartSearch,
        "F",
        "Finder over claims, notes and paragraphs",
        Some("finder"),
    ),
    bind(
        Global,
        &[ch('0')],
        Action::Reading(Reading::CountDigit(0)),
        "0 N",
        "Count for the next motion: 0 5 j moves five lines",
        None,
    ),
    bind(
        Global,
        &[ctrl('z')],
        Action::Suspend,
        "Ctrl-z",
        "Suspend to the shell (fg to come back)",
        None,
    ),
    bind(
        Global,
        &[ctrl('o')],
        Action::Reading(Reading::JumpBack),
        "Ctrl-o",
        "Back to where you jumped from",
        None,
    ),
    // Ctrl-i is Tab to a terminal (and Tab switches panes): Ctrl-n goes forward instead.
    bind(
        Global,
        &[ctrl('n')],
        Action::Reading(Reading::JumpForward),
        "Ctrl-n",
        "Forward again through the jumps",
        None,
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

fn matches(binding: &Key, event: &KeyEvent) -> bool {
    // Shifted letters arrive as uppercase chars, sometimes with SHIFT set, and Shift-Tab as
    // BackTab with SHIFT: the shift is already in the code, so ignore the flag for those.
    let mods = if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        event.modifiers - KeyModifiers::SHIFT
    } else {
        event.modifiers
    };
    binding.code == event.code && binding.mods == mods
}

fn lookup(context: Context, event: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .find_map(|b| {
            b.keys
                .iter()
                .position(|k| matches(k, event))
                .map(|i| match b.action.clone() {
                    // The digit keys share one row; the position says which pane.
                    Action::ShowArticle(_) => Action::ShowArticle(i),
                    other => other,
                })
        })
}

fn is_text_input(event: &KeyEvent) -> Option<char> {
    match event.code {
        KeyCode::Char(c)
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// The action a key press means in a context, if any.
pub fn resolve(context: Context, event: &KeyEvent) -> Option<Action> {
    if let Some(action) = lookup(context, event) {
        return Some(action);
    }
    if let Some(c) = is_text_input(event) {
        match context {
            Context::Search => return Some(Action::SearchInput(c)),
            Context::Find => return Some(Action::Reading(Reading::FindInput(c))),
            _ => {}
        }
    }
    // Overlays take only their own keys, plus quitting.
    if matches!(context, Context::Help | Context::Detail) {
        return match lookup(Context::Global, event) {
            Some(Action::Quit) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::Quit)
            }
            Some(
                a @ (Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Top
                | Action::Bottom
                | Action::HalfPageDown
                | Action::HalfPageUp),
            ) => Some(a),
            _ => None,
        };
    }
    lookup(Context::Global, event)
}

/// The bindings shown for a context: its own, then the global ones it does not shadow.
pub fn bindings_for(context: Context) -> Vec<&'static Binding> {
    let own: Vec<&Binding> = BINDINGS.iter().filter(|b| b.context == context).collect();
    let shadowed = |b: &Binding| {
        own.iter()
            .any(|o| o.keys.iter().any(|k| b.keys.contains(k)))
            || (matches!(context, Context::Search | Context::Find)
                && b.keys
                    .iter()
                    .all(|k| matches!(k.code, KeyCode::Char(_)) && k.mods.is_empty()))
            || (matches!(context, Context::Help | Context::Detail)
                && !matches!(
                    b.action,
                    Action::Up
                        | Action::Down
                        | Action::PageUp
                        | Action::PageDown
                        | Action::Top
                        | Action::Bottom
                        | Action::Quit
                        | Action::HalfPageDown
                        | Action::HalfPageUp
                ))
    };
    let global = BINDINGS
        .iter()
        .filter(|b| b.context == Context::Global && !shadowed(b));
    own.iter().copied().chain(global).collect()
}

/// (keys, word) pairs for the hint bar of a context: its own keys first, then help and quit
/// (so they survive a narrow bar), then the other global keys.
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    let all = bindings_for(context);
    // The finder is promised one key away in every view: it comes right after help and quit.
    let rank = |b: &Binding| match (b.context == Context::Global, &b.action) {
        // The list's own moving keys rank where the global ones would.
        (false, Action::Up | Action::Down) if b.context == Context::Claims => 3,
        (false, _) => 0,
        (true, Action::ToggleHelp | Action::Quit) => 1,
        (true, Action::StartSearch) => 2,
        (true, _) => 3,
    };
    let mut ranked: Vec<&Binding> = all.into_iter().filter(|b| b.hint.is_some()).collect();
    // One hint per action: `/` and `F` both open the finder where `/` is not taken.
    let mut seen: Vec<&Action> = Vec::new();
    ranked.retain(|b| {
        let new = !seen.contains(&&b.action);
        seen.push(&b.action);
        new
    });
    ranked.sort_by_key(|b| rank(b));
    ranked
        .into_iter()
        .filter_map(|b| {
            b.hint
                .map(|h| (b.label.split(' ').next().unwrap_or(b.label), h))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn required_keys_keep_their_meaning() {
        let none = KeyModifiers::NONE;
        let r = |c| resolve(Context::Reader, &press(KeyCode::Char(c), none));
        assert_eq!(r('1'), Some(Action::ShowArticle(0)));
        assert_eq!(r('9'), Some(Action::ShowArticle(8)));
        assert_eq!(r('c'), Some(Action::ShowClaims));
        assert_eq!(r('d'), Some(Action::ShowDebate));
        assert_eq!(r('t'), Some(Action::NextFraming));
        assert_eq!(r('s'), Some(Action::ToggleSideBySide));
        assert_eq!(r('/'), Some(Action::Reading(Reading::FindStart)));
        assert_eq!(r('F'), Some(Action::StartSearch));
        let c = |c| resolve(Context::Claims, &press(KeyCode::Char(c), none));
        assert_eq!(c('/'), Some(Action::StartSearch));
        assert_eq!(r('?'), Some(Action::ToggleHelp));
        assert_eq!(r('q'), Some(Action::Quit));
        assert_eq!(
            resolve(Context::Reader, &press(KeyCode::Esc, none)),
            Some(Action::Back)
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for context in [
            Context::Reader,
            Context::Claims,
            Context::Debate,
            Context::Search,
            Context::Detail,
            Context::Help,
        ] {
            assert_eq!(
                resolve(context, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                Some(Action::Quit),
                "{context:?}"
            );
        }
    }

    #[test]
    fn search_takes_typed_characters() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            resolve(Context::Search, &press(KeyCode::Char('q'), none)),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            resolve(Context::Search, &press(KeyCode::Char('1'), none)),
            Some(Action::SearchInput('1'))
        );
        assert_eq!(
            resolve(Context::Search, &press(KeyCode::Char('漢'), none)),
            Some(Action::SearchInput('漢'))
        );
        assert_eq!(
            resolve(Context::Search, &press(KeyCode::Esc, none)),
            Some(Action::Back)
        );
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let n = resolve(
            Context::Reader,
            &press(KeyCode::Char('N'), KeyModifiers::SHIFT),
        );
        assert_eq!(n, Some(Action::PrevClaim));
        assert_eq!(
            resolve(
                Context::Reader,
                &press(KeyCode::Char('G'), KeyModifiers::NONE)
            ),
            Some(Action::Bottom)
        );
    }

    #[test]
    fn help_lists_every_binding_of_a_context_once() {
        let reader = bindings_for(Context::Reader);
        assert!(reader.iter().any(|b| b.action == Action::NextClaim));
        assert!(reader.iter().any(|b| b.action == Action::Quit));
        let search = bindings_for(Context::Search);
        assert!(
            !search
                .iter()
                .any(|b| b.action == Action::Quit && b.label == "q")
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }
}
