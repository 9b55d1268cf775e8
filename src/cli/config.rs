//! `debate config`: the configuration in effect as commented TOML; `debate config --check`:
//! the mistakes in a config file, located, and an exit status for scripts. Also the reader's
//! start-up: the config read, checked and turned into settings before the terminal is touched.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::background;
use crate::config::print::{BindingDoc, Drawn, effective_toml};
use crate::config::terminal::{self, capabilities_from_env};
use crate::config::{self, Loaded, Location};
use crate::keymap::{Context, Key, Keymap, action_name};
use crate::settings::Settings;
use crate::state::State;
use crate::ui::theme::Theme;

pub(super) fn run(file: Option<&Path>, check: bool) -> ExitCode {
    let location = config::locate_from_env(file);
    let loaded = config::load(location.as_ref());
    if check {
        return report_check(location.as_ref(), loaded);
    }
    let settings = Settings::resolve(loaded.clone(), terminal::ColorDepth::TrueColor, || {
        background::Background::Unknown
    });
    report(&settings.report);
    // The theme as named, at full colour (not brought down to this terminal's depth), but
    // without any when the reader would draw none: under NO_COLOR, and in `mono`.
    let no_color = terminal::no_color(std::env::var_os("NO_COLOR").as_deref());
    let theme = if no_color {
        Theme::mono()
    } else {
        Theme::named(loaded.config.theme).with_colors(&loaded.config.colors)
    };
    let rows = key_rows(&settings);
    let drawn = Drawn {
        colors: theme.role_colors(),
        no_color,
        mono: loaded.config.theme == config::ThemeName::Mono,
    };
    let text = effective_toml(&loaded.config, &drawn, &docs(&rows));
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// `--check`: the problems on stderr, a one-line verdict on stdout.
fn report_check(location: Option<&Location>, loaded: Loaded) -> ExitCode {
    let name = location.map_or_else(|| "the config".to_owned(), |l| l.path.display().to_string());
    let settings = Settings::resolve(loaded, terminal::ColorDepth::TrueColor, || {
        background::Background::Unknown
    });
    let problems = settings.report.diagnostics.len();
    report(&settings.report);
    let mut out = std::io::stdout().lock();
    if problems == 0 {
        let exists = location.is_some_and(|l| l.path.is_file());
        let verdict = if exists {
            format!("{name}: ok")
        } else {
            format!("{name}: no such file; the defaults are in effect")
        };
        let _ = writeln!(out, "{}", crate::model::diagnostic::one_line(&verdict));
        ExitCode::SUCCESS
    } else {
        let noun = if problems == 1 { "problem" } else { "problems" };
        let _ = writeln!(
            out,
            "{}: {problems} {noun}",
            crate::model::diagnostic::one_line(&name)
        );
        ExitCode::from(1)
    }
}

/// The config's problems on stderr, as rustc prints them.
fn report(report: &config::Report) {
    if report.is_clean() {
        return;
    }
    let color = std::io::stderr().is_terminal()
        && !terminal::no_color(std::env::var_os("NO_COLOR").as_deref());
    let _ = std::io::stderr().write_all(report.render(color).as_bytes());
}

/// One key of the keymap in effect: context, key, action name, what it does.
type KeyRow = (Context, String, String, String);

/// The keymap in effect, one row per key, each context's own bindings (the global ones once).
fn key_rows(settings: &Settings) -> Vec<KeyRow> {
    Context::ALL
        .into_iter()
        .flat_map(|context| {
            settings
                .keymap
                .bindings_for(context)
                .into_iter()
                .filter(move |b| b.context == context)
                .filter_map(|b| Some((b, action_name(&b.action)?)))
                .flat_map(move |(b, action)| {
                    b.keys
                        .iter()
                        .map(move |k| (context, k.to_string(), action.clone(), b.help.to_owned()))
                })
        })
        .chain(settings.keymap.blocked().map(|(context, key)| {
            let help = unbound_help(&settings.keymap, context, key);
            (context, key.to_string(), "none".to_owned(), help)
        }))
        .collect()
}

/// What unbinding `key` in `context` does: it hides the global binding there, or takes the
/// context's default one away, or both.
fn unbound_help(keymap: &Keymap, context: Context, key: Key) -> String {
    let bound_in = |keymap: &Keymap, context: Context| {
        keymap
            .bindings_for(context)
            .into_iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .and_then(|b| action_name(&b.action))
    };
    let global = bound_in(keymap, Context::Global);
    let default = bound_in(&Keymap::default(), context);
    let here = context.name();
    match (default, global) {
        (Some(default), Some(global)) => format!(
            "unbound in {here} (by default {default}); [keys.global] still binds it to {global}"
        ),
        (Some(default), None) => format!("unbound in {here}, where it was {default}"),
        (None, Some(global)) => {
            format!("unbound in {here}, though [keys.global] binds it to {global}")
        }
        (None, None) => format!("unbound in {here} (nothing binds it)"),
    }
}

fn docs(rows: &[KeyRow]) -> Vec<BindingDoc<'_>> {
    rows.iter()
        .map(|(context, key, action, help)| BindingDoc {
            context: context.name(),
            key,
            action,
            help,
        })
        .collect()
}

/// The reader's settings: the config located (`--config`, `DEBATE_CONFIG`, the XDG file),
/// read and checked, its problems printed on stderr (seen when the reader ends), and the
/// terminal asked for its background if the theme is `auto`. Call before raw mode.
pub(super) fn settings(flag: Option<&Path>) -> Settings {
    let loaded = config::load(config::locate_from_env(flag).as_ref());
    let depth = capabilities_from_env().depth;
    let settings = Settings::resolve(loaded, depth, || {
        background::query(background::QUERY_TIMEOUT)
    });
    report(&settings.report);
    settings
}

/// Puts the settings into a fresh state; a one-line notice when the config had problems.
pub(super) fn apply(state: &mut State, settings: Settings) -> Option<String> {
    state.keymap = Arc::new(settings.keymap);
    state.theme = Arc::new(settings.theme);
    state.reading = settings.reading;
    crate::derive::refresh_rows(state);
    notice(&settings.report)
}

/// The reader's one-line notice of a config's problems: the count first, so that it survives
/// being cut at the screen's edge, and where the full report is (it was printed on stderr
/// before the reader started, so it is on the screen again when the reader ends).
fn notice(report: &config::Report) -> Option<String> {
    match report.diagnostics.as_slice() {
        [] => None,
        [only] => {
            let place = only
                .line_col(&report.source)
                .map_or_else(String::new, |(line, col)| format!("line {line}:{col}: "));
            Some(crate::model::diagnostic::one_line(&format!(
                "Config: 1 problem, default used, listed on quit: {place}{}",
                only.message
            )))
        }
        all => Some(format!(
            "Config: {} problems, defaults used, listed on quit",
            all.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_leads_with_the_count_and_says_where_the_report_is() {
        let report = |source: &str| config::parse("/tmp/long/path/to/config.toml", source).report;
        assert_eq!(notice(&report("theme = \"dark\"\n")), None);
        assert_eq!(
            notice(&report("thme = \"dark\"\n")).as_deref(),
            Some(
                "Config: 1 problem, default used, listed on quit: line 1:1: \
                 unknown setting 'thme'"
            )
        );
        let many = notice(&report("a = 1\nb = 2\nc = 3\n")).unwrap_or_default();
        assert_eq!(many, "Config: 3 problems, defaults used, listed on quit");
        assert!(crate::text::width(&many) <= 80);
    }
}
