//! The claim list's first header line: the count, then a chip per active filter. Drawn by
//! `ui::claims` and hit-tested by `update` from this one computation, so that a click removes
//! the chip it lands on.

use crate::model::{ArticleIx, StanceKind};
use crate::state::State;
use crate::text;

/// Which filter a chip stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChipFilter {
    Article(ArticleIx),
    /// The i-th tag of the filter.
    Tag(usize),
    Stance(Option<StanceKind>),
}

/// One chip: its label as drawn (" … × ") and the columns it covers, from its first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub filter: ChipFilter,
    pub label: String,
    pub x: u16,
}

/// The count at the line's start, " 12 of 235 claims ".
pub fn count_label(state: &State) -> String {
    format!(
        " {} of {} claims ",
        state.claims.visible.len(),
        state.debate.claims.len()
    )
}

/// The chips of the active filters, left to right (the article, each tag, the stance under
/// its framing), each placed after the count and one space, starting at column `left`.
pub fn chips(state: &State, left: u16) -> Vec<Chip> {
    let f = &state.claims.filter;
    let mut labels: Vec<(ChipFilter, String)> = Vec::new();
    if let Some(a) = f.article {
        let title = text::clean(&state.debate.article(a).title).into_owned();
        labels.push((
            ChipFilter::Article(a),
            format!("{} {}", a.get() + 1, text::truncate(&title, 18)),
        ));
    }
    labels.extend(
        f.tags
            .iter()
            .enumerate()
            .map(|(i, t)| (ChipFilter::Tag(i), format!("#{}", text::clean(t)))),
    );
    if let Some(kind) = f.stance {
        let name = text::clean(&state.debate.framing(state.framing).name).into_owned();
        labels.push((
            ChipFilter::Stance(kind),
            format!(
                "{} · {}",
                kind.map_or("no stance", StanceKind::as_str),
                text::truncate(&name, 24)
            ),
        ));
    }
    let mut x = usize::from(left) + text::width(&count_label(state));
    labels
        .into_iter()
        .map(|(filter, label)| {
            // One space between chips.
            x += 1;
            let label = format!(" {label} × ");
            let chip = Chip {
                filter,
                x: u16::try_from(x).unwrap_or(u16::MAX),
                label,
            };
            x += text::width(&chip.label);
            chip
        })
        .collect()
}

/// The filter of the chip drawn at column `x` of the claim list's first header line, if any
/// (a chip cut at the line's end counts only where it shows).
pub fn chip_at(state: &State, x: u16, y: u16) -> Option<ChipFilter> {
    let header = super::claims(state).header;
    if header.height == 0 || y != header.y || x >= header.right() {
        return None;
    }
    chips(state, header.x)
        .into_iter()
        .find(|chip| {
            let end = usize::from(chip.x) + text::width(&chip.label);
            x >= chip.x && usize::from(x) < end
        })
        .map(|chip| chip.filter)
}
