//! The pickers of issue 15, through the same input mapping, keymap and update the binary uses:
//! the claim list's article, tags and stance filters and the framing, each chosen in a picker;
//! the active filters as chips in the claim list's header, under which the mark columns are
//! named. Snapshots of the picker and the chips at 80x24 and 120x40.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

mod support;

use crossterm::event::Event;
use debate::effect::apply;
use debate::input::to_action;
use debate::model::{Debate, StanceKind};
use debate::state::{Overlay, State, View};

#[path = "support/keys.rs"]
mod keys;
use keys::{app, press, screen, type_text};

fn picker(state: &State) -> &debate::picker::Picker {
    match &state.overlay {
        Some(Overlay::Picker(p)) => p,
        other => panic!("no picker open: {other:?}"),
    }
}

/// Every tag of the debate, sorted, as the tag picker lists them.
fn tags(state: &State) -> Vec<String> {
    let mut tags: Vec<String> = state
        .debate
        .claims
        .iter()
        .flat_map(|c| c.tags.iter().map(ToString::to_string))
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

#[test]
fn typing_narrows_the_article_picker_and_enter_applies() {
    let mut s = app(100, 30);
    press(&mut s, "c a");
    let p = picker(&s);
    assert_eq!(
        p.choices.len(),
        s.debate.articles.len() + 1,
        "All, then each"
    );
    assert_eq!(p.current(), Some(0), "no filter: the cursor on All");
    // The second article's title, narrowed to by typing a word only it holds, as an exact
    // term (a fuzzy one could match letters spread over another title).
    let second = s.debate.articles[1].title.to_lowercase();
    let others: Vec<String> = s
        .debate
        .articles
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != 1)
        .map(|(_, a)| a.title.to_lowercase())
        .collect();
    let word = second
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| w.len() > 3 && w.is_ascii() && others.iter().all(|o| !o.contains(*w)))
        .unwrap()
        .to_owned();
    type_text(&mut s, &format!("'{word}"));
    assert_eq!(picker(&s).shown.len(), 1, "{word} is in one title");
    press(&mut s, "enter");
    assert!(s.overlay.is_none());
    let article = s.claims.filter.article.unwrap();
    assert_eq!(article.get(), 1);
    assert!(!s.claims.visible.is_empty());
    assert!(
        s.claims
            .visible
            .iter()
            .all(|&c| s.debate.claim(c).article == article)
    );
    // Opened again, the cursor is on the article chosen.
    press(&mut s, "a");
    assert_eq!(picker(&s).current(), Some(2));
}

#[test]
fn esc_keeps_the_old_filter() {
    let mut s = app(100, 30);
    press(&mut s, "c a down enter");
    let before = s.claims.filter.clone();
    press(&mut s, "a down down esc");
    assert!(s.overlay.is_none());
    assert_eq!(s.claims.filter, before);
    press(&mut s, "T tab tab ctrl-c");
    assert_eq!(s.claims.filter, before, "Ctrl-c cancels a picker too");
    assert_eq!(s.view, View::Claims, "and does not quit");
}

#[test]
fn tab_marks_several_tags_and_a_claim_passes_with_any_of_them() {
    let mut s = app(100, 30);
    let all = tags(&s);
    // Down past "Any tag", mark the first two tags.
    press(&mut s, "c T down tab tab");
    assert_eq!(picker(&s).marked.len(), 2);
    press(&mut s, "enter");
    assert_eq!(s.claims.filter.tags, all[..2]);
    let has = |s: &State, c: debate::model::ClaimIx, t: &str| {
        s.debate.claim(c).tags.iter().any(|x| &**x == t)
    };
    let expected: Vec<_> = s
        .debate
        .claim_ixs()
        .filter(|&c| has(&s, c, &all[0]) || has(&s, c, &all[1]))
        .collect();
    assert_eq!(s.claims.visible, expected);
    // Reopened, the two are marked; unmarking one leaves the other.
    press(&mut s, "T");
    assert_eq!(picker(&s).marked.len(), 2);
    press(&mut s, "down tab enter");
    assert_eq!(s.claims.filter.tags, all[1..2]);
    // "Any tag" clears.
    press(&mut s, "T tab");
    assert!(picker(&s).marked.is_empty(), "Tab on Any tag unmarks all");
    press(&mut s, "up enter");
    assert!(s.claims.filter.tags.is_empty());
    assert_eq!(s.claims.visible.len(), s.debate.claims.len());
}

#[test]
fn the_stance_picker_names_the_framing_and_makes_it_active() {
    let mut s = app(100, 30);
    let second = s.debate.framings[1].name.clone();
    let first_word = second.split_whitespace().next().unwrap().to_lowercase();
    press(&mut s, "c S");
    // Terms in any order, as in the finder: the stance, then the framing's first word.
    type_text(&mut s, &format!("chall {first_word}"));
    let p = picker(&s);
    let label = &p.choices[p.current().unwrap()].label;
    assert_eq!(*label, format!("challenges · {second}"));
    press(&mut s, "enter");
    assert_eq!(
        s.framing.get(),
        1,
        "the framing named becomes the active one"
    );
    assert_eq!(s.claims.filter.stance, Some(Some(StanceKind::Challenges)));
    assert!(s.claims.visible.iter().all(|&c| {
        s.debate.claim(c).stance(s.framing).map(|x| x.kind) == Some(StanceKind::Challenges)
    }));
    assert!(screen(&s).contains(&format!("challenges · {second}")));
}

#[test]
fn backspace_removes_the_last_chip_then_the_one_before() {
    let mut s = app(120, 40);
    press(&mut s, "c a down enter T down enter S down enter");
    let f = &s.claims.filter;
    assert!(f.article.is_some() && f.tags.len() == 1 && f.stance.is_some());
    press(&mut s, "backspace");
    assert!(s.claims.filter.stance.is_none());
    assert_eq!(s.claims.filter.tags.len(), 1);
    press(&mut s, "backspace");
    assert!(s.claims.filter.tags.is_empty());
    assert!(s.claims.filter.article.is_some());
    press(&mut s, "backspace");
    assert!(s.claims.filter.is_empty());
}

#[test]
fn the_framing_picker_works_from_the_debate_view_and_t_still_steps() {
    let mut s = app(100, 30);
    press(&mut s, "d f");
    assert_eq!(picker(&s).choices.len(), s.debate.framings.len());
    let third = s.debate.framings[2].name.clone();
    type_text(&mut s, &third[..6]);
    press(&mut s, "enter");
    assert_eq!(s.framing.get(), 2);
    press(&mut s, "t");
    assert_eq!(s.framing.get(), 0, "t steps on, wrapping");
    press(&mut s, "T");
    assert_eq!(s.framing.get(), 2, "Shift-t steps back");
}

#[test]
fn a_paste_narrows_a_picker_in_one_edit() {
    let mut s = app(100, 30);
    press(&mut s, "c T");
    let tag = tags(&s)[3].clone();
    let action = to_action(&s, &Event::Paste(tag.clone())).unwrap();
    apply(&mut s, action);
    let p = picker(&s);
    assert_eq!(p.query.text(), tag);
    assert_eq!(p.choices[p.current().unwrap()].label, format!("#{tag}"));
}

#[test]
fn the_mark_columns_are_named_in_the_header() {
    let s = {
        let mut s = app(120, 40);
        press(&mut s, "c");
        s
    };
    let text = screen(&s);
    let header = text.lines().nth(2).unwrap();
    assert!(header.starts_with(" 123 "), "{header}");
    for f in &s.debate.framings {
        assert!(header.contains(&f.name), "{} in {header}", f.name);
    }
    // Narrower, the names are shortened to their first word.
    let mut narrow = app(80, 24);
    press(&mut narrow, "c");
    let text = screen(&narrow);
    let header = text.lines().nth(2).unwrap();
    for f in &narrow.debate.framings {
        assert!(header.contains(f.name.split_whitespace().next().unwrap()));
    }
}

#[test]
fn snapshots_of_the_pickers_and_the_chips() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = app(w, h);
        press(&mut s, "c T");
        type_text(&mut s, "tal");
        press(&mut s, "tab");
        insta::assert_snapshot!(format!("tag_picker_{w}x{h}"), screen(&s));
        press(&mut s, "enter a down enter S down enter");
        insta::assert_snapshot!(format!("chips_{w}x{h}"), screen(&s));
        press(&mut s, "S");
        insta::assert_snapshot!(format!("stance_picker_{w}x{h}"), screen(&s));
        press(&mut s, "esc d f");
        insta::assert_snapshot!(format!("framing_picker_{w}x{h}"), screen(&s));
    }
}

/// The tag picker in the real binary: typed text narrows it, Tab marks, Enter applies, and the
/// chip shows in the claim list's header; Esc on a reopened picker keeps it.
#[test]
fn a_picker_in_a_pty() {
    let mut app = support::App::spawn(&[], &[], 80, 24);
    app.wait_for("the first frame", |s| s.contains("READ"));
    app.send("cT");
    app.wait_for("the tag picker", |s| s.contains("Filter by tags"));
    app.send("talent");
    app.wait_for("narrowed to one tag", |s| {
        s.contains("#talent") && s.contains("1/")
    });
    app.send("\t\r");
    app.wait_for("the chip", |s| {
        !s.contains("Filter by tags") && s.contains(" #talent × ")
    });
    app.send("T");
    app.wait_for("the picker again", |s| s.contains("Filter by tags"));
    app.send("\x1b");
    app.wait_for("closed, the chip kept", |s| {
        !s.contains("Filter by tags") && s.contains(" #talent × ")
    });
    app.send("\x7f");
    app.wait_for("the chip removed", |s| !s.contains(" #talent × "));
    app.quit();
}

/// A picker lists the file's tags as they were when it opened: a reload closes it rather than
/// apply a position in the old list to the new one.
#[test]
fn a_reload_closes_an_open_picker() {
    let mut s = app(100, 30);
    press(&mut s, "c T down");
    assert!(matches!(s.overlay, Some(Overlay::Picker(_))));
    let reload = debate::action::Reload::new(Ok(Debate::embedded().unwrap()));
    apply(&mut s, debate::action::Action::Reloaded(reload));
    assert!(s.overlay.is_none());
    press(&mut s, "enter");
    assert!(
        s.claims.filter.tags.is_empty(),
        "Enter went to the list, not a stale picker"
    );
}

/// The status bar under a picker names F1 for help: `?` is typed into the picker's query.
#[test]
fn a_pickers_hint_names_the_help_key_that_works_there() {
    let mut s = app(120, 30);
    press(&mut s, "c T");
    let text = screen(&s);
    let bar = text.lines().last().unwrap();
    assert!(bar.contains("F1 help"), "{bar}");
    assert!(!bar.contains("? help"), "{bar}");
    press(&mut s, "?");
    assert_eq!(picker(&s).query.text(), "?", "? is typed");
    press(&mut s, "F1");
    assert!(matches!(s.overlay, Some(Overlay::Help(_))), "F1 opens help");
}

/// A picker's counts are what applying the choice would list, under the filters already on:
/// the tag picker after an article filter counts only that article's claims.
#[test]
fn picker_counts_are_under_the_other_filters() {
    let mut s = app(120, 40);
    press(&mut s, "c a down enter");
    let article = s.claims.filter.article.unwrap();
    press(&mut s, "T");
    let p = picker(&s).clone();
    let mut differs = false;
    for (choice, tag) in p.choices.iter().skip(1).zip(tags(&s)) {
        let with_tag = |c: &&debate::model::Claim| c.tags.iter().any(|t| **t == *tag);
        let under: usize = s
            .debate
            .claims
            .iter()
            .filter(|c| c.article == article)
            .filter(with_tag)
            .count();
        let anywhere = s.debate.claims.iter().filter(with_tag).count();
        assert_eq!(choice.detail, under.to_string(), "#{tag}");
        differs |= under != anywhere;
    }
    assert!(differs, "the article filter changes some tag's count");
    // Applying a tag lists as many claims as its count said.
    let (i, choice) = p
        .choices
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, c)| c.detail != "0")
        .unwrap();
    press(&mut s, "esc T");
    for _ in 0..i {
        press(&mut s, "down");
    }
    press(&mut s, "enter");
    assert_eq!(s.claims.visible.len().to_string(), choice.detail);
    // The stance picker counts under the article and the tag.
    press(&mut s, "S");
    let stance = picker(&s).clone();
    let framing = s.debate.framing_ixs().next().unwrap();
    let supports: usize = s
        .claims
        .visible
        .iter()
        .filter(|&&c| {
            s.debate.claim(c).stance(framing).map(|x| x.kind) == Some(StanceKind::Supports)
        })
        .count();
    assert_eq!(stance.choices[1].detail, supports.to_string());
}

/// A click on a chip removes its filter, and only it; a click beside the chips does nothing.
#[test]
fn a_click_on_a_chip_removes_it() {
    let mut s = app(120, 40);
    press(&mut s, "c a down enter T down enter S down enter");
    let tag = s.claims.filter.tags[0].clone();
    let text = screen(&s);
    let line = text.lines().nth(1).unwrap();
    let click = |s: &mut State, x: usize| {
        let x = u16::try_from(x).unwrap();
        apply(s, debate::action::Action::ClickAt { x, y: 1 });
    };
    let before = s.claims.filter.clone();
    click(&mut s, 2);
    assert_eq!(s.claims.filter, before, "the count is no chip");
    let at = line[..line.find(&format!("#{tag}")).unwrap()]
        .chars()
        .count();
    click(&mut s, at + 1);
    assert!(s.claims.filter.tags.is_empty(), "{line}");
    assert!(s.claims.filter.article.is_some() && s.claims.filter.stance.is_some());
    let text = screen(&s);
    let line = text.lines().nth(1).unwrap();
    assert!(!line.contains(&format!("#{tag}")), "{line}");
    // The article chip's ×, at its end.
    let x = line[..line.find(" × ").unwrap()].chars().count();
    click(&mut s, x + 1);
    assert!(
        s.claims.filter.article.is_none(),
        "the article chip: {line}"
    );
    assert!(s.claims.filter.stance.is_some());
}

/// At 80 columns the debate view's hints keep help, and a long hint left out does not push
/// off the shorter ones after it.
#[test]
fn hints_fit_by_priority_at_80_columns() {
    for view in ["c", "d"] {
        let mut s = app(80, 24);
        press(&mut s, view);
        let text = screen(&s);
        let bar = text.lines().last().unwrap();
        assert!(bar.contains("? help"), "{bar}");
        if view == "d" {
            assert!(bar.contains("x contested"), "{bar}");
        }
    }
}

/// Only the tags' picker marks several: the other pickers' bars do not offer Tab.
#[test]
fn only_the_tags_picker_offers_marking() {
    let mut s = app(100, 30);
    press(&mut s, "c a");
    let bar = screen(&s).lines().last().unwrap().to_owned();
    assert!(bar.contains("Enter") && !bar.contains("mark"), "{bar}");
    press(&mut s, "esc T");
    let bar = screen(&s).lines().last().unwrap().to_owned();
    assert!(bar.contains("Tab mark"), "{bar}");
}
