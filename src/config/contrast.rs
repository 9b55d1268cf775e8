//! WCAG 2 contrast: relative luminance of a colour and the contrast ratio of two, so that a
//! theme's text and background can be checked against the 4.5:1 of WCAG's level AA.

use ratatui::style::Color;

use super::palette;

/// WCAG's minimum contrast for body text (level AA).
pub const AA_BODY_TEXT: f64 = 4.5;

/// Relative luminance of an sRGB colour (WCAG 2.x definition): 0 for black, 1 for white.
pub fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    // Each channel is linearised from sRGB's transfer curve before weighting.
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// Contrast ratio of two colours, from 1 (the same) to 21 (black on white); symmetric.
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// [`contrast_ratio`] of two ratatui colours, indexed ones taken at xterm's defaults; `None`
/// when either is `Reset` (the terminal's own colour, unknown here).
pub fn color_contrast(a: Color, b: Color) -> Option<f64> {
    Some(contrast_ratio(palette::rgb(a)?, palette::rgb(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 0.01
    }

    #[test]
    fn luminance_of_the_extremes_and_primaries() {
        assert!(close(relative_luminance((0, 0, 0)), 0.0));
        assert!(close(relative_luminance((255, 255, 255)), 1.0));
        // The weights of the definition: pure channels give them back.
        assert!(close(relative_luminance((255, 0, 0)), 0.2126));
        assert!(close(relative_luminance((0, 255, 0)), 0.7152));
        assert!(close(relative_luminance((0, 0, 255)), 0.0722));
    }

    #[test]
    fn known_ratios() {
        assert!(close(contrast_ratio((0, 0, 0), (255, 255, 255)), 21.0));
        assert!(close(contrast_ratio((255, 255, 255), (255, 255, 255)), 1.0));
        // Published values (WebAIM's checker): #777777 on white is 4.48:1, just under AA;
        // #767676 is 4.54:1, the lightest grey that passes; #0000FF on white is 8.59:1.
        assert!(close(
            contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)),
            4.48
        ));
        assert!(close(
            contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)),
            4.54
        ));
        assert!(close(contrast_ratio((0, 0, 255), (255, 255, 255)), 8.59));
        assert!(close(contrast_ratio((255, 0, 0), (255, 255, 255)), 4.0));
    }

    #[test]
    fn ratio_is_symmetric() {
        let (a, b) = ((40, 44, 52), (200, 10, 90));
        assert!(close(contrast_ratio(a, b), contrast_ratio(b, a)));
    }

    #[test]
    fn the_issues_light_terminal_figures() {
        // Issue 17: palette 7 notes on white are about 1.26:1.
        let ratio = color_contrast(Color::Gray, Color::White);
        assert!(ratio.is_some_and(|r| close(r, 1.26)), "{ratio:?}");
        assert_eq!(color_contrast(Color::Reset, Color::White), None);
    }
}
