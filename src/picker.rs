//! A picker: a short list of choices narrowed by typing (the finder's query syntax and ranking),
//! moved through with the arrows, one choice taken with Enter, or several marked with Tab
//! where the picker allows it. The claim list's filters and the framing are chosen with it.
//!
//! Pure data: it knows neither the terminal nor the state it is opened over; `update` builds
//! one from the debate and applies what it returns.

use std::collections::BTreeSet;

use crate::field::{Edit, Outcome, TextField};

/// What a picker chooses, for `update` to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The claim list's article filter.
    Article,
    /// The claim list's tag filter (several tags).
    Tags,
    /// The claim list's stance filter: a stance under a framing.
    Stance,
    /// The active framing.
    Framing,
}

/// One line of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What is matched and shown.
    pub label: String,
    /// Shown dim after the label, not matched (a count of claims).
    pub detail: String,
    /// Taking it removes the filter ("All articles").
    pub clears: bool,
}

impl Choice {
    pub fn new(label: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            detail: detail.into(),
            clears: false,
        }
    }

    /// The line that removes the filter.
    pub fn clearing(label: impl Into<String>) -> Self {
        Self {
            clears: true,
            ..Self::new(label, "")
        }
    }
}

/// What Enter took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// The choices (indices into `choices`, in their order): the marked ones, or the one under
    /// the cursor when none is marked.
    Choices(Vec<usize>),
    /// The line that removes the filter.
    Clear,
}

/// The longest text typed into a picker.
const MAX_QUERY_CHARS: usize = 100;

/// An open picker.
#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: Purpose,
    pub title: String,
    pub choices: Vec<Choice>,
    /// Whether Tab marks several choices.
    pub multi: bool,
    pub query: TextField,
    /// Marked choices (indices into `choices`).
    pub marked: BTreeSet<usize>,
    /// The choices the query keeps, best first, with the char indices of the label it matched.
    pub shown: Vec<(usize, Vec<usize>)>,
    /// Index into `shown`.
    pub selected: usize,
}

/// Pickers are compared by what they show: the query's text stands for the field.
impl PartialEq for Picker {
    fn eq(&self, other: &Self) -> bool {
        self.purpose == other.purpose
            && self.title == other.title
            && self.choices == other.choices
            && self.multi == other.multi
            && self.query.text() == other.query.text()
            && self.query.cursor_chars() == other.query.cursor_chars()
            && self.marked == other.marked
            && self.shown == other.shown
            && self.selected == other.selected
    }
}

impl Eq for Picker {}

impl Picker {
    /// A picker over `choices`, the cursor on `current` (an index into `choices`) and, in a
    /// multiple picker, `marked` marked.
    pub fn new(
        purpose: Purpose,
        title: impl Into<String>,
        choices: Vec<Choice>,
        multi: bool,
        marked: BTreeSet<usize>,
        current: Option<usize>,
    ) -> Self {
        let mut picker = Self {
            purpose,
            title: title.into(),
            marked: marked.into_iter().filter(|&i| i < choices.len()).collect(),
            choices,
            multi,
            query: TextField::new(MAX_QUERY_CHARS),
            shown: Vec::new(),
            selected: 0,
        };
        picker.narrow();
        picker.selected = current
            .and_then(|c| picker.shown.iter().position(|&(i, _)| i == c))
            .unwrap_or(0);
        picker
    }

    /// Ranks the choices against the query, in the finder's syntax (terms in any order,
    /// `'exact`, `!not`…): all of them in order when it has no terms, else those it matches,
    /// best first (earlier first among equals).
    fn narrow(&mut self) {
        let labels = self.choices.iter().map(|c| c.label.as_str());
        self.shown = crate::search::rank_texts(self.query.text(), labels)
            .unwrap_or_else(|| (0..self.choices.len()).map(|i| (i, Vec::new())).collect());
        self.selected = 0;
    }

    /// Edits the query; the list narrows again when its text changed.
    pub fn edit(&mut self, edit: Edit) -> Outcome {
        let outcome = self.query.apply(edit);
        if outcome == Outcome::Changed {
            self.narrow();
        }
        outcome
    }

    /// Moves the cursor by `delta` lines, stopping at either end.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// The choice under the cursor.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.selected).map(|&(i, _)| i)
    }

    /// Tab: marks or unmarks the choice under the cursor and moves on, as fzf's Tab does. On
    /// the line that clears, unmarks everything. Nothing in a picker of one choice.
    pub fn toggle(&mut self) {
        if !self.multi {
            return;
        }
        let Some(i) = self.current() else { return };
        if self.choices[i].clears {
            self.marked.clear();
        } else if !self.marked.remove(&i) {
            self.marked.insert(i);
        }
        self.move_by(1);
    }

    /// Enter: the marked choices, else the one under the cursor; `None` when the query
    /// left nothing to take.
    pub fn accept(&self) -> Option<Picked> {
        if self.multi && !self.marked.is_empty() {
            return Some(Picked::Choices(self.marked.iter().copied().collect()));
        }
        let i = self.current()?;
        Some(if self.choices[i].clears {
            Picked::Clear
        } else {
            Picked::Choices(vec![i])
        })
    }

    /// The first line shown in a list `rows` high: the cursor's line stays in view.
    pub fn offset(&self, rows: usize) -> usize {
        (self.selected + 1).saturating_sub(rows.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(multi: bool, marked: &[usize]) -> Picker {
        let choices = vec![
            Choice::clearing("Any tag"),
            Choice::new("export-controls", "11"),
            Choice::new("chips", "20"),
            Choice::new("compute", "7"),
            Choice::new("talent", "5"),
        ];
        Picker::new(
            Purpose::Tags,
            "Tags",
            choices,
            multi,
            marked.iter().copied().collect(),
            None,
        )
    }

    fn typed(picker: &mut Picker, text: &str) {
        for c in text.chars() {
            picker.edit(Edit::Insert(c));
        }
    }

    fn shown(picker: &Picker) -> Vec<&str> {
        picker
            .shown
            .iter()
            .map(|&(i, _)| picker.choices[i].label.as_str())
            .collect()
    }

    #[test]
    fn an_empty_query_shows_every_choice_in_order() {
        let p = tags(false, &[]);
        assert_eq!(
            shown(&p),
            ["Any tag", "export-controls", "chips", "compute", "talent"]
        );
        assert_eq!(p.current(), Some(0));
    }

    #[test]
    fn typing_narrows_and_ranks_as_the_fuzzy_matcher() {
        let mut p = tags(false, &[]);
        typed(&mut p, "cp");
        // Only "chips" and "compute" hold a c followed by a p.
        assert_eq!(shown(&p), ["chips", "compute"]);
        assert_eq!(p.shown[0].1, vec![0, 3]);
        typed(&mut p, "u");
        assert_eq!(shown(&p), ["compute"]);
        p.edit(Edit::DeleteBack);
        p.edit(Edit::DeleteBack);
        p.edit(Edit::DeleteBack);
        assert_eq!(shown(&p).len(), 5, "an emptied query shows all again");
    }

    #[test]
    fn a_query_that_matches_nothing_takes_nothing() {
        let mut p = tags(false, &[]);
        typed(&mut p, "zzz");
        assert!(p.shown.is_empty());
        assert_eq!(p.accept(), None);
        p.move_by(1);
        assert_eq!(p.selected, 0);
    }

    #[test]
    fn the_cursor_stops_at_both_ends() {
        let mut p = tags(false, &[]);
        p.move_by(-1);
        assert_eq!(p.selected, 0);
        p.move_by(10);
        assert_eq!(p.selected, 4);
        p.move_by(-2);
        assert_eq!(p.current(), Some(2));
    }

    #[test]
    fn enter_takes_the_line_under_the_cursor_or_clears() {
        let mut p = tags(false, &[]);
        assert_eq!(p.accept(), Some(Picked::Clear));
        p.move_by(2);
        assert_eq!(p.accept(), Some(Picked::Choices(vec![2])));
        p.toggle();
        assert!(p.marked.is_empty(), "a single picker marks nothing");
    }

    #[test]
    fn tab_marks_several_and_enter_takes_them_in_order() {
        let mut p = tags(true, &[]);
        p.move_by(3);
        p.toggle();
        assert_eq!(p.current(), Some(4), "Tab moves on, as fzf's");
        p.move_by(-3);
        p.toggle();
        assert_eq!(p.accept(), Some(Picked::Choices(vec![1, 3])));
        // Unmarking one keeps the other.
        p.move_by(-10);
        p.move_by(1);
        p.toggle();
        assert_eq!(p.accept(), Some(Picked::Choices(vec![3])));
    }

    #[test]
    fn marks_survive_narrowing_and_tab_on_the_clearing_line_drops_them() {
        let mut p = tags(true, &[2, 3]);
        typed(&mut p, "talent");
        p.toggle();
        assert_eq!(p.accept(), Some(Picked::Choices(vec![2, 3, 4])));
        p.edit(Edit::Clear);
        assert_eq!(p.current(), Some(0));
        p.toggle();
        assert!(p.marked.is_empty());
        // With nothing marked, Enter takes the line under the cursor (Tab moved it on).
        assert_eq!(p.accept(), Some(Picked::Choices(vec![1])));
    }

    #[test]
    fn it_opens_on_the_current_choice_and_ignores_unknown_marks() {
        let p = Picker::new(
            Purpose::Article,
            "Article",
            vec![
                Choice::clearing("All"),
                Choice::new("A", ""),
                Choice::new("B", ""),
            ],
            false,
            [7].into_iter().collect(),
            Some(2),
        );
        assert_eq!(p.current(), Some(2));
        assert!(p.marked.is_empty());
    }

    #[test]
    fn terms_match_in_any_order_as_in_the_finder() {
        let mut p = Picker::new(
            Purpose::Stance,
            "Stance",
            vec![
                Choice::new("supports · Indigenous innovation", ""),
                Choice::new("challenges · Indigenous innovation", ""),
                Choice::new("challenges · Technology transfer", ""),
            ],
            false,
            BTreeSet::new(),
            None,
        );
        typed(&mut p, "ind cha");
        assert_eq!(shown(&p), ["challenges · Indigenous innovation"]);
        p.edit(Edit::Clear);
        typed(&mut p, "cha !tech");
        assert_eq!(shown(&p), ["challenges · Indigenous innovation"]);
    }

    #[test]
    fn cjk_labels_narrow_by_character() {
        let mut p = Picker::new(
            Purpose::Tags,
            "Tags",
            vec![Choice::new("出口管制", ""), Choice::new("芯片", "")],
            true,
            BTreeSet::new(),
            None,
        );
        typed(&mut p, "芯");
        assert_eq!(shown(&p), ["芯片"]);
    }

    #[test]
    fn the_offset_keeps_the_cursor_in_view() {
        let mut p = tags(false, &[]);
        assert_eq!(p.offset(3), 0);
        p.move_by(4);
        assert_eq!(p.offset(3), 2);
        assert_eq!(p.offset(0), 4);
    }
}
