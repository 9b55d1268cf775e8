//! The reader's less and vim habits as key sequences, through the same input mapping, keymap
//! and update the binary uses: search in the text, the jump list, Esc as "back".

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

#[path = "support/keys.rs"]
mod keys;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use debate::effect::apply;
use debate::input::to_action;
use debate::model::Debate;
use debate::state::{State, View};
use keys::{app, key, press, type_text};
use ratatui::style::Modifier;

fn screen(state: &State) -> ratatui::buffer::Buffer {
    debate::screen::draw(state, state.width, state.height)
}

fn status_line(state: &State) -> String {
    let buf = screen(state);
    let y = buf.area.height - 1;
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_owned())
        .collect()
}

/// The view's name in the status line, as the user reads it.
fn badge(state: &State) -> String {
    status_line(state)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_owned()
}

fn find_state(state: &State) -> &debate::find::Find {
    state.reader().find.as_ref().expect("a search in the text")
}

/// The line of the current match in the pane's flow.
fn current_line(state: &State) -> usize {
    let m = find_state(state).current_match().expect("a current match");
    state
        .reader()
        .flow
        .line_of_block_byte(m.block, m.range.start)
}

fn on_screen(state: &State, line: usize) -> bool {
    let column = debate::geometry::reader(state).column;
    let top = state.reader().top;
    (top..top + usize::from(column.height)).contains(&line)
}

// ---- Search in the text ----------------------------------------------------------------------

#[test]
fn slash_in_the_reader_searches_the_text_incrementally() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    assert_eq!(s.view, View::Reader, "/ in the reader stays in the reader");
    assert!(status_line(&s).contains(" /▏"), "{}", status_line(&s));
    // Keys that mean something in the reader are text while typing.
    type_text(&mut s, "durov");
    assert_eq!(find_state(&s).pattern, "durov");
    assert_eq!(find_state(&s).matches.len(), 1);
    assert!(
        on_screen(&s, current_line(&s)),
        "the match is brought on screen"
    );
    assert!(status_line(&s).contains("/durov▏"));
    press(&mut s, "backspace");
    assert_eq!(find_state(&s).pattern, "duro");
    press(&mut s, "enter");
    assert!(!find_state(&s).editing);
    assert!(status_line(&s).contains("match 1/1"), "{}", status_line(&s));
}

#[test]
fn every_match_is_in_reverse_video_and_the_current_one_also_bold() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter");
    let buf = screen(&s);
    let column = debate::geometry::reader(&s).column;
    let mut reversed = String::new();
    let mut bold_reversed = 0;
    for y in column.y..column.bottom() {
        for x in column.x..column.right() {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed.push_str(cell.symbol());
                if cell.modifier.contains(Modifier::BOLD) {
                    bold_reversed += 1;
                }
            }
        }
        reversed.push('|');
    }
    let words: Vec<&str> = reversed.split('|').filter(|w| !w.is_empty()).collect();
    assert!(!words.is_empty(), "matches on screen are reversed");
    assert!(
        words.iter().all(|w| w.to_lowercase().contains("china")),
        "only matches are reversed: {words:?}"
    );
    assert_eq!(bold_reversed, "china".len(), "one current match, bold");
}

#[test]
fn n_and_shift_n_step_through_matches_and_wrap_around() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter");
    let total = find_state(&s).matches.len();
    assert!(total > 3, "article 1 names China often");
    assert_eq!(find_state(&s).current, Some(0));
    press(&mut s, "n n");
    assert_eq!(find_state(&s).current, Some(2));
    assert!(status_line(&s).contains(&format!("match 3/{total}")));
    assert!(on_screen(&s, current_line(&s)));
    press(&mut s, "N N N");
    assert_eq!(
        find_state(&s).current,
        Some(total - 1),
        "N wraps to the last"
    );
    assert!(s.message.as_deref().unwrap_or("").contains("hit the top"));
    assert!(on_screen(&s, current_line(&s)));
    press(&mut s, "n");
    assert_eq!(find_state(&s).current, Some(0), "n wraps to the first");
    assert!(
        s.message
            .as_deref()
            .unwrap_or("")
            .contains("hit the bottom")
    );
}

#[test]
fn smart_case_as_in_less_and_vim() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    let any_case = find_state(&s).matches.len();
    press(&mut s, "esc /");
    type_text(&mut s, "China");
    let exact = find_state(&s).matches.len();
    press(&mut s, "esc /");
    type_text(&mut s, "CHINA");
    let capitals = find_state(&s).matches.len();
    assert!(exact > 0 && exact <= any_case);
    assert!(capitals < exact, "CHINA matches only capitals");
}

#[test]
fn esc_clears_the_pattern_and_n_steps_claims_again() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter esc");
    assert!(s.reader().find.is_none());
    assert_eq!(s.view, View::Reader);
    assert!(!status_line(&s).contains("match"));
    press(&mut s, "n");
    assert!(s.reader().selected.is_some(), "n selects a claim again");
}

#[test]
fn esc_while_typing_returns_to_where_the_search_started() {
    let mut s = app(80, 24);
    press(&mut s, "j j");
    press(&mut s, "/");
    type_text(&mut s, "university");
    press(&mut s, "esc");
    assert_eq!(s.reader().top, 2);
    assert!(s.reader().find.is_none());
}

#[test]
fn a_pattern_not_found_says_so() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "qqzzxx");
    assert!(status_line(&s).contains("no match"));
    press(&mut s, "enter");
    assert!(s.reader().find.is_none());
    assert!(status_line(&s).contains("Pattern not found: qqzzxx"));
}

#[test]
fn the_finder_stays_one_key_away() {
    let mut s = app(80, 24);
    assert!(status_line(&s).contains("F finder"), "{}", status_line(&s));
    press(&mut s, "F");
    assert_eq!(s.view, View::Search);
    press(&mut s, "esc c");
    assert_eq!(s.view, View::Claims);
    press(&mut s, "/");
    assert_eq!(
        s.view,
        View::Search,
        "/ opens the finder outside the reader"
    );
    press(&mut s, "esc d F");
    assert_eq!(s.view, View::Search);
}

// ---- Jump list -------------------------------------------------------------------------------

#[test]
fn ctrl_o_and_ctrl_n_walk_the_jumps_of_g_and_shift_g() {
    let mut s = app(80, 24);
    press(&mut s, "j j j G");
    let bottom = s.reader().top;
    assert!(bottom > 3);
    press(&mut s, "ctrl-o");
    assert_eq!(s.reader().top, 3);
    press(&mut s, "ctrl-n");
    assert_eq!(s.reader().top, bottom);
    press(&mut s, "g ctrl-o");
    assert_eq!(s.reader().top, bottom);
}

#[test]
fn article_switches_and_finder_results_are_jumps() {
    let mut s = app(80, 24);
    press(&mut s, "j j 2 j");
    assert_eq!(s.article.get(), 1);
    press(&mut s, "ctrl-o");
    assert_eq!(
        (s.view, s.article.get(), s.reader().top),
        (View::Reader, 0, 2)
    );
    press(&mut s, "ctrl-n");
    assert_eq!((s.article.get(), s.reader().top), (1, 1));

    // Durov is quoted in the first article: the finder's jump leaves the second.
    press(&mut s, "F");
    type_text(&mut s, "durov");
    press(&mut s, "enter");
    assert_eq!((s.view, s.article.get()), (View::Reader, 0));
    let at_durov = (s.article.get(), s.reader().top);
    press(&mut s, "ctrl-o");
    assert_eq!(
        (s.view, s.article.get(), s.reader().top),
        (View::Reader, 1, 1)
    );
    press(&mut s, "ctrl-n");
    assert_eq!((s.article.get(), s.reader().top), at_durov);
}

#[test]
fn search_matches_are_jumps() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter");
    let n = find_state(&s).matches.len();
    press(&mut s, &"n ".repeat(n - 1));
    let last = s.reader().top;
    assert!(last > 0);
    press(&mut s, "ctrl-o");
    assert!(s.reader().top < last);
}

#[test]
fn enter_from_the_claim_list_is_a_jump() {
    let mut s = app(80, 24);
    press(&mut s, "c j j j j j j enter");
    assert_eq!(s.view, View::Reader);
    let there = (s.article.get(), s.reader().top);
    press(&mut s, "ctrl-o");
    assert_eq!(
        (s.view, s.article.get(), s.reader().top),
        (View::Reader, 0, 0)
    );
    press(&mut s, "ctrl-n");
    assert_eq!((s.article.get(), s.reader().top), there);
}

#[test]
fn the_jump_list_says_when_it_is_at_an_end() {
    let mut s = app(80, 24);
    press(&mut s, "ctrl-o");
    assert_eq!(s.message.as_deref(), Some("At the oldest jump."));
    press(&mut s, "ctrl-n");
    assert_eq!(s.message.as_deref(), Some("At the newest jump."));
}

// ---- Esc as "back" ----------------------------------------------------------------------------

#[test]
fn esc_after_a_finder_jump_never_reopens_the_closed_finder() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "durov");
    press(&mut s, "enter");
    assert_eq!(badge(&s), "READ");
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut s, "esc");
        seen.push(badge(&s));
    }
    assert_eq!(seen, ["SEARCH", "READ", "READ", "READ", "READ"]);
}

#[test]
fn esc_closes_what_is_on_top_first() {
    let mut s = app(80, 24);
    press(&mut s, "c enter");
    // The claim's detail over the reader, with a search in the text kept.
    press(&mut s, "/ t h e enter enter");
    assert_eq!(badge(&s), "CLAIM");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "READ");
    assert!(s.reader().find.is_some(), "the detail closes first");
    press(&mut s, "esc");
    assert!(s.reader().find.is_none(), "then the search");
    assert_eq!(badge(&s), "READ");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "CLAIMS", "then back where the reader came from");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "READ");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "READ");
}

#[test]
fn esc_retraces_views_and_stops_in_the_reader() {
    let mut s = app(80, 24);
    press(&mut s, "c d");
    assert_eq!(badge(&s), "DEBATE");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "CLAIMS");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "READ");
    press(&mut s, "esc");
    assert_eq!(badge(&s), "READ");
}

// ---- Position and selection cues ------------------------------------------------------------

#[test]
fn the_percentage_is_the_bottom_of_the_screen_and_end_at_the_end() {
    let mut s = app(80, 24);
    let first = status_line(&s);
    let pct: usize = first
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.strip_suffix('%'))
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        pct > 0,
        "the first screen already shows some of the article: {first}"
    );
    press(&mut s, "G");
    assert!(status_line(&s).contains(" END "), "{}", status_line(&s));
}

#[test]
fn the_status_line_names_the_selected_claim() {
    let mut s = app(120, 36);
    assert!(status_line(&s).contains("20 claims"));
    press(&mut s, "n n n");
    let line = status_line(&s);
    assert!(line.contains("claim 3/20"), "{line}");
    let claim = s.reader().selected.unwrap();
    let summary = &s.debate.claim(claim).summary;
    assert!(
        line.contains(&summary[..10]),
        "the summary where room allows: {line}"
    );
}

#[test]
fn enter_acts_on_a_claim_the_user_can_see() {
    let mut s = app(80, 24);
    press(&mut s, "n space space");
    let selected = s.reader().selected.unwrap();
    press(&mut s, "enter");
    match &s.overlay {
        Some(debate::state::Overlay::Detail(d)) => {
            assert_ne!(d.claim, selected, "the selected claim is off screen");
        }
        None => assert!(s.message.is_some(), "nothing visible: a message says so"),
        other => panic!("unexpected overlay {other:?}"),
    }
}

#[test]
fn copying_says_where_the_text_went() {
    let mut s = app(80, 24);
    press(&mut s, "n y");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("to the terminal's clipboard (OSC 52)")
    );
}

#[test]
fn the_claim_list_hint_says_what_j_does_there() {
    let mut s = app(120, 36);
    press(&mut s, "c");
    let line = status_line(&s);
    assert!(line.contains("j next"), "{line}");
    assert!(!line.contains("j scroll"), "{line}");
}

// ---- Keys and counts -------------------------------------------------------------------------

#[test]
fn b_pages_back_and_ctrl_e_ctrl_y_move_a_line() {
    let mut s = app(80, 24);
    press(&mut s, "space space");
    let two_pages = s.reader().top;
    press(&mut s, "b");
    assert!(s.reader().top < two_pages && s.reader().top > 0);
    press(&mut s, "g ctrl-e ctrl-e ctrl-e");
    assert_eq!(s.reader().top, 3);
    press(&mut s, "ctrl-y");
    assert_eq!(s.reader().top, 2);
}

#[test]
fn a_count_starts_with_zero_and_digits_still_switch_panes() {
    let mut s = app(80, 24);
    press(&mut s, "0 5 j");
    assert_eq!((s.article.get(), s.reader().top), (0, 5));
    press(&mut s, "0 1 2 k");
    assert_eq!(s.reader().top, 0);
    press(&mut s, "0 3 esc j");
    assert_eq!(s.reader().top, 1, "Esc drops the count");
    press(&mut s, "2");
    assert_eq!(s.article.get(), 1, "without a count, digits switch panes");
    press(&mut s, "1 0 2 n");
    assert_eq!(s.article.get(), 0);
    let claims = &s.debate.article(s.article).claims;
    assert_eq!(
        s.reader().selected,
        Some(claims[1]),
        "0 2 n: the second claim"
    );
}

/// `5j` with two articles: no article 5, so the digit starts a count, as in less and vim.
#[test]
fn a_digit_that_names_no_article_starts_a_count() {
    let mut s = app(80, 24);
    assert_eq!(s.debate.articles.len(), 2);
    press(&mut s, "5 j");
    assert_eq!((s.article.get(), s.reader().top), (0, 5));
    assert_eq!(s.message, None, "no 'There is no article 5'");
    press(&mut s, "3 5 k");
    assert_eq!(
        (s.article.get(), s.reader().top),
        (0, 0),
        "35k: every digit joins"
    );
    press(&mut s, "2");
    assert_eq!(
        s.article.get(),
        1,
        "a digit that names an article still switches"
    );
    press(&mut s, "1 7 j");
    assert_eq!(
        (s.article.get(), s.reader().top),
        (0, 7),
        "1 switches, 7 counts"
    );
    press(&mut s, "9 esc j");
    assert_eq!(s.reader().top, 8, "Esc drops the count");
}

#[test]
fn help_says_a_digit_past_the_last_pane_is_a_count() {
    let mut s = app(120, 60);
    press(&mut s, "?");
    let text = debate::screen::to_text(&screen(&s));
    assert!(text.contains("past the last, a count"), "{text}");
}

/// After a jump from the finder or a list, "match 3/17" would name a match no longer in view:
/// the pattern stays highlighted, the status counts the matches, `n` goes on from the screen.
#[test]
fn a_jump_elsewhere_forgets_the_current_match() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter n n");
    let total = find_state(&s).matches.len();
    assert!(status_line(&s).contains(&format!("match 3/{total}")));
    // A claim near the end of the article, through the claim list.
    let last = *s.debate.article(s.article).claims.last().unwrap();
    press(&mut s, "c g");
    while s.claims.visible[s.claims.selected] != last {
        press(&mut s, "j");
    }
    press(&mut s, "enter");
    assert_eq!(badge(&s), "READ");
    let status = status_line(&s);
    assert!(!status.contains("match 3/"), "stale: {status}");
    assert_eq!(find_state(&s).current, None);
    assert!(
        find_state(&s).pattern == "china",
        "the pattern is kept, as in less"
    );
    // n goes to the first match from the top of the screen, not back to the article's start.
    let top = s.reader().top;
    press(&mut s, "n");
    assert!(current_line(&s) >= top, "{} < {top}", current_line(&s));
    assert!(find_state(&s).current > Some(2));
}

#[test]
fn a_finder_jump_forgets_the_current_match_too() {
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter n n n");
    assert!(status_line(&s).contains("match 4/"));
    press(&mut s, "F");
    type_text(&mut s, "durov");
    press(&mut s, "enter");
    assert_eq!(badge(&s), "READ");
    let status = status_line(&s);
    assert!(!status.contains("match 4/"), "stale: {status}");
}

/// Presses Alt and a key, as a terminal reports Esc followed at once by the key.
fn press_alt(state: &mut State, c: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT));
    for event in debate::input::unfold(state, &event) {
        if let Some(action) = to_action(state, &event) {
            apply(state, action);
        }
    }
}

#[test]
fn esc_then_a_key_at_once_acts_as_esc_then_the_key() {
    let mut s = app(80, 24);
    press(&mut s, "c o");
    assert_eq!(badge(&s), "CLAIM");
    press_alt(&mut s, 'd');
    assert_eq!(s.overlay, None, "Esc closed the detail");
    assert_eq!(badge(&s), "DEBATE", "then d opened the debate view");
    // With a pattern kept in the reader: Esc clears it, then n steps through claims.
    let mut s = app(80, 24);
    press(&mut s, "/");
    type_text(&mut s, "china");
    press(&mut s, "enter");
    press_alt(&mut s, 'n');
    assert!(s.reader().find.is_none());
    assert!(s.reader().selected.is_some(), "n selected a claim");
}

#[test]
fn alt_keys_that_mean_something_keep_their_meaning() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "one two");
    let before = s.search.query.cursor_chars();
    press_alt(&mut s, 'b');
    assert_eq!(s.view, View::Search, "Alt-b is a word left in the prompt");
    assert_eq!(s.search.query.text(), "one two");
    assert_eq!(
        (before, s.search.query.cursor_chars()),
        (7, 4),
        "the cursor moved"
    );
    // Alt-d and Alt-Backspace delete words, as readline's do, and leave the finder open.
    press_alt(&mut s, 'd');
    assert_eq!(s.view, View::Search, "Alt-d is kill-word in the prompt");
    assert_eq!(s.search.query.text(), "one ");
    let alt_backspace = Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT));
    for event in debate::input::unfold(&s, &alt_backspace) {
        if let Some(action) = to_action(&s, &event) {
            apply(&mut s, action);
        }
    }
    assert_eq!(s.view, View::Search, "Alt-Backspace is backward-kill-word");
    assert_eq!(s.search.query.text(), "");
}

#[test]
fn ctrl_h_is_backspace_in_the_prompts() {
    let mut s = app(80, 24);
    press(&mut s, "F");
    type_text(&mut s, "one");
    press(&mut s, "ctrl-h");
    assert_eq!(s.search.query.text(), "on");
    press(&mut s, "esc /");
    type_text(&mut s, "chin");
    press(&mut s, "ctrl-h");
    assert_eq!(find_state(&s).pattern, "chi");
}

#[test]
fn ctrl_z_asks_to_suspend() {
    let mut s = app(80, 24);
    let action = to_action(&s, &Event::Key(key("ctrl-z"))).unwrap();
    assert_eq!(apply(&mut s, action), vec![debate::effect::Effect::Suspend]);
}

#[test]
fn results_arriving_late_do_not_wipe_a_message() {
    let mut s = app(80, 24);
    press(&mut s, "t");
    let message = s.message.clone();
    assert!(message.is_some());
    apply(
        &mut s,
        debate::action::Action::SearchDone {
            generation: 0,
            results: Box::default(),
        },
    );
    assert_eq!(s.message, message);
}

#[test]
fn question_mark_in_the_detail_shows_its_keys_and_closes_back_to_it() {
    let mut s = app(100, 30);
    press(&mut s, "c o");
    let Some(debate::state::Overlay::Detail(detail)) = s.overlay.clone() else {
        panic!("o opens the detail");
    };
    press(&mut s, "?");
    assert_eq!(badge(&s), "HELP");
    let text = debate::screen::to_text(&screen(&s));
    assert!(text.contains("Claim detail"), "{text}");
    assert!(text.contains("Follow the selected link"), "{text}");
    press(&mut s, "esc");
    assert_eq!(s.overlay, Some(debate::state::Overlay::Detail(detail)));
    press(&mut s, "? ?");
    assert!(matches!(s.overlay, Some(debate::state::Overlay::Detail(_))));
}

#[test]
fn question_mark_on_an_empty_query_opens_help_and_is_text_after() {
    let mut s = app(100, 30);
    press(&mut s, "F ?");
    assert_eq!(badge(&s), "HELP");
    let text = debate::screen::to_text(&screen(&s));
    assert!(text.contains("Keys · Search"), "{text}");
    press(&mut s, "esc");
    assert_eq!(s.view, View::Search);
    assert_eq!(s.overlay, None);
    type_text(&mut s, "why?");
    assert_eq!(s.search.query.text(), "why?");
}

#[test]
fn the_source_address_shows_under_the_byline_and_in_the_citation() {
    let s = app(80, 24);
    let url = s.debate.articles[0]
        .url
        .clone()
        .expect("the embedded article has a url");
    let text = debate::screen::to_text(&screen(&s));
    // Wrapped at the column's width: every piece of it is on screen, in order.
    let shown: String = text
        .lines()
        .filter(|l| {
            l.contains("enterpriseam")
                || l.contains("deepseek-could")
                || l.contains("tech-education")
        })
        .map(str::trim)
        .collect();
    assert!(url.starts_with(&shown[..20]), "{text}");
    let links = debate::ui::reader::links_on_screen(&s);
    assert!(!links.is_empty());
    // The link covers the address's cells exactly, line by line, as drawn.
    let buf = screen(&s);
    let linked: String = links
        .iter()
        .flat_map(|l| (l.x..l.x + l.width).map(move |x| (x, l.y)))
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    assert_eq!(linked, url);
    assert!(links.iter().all(|l| l.url == url));
    let claim = s.debate.articles[0].claims[0];
    assert!(debate::update::clipboard_text(&s, claim).contains(&url));
}

#[test]
fn a_url_with_control_characters_never_reaches_the_terminal_raw() {
    let toml = std::fs::read_to_string("data/deepseek.toml").unwrap();
    let first = toml.find("url = \"").unwrap();
    let end = first + toml[first..].find('\n').unwrap();
    let hostile = format!(
        "{}url = \"https://e.com/\\u001b]0;owned\\u0007x\"{}",
        &toml[..first],
        &toml[end..]
    );
    let debate = Debate::from_toml(&hostile).unwrap();
    let mut s = State::new(debate, "t", 80, 24);
    s.hyperlinks = true;
    let buf = screen(&s);
    for cell in buf.content() {
        assert!(!cell.symbol().contains('\x1b'), "raw escape in a cell");
    }
    let links = debate::ui::reader::links_on_screen(&s);
    assert!(!links.is_empty());
    for link in &links {
        assert_eq!(debate::hyperlinks::open(&link.url), None, "never a link");
    }
}

/// The active framing's name is on screen in every view at every common width from 40
/// columns, for every framing of the embedded debate (the top bar's chip; shortened with an
/// ellipsis only where it must be).
#[test]
fn the_active_framing_is_on_screen_in_every_view_at_every_width() {
    for width in [40, 60, 80, 90, 100, 110, 120] {
        for keys in ["", "c", "d", "s", "F", "c o", "?"] {
            let mut s = app(width, 10);
            press(&mut s, keys);
            for _ in 0..s.debate.framings.len() {
                let name = s.debate.framing(s.framing).name.clone();
                let top = debate::screen::to_text(&screen(&s))
                    .lines()
                    .next()
                    .unwrap()
                    .to_owned();
                let shown = top.split("▌ t ").nth(1).unwrap_or("").trim();
                let stem = shown.trim_end_matches('…');
                assert!(
                    !stem.is_empty()
                        && name.starts_with(stem)
                        && stem.chars().count() >= 12.min(name.chars().count()),
                    "{width} columns after {keys:?}: {name:?} not on the top bar: {top:?}"
                );
                apply(&mut s, debate::action::Action::NextFraming);
            }
        }
    }
}

/// Titles that start alike still differ on their tabs.
#[test]
fn article_tabs_differ_when_titles_start_alike() {
    for width in [80, 100, 120] {
        let s = app(width, 10);
        let top = debate::screen::to_text(&screen(&s))
            .lines()
            .next()
            .unwrap()
            .to_owned();
        let one = top
            .split(" 1 ")
            .nth(1)
            .unwrap()
            .split("  2 ")
            .next()
            .unwrap()
            .to_owned();
        let two = top
            .split(" 2 ")
            .nth(1)
            .unwrap()
            .split("  c")
            .next()
            .unwrap()
            .to_owned();
        assert_ne!(one, two, "{top}");
    }
}

/// On a wide screen the margin shows the selected claim's reading under every framing, however
/// many claims are on screen: the list of them gives way (a new user at 200x50 never saw it).
#[test]
fn the_margin_always_shows_the_selected_claims_reading() {
    for (w, h) in [(200, 50), (200, 30), (160, 24)] {
        let mut s = app(w, h);
        for step in 0..12 {
            press(&mut s, "n");
            let text = keys::screen(&s);
            for f in s.debate.framing_ixs() {
                let name = &s.debate.framing(f).name;
                assert!(
                    text.lines().any(|l| l.contains(&format!("{name} · "))),
                    "{w}x{h}, n pressed {} times: no reading under {name}:\n{text}",
                    step + 1
                );
            }
        }
    }
}
