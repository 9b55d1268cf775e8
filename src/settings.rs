//! What the reader starts with, decided once before the terminal is touched: the user's config
//! file (keys, theme, reading column, mouse) over the defaults, and what the terminal can show
//! (`NO_COLOR`, colour depth, a light or dark background when the theme is `auto`).
//!
//! Pure but for the background, which the caller asks of the terminal only if it is needed.

use crate::background::Background;
use crate::config::terminal::ColorDepth;
use crate::config::{Config, Loaded, Report, ThemeName};
use crate::geometry::layout::Reading;
use crate::keymap::Keymap;
use crate::ui::theme::Theme;

/// The reader's settings, and what was wrong with the config they came from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub reading: Reading,
    /// Whether the reader captures the mouse.
    pub mouse: bool,
    /// The config's problems, every one located; empty when it was clean or absent.
    pub report: Report,
}

impl Settings {
    /// The settings a config gives on a terminal of `depth`. `background` is called only when
    /// the theme is `auto` and there is colour to choose.
    pub fn resolve(
        mut loaded: Loaded,
        depth: ColorDepth,
        background: impl FnOnce() -> Background,
    ) -> Self {
        let keymap = Keymap::default();
        let rebindings = loaded.check_bindings(&keymap);
        let keymap = keymap.rebound(&rebindings);
        let config = &loaded.config;
        Self {
            keymap,
            theme: theme_for(config, depth, background),
            reading: Reading {
                width: config.reading_width,
                margin: config.margin,
            },
            mouse: config.mouse,
            report: loaded.report,
        }
    }
}

/// The theme a config asks for, as the terminal can show it. Without colour (`NO_COLOR`) it
/// is `mono` whatever the config says: attributes carry every meaning there.
pub fn theme_for(
    config: &Config,
    depth: ColorDepth,
    background: impl FnOnce() -> Background,
) -> Theme {
    if depth == ColorDepth::None {
        return Theme::mono();
    }
    let name = match config.theme {
        ThemeName::Auto => match background() {
            Background::Light => ThemeName::Light,
            Background::Dark | Background::Unknown => ThemeName::Dark,
        },
        name => name,
    };
    Theme::named(name)
        .with_colors(&config.colors)
        .for_depth(depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never() -> Background {
        panic!("the background was asked for")
    }

    #[test]
    fn auto_follows_the_background_and_falls_back_to_dark() {
        let auto = Config::default();
        let light = theme_for(&auto, ColorDepth::TrueColor, || Background::Light);
        assert_eq!(light.name, "light");
        let silent = theme_for(&auto, ColorDepth::TrueColor, || Background::Unknown);
        assert_eq!(silent.name, "dark");
    }

    #[test]
    fn a_named_theme_or_no_colour_never_asks_the_terminal() {
        let light = Config {
            theme: ThemeName::Light,
            ..Config::default()
        };
        assert_eq!(
            theme_for(&light, ColorDepth::TrueColor, never).name,
            "light"
        );
        assert_eq!(
            theme_for(&Config::default(), ColorDepth::None, never),
            Theme::mono()
        );
    }

    #[test]
    fn a_config_with_mistakes_keeps_what_it_got_right() {
        let loaded = crate::config::parse(
            "config.toml",
            "reading-width = 60\nmouse = false\n[keys.reader]\n\"x\" = \"next-claim\"\n\"y\" = \"fly\"\n",
        );
        let settings = Settings::resolve(loaded, ColorDepth::TrueColor, || Background::Unknown);
        assert_eq!(settings.reading.width, 60);
        assert!(!settings.mouse);
        assert_eq!(
            settings.keymap.key_for(
                crate::keymap::Context::Reader,
                &crate::action::Action::NextClaim
            ),
            "x"
        );
        assert_eq!(
            settings.report.diagnostics.len(),
            1,
            "{:?}",
            settings.report
        );
    }
}
