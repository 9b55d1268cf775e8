//! Search results arrive when they are ready, not when the keys were typed: at the level of
//! `update`, each ordering of a late result against the keys typed meanwhile leaves what the
//! user sees as the keys alone would (issue 13).

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::action::Action;
use debate::effect::{Effect, Effects};
use debate::model::Debate;
use debate::search::{Index, Results, Target};
use debate::state::{State, View};
use debate::update::{SEARCH_LIMIT, update};

fn app() -> State {
    State::new(Debate::embedded().unwrap(), "test", 100, 30)
}

/// Applies actions, keeping every effect (searches are not run).
fn act(state: &mut State, actions: impl IntoIterator<Item = Action>) -> Effects {
    actions.into_iter().flat_map(|a| update(state, a)).collect()
}

fn typed(query: &str) -> Vec<Action> {
    query.chars().map(Action::SearchInput).collect()
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
        .expect("a query is asked for")
}

/// Both phases of a query, as the search thread sends them: the claims, then everything.
fn phases(state: &State, query: &str) -> (Results, Results) {
    let mut phases = Vec::new();
    Index::new(&state.debate).search_phased(&state.debate, query, SEARCH_LIMIT, &|| false, |r| {
        phases.push(r);
    });
    let last = phases.pop().unwrap();
    let claims = phases.pop().unwrap();
    assert!(claims.partial && !last.partial);
    (claims, last)
}

/// Hands the results of query `generation` to `update`; returns what they ask for.
fn arrive(state: &mut State, generation: u64, results: Results) -> Effects {
    update(
        state,
        Action::SearchDone {
            generation,
            results: Box::new(results),
        },
    )
}

/// Results that ask for nothing.
fn deliver(state: &mut State, generation: u64, results: Results) {
    assert_eq!(
        arrive(state, generation, results),
        Effects::new(),
        "results ask for nothing"
    );
}

/// What the user sees: the screen, plus the parts of the state that decide the next key.
fn seen(state: &State) -> (String, View, Option<String>, usize, bool) {
    let screen = debate::screen::to_text(&debate::screen::draw(state, 100, 30));
    (
        screen,
        state.view,
        state.message.clone(),
        state.search.selected,
        state.search.busy,
    )
}

/// The reader's position after opening a search hit, to compare with the best hit's target.
fn opened(state: &State) -> (usize, Option<debate::model::ClaimIx>) {
    (state.article.get(), state.reader().selected)
}

fn target_place(state: &State, target: Target) -> (usize, Option<debate::model::ClaimIx>) {
    match target {
        Target::Claim { claim, .. } => (state.debate.claim(claim).article.get(), Some(claim)),
        Target::Paragraph { article, .. } => (article.get(), None),
        Target::Thesis { .. } => (state.article.get(), None),
    }
}

#[test]
fn a_result_of_ab_after_abc_was_typed_changes_nothing() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let older = request(&act(&mut s, typed("hed")));
    let newer = request(&act(&mut s, typed("g")));
    assert_eq!(s.search.query.text(), "hedg");
    assert!(newer.0 > older.0);
    let before = seen(&s);
    let (claims, all) = phases(&s, &older.1);
    deliver(&mut s, older.0, claims);
    deliver(&mut s, older.0, all);
    assert_eq!(seen(&s), before);
    assert!(s.search.busy, "the newest query still runs");
    let (claims, all) = phases(&s, &newer.1);
    deliver(&mut s, newer.0, claims);
    deliver(&mut s, newer.0, all.clone());
    assert_eq!(s.search.results, all);
    assert!(!s.search.busy, "the busy mark goes with its query");
}

#[test]
fn enter_opens_the_best_result_of_the_whole_query_and_a_late_result_changes_nothing() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let older = request(&act(&mut s, typed("duro")));
    let (generation, query) = request(&act(&mut s, typed("v")));
    // Enter before any result of "durov" is in: the list still shows the empty query's.
    assert_eq!(s.search.results.query, "");
    assert_eq!(act(&mut s, [Action::Open]), Effects::new());
    assert_eq!(
        s.view,
        View::Search,
        "Enter waits for the results of its query"
    );
    assert!(s.search.opening.is_some() && s.search.busy);
    // A result of the query before the last key opens nothing.
    let (stale, _) = phases(&s, &older.1);
    deliver(&mut s, older.0, stale);
    assert_eq!(s.view, View::Search);
    assert!(s.search.opening.is_some());
    // The claims of "durov", then all its results: Enter opens the best of all.
    let (claims, all) = phases(&s, &query);
    let best = all.hits[0].target;
    deliver(&mut s, generation, claims);
    assert_eq!(s.view, View::Search, "Enter waits for all the results");
    deliver(&mut s, generation, all);
    assert_eq!(s.view, View::Reader);
    assert_eq!(
        opened(&s),
        target_place(&s, best),
        "the best hit of 'durov'"
    );
    assert!(!s.search.busy && s.search.opening.is_none());
    // Esc lands on the whole results of "durov", the best one selected.
    act(&mut s, [Action::Back]);
    assert_eq!(s.view, View::Search);
    assert_eq!(
        (s.search.results.query.as_str(), s.search.selected),
        ("durov", 0)
    );
    assert!(!s.search.results.partial && !s.search.busy);
}

/// Alt-v and Alt-c typed right after a query act on its selected result, not on the result
/// the last query's list had selected when the key came.
#[test]
fn a_verdict_or_a_note_typed_before_the_results_waits_for_them() {
    for (key, done) in [
        (Action::CycleVerdict, "verdict"),
        (Action::EditNote, "note"),
    ] {
        let mut s = app();
        act(&mut s, [Action::StartSearch]);
        let was = s.search.results.hits[0].target.claim().unwrap();
        let (generation, query) = request(&act(&mut s, typed("durov")));
        act(&mut s, [key.clone()]);
        assert_eq!(s.search.opening, Some(key.clone()), "{done} waits");
        assert!(
            s.judgements.is_empty() && s.note.is_none(),
            "{done}: nothing yet"
        );
        let (claims, all) = phases(&s, &query);
        let best = all.hits[0].target.claim().unwrap();
        assert_ne!(best, was);
        deliver(&mut s, generation, claims);
        deliver(&mut s, generation, all);
        assert_eq!(s.search.opening, None);
        let id = &s.debate.claim(best).id;
        match done {
            "verdict" => {
                assert!(s.judgements.get(id).is_some_and(|j| j.verdict.is_some()));
                assert_eq!(s.judgements.len(), 1, "{:?}", s.judgements);
            }
            _ => assert_eq!(
                s.note.as_ref().map(|n| &n.claim),
                Some(id),
                "the note's claim"
            ),
        }
    }
}

#[test]
fn enter_on_a_query_whose_claims_match_nothing_waits_for_the_paragraphs() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let (generation, query) = request(&act(&mut s, typed("xyzzy")));
    act(&mut s, [Action::Open]);
    let (claims, all) = phases(&s, &query);
    assert!(claims.hits.is_empty() && all.hits.is_empty());
    deliver(&mut s, generation, claims);
    assert!(s.search.opening.is_some(), "a paragraph might still match");
    deliver(&mut s, generation, all);
    assert_eq!(s.view, View::Search, "nothing to open");
    assert!(s.search.opening.is_none() && !s.search.busy);
}

#[test]
fn emptying_the_prompt_stops_the_query() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let (generation, query) = request(&act(&mut s, typed("talent")));
    assert_eq!(
        act(&mut s, [Action::SearchClear]),
        vec![Effect::CancelSearch]
    );
    assert!(!s.search.busy, "no query runs");
    let before = seen(&s);
    let (claims, all) = phases(&s, &query);
    deliver(&mut s, generation, claims);
    deliver(&mut s, generation, all);
    assert_eq!(seen(&s), before);
}

#[test]
fn a_result_after_esc_changes_nothing_and_the_busy_mark_is_gone() {
    let mut s = app();
    act(&mut s, [Action::ShowClaims, Action::Down]);
    act(&mut s, [Action::StartSearch]);
    let (generation, query) = request(&act(&mut s, typed("talent")));
    assert!(s.search.busy);
    assert_eq!(act(&mut s, [Action::Back]), vec![Effect::CancelSearch]);
    assert_eq!(s.view, View::Claims, "back where the search started");
    assert!(!s.search.busy, "an abandoned query is not running");
    let before = seen(&s);
    let (claims, all) = phases(&s, &query);
    deliver(&mut s, generation, claims);
    deliver(&mut s, generation, all);
    assert_eq!(seen(&s), before);
}

#[test]
fn a_result_after_a_view_change_keeps_the_framing_message() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let older = request(&act(&mut s, typed("hedge fun")));
    let (generation, query) = request(&act(&mut s, typed("d")));
    let (claims, all) = phases(&s, &query);
    deliver(&mut s, generation, claims);
    deliver(&mut s, generation, all);
    // Enter, then `t`, before the results of the query before the last key come: the e2e
    // test's keys.
    assert_eq!(
        act(&mut s, [Action::Open, Action::NextFraming]),
        Effects::new()
    );
    assert_eq!(s.view, View::Reader);
    let message = s.message.clone().unwrap();
    assert!(message.starts_with("Framing 2/"), "{message}");
    let before = seen(&s);
    let (claims, all) = phases(&s, &older.1);
    deliver(&mut s, older.0, claims);
    deliver(&mut s, older.0, all);
    assert_eq!(seen(&s), before);
    assert_eq!(s.message.as_deref(), Some(message.as_str()));
}

#[test]
fn leaving_the_finder_for_another_view_stops_its_query() {
    let mut s = app();
    act(&mut s, [Action::StartSearch]);
    let (generation, query) = request(&act(&mut s, typed("talent")));
    let (claims, all) = phases(&s, &query);
    deliver(&mut s, generation, claims);
    // A click on an article's tab leaves the finder while the paragraphs are searched.
    assert_eq!(
        act(&mut s, [Action::ShowArticle(1)]),
        vec![Effect::CancelSearch]
    );
    assert_eq!(s.view, View::Reader);
    assert!(!s.search.busy);
    let before = seen(&s);
    deliver(&mut s, generation, all);
    assert_eq!(seen(&s), before);
}

#[test]
fn the_selection_moves_to_the_best_result_when_the_complete_results_come() {
    let mut s = app();
    act(&mut s, [Action::ShowClaims, Action::Down, Action::Down]);
    act(&mut s, [Action::StartSearch]);
    let (generation, query) = request(&act(&mut s, typed("yunhua")));
    let (claims, all) = phases(&s, &query);
    deliver(&mut s, generation, claims);
    assert_eq!(s.search.selected, 0);
    deliver(&mut s, generation, all.clone());
    assert_eq!(s.search.selected, 0, "the best of all results, as fzf does");
    act(&mut s, [Action::Open]);
    assert_eq!(opened(&s), target_place(&s, all.hits[0].target));
}
