//! The one table of key bindings: it resolves keys to actions, and the help overlay and the hint
//! bar are generated from it, so the documentation of a key cannot drift from what it does.

use std::borrow::Cow;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;

mod default;
mod key;
mod rebind;

pub use default::BINDINGS;
pub use key::{Key, ParseKeyError};
pub use rebind::action_name;

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
    /// The list of bookmarks.
    Marks,
    /// The prompt of a private note on a claim: typed characters are its text.
    Note,
    /// A picker over the view: typed characters narrow it.
    Picker,
    /// The list of the article's links.
    Links,
    /// Caret mode in the reader (`a`): vim's motions and selecting; the reader's other keys
    /// still work beneath it.
    Caret,
}

impl Context {
    /// The context of what has the keyboard in a state: the open overlay, else the view.
    pub fn of(state: &crate::state::State) -> Self {
        use crate::state::{Overlay, View};
        if state.note.is_some() {
            return Self::Note;
        }
        match (&state.overlay, state.view) {
            (Some(Overlay::Marks(_)), _) => Self::Marks,
            (Some(Overlay::Links(_)), _) => Self::Links,
            (Some(Overlay::Help(_) | Overlay::Errors(_)), _) => Self::Help,
            (Some(Overlay::Detail(_)), _) => Self::Detail,
            (Some(Overlay::Picker(_)), _) => Self::Picker,
            (None, View::Reader) if crate::reading::typing_pattern(state) => Self::Find,
            (None, View::Reader) if state.authoring.caret.is_some() => Self::Caret,
            (None, View::Reader) => Self::Reader,
            (None, View::Claims) => Self::Claims,
            (None, View::Debate) => Self::Debate,
            (None, View::Search) => Self::Search,
        }
    }

    /// Whether typed characters are text here (the finder's prompt, a picker's), so that
    /// plain-character bindings of `Global` do not apply.
    pub fn takes_text(self) -> bool {
        matches!(self, Self::Search | Self::Note | Self::Picker)
    }

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
            Self::Marks => "Bookmarks",
            Self::Note => "Your note",
            Self::Picker => "In a picker",
            Self::Links => "Links",
            Self::Caret => "Caret and selection",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    /// The default table's keys, or a user's when a config rebinds them.
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    /// What it does, for the help overlay.
    pub help: &'static str,
    /// A short word for the hint bar; `None` keeps the binding out of it.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// How the keys are written in help, generated from the keys themselves so that help
    /// cannot drift from what they do: `PgDn Space Ctrl-f`; the digit row as `1…9`.
    pub fn label(&self) -> String {
        self.label_of(&self.keys)
    }

    /// [`Binding::label`] of the keys that act in `context`: where it takes text, a global
    /// binding's typed characters are text (Space pages in the reader, not in the finder).
    pub fn label_in(&self, context: Context) -> String {
        let working: Vec<Key> = self
            .keys
            .iter()
            .copied()
            .filter(|&k| acts_in(context, self, k))
            .collect();
        self.label_of(&working)
    }

    fn label_of(&self, keys: &[Key]) -> String {
        match (self.action.clone(), keys) {
            (Action::ShowArticle(_), [first, .., last]) => {
                format!("{}…{}", first.label(), last.label())
            }
            _ => keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "),
        }
    }
}

/// The key bindings in force: built from the default table and a user's config,
/// carried by the state so that input, help and hints all read the same bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    /// Keys a config unbound in one context (`[keys.reader] q = "none"`): there they mean
    /// nothing, though `global` binds them.
    blocked: Vec<(Context, Key)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            bindings: BINDINGS.to_vec(),
            blocked: Vec::new(),
        }
    }
}

impl Keymap {
    fn lookup(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .filter(|b| b.context == context)
            .find_map(|b| {
                b.keys
                    .iter()
                    .position(|k| k.matches(event))
                    .map(|i| match b.action.clone() {
                        // The digit keys share one row; the position says which pane.
                        Action::ShowArticle(_) => Action::ShowArticle(i),
                        other => other,
                    })
            })
    }

    /// The keys a config unbound in one context though `global` binds them.
    pub fn blocked(&self) -> impl Iterator<Item = (Context, Key)> + '_ {
        self.blocked.iter().copied()
    }

    /// Whether a config unbound this key in `context`, hiding the global binding there.
    fn blocks(&self, context: Context, event: &KeyEvent) -> bool {
        self.blocked
            .iter()
            .any(|(c, k)| *c == context && k.matches(event))
    }

    /// The action a key press means in a context, if any.
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        if let Some(action) = self.lookup(context, event) {
            return Some(action);
        }
        if let Some(c) = is_text_input(event) {
            match context {
                Context::Search | Context::Note | Context::Picker => {
                    return Some(Action::SearchInput(c));
                }
                Context::Find => return Some(Action::FindInput(c)),
                _ => {}
            }
        }
        // Past the prompts (which still type it), a key unbound in this context means nothing.
        if self.blocks(context, event) {
            return None;
        }
        // The note's prompt takes only its own keys: a stray key must not act behind it.
        if context == Context::Note {
            return None;
        }
        // Beneath the caret the reader's keys still work (n, /, t, q…).
        if context == Context::Caret {
            return self.resolve(Context::Reader, event);
        }
        // Overlays take only their own keys, plus quitting and suspending.
        if matches!(
            context,
            Context::Help | Context::Detail | Context::Marks | Context::Links
        ) {
            return match self.lookup(Context::Global, event) {
                Some(a @ (Action::Quit | Action::Suspend))
                    if event.modifiers.contains(KeyModifiers::CONTROL) =>
                {
                    Some(a)
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
        self.lookup(Context::Global, event)
    }

    /// The bindings shown for a context: its own, then the global ones it does not shadow.
    pub fn bindings_for(&self, context: Context) -> Vec<&Binding> {
        let own: Vec<&Binding> = self
            .bindings
            .iter()
            .filter(|b| b.context == context)
            .collect();
        let shadowed = |b: &Binding| {
            own.iter()
                .any(|o| o.keys.iter().any(|k| b.keys.contains(k)))
                || self
                    .blocked
                    .iter()
                    .any(|(c, k)| *c == context && b.keys.contains(k))
                || !b.keys.iter().any(|&k| acts_in(context, b, k))
                || context == Context::Note
                || (matches!(
                    context,
                    Context::Help | Context::Detail | Context::Marks | Context::Links
                ) && !matches!(
                    b.action,
                    Action::Up
                        | Action::Down
                        | Action::PageUp
                        | Action::PageDown
                        | Action::Top
                        | Action::Bottom
                        | Action::Quit
                        | Action::Suspend
                        | Action::HalfPageDown
                        | Action::HalfPageUp
                ))
        };
        // Beneath the caret, the reader's keys (its own, then the global ones) it leaves free.
        if context == Context::Caret {
            let beneath = self
                .bindings_for(Context::Reader)
                .into_iter()
                .filter(|b| !shadowed(b));
            return own.iter().copied().chain(beneath).collect();
        }
        let global = self
            .bindings
            .iter()
            .filter(|b| b.context == Context::Global && !shadowed(b));
        own.iter().copied().chain(global).collect()
    }

    /// The key a view names in its text for an action ("t: next framing"): the first key of the
    /// binding the context sees, so the text follows the keymap. Empty if nothing is bound.
    pub fn key_for(&self, context: Context, action: &Action) -> String {
        self.bindings_for(context)
            .into_iter()
            .find(|b| b.action == *action)
            .and_then(|b| working_key(context, b))
            .map(Key::label)
            .unwrap_or_default()
    }

    /// (keys, word) pairs for the hint bar of a context: its own keys first, then help and quit
    /// (so they survive a narrow bar), then the other global keys.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str)> {
        self.hints_without(context, &[])
    }

    /// [`Keymap::hints`] less the hints of `except`: actions that mean nothing where the bar
    /// is shown (marking several in a picker that takes one).
    pub fn hints_without(
        &self,
        context: Context,
        except: &[Action],
    ) -> Vec<(String, &'static str)> {
        let all: Vec<&Binding> = self
            .bindings_for(context)
            .into_iter()
            .filter(|b| !except.contains(&b.action))
            .collect();
        // The finder is promised one key away in every view: it comes right after help and quit.
        let rank = |b: &Binding| match (b.context == Context::Global, &b.action) {
            // The list's own moving keys rank where the global ones would.
            (false, Action::Up | Action::Down) if b.context == Context::Claims => 3,
            // The reader's links list where room allows: after the promised finder.
            (false, Action::ShowLinks) => 3,
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
            .filter_map(|b| Some((working_key(context, b)?.label(), b.hint?)))
            .collect()
    }
}

/// The key to name for a binding seen from `context`: its first key that acts there. Where the
/// context takes text, a global binding's typed characters are text (`?` is typed into a
/// picker; F1 opens help).
fn working_key(context: Context, binding: &Binding) -> Option<Key> {
    binding
        .keys
        .iter()
        .copied()
        .find(|&k| acts_in(context, binding, k))
}

/// Whether a key of a binding acts in `context`: where the context takes text (the prompts),
/// a global binding's typed characters are text.
fn acts_in(context: Context, binding: &Binding, key: Key) -> bool {
    let typed = (context.takes_text() || context == Context::Find)
        && binding.context == Context::Global
        && matches!(key.code, KeyCode::Char(_))
        && !key
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    !typed
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

#[cfg(test)]
mod tests {
    use super::*;

    fn keymap() -> &'static Keymap {
        static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);
        &DEFAULT
    }

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn required_keys_keep_their_meaning() {
        let none = KeyModifiers::NONE;
        let r = |c| keymap().resolve(Context::Reader, &press(KeyCode::Char(c), none));
        assert_eq!(r('1'), Some(Action::ShowArticle(0)));
        assert_eq!(r('9'), Some(Action::ShowArticle(8)));
        assert_eq!(r('c'), Some(Action::ShowClaims));
        assert_eq!(r('d'), Some(Action::ShowDebate));
        assert_eq!(r('t'), Some(Action::NextFraming));
        assert_eq!(r('s'), Some(Action::ToggleSideBySide));
        assert_eq!(r('/'), Some(Action::FindInText));
        assert_eq!(r('F'), Some(Action::StartSearch));
        let c = |c| keymap().resolve(Context::Claims, &press(KeyCode::Char(c), none));
        assert_eq!(c('/'), Some(Action::StartSearch));
        assert_eq!(r('?'), Some(Action::ToggleHelp));
        assert_eq!(r('q'), Some(Action::Quit));
        assert_eq!(
            keymap().resolve(Context::Reader, &press(KeyCode::Esc, none)),
            Some(Action::Back)
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere_but_the_search_prompt() {
        for context in [
            Context::Reader,
            Context::Claims,
            Context::Debate,
            Context::Detail,
            Context::Help,
        ] {
            assert_eq!(
                keymap().resolve(context, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                Some(Action::Quit),
                "{context:?}"
            );
        }
        for c in ['c', 'g'] {
            assert_eq!(
                keymap().resolve(
                    Context::Search,
                    &press(KeyCode::Char(c), KeyModifiers::CONTROL)
                ),
                Some(Action::Back),
                "Ctrl-{c} cancels the search prompt"
            );
        }
    }

    #[test]
    fn search_takes_typed_characters() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            keymap().resolve(Context::Search, &press(KeyCode::Char('q'), none)),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            keymap().resolve(Context::Search, &press(KeyCode::Char('1'), none)),
            Some(Action::SearchInput('1'))
        );
        assert_eq!(
            keymap().resolve(Context::Search, &press(KeyCode::Char('漢'), none)),
            Some(Action::SearchInput('漢'))
        );
        assert_eq!(
            keymap().resolve(Context::Search, &press(KeyCode::Esc, none)),
            Some(Action::Back)
        );
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        let n = keymap().resolve(
            Context::Reader,
            &press(KeyCode::Char('N'), KeyModifiers::SHIFT),
        );
        assert_eq!(n, Some(Action::PrevClaim));
        assert_eq!(
            keymap().resolve(
                Context::Reader,
                &press(KeyCode::Char('G'), KeyModifiers::NONE)
            ),
            Some(Action::Bottom)
        );
    }

    #[test]
    fn help_lists_every_binding_of_a_context_once() {
        let reader = keymap().bindings_for(Context::Reader);
        assert!(reader.iter().any(|b| b.action == Action::NextClaim));
        assert!(reader.iter().any(|b| b.action == Action::Quit));
        let search = keymap().bindings_for(Context::Search);
        assert!(
            !search
                .iter()
                .any(|b| b.action == Action::Quit && b.label() == "q")
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys.iter() {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn bound_actions_have_kebab_case_names_that_read_back() {
        for b in BINDINGS {
            if matches!(b.action, Action::ShowArticle(_)) {
                continue;
            }
            let name = serde_json::to_value(&b.action).expect("a bound action has a name");
            let name = name.as_str().expect("a unit name").to_owned();
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            let back: Action = serde_json::from_value(name.clone().into()).expect("reads back");
            assert_eq!(back, b.action, "{name}");
        }
    }

    #[test]
    fn a_config_line_binds_a_key_to_an_action_by_name() {
        let config: std::collections::BTreeMap<String, Action> =
            toml::from_str(r#""ctrl-f" = "page-down""#).expect("parses");
        let (key, action) = config.into_iter().next().expect("one binding");
        assert_eq!(action, Action::PageDown);
        assert_eq!(
            key.parse::<Key>().expect("a key"),
            Key::new(KeyCode::Char('f'), KeyModifiers::CONTROL)
        );
        assert!(
            toml::from_str::<std::collections::BTreeMap<String, Action>>(r#""x" = "resize""#)
                .is_err()
        );
    }

    /// Caret mode's keys are the keymap's like any other: named, rebindable in `[keys.caret]`,
    /// and the reader's keys still work beneath them.
    #[test]
    fn caret_keys_are_named_rebindable_and_the_reader_works_beneath() {
        use crate::action::CaretCommand;
        let none = KeyModifiers::NONE;
        let caret = |k: &Keymap, c| k.resolve(Context::Caret, &press(KeyCode::Char(c), none));
        assert_eq!(
            caret(keymap(), 'w'),
            Some(Action::Caret(CaretCommand::WordForward))
        );
        assert_eq!(
            caret(keymap(), 'n'),
            Some(Action::NextClaim),
            "the reader's n"
        );
        assert_eq!(caret(keymap(), 'q'), Some(Action::Quit), "global q");
        assert_eq!(
            action_name(&Action::Caret(CaretCommand::WordForward)).as_deref(),
            Some("caret-word-forward")
        );
        assert_eq!(
            toml::from_str::<std::collections::BTreeMap<String, Action>>(r#""W" = "caret-top""#)
                .ok()
                .and_then(|m| m.get("W").cloned()),
            Some(Action::Caret(CaretCommand::Top))
        );
        let rebound = Keymap::default().rebound(&[crate::config::Rebinding {
            context: "caret".into(),
            key: "W".into(),
            canonical: "W".into(),
            action: Some("caret-word-forward".into()),
        }]);
        assert_eq!(
            caret(&rebound, 'W'),
            Some(Action::Caret(CaretCommand::WordForward))
        );
        assert_eq!(
            rebound.key_for(Context::Caret, &Action::Caret(CaretCommand::WordForward)),
            "W"
        );
        // Help lists the caret's keys, then the reader's it leaves free.
        let listed = keymap().bindings_for(Context::Caret);
        assert_eq!(listed[0].context, Context::Caret);
        assert!(listed.iter().any(|b| b.action == Action::NextClaim));
        assert!(
            !listed
                .iter()
                .any(|b| b.context != Context::Caret && b.keys.contains(&"b".parse().unwrap())),
            "b is the caret's (page-up beneath)"
        );
    }
}
