//! The user's config file: one pinned message per kind of mistake (what, where, how to fix
//! it), and that a file with mistakes still yields every setting it got right.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::config::{self, Config, KeyVocabulary, Loaded, Location, Origin, Role, ThemeName};
use ratatui::style::Color;

/// Stands in for the keymap: contexts and actions as the issue names them, keys as a
/// character or a name after "ctrl-"/"alt-"/"shift-".
struct Vocabulary;

const KEY_NAMES: &[&str] = &[
    "enter",
    "esc",
    "tab",
    "backspace",
    "space",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "page-up",
    "page-down",
];

impl KeyVocabulary for Vocabulary {
    fn contexts(&self) -> Vec<&str> {
        vec![
            "global", "reader", "claims", "debate", "search", "detail", "help",
        ]
    }
    fn actions(&self, context: &str) -> Vec<&str> {
        match context {
            "claims" => vec!["open", "down", "up", "filter"],
            "search" => vec!["accept", "cancel"],
            _ => vec!["down", "up", "page-down", "page-up", "quit", "next-framing"],
        }
    }
    fn canonical_key(&self, key: &str) -> Result<String, String> {
        let mut rest = key;
        let mut mods = Vec::new();
        while let Some((m, r)) = ["ctrl-", "alt-", "shift-"]
            .iter()
            .find_map(|m| rest.strip_prefix(m).map(|r| (*m, r)))
        {
            mods.push(m);
            rest = r;
        }
        if rest.chars().count() == 1 || KEY_NAMES.contains(&rest) {
            mods.sort_unstable();
            Ok(format!("{}{rest}", mods.concat()))
        } else {
            Err(format!("there is no key called '{rest}'"))
        }
    }
    fn key_names(&self) -> Vec<&str> {
        KEY_NAMES.to_vec()
    }
}

fn checked(source: &str) -> Loaded {
    let mut loaded = config::parse("config.toml", source);
    loaded.check_bindings(&Vocabulary);
    loaded
}

/// The messages for `source`, as the user sees them on stderr (without colour).
fn rendered(source: &str) -> String {
    let loaded = checked(source);
    assert!(!loaded.report.is_clean(), "expected problems in:\n{source}");
    loaded.report.render(false)
}

#[test]
fn misspelt_setting() {
    insta::assert_snapshot!(rendered("theme = \"dark\"\nreading_width = 72\n"));
}

#[test]
fn unknown_theme() {
    insta::assert_snapshot!(rendered("theme = \"ligth\"\n"));
}

#[test]
fn wrong_types() {
    insta::assert_snapshot!(rendered(
        "margin = \"yes\"\nmouse = 1\nreading-width = \"wide\"\ntheme = 3\ncolors = \"red\"\n"
    ));
}

#[test]
fn reading_width_out_of_range() {
    insta::assert_snapshot!(rendered("reading-width = 5\n"));
}

#[test]
fn colour_mistakes() {
    insta::assert_snapshot!(rendered(
        "[colors]\n\
         supports = \"#00ff0\"\n\
         challenges = \"brigth-red\"\n\
         neutral = 300\n\
         notes = 1.5\n\
         heading = \"cyan\"\n\
         selection = \"chartreuse\"\n"
    ));
}

#[test]
fn unknown_key_context() {
    insta::assert_snapshot!(rendered("[keys.raeder]\n\"ctrl-f\" = \"page-down\"\n"));
}

#[test]
fn misspelt_key_and_action() {
    insta::assert_snapshot!(rendered(
        "[keys.reader]\n\"ctrl-pagedown\" = \"down\"\n\"j\" = \"pgae-down\"\n"
    ));
}

#[test]
fn action_of_another_context() {
    insta::assert_snapshot!(rendered("[keys.reader]\n\"o\" = \"open\"\n"));
}

#[test]
fn unknown_action_without_a_close_name() {
    insta::assert_snapshot!(rendered("[keys.search]\n\"ctrl-x\" = \"explode\"\n"));
}

#[test]
fn key_bound_twice_in_a_context() {
    // The same key in two spellings: TOML sees two keys, the keymap one.
    insta::assert_snapshot!(rendered(
        "[keys.reader]\n\"alt-ctrl-n\" = \"down\"\n\"ctrl-alt-n\" = \"next-framing\"\n"
    ));
}

#[test]
fn binding_that_is_not_a_string() {
    insta::assert_snapshot!(rendered("[keys.reader]\n\"j\" = 3\n[keys]\nclaims = 1\n"));
}

#[test]
fn syntax_error_keeps_every_default() {
    let source = "theme = \"light\"\nmouse = false\nmargin = \n";
    let loaded = checked(source);
    assert_eq!(loaded.config, Config::default());
    insta::assert_snapshot!(loaded.report.render(false));
}

#[test]
fn caret_after_cjk_text() {
    insta::assert_snapshot!(rendered(
        "# 設定ファイル\n[keys.reader]\n\"漢\" = \"down\"\n\"字\" = \"ｓｃｒｏｌｌ\"\n"
    ));
}

#[test]
fn control_characters_are_made_visible() {
    // TOML escapes put a BEL and an ESC sequence into the value the message quotes.
    let report = rendered("theme = \"da\\u0007rk\\u001b[31m\"\n");
    assert!(
        !report.chars().any(|c| c.is_control() && c != '\n'),
        "{report:?}"
    );
    insta::assert_snapshot!(report);
}

#[test]
fn mistakes_cost_only_their_own_setting() {
    let loaded = checked(
        "theme = \"light\"\n\
         reading-width = 9999\n\
         margin = false\n\
         mouse = \"off\"\n\
         [colors]\n\
         notes = \"#5fafd7\"\n\
         quotes = 244\n\
         chrome = \"nope\"\n\
         [keys.reader]\n\
         \"ctrl-f\" = \"page-down\"\n\
         \"x\" = \"none\"\n\
         \"y\" = \"\"\n\
         \"q\" = \"fly\"\n",
    );
    let c = &loaded.config;
    assert_eq!(c.theme, ThemeName::Light);
    assert_eq!(c.reading_width, config::DEFAULT_READING_WIDTH);
    assert!(!c.margin);
    assert!(c.mouse, "a wrong value keeps the default");
    assert_eq!(
        c.colors.get(&Role::Notes),
        Some(&Color::Rgb(0x5f, 0xaf, 0xd7))
    );
    assert_eq!(c.colors.get(&Role::Quotes), Some(&Color::Indexed(244)));
    assert_eq!(c.colors.get(&Role::Chrome), None);
    let problems: Vec<String> = loaded.report.short_lines();
    assert_eq!(
        problems,
        [
            "config.toml:2:17: reading-width 9999 is out of range",
            "config.toml:4:9: 'mouse' must be true or false, not a string",
            "config.toml:8:10: unknown colour 'nope' for chrome",
            "config.toml:13:7: unknown action 'fly' in [keys.reader]",
        ]
    );
    let mut loaded = config::parse(
        "config.toml",
        "[keys.reader]\n\"ctrl-f\" = \"page-down\"\n\"x\" = \"none\"\n\"y\" = \"\"\n",
    );
    let rebindings = loaded.check_bindings(&Vocabulary);
    assert!(loaded.report.is_clean());
    let actions: Vec<Option<&str>> = rebindings.iter().map(|r| r.action.as_deref()).collect();
    assert_eq!(
        actions,
        [Some("page-down"), None, None],
        "\"none\" and \"\" unbind"
    );
}

#[test]
fn empty_and_comment_only_files_are_the_defaults() {
    for source in ["", "# nothing yet\n", "\u{feff}"] {
        let loaded = checked(source);
        assert!(
            loaded.report.is_clean(),
            "{source:?}: {}",
            loaded.report.render(false)
        );
        assert_eq!(loaded.config, Config::default());
    }
}

/// Run as a child with a chosen environment: prints where the config would be read from.
#[test]
fn location_child() {
    if std::env::var_os("DEBATE_LOCATION_CHILD").is_none() {
        return;
    }
    let location = config::locate_from_env(None).unwrap();
    println!("LOCATION {:?} {}", location.origin, location.path.display());
}

fn location_with(env: &[(&str, &str)]) -> String {
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "location_child",
        "--exact",
        "--nocapture",
        "--test-threads=1",
    ]);
    cmd.env("DEBATE_LOCATION_CHILD", "1")
        .env_remove("DEBATE_CONFIG")
        .env_remove("XDG_CONFIG_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    let (_, rest) = out
        .split_once("LOCATION ")
        .unwrap_or_else(|| panic!("{out}"));
    rest.lines().next().unwrap().to_owned()
}

#[cfg(unix)]
#[test]
fn location_from_the_environment() {
    assert_eq!(
        location_with(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/u")]),
        "Default /xdg/debate/config.toml"
    );
    assert_eq!(
        location_with(&[("HOME", "/home/u")]),
        "Default /home/u/.config/debate/config.toml"
    );
    assert_eq!(
        location_with(&[
            ("DEBATE_CONFIG", "/etc/mine.toml"),
            ("XDG_CONFIG_HOME", "/xdg")
        ]),
        "Env /etc/mine.toml"
    );
}

fn at(path: &std::path::Path, origin: Origin) -> Location {
    Location {
        path: path.to_path_buf(),
        origin,
    }
}

#[test]
fn files_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.toml");

    // No file where the default would be: the defaults, silently.
    let loaded = config::load(Some(&at(&missing, Origin::Default)));
    assert!(loaded.report.is_clean());
    assert_eq!(loaded.config, Config::default());
    assert!(config::load(None).report.is_clean());

    // A file the user named must exist.
    for origin in [Origin::Flag, Origin::Env] {
        let loaded = config::load(Some(&at(&missing, origin)));
        let lines = loaded.report.short_lines();
        assert_eq!(lines.len(), 1);
        assert!(lines[0].contains("no such file"), "{lines:?}");
        assert_eq!(loaded.config, Config::default());
    }

    // A directory, a file that is not UTF-8, a file too big: each its own message.
    let loaded = config::load_path(dir.path());
    assert!(loaded.report.short_lines()[0].contains("is a directory"));

    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"theme = \"dark\"\n# caf\xe9\n").unwrap();
    let loaded = config::load_path(&latin1);
    let line = &loaded.report.short_lines()[0];
    assert!(line.contains("latin1.toml:2:6: config file"), "{line}");
    assert!(
        line.ends_with("is not valid UTF-8 (line 2, column 6)"),
        "{line}"
    );
    assert!(loaded.report.render(false).contains("not UTF-8"));

    let big = dir.path().join("big.toml");
    let padding = "#".repeat(usize::try_from(config::MAX_CONFIG_BYTES).unwrap() + 1);
    std::fs::write(&big, padding).unwrap();
    assert!(config::load_path(&big).report.short_lines()[0].contains("is over"));

    // A good file, with a byte-order mark.
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "\u{feff}theme = \"mono\"\nmouse = false\n").unwrap();
    let loaded = config::load_path(&good);
    assert!(loaded.report.is_clean(), "{}", loaded.report.render(false));
    assert_eq!(loaded.config.theme, ThemeName::Mono);
    assert!(!loaded.config.mouse);
}

#[test]
fn effective_configuration() {
    use debate::config::print::{BindingDoc, Drawn, effective_toml};
    let mut config = Config {
        theme: ThemeName::Dark,
        ..Config::default()
    };
    config
        .colors
        .insert(Role::Selection, Color::Rgb(0x28, 0x2c, 0x34));
    // What the reader draws: the theme's colours, the file's selection over them.
    let colors = vec![
        (Role::Supports, Color::Green),
        (Role::Challenges, Color::LightRed),
        (Role::Neutral, Color::LightBlue),
        (Role::NoStance, Color::Indexed(245)),
        (Role::Headings, Color::Cyan),
        (Role::Quotes, Color::Reset),
        (Role::Notes, Color::Gray),
        (Role::Chrome, Color::DarkGray),
        (Role::Selection, Color::Rgb(0x28, 0x2c, 0x34)),
    ];
    let drawn = Drawn {
        colors,
        ..Drawn::default()
    };
    let doc = |context, key, action, help| BindingDoc {
        context,
        key,
        action,
        help,
    };
    let bindings = [
        doc("global", "j", "down", "Move down"),
        doc("global", "down", "down", "Move down"),
        doc("global", "ctrl-f", "page-down", "Page down"),
        doc("global", "q", "quit", "Quit"),
        doc("claims", "enter", "open", "Open the claim"),
        doc("search", "esc", "cancel", "Close the search"),
    ];
    let text = effective_toml(&config, &drawn, &bindings);
    // It reads back with no problem, so a user can start from it.
    assert!(
        checked(&text).report.is_clean(),
        "{}",
        checked(&text).report.render(false)
    );
    insta::assert_snapshot!(text);
}

mod never_panics {
    use proptest::prelude::*;

    use super::*;

    /// Pieces of config syntax, right and wrong, to build files from.
    fn atom() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("theme = \"light\"\n".to_owned()),
            Just("[colors]\n".to_owned()),
            Just("[keys.reader]\n".to_owned()),
            Just("[keys]\n".to_owned()),
            Just("\"ctrl-f\" = \"page-down\"\n".to_owned()),
            Just("supports = 300\n".to_owned()),
            Just("reading-width = -1\n".to_owned()),
            Just("margin = [1, 2]\n".to_owned()),
            Just("漢字 = \"\u{7}\"\n".to_owned()),
            Just("\"\" = \"\"\n".to_owned()),
            Just("x = { a = 1 }\n".to_owned()),
            Just("= \n".to_owned()),
            "[a-z\\-\\[\\]=\"#. \n]{0,12}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn any_text_gives_settings_and_located_problems(atoms in prop::collection::vec(atom(), 0..12)) {
            let source = atoms.concat();
            let loaded = checked(&source);
            for d in &loaded.report.diagnostics {
                if let Some(label) = &d.primary {
                    prop_assert!(label.span.end <= source.len(), "{d:?}");
                }
            }
            let rendered = loaded.report.render(false);
            prop_assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'), "{rendered:?}");
            prop_assert!(config::READING_WIDTHS.contains(&loaded.config.reading_width));
        }
    }
}
