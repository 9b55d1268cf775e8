//! Key bindings as a config writes them (`[keys.<context>]`, `"ctrl-f" = "page-down"`), kept as
//! strings with their places in the file, and checked against the keymap's vocabulary: the
//! contexts, the action names of each, and how a key string is read.
//!
//! The keymap owns the vocabulary; this module only needs it through [`KeyVocabulary`], so the
//! config can be read before the keymap exists and checked once it does.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::Diagnostic;

use super::suggest::{help_for, suggest};

/// One line of a `[keys.<context>]` table, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingEntry {
    pub context: String,
    pub context_span: Range<usize>,
    pub key: String,
    pub key_span: Range<usize>,
    /// The action's name; `None` unbinds the key (`"none"` or `""`).
    pub action: Option<String>,
    pub action_span: Range<usize>,
}

/// What the keymap knows, for checking bindings and suggesting fixes.
pub trait KeyVocabulary {
    /// The names of the contexts that `[keys.<context>]` may name.
    fn contexts(&self) -> Vec<&str>;
    /// The action names valid in `context` (one of [`contexts`](Self::contexts)).
    fn actions(&self, context: &str) -> Vec<&str>;
    /// The key string in one canonical spelling (so that two spellings of one key are seen
    /// to be the same), or what is wrong with it.
    fn canonical_key(&self, key: &str) -> Result<String, String>;
    /// Key names to suggest from when a key string does not parse ("page-down", "enter"…).
    fn key_names(&self) -> Vec<&str>;
}

/// A binding that passed every check, for the keymap to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub context: String,
    /// The key as written.
    pub key: String,
    /// The key in the vocabulary's canonical spelling.
    pub canonical: String,
    /// `None` unbinds the key.
    pub action: Option<String>,
}

/// The bindings that hold, and a diagnostic for each that does not: unknown context, key or
/// action (with "did you mean"), and a key bound twice in one context (the first one stays).
pub fn check(
    entries: &[BindingEntry],
    vocabulary: &dyn KeyVocabulary,
) -> (Vec<Rebinding>, Vec<Diagnostic>) {
    let contexts = vocabulary.contexts();
    let mut diagnostics = Vec::new();
    let mut reported_contexts: Vec<&str> = Vec::new();
    // (context, canonical key) → where it was first bound.
    let mut first_binding: HashMap<(&str, String), Range<usize>> = HashMap::new();
    let mut rebindings = Vec::new();
    for entry in entries {
        let context = entry.context.as_str();
        if !contexts.contains(&context) {
            if !reported_contexts.contains(&context) {
                reported_contexts.push(context);
                diagnostics.push(
                    Diagnostic::new(format!("unknown key context '{context}'"))
                        .at(entry.context_span.clone(), "not a context")
                        .help(help_for(context, "the contexts are", &contexts)),
                );
            }
            continue;
        }
        let canonical = match vocabulary.canonical_key(&entry.key) {
            Ok(canonical) => canonical,
            Err(why) => {
                diagnostics.push(bad_key(entry, &why, vocabulary));
                continue;
            }
        };
        if let Some(action) = &entry.action {
            let actions = vocabulary.actions(context);
            if !actions.contains(&action.as_str()) {
                diagnostics.push(unknown_action(entry, action, &actions, vocabulary));
                continue;
            }
        }
        if let Some(first) = first_binding.get(&(context, canonical.clone())) {
            diagnostics.push(
                Diagnostic::new(format!(
                    "'{}' is bound twice in [keys.{context}]",
                    entry.key
                ))
                .at(entry.key_span.clone(), "bound again here")
                .also(first.clone(), "first bound here")
                .help(
                    "a key does one thing per context; the first binding is kept, delete the other",
                ),
            );
            continue;
        }
        first_binding.insert((context, canonical.clone()), entry.key_span.clone());
        rebindings.push(Rebinding {
            context: entry.context.clone(),
            key: entry.key.clone(),
            canonical,
            action: entry.action.clone(),
        });
    }
    (rebindings, diagnostics)
}

fn bad_key(entry: &BindingEntry, why: &str, vocabulary: &dyn KeyVocabulary) -> Diagnostic {
    let diagnostic = Diagnostic::new(format!("'{}' is not a key: {why}", entry.key))
        .at(entry.key_span.clone(), "not a key");
    match suggest_key(&entry.key, vocabulary) {
        Some(key) => diagnostic.help(format!("did you mean '{key}'?")),
        None => diagnostic.help(
            "write a key as a character (\"j\", \"?\") or a name (\"enter\", \"page-down\"), \
             after modifiers such as \"ctrl-\" or \"alt-\"",
        ),
    }
}

/// The modifiers a key may start with, for suggestions ("ctl-f" → "ctrl-f").
const MODIFIERS: [&str; 3] = ["ctrl", "alt", "shift"];

/// A key the vocabulary accepts that is close to `key`: the part after some modifiers is
/// compared with the key names, the modifiers kept ("ctrl-pagedwn" → "ctrl-pagedown"); else
/// each word before the last is compared with the modifiers ("ctl-f" → "ctrl-f", "cntrl-
/// pgdwn" → "ctrl-pagedown").
fn suggest_key(key: &str, vocabulary: &dyn KeyVocabulary) -> Option<String> {
    let names = vocabulary.key_names();
    let accepted = |candidate: String| {
        vocabulary
            .canonical_key(&candidate)
            .is_ok()
            .then_some(candidate)
    };
    let with_name = |key: &str| {
        let mut splits = std::iter::once(0).chain(key.match_indices('-').map(|(i, _)| i + 1));
        splits.find_map(|at| {
            let (prefix, rest) = key.split_at_checked(at)?;
            let name = suggest(rest, names.iter().copied())?;
            accepted(format!("{prefix}{name}"))
        })
    };
    if let Some(candidate) = with_name(key) {
        return Some(candidate);
    }
    let (prefixes, last) = key.rsplit_once('-')?;
    let mut changed = false;
    let prefixes: Vec<&str> = prefixes
        .split('-')
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            match suggest(&lower, MODIFIERS) {
                Some(m) if !MODIFIERS.contains(&lower.as_str()) => {
                    changed = true;
                    m
                }
                _ => word,
            }
        })
        .collect();
    if !changed {
        return None;
    }
    let fixed = format!("{}-{last}", prefixes.join("-"));
    accepted(fixed.clone()).or_else(|| with_name(&fixed))
}

fn unknown_action(
    entry: &BindingEntry,
    action: &str,
    actions: &[&str],
    vocabulary: &dyn KeyVocabulary,
) -> Diagnostic {
    let context = entry.context.as_str();
    let diagnostic = Diagnostic::new(format!("unknown action '{action}' in [keys.{context}]"))
        .at(entry.action_span.clone(), "no such action here");
    if let Some(s) = suggest(action, actions.iter().copied()) {
        return diagnostic.help(format!("did you mean '{s}'?"));
    }
    let elsewhere: Vec<&str> = vocabulary
        .contexts()
        .into_iter()
        .filter(|&c| c != context && vocabulary.actions(c).contains(&action))
        .collect();
    if let Some(other) = elsewhere.first() {
        return diagnostic.help(format!(
            "'{action}' is an action of [keys.{other}], not of [keys.{context}]"
        ));
    }
    diagnostic.help(format!(
        "the actions of [keys.{context}] are: {}; \"none\" unbinds the key",
        actions.join(", ")
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small vocabulary: keys are a character or a name, after "ctrl-" or "alt-".
    pub(crate) struct TestVocabulary;

    const NAMES: &[&str] = &["enter", "esc", "page-down", "page-up", "tab", "space"];

    impl KeyVocabulary for TestVocabulary {
        fn contexts(&self) -> Vec<&str> {
            vec!["global", "reader", "claims"]
        }
        fn actions(&self, context: &str) -> Vec<&str> {
            match context {
                "claims" => vec!["open", "down", "up"],
                _ => vec!["down", "up", "page-down", "quit"],
            }
        }
        fn canonical_key(&self, key: &str) -> Result<String, String> {
            let mut rest = key.to_lowercase();
            let mut mods = Vec::new();
            for (prefix, name) in [("ctrl-", "ctrl"), ("c-", "ctrl"), ("alt-", "alt")] {
                if let Some(r) = rest.strip_prefix(prefix) {
                    mods.push(name);
                    rest = r.to_owned();
                }
            }
            if rest.chars().count() == 1 || NAMES.contains(&rest.as_str()) {
                mods.push(&rest);
                Ok(mods.join("-"))
            } else {
                Err(format!("no key is called '{rest}'"))
            }
        }
        fn key_names(&self) -> Vec<&str> {
            NAMES.to_vec()
        }
    }

    fn entry(context: &str, key: &str, action: Option<&str>) -> BindingEntry {
        BindingEntry {
            context: context.into(),
            context_span: 0..1,
            key: key.into(),
            key_span: 2..3,
            action: action.map(Into::into),
            action_span: 4..5,
        }
    }

    #[test]
    fn good_bindings_pass_and_unbinding_is_kept() {
        let entries = [
            entry("reader", "ctrl-f", Some("page-down")),
            entry("claims", "x", None),
        ];
        let (ok, problems) = check(&entries, &TestVocabulary);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].canonical, "ctrl-f");
        assert_eq!(ok[1].action, None);
    }

    #[test]
    fn two_spellings_of_one_key_conflict() {
        let entries = [
            entry("reader", "ctrl-f", Some("down")),
            entry("reader", "C-f", Some("up")),
        ];
        let (ok, problems) = check(&entries, &TestVocabulary);
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].action.as_deref(), Some("down"), "the first stays");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("bound twice"));
        assert_eq!(problems[0].secondary.len(), 1);
        // The same key in two contexts is no conflict.
        let entries = [
            entry("reader", "x", Some("down")),
            entry("claims", "x", Some("open")),
        ];
        assert!(check(&entries, &TestVocabulary).1.is_empty());
    }

    #[test]
    fn suggestions_for_contexts_keys_and_actions() {
        let help = |e: BindingEntry| {
            let (_, problems) = check(&[e], &TestVocabulary);
            problems[0].help.clone().unwrap_or_default()
        };
        assert_eq!(
            help(entry("raeder", "j", Some("down"))),
            "did you mean 'reader'?"
        );
        assert_eq!(
            help(entry("reader", "ctrl-pagedown", Some("down"))),
            "did you mean 'ctrl-page-down'?"
        );
        assert_eq!(
            help(entry("reader", "entr", Some("down"))),
            "did you mean 'enter'?"
        );
        assert_eq!(
            help(entry("reader", "ctl-f", Some("down"))),
            "did you mean 'ctrl-f'?"
        );
        assert_eq!(
            help(entry("reader", "cntrl-pagedwn", Some("down"))),
            "did you mean 'ctrl-page-down'?"
        );
        assert_eq!(
            help(entry("reader", "j", Some("pgae-down"))),
            "did you mean 'page-down'?"
        );
        assert_eq!(
            help(entry("reader", "j", Some("open"))),
            "'open' is an action of [keys.claims], not of [keys.reader]"
        );
        assert!(
            help(entry("reader", "j", Some("fly")))
                .starts_with("the actions of [keys.reader] are: down")
        );
    }

    #[test]
    fn an_unknown_context_is_reported_once() {
        let entries = [
            entry("nowhere", "a", Some("down")),
            entry("nowhere", "b", Some("up")),
        ];
        let (ok, problems) = check(&entries, &TestVocabulary);
        assert!(ok.is_empty());
        assert_eq!(problems.len(), 1);
    }
}
