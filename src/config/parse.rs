//! Config text to [`Config`]: TOML syntax first (any syntax error keeps every default), then
//! each key checked on its own, so one wrong value costs only that value.

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::Diagnostic;

use super::color::{self, ColorError, Role};
use super::keys::BindingEntry;
use super::suggest::help_for;
use super::{Config, Loaded, READING_WIDTHS, Report, ThemeName};

type Value<'a> = Spanned<DeValue<'a>>;

/// The top-level keys, in the order they are documented.
pub const KEYS: [&str; 6] = [
    "theme",
    "colors",
    "keys",
    "reading-width",
    "margin",
    "mouse",
];

/// Parses config text; `name` is the file's name in messages.
pub fn parse(name: &str, source: &str) -> Loaded {
    let mut parser = Parser::default();
    let (root, errors) = DeTable::parse_recoverable(source);
    if errors.is_empty() {
        parser.top(root.into_inner());
    } else {
        parser.problems = errors.iter().map(|e| syntax(e, source)).collect();
        parser.config = Config::default();
    }
    Loaded {
        config: parser.config,
        report: Report {
            file: name.to_owned(),
            source: source.to_owned(),
            diagnostics: parser.problems,
        },
    }
}

fn syntax(error: &toml::de::Error, source: &str) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let at = span.start.min(source.len());
    let end = span.end.clamp(at, source.len());
    Diagnostic::new(format!("TOML syntax: {}", error.message().trim()))
        .at(at..end, "here")
        .help("this is not valid TOML here, so no setting of this file is used; a line is `key = value` or `[table]`")
}

#[derive(Default)]
struct Parser {
    config: Config,
    problems: Vec<Diagnostic>,
}

/// "a string", "an integer"… for messages about a value of the wrong kind.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number with a fraction",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn integer(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

impl Parser {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &str, example: &str) {
        self.push(
            Diagnostic::new(format!(
                "'{key}' must be {expected}, not {}",
                kind(value.get_ref())
            ))
            .at(value.span(), format!("expected {expected}"))
            .help(format!("for example: {example}")),
        );
    }

    fn top(&mut self, table: DeTable<'_>) {
        let mut entries: Vec<_> = table.into_iter().collect();
        // Report in file order, whatever order the map keeps.
        entries.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in entries {
            match key.get_ref().as_ref() {
                "theme" => self.theme(&value),
                "colors" => self.colors(&value),
                "keys" => self.keys(&value),
                "reading-width" => self.reading_width(&value),
                "margin" => {
                    if let Some(b) = self.boolean("margin", &value) {
                        self.config.margin = b;
                    }
                }
                "mouse" => {
                    if let Some(b) = self.boolean("mouse", &value) {
                        self.config.mouse = b;
                    }
                }
                other => {
                    let help = help_for(other, "the settings are", &KEYS);
                    self.push(
                        Diagnostic::new(format!("unknown setting '{other}'"))
                            .at(key.span(), "unknown setting")
                            .help(help),
                    );
                }
            }
        }
    }

    fn theme(&mut self, value: &Value<'_>) {
        let names: Vec<&str> = ThemeName::ALL.into_iter().map(ThemeName::name).collect();
        let DeValue::String(name) = value.get_ref() else {
            self.wrong_type("theme", value, "a string", "theme = \"light\"");
            return;
        };
        match ThemeName::from_name(name) {
            Some(theme) => self.config.theme = theme,
            None => self.push(
                Diagnostic::new(format!("unknown theme '{name}'"))
                    .at(value.span(), "no such theme")
                    .help(help_for(name, "the themes are", &names)),
            ),
        }
    }

    fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        if let DeValue::Boolean(b) = value.get_ref() {
            return Some(*b);
        }
        self.wrong_type(key, value, "true or false", &format!("{key} = false"));
        None
    }

    fn reading_width(&mut self, value: &Value<'_>) {
        let example = "reading-width = 72";
        let Some(width) = integer(value.get_ref()) else {
            self.wrong_type("reading-width", value, "a whole number of columns", example);
            return;
        };
        match u16::try_from(width) {
            Ok(width) if READING_WIDTHS.contains(&width) => self.config.reading_width = width,
            _ => self.push(
                Diagnostic::new(format!("reading-width {width} is out of range"))
                    .at(value.span(), "out of range")
                    .help(format!(
                        "the reading width is between {} and {} columns; for example: {example}",
                        READING_WIDTHS.start(),
                        READING_WIDTHS.end()
                    )),
            ),
        }
    }

    fn colors(&mut self, value: &Value<'_>) {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(
                "colors",
                value,
                "a table",
                "[colors] then supports = \"green\"",
            );
            return;
        };
        let roles = Role::names();
        for (key, value) in sorted(table) {
            let name = key.get_ref().as_ref();
            let Some(role) = Role::from_name(name) else {
                self.push(
                    Diagnostic::new(format!("unknown colour role '{name}'"))
                        .at(key.span(), "not a role")
                        .help(help_for(name, "the roles are", &roles)),
                );
                continue;
            };
            if let Some(color) = self.color(name, value) {
                self.config.colors.insert(role, color);
            }
        }
    }

    fn color(&mut self, role: &str, value: &Value<'_>) -> Option<Color> {
        let span = value.span();
        let forms = "a colour is \"#rrggbb\", a name such as \"red\" or \"bright-blue\", or a palette index 0-255";
        match value.get_ref() {
            DeValue::String(text) => match color::parse_color(text) {
                Ok(color) => Some(color),
                Err(ColorError::BadHex) => {
                    self.push(
                        Diagnostic::new(format!("'{text}' is not a hex colour"))
                            .at(span, "expected # and six hex digits")
                            .help("write red, green and blue as two hex digits each, e.g. \"#5fafd7\""),
                    );
                    None
                }
                Err(ColorError::UnknownName(suggestion)) => {
                    let help = suggestion
                        .map_or_else(|| forms.to_owned(), |s| format!("did you mean '{s}'?"));
                    self.push(
                        Diagnostic::new(format!("unknown colour '{text}' for {role}"))
                            .at(span, "not a colour")
                            .help(help),
                    );
                    None
                }
            },
            v @ DeValue::Integer(_) => {
                let index = integer(v).and_then(|i| u8::try_from(i).ok());
                if index.is_none() {
                    self.push(
                        Diagnostic::new(format!("colour index for {role} is out of range"))
                            .at(span, "not 0-255")
                            .help("the palette's indices are 0 to 255"),
                    );
                }
                index.map(Color::Indexed)
            }
            _ => {
                self.wrong_type(role, value, "a colour", &format!("{role} = \"#5fafd7\""));
                None
            }
        }
    }

    fn keys(&mut self, value: &Value<'_>) {
        let DeValue::Table(contexts) = value.get_ref() else {
            self.wrong_type(
                "keys",
                value,
                "a table of contexts",
                "[keys.reader] then \"ctrl-f\" = \"page-down\"",
            );
            return;
        };
        for (context, bindings) in sorted(contexts) {
            let name = context.get_ref().as_ref();
            let DeValue::Table(bindings) = bindings.get_ref() else {
                self.wrong_type(
                    &format!("keys.{name}"),
                    bindings,
                    "a table of key = action",
                    &format!("[keys.{name}] then \"ctrl-f\" = \"page-down\""),
                );
                continue;
            };
            for (key, action) in sorted(bindings) {
                let DeValue::String(action_name) = action.get_ref() else {
                    self.wrong_type(
                        key.get_ref(),
                        action,
                        "an action's name",
                        &format!(
                            "\"{}\" = \"page-down\", or \"none\" to unbind it",
                            key.get_ref()
                        ),
                    );
                    continue;
                };
                let unbind = action_name.is_empty() || action_name.as_ref() == "none";
                self.config.bindings.push(BindingEntry {
                    context: name.to_owned(),
                    context_span: context.span(),
                    key: key.get_ref().to_string(),
                    key_span: key.span(),
                    action: (!unbind).then(|| action_name.to_string()),
                    action_span: action.span(),
                });
            }
        }
    }
}

/// A table's entries in file order.
fn sorted<'t, 'a>(
    table: &'t DeTable<'a>,
) -> Vec<(&'t Spanned<std::borrow::Cow<'a, str>>, &'t Value<'a>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}
