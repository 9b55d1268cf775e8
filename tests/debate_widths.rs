//! The debate views at the sizes people use (issue 16): 2, 3 and 6 framings, CJK and Arabic
//! names, at 80x24, 100x30, 120x40 and 200x60; and every word of the selected row's notes
//! reachable with a bounded number of keys at any size from 40x10 up.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::cli::{RenderArgs, RenderFormat, RenderView, render_state};
use debate::effect::apply;
use debate::model::{Debate, load_path};
use debate::screen;
use debate::state::State;
use proptest::prelude::*;

const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (200, 60)];
const FILES: [(&str, &str); 3] = [
    ("two", "tests/fixtures/two-framings.toml"),
    ("three", "tests/fixtures/multilingual.toml"),
    ("six", "tests/fixtures/six-framings.toml"),
];

fn load(file: &str) -> Debate {
    load_path(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

fn render(debate: Debate, view: RenderView, size: (u16, u16)) -> String {
    let args = RenderArgs {
        view,
        article: None,
        framing: None,
        query: String::new(),
        claim: None,
        size,
        format: RenderFormat::Text,
        file: None,
    };
    let s = render_state(debate, "fixture", &args).unwrap();
    screen::to_text(&screen::draw(&s, size.0, size.1))
}

#[test]
fn debate_views_at_every_common_size() {
    for (name, file) in FILES {
        let debate = load(file);
        for size in SIZES {
            for (view, label) in [(RenderView::Debate, "one"), (RenderView::Compare, "side")] {
                let text = render(debate.clone(), view, size);
                insta::assert_snapshot!(format!("{label}_{name}_{}x{}", size.0, size.1), text);
            }
        }
    }
}

/// The words of a text, without the punctuation a wrap may leave on either side.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The notes of the selected row in the current mode.
fn selected_notes(s: &State) -> Vec<String> {
    let claim = if s.debate_view.side_by_side {
        s.compare_rows()[s.debate_view.selected]
    } else {
        s.debate_rows()[s.debate_view.selected].1
    };
    let c = s.debate.claim(claim);
    let framings: Vec<_> = if s.debate_view.side_by_side {
        let cols = debate::geometry::debate::columns(s, s.width);
        s.debate
            .framing_ixs()
            .skip(cols.first)
            .take(cols.shown())
            .collect()
    } else {
        vec![s.framing]
    };
    framings
        .into_iter()
        .filter_map(|f| {
            c.stance(f)
                .and_then(|st| st.note.as_deref().map(str::to_owned))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn every_word_of_the_selected_notes_shows_within_a_few_keys(
        file in 0..FILES.len(),
        side in any::<bool>(),
        row in 0usize..8,
        w in 40u16..220,
        h in 10u16..70,
    ) {
        let mut s = State::new(load(FILES[file].1), "p", w, h);
        apply(&mut s, debate::action::Action::ShowDebate);
        if side {
            apply(&mut s, debate::action::Action::ToggleSideBySide);
        }
        // `row` rows down, or to the last: a row taller than the list takes several `j` to
        // read through before the next is selected, and the notes are read from the moment
        // their row is selected (its top), not from wherever extra keys scrolled it.
        let count = if side { s.compare_rows().len() } else { s.debate_rows().len() };
        let mut moved = 0;
        while moved < row && s.debate_view.selected + 1 < count {
            let before = s.debate_view.selected;
            apply(&mut s, debate::action::Action::Down);
            moved += usize::from(s.debate_view.selected != before);
        }
        // Reading on inside the row: at most this many steps down, as `j` does.
        let selected = s.debate_view.selected;
        let notes = selected_notes(&s);
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&screen::to_text(&screen::draw(&s, w, h)));
            apply(&mut s, debate::action::Action::Down);
            if s.debate_view.selected != selected {
                break;
            }
        }
        for note in notes {
            for word in words(&note) {
                prop_assert!(seen.contains(&word), "{word:?} of {note:?} never shown at {w}x{h}");
            }
        }
    }
}
