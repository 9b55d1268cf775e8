//! The pickers of the claim list's filters (article, tags, stance under a framing) and of the
//! framing: opening one over the view with the current choice under the cursor, the keys while
//! it is open, and applying what Enter takes. Esc closes it and keeps the old filter.

use std::collections::BTreeSet;

use super::debate::set_framing;
use super::search::prompt_edit;
use crate::action::Action;
use crate::derive::refresh_claims;
use crate::geometry::chips::ChipFilter;
use crate::model::StanceKind;
use crate::picker::{Choice, Picked, Picker, Purpose};
use crate::state::{Overlay, State, View};

/// The stances a stance filter can ask for under a framing, "none" last, in picker order.
const STANCES: [Option<StanceKind>; 4] = [
    Some(StanceKind::Supports),
    Some(StanceKind::Challenges),
    Some(StanceKind::Neutral),
    None,
];

fn open(state: &mut State, picker: Picker) {
    state.overlay = Some(Overlay::Picker(Box::new(picker)));
}

/// `a` in the claim list: one article, or all.
pub(super) fn open_article(state: &mut State) {
    let debate = &state.debate;
    let mut choices = vec![Choice::clearing("All articles")];
    let filter = &state.claims.filter;
    // Counted under the other filters: what applying the choice would list.
    choices.extend(debate.article_ixs().map(|a| {
        let count = debate
            .claims
            .iter()
            .filter(|c| {
                c.article == a && filter.tags_pass(c) && filter.stance_passes(c, state.framing)
            })
            .count();
        Choice::new(
            crate::text::clean(&debate.article(a).title),
            format!("{count} claims"),
        )
    }));
    let current = state.claims.filter.article.map_or(0, |a| a.get() + 1);
    let picker = Picker::new(
        Purpose::Article,
        "Filter by article",
        choices,
        false,
        BTreeSet::new(),
        Some(current),
    );
    open(state, picker);
}

/// Every tag of the debate, sorted, once each.
fn all_tags(state: &State) -> Vec<String> {
    let tags: BTreeSet<&str> = state
        .debate
        .claims
        .iter()
        .flat_map(|c| c.tags.iter().map(|t| &**t))
        .collect();
    tags.into_iter().map(str::to_owned).collect()
}

/// `T` in the claim list: any number of tags (Tab marks); a claim passes with any of them.
pub(super) fn open_tags(state: &mut State) {
    let tags = all_tags(state);
    let mut choices = vec![Choice::clearing("Any tag")];
    let filter = &state.claims.filter;
    // Counted under the other filters: the claims this tag alone would add to the list.
    choices.extend(tags.iter().map(|t| {
        let count = state
            .debate
            .claims
            .iter()
            .filter(|c| {
                c.tags.iter().any(|x| **x == **t)
                    && filter.article_passes(c)
                    && filter.stance_passes(c, state.framing)
            })
            .count();
        Choice::new(format!("#{t}"), format!("{count}"))
    }));
    let marked = state
        .claims
        .filter
        .tags
        .iter()
        .filter_map(|t| tags.iter().position(|x| x == t).map(|i| i + 1))
        .collect();
    let picker = Picker::new(
        Purpose::Tags,
        "Filter by tags (Tab marks several)",
        choices,
        true,
        marked,
        None,
    );
    open(state, picker);
}

/// The stance choices: every framing's name with every stance, after "All stances".
fn stance_choice(framing: usize, kind: Option<StanceKind>) -> usize {
    1 + framing * STANCES.len() + STANCES.iter().position(|&k| k == kind).unwrap_or(0)
}

/// `S` in the claim list: a stance under a framing (which becomes the active one).
pub(super) fn open_stance(state: &mut State) {
    let debate = &state.debate;
    let filter = &state.claims.filter;
    let mut choices = vec![Choice::clearing("All stances")];
    for f in debate.framing_ixs() {
        let name = crate::text::clean(&debate.framing(f).name).into_owned();
        for kind in STANCES {
            // Counted under the article and tags filters, which the stance joins.
            let count = debate
                .claims
                .iter()
                .filter(|c| {
                    c.stance(f).map(|s| s.kind) == kind
                        && filter.article_passes(c)
                        && filter.tags_pass(c)
                })
                .count();
            let word = kind.map_or("no stance", StanceKind::as_str);
            choices.push(Choice::new(format!("{word} · {name}"), format!("{count}")));
        }
    }
    let current = state
        .claims
        .filter
        .stance
        .map_or(0, |kind| stance_choice(state.framing.get(), kind));
    let picker = Picker::new(
        Purpose::Stance,
        "Filter by stance under a framing",
        choices,
        false,
        BTreeSet::new(),
        Some(current),
    );
    open(state, picker);
}

/// `f`: the active framing, by name.
pub(super) fn open_framing(state: &mut State) {
    let debate = &state.debate;
    let choices = debate
        .framing_ixs()
        .map(|f| {
            let framing = debate.framing(f);
            Choice::new(
                crate::text::clean(&framing.name),
                format!("{}/{}", f.get() + 1, debate.framings.len()),
            )
        })
        .collect();
    let picker = Picker::new(
        Purpose::Framing,
        "Framing",
        choices,
        false,
        BTreeSet::new(),
        Some(state.framing.get()),
    );
    open(state, picker);
}

/// The keys while a picker is open: typing narrows, the arrows move, Tab marks, Enter applies,
/// Esc keeps the old choice. Every action but quitting and the outside world's is taken.
pub(super) fn picker_action(state: &mut State, mut picker: Box<Picker>, action: &Action) -> bool {
    match action {
        Action::Quit | Action::Resize(..) | Action::SearchDone { .. } | Action::Reloaded(_) => {
            return false;
        }
        Action::Back => {
            state.overlay = None;
            return true;
        }
        // F1 (`?` is typed): the help of the view under the picker, which it closes.
        Action::ToggleHelp => {
            state.overlay = Some(Overlay::Help(0));
            return true;
        }
        Action::Open => {
            state.overlay = None;
            if let Some(picked) = picker.accept() {
                apply(state, picker.purpose, &picked);
            }
            return true;
        }
        Action::Up => picker.move_by(-1),
        Action::Down => picker.move_by(1),
        Action::PageUp | Action::HalfPageUp => picker.move_by(-10),
        Action::PageDown | Action::HalfPageDown => picker.move_by(10),
        Action::Top => picker.move_by(isize::MIN / 2),
        Action::Bottom => picker.move_by(isize::MAX / 2),
        Action::ScrollAt { delta, .. } => picker.move_by(isize::from(*delta)),
        Action::TogglePick => picker.toggle(),
        other => {
            if let Some(edit) = prompt_edit(other.clone()) {
                picker.edit(edit);
            }
        }
    }
    state.overlay = Some(Overlay::Picker(picker));
    true
}

/// Applies what Enter took.
fn apply(state: &mut State, purpose: Purpose, picked: &Picked) {
    let chosen: &[usize] = match picked {
        Picked::Choices(chosen) => chosen,
        Picked::Clear => &[],
    };
    match purpose {
        Purpose::Article => {
            state.claims.filter.article = chosen
                .first()
                .and_then(|&i| state.debate.article_ixs().nth(i.checked_sub(1)?));
            refresh_claims(state);
        }
        Purpose::Tags => {
            let tags = all_tags(state);
            state.claims.filter.tags = chosen
                .iter()
                .filter_map(|&i| tags.get(i.checked_sub(1)?).cloned())
                .collect();
            refresh_claims(state);
        }
        Purpose::Stance => {
            let per = STANCES.len();
            match chosen.first().and_then(|&i| i.checked_sub(1)) {
                Some(i) => {
                    if let Some(framing) = state.debate.framing_ixs().nth(i / per) {
                        if framing != state.framing {
                            set_framing(state, framing);
                        }
                        state.claims.filter.stance = Some(STANCES[i % per]);
                    }
                }
                None => state.claims.filter.stance = None,
            }
            refresh_claims(state);
        }
        Purpose::Framing => {
            if let Some(framing) = chosen
                .first()
                .and_then(|&i| state.debate.framing_ixs().nth(i))
            {
                set_framing(state, framing);
            }
            return;
        }
    }
    if state.view == View::Claims {
        state.message = Some(format!(
            "{} of {} claims.",
            state.claims.visible.len(),
            state.debate.claims.len()
        ));
    }
}

/// Backspace in the claim list: removes the last filter chip (stance, then tags from the last,
/// then the article), as the chips read from left to right.
pub(super) fn remove_last_chip(state: &mut State) {
    let filter = &mut state.claims.filter;
    if filter.stance.take().is_none() && filter.tags.pop().is_none() {
        filter.article = None;
    }
    refresh_claims(state);
}

/// A click on a chip: removes the filter it stands for.
pub(super) fn remove_chip(state: &mut State, chip: ChipFilter) {
    let filter = &mut state.claims.filter;
    match chip {
        ChipFilter::Article(_) => filter.article = None,
        ChipFilter::Tag(i) => {
            if i < filter.tags.len() {
                filter.tags.remove(i);
            }
        }
        ChipFilter::Stance(_) => filter.stance = None,
    }
    refresh_claims(state);
}

/// The claim list's filter keys: a picker for each filter, or the last chip removed.
pub(super) fn filter_action(state: &mut State, action: &Action) {
    match action {
        Action::PickArticle => open_article(state),
        Action::PickTags => open_tags(state),
        Action::PickStance => open_stance(state),
        Action::PickFraming => open_framing(state),
        Action::RemoveLastFilter => remove_last_chip(state),
        _ => {}
    }
}
