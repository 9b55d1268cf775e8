//! The display width we use for graphemes that terminals and libraries disagree about. This
//! is a golden table: an update of unicode-width or ratatui that changes a width fails here,
//! loudly, instead of silently misaligning the screen. Our wrapper must agree with it too.

use debate::text;

/// (grapheme, cells, why).
const TABLE: &[(&str, usize, &str)] = &[
    ("a", 1, "ASCII"),
    (" ", 1, "space"),
    ("~", 1, "ASCII punctuation"),
    ("é", 1, "precomposed Latin"),
    ("e\u{301}", 1, "e + combining acute: one cell"),
    (
        "\u{301}",
        0,
        "a lone combining mark draws nothing by itself",
    ),
    ("漢", 2, "CJK ideograph"),
    ("字", 2, "CJK ideograph"),
    ("あ", 2, "hiragana"),
    ("ア", 2, "katakana"),
    ("ｱ", 1, "halfwidth katakana"),
    (
        "ｶﾞ",
        3,
        "halfwidth ka + dakuten: ratatui counts 3 (its +1 compensation); terminals draw 2",
    ),
    ("Ｈ", 2, "fullwidth Latin"),
    ("한", 2, "Hangul syllable"),
    ("🌞", 2, "emoji"),
    ("😂", 2, "emoji"),
    ("👍🏽", 2, "emoji + skin tone"),
    ("👨‍🦰", 2, "ZWJ sequence: textwrap alone would say 4"),
    ("👨‍👩‍👧‍👦", 2, "family ZWJ sequence"),
    ("🐻‍❄️", 2, "polar bear ZWJ + VS16: textwrap alone would say 3"),
    ("🇺🇸", 2, "regional-indicator flag"),
    ("🇯🇵", 2, "flag"),
    ("⌨️", 2, "keyboard + VS16"),
    (
        "⁉️",
        2,
        "VS16 makes it an emoji: textwrap alone would say 1",
    ),
    ("❤️", 2, "red heart with VS16"),
    ("❤", 1, "heart without VS16: text presentation"),
    ("1️⃣", 2, "keycap sequence"),
    ("©", 1, "copyright sign"),
    ("→", 1, "arrow"),
    ("—", 1, "em dash"),
    ("…", 1, "ellipsis"),
    ("’", 1, "curly apostrophe"),
    ("\u{200b}", 0, "zero-width space"),
    ("\u{200d}", 0, "zero-width joiner alone"),
    ("\u{feff}", 0, "byte-order mark as text"),
    ("ש", 1, "Hebrew letter"),
    ("م", 1, "Arabic letter"),
    ("ก", 1, "Thai consonant"),
    (
        "\t",
        0,
        "control characters are dropped by the renderer (we clean them first)",
    ),
    ("\u{1b}", 0, "escape: dropped"),
    ("\u{7}", 0, "bell: dropped"),
];

#[test]
fn widths_match_the_golden_table() {
    let mut wrong = Vec::new();
    for &(g, want, why) in TABLE {
        let got = text::width(g);
        if got != want {
            wrong.push(format!("{g:?}: {got}, expected {want} ({why})"));
        }
    }
    assert!(
        wrong.is_empty(),
        "display widths changed:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_wrapper_never_exceeds_the_width_it_is_given() {
    let all: String = TABLE
        .iter()
        .map(|(g, _, _)| *g)
        .filter(|g| !g.chars().any(char::is_control))
        .collect::<Vec<_>>()
        .join(" ");
    for width in 2..30 {
        for range in text::wrap(&all, width) {
            let line = &all[range];
            // Only a single grapheme wider than the line may exceed it (the renderer drops it).
            let single =
                unicode_segmentation::UnicodeSegmentation::graphemes(line, true).count() == 1;
            assert!(
                text::width(line) <= width || single,
                "{line:?} is {} wide at {width}",
                text::width(line)
            );
        }
    }
}
