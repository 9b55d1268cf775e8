//! A key with modifiers, written and read by one parser: `ctrl-d`, `shift-tab`, `G`, `space`,
//! `pagedown`, `f1`. The same text names keys in the default table's tests, in `tests/keys.rs`,
//! and in a user's config.
//!
//! How it reads: modifiers (`ctrl-`, `alt-`, `shift-`) and key names in any case (`Ctrl-`,
//! `PageDown`), with the usual other spellings of a name (`page-down`, `pgdn`, `escape`,
//! `return`). A single character is itself, so `G` is shift-g; but after `ctrl-` a letter's
//! case is ignored (`Ctrl-F` is ctrl-f, as in vim): terminals send the same byte for both,
//! so a binding to a "ctrl-capital" would never fire. Ctrl with shift is `ctrl-shift-f`,
//! for the terminals that can tell.

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with modifiers, comparable with crossterm's events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

/// Named keys and how they are written; a name not here is a single character.
pub(super) const NAMES: &[(&str, KeyCode)] = &[
    ("space", KeyCode::Char(' ')),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
];

/// Other spellings of named keys, read but never printed.
const ALIASES: &[(&str, KeyCode)] = &[
    ("page-down", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
    ("page-up", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("escape", KeyCode::Esc),
    ("return", KeyCode::Enter),
    ("del", KeyCode::Delete),
    ("ins", KeyCode::Insert),
];

/// Modifier prefixes, in the order they are printed.
const MODIFIERS: &[(&str, KeyModifiers)] = &[
    ("ctrl", KeyModifiers::CONTROL),
    ("alt", KeyModifiers::ALT),
    ("shift", KeyModifiers::SHIFT),
];

impl Key {
    pub const fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        Self { code, mods }
    }

    /// Whether a terminal's key event is this key. Shifted letters arrive as uppercase chars,
    /// sometimes with SHIFT set, and Shift-Tab as `BackTab` with SHIFT: the shift is already in
    /// the code, so the flag is ignored for those.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mods = if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            event.modifiers - KeyModifiers::SHIFT
        } else {
            event.modifiers
        };
        self.code == event.code && self.mods == mods
    }

    /// The key as help and the hint bar show it: `Ctrl-f`, `PgDn`, `Space`, `↓`, `S-Tab`.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::BackTab => "S-Tab".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        for (prefix, modifier) in [
            ("Ctrl-", KeyModifiers::CONTROL),
            ("Alt-", KeyModifiers::ALT),
            ("Shift-", KeyModifiers::SHIFT),
        ] {
            if self.mods.contains(modifier) {
                label.push_str(prefix);
            }
        }
        label + &name
    }

    /// The key event a terminal sends for this key.
    pub fn event(self) -> KeyEvent {
        let mods = if self.code == KeyCode::BackTab {
            self.mods | KeyModifiers::SHIFT
        } else {
            self.mods
        };
        KeyEvent::new(self.code, mods)
    }
}

/// Why a key's text does not name a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseKeyError(pub String);

impl fmt::Display for ParseKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a key: write a character, a name like 'enter', 'pagedown' or 'f1', \
             with 'ctrl-', 'alt-' or 'shift-' before it if needed",
            self.0
        )
    }
}

impl std::error::Error for ParseKeyError {}

impl FromStr for Key {
    type Err = ParseKeyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseKeyError(text.to_owned());
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        // "-" alone and "ctrl--" name the minus key: a prefix needs something after it.
        'prefixes: loop {
            for &(name, modifier) in MODIFIERS {
                let prefix = rest
                    .get(..name.len())
                    .filter(|p| p.eq_ignore_ascii_case(name));
                if let Some(after) = prefix.and_then(|p| rest[p.len()..].strip_prefix('-'))
                    && !after.is_empty()
                {
                    mods |= modifier;
                    rest = after;
                    continue 'prefixes;
                }
            }
            break;
        }
        let lower = rest.to_ascii_lowercase();
        let named = NAMES.iter().chain(ALIASES).find(|(n, _)| *n == lower);
        let mut code = if let Some(&(_, code)) = named {
            code
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=24).contains(&n) {
                return Err(error());
            }
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return Err(error()),
            }
        };
        // Ctrl folds a letter's case (see the module's comment): ctrl-F is ctrl-f.
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::CONTROL)
            && c.is_ascii_uppercase()
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
        }
        // Shift-Tab is its own key code; a shifted letter is its capital.
        if mods.contains(KeyModifiers::SHIFT) {
            match code {
                KeyCode::Tab | KeyCode::BackTab => {
                    code = KeyCode::BackTab;
                    mods -= KeyModifiers::SHIFT;
                }
                KeyCode::Char(c) if c.is_alphabetic() => {
                    code = KeyCode::Char(c.to_uppercase().next().unwrap_or(c));
                    mods -= KeyModifiers::SHIFT;
                }
                _ => {}
            }
        }
        Ok(Self { code, mods })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A capital under ctrl is written with shift: "ctrl-F" would read back as ctrl-f.
        let (code, mods) = match self.code {
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) && c.is_uppercase() => {
                let lower = c.to_lowercase().next().unwrap_or(c);
                (KeyCode::Char(lower), self.mods | KeyModifiers::SHIFT)
            }
            code => (code, self.mods),
        };
        for &(name, modifier) in MODIFIERS {
            if mods.contains(modifier) {
                write!(f, "{name}-")?;
            }
        }
        match code {
            KeyCode::BackTab => write!(f, "shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMES.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => match code {
                    KeyCode::Char(c) => write!(f, "{c}"),
                    other => write!(f, "{other:?}"),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Key {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn reads_the_forms_a_config_uses() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            parse("ctrl-d"),
            Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(parse("shift-tab"), Key::new(KeyCode::BackTab, none));
        assert_eq!(parse("G"), Key::new(KeyCode::Char('G'), none));
        assert_eq!(parse("shift-g"), Key::new(KeyCode::Char('G'), none));
        assert_eq!(parse("space"), Key::new(KeyCode::Char(' '), none));
        assert_eq!(parse("pagedown"), Key::new(KeyCode::PageDown, none));
        assert_eq!(parse("PageDown"), Key::new(KeyCode::PageDown, none));
        assert_eq!(parse("f1"), Key::new(KeyCode::F(1), none));
        assert_eq!(parse("-"), Key::new(KeyCode::Char('-'), none));
        assert_eq!(
            parse("ctrl--"),
            Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert_eq!(parse("漢"), Key::new(KeyCode::Char('漢'), none));
        assert_eq!(
            parse("ctrl-alt-x"),
            Key::new(
                KeyCode::Char('x'),
                KeyModifiers::CONTROL | KeyModifiers::ALT
            )
        );
    }

    #[test]
    fn reads_modifiers_in_any_case_and_the_usual_other_names() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        for (text, key) in [
            ("Ctrl-f", Key::new(KeyCode::Char('f'), ctrl)),
            ("CTRL-f", Key::new(KeyCode::Char('f'), ctrl)),
            // Ctrl ignores a letter's case: terminals send ctrl-F as ctrl-f.
            ("Ctrl-F", Key::new(KeyCode::Char('f'), ctrl)),
            ("ctrl-shift-f", Key::new(KeyCode::Char('F'), ctrl)),
            ("Alt-X", Key::new(KeyCode::Char('X'), KeyModifiers::ALT)),
            ("SHIFT-Tab", Key::new(KeyCode::BackTab, none)),
            ("page-down", Key::new(KeyCode::PageDown, none)),
            ("PgDn", Key::new(KeyCode::PageDown, none)),
            ("pgup", Key::new(KeyCode::PageUp, none)),
            ("page-up", Key::new(KeyCode::PageUp, none)),
            ("ctrl-page-down", Key::new(KeyCode::PageDown, ctrl)),
            ("Escape", Key::new(KeyCode::Esc, none)),
            ("esc", Key::new(KeyCode::Esc, none)),
            ("return", Key::new(KeyCode::Enter, none)),
        ] {
            assert_eq!(parse(text), key, "{text}");
        }
        // Each is printed in one spelling that reads back to it.
        assert_eq!(parse("PgDn").to_string(), "pagedown");
        assert_eq!(parse("Ctrl-F").to_string(), "ctrl-f");
        assert_eq!(parse("ctrl-shift-f").to_string(), "ctrl-shift-f");
        assert_eq!(
            parse("ctrl-shift-f"),
            parse(&parse("ctrl-shift-f").to_string())
        );
    }

    #[test]
    fn rejects_what_is_not_a_key() {
        for bad in ["", "ctrl-", "pgdwn", "f0", "f25", "hyper-x", "ab", "ctl-f"] {
            assert!(bad.parse::<Key>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn prints_what_it_reads() {
        for text in [
            "ctrl-d",
            "shift-tab",
            "G",
            "space",
            "pagedown",
            "f1",
            "esc",
            "enter",
            "up",
            "/",
            "alt-x",
            "ctrl-alt-x",
            "ctrl--",
            "home",
            "backspace",
        ] {
            assert_eq!(parse(text).to_string(), text);
        }
    }

    #[test]
    fn a_parsed_key_matches_the_event_a_terminal_sends_for_it() {
        for text in ["ctrl-d", "shift-tab", "G", "space", "pagedown", "f1", "esc"] {
            let key = parse(text);
            assert!(key.matches(&key.event()), "{text}");
        }
        // Terminals differ on the shift flag of a capital; both forms match.
        let g = parse("G");
        assert!(g.matches(&KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)));
        assert!(!g.matches(&KeyEvent::new(KeyCode::Char('g'), KeyModifiers::NONE)));
    }
}
