//! `update(&mut State, Action)`: every change of state happens here, and only here.
//!
//! Derived data (wrapped articles, the filtered claim list, search results, scroll offsets) is
//! recomputed here when what it depends on changes, so that drawing never does real work.

use ratatui::layout::Rect;

use crate::action::Action;
use crate::effect::{Effect, Effects};
use crate::flow::{Flow, Source};
use crate::model::{ArticleIx, ClaimIx, StanceKind};
use crate::reading;
use crate::search::Target;
use crate::state::{DetailState, Overlay, Place, State, View};
use crate::ui::{self, layout};

/// How many search results are kept for display.
pub const SEARCH_LIMIT: usize = 500;
/// The longest query, in characters: fuzzy matching costs query length times text length.
pub const MAX_QUERY_CHARS: usize = 200;

/// Applies one action; returns what it asks the outside world to do.
pub fn update(state: &mut State, action: Action) -> Effects {
    let mut effects = Effects::new();
    apply(state, action, &mut effects);
    effects
}

fn apply(state: &mut State, action: Action, fx: &mut Effects) {
    // Messages last until the user's next action: results arriving late must not wipe one.
    if !matches!(action, Action::Resize(..) | Action::SearchDone { .. }) {
        state.message = None;
    }
    if let Some(overlay) = state.overlay.clone()
        && overlay_action(state, overlay, &action, fx)
    {
        return;
    }
    if counted(state, &action, fx) || reading::handle(state, &action) {
        return;
    }
    match action {
        Action::Quit => fx.push(Effect::Quit),
        Action::Suspend => fx.push(Effect::Suspend),
        Action::Back => back(state),
        Action::ToggleHelp => state.overlay = Some(Overlay::Help(0)),
        Action::ShowArticle(i) => {
            if i < state.debate.articles.len() {
                go(state, View::Reader, article_ix(state, i));
            } else {
                state.message = Some(format!("There is no article {}.", i + 1));
            }
        }
        Action::NextPane => step_pane(state, true),
        Action::PrevPane => step_pane(state, false),
        Action::ShowClaims => go(state, View::Claims, state.article),
        Action::ShowDebate => go(state, View::Debate, state.article),
        Action::ToggleSideBySide => toggle_side_by_side(state),
        Action::ToggleContested => toggle_contested(state),
        Action::NextFraming => next_framing(state),
        Action::StartSearch => start_search(state, fx),
        Action::SearchInput(c) => {
            if state.search.query.chars().count() < MAX_QUERY_CHARS {
                edit_query(state, fx, |q| q.push(c));
            } else {
                state.message = Some(format!("A query is at most {MAX_QUERY_CHARS} characters."));
            }
        }
        Action::SearchBackspace => edit_query(state, fx, |q| {
            q.pop();
        }),
        Action::SearchClear => edit_query(state, fx, String::clear),
        Action::SearchDeleteWord => edit_query(state, fx, |q| {
            let trimmed = q.trim_end().len();
            q.truncate(trimmed);
            let cut = q.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            q.truncate(cut);
        }),
        Action::Up => move_by(state, -1),
        Action::Down => move_by(state, 1),
        Action::PageUp => move_by(state, -page(state)),
        Action::PageDown => move_by(state, page(state)),
        Action::HalfPageUp => move_by(state, -(page(state) / 2).max(1)),
        Action::HalfPageDown => move_by(state, (page(state) / 2).max(1)),
        Action::Top => move_by(state, isize::MIN / 2),
        Action::Bottom => move_by(state, isize::MAX / 2),
        Action::NextClaim => step_claim(state, true),
        Action::PrevClaim => step_claim(state, false),
        Action::Open => open(state),
        Action::ShowDetail => {
            if let Some(claim) = selected_claim(state) {
                show_detail(state, claim);
            }
        }
        Action::ReadInArticle => {
            if let Some(claim) = selected_claim(state) {
                jump_to_claim(state, claim);
            }
        }
        Action::CycleArticleFilter => cycle_article_filter(state),
        Action::CycleTagFilter => cycle_tag_filter(state),
        Action::CycleStanceFilter => cycle_stance_filter(state),
        Action::ClearFilters => {
            state.claims.filter = crate::state::ClaimFilter::default();
            refresh_claims(state);
            state.message = Some("Filters cleared.".into());
        }
        // Links act in the detail only; `Reading` actions are done by `reading::handle`.
        Action::NextLink | Action::PrevLink | Action::Reading(_) => {}
        Action::ShowErrors => {
            if state.banner.is_some() {
                state.overlay = Some(Overlay::Errors(0));
            } else {
                state.message = Some("No errors: the file loaded cleanly.".into());
            }
        }
        Action::CopyClaim => copy_claim(state, fx),
        Action::Resize(w, h) => {
            state.width = w;
            state.height = h;
            refresh(state);
        }
        Action::ScrollAt { x, y, delta } => scroll_at(state, x, y, delta),
        Action::ClickAt { x, y } => click_at(state, x, y, fx),
        Action::SearchDone {
            generation,
            results,
        } => search_done(state, generation, *results),
        Action::Reloaded(file) => reload(state, *file.0, fx),
    }
}

/// Takes a digit into the pending count (true: nothing else to do), or repeats the action as
/// many times as counted less one, leaving the last time to the caller.
fn counted(state: &mut State, action: &Action, fx: &mut Effects) -> bool {
    match crate::count::before(&mut state.count, action) {
        crate::count::Counted::Digit | crate::count::Counted::Cancelled => true,
        crate::count::Counted::Times(n) => {
            (1..n).for_each(|_| apply(state, action.clone(), fx));
            false
        }
    }
}

/// Scrolling inside an overlay (help, errors) by an action.
fn scroll_overlay(state: &State, scroll: usize, action: &Action) -> usize {
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page_usize(state) / 2),
        Action::PageDown | Action::HalfPageDown => scroll + page_usize(state) / 2,
        Action::Top => 0,
        Action::Bottom => usize::MAX / 2,
        Action::ScrollAt { delta, .. } => scroll.saturating_add_signed(isize::from(*delta) * 3),
        _ => scroll,
    }
}

/// The text `y` puts on the clipboard: summary, quote with its source, every framing's stance.
pub fn clipboard_text(state: &State, claim: ClaimIx) -> String {
    use std::fmt::Write as _;
    let d = &state.debate;
    let c = d.claim(claim);
    let article = d.article(c.article);
    let mut text = format!("{}\n\n“{}”\n— {}", c.summary, c.quote, article.title);
    let byline = article.byline();
    if !byline.is_empty() {
        let _ = write!(text, ", {byline}");
    }
    text.push('\n');
    for f in d.framing_ixs() {
        if let Some(s) = c.stance(f) {
            let _ = write!(text, "\n{}: {}", d.framing(f).name, s.kind.as_str());
            if let Some(note) = &s.note {
                let _ = write!(text, ". {note}");
            }
        }
    }
    text
}

fn copy(state: &mut State, claim: ClaimIx, fx: &mut Effects) {
    fx.push(Effect::Copy(clipboard_text(state, claim)));
    state.message = Some(format!(
        "Sent claim '{}' to the terminal's clipboard (OSC 52).",
        state.debate.claim(claim).id
    ));
}

fn copy_claim(state: &mut State, fx: &mut Effects) {
    match selected_claim(state) {
        Some(claim) => copy(state, claim, fx),
        None => state.message = Some("Select a claim to copy first (n in the reader).".into()),
    }
}

/// Tab and Shift-Tab: the next or previous article pane (from another view, the current one).
fn step_pane(state: &mut State, forward: bool) {
    let n = state.debate.articles.len();
    let current = state.article.get();
    let next = if forward {
        (current + 1) % n
    } else {
        (current + n - 1) % n
    };
    let target = if state.view == View::Reader {
        next
    } else {
        current
    };
    go(state, View::Reader, article_ix(state, target));
}

fn toggle_side_by_side(state: &mut State) {
    if state.view == View::Debate {
        state.debate_view.side_by_side = !state.debate_view.side_by_side;
    } else {
        state.debate_view.side_by_side = true;
        go(state, View::Debate, state.article);
    }
    state.debate_view.selected = 0;
    state.debate_view.offset = 0;
}

fn toggle_contested(state: &mut State) {
    state.debate_view.contested_only = !state.debate_view.contested_only;
    state.refresh_rows();
    let d = &mut state.debate_view;
    d.side_by_side = true;
    d.selected = 0;
    d.offset = 0;
    state.message = Some(if d.contested_only {
        "Showing only contested claims: one framing supports what another challenges.".into()
    } else {
        "Showing every claim the framings read.".into()
    });
}

/// `t`: the next framing, in file order; it also colours the reader.
fn next_framing(state: &mut State) {
    let n = state.debate.framings.len();
    let next = (state.framing.get() + 1) % n;
    state.framing = state
        .debate
        .framing_ixs()
        .nth(next)
        .unwrap_or(state.framing);
    let f = state.debate.framing(state.framing);
    state.message = Some(format!("Framing {}/{n}: {}", next + 1, f.name));
    state.debate_view.selected = 0;
    state.debate_view.offset = 0;
    state.refresh_rows();
    refresh_claims(state);
}

/// Handles an action meant for the open overlay; returns whether it was consumed.
fn overlay_action(state: &mut State, overlay: Overlay, action: &Action, fx: &mut Effects) -> bool {
    match (overlay, action) {
        (
            _,
            Action::Quit | Action::Resize(..) | Action::SearchDone { .. } | Action::Reloaded(_),
        ) => false,
        (_, Action::Back) | (Overlay::Help(_), Action::ToggleHelp) => {
            state.overlay = None;
            true
        }
        (Overlay::Errors(scroll), action) => {
            let scroll = scroll_overlay(state, scroll, action);
            state.overlay = Some(Overlay::Errors(
                scroll.min(ui::help::max_errors_scroll(state)),
            ));
            true
        }
        (Overlay::Help(scroll), action) => {
            let scroll = scroll_overlay(state, scroll, action);
            state.overlay = Some(Overlay::Help(scroll.min(ui::help::max_scroll(state))));
            true
        }
        (Overlay::Detail(mut detail), action) => {
            let links = state.detail_links(detail.claim).len();
            match action {
                Action::NextLink if links > 0 => {
                    detail.link = Some(detail.link.map_or(0, |l| (l + 1) % links));
                }
                Action::PrevLink if links > 0 => {
                    detail.link = Some(detail.link.map_or(links - 1, |l| (l + links - 1) % links));
                }
                Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::HalfPageUp
                | Action::HalfPageDown
                | Action::Top
                | Action::Bottom
                | Action::ScrollAt { .. } => {
                    detail.scroll = scroll_overlay(state, detail.scroll, action);
                }
                Action::Open => {
                    if let Some(l) = detail.link {
                        let target = state
                            .detail_links(detail.claim)
                            .get(l)
                            .map(|&(out, link)| if out { link.to } else { link.from });
                        if let Some(target) = target {
                            show_detail(state, target);
                            return true;
                        }
                    }
                    let claim = detail.claim;
                    state.overlay = None;
                    jump_to_claim(state, claim);
                    return true;
                }
                Action::ReadInArticle => {
                    let claim = detail.claim;
                    state.overlay = None;
                    jump_to_claim(state, claim);
                    return true;
                }
                Action::CopyClaim => {
                    copy(state, detail.claim, fx);
                    return true;
                }
                _ => return true,
            }
            detail.scroll = detail.scroll.min(ui::detail::max_scroll(state, &detail));
            state.overlay = Some(Overlay::Detail(detail));
            true
        }
    }
}

fn article_ix(state: &State, i: usize) -> ArticleIx {
    state.debate.article_ixs().nth(i).unwrap_or(state.article)
}

/// Goes to a view (and article), remembering where we were.
fn go(state: &mut State, view: View, article: ArticleIx) {
    let there = Place { view, article };
    let here = state.place();
    crate::places::visit(&mut state.history, here, &there);
    if view == View::Reader {
        reading::record_jump(state);
    }
    state.view = view;
    state.article = article;
    refresh(state);
}

fn back(state: &mut State) {
    if reading::clear_find(state) {
        return;
    }
    if let Some(place) = crate::places::back(&mut state.history) {
        state.view = place.view;
        state.article = place.article;
    } else if state.view != View::Reader {
        state.view = View::Reader;
    }
    refresh(state);
}

/// Recomputes everything derived from the size and the data: call after a change of either.
/// List offsets start again from the top (then scroll just enough to show the selection), so
/// what a view shows after resizes never depends on the sizes it passed through.
pub fn refresh(state: &mut State) {
    state.claims.offset = 0;
    state.search.offset = 0;
    state.debate_view.offset = 0;
    let column = reader_geometry(state).column;
    let article = state.article;
    relayout(state, article, column.width);
    let reader = &mut state.readers[article.get()];
    reader.top = reader.top.min(max_top(reader.flow.len(), column.height));
    refresh_claims(state);
    clamp_debate(state);
    let s = &mut state.search;
    s.selected = s.selected.min(s.results.hits.len().saturating_sub(1));
    follow_search(state);
}

/// Re-wraps an article for a new column width, keeping the same text at the top.
fn relayout(state: &mut State, article: ArticleIx, width: u16) {
    let width = width.max(1);
    let reader = &mut state.readers[article.get()];
    if reader.flow.width == width && !reader.flow.is_empty() {
        return;
    }
    reader.flow = Flow::build(state.debate.article(article), width);
    if let Some(anchor) = reader.anchor {
        reader.top = reader.flow.line_of(anchor);
    }
}

fn max_top(lines: usize, height: u16) -> usize {
    lines.saturating_sub(usize::from(height).max(1))
}

fn screen(state: &State) -> Rect {
    Rect::new(0, 0, state.width, state.height)
}

/// The screen's regions at the state's size.
pub fn screen_frame(state: &State) -> layout::Frame {
    layout::Frame::new(screen(state), state.banner.is_some())
}

pub fn reader_geometry(state: &State) -> layout::Reader {
    layout::Reader::new(screen_frame(state).body)
}

pub fn claims_geometry(state: &State) -> layout::Claims {
    layout::Claims::new(screen_frame(state).body)
}

pub fn search_geometry(state: &State) -> layout::Search {
    layout::Search::new(screen_frame(state).body)
}

/// How far a page moves in the current view.
fn page(state: &State) -> isize {
    isize::try_from(page_usize(state)).unwrap_or(1)
}

fn page_usize(state: &State) -> usize {
    let body = usize::from(screen_frame(state).body.height);
    match state.view {
        View::Claims => (body / 2).max(1),
        _ => body.saturating_sub(2).max(1),
    }
}

fn move_by(state: &mut State, delta: isize) {
    match state.view {
        View::Reader => {
            let height = reader_geometry(state).column.height;
            let reader = &mut state.readers[state.article.get()];
            let max = max_top(reader.flow.len(), height);
            reader.set_top(reader.top.saturating_add_signed(delta).min(max));
        }
        View::Claims => {
            let n = state.claims.visible.len();
            state.claims.selected = step(state.claims.selected, delta, n);
            follow_claims(state);
        }
        View::Debate => {
            // `clamp_debate` brings the selection back inside the rows.
            let d = &mut state.debate_view;
            d.selected = d.selected.saturating_add_signed(delta);
            clamp_debate(state);
        }
        View::Search => {
            let n = state.search.results.hits.len();
            state.search.selected = step(state.search.selected, delta, n);
            follow_search(state);
        }
    }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    current
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

fn follow_claims(state: &mut State) {
    let rows = usize::from(claims_geometry(state).lists.list.height);
    let c = &mut state.claims;
    let row = |_| ui::claims::ROW_HEIGHT;
    c.offset = layout::follow(c.offset, c.selected, c.visible.len(), row, rows);
}

fn follow_search(state: &mut State) {
    let rows = usize::from(search_geometry(state).results.list.height);
    let s = &mut state.search;
    s.offset = layout::follow(s.offset, s.selected, s.results.hits.len(), |_| 1, rows);
}

fn clamp_debate(state: &mut State) {
    let (selected, offset) = ui::debate::fit(state);
    state.debate_view.selected = selected;
    state.debate_view.offset = offset;
}

/// The claims of the current article, in text order, with the line each starts on.
fn claim_lines(state: &State) -> Vec<(ClaimIx, usize)> {
    let article = state.debate.article(state.article);
    let flow = &state.reader().flow;
    article
        .claims
        .iter()
        .map(|&c| {
            let anchor = &state.debate.claim(c).anchor;
            (c, flow.line_of_block_byte(anchor.block, anchor.range.start))
        })
        .collect()
}

/// `n`/`N`: select the next or previous claim in the article and bring it into view.
fn step_claim(state: &mut State, forward: bool) {
    if state.view != View::Reader {
        return;
    }
    let lines = claim_lines(state);
    if lines.is_empty() {
        state.message = Some("This article has no claims.".into());
        return;
    }
    let height = usize::from(reader_geometry(state).column.height);
    let reader = state.reader();
    let (top, bottom) = (reader.top, reader.top + height);
    let current = reader
        .selected
        .and_then(|s| lines.iter().position(|&(c, _)| c == s))
        .filter(|&i| (top..bottom).contains(&lines[i].1));
    let next = match (current, forward) {
        (Some(i), true) => (i + 1 < lines.len()).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
        (None, true) => lines.iter().position(|&(_, l)| l >= top),
        (None, false) => lines.iter().rposition(|&(_, l)| l < bottom),
    };
    let Some(next) = next else {
        state.message = Some(if forward {
            "No more claims below.".into()
        } else {
            "No more claims above.".into()
        });
        return;
    };
    let (claim, line) = lines[next];
    select_in_reader(state, claim, line);
}

/// Selects a claim in the current article and scrolls so its first line is comfortably visible.
fn select_in_reader(state: &mut State, claim: ClaimIx, line: usize) {
    let height = reader_geometry(state).column.height;
    let reader = &mut state.readers[state.article.get()];
    reader.selected = Some(claim);
    let h = usize::from(height);
    let mut top = reader.top;
    if line < top || line >= top + h {
        top = line.saturating_sub(h / 3);
    }
    reader.set_top(top.min(max_top(reader.flow.len(), height)));
}

/// Shows a claim's quote in its article pane.
fn jump_to_claim(state: &mut State, claim: ClaimIx) {
    let article = state.debate.claim(claim).article;
    go(state, View::Reader, article);
    let anchor = state.debate.claim(claim).anchor.clone();
    let line = state
        .reader()
        .flow
        .line_of_block_byte(anchor.block, anchor.range.start);
    select_in_reader(state, claim, line);
}

fn jump_to_block(state: &mut State, article: ArticleIx, block: usize) {
    go(state, View::Reader, article);
    let height = reader_geometry(state).column.height;
    let reader = &mut state.readers[article.get()];
    let top = reader
        .flow
        .line_of_block_byte(block, 0)
        .min(max_top(reader.flow.len(), height));
    reader.set_top(top);
    reader.selected = None;
}

fn show_detail(state: &mut State, claim: ClaimIx) {
    state.overlay = Some(Overlay::Detail(DetailState {
        claim,
        link: None,
        scroll: 0,
    }));
}

/// The claim a key like `o` or `r` acts on in the current view.
fn selected_claim(state: &State) -> Option<ClaimIx> {
    match state.view {
        View::Reader => state.reader().selected,
        View::Claims => state.claims.visible.get(state.claims.selected).copied(),
        View::Debate => {
            if state.debate_view.side_by_side {
                state
                    .compare_rows()
                    .get(state.debate_view.selected)
                    .copied()
            } else {
                state
                    .debate_rows()
                    .get(state.debate_view.selected)
                    .map(|&(_, c)| c)
            }
        }
        View::Search => match state.search.results.hits.get(state.search.selected)?.target {
            Target::Claim { claim, .. } => Some(claim),
            Target::Paragraph { .. } => None,
        },
    }
}

fn open(state: &mut State) {
    match state.view {
        View::Reader => {
            let visible = reader_visible_claim(state);
            match reading::selected_on_screen(state).or(visible) {
                Some(claim) => {
                    state.readers[state.article.get()].selected = Some(claim);
                    show_detail(state, claim);
                }
                None => state.message = Some("No claim on screen; n goes to the next one.".into()),
            }
        }
        View::Claims => {
            if let Some(claim) = selected_claim(state) {
                jump_to_claim(state, claim);
            }
        }
        View::Debate => {
            if let Some(claim) = selected_claim(state) {
                show_detail(state, claim);
            }
        }
        View::Search => {
            let Some(hit) = state
                .search
                .results
                .hits
                .get(state.search.selected)
                .cloned()
            else {
                return;
            };
            match hit.target {
                Target::Claim { claim, .. } => jump_to_claim(state, claim),
                Target::Paragraph { article, block } => jump_to_block(state, article, block),
            }
        }
    }
}

/// The first claim whose quote starts on screen.
fn reader_visible_claim(state: &State) -> Option<ClaimIx> {
    let height = usize::from(reader_geometry(state).column.height);
    let top = state.reader().top;
    claim_lines(state)
        .into_iter()
        .find(|&(_, l)| l >= top && l < top + height)
        .map(|(c, _)| c)
}

fn start_search(state: &mut State, fx: &mut Effects) {
    let there = Place {
        view: View::Search,
        article: state.article,
    };
    let here = state.place();
    crate::places::visit(&mut state.history, here, &there);
    state.view = View::Search;
    state.search.query.clear();
    run_search(state, fx);
}

fn edit_query(state: &mut State, fx: &mut Effects, edit: impl FnOnce(&mut String)) {
    if state.view != View::Search {
        return;
    }
    edit(&mut state.search.query);
    run_search(state, fx);
}

/// Starts the search for the current query. An empty query lists the claims at once; any other
/// is asked of whoever runs searches ([`Effect::RunSearch`]), and the results on screen stay
/// until its results come.
fn run_search(state: &mut State, fx: &mut Effects) {
    let s = &mut state.search;
    s.generation += 1;
    if s.query.trim().is_empty() {
        s.busy = false;
        let results = crate::search::all_claims(&state.debate, &s.query, SEARCH_LIMIT);
        show_results(state, results);
        return;
    }
    s.busy = true;
    fx.push(Effect::RunSearch {
        generation: s.generation,
        query: s.query.clone(),
    });
}

/// Results of query number `generation`: shown if it is still the newest query, else dropped.
/// The claims come first (`partial`), then everything: the selection made meanwhile is kept.
fn search_done(state: &mut State, generation: u64, results: crate::search::Results) {
    let s = &mut state.search;
    if generation != s.generation || state.view != View::Search {
        return;
    }
    s.busy = results.partial;
    let selected = s.results.hits.get(s.selected).map(|h| h.target);
    let refining = s.results.partial && s.results.query == results.query;
    show_results(state, results);
    if refining
        && let Some(at) = state
            .search
            .results
            .hits
            .iter()
            .position(|h| Some(h.target) == selected)
    {
        state.search.selected = at;
        follow_search(state);
    }
}

fn show_results(state: &mut State, results: crate::search::Results) {
    state.search.results = results;
    state.search.selected = 0;
    state.search.offset = 0;
}

/// Recomputes the filtered claim list, keeping the selected claim selected when it still shows.
pub fn refresh_claims(state: &mut State) {
    let previous = state.claims.visible.get(state.claims.selected).copied();
    let filter = &state.claims.filter;
    let framing = state.framing;
    state.claims.visible = state
        .debate
        .claim_ixs()
        .filter(|&c| {
            let claim = state.debate.claim(c);
            filter.article.is_none_or(|a| claim.article == a)
                && filter
                    .tag
                    .as_ref()
                    .is_none_or(|t| claim.tags.iter().any(|x| **x == **t))
                && filter
                    .stance
                    .is_none_or(|s| claim.stance(framing).map(|x| x.kind) == s)
        })
        .collect();
    state.claims.selected = previous
        .and_then(|p| state.claims.visible.iter().position(|&c| c == p))
        .unwrap_or(0)
        .min(state.claims.visible.len().saturating_sub(1));
    follow_claims(state);
}

fn cycle_article_filter(state: &mut State) {
    let n = state.debate.articles.len();
    let next = match state.claims.filter.article {
        None => Some(0),
        Some(a) if a.get() + 1 < n => Some(a.get() + 1),
        Some(_) => None,
    };
    state.claims.filter.article = next.map(|i| article_ix(state, i));
    state.message = Some(match state.claims.filter.article {
        Some(a) => format!("Article: {}", state.debate.article(a).title),
        None => "Article: all".into(),
    });
    refresh_claims(state);
}

fn cycle_tag_filter(state: &mut State) {
    let mut tags: Vec<&str> = state
        .debate
        .claims
        .iter()
        .flat_map(|c| c.tags.iter().map(|t| &**t))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let next = match &state.claims.filter.tag {
        None => tags.first().map(|t| (*t).to_owned()),
        Some(current) => {
            let i = tags.iter().position(|t| *t == current.as_str());
            i.and_then(|i| tags.get(i + 1)).map(|t| (*t).to_owned())
        }
    };
    state.message = Some(match &next {
        Some(t) => format!("Tag: {t}"),
        None => "Tag: all".into(),
    });
    state.claims.filter.tag = next;
    refresh_claims(state);
}

fn cycle_stance_filter(state: &mut State) {
    let next = match state.claims.filter.stance {
        None => Some(Some(StanceKind::Supports)),
        Some(Some(StanceKind::Supports)) => Some(Some(StanceKind::Challenges)),
        Some(Some(StanceKind::Challenges)) => Some(Some(StanceKind::Neutral)),
        Some(Some(StanceKind::Neutral)) => Some(None),
        Some(None) => None,
    };
    state.claims.filter.stance = next;
    let framing = &state.debate.framing(state.framing).name;
    state.message = Some(match next {
        None => "Stance: all".into(),
        Some(Some(kind)) => format!("Stance under {framing}: {}", kind.as_str()),
        Some(None) => format!("Stance under {framing}: none"),
    });
    refresh_claims(state);
}

fn scroll_at(state: &mut State, x: u16, y: u16, delta: i8) {
    let lines = isize::from(delta);
    match state.view {
        View::Reader => {
            if layout::contains(screen_frame(state).body, x, y) {
                move_by(state, lines * 3);
            }
        }
        View::Claims | View::Debate | View::Search => move_by(state, lines),
    }
}

fn click_at(state: &mut State, x: u16, y: u16, fx: &mut Effects) {
    let frame = screen_frame(state);
    if layout::contains(frame.top, x, y) {
        if let Some(action) = ui::top::tab_at(state, x) {
            apply(state, action, fx);
        }
        return;
    }
    if !layout::contains(frame.body, x, y) {
        return;
    }
    match state.view {
        View::Reader => click_reader(state, x, y),
        View::Claims => {
            let list = claims_geometry(state).lists.list;
            if layout::contains(list, x, y) {
                let row = state.claims.offset + usize::from(y - list.y) / ui::claims::ROW_HEIGHT;
                if row < state.claims.visible.len() {
                    if row == state.claims.selected {
                        open(state);
                    } else {
                        state.claims.selected = row;
                    }
                }
            }
        }
        View::Search => {
            let list = search_geometry(state).results.list;
            if layout::contains(list, x, y) {
                let row = state.search.offset + usize::from(y - list.y);
                if row < state.search.results.hits.len() {
                    if row == state.search.selected {
                        open(state);
                    } else {
                        state.search.selected = row;
                    }
                }
            }
        }
        View::Debate => {
            if let Some(row) = ui::debate::row_at(state, y) {
                if row == state.debate_view.selected {
                    open(state);
                } else {
                    state.debate_view.selected = row;
                }
            }
        }
    }
}

/// A click on the text selects the claim under it; a second click opens it.
fn click_reader(state: &mut State, x: u16, y: u16) {
    let column = reader_geometry(state).column;
    if !layout::contains(column, x, y) {
        return;
    }
    let reader = state.reader();
    let line_ix = reader.top + usize::from(y - column.y);
    let Some(line) = reader.flow.lines.get(line_ix) else {
        return;
    };
    let Source::Block(block) = line.source else {
        return;
    };
    let b = &state.debate.article(state.article).doc.blocks[block];
    let col = usize::from(x - column.x).saturating_sub(crate::flow::indent(b));
    let byte = ui::reader::byte_at_column(&b.text, line.range.clone(), col);
    let hit = state
        .debate
        .article(state.article)
        .claims
        .iter()
        .copied()
        .find(|&c| {
            let a = &state.debate.claim(c).anchor;
            a.block == block && a.range.contains(&byte)
        });
    if let Some(claim) = hit {
        if reader.selected == Some(claim) {
            show_detail(state, claim);
        } else {
            state.readers[state.article.get()].selected = Some(claim);
        }
    }
}

/// Takes in a new version of the debate file. A good version replaces the debate, keeping
/// the view, the active framing, each article's reading position and the selected claims
/// (matched by id); a version with errors leaves everything as it was and raises the banner.
fn reload(
    state: &mut State,
    result: Result<crate::model::Debate, crate::model::LoadFailure>,
    fx: &mut Effects,
) {
    let debate = match result {
        Ok(debate) => debate,
        Err(failure) => {
            let count = failure.diagnostics.len();
            state.banner = Some(crate::state::Banner {
                file: failure.file.clone(),
                count,
                report: failure.render(false),
            });
            state.message = Some(format!(
                "The file has {count} error{}; still showing the last good version.",
                if count == 1 { "" } else { "s" }
            ));
            return;
        }
    };
    let old = &state.debate;
    let framing_id = old.framing(state.framing).id.clone();
    let article_id = old.article(state.article).id.clone();
    // Per article id: the reading anchor and the selected claim's id.
    let positions: Vec<(String, Option<crate::flow::TextAnchor>, Option<String>)> = old
        .articles
        .iter()
        .zip(&state.readers)
        .map(|(a, r)| {
            let anchor = r
                .anchor
                .or_else(|| (!r.flow.is_empty()).then(|| r.flow.anchor(r.top)));
            let selected = r.selected.map(|c| old.claim(c).id.clone());
            (a.id.clone(), anchor, selected)
        })
        .collect();
    let detail_id = match &state.overlay {
        Some(Overlay::Detail(d)) => Some(old.claim(d.claim).id.clone()),
        _ => None,
    };
    let claim_id =
        |d: &crate::model::Debate, id: &str| d.claim_ixs().find(|&c| d.claim(c).id == id);

    state.framing = debate
        .framing_ixs()
        .find(|&f| debate.framing(f).id == framing_id)
        .unwrap_or_else(crate::model::Debate::first_framing_ix);
    state.article = debate
        .article_ixs()
        .find(|&a| debate.article(a).id == article_id)
        .unwrap_or_else(crate::model::Debate::first_article_ix);
    state.readers = debate
        .articles
        .iter()
        .map(|a| {
            let mut reader = crate::state::ReaderState::default();
            if let Some((_, anchor, selected)) = positions.iter().find(|(id, _, _)| *id == a.id) {
                reader.anchor = *anchor;
                reader.selected = selected.as_deref().and_then(|id| claim_id(&debate, id));
            }
            reader
        })
        .collect();
    state.overlay = match (&state.overlay, detail_id) {
        (Some(Overlay::Detail(_)), Some(id)) => claim_id(&debate, &id).map(|claim| {
            Overlay::Detail(DetailState {
                claim,
                link: None,
                scroll: 0,
            })
        }),
        (Some(Overlay::Errors(_)), _) => None,
        (other, _) => other.clone(),
    };
    state.claims.filter.article = state
        .claims
        .filter
        .article
        .and_then(|a| old.articles.get(a.get()).map(|x| x.id.clone()))
        .and_then(|id| debate.article_ixs().find(|&a| debate.article(a).id == id));
    state
        .history
        .retain(|p| p.article.get() < debate.articles.len());
    let articles = debate.articles.len();
    state.jumps.retain(|j| j.article.get() < articles);
    let summary = debate.summary();
    state.debate = std::sync::Arc::new(debate);
    state.banner = None;
    // Old results point into the old debate: cleared, and searched again if on screen.
    state.search.results = crate::search::Results::default();
    if state.view == View::Search {
        run_search(state, fx);
    } else {
        state.search.generation += 1;
        state.search.busy = false;
    }
    state.refresh_rows();
    refresh(state);
    // Each reader's flow is rebuilt for its anchor the first time it is shown.
    state.message = Some(format!("Reloaded: {summary}."));
}
