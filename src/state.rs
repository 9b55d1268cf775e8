//! Everything the reader remembers: which view is open, positions in each view, the active
//! framing, the search, and the terminal's size. Plain data; `update` is the only writer.
//!
//! Derived data that is costly to recompute on every frame (wrapped articles, search results,
//! the filtered claim list) lives here too, recomputed by `derive` when its inputs change.

use std::sync::Arc;

use crate::flow::{Flow, TextAnchor};
use crate::keymap::Keymap;
use crate::model::{ArticleIx, Claim, ClaimIx, Debate, FramingIx, StanceKind};
use crate::search::Results;
use crate::ui::theme::Theme;

/// The main views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Claims,
    Debate,
    Search,
}

/// A popup over the current view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The help, scrolled by this many lines.
    Help(usize),
    /// The errors of the last reload that failed, scrolled by this many lines.
    Errors(usize),
    Detail(DetailState),
    /// The bookmarks, listed to jump from: the selected one's index in letter order.
    Marks(usize),
    /// A picker of a filter or of the framing.
    Picker(Box<crate::picker::Picker>),
    /// The article's links, listed to open one: the selected one's index.
    Links(usize),
}

/// Where the user was, for Esc to return to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub view: View,
    pub article: ArticleIx,
}

/// One article pane.
#[derive(Debug, Clone, Default)]
pub struct ReaderState {
    /// The first line on screen, in `flow`.
    pub top: usize,
    /// The text at the top of the screen when the reader last scrolled: kept across changes of
    /// width, so resizing back and forth never drifts.
    pub anchor: Option<TextAnchor>,
    /// The claim `n`/`N` moved to, or that was clicked.
    pub selected: Option<ClaimIx>,
    /// The article wrapped to the current column width.
    pub flow: Flow,
    /// The search in this article's text (`/` in the reader), if any.
    pub find: Option<crate::find::Find>,
}

/// Filters of the claim list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    pub article: Option<ArticleIx>,
    /// A claim passes with any of these tags; none means any claim.
    pub tags: Vec<String>,
    /// A stance under the active framing; `Some(None)` means "no stance".
    pub stance: Option<Option<StanceKind>>,
}

impl ClaimFilter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether a claim passes every filter, the stance read under `framing`.
    pub fn passes(&self, claim: &Claim, framing: FramingIx) -> bool {
        self.article_passes(claim) && self.tags_pass(claim) && self.stance_passes(claim, framing)
    }

    pub fn article_passes(&self, claim: &Claim) -> bool {
        self.article.is_none_or(|a| claim.article == a)
    }

    pub fn tags_pass(&self, claim: &Claim) -> bool {
        self.tags.is_empty()
            || claim
                .tags
                .iter()
                .any(|x| self.tags.iter().any(|t| **x == **t))
    }

    pub fn stance_passes(&self, claim: &Claim, framing: FramingIx) -> bool {
        self.stance
            .is_none_or(|s| claim.stance(framing).map(|x| x.kind) == s)
    }
}

#[derive(Debug, Clone, Default)]
pub struct ClaimsState {
    pub filter: ClaimFilter,
    /// The claims that pass the filter, in file order.
    pub visible: Vec<ClaimIx>,
    /// Index into `visible`.
    pub selected: usize,
    /// First visible row of the list.
    pub offset: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The prompt: the query and its cursor.
    pub query: crate::field::TextField,
    /// Queries the user opened a result of, oldest first, without repeats: plain data, for a
    /// persistence layer to save and restore.
    pub history: Vec<String>,
    /// While recalling: which entry of `history` the prompt shows, and what was typed before
    /// recalling began (shown again past the newest entry).
    pub recalling: Option<(usize, String)>,
    /// The results of the newest query that finished; while `busy`, an older query's.
    pub results: Results,
    pub selected: usize,
    pub offset: usize,
    /// First line of the selected result's preview shown; back to 0 when the selection moves.
    pub preview_scroll: usize,
    /// Numbers the queries: results of any but the newest are stale.
    pub generation: u64,
    /// Whether a query is running: set when one is asked for, cleared when its final results
    /// come or when it is abandoned (a newer query, leaving search). Nothing else.
    pub busy: bool,
    /// Enter (or Alt-v, Alt-c) was pressed before the query's results were in: it acts on the
    /// selected result when they come, and until then the event loop reads no key, so that
    /// the keys typed after it act on what it did. Holds the action waiting.
    pub opening: Option<crate::action::Action>,
    /// Whether the user moved the selection in the results on screen; only then does a
    /// selection survive the arrival of the same query's complete results.
    pub moved: bool,
}

/// The order of the side-by-side rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CompareOrder {
    /// As the claims stand in the file.
    #[default]
    Article,
    /// Where the framings' readings diverge most first.
    Disagreement,
}

#[derive(Debug, Clone, Default)]
pub struct DebateState {
    pub side_by_side: bool,
    pub contested_only: bool,
    /// The rows of the framing view and of the side-by-side view, kept here so that drawing
    /// and moving cost nothing per claim: rebuilt by `derive::refresh_rows`.
    pub rows: Vec<(StanceKind, ClaimIx)>,
    pub compare: Vec<ClaimIx>,
    /// Index into the rows of the current mode.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// Lines of the selected row scrolled past, when it is taller than the list: `j` reads on
    /// inside a long row before it moves to the next.
    pub row_scroll: usize,
    /// Side by side in order of how far the framings' readings diverge, not article order.
    pub order: CompareOrder,
    /// The first framing column shown side by side when not all of them fit.
    pub pan: usize,
    /// Whether the framing's thesis is shown in full rather than in its first lines.
    pub thesis_open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailState {
    pub claim: ClaimIx,
    /// Index into the claim's links (out, then in) when one is selected.
    pub link: Option<usize>,
    pub scroll: usize,
}

/// Why the debate on screen is not the file's latest version: the file was saved with errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// The file's name.
    pub file: String,
    /// How many errors.
    pub count: usize,
    /// The errors as `debate check` prints them (no colour).
    pub report: String,
}

/// The whole state of the reader.
#[derive(Debug, Clone)]
pub struct State {
    /// Shared with the search thread.
    pub debate: Arc<Debate>,
    /// The file's name, for the title bar.
    pub name: String,
    pub view: View,
    pub overlay: Option<Overlay>,
    /// Where Esc returns to (see `places`).
    pub history: Vec<Place>,
    /// Ctrl-o / Ctrl-n: reader places jumped from.
    pub jumps: crate::jumps::JumpList<crate::reading::ReaderJump>,
    /// A count typed before a motion (see `count`).
    pub count: Option<usize>,
    pub framing: FramingIx,
    pub article: ArticleIx,
    pub readers: Vec<ReaderState>,
    pub claims: ClaimsState,
    pub search: SearchState,
    pub debate_view: DebateState,
    /// Terminal size in cells.
    pub width: u16,
    pub height: u16,
    /// A one-line message for the status bar, cleared by the next action.
    pub message: Option<String>,
    /// Shown while the watched file has errors; the last good version stays on screen.
    pub banner: Option<Banner>,
    /// The key bindings: input resolves keys with them, help and hints are written from them.
    pub keymap: Arc<Keymap>,
    /// The colours and text styles every view draws with.
    pub theme: Arc<Theme>,
    /// The reading column's width and margin.
    pub reading: crate::geometry::layout::Reading,
    /// Your verdicts and notes, by claim id (ids of claims no longer in the file included:
    /// they are kept, listed as orphans by `debate notes`).
    pub judgements: std::collections::BTreeMap<String, crate::session::Judgement>,
    /// Bookmarks by letter (less's marks).
    pub bookmarks: std::collections::BTreeMap<char, crate::session::Place>,
    /// Why the reading state cannot be saved, while saves fail (the event loop sets it): the
    /// messages of verdicts, notes and marks then say they are not kept.
    pub unsaved: Option<String>,
    /// The claim detail that help was opened over (`?` in the detail): closing help returns
    /// to it, and help describes the detail's keys meanwhile.
    pub detail_under_help: Option<DetailState>,
    /// Whether the terminal shows OSC 8 hyperlinks (the event loop finds out; off elsewhere).
    pub hyperlinks: bool,
    /// `m` or `'` was pressed: the next letter names a mark. `true` sets, `false` jumps.
    pub pending_mark: Option<bool>,
    /// The private note being written on a claim, over whatever is on screen.
    pub note: Option<crate::note::NoteForm>,
    /// The caret, the claim form and their questions (see `form`).
    pub authoring: crate::form::Authoring,
}

impl ReaderState {
    /// Scrolls to a line and remembers the text there.
    pub fn set_top(&mut self, top: usize) {
        self.top = top;
        self.anchor = Some(self.flow.anchor(top));
    }
}

impl State {
    /// A fresh reader on the first article, laid out for a `width`×`height` terminal.
    pub fn new(debate: Debate, name: impl Into<String>, width: u16, height: u16) -> Self {
        let readers = vec![ReaderState::default(); debate.articles.len()];
        let mut state = Self {
            article: Debate::first_article_ix(),
            framing: Debate::first_framing_ix(),
            debate: Arc::new(debate),
            name: name.into(),
            view: View::Reader,
            overlay: None,
            history: Vec::new(),
            jumps: crate::jumps::JumpList::default(),
            count: None,
            readers,
            claims: ClaimsState::default(),
            search: SearchState::default(),
            debate_view: DebateState::default(),
            width,
            height,
            message: None,
            banner: None,
            keymap: Arc::new(Keymap::default()),
            theme: Arc::new(Theme::dark()),
            reading: crate::geometry::layout::Reading::default(),
            judgements: std::collections::BTreeMap::new(),
            bookmarks: std::collections::BTreeMap::new(),
            unsaved: None,
            pending_mark: None,
            authoring: crate::form::Authoring::default(),
            detail_under_help: None,
            hyperlinks: false,
            note: None,
        };
        crate::derive::refresh_rows(&mut state);
        crate::derive::refresh(&mut state);
        state
    }

    pub fn place(&self) -> Place {
        Place {
            view: self.view,
            article: self.article,
        }
    }

    pub fn reader(&self) -> &ReaderState {
        &self.readers[self.article.get()]
    }

    /// Rows of the debate view for the active framing: claims grouped by stance, in the order
    /// Supports, Challenges, Neutral, each group in file order.
    pub fn debate_rows(&self) -> &[(StanceKind, ClaimIx)] {
        &self.debate_view.rows
    }

    /// Rows of the side-by-side view: claims any framing reads, contested ones only if asked.
    pub fn compare_rows(&self) -> &[ClaimIx] {
        &self.debate_view.compare
    }

    /// The links of a claim as shown in its detail: outgoing, then incoming.
    pub fn detail_links(&self, claim: ClaimIx) -> Vec<(bool, &crate::model::Link)> {
        self.debate
            .links_from(claim)
            .map(|l| (true, l))
            .chain(self.debate.links_to(claim).map(|l| (false, l)))
            .collect()
    }
}
