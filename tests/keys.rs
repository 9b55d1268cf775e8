//! Key sequences through the same input mapping, keymap and update the binary uses.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
use debate::effect::{Effect, Effects, apply};
use debate::flow::Source;
use debate::input::to_action;
use debate::model::StanceKind;
use debate::state::{Overlay, State, View};
use debate::update::update;

#[path = "support/keys.rs"]
mod keys;
use keys::{app, press, press_deferred, type_deferred, type_text};

/// Sends one terminal event, which must mean something.
fn send(state: &mut State, event: &Event) {
    let action = to_action(state, event).unwrap_or_else(|| panic!("{event:?} means nothing here"));
    apply(state, action);
}

fn claim_id(state: &State, claim: debate::model::ClaimIx) -> &str {
    &state.debate.claim(claim).id
}

#[test]
fn digits_and_tab_switch_article_panes() {
    let mut s = app(80, 24);
    assert_eq!(s.article.get(), 0);
    press(&mut s, "2");
    assert_eq!((s.view, s.article.get()), (View::Reader, 1));
    press(&mut s, "tab");
    assert_eq!(s.article.get(), 0, "Tab wraps around");
    press(&mut s, "shift-tab");
    assert_eq!(s.article.get(), 1);
    press(&mut s, "9");
    assert_eq!(s.article.get(), 1, "no ninth article: no switch");
    assert_eq!(s.count, Some(9), "the digit starts a count (issue 14: 5j)");
}

#[test]
fn each_pane_keeps_its_own_scroll_position() {
    let mut s = app(80, 24);
    press(&mut s, "j j j");
    assert_eq!(s.reader().top, 3);
    press(&mut s, "2 pagedown");
    let second = s.reader().top;
    assert!(second > 3);
    press(&mut s, "1");
    assert_eq!(s.reader().top, 3);
    press(&mut s, "2");
    assert_eq!(s.reader().top, second);
}

#[test]
fn n_and_shift_n_walk_the_claims_in_text_order_and_enter_opens_one() {
    let mut s = app(80, 24);
    press(&mut s, "n");
    let first = s.reader().selected.unwrap();
    assert_eq!(claim_id(&s, first), "stem-factory-mixed-record");
    press(&mut s, "n");
    assert_eq!(
        claim_id(&s, s.reader().selected.unwrap()),
        "deepseek-forces-rethink"
    );
    press(&mut s, "N");
    assert_eq!(s.reader().selected, Some(first));
    press(&mut s, "enter");
    assert_eq!(
        s.overlay,
        Some(Overlay::Detail(debate::state::DetailState {
            claim: first,
            link: None,
            scroll: 0
        }))
    );
    press(&mut s, "esc");
    assert_eq!(s.overlay, None);
}

#[test]
fn n_scrolls_a_far_claim_into_view() {
    let mut s = app(80, 24);
    press(&mut s, "2");
    for _ in 0..40 {
        press(&mut s, "n");
    }
    let claim = s.reader().selected.unwrap();
    let anchor = s.debate.claim(claim).anchor.clone();
    let line = s
        .reader()
        .flow
        .line_of_block_byte(anchor.block, anchor.range.start);
    let top = s.reader().top;
    assert!(
        line >= top && line < top + 22,
        "claim at line {line}, screen from {top}"
    );
}

#[test]
fn claim_list_enter_jumps_to_the_quote_and_esc_comes_back() {
    let mut s = app(100, 30);
    press(&mut s, "c");
    assert_eq!(s.view, View::Claims);
    press(&mut s, "G");
    let last = s.claims.visible[s.claims.selected];
    press(&mut s, "enter");
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.article, s.debate.claim(last).article);
    assert_eq!(s.reader().selected, Some(last));
    press(&mut s, "esc");
    assert_eq!(s.view, View::Claims);
}

#[test]
fn claim_filters_narrow_the_list() {
    // Each filter is chosen in a picker: the line after "All …" is the first choice.
    let mut s = app(100, 30);
    press(&mut s, "c a down enter");
    let article = s.claims.filter.article.unwrap();
    assert!(
        s.claims
            .visible
            .iter()
            .all(|&c| s.debate.claim(c).article == article)
    );
    press(&mut s, "S down enter");
    let framing = s.framing;
    assert!(s.claims.visible.iter().all(|&c| {
        s.debate.claim(c).stance(framing).map(|x| x.kind) == Some(StanceKind::Supports)
    }));
    press(&mut s, "T down enter");
    let tag = s.claims.filter.tags[0].clone();
    assert!(
        s.claims
            .visible
            .iter()
            .all(|&c| s.debate.claim(c).tags.iter().any(|t| **t == *tag))
    );
    press(&mut s, "x");
    assert_eq!(s.claims.visible.len(), s.debate.claims.len());
}

#[test]
fn search_types_jumps_and_esc_returns_where_you_were() {
    let mut s = app(100, 30);
    press(&mut s, "2 j j");
    let before = (s.view, s.article, s.reader().top);
    press(&mut s, "F");
    assert_eq!(s.view, View::Search);
    // Keys that mean something elsewhere are text here.
    type_text(&mut s, "q1cd outlier");
    assert_eq!(s.search.query.text(), "q1cd outlier");
    press(&mut s, "ctrl-u");
    type_text(&mut s, "outlier");
    assert!(s.search.results.matched > 0);
    press(&mut s, "esc");
    assert_eq!((s.view, s.article, s.reader().top), before);

    press(&mut s, "F");
    type_text(&mut s, "hedge fund");
    press(&mut s, "enter");
    assert_eq!(s.view, View::Reader);
    let selected = s.reader().selected.unwrap();
    let claim = s.debate.claim(selected);
    assert!(
        claim.quote.contains("hedge fund") || claim.summary.contains("hedge fund"),
        "{}",
        claim.id
    );
    press(&mut s, "esc");
    assert_eq!(
        s.view,
        View::Search,
        "Esc after a jump goes back to the results"
    );
}

#[test]
fn debate_framings_side_by_side_and_contested_filter() {
    let mut s = app(120, 40);
    press(&mut s, "d");
    assert_eq!(s.view, View::Debate);
    assert!(!s.debate_view.side_by_side);
    let rows = s.debate_rows();
    assert!(
        rows.iter()
            .all(|&(k, c)| s.debate.claim(c).stance(s.framing).map(|x| x.kind) == Some(k))
    );
    assert!(
        rows.windows(2).all(|w| w[0].0 <= w[1].0),
        "grouped Supports, Challenges, Neutral"
    );
    let names: Vec<usize> = (0..4)
        .map(|_| {
            press(&mut s, "t");
            s.framing.get()
        })
        .collect();
    assert_eq!(
        names,
        [1, 2, 0, 1],
        "t cycles through every framing in file order"
    );
    press(&mut s, "s");
    assert!(s.debate_view.side_by_side);
    let all = s.compare_rows().len();
    press(&mut s, "x");
    let contested = s.compare_rows();
    assert!(!contested.is_empty() && contested.len() < all);
    assert!(contested.iter().all(|&c| s.debate.is_contested(c)));
    press(&mut s, "j enter");
    assert!(matches!(s.overlay, Some(Overlay::Detail(_))));
}

/// Opens the detail of claim `id` from the claim list, walking to it with j as a user would.
fn open_detail_of(s: &mut State, id: &str) {
    press(s, "c");
    let at = s.debate.claims.iter().position(|c| c.id == id).unwrap();
    for _ in 0..at {
        press(s, "j");
    }
    press(s, "o");
}

#[test]
fn detail_links_are_navigable() {
    let mut s = app(100, 30);
    open_detail_of(&mut s, "deepseek-outlier");
    let Some(Overlay::Detail(d)) = &s.overlay else {
        panic!("no detail")
    };
    assert_eq!(claim_id(&s, d.claim), "deepseek-outlier");
    press(&mut s, "tab");
    let Some(Overlay::Detail(d)) = s.overlay.clone() else {
        panic!()
    };
    assert_eq!(d.link, Some(0));
    let target = s.detail_links(d.claim)[0].1.to;
    press(&mut s, "enter");
    let Some(Overlay::Detail(d)) = &s.overlay else {
        panic!()
    };
    assert_eq!(d.claim, target, "Enter follows the link");
    press(&mut s, "r");
    assert_eq!(s.overlay, None);
    assert_eq!(
        s.reader().selected,
        Some(target),
        "r reads the claim in its article"
    );
}

#[test]
fn help_toggles_and_quit_works_from_anywhere() {
    let mut s = app(80, 24);
    press(&mut s, "?");
    assert_eq!(s.overlay, Some(Overlay::Help(0)));
    press(&mut s, "?");
    assert_eq!(s.overlay, None);
    // In the finder's prompt Ctrl-c and Ctrl-g cancel it and return where you were, as in fzf.
    for cancel in ["ctrl-c", "ctrl-g", "esc"] {
        press(&mut s, "2 j j");
        let before = (s.view, s.article, s.reader().top);
        assert_eq!(press(&mut s, &format!("F t a l {cancel}")), Effects::new());
        assert_eq!((s.view, s.article, s.reader().top), before, "{cancel}");
        assert!(!s.search.busy);
    }
    assert_eq!(
        press(&mut s, "ctrl-c"),
        vec![Effect::Quit],
        "Ctrl-c quits elsewhere"
    );
    let mut s = app(80, 24);
    assert_eq!(press(&mut s, "q"), vec![Effect::Quit]);
}

#[test]
fn resize_keeps_the_paragraph_at_the_top() {
    let mut s = app(120, 40);
    press(&mut s, "2 pagedown pagedown");
    let flow = &s.reader().flow;
    let top = flow.lines[s.reader().top].clone();
    for (w, h) in [(40, 12), (1, 1), (200, 60), (80, 24)] {
        update(&mut s, debate::action::Action::Resize(w, h));
    }
    let now = &s.reader().flow.lines[s.reader().top];
    assert_eq!(now.source, top.source);
    assert!(
        now.range.start <= top.range.start && top.range.start <= now.range.end.max(now.range.start)
    );
    assert!(matches!(now.source, Source::Block(_)));
}

#[test]
fn mouse_wheel_scrolls_and_a_click_selects_a_claim() {
    let mut s = app(100, 30);
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 50,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    send(&mut s, &wheel(MouseEventKind::ScrollDown));
    assert_eq!(s.reader().top, 3);
    send(&mut s, &wheel(MouseEventKind::ScrollUp));
    assert_eq!(s.reader().top, 0);
    // Find a screen cell showing the first claim's quote, then click it.
    let buf = debate::screen::draw(&s, 100, 30);
    let first = s.debate.article(s.article).claims[0];
    let quote_start: String = s.debate.claim(first).quote.chars().take(12).collect();
    let text = debate::screen::to_text(&buf);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&quote_start))
        .unwrap();
    let col = line[..line.find(&quote_start).unwrap()].chars().count() + 2;
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: u16::try_from(col).unwrap(),
        row: u16::try_from(row).unwrap(),
        modifiers: KeyModifiers::NONE,
    });
    send(&mut s, &click);
    assert_eq!(s.reader().selected, Some(first));
    send(&mut s, &click);
    assert!(
        matches!(s.overlay, Some(Overlay::Detail(_))),
        "a second click opens it"
    );
}

#[test]
fn top_bar_clicks_switch_views() {
    let mut s = app(100, 30);
    let text = debate::screen::to_text(&debate::screen::draw(&s, 100, 30));
    let top = text.lines().next().unwrap();
    let col = top[..top.find("c Claims").unwrap()].chars().count();
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: u16::try_from(col + 2).unwrap(),
        row: 0,
        modifiers: KeyModifiers::NONE,
    });
    send(&mut s, &click);
    assert_eq!(s.view, View::Claims);
}

#[test]
fn queries_are_capped_with_a_message() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, &"ab".repeat(150));
    assert_eq!(
        s.search.query.text().chars().count(),
        debate::update::MAX_QUERY_CHARS
    );
    assert!(s.message.as_deref().is_some_and(|m| m.contains("at most")));
}

/// The newest query the effects ask for.
fn request(effects: &[Effect]) -> (u64, String) {
    effects
        .iter()
        .rev()
        .find_map(|e| match e {
            Effect::RunSearch { generation, query } => Some((*generation, query.clone())),
            _ => None,
        })
        .expect("a query is waiting")
}

/// Runs the newest query the effects ask for, as the event loop's search thread would.
fn run_request(state: &State, effects: &[Effect]) -> (u64, debate::search::Results) {
    let (generation, query) = request(effects);
    let results = debate::search::Index::new(&state.debate).search(
        &state.debate,
        &query,
        debate::update::SEARCH_LIMIT,
    );
    (generation, results)
}

fn deliver(state: &mut State, generation: u64, results: debate::search::Results) {
    update(
        state,
        debate::action::Action::SearchDone {
            generation,
            results: Box::new(results),
        },
    );
}

#[test]
fn typing_never_waits_for_search_and_stale_results_are_dropped() {
    let mut s = app(100, 30);
    // The empty query lists every claim at once, with nothing left to run.
    assert_eq!(press_deferred(&mut s, "F"), Effects::new());
    assert!(!s.search.busy);
    assert_eq!(s.search.results.hits.len(), s.debate.claims.len());

    let effects = type_deferred(&mut s, "ta");
    // Both keys are in the query at once; the list still shows the previous results, marked busy.
    assert_eq!(s.search.query.text(), "ta");
    assert!(s.search.busy);
    assert_eq!(s.search.results.query, "");
    let (old_generation, old_results) = run_request(&s, &effects);
    let effects = type_deferred(&mut s, "l");
    let (new_generation, new_results) = run_request(&s, &effects);
    assert!(new_generation > old_generation);

    // Results of "ta" arrive after "tal" was typed: dropped.
    deliver(&mut s, old_generation, old_results);
    assert!(s.search.busy);
    assert_eq!(s.search.results.query, "");

    deliver(&mut s, new_generation, new_results.clone());
    assert!(!s.search.busy);
    assert_eq!(s.search.results, new_results);
    assert_eq!(s.search.selected, 0);
    let screen = debate::screen::to_text(&debate::screen::draw(&s, 100, 30));
    assert!(screen.contains(&format!("{}/{}", new_results.matched, new_results.total)));
    assert!(!screen.contains(debate::ui::search::BUSY.trim()));
}

#[test]
fn the_busy_mark_shows_while_a_query_runs_and_clearing_the_query_ends_it() {
    let mut s = app(100, 30);
    let effects = press_deferred(&mut s, "F z z z z");
    let screen = debate::screen::to_text(&debate::screen::draw(&s, 100, 30));
    assert!(screen.contains(debate::ui::search::BUSY.trim()), "{screen}");
    let (generation, results) = run_request(&s, &effects);
    // Erasing the query lists every claim again at once and stops the query; the late
    // results are dropped.
    assert_eq!(press_deferred(&mut s, "ctrl-u"), vec![Effect::CancelSearch]);
    assert!(!s.search.busy);
    deliver(&mut s, generation, results);
    assert_eq!(s.search.results.hits.len(), s.debate.claims.len());
    // Leaving search drops results that arrive afterwards.
    let effects = type_deferred(&mut s, "tal");
    let (generation, results) = run_request(&s, &effects);
    press_deferred(&mut s, "esc");
    deliver(&mut s, generation, results);
    assert_ne!(s.view, View::Search);
}

#[test]
fn claims_show_first_and_the_selection_survives_the_paragraphs_arriving() {
    let mut s = app(100, 30);
    let (generation, query) = request(&press_deferred(&mut s, "F t a l e n t"));
    let mut phases = Vec::new();
    debate::search::Index::new(&s.debate).search_phased(
        &s.debate,
        &query,
        debate::update::SEARCH_LIMIT,
        &|| false,
        |r| phases.push(r),
    );
    assert_eq!(phases.len(), 2);
    let last = phases.pop().unwrap();
    let claims = phases.pop().unwrap();
    assert!(claims.partial && !last.partial);
    deliver(&mut s, generation, claims);
    assert!(s.search.busy, "still busy while paragraphs are searched");
    press_deferred(&mut s, "down down");
    let chosen = s.search.results.hits[s.search.selected].target;
    deliver(&mut s, generation, last.clone());
    assert!(!s.search.busy);
    assert_eq!(s.search.results, last);
    assert_eq!(s.search.results.hits[s.search.selected].target, chosen);
}

/// Clicks the top bar at column `x`.
fn click_top(state: &mut State, x: u16) {
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(crossterm::event::MouseButton::Left),
        column: x,
        row: 0,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(action) = to_action(state, &click) {
        apply(state, action);
    }
}

#[test]
fn the_framing_chip_is_clickable_where_it_is_drawn_and_only_there() {
    // A framing named in CJK: each character is two columns wide.
    let source = debate::model::EMBEDDED.replace(
        "name = \"Technology transfer\"",
        "name = \"技术转让技术转让\"",
    );
    let debate = debate::model::load_bytes("cjk.toml", source.as_bytes()).unwrap();
    let mut s = State::new(debate, "cjk", 120, 30);
    let text = debate::screen::to_text(&debate::screen::draw(&s, 120, 30));
    let top = text.lines().next().unwrap();
    let chip = top.find("▌").expect("the chip is drawn at 120 columns");
    // The chip's first column, counted in display columns.
    let x = u16::try_from(debate::text::width(&top[..chip])).unwrap();
    // The line lost its trailing space; the chip ends at the last column.
    assert_eq!(usize::from(x) + debate::text::width(&top[chip..]), 119);
    click_top(&mut s, x + 2);
    assert_eq!(s.framing.get(), 1, "a click on the chip's name advances it");
    // The framing now shown has a Latin name; go back to the CJK one. At 60 columns the chip
    // still shows (the active framing is always on screen from 40 columns up); narrow the
    // screen until there is no room for it: a click where it would be does nothing.
    while s.framing.get() != 0 {
        apply(&mut s, debate::action::Action::NextFraming);
    }
    apply(&mut s, debate::action::Action::Resize(60, 30));
    let text = debate::screen::to_text(&debate::screen::draw(&s, 60, 30));
    assert!(text.lines().next().unwrap().contains('▌'), "{text}");
    apply(&mut s, debate::action::Action::Resize(16, 30));
    let text = debate::screen::to_text(&debate::screen::draw(&s, 16, 30));
    assert!(!text.lines().next().unwrap().contains('▌'), "{text}");
    click_top(&mut s, 15);
    assert_eq!(s.framing.get(), 0, "no chip drawn, nothing to click");
}

/// `v` cycles your verdict on the selected claim, from the claim list, the debate view and a
/// claim's detail: convinced, not convinced, unsure, none.
#[test]
fn v_cycles_the_verdict_on_the_selected_claim_in_every_view_that_shows_one() {
    use debate::session::Verdict;
    let mut s = app(100, 30);
    press(&mut s, "c");
    let first = s.debate.claim(s.claims.visible[0]).id.clone();
    let verdict = |s: &State, id: &str| s.judgements.get(id).and_then(|j| j.verdict);
    press(&mut s, "v");
    assert_eq!(verdict(&s, &first), Some(Verdict::Convinced));
    press(&mut s, "v");
    assert_eq!(verdict(&s, &first), Some(Verdict::NotConvinced));
    press(&mut s, "v");
    assert_eq!(verdict(&s, &first), Some(Verdict::Unsure));
    press(&mut s, "v");
    assert_eq!(verdict(&s, &first), None);
    assert!(
        !s.judgements.contains_key(&first),
        "an empty judgement is not kept"
    );

    press(&mut s, "d");
    let (_, row) = s.debate_rows()[0];
    let in_debate = s.debate.claim(row).id.clone();
    press(&mut s, "v");
    assert_eq!(verdict(&s, &in_debate), Some(Verdict::Convinced));

    press(&mut s, "enter");
    let Some(Overlay::Detail(detail)) = s.overlay.clone() else {
        panic!("enter opens the detail");
    };
    let in_detail = s.debate.claim(detail.claim).id.clone();
    let before = verdict(&s, &in_detail);
    press(&mut s, "v");
    assert_ne!(verdict(&s, &in_detail), before, "v in the detail");
    assert!(
        matches!(s.overlay, Some(Overlay::Detail(_))),
        "the detail stays open"
    );
}

/// `m<letter>` sets a bookmark (the reading place in the reader, the selected claim
/// elsewhere) and `'<letter>` goes back to it; `'` alone lists them.
#[test]
fn m_letter_sets_a_bookmark_and_quote_letter_jumps_back() {
    let mut s = app(80, 24);
    press(&mut s, "2 space space");
    let (article, top) = (s.article, s.reader().top);
    assert!(top > 0, "scrolled");
    press(&mut s, "m a");
    assert_eq!(s.bookmarks.len(), 1);
    press(&mut s, "1 g c");
    press(&mut s, "'");
    assert!(
        s.message.as_deref().is_some_and(|m| m.contains("'a")),
        "the list: {:?}",
        s.message
    );
    press(&mut s, "a");
    assert_eq!(
        (s.view, s.article, s.reader().top),
        (View::Reader, article, top)
    );

    press(&mut s, "c j");
    let claim = s.claims.visible[s.claims.selected];
    press(&mut s, "m b g ' b");
    assert_eq!(s.view, View::Reader);
    assert_eq!(s.reader().selected, Some(claim), "the bookmarked claim");
    press(&mut s, "' z");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("No bookmark")),
        "{:?}",
        s.message
    );
}

/// The prompt's text with `|` at its cursor.
fn prompt(state: &State) -> String {
    let q = &state.search.query;
    let mut s = q.text().to_owned();
    let at = s
        .char_indices()
        .nth(q.cursor_chars())
        .map_or(s.len(), |(i, _)| i);
    s.insert(at, '|');
    s
}

#[test]
fn the_prompt_edits_as_readline_does() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "export");
    // The issue's example: the cursor moves, and X goes where it stands.
    press(&mut s, "left left X");
    assert_eq!(prompt(&s), "expoX|rt");
    press(&mut s, "home ( end )");
    assert_eq!(prompt(&s), "(expoXrt)|");
    press(&mut s, "ctrl-a delete ctrl-e backspace");
    assert_eq!(prompt(&s), "expoXrt|");
    type_text(&mut s, " controls now");
    press(&mut s, "alt-b alt-b");
    assert_eq!(prompt(&s), "expoXrt |controls now");
    press(&mut s, "ctrl-k");
    assert_eq!(prompt(&s), "expoXrt |");
    press(&mut s, "alt-b alt-f right ctrl-w");
    assert_eq!(prompt(&s), "|");
    type_text(&mut s, "a b c");
    press(&mut s, "left ctrl-u");
    assert_eq!(prompt(&s), "|c");
    // Each change of the text ran its search: the results are the query's.
    assert_eq!(s.search.results.query, "c");
}

#[test]
fn moving_the_cursor_runs_no_search() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "tai");
    let effects = press_deferred(&mut s, "left home right end alt-b alt-f");
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::RunSearch { .. })),
        "{effects:?}"
    );
}

#[test]
fn a_paste_is_one_edit_at_the_cursor() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "ab");
    press(&mut s, "left");
    let action = to_action(&s, &Event::Paste("export\ncontrols\n".into())).unwrap();
    let effects = update(&mut s, action);
    assert_eq!(prompt(&s), "aexport controls|b");
    let runs = effects
        .iter()
        .filter(|e| matches!(e, Effect::RunSearch { .. }))
        .count();
    assert_eq!(runs, 1, "one search for the whole paste");
    // Outside the finder a paste means nothing (it is not a stream of commands).
    press(&mut s, "esc");
    assert_eq!(to_action(&s, &Event::Paste("q".into())), None);
}

#[test]
fn wide_characters_are_one_cursor_step() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "中国");
    press(&mut s, "left x");
    assert_eq!(prompt(&s), "中x|国");
    assert_eq!(s.search.query.cursor_column(), 3);
}

#[test]
fn ctrl_p_and_ctrl_n_recall_the_queries_of_this_session() {
    let mut s = app(80, 24);
    // Two queries opened with Enter, the first one twice: it is kept once, as the newest.
    for query in ["talent", "export", "talent"] {
        press(&mut s, "F");
        type_text(&mut s, query);
        press(&mut s, "enter");
    }
    assert_eq!(s.search.history, ["export", "talent"]);
    // An abandoned query is not recorded.
    press(&mut s, "F");
    type_text(&mut s, "nvid");
    press(&mut s, "esc F");
    type_text(&mut s, "dra");
    press(&mut s, "ctrl-p");
    assert_eq!(prompt(&s), "talent|");
    assert_eq!(
        s.search.results.query, "talent",
        "a recalled query is searched"
    );
    press(&mut s, "ctrl-p ctrl-p");
    assert_eq!(prompt(&s), "export|", "the oldest stays");
    press(&mut s, "ctrl-n ctrl-n");
    assert_eq!(prompt(&s), "dra|", "past the newest: what was typed");
    press(&mut s, "ctrl-n");
    assert_eq!(prompt(&s), "dra|");
    // The arrows still walk the results.
    press(&mut s, "down");
    assert_eq!(s.search.selected, 1);
    // Editing a recalled query makes it the draft.
    press(&mut s, "ctrl-p backspace ctrl-p ctrl-n");
    assert_eq!(prompt(&s), "talen|");
}

#[test]
fn the_preview_scrolls_within_its_length_and_resets_with_the_selection() {
    let mut s = app(80, 12);
    press(&mut s, "F");
    let max = debate::geometry::preview::max_scroll(&s);
    assert!(max > 2, "a claim's card overflows a 12-row screen ({max})");
    press(&mut s, "shift-down shift-down");
    assert_eq!(s.search.preview_scroll, 2);
    press(&mut s, &"shift-down ".repeat(max + 5));
    assert_eq!(s.search.preview_scroll, max, "no scrolling past the end");
    press(&mut s, "shift-up");
    assert_eq!(s.search.preview_scroll, max - 1);
    assert_eq!(s.search.selected, 0, "the list did not move");
    press(&mut s, "down");
    assert_eq!(s.search.preview_scroll, 0);
    // The wheel over the preview scrolls it (three lines a notch); over the list, the list.
    let preview = debate::geometry::search(&s).results.preview.unwrap();
    let wheel = |x, y| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    send(&mut s, &wheel(preview.x + 2, preview.y + 1));
    assert_eq!(
        (s.search.selected, s.search.preview_scroll),
        (1, 3.min(max))
    );
    let list = debate::geometry::search(&s).results.list;
    send(&mut s, &wheel(list.x + 2, list.y + 1));
    assert_eq!((s.search.selected, s.search.preview_scroll), (2, 0));
}

#[test]
fn shift_t_steps_back_through_the_framings_and_t_in_the_claim_list_stays_the_tag_filter() {
    let mut s = app(120, 40);
    press(&mut s, "d");
    let n = s.debate.framings.len();
    let back: Vec<usize> = (0..=n)
        .map(|_| {
            press(&mut s, "T");
            s.framing.get()
        })
        .collect();
    let expected: Vec<usize> = (0..=n).map(|i| (2 * n - 1 - i) % n).collect();
    assert_eq!(back, expected, "T goes round backwards");
    press(&mut s, "t");
    assert_eq!(s.framing.get(), (expected[n] + 1) % n, "t undoes T");
    let framing = s.framing;
    press(&mut s, "c T");
    assert_eq!(s.framing, framing, "in the claim list T filters by tag");
}

/// The claim a view shows as selected, read from its own rows.
fn selected_in(state: &State) -> Option<debate::model::ClaimIx> {
    match state.view {
        View::Reader => state.reader().selected,
        View::Claims => state.claims.visible.get(state.claims.selected).copied(),
        View::Debate if state.debate_view.side_by_side => state
            .compare_rows()
            .get(state.debate_view.selected)
            .copied(),
        View::Debate => state
            .debate_rows()
            .get(state.debate_view.selected)
            .map(|&(_, c)| c),
        View::Search => None,
    }
}

#[test]
fn the_list_and_the_debate_view_open_on_the_claim_being_read() {
    let mut s = app(100, 30);
    // Well into the first article, on a claim the active framing reads (the debate view lists
    // only those), off the first rows of every list.
    let in_debate = |s: &State, claim| s.debate_rows().iter().position(|&(_, c)| c == claim);
    let mut reading = None;
    for _ in 0..60 {
        press(&mut s, "n");
        let claim = s.reader().selected.expect("a claim selected in the reader");
        let list_row = s.claims.visible.iter().position(|&c| c == claim);
        if list_row > Some(8) && in_debate(&s, claim) > Some(3) {
            reading = Some(claim);
            break;
        }
    }
    let reading = reading.expect("a claim far enough into the debate");
    assert_ne!(
        s.claims.visible.first(),
        Some(&reading),
        "not the first row"
    );
    press(&mut s, "c");
    assert_eq!(selected_in(&s), Some(reading), "the claim list");
    let list_row = s.claims.selected;
    let shown = usize::from(debate::geometry::claims(&s).lists.list.height)
        / debate::geometry::CLAIM_ROW_HEIGHT;
    assert!(
        (s.claims.offset..s.claims.offset + shown).contains(&list_row),
        "the row is scrolled into view: offset {}, row {list_row}",
        s.claims.offset
    );
    press(&mut s, "d");
    assert_eq!(selected_in(&s), Some(reading), "the debate view");
    press(&mut s, "s");
    assert_eq!(selected_in(&s), Some(reading), "side by side keeps it");
    press(&mut s, "s");
    assert_eq!(selected_in(&s), Some(reading), "and one framing again");
    // Moving in the debate view moves what the list opens on.
    press(&mut s, "j c");
    let moved = selected_in(&s);
    assert!(moved.is_some() && moved != Some(reading), "{moved:?}");
}

/// At 80x24 a claim's links sit below the fold of its detail: Tab must bring the link it
/// selects into view (else Enter follows a link the reader never saw), and scrolling that link
/// back out of view lets it go, so Enter reads the claim in its article instead.
#[test]
fn the_selected_link_in_the_detail_is_always_on_screen() {
    let mut s = app(80, 24);
    open_detail_of(&mut s, "deepseek-outlier");
    let screen = |s: &State| debate::screen::to_text(&debate::screen::draw(s, 80, 24));
    assert!(
        !screen(&s).contains("▸ →") && !screen(&s).contains("▸ ←"),
        "the links start below the fold at 80x24:\n{}",
        screen(&s)
    );
    let Some(Overlay::Detail(d)) = s.overlay.clone() else {
        panic!("o opens the detail")
    };
    let links = s.detail_links(d.claim).len();
    assert!(links >= 2);
    // Enter follows only a selected link: the hints offer it only then.
    assert!(!screen(&s).contains("follow"), "{}", screen(&s));
    for step in 0..links {
        press(&mut s, "tab");
        let text = screen(&s);
        assert!(
            text.contains("▸ →") || text.contains("▸ ←"),
            "link {step} selected but not shown:\n{text}"
        );
        assert!(text.contains("Enter follow"), "{text}");
    }
    press(&mut s, "g");
    let Some(Overlay::Detail(d)) = s.overlay.clone() else {
        panic!("g keeps the detail open")
    };
    assert_eq!(d.link, None, "a link scrolled out of sight is let go");
    assert!(!screen(&s).contains("follow"), "{}", screen(&s));
    press(&mut s, "enter");
    assert_eq!(s.overlay, None, "Enter then reads the claim in its article");
}

/// `--claim ID --view claims|debate|compare` opens that view on the claim, as the reader does
/// (it opened on the first claim: a new user's `--claim takes-system-thriving --view claims`
/// showed 1/71).
#[test]
fn a_claim_named_on_the_command_line_is_selected_in_every_view() {
    use debate::scenario::{Scenario, View as Shown, build};
    let id = "takes-system-thriving";
    for view in [Shown::Reader, Shown::Claims, Shown::Debate, Shown::Compare] {
        let scenario = Scenario {
            view,
            article: None,
            framing: None,
            query: String::new(),
            claim: Some(id.into()),
            size: (80, 24),
        };
        let s = build(debate::model::Debate::embedded().unwrap(), "t", &scenario).unwrap();
        let selected = match s.view {
            View::Reader => s.reader().selected.unwrap(),
            View::Claims => s.claims.visible[s.claims.selected],
            View::Debate if s.debate_view.side_by_side => s.compare_rows()[s.debate_view.selected],
            View::Debate => s.debate_rows()[s.debate_view.selected].1,
            View::Search => panic!("no search here"),
        };
        assert_eq!(claim_id(&s, selected), id, "{view:?}");
    }
}
