//! Key sequences of the debate view's own keys (T, h/l and [ ], x, j through a long row),
//! through the same input mapping, keymap and update the binary uses.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::model::Debate;
use debate::state::{State, View};

#[path = "support/keys.rs"]
mod keys;
use keys::{app as embedded, press, screen as text};

fn six(w: u16, h: u16) -> State {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/six-framings.toml"
    );
    let debate = debate::model::load_path(std::path::Path::new(path)).unwrap();
    State::new(debate, "six", w, h)
}

/// Presses keys written like "d s l", as the event loop would.
#[test]
fn l_and_h_pan_the_framing_columns_and_the_heads_say_more_lie_beyond() {
    let mut s = six(80, 24);
    press(&mut s, "d s");
    assert!(s.debate_view.side_by_side);
    let first = text(&s);
    assert!(first.contains("framings 1–2 of 6"), "{first}");
    assert!(
        first.contains("4›"),
        "four more framings to the right:\n{first}"
    );
    assert!(!first.contains('‹'), "none to the left:\n{first}");
    press(&mut s, "l");
    let panned = text(&s);
    assert!(panned.contains("framings 2–3 of 6"), "{panned}");
    assert!(panned.contains("‹1"), "one framing to the left:\n{panned}");
    press(&mut s, "] ] ] ] ]");
    assert!(
        text(&s).contains("framings 5–6 of 6"),
        "stops at the last framing"
    );
    press(&mut s, "[ h left");
    assert!(text(&s).contains("framings 2–3 of 6"));
}

#[test]
fn every_framing_fits_at_120_columns_and_l_says_so() {
    let mut s = embedded(120, 40);
    press(&mut s, "d s l");
    assert_eq!(s.message.as_deref(), Some("Every framing is on screen."));
}

#[test]
fn capital_t_opens_the_whole_thesis() {
    let mut s = embedded(80, 24);
    press(&mut s, "d");
    let thesis = s.debate.framing(s.framing).thesis.clone();
    let last_word: String = thesis
        .split_whitespace()
        .last()
        .unwrap()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    assert!(text(&s).contains(" …"), "the cut thesis ends in …");
    press(&mut s, "i");
    assert!(text(&s).contains(&last_word), "{}", text(&s));
    press(&mut s, "i");
    assert!(!s.debate_view.thesis_open);
}

#[test]
fn j_reads_through_a_row_taller_than_the_list_before_moving_on() {
    let mut s = embedded(40, 10);
    press(&mut s, "d s");
    assert_eq!(s.view, View::Debate);
    press(&mut s, "j");
    assert_eq!(
        s.debate_view.selected, 0,
        "the first row is taller than the list"
    );
    assert!(s.debate_view.row_scroll > 0);
    let mut presses = 1;
    while s.debate_view.selected == 0 {
        press(&mut s, "j");
        presses += 1;
        assert!(presses < 40, "j never moved on");
    }
    assert_eq!(
        s.debate_view.row_scroll, 0,
        "the next row shows from its top"
    );
    press(&mut s, "j k");
    assert_eq!(
        s.debate_view.row_scroll, 0,
        "k scrolls back up inside the row"
    );
}

#[test]
fn x_filters_in_both_modes_and_says_what_it_kept() {
    let mut s = embedded(100, 30);
    press(&mut s, "d");
    let all = s.debate_rows().len();
    press(&mut s, "x");
    assert!(
        !s.debate_view.side_by_side,
        "x no longer switches to side by side"
    );
    let kept = s.debate_rows().len();
    assert!(0 < kept && kept < all, "{kept} of {all}");
    assert!(
        s.debate_rows()
            .iter()
            .all(|&(_, c)| s.debate.is_contested(c))
    );
    assert_eq!(
        s.message.as_deref().unwrap().split(':').next(),
        Some(format!("{kept} of {all} claims").as_str())
    );
    assert!(text(&s).contains("contested only"));
    press(&mut s, "s");
    let compare_kept = s.compare_rows().len();
    press(&mut s, "x");
    assert_eq!(
        s.message,
        Some(format!("All {} claims", s.compare_rows().len()))
    );
    assert!(s.compare_rows().len() > compare_kept);
}

#[test]
fn capital_d_puts_supports_against_challenges_first_and_back() {
    let mut s = embedded(120, 40);
    press(&mut s, "d s");
    let article_order = s.compare_rows().to_vec();
    press(&mut s, "D");
    let sorted = s.compare_rows().to_vec();
    assert_eq!(
        sorted.len(),
        article_order.len(),
        "the same claims, reordered"
    );
    // Every contested claim comes before every claim the framings do not set against each
    // other (two framings: a support against a challenge outweighs all else).
    let first_uncontested = sorted
        .iter()
        .position(|&c| !s.debate.is_contested(c))
        .unwrap_or(sorted.len());
    assert!(first_uncontested > 0);
    assert!(
        sorted[first_uncontested..]
            .iter()
            .all(|&c| !s.debate.is_contested(c)),
        "contested claims first"
    );
    assert!(text(&s).contains("Where they disagree"));
    press(&mut s, "D");
    assert_eq!(s.compare_rows(), article_order.as_slice());
}

#[test]
fn a_claim_only_one_framing_reads_is_marked() {
    let mut debate = Debate::embedded().unwrap();
    // The first claim read by the first framing alone: the others' blind spot.
    let stances = &mut debate.claims[0].stances;
    assert!(stances[0].is_some());
    for other in stances.iter_mut().skip(1) {
        *other = None;
    }
    let mut s = State::new(debate, "blind", 120, 40);
    press(&mut s, "d s");
    let screen = text(&s);
    assert_eq!(screen.matches("◌ one framing only").count(), 1, "{screen}");
}

/// `D` reorders the rows around the claim being read: it stays selected, from one framing's
/// view as from side by side (a new user's 24/71 became 1/71).
#[test]
fn capital_d_keeps_the_claim_being_read_selected() {
    for start in ["d", "d s"] {
        let mut s = embedded(120, 40);
        press(&mut s, start);
        press(&mut s, "j j j j j j j");
        let row = s.debate_view.selected;
        let claim = if s.debate_view.side_by_side {
            s.compare_rows()[row]
        } else {
            s.debate_rows()[row].1
        };
        press(&mut s, "D");
        assert!(s.debate_view.side_by_side);
        assert_eq!(
            s.compare_rows()[s.debate_view.selected],
            claim,
            "after '{start}' then D"
        );
        press(&mut s, "D");
        assert_eq!(s.compare_rows()[s.debate_view.selected], claim, "D again");
    }
}

/// h/l pan side by side's columns; one framing's view has none, so its bar does not offer them.
#[test]
fn one_framing_view_does_not_offer_panning() {
    let mut s = six(200, 30);
    press(&mut s, "d");
    let bar = text(&s).lines().last().unwrap_or_default().to_owned();
    assert!(!bar.contains(" pan "), "{bar}");
    press(&mut s, "s");
    let bar = text(&s).lines().last().unwrap_or_default().to_owned();
    assert!(bar.contains(" pan "), "side by side offers it: {bar}");
}

/// Side by side shows the active framing's column, marked ▌, when it opens and when `t`
/// changes the framing: at 80 columns with the third framing active it opened on framings 1–2.
#[test]
fn side_by_side_keeps_the_active_framing_on_screen() {
    let mut s = embedded(80, 24);
    press(&mut s, "t t d s");
    let shown = text(&s);
    assert!(shown.contains("framings 2–3 of 3"), "{shown}");
    assert!(shown.contains("▌Stages"), "{shown}");
    press(&mut s, "t");
    let shown = text(&s);
    assert!(shown.contains("framings 1–2 of 3"), "{shown}");
    assert!(shown.contains("▌Technology"), "{shown}");
    // Panning away by hand is the user's to do.
    press(&mut s, "l");
    assert!(text(&s).contains("framings 2–3 of 3"));
}
