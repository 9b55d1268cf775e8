//! The configuration in effect as commented TOML (`debate config`): every setting with its
//! value and what it does, so that the output is both documentation and a file to start from.

use std::fmt::Write as _;

use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use crate::model::diagnostic::one_line;

use super::color::{Role, color_value};
use super::{Config, READING_WIDTHS, ThemeName, location};

/// One binding of the keymap in effect, as plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BindingDoc<'a> {
    /// The context's name as `[keys.<context>]` writes it.
    pub context: &'a str,
    /// The key string, in a spelling the config accepts.
    pub key: &'a str,
    /// The action's name.
    pub action: &'a str,
    /// What the action does, one line.
    pub help: &'a str,
}

/// What the reader draws with the config: the colours of the roles, and why there are none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The active theme's colour of each role that has one, overrides applied; a role
    /// missing here (a theme without colour) is printed commented out.
    pub colors: Vec<(Role, Color)>,
    /// `NO_COLOR` is set: the reader draws `mono` whatever the theme.
    pub no_color: bool,
    /// The theme is `mono`, which draws no colour: overrides are not used.
    pub mono: bool,
}

/// The effective configuration as commented TOML that reads back to the same settings.
///
/// `bindings` are the keymap in effect, in the order to print them; they are grouped by
/// context in order of first appearance.
pub fn effective_toml(config: &Config, drawn: &Drawn, bindings: &[BindingDoc<'_>]) -> String {
    let mut out = String::new();
    let config_path = format!("~/.config/debate/{}", location::FILE_NAME);
    let themes: Vec<&str> = ThemeName::ALL.into_iter().map(ThemeName::name).collect();
    let _ = write!(
        out,
        "# debate: the configuration in effect.\n\
         # Save it as {config_path} (or pass --config FILE, or set {}) and edit\n\
         # what you want to change. Every setting is optional: a line left out keeps its default.\n\
         \n\
         # Colour theme: {}. \"auto\" picks light or dark from the\n\
         # terminal's background; \"mono\" uses no colour, only bold, underline and reverse.\n\
         {}theme = \"{}\"\n\
         \n\
         # The reading column's maximum width, in columns ({}-{}).\n\
         reading-width = {}\n\
         \n\
         # Show the claims in view in a margin beside the text, on wide screens.\n\
         margin = {}\n\
         \n\
         # Capture the mouse: the wheel scrolls and a click selects. With false, the terminal's\n\
         # own text selection and copying work instead.\n\
         mouse = {}\n",
        location::ENV_VAR,
        themes.join(", "),
        if drawn.no_color {
            "# NO_COLOR is set: the reader draws \"mono\" (no colour) whatever this says.\n"
        } else {
            ""
        },
        config.theme.name(),
        READING_WIDTHS.start(),
        READING_WIDTHS.end(),
        config.reading_width,
        config.margin,
        config.mouse,
    );

    out.push_str(
        "\n# Colours by role: \"#rrggbb\", a name (\"red\", \"bright-blue\", \"default\" for the\n\
         # terminal's own) or a palette index 0-255. Each overrides the theme's colour.\n\
         [colors]\n",
    );
    if drawn.no_color || drawn.mono {
        let why = if drawn.no_color {
            "NO_COLOR is set"
        } else {
            "the theme is \"mono\""
        };
        let _ = writeln!(
            out,
            "# No colour is drawn ({why}): these are kept, not used."
        );
    }
    let lines: Vec<(String, String)> = Role::ALL
        .into_iter()
        .map(|role| {
            let drawn_color = drawn.colors.iter().find(|(r, _)| *r == role);
            match (drawn_color, config.colors.get(&role)) {
                (Some(&(_, c)), _) => (
                    format!("{} = {}", role.name(), color_value(c)),
                    role.description().to_owned(),
                ),
                // The file sets it, but nothing is drawn in colour: kept as it is, so that the
                // printout saved as a config loses nothing when colour comes back.
                (None, Some(&c)) => (
                    format!("{} = {}", role.name(), color_value(c)),
                    format!("{} (not drawn: no colour)", role.description()),
                ),
                (None, None) => (
                    format!("# {} = \"default\"", role.name()),
                    role.description().to_owned(),
                ),
            }
        })
        .collect();
    let lines: Vec<(String, &str)> = lines.iter().map(|(l, c)| (l.clone(), c.as_str())).collect();
    aligned(&mut out, &lines);

    out.push_str("\n# Key bindings by context: \"key\" = \"action\". \"none\" unbinds a key.\n");
    let mut contexts: Vec<&str> = Vec::new();
    for b in bindings {
        if !contexts.contains(&b.context) {
            contexts.push(b.context);
        }
    }
    for context in contexts {
        let _ = writeln!(out, "\n[keys.{}]", toml_key(context));
        let mut seen: Vec<&str> = Vec::new();
        let lines: Vec<(String, &str)> = bindings
            .iter()
            .filter(|b| b.context == context)
            // A key appears once per table in TOML: a repeated one would make the file invalid.
            .filter(|b| {
                let fresh = !seen.contains(&b.key);
                seen.push(b.key);
                fresh
            })
            .map(|b| (format!("{} = {}", quoted(b.key), quoted(b.action)), b.help))
            .collect();
        aligned(&mut out, &lines);
    }
    out
}

/// Writes `line  # comment` rows with the comments in one column.
fn aligned(out: &mut String, lines: &[(String, &str)]) {
    let width = lines.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (line, comment) in lines {
        let comment = one_line(comment.trim());
        if comment.is_empty() {
            let _ = writeln!(out, "{line}");
        } else {
            let pad = width - line.width();
            let _ = writeln!(out, "{line}{:pad$}  # {comment}", "");
        }
    }
}

/// A TOML string, quoted and escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A TOML key: bare when it can be, quoted otherwise.
fn toml_key(text: &str) -> String {
    let bare = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare { text.to_owned() } else { quoted(text) }
}

#[cfg(test)]
mod tests {
    use super::super::keys::tests::TestVocabulary;
    use super::super::parse;
    use super::*;

    fn docs() -> Vec<BindingDoc<'static>> {
        let doc = |context, key, action, help| BindingDoc {
            context,
            key,
            action,
            help,
        };
        vec![
            doc("global", "ctrl-f", "page-down", "Page down"),
            doc("global", "\"", "quit", "A key that needs escaping"),
            doc("reader", "j", "down", "Move down\nsecond line"),
            doc("claims", "enter", "open", ""),
            doc("reader", "j", "up", "a repeat, left out"),
        ]
    }

    #[test]
    fn the_output_reads_back_to_the_same_settings() {
        let mut config = Config {
            theme: ThemeName::Light,
            reading_width: 72,
            margin: false,
            mouse: false,
            ..Config::default()
        };
        config.colors.insert(Role::Notes, Color::Rgb(1, 2, 3));
        let drawn = Drawn {
            colors: vec![
                (Role::Notes, Color::Rgb(1, 2, 3)),
                (Role::Supports, Color::Green),
                (Role::Chrome, Color::Indexed(240)),
            ],
            ..Drawn::default()
        };
        let text = effective_toml(&config, &drawn, &docs());
        let mut loaded = parse("effective.toml", &text);
        let rebindings = loaded.check_bindings(&TestVocabulary);
        assert!(
            loaded.report.is_clean(),
            "{}\n{text}",
            loaded.report.render(false)
        );
        let read = loaded.config;
        assert_eq!(read.theme, ThemeName::Light);
        assert_eq!(
            (read.reading_width, read.margin, read.mouse),
            (72, false, false)
        );
        assert_eq!(read.colors.get(&Role::Notes), Some(&Color::Rgb(1, 2, 3)));
        assert_eq!(read.colors.get(&Role::Supports), Some(&Color::Green));
        assert_eq!(read.colors.get(&Role::Chrome), Some(&Color::Indexed(240)));
        assert_eq!(read.colors.get(&Role::Selection), None, "commented out");
        let bound: Vec<(&str, &str, Option<&str>)> = rebindings
            .iter()
            .map(|r| (r.context.as_str(), r.key.as_str(), r.action.as_deref()))
            .collect();
        assert_eq!(
            bound,
            [
                ("global", "ctrl-f", Some("page-down")),
                ("global", "\"", Some("quit")),
                ("reader", "j", Some("down")),
                ("claims", "enter", Some("open")),
            ]
        );
    }

    #[test]
    fn without_colour_the_colours_are_kept_and_say_why() {
        let mut config = Config {
            theme: ThemeName::Mono,
            ..Config::default()
        };
        config
            .colors
            .insert(Role::Supports, Color::Rgb(255, 0, 255));
        let mono = Drawn {
            mono: true,
            ..Drawn::default()
        };
        let text = effective_toml(&config, &mono, &[]);
        assert!(
            text.contains("No colour is drawn (the theme is \"mono\")"),
            "{text}"
        );
        let supports = text
            .lines()
            .find(|l| l.contains("supports ="))
            .unwrap_or_default();
        assert!(
            supports.starts_with("supports = \"#ff00ff\"")
                && supports.ends_with("(not drawn: no colour)"),
            "{supports}"
        );
        let no_color = Drawn {
            no_color: true,
            ..Drawn::default()
        };
        let text = effective_toml(&Config::default(), &no_color, &[]);
        assert!(
            text.contains("# NO_COLOR is set: the reader draws \"mono\" (no colour) whatever this says.\ntheme = \"auto\"\n"),
            "{text}"
        );
        assert!(
            text.contains("No colour is drawn (NO_COLOR is set)"),
            "{text}"
        );
    }

    #[test]
    fn comments_say_what_each_line_does() {
        let text = effective_toml(&Config::default(), &Drawn::default(), &docs());
        assert!(text.contains("theme = \"auto\"\n"), "{text}");
        assert!(text.contains("reading-width = 88\n"));
        assert!(text.contains("# selection = \"default\""));
        let j = text
            .lines()
            .find(|l| l.starts_with("\"j\""))
            .unwrap_or_default();
        assert!(j.ends_with("# Move down␊second line"), "{j}");
        assert!(
            text.contains("\n\"enter\" = \"open\"\n"),
            "no empty comment: {text}"
        );
    }
}
