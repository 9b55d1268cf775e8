//! A theme made to measure: chosen by name, with a config's colours per role over it, and
//! every colour brought down to what the terminal can show.

use std::collections::BTreeMap;

use ratatui::style::{Color, Style};

use super::{StanceLook, Theme};
use crate::config::terminal::{ColorDepth, downsample, downsample_style};
use crate::config::{Role, ThemeName};

impl Theme {
    /// The built-in theme a name asks for; `Auto` is resolved by the caller (it needs the
    /// terminal's background) and stands for `dark` here.
    pub fn named(name: ThemeName) -> Self {
        match name {
            ThemeName::Auto | ThemeName::Dark => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::HighContrast => Self::high_contrast(),
            ThemeName::Mono => Self::mono(),
        }
    }

    /// The theme with a config's colours over its own; `mono` stays without colour (it is
    /// what `NO_COLOR` gets, and what a user chooses to have none).
    #[must_use]
    pub fn with_colors(mut self, colors: &BTreeMap<Role, Color>) -> Self {
        if self.name == Self::mono().name {
            return self;
        }
        for (&role, &color) in colors {
            self.set_role(role, color);
        }
        self
    }

    fn set_role(&mut self, role: Role, color: Color) {
        let stance = |look: &mut StanceLook| {
            look.color = Some(color);
            look.style = look.style.fg(color);
            look.quote = look.quote.fg(color);
            // The selected quote is drawn on the stance's colour where the theme has colour.
            if look.quote_selected.bg.is_some() {
                look.quote_selected = look.quote_selected.bg(color);
            }
        };
        match role {
            Role::Supports => stance(&mut self.stances[0]),
            Role::Challenges => stance(&mut self.stances[1]),
            Role::Neutral => stance(&mut self.stances[2]),
            Role::NoStance => stance(&mut self.stances[3]),
            Role::Selection => self.selected_row = self.selected_row.bg(color),
            Role::Headings => self.heading = self.heading.fg(color),
            Role::Quotes => self.block_quote = self.block_quote.fg(color),
            Role::Notes => self.note = self.note.fg(color),
            Role::Chrome => self.border = self.border.fg(color),
        }
    }

    /// The colour of each role that has one, for `debate config` (a theme without colour has
    /// none).
    pub fn role_colors(&self) -> Vec<(Role, Color)> {
        Role::ALL
            .into_iter()
            .filter_map(|role| {
                let color = match role {
                    Role::Supports => self.stances[0].color,
                    Role::Challenges => self.stances[1].color,
                    Role::Neutral => self.stances[2].color,
                    Role::NoStance => self.stances[3].color,
                    Role::Selection => self.selected_row.bg,
                    Role::Headings => self.heading.fg,
                    Role::Quotes => self.block_quote.fg,
                    Role::Notes => self.note.fg,
                    Role::Chrome => self.border.fg,
                };
                Some((role, color?))
            })
            .collect()
    }

    /// The theme as a terminal of `depth` can show it: colours brought to the nearest it has,
    /// and no colour at all (the `mono` theme) when it has none.
    #[must_use]
    pub fn for_depth(mut self, depth: ColorDepth) -> Self {
        if depth == ColorDepth::None {
            return Self::mono();
        }
        for style in self.styles_mut() {
            *style = downsample_style(*style, depth);
        }
        for look in &mut self.stances {
            look.color = look.color.map(|c| downsample(c, depth));
            for style in [&mut look.style, &mut look.quote, &mut look.quote_selected] {
                *style = downsample_style(*style, depth);
            }
        }
        for color in &mut self.framing_palette {
            *color = downsample(*color, depth);
        }
        self.depth = depth;
        self
    }

    /// Every role's style but the stances'.
    #[cfg(test)]
    pub(super) fn styles(&self) -> [Style; 23] {
        [
            self.base,
            self.dim,
            self.muted,
            self.accent,
            self.title,
            self.heading,
            self.subtitle,
            self.emphasis,
            self.strong,
            self.code,
            self.link,
            self.block_quote,
            self.note,
            self.border,
            self.selected_row,
            self.search_match,
            self.bar,
            self.bar_key,
            self.badge,
            self.tab_active,
            self.tab,
            self.warning,
            self.message,
        ]
    }

    fn styles_mut(&mut self) -> [&mut Style; 23] {
        [
            &mut self.base,
            &mut self.dim,
            &mut self.muted,
            &mut self.accent,
            &mut self.title,
            &mut self.heading,
            &mut self.subtitle,
            &mut self.emphasis,
            &mut self.strong,
            &mut self.code,
            &mut self.link,
            &mut self.block_quote,
            &mut self.note,
            &mut self.border,
            &mut self.selected_row,
            &mut self.search_match,
            &mut self.bar,
            &mut self.bar_key,
            &mut self.badge,
            &mut self.tab_active,
            &mut self.tab,
            &mut self.warning,
            &mut self.message,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_colour_replaces_the_themes_for_its_role() {
        let colors = BTreeMap::from([
            (Role::Supports, Color::Magenta),
            (Role::Selection, Color::Indexed(17)),
        ]);
        let theme = Theme::dark().with_colors(&colors);
        assert_eq!(
            theme
                .stance_look(Some(crate::model::StanceKind::Supports))
                .style
                .fg,
            Some(Color::Magenta)
        );
        assert_eq!(
            theme
                .quote(Some(crate::model::StanceKind::Supports), true)
                .bg,
            Some(Color::Magenta)
        );
        assert_eq!(theme.selected_row.bg, Some(Color::Indexed(17)));
        let roles = theme.role_colors();
        assert!(roles.contains(&(Role::Supports, Color::Magenta)));
        assert_eq!(roles.len(), Role::ALL.len());
        assert!(Theme::mono().role_colors().is_empty());
    }

    #[test]
    fn mono_keeps_no_colour_whatever_the_config_sets() {
        let colors = BTreeMap::from([(Role::Supports, Color::Rgb(255, 0, 255))]);
        assert_eq!(Theme::mono().with_colors(&colors), Theme::mono());
    }

    #[test]
    fn depth_brings_every_colour_down() {
        let sixteen = Theme::light().for_depth(ColorDepth::Ansi16);
        let rgb = |c: Option<Color>| matches!(c, Some(Color::Rgb(..) | Color::Indexed(_)));
        for style in sixteen.styles() {
            assert!(!rgb(style.fg) && !rgb(style.bg), "{style:?}");
        }
        assert!(sixteen.framing_palette.iter().all(|&c| !rgb(Some(c))));
        let none = Theme::dark().for_depth(ColorDepth::None);
        assert_eq!(none, Theme::mono());
        assert_eq!(
            Theme::dark().for_depth(ColorDepth::TrueColor),
            Theme::dark()
        );
    }
}
