//! Your notes and the list of bookmarks, as key sequences through the same input mapping,
//! keymap and update the binary uses; what they show, through the same drawing.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use crossterm::event::Event;
use debate::effect::apply;
use debate::input::to_action;
use debate::session::Verdict;
use debate::state::{Overlay, State, View};

#[path = "support/keys.rs"]
mod keys;
use keys::{app, press, screen, type_text};

fn note<'a>(state: &'a State, id: &str) -> Option<&'a str> {
    state.judgements.get(id).and_then(|j| j.note.as_deref())
}

/// The claim selected in the claim list, by id.
fn selected_in_list(state: &State) -> String {
    let claim = state.claims.visible[state.claims.selected];
    state.debate.claim(claim).id.clone()
}

#[test]
fn c_writes_a_note_on_the_selected_claim_shown_in_the_list_and_the_detail() {
    let mut s = app(100, 30);
    press(&mut s, "c j");
    let id = selected_in_list(&s);
    press(&mut s, "C");
    assert!(s.note.is_some(), "C opens the note's prompt");
    assert!(screen(&s).contains("Your note"), "{}", screen(&s));
    // Keys that act elsewhere are text here: q does not quit, c does not switch views.
    type_text(&mut s, "Check the 2024 numbers, q c d");
    press(&mut s, "enter");
    assert!(s.note.is_none(), "Enter saves and closes");
    assert_eq!(note(&s, &id), Some("Check the 2024 numbers, q c d"));
    assert_eq!(s.view, View::Claims);
    let list = screen(&s);
    assert!(list.contains('✎'), "the list marks the note:\n{list}");

    press(&mut s, "o");
    let detail = screen(&s);
    assert!(
        detail.contains("Your note: Check the 2024 numbers"),
        "{detail}"
    );
    // In the detail too; the prompt opens on the note so far.
    press(&mut s, "C");
    assert_eq!(
        s.note.as_ref().map(|f| f.field.text()),
        Some("Check the 2024 numbers, q c d")
    );
    press(&mut s, "ctrl-w ctrl-w ctrl-w backspace backspace");
    type_text(&mut s, ".");
    press(&mut s, "enter");
    assert_eq!(note(&s, &id), Some("Check the 2024 numbers."));
    assert!(
        matches!(s.overlay, Some(Overlay::Detail(_))),
        "the detail stays open under the prompt"
    );
}

#[test]
fn esc_leaves_the_note_as_it_was_and_an_emptied_note_is_removed_keeping_the_verdict() {
    let mut s = app(100, 30);
    press(&mut s, "c");
    let id = selected_in_list(&s);
    press(&mut s, "C");
    type_text(&mut s, "first");
    press(&mut s, "enter C");
    type_text(&mut s, " and more");
    press(&mut s, "esc");
    assert!(s.note.is_none());
    assert_eq!(note(&s, &id), Some("first"), "Esc saved nothing");
    assert_eq!(s.view, View::Claims, "Esc closed only the prompt");

    press(&mut s, "v C ctrl-u enter");
    assert_eq!(note(&s, &id), None);
    assert_eq!(
        s.judgements.get(&id).and_then(|j| j.verdict),
        Some(Verdict::Convinced),
        "the verdict stays"
    );
    press(&mut s, "v v v");
    assert!(!s.judgements.contains_key(&id), "nothing left to keep");
}

#[test]
fn a_note_can_be_written_from_the_reader_the_debate_view_and_side_by_side() {
    let mut s = app(100, 30);
    press(&mut s, "C");
    assert!(s.note.is_none(), "no claim selected in the reader yet");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("Select a claim")),
        "{:?}",
        s.message
    );
    press(&mut s, "n");
    let in_reader = s.debate.claim(s.reader().selected.unwrap()).id.clone();
    press(&mut s, "C");
    type_text(&mut s, "r");
    press(&mut s, "enter");
    assert_eq!(note(&s, &in_reader), Some("r"));

    press(&mut s, "d j");
    let (_, row) = s.debate_rows()[s.debate_view.selected];
    let in_debate = s.debate.claim(row).id.clone();
    press(&mut s, "C");
    type_text(&mut s, "d");
    press(&mut s, "enter");
    assert_eq!(note(&s, &in_debate), Some("d"));

    press(&mut s, "s j j");
    let row = s.compare_rows()[s.debate_view.selected];
    let side = s.debate.claim(row).id.clone();
    press(&mut s, "C");
    type_text(&mut s, "s");
    press(&mut s, "enter");
    assert_eq!(note(&s, &side), Some("s"));
}

#[test]
fn a_pasted_note_is_one_line_and_the_prompt_edits_as_readline_does() {
    let mut s = app(100, 30);
    press(&mut s, "c C");
    let id = selected_in_list(&s);
    let paste = to_action(&s, &Event::Paste("two\nlines\n".into())).unwrap();
    apply(&mut s, paste);
    press(&mut s, "ctrl-a");
    type_text(&mut s, ">");
    press(&mut s, "end");
    type_text(&mut s, "<");
    press(&mut s, "enter");
    assert_eq!(note(&s, &id), Some(">two lines<"));
}

#[test]
fn verdict_and_note_marks_show_side_by_side_and_in_search_results() {
    let mut s = app(120, 40);
    press(&mut s, "c");
    let claim = s.claims.visible[0];
    let summary = s.debate.claim(claim).summary.clone();
    press(&mut s, "v C");
    type_text(&mut s, "mine");
    press(&mut s, "enter s");
    assert!(s.debate_view.side_by_side);
    let compare = screen(&s);
    let head: String = summary.chars().take(12).collect();
    assert!(
        compare.contains(&format!("✓✎ {head}")),
        "side by side:\n{compare}"
    );
    // Each framing's head carries your scorecard: one convincing claim, for or against it.
    let card = debate::session::record::scorecard(&s.judgements, &s.debate);
    let heads = compare.lines().nth(3).unwrap();
    for score in &card[..2] {
        assert_eq!(score.supporting + score.challenging, 1, "{card:?}");
        let tally = format!("✓+{} −{}", score.supporting, score.challenging);
        assert!(heads.contains(&tally), "{tally} in the heads:\n{compare}");
    }

    press(&mut s, "/");
    let words: String = summary
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    type_text(&mut s, &words);
    let results = screen(&s);
    let marked = results
        .lines()
        .any(|l| l.contains("claim  ✓✎ ") && l.contains(&words[..8]));
    assert!(marked, "search results:\n{results}");
}

#[test]
fn capital_m_lists_the_bookmarks_to_go_to_one_or_delete_it() {
    let mut s = app(100, 30);
    press(&mut s, "M");
    assert!(s.overlay.is_none(), "no bookmarks: no list");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("No bookmarks")),
        "{:?}",
        s.message
    );
    press(&mut s, "2 space space m a");
    let (article, top) = (s.article, s.reader().top);
    press(&mut s, "c j m b g");
    let claim = s.claims.visible[1];

    press(&mut s, "M");
    assert_eq!(s.overlay, Some(Overlay::Marks(0)));
    let list = screen(&s);
    let title = &s.debate.article(article).title;
    let title_head: String = title.chars().take(10).collect();
    assert!(list.contains("Bookmarks"), "{list}");
    assert!(
        list.lines()
            .any(|l| l.contains("'a") && l.contains(&title_head) && l.contains("line ")),
        "'a names its article and line:\n{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.contains("'b") && l.contains("claim:")),
        "{list}"
    );
    // j moves to 'b; Enter goes there and closes the list.
    press(&mut s, "j enter");
    assert!(s.overlay.is_none());
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.reader().selected, Some(claim));

    // d deletes the selected one; Esc closes.
    press(&mut s, "M G d");
    assert_eq!(s.bookmarks.keys().copied().collect::<Vec<_>>(), ['a']);
    assert_eq!(
        s.overlay,
        Some(Overlay::Marks(0)),
        "the selection stays in the list"
    );
    press(&mut s, "esc");
    assert!(s.overlay.is_none());
    press(&mut s, "M enter");
    assert_eq!(
        (s.view, s.article, s.reader().top),
        (View::Reader, article, top)
    );
    press(&mut s, "M d");
    assert!(s.bookmarks.is_empty());
    assert!(s.overlay.is_none(), "the last one deleted closes the list");
}

#[test]
fn help_lists_the_note_and_the_bookmark_list_from_the_keymap() {
    let mut s = app(100, 60);
    press(&mut s, "?");
    let help = screen(&s);
    assert!(help.contains("Your private note"), "{help}");
    assert!(help.contains("List the bookmarks"), "{help}");
    press(&mut s, "esc c o");
    let detail = screen(&s);
    assert!(
        detail.contains("C note"),
        "the detail's hints name the key:\n{detail}"
    );
}

/// What a run leaves in its session, restored into a fresh reader.
fn restarted(state: &State) -> State {
    let mut session = debate::session::Session::default();
    debate::resume::capture(state, &mut session);
    let mut fresh = app(state.width, state.height);
    debate::resume::restore(&mut fresh, &session);
    fresh
}

#[test]
fn the_finders_accepted_queries_are_recalled_after_a_restart() {
    let mut s = app(100, 30);
    // The finder from the claim list: in the reader, `/` may be the search in the text.
    press(&mut s, "c /");
    type_text(&mut s, "export");
    press(&mut s, "enter c /");
    type_text(&mut s, "talent");
    press(&mut s, "enter c /");
    // Typed but never accepted: fzf keeps only accepted queries, and so does the file.
    type_text(&mut s, "abandoned");
    press(&mut s, "esc");
    let mut back = restarted(&s);
    press(&mut back, "c / ctrl-p");
    assert_eq!(back.search.query.text(), "talent");
    press(&mut back, "ctrl-p");
    assert_eq!(back.search.query.text(), "export");
}

#[test]
fn notes_and_bookmarks_survive_capture_and_restore() {
    let mut s = app(100, 30);
    press(&mut s, "c j");
    let id = selected_in_list(&s);
    press(&mut s, "C");
    type_text(&mut s, "Mine, ✓ and 中文");
    press(&mut s, "enter m q");
    let back = restarted(&s);
    assert_eq!(note(&back, &id), Some("Mine, ✓ and 中文"));
    assert_eq!(back.bookmarks, s.bookmarks);
    assert_eq!(back.bookmarks.len(), 1);
}

#[test]
fn a_bookmark_set_on_the_gap_between_paragraphs_goes_back_to_that_gap() {
    let mut s = app(80, 24);
    press(&mut s, "2");
    // Down a line at a time until the top line is the empty line between two paragraphs.
    while s.reader().top < 3
        || s.reader().flow.lines[s.reader().top].source != debate::flow::Source::Gap
    {
        press(&mut s, "j");
    }
    let gap = s.reader().top;
    press(&mut s, "m a g");
    assert_eq!(s.reader().top, 0);
    press(&mut s, "' a");
    assert_eq!(s.reader().top, gap, "the gap itself, not the article's top");
}

#[test]
fn in_the_finder_alt_v_and_alt_c_judge_and_annotate_the_selected_result() {
    let mut s = app(100, 30);
    press(&mut s, "c");
    let claim = s.claims.visible[0];
    let id = s.debate.claim(claim).id.clone();
    let summary = s.debate.claim(claim).summary.clone();
    press(&mut s, "/");
    type_text(&mut s, &summary);
    let debate::search::Target::Claim { claim: first, .. } = s.search.results.hits[0].target else {
        panic!("the summary finds its claim first");
    };
    assert_eq!(first, claim);
    press(&mut s, "alt-v alt-c");
    assert_eq!(
        s.judgements.get(&id).and_then(|j| j.verdict),
        Some(Verdict::Convinced)
    );
    type_text(&mut s, "from the finder");
    press(&mut s, "enter");
    assert_eq!(note(&s, &id), Some("from the finder"));
    assert_eq!(s.view, View::Search, "back in the finder");
    assert_eq!(s.search.query.text(), summary, "the query untouched");
}

/// The note's prompt and the list of bookmarks draw at every size down to the smallest,
/// with wide characters in both, without a panic.
#[test]
fn the_note_prompt_and_the_bookmark_list_draw_at_every_small_size() {
    let mut s = app(100, 30);
    press(&mut s, "c m a j m b M");
    let mut with_note = app(100, 30);
    press(&mut with_note, "c C");
    type_text(&mut with_note, &"中文 note ".repeat(30));
    for state in [&s, &with_note] {
        for w in (1..=60).step_by(3) {
            for h in 1..=14 {
                let mut sized = state.clone();
                apply(&mut sized, debate::action::Action::Resize(w, h));
                let _ = debate::screen::draw(&sized, w, h);
            }
        }
    }
}

#[test]
fn a_finder_left_open_opens_again_on_its_query_with_its_results() {
    let mut s = app(100, 30);
    press(&mut s, "2 c /");
    type_text(&mut s, "talent");
    let before: Vec<_> = s.search.results.hits.iter().map(|h| h.target).collect();
    assert!(!before.is_empty());
    let mut back = restarted(&s);
    assert_eq!(back.view, View::Search);
    assert_eq!(back.search.query.text(), "talent");
    assert!(!back.search.busy, "its results are in");
    let after: Vec<_> = back.search.results.hits.iter().map(|h| h.target).collect();
    assert_eq!(after, before);
    press(&mut back, "esc");
    assert_eq!(
        back.view,
        View::Claims,
        "Esc goes back to the list it was opened from"
    );
    assert_eq!(back.article, s.article);
}

/// The jump list (Ctrl-o back, Ctrl-n forward) is there after a restart: the same places, the
/// same position among them.
#[test]
fn the_jump_list_survives_a_restart() {
    let mut s = app(80, 24);
    press(&mut s, "2 G");
    press(&mut s, "c j enter");
    let where_now = (s.view, s.article, s.reader().top);
    assert!(s.jumps.len() >= 2, "G and Enter from the list are jumps");
    let mut back = restarted(&s);
    assert_eq!(back.jumps.parts().1, s.jumps.parts().1);
    assert_eq!(back.jumps.len(), s.jumps.len());
    assert_eq!((back.view, back.article, back.reader().top), where_now);
    // Back through the jumps in both, the restarted one lands where the first one does.
    for _ in 0..s.jumps.len() {
        press(&mut s, "ctrl-o");
        press(&mut back, "ctrl-o");
        assert_eq!(
            (back.view, back.article, back.reader().top),
            (s.view, s.article, s.reader().top)
        );
    }
    press(&mut s, "ctrl-n");
    press(&mut back, "ctrl-n");
    assert_eq!(
        (back.article, back.reader().top),
        (s.article, s.reader().top)
    );
}

/// The claim selected in each view comes back after a restart, by id; so do the claim
/// list's filters and the side-by-side pan, and a finder opened from side by side goes back
/// there on Esc.
#[test]
fn the_selected_claim_of_every_view_survives_a_restart() {
    let mut s = app(100, 30);
    press(&mut s, "d j j j j j");
    assert!(s.debate_view.selected > 0);
    let back = restarted(&s);
    assert_eq!(back.view, View::Debate);
    assert_eq!(back.debate_view.selected, s.debate_view.selected);

    let mut s = app(80, 24);
    press(&mut s, "s j j l");
    assert!(s.debate_view.side_by_side && s.debate_view.pan == 1);
    let back = restarted(&s);
    assert!(back.debate_view.side_by_side);
    assert_eq!(back.debate_view.selected, s.debate_view.selected);
    assert_eq!(back.debate_view.pan, 1);

    let mut s = app(100, 30);
    press(&mut s, "c a down enter j j");
    assert!(s.claims.filter.article.is_some(), "the article chip is set");
    assert_eq!(s.claims.selected, 2);
    let back = restarted(&s);
    assert_eq!(back.view, View::Claims);
    assert_eq!(back.claims.filter, s.claims.filter);
    assert_eq!(selected_in_list(&back), selected_in_list(&s));

    let mut s = app(100, 30);
    press(&mut s, "2 n n n");
    assert!(s.reader().selected.is_some());
    let back = restarted(&s);
    assert_eq!(back.article, s.article);
    assert_eq!(back.reader().selected, s.reader().selected);

    let mut s = app(100, 30);
    press(&mut s, "s /");
    type_text(&mut s, "talent");
    press(&mut s, "down down");
    assert_eq!(s.search.selected, 2);
    let mut back = restarted(&s);
    assert_eq!(back.view, View::Search);
    assert_eq!(back.search.selected, 2);
    press(&mut back, "esc");
    assert_eq!(
        back.view,
        View::Debate,
        "Esc goes where the finder was opened from"
    );
    assert!(back.debate_view.side_by_side);
}

/// While the reading state cannot be saved, a verdict, a note or a mark says it is not kept;
/// once saving works again, they say nothing of it.
#[test]
fn while_saves_fail_verdicts_notes_and_marks_say_they_are_not_kept() {
    let mut s = app(100, 30);
    s.unsaved = Some("read-only".into());
    press(&mut s, "c v");
    let said = s.message.clone().unwrap();
    // What matters first: the status line cuts a message's end.
    assert!(
        said.starts_with("Not saved (read-only): convinced: your verdict on "),
        "{said}"
    );
    press(&mut s, "C");
    type_text(&mut s, "mine");
    press(&mut s, "enter");
    let said = s.message.clone().unwrap();
    assert!(
        said.starts_with("Not saved (read-only): note on "),
        "{said}"
    );
    assert!(!said.contains(" saved."), "{said}");
    press(&mut s, "m a");
    assert_eq!(
        s.message.as_deref(),
        Some("Not saved (read-only): bookmark 'a set.")
    );
    s.unsaved = None;
    press(&mut s, "m b");
    assert_eq!(s.message.as_deref(), Some("Bookmark 'b set."));
}

/// `m` or `'` and then no letter (a digit, say) sets or goes nowhere, and says marks are
/// letters.
#[test]
fn a_mark_that_is_no_letter_says_marks_are_letters() {
    let mut s = app(100, 30);
    press(&mut s, "m 1");
    assert!(s.bookmarks.is_empty());
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("Marks are letters a–z"),
        "{:?}",
        s.message
    );
    assert!(s.pending_mark.is_none());
    press(&mut s, "' 1");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .starts_with("Marks are letters a–z"),
        "{:?}",
        s.message
    );
}
