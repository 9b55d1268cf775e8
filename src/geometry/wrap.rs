//! Text laid out in lines: wrapped to a width, or capped at a number of lines. The views style
//! these lines and `update` counts them, so both agree on how tall a text is.

use crate::text;

/// `s` made safe for the terminal and wrapped to `width`, one string a line.
pub fn lines(s: &str, width: usize) -> Vec<String> {
    let clean = text::clean_multiline(s);
    text::wrap(&clean, width)
        .into_iter()
        .map(|r| clean[r].to_owned())
        .collect()
}

/// Text wrapped to at most a number of lines; `cut` when some did not fit, the lines then
/// wrapped two cells narrower so that the last one has room to end in a visible " …".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capped {
    pub lines: Vec<String>,
    pub cut: bool,
}

/// `s` wrapped to `width`, at most `max` lines (at least one when cut).
pub fn capped(s: &str, width: usize, max: usize) -> Capped {
    let all = lines(s, width);
    if all.len() <= max {
        return Capped {
            lines: all,
            cut: false,
        };
    }
    let mut lines = lines(s, width.saturating_sub(2).max(1));
    lines.truncate(max.max(1));
    Capped { lines, cut: true }
}

/// The most lines a row's text may take in a list: all of them when the row is selected.
pub fn limit(selected: bool, max: usize) -> usize {
    if selected { usize::MAX } else { max }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capped_text_is_cut_narrower_to_leave_room_for_its_mark() {
        let whole = capped("one two three", 20, 2);
        assert_eq!(
            (whole.lines, whole.cut),
            (vec!["one two three".to_owned()], false)
        );
        // At width 7 it takes two lines; capped at one it is wrapped at 5.
        assert_eq!(lines("one two three", 7), ["one two", "three"]);
        let cut = capped("one two three", 7, 1);
        assert_eq!((cut.lines, cut.cut), (vec!["one".to_owned()], true));
    }
}
