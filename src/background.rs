//! The terminal's background, light or dark, asked of the terminal itself (OSC 11, through
//! terminal-colorsaurus) within a short timeout, so that a terminal that never answers delays
//! start-up by that much at most.
//!
//! This touches the terminal: it must run before the event loop enables raw mode and starts
//! reading input, or the answer would arrive as keys.

use std::io::IsTerminal;
use std::time::Duration;

use terminal_colorsaurus::{QueryOptions, background_color};

use crate::config::contrast::relative_luminance;

/// How long to wait for the answer. Local terminals answer in a few milliseconds; most that
/// cannot answer say so at once (the crate's DA1 trick), so only a silent one waits this long.
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(80);

/// What the terminal's background turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Light,
    Dark,
    /// No answer: not a terminal, no support, or no reply in time.
    Unknown,
}

/// Light or dark by relative luminance: light when black text would contrast with it more
/// than white text (luminance above √(1.05 × 0.05) − 0.05 ≈ 0.179, where the two are equal).
pub fn classify(rgb: (u8, u8, u8)) -> Background {
    let equal_contrast = (1.05_f64 * 0.05).sqrt() - 0.05;
    if relative_luminance(rgb) > equal_contrast {
        Background::Light
    } else {
        Background::Dark
    }
}

/// Asks the terminal for its background, waiting at most `timeout`. Without a terminal on
/// both standard input and output (piped, redirected, in tests) it does not ask at all.
pub fn query(timeout: Duration) -> Background {
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    if !interactive {
        return Background::Unknown;
    }
    let mut options = QueryOptions::default();
    options.timeout = timeout;
    match background_color(options) {
        Ok(color) => classify(color.scale_to_8bit()),
        Err(_) => Background::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_and_dark_by_luminance() {
        assert_eq!(classify((255, 255, 255)), Background::Light);
        assert_eq!(
            classify((253, 246, 227)),
            Background::Light,
            "Solarized light"
        );
        assert_eq!(classify((0, 0, 0)), Background::Dark);
        assert_eq!(classify((0, 43, 54)), Background::Dark, "Solarized dark");
        assert_eq!(classify((40, 44, 52)), Background::Dark, "One Dark");
        // Mid grey: #777777 (luminance 0.184) is just light, #757575 (0.178) just dark.
        assert_eq!(classify((0x77, 0x77, 0x77)), Background::Light);
        assert_eq!(classify((0x75, 0x75, 0x75)), Background::Dark);
    }
}
