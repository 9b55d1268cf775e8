//! The colour roles a config may override, and colour values as a config writes them:
//! `"#rrggbb"`, a name (`"red"`, `"bright-blue"`), or a palette index 0–255.

use ratatui::style::Color;

/// What a colour marks on screen. Each theme sets every role; `[colors]` overrides them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// A quote whose claim supports the active framing.
    Supports,
    /// A quote whose claim challenges it.
    Challenges,
    /// A quote the framing reads as neither.
    Neutral,
    /// A claim the active framing does not read.
    NoStance,
    /// The selected row or claim (its background).
    Selection,
    Headings,
    /// Quoted text in articles.
    Quotes,
    /// Stance notes and theses.
    Notes,
    /// Borders, bars and other frame of the interface.
    Chrome,
}

impl Role {
    /// Every role, in the order they are documented and printed.
    pub const ALL: [Self; 9] = [
        Self::Supports,
        Self::Challenges,
        Self::Neutral,
        Self::NoStance,
        Self::Selection,
        Self::Headings,
        Self::Quotes,
        Self::Notes,
        Self::Chrome,
    ];

    /// The role's name in `[colors]`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Supports => "supports",
            Self::Challenges => "challenges",
            Self::Neutral => "neutral",
            Self::NoStance => "no-stance",
            Self::Selection => "selection",
            Self::Headings => "headings",
            Self::Quotes => "quotes",
            Self::Notes => "notes",
            Self::Chrome => "chrome",
        }
    }

    /// What the role colours, for the printed configuration.
    pub fn description(self) -> &'static str {
        match self {
            Self::Supports => "quotes that support the active framing",
            Self::Challenges => "quotes that challenge it",
            Self::Neutral => "quotes it reads as neutral",
            Self::NoStance => "claims it does not read",
            Self::Selection => "background of the selected claim or row",
            Self::Headings => "article headings",
            Self::Quotes => "quoted text in articles",
            Self::Notes => "stance notes and theses",
            Self::Chrome => "borders and bars",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn names() -> Vec<&'static str> {
        Self::ALL.into_iter().map(Self::name).collect()
    }
}

/// Every colour name a config accepts. `bright-*` and `light-*` (the debate file's spelling)
/// are the same colours; `default` is the terminal's own colour.
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("grey", Color::Gray),
    ("bright-black", Color::DarkGray),
    ("dark-gray", Color::DarkGray),
    ("dark-grey", Color::DarkGray),
    ("bright-red", Color::LightRed),
    ("light-red", Color::LightRed),
    ("bright-green", Color::LightGreen),
    ("light-green", Color::LightGreen),
    ("bright-yellow", Color::LightYellow),
    ("light-yellow", Color::LightYellow),
    ("bright-blue", Color::LightBlue),
    ("light-blue", Color::LightBlue),
    ("bright-magenta", Color::LightMagenta),
    ("light-magenta", Color::LightMagenta),
    ("bright-cyan", Color::LightCyan),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
    ("bright-white", Color::White),
];

/// Why a colour string is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColorError {
    /// `#` followed by something other than six hex digits.
    BadHex,
    /// Not a name; the closest name, if one is close.
    UnknownName(Option<&'static str>),
}

/// A colour from its string form: `#rrggbb` or a name (case-insensitive).
pub fn parse_color(text: &str) -> Result<Color, ColorError> {
    let text = text.trim();
    if let Some(hex) = text.strip_prefix('#') {
        let channel = |i: usize| {
            hex.get(i..i + 2)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        return match (hex.len(), channel(0), channel(2), channel(4)) {
            (6, Some(r), Some(g), Some(b)) => Ok(Color::Rgb(r, g, b)),
            _ => Err(ColorError::BadHex),
        };
    }
    let lower = text.to_ascii_lowercase().replace(['_', ' '], "-");
    COLOR_NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, color)| color)
        .ok_or_else(|| {
            ColorError::UnknownName(super::suggest::suggest(
                &lower,
                COLOR_NAMES.iter().map(|(n, _)| *n),
            ))
        })
}

/// A colour as a config writes it (a TOML value): the inverse of parsing.
pub fn color_value(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("\"#{r:02x}{g:02x}{b:02x}\""),
        Color::Indexed(i) => i.to_string(),
        named => COLOR_NAMES.iter().find(|&&(_, c)| c == named).map_or_else(
            || "\"default\"".to_owned(),
            |(name, _)| format!("\"{name}\""),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_names() {
        assert_eq!(parse_color("#ff8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("#FF8000"), Ok(Color::Rgb(255, 128, 0)));
        assert_eq!(parse_color("#ff80"), Err(ColorError::BadHex));
        assert_eq!(parse_color("#gg0000"), Err(ColorError::BadHex));
        assert_eq!(parse_color("#ff00000"), Err(ColorError::BadHex));
        assert_eq!(parse_color("#€€€"), Err(ColorError::BadHex));
        assert_eq!(parse_color("bright-blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("Light_Blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("red"), Ok(Color::Red));
        assert_eq!(parse_color("default"), Ok(Color::Reset));
        assert_eq!(
            parse_color("brigth-red"),
            Err(ColorError::UnknownName(Some("bright-red")))
        );
        assert_eq!(
            parse_color("chartreuse"),
            Err(ColorError::UnknownName(None))
        );
    }

    #[test]
    fn written_colours_read_back() {
        for (_, color) in COLOR_NAMES {
            let value = color_value(*color);
            assert_eq!(parse_color(value.trim_matches('"')), Ok(*color), "{value}");
        }
        assert_eq!(color_value(Color::Rgb(1, 171, 255)), "\"#01abff\"");
        assert_eq!(color_value(Color::Indexed(42)), "42");
    }

    #[test]
    fn role_names_are_unique_and_kebab_case() {
        let names = Role::names();
        for (i, name) in names.iter().enumerate() {
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{name}"
            );
            assert!(!names[i + 1..].contains(name), "{name} twice");
            assert_eq!(Role::from_name(name).map(Role::name), Some(*name));
        }
    }
}
