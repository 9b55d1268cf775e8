//! A user's bindings over the default table: the keymap answers the config's questions
//! (contexts, action names, how a key is written) as its [`KeyVocabulary`], then applies the
//! bindings that passed them. Action names are serde's kebab-case names (`page-down`).

use std::borrow::Cow;
use std::sync::LazyLock;

use super::{BINDINGS, Binding, Context, Key, Keymap};
use crate::action::Action;
use crate::config::{KeyVocabulary, Rebinding};

impl Context {
    /// Every context, in the order a config prints them.
    pub const ALL: [Self; 13] = [
        Self::Global,
        Self::Reader,
        Self::Claims,
        Self::Debate,
        Self::Search,
        Self::Find,
        Self::Detail,
        Self::Help,
        Self::Marks,
        Self::Note,
        Self::Picker,
        Self::Links,
        Self::Caret,
    ];

    /// The context's name in `[keys.<context>]`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Reader => "reader",
            Self::Claims => "claims",
            Self::Debate => "debate",
            Self::Search => "search",
            Self::Find => "find",
            Self::Detail => "detail",
            Self::Help => "help",
            Self::Marks => "marks",
            Self::Note => "note",
            Self::Picker => "picker",
            Self::Links => "links",
            Self::Caret => "caret",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Every action the default table binds that has a name (the digit row's does not), with it.
static NAMED: LazyLock<Vec<(Action, String)>> = LazyLock::new(|| {
    let mut named: Vec<(Action, String)> = Vec::new();
    for b in BINDINGS {
        if let Some(name) = action_name(&b.action)
            && !named.iter().any(|(a, _)| *a == b.action)
        {
            named.push((b.action.clone(), name));
        }
    }
    named
});

/// An action's name as a config writes it; `None` for actions that carry data.
pub fn action_name(action: &Action) -> Option<String> {
    match serde_json::to_value(action) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

fn action_named(name: &str) -> Option<Action> {
    NAMED
        .iter()
        .find(|(_, n)| n == name)
        .map(|(a, _)| a.clone())
}

impl Keymap {
    /// The names of the actions a context can bind: its own, and (outside `global`) the ones
    /// that work everywhere, which a context may give keys of its own.
    fn action_names(&self, context: Context) -> Vec<&'static str> {
        let bound = |c: Context| {
            self.bindings
                .iter()
                .filter(move |b| b.context == c)
                .map(|b| b.action.clone())
        };
        let mut actions: Vec<Action> = bound(context).collect();
        if context != Context::Global {
            actions.extend(bound(Context::Global));
        }
        let mut names: Vec<&'static str> = Vec::new();
        for action in actions {
            if let Some((_, name)) = NAMED.iter().find(|(a, _)| *a == action)
                && !names.contains(&name.as_str())
            {
                names.push(name.as_str());
            }
        }
        names
    }

    /// The keymap with a config's bindings applied, in order: each key is first taken from
    /// whatever its context bound it to, then given to its action (first among the action's
    /// keys, so hints show it), or left unbound for `none`. Bindings that name what this
    /// keymap does not know are skipped: [`crate::config::Loaded::check_bindings`] has
    /// reported them already.
    #[must_use]
    pub fn rebound(mut self, rebindings: &[Rebinding]) -> Self {
        for r in rebindings {
            let (Some(context), Ok(key)) = (Context::from_name(&r.context), r.canonical.parse())
            else {
                continue;
            };
            let action = match &r.action {
                Some(name) => match action_named(name) {
                    Some(action) => Some(action),
                    None => continue,
                },
                None => None,
            };
            // A key given the action it has already: nothing changes (a printed config read
            // back keeps the table as it was).
            let already = self.bindings.iter().any(|b| {
                b.context == context && Some(&b.action) == action.as_ref() && b.keys.contains(&key)
            });
            if already {
                continue;
            }
            self.unbind(context, key);
            self.blocked.retain(|&(c, k)| (c, k) != (context, key));
            match action {
                Some(action) => self.bind(context, key, action),
                // `none` in a context unbinds a key there even if `global` binds it.
                None if context != Context::Global => self.blocked.push((context, key)),
                None => {}
            }
        }
        self
    }

    fn unbind(&mut self, context: Context, key: Key) {
        for b in self.bindings.iter_mut().filter(|b| b.context == context) {
            if b.keys.contains(&key) {
                b.keys = b.keys.iter().copied().filter(|k| *k != key).collect();
            }
        }
        self.bindings.retain(|b| !b.keys.is_empty());
    }

    fn bind(&mut self, context: Context, key: Key, action: Action) {
        if let Some(b) = self
            .bindings
            .iter_mut()
            .find(|b| b.context == context && b.action == action)
        {
            b.keys.to_mut().insert(0, key);
            return;
        }
        // An action of `global` given a key of its own in another context: a row of that
        // context, after its others, with the global row's description.
        let help = self
            .bindings
            .iter()
            .find(|b| b.action == action)
            .map_or("", |b| b.help);
        let row = Binding {
            context,
            keys: Cow::Owned(vec![key]),
            action,
            help,
            hint: None,
        };
        let at = self
            .bindings
            .iter()
            .rposition(|b| b.context == context)
            .map_or(self.bindings.len(), |i| i + 1);
        self.bindings.insert(at, row);
    }
}

impl KeyVocabulary for Keymap {
    fn contexts(&self) -> Vec<&str> {
        Context::ALL.into_iter().map(Context::name).collect()
    }

    fn actions(&self, context: &str) -> Vec<&str> {
        Context::from_name(context).map_or_else(Vec::new, |c| self.action_names(c))
    }

    fn canonical_key(&self, key: &str) -> Result<String, String> {
        key.parse::<Key>()
            .map(|k| k.to_string())
            .map_err(|_| "write a character, or a name such as 'enter' or 'pagedown'".to_owned())
    }

    fn key_names(&self) -> Vec<&str> {
        super::key::NAMES.iter().map(|(name, _)| *name).collect()
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::config::keys::check;

    fn rebind(context: &str, key: &str, action: Option<&str>) -> Rebinding {
        Rebinding {
            context: context.into(),
            key: key.into(),
            canonical: key
                .parse::<Key>()
                .map(|k| k.to_string())
                .unwrap_or_default(),
            action: action.map(Into::into),
        }
    }

    fn press(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_key_moves_to_the_action_it_is_given() {
        let keymap = Keymap::default().rebound(&[rebind("reader", "x", Some("next-claim"))]);
        assert_eq!(
            keymap.resolve(Context::Reader, &press('x')),
            Some(Action::NextClaim)
        );
        // The old key still works, and the new one comes first in hints and help.
        assert_eq!(
            keymap.resolve(Context::Reader, &press('n')),
            Some(Action::NextClaim)
        );
        assert_eq!(keymap.key_for(Context::Reader, &Action::NextClaim), "x");
    }

    #[test]
    fn none_unbinds_and_a_key_taken_from_another_action_leaves_it() {
        let keymap = Keymap::default().rebound(&[
            rebind("global", "q", None),
            rebind("global", "j", Some("up")),
        ]);
        assert_eq!(keymap.resolve(Context::Reader, &press('q')), None);
        assert_eq!(
            keymap.resolve(Context::Reader, &press('j')),
            Some(Action::Up)
        );
        let down = keymap
            .bindings_for(Context::Reader)
            .into_iter()
            .find(|b| b.action == Action::Down)
            .map(Binding::label);
        assert_eq!(down.as_deref(), Some("↓"));
    }

    #[test]
    fn none_in_a_context_unbinds_a_global_key_there_only() {
        let keymap = Keymap::default().rebound(&[rebind("reader", "q", None)]);
        assert_eq!(keymap.resolve(Context::Reader, &press('q')), None);
        assert_eq!(
            keymap.resolve(Context::Claims, &press('q')),
            Some(Action::Quit)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            keymap.resolve(Context::Reader, &ctrl_c),
            Some(Action::Quit),
            "the action's other key still works"
        );
        // The prompt still types it, and giving it an action again binds it.
        let typing = Keymap::default().rebound(&[rebind("search", "q", None)]);
        assert_eq!(
            typing.resolve(Context::Search, &press('q')),
            Some(Action::SearchInput('q'))
        );
        let again = Keymap::default().rebound(&[
            rebind("reader", "q", None),
            rebind("reader", "q", Some("next-claim")),
        ]);
        assert_eq!(
            again.resolve(Context::Reader, &press('q')),
            Some(Action::NextClaim)
        );
    }

    #[test]
    fn a_global_action_gets_a_key_in_one_context_only() {
        let keymap = Keymap::default().rebound(&[rebind("claims", "ctrl-n", Some("down"))]);
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(keymap.resolve(Context::Claims, &ctrl_n), Some(Action::Down));
        assert_ne!(keymap.resolve(Context::Reader, &ctrl_n), Some(Action::Down));
    }

    #[test]
    fn the_keymap_checks_a_config_as_its_vocabulary() {
        let keymap = Keymap::default();
        assert!(keymap.actions("reader").contains(&"page-down"));
        assert!(keymap.actions("reader").contains(&"next-claim"));
        assert!(!keymap.actions("global").contains(&"next-claim"));
        assert_eq!(keymap.canonical_key("Ctrl-F").as_deref(), Ok("ctrl-f"));
        assert_eq!(keymap.canonical_key("PageDown").as_deref(), Ok("pagedown"));
        assert_eq!(keymap.canonical_key("pgdn").as_deref(), Ok("pagedown"));
        let entry = crate::config::BindingEntry {
            context: "reader".into(),
            context_span: 0..1,
            key: "ctrl-f".into(),
            key_span: 0..1,
            action: Some("page-dwon".into()),
            action_span: 0..1,
        };
        let (ok, problems) = check(&[entry], &keymap);
        assert!(ok.is_empty());
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean 'page-down'?")
        );
    }
}
