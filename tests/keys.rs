//! Key sequences through the same input mapping, keymap and update the binary uses.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use debate::effect::{Effect, Effects, apply};
use debate::flow::Source;
use debate::input::to_action;
use debate::model::{Debate, StanceKind};
use debate::state::{Overlay, State, View};
use debate::update::update;

fn app(w: u16, h: u16) -> State {
    State::new(Debate::embedded().unwrap(), "test", w, h)
}

fn key(token: &str) -> KeyEvent {
    let none = KeyModifiers::NONE;
    let (code, mods) = match token {
        "enter" => (KeyCode::Enter, none),
        "esc" => (KeyCode::Esc, none),
        "tab" => (KeyCode::Tab, none),
        "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "space" => (KeyCode::Char(' '), none),
        "bs" => (KeyCode::Backspace, none),
        "up" => (KeyCode::Up, none),
        "down" => (KeyCode::Down, none),
        "pgdn" => (KeyCode::PageDown, none),
        "pgup" => (KeyCode::PageUp, none),
        "home" => (KeyCode::Home, none),
        "end" => (KeyCode::End, none),
        t if t.starts_with("c-") => (
            KeyCode::Char(t[2..].chars().next().unwrap()),
            KeyModifiers::CONTROL,
        ),
        t if t.chars().count() == 1 => (KeyCode::Char(t.chars().next().unwrap()), none),
        t => panic!("unknown key {t:?}"),
    };
    KeyEvent::new(code, mods)
}

/// Presses keys written like "j j enter c-c", one event each, as the event loop would, with
/// searches run at once; returns the other effects asked for.
fn press(state: &mut State, keys: &str) -> Effects {
    let mut effects = Effects::new();
    for token in keys.split_whitespace() {
        if let Some(action) = to_action(state, &Event::Key(key(token))) {
            effects.extend(apply(state, action));
        }
    }
    effects
}

/// Presses keys like [`press`], leaving the searches they start undone: returns every effect,
/// as the event loop receives them, for a test to deliver results in any order.
fn press_deferred(state: &mut State, keys: &str) -> Effects {
    let mut effects = Effects::new();
    for token in keys.split_whitespace() {
        if let Some(action) = to_action(state, &Event::Key(key(token))) {
            effects.extend(update(state, action));
        }
    }
    effects
}

/// Sends one terminal event, which must mean something.
fn send(state: &mut State, event: &Event) {
    let action = to_action(state, event).unwrap_or_else(|| panic!("{event:?} means nothing here"));
    apply(state, action);
}

/// The keys that type `text`, for [`press`].
fn keys_of(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ' ' => "space ".to_owned(),
            c => format!("{c} "),
        })
        .collect()
}

/// Types text, a key per character.
fn type_text(state: &mut State, text: &str) {
    press(state, &keys_of(text));
}

/// Types text, leaving the searches undone (see [`press_deferred`]).
fn type_deferred(state: &mut State, text: &str) -> Effects {
    press_deferred(state, &keys_of(text))
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
    press(&mut s, "s-tab");
    assert_eq!(s.article.get(), 1);
    press(&mut s, "9");
    assert_eq!(s.article.get(), 1, "no ninth article: nothing changes");
    assert!(
        s.message
            .as_deref()
            .is_some_and(|m| m.contains("no article 9"))
    );
}

#[test]
fn each_pane_keeps_its_own_scroll_position() {
    let mut s = app(80, 24);
    press(&mut s, "j j j");
    assert_eq!(s.reader().top, 3);
    press(&mut s, "2 pgdn");
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
    let mut s = app(100, 30);
    press(&mut s, "c a");
    let article = s.claims.filter.article.unwrap();
    assert!(
        s.claims
            .visible
            .iter()
            .all(|&c| s.debate.claim(c).article == article)
    );
    press(&mut s, "S");
    let framing = s.framing;
    assert!(s.claims.visible.iter().all(|&c| {
        s.debate.claim(c).stance(framing).map(|x| x.kind) == Some(StanceKind::Supports)
    }));
    press(&mut s, "T");
    let tag = s.claims.filter.tag.clone().unwrap();
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
    assert_eq!(s.search.query, "q1cd outlier");
    press(&mut s, "c-u");
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

#[test]
fn detail_links_are_navigable() {
    let mut s = app(100, 30);
    press(&mut s, "c");
    let outlier = s
        .debate
        .claims
        .iter()
        .position(|c| c.id == "deepseek-outlier")
        .unwrap();
    for _ in 0..outlier {
        press(&mut s, "j");
    }
    press(&mut s, "o");
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
    assert_eq!(
        press(&mut s, "F c-c"),
        vec![Effect::Quit],
        "Ctrl-C quits even while typing a search"
    );
    let mut s = app(80, 24);
    assert_eq!(press(&mut s, "q"), vec![Effect::Quit]);
}

#[test]
fn resize_keeps_the_paragraph_at_the_top() {
    let mut s = app(120, 40);
    press(&mut s, "2 pgdn pgdn");
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
        s.search.query.chars().count(),
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
    assert_eq!(s.search.query, "ta");
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
    // Erasing the query lists every claim again at once; the late results are dropped.
    assert_eq!(press_deferred(&mut s, "c-u"), Effects::new());
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
