//! Scenarios: a reader state built by the same actions a user would take (framing, article,
//! view, claim, query), for `debate render`, the screenshots and the view tests. The screen
//! drawn from it is `screen`'s business; the terminal is never involved.

use crate::action::Action;
use crate::model::{ArticleIx, ClaimIx, Debate, FramingIx};
use crate::state::State;

/// The views a scenario can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Claims,
    Debate,
    Compare,
    Search,
    Help,
    Detail,
}

/// What the screen shows; every `None` is the reader's own default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub view: View,
    /// The article pane to show (its id); the first article by default.
    pub article: Option<String>,
    /// The active framing (its id); the first framing by default.
    pub framing: Option<String>,
    /// The query typed into search (with `View::Search`).
    pub query: String,
    /// The claim selected in the reader, or opened in `View::Detail` (the first by default).
    pub claim: Option<String>,
    /// Screen size in cells.
    pub size: (u16, u16),
}

/// The position of an item by id, or a message naming the ids there are.
fn position_of<'a>(
    kind: &str,
    id: &str,
    found: Option<usize>,
    ids: impl Iterator<Item = &'a str>,
) -> Result<usize, String> {
    found.ok_or_else(|| {
        let ids: Vec<&str> = ids.collect();
        match crate::model::validate::messages::suggest(id, ids.iter().copied()) {
            Some(close) => format!("no {kind} with id '{id}'; did you mean '{close}'?"),
            None if ids.len() > 12 => format!(
                "no {kind} with id '{id}'; the {kind}s include: {}, …",
                ids[..12].join(", ")
            ),
            None => format!(
                "no {kind} with id '{id}'; the {kind}s are: {}",
                ids.join(", ")
            ),
        }
    })
}

/// Builds the state of a scenario: the requested view, article, framing, claim and query.
pub fn build(debate: Debate, name: &str, scenario: &Scenario) -> Result<State, String> {
    let (w, h) = scenario.size;
    let mut state = State::new(debate, name, w, h);
    apply(&mut state, scenario)?;
    Ok(state)
}

/// Article, framing and claim positions of the scenario's ids, `None` where it names none.
type Positions = (Option<usize>, Option<usize>, Option<usize>);

/// The positions the scenario's ids name in a debate, or an error naming an unknown id.
fn resolve(debate: &Debate, scenario: &Scenario) -> Result<Positions, String> {
    let article = scenario
        .article
        .as_ref()
        .map(|id| {
            position_of(
                "article",
                id,
                debate.article_by_id(id).map(ArticleIx::get),
                debate.articles.iter().map(|a| a.id.as_str()),
            )
        })
        .transpose()?;
    let framing = scenario
        .framing
        .as_ref()
        .map(|id| {
            position_of(
                "framing",
                id,
                debate.framing_by_id(id).map(FramingIx::get),
                debate.framings.iter().map(|f| f.id.as_str()),
            )
        })
        .transpose()?;
    let claim = scenario
        .claim
        .as_ref()
        .map(|id| {
            position_of(
                "claim",
                id,
                debate.claim_by_id(id).map(ClaimIx::get),
                debate.claims.iter().map(|c| c.id.as_str()),
            )
        })
        .transpose()?;
    Ok((article, framing, claim))
}

/// Whether every id the scenario names is in the debate; the error names the first unknown.
pub fn check(debate: &Debate, scenario: &Scenario) -> Result<(), String> {
    resolve(debate, scenario).map(|_| ())
}

/// Takes a state (a fresh one, or one restored to where the user was) to the scenario's place;
/// its size is left as it is. An unknown id is an error naming it, with the closest id.
pub fn apply(state: &mut State, scenario: &Scenario) -> Result<(), String> {
    let debate = std::sync::Arc::clone(&state.debate);
    let (article, framing, claim) = resolve(&debate, scenario)?;
    // What the scenario leaves out stays where the state is.
    let article = article.unwrap_or(state.article.get());
    let framing = framing.unwrap_or(state.framing.get());
    // Searches run inline: the still screen shows the query's results.
    let update = |state: &mut State, action| drop(crate::effect::apply(state, action));
    let state = &mut *state;
    // Step to the framing from wherever the state stands (a restored one may be past it).
    for _ in 0..debate.framings.len() {
        if state.framing.get() == framing {
            break;
        }
        update(state, Action::NextFraming);
    }
    update(state, Action::ShowArticle(article));
    // With a claim, the reader shows that claim selected, as `n` or a jump leaves it; the
    // lists and the debate view then open on the claim being read.
    let read_claim = |state: &mut State| {
        if let Some(i) = claim {
            update(state, Action::ShowClaims);
            // A restored list may be filtered or scrolled: the index counts from the top.
            update(state, Action::ClearFilters);
            update(state, Action::Top);
            for _ in 0..i {
                update(state, Action::Down);
            }
            update(state, Action::Open);
        }
    };
    match scenario.view {
        View::Reader => read_claim(state),
        View::Claims => {
            read_claim(state);
            update(state, Action::ShowClaims);
        }
        View::Debate => {
            read_claim(state);
            update(state, Action::ShowDebate);
        }
        View::Compare => {
            read_claim(state);
            update(state, Action::ToggleSideBySide);
        }
        View::Search => {
            update(state, Action::StartSearch);
            for c in scenario.query.chars() {
                update(state, Action::SearchInput(c));
            }
        }
        View::Help => update(state, Action::ToggleHelp),
        View::Detail => {
            update(state, Action::ShowClaims);
            update(state, Action::ClearFilters);
            update(state, Action::Top);
            for _ in 0..claim.unwrap_or(0) {
                update(state, Action::Down);
            }
            update(state, Action::ShowDetail);
        }
    }
    // Framing and filter changes leave a message in the status bar; a still screen has none.
    state.message = None;
    Ok(())
}
