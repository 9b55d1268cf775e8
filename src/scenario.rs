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
        format!(
            "no {kind} with id '{id}'; the {kind}s are: {}",
            ids.collect::<Vec<_>>().join(", ")
        )
    })
}

/// Builds the state of a scenario: the requested view, article, framing, claim and query.
pub fn build(debate: Debate, name: &str, scenario: &Scenario) -> Result<State, String> {
    let (w, h) = scenario.size;
    let article = match &scenario.article {
        Some(id) => position_of(
            "article",
            id,
            debate.article_by_id(id).map(ArticleIx::get),
            debate.articles.iter().map(|a| a.id.as_str()),
        )?,
        None => 0,
    };
    let framing = match &scenario.framing {
        Some(id) => position_of(
            "framing",
            id,
            debate.framing_by_id(id).map(FramingIx::get),
            debate.framings.iter().map(|f| f.id.as_str()),
        )?,
        None => 0,
    };
    let claim = match &scenario.claim {
        Some(id) => Some(position_of(
            "claim",
            id,
            debate.claim_by_id(id).map(ClaimIx::get),
            debate.claims.iter().map(|c| c.id.as_str()),
        )?),
        None => None,
    };
    // Searches run inline: the still screen shows the query's results.
    let update = |state: &mut State, action| drop(crate::effect::apply(state, action));
    let mut state = State::new(debate, name, w, h);
    for _ in 0..framing {
        update(&mut state, Action::NextFraming);
    }
    update(&mut state, Action::ShowArticle(article));
    match scenario.view {
        View::Reader => {
            // With a claim, the reader shows that claim selected, as `n` or a jump leaves it.
            if let Some(i) = claim {
                update(&mut state, Action::ShowClaims);
                for _ in 0..i {
                    update(&mut state, Action::Down);
                }
                update(&mut state, Action::Open);
            }
        }
        View::Claims => update(&mut state, Action::ShowClaims),
        View::Debate => update(&mut state, Action::ShowDebate),
        View::Compare => update(&mut state, Action::ToggleSideBySide),
        View::Search => {
            update(&mut state, Action::StartSearch);
            for c in scenario.query.chars() {
                update(&mut state, Action::SearchInput(c));
            }
        }
        View::Help => update(&mut state, Action::ToggleHelp),
        View::Detail => {
            update(&mut state, Action::ShowClaims);
            for _ in 0..claim.unwrap_or(0) {
                update(&mut state, Action::Down);
            }
            update(&mut state, Action::ShowDetail);
        }
    }
    // Framing and filter changes leave a message in the status bar; a still screen has none.
    state.message = None;
    Ok(state)
}
