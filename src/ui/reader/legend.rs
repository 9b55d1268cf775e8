//! The legend above an article: which framing colours the quotes and what each stance's mark
//! and colour mean ("Technology transfer: + supports  − challenges  • neutral  · no
//! stance"). It always names all four stances, each with its mark: when the column is too
//! narrow it cuts the framing's name (with "…"), then uses shorter words and separators,
//! rather than drop a stance the gutter may show.

use ratatui::text::{Line, Span};

use crate::model::StanceKind;
use crate::state::State;
use crate::text;

use super::super::theme;

/// The stances in the order the legend (and the gutter's marks) give them.
const KINDS: [Option<StanceKind>; 4] = [
    Some(StanceKind::Supports),
    Some(StanceKind::Challenges),
    Some(StanceKind::Neutral),
    None,
];

/// How short the stances' words are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Words {
    /// "supports", "challenges", "neutral", "no stance": the words used everywhere else.
    Full,
    /// "pro", "con", "neutral", "none": they still read with their marks (+ pro, − con).
    Short,
    /// "pro", "con", "neu", "none", for the narrowest columns.
    Tiny,
}

/// How the stances are written: their words, what is between a mark and its word, and what
/// is between two stances.
#[derive(Clone, Copy)]
struct Wording {
    words: Words,
    gap: &'static str,
    separator: &'static str,
}

// Two spaces between stances, not " · ": that is the no-stance mark.
const FULL: Wording = Wording {
    words: Words::Full,
    gap: " ",
    separator: "  ",
};
const SHORT: Wording = Wording {
    words: Words::Short,
    gap: " ",
    separator: "  ",
};
const TIGHT: Wording = Wording {
    words: Words::Short,
    gap: " ",
    separator: " ",
};
const TINY: Wording = Wording {
    words: Words::Tiny,
    gap: "",
    separator: " ",
};

/// A stance's word in the legend.
fn word(kind: Option<StanceKind>, words: Words) -> &'static str {
    match (kind, words) {
        (_, Words::Full) => theme::stance_word(kind),
        (Some(StanceKind::Supports), _) => "pro",
        (Some(StanceKind::Challenges), _) => "con",
        (Some(StanceKind::Neutral), Words::Short) => "neutral",
        (Some(StanceKind::Neutral), Words::Tiny) => "neu",
        (None, _) => "none",
    }
}

/// One stance as the legend writes it: "+ supports".
fn stance(kind: Option<StanceKind>, mark: &str, wording: Wording) -> String {
    format!("{mark}{}{}", wording.gap, word(kind, wording.words))
}

fn stance_width(wording: Wording, marks: &[&str; 4]) -> usize {
    KINDS
        .iter()
        .zip(marks)
        .map(|(&k, m)| text::width(&stance(k, m, wording)))
        .sum::<usize>()
        + 3 * text::width(wording.separator)
}

/// What the legend shows in `width` cells: the framing's name (cut to fit, or left out when
/// even a cut one does not) and how the stances are worded. Fuller forms come first.
fn fit(name: &str, width: usize, marks: &[&str; 4]) -> (Option<String>, Wording) {
    let name_width = text::width(name);
    // (wording, the fewest cells of the name worth showing; `usize::MAX`: the whole name)
    let tries = [
        (FULL, usize::MAX),
        (FULL, 12),
        (SHORT, usize::MAX),
        (SHORT, 8),
        (TIGHT, usize::MAX),
        (TIGHT, 4),
        (TINY, usize::MAX),
        (TINY, 4),
    ];
    for (wording, least) in tries {
        let room = width.saturating_sub(stance_width(wording, marks) + 2);
        if room >= name_width {
            return (Some(name.to_owned()), wording);
        }
        if least != usize::MAX && room >= least {
            return (Some(text::truncate(name, room).into_owned()), wording);
        }
    }
    (None, TINY)
}

/// The legend's line for a column `width` cells wide.
pub(super) fn line(state: &State, width: u16) -> Line<'static> {
    let theme = &state.theme;
    let f = state.framing;
    let framing = state.debate.framing(f);
    let marks = KINDS.map(|k| theme.stance_mark(k));
    let name = text::clean(&framing.name).into_owned();
    let (name, wording) = fit(&name, usize::from(width), &marks);
    let mut spans = Vec::new();
    if let Some(name) = name {
        spans.push(Span::styled(name, theme.framing(framing, f.get())));
        spans.push(Span::styled(": ", theme.dim));
    }
    for (i, (kind, mark)) in KINDS.into_iter().zip(marks).enumerate() {
        if i > 0 {
            spans.push(Span::styled(wording.separator, theme.dim));
        }
        // The mark too: the gutter shows it beside every quote, colour or not.
        spans.push(Span::styled(
            stance(kind, mark, wording),
            theme.quote(kind, false),
        ));
    }
    let line = Line::from(spans);
    if line.width() <= usize::from(width) {
        return line;
    }
    // A column narrower than the tightest legend: cut, and say so with "…".
    let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::from(Span::styled(
        text::truncate(&plain, usize::from(width)).into_owned(),
        theme.dim,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKS: [&str; 4] = ["+", "−", "•", "·"];

    fn shown(name: &str, width: usize) -> String {
        let (name, wording) = fit(name, width, &MARKS);
        let stances: Vec<String> = KINDS
            .iter()
            .zip(MARKS)
            .map(|(&k, m)| stance(k, m, wording))
            .collect();
        let stances = stances.join(wording.separator);
        match name {
            Some(name) => format!("{name}: {stances}"),
            None => stances,
        }
    }

    #[test]
    fn a_wide_column_shows_everything() {
        assert_eq!(
            shown("Technology transfer", 88),
            "Technology transfer: + supports  − challenges  • neutral  · no stance"
        );
    }

    #[test]
    fn the_name_is_cut_before_a_stance_is_dropped() {
        // 76 columns, the reader's column at 80: everything fits.
        let at_80 = shown("Stages of one progression", 76);
        assert_eq!(
            at_80,
            "Stages of one progression: + supports  − challenges  • neutral  · no stance"
        );
        let at_70 = shown("Stages of one progression", 70);
        assert!(text::width(&at_70) <= 70, "{at_70}");
        assert!(at_70.starts_with("Stages of one progr…: "), "{at_70}");
        assert!(at_70.ends_with("+ supports  − challenges  • neutral  · no stance"));
    }

    #[test]
    fn narrow_columns_keep_every_mark_with_a_word() {
        for width in 20..=60 {
            let legend = shown("Stages of one progression", width);
            assert!(text::width(&legend) <= width, "{width}: {legend}");
            for mark in MARKS {
                let i = legend.rfind(mark).unwrap_or_else(|| {
                    panic!("{width}: no {mark} in {legend}");
                });
                let after = legend[i + mark.len()..].trim_start();
                assert!(
                    after.starts_with(|c: char| c.is_alphabetic()),
                    "{width}: {legend}"
                );
            }
        }
        assert_eq!(
            shown("Stages of one progression", 40),
            "Stages of…: + pro − con • neutral · none"
        );
        assert_eq!(
            shown("Stages of one progression", 20),
            "+pro −con •neu ·none"
        );
    }
}
