//! What the reader remembers of one debate: the open view and article, a reading anchor per
//! article, the framing, recent finder queries, the jump list, bookmarks, and the reader's own
//! verdicts and notes on claims. Everything refers to the debate by id, never by index, so it
//! survives edits of the file; entries whose id is gone are kept and listed as orphans.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::anchor::ReadingAnchor;
use super::key::DebateKey;
use crate::model::{ArticleIx, Debate, FramingIx};

/// The version of the state file's format this build writes and reads. Bump it when a field
/// changes meaning; a file with a higher version is set aside, not misread.
pub const FORMAT_VERSION: u32 = 1;
/// Finder queries kept, newest first.
pub const MAX_QUERIES: usize = 20;
/// Jumps kept, oldest dropped first.
pub const MAX_JUMPS: usize = 100;

/// The main view that was open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum View {
    #[default]
    Reader,
    Claims,
    Debate,
    /// The debate view with the framings side by side.
    Compare,
    Search,
}

/// A place to go back to: a claim, or a place in an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Place {
    Claim {
        claim: String,
    },
    Text {
        article: String,
        anchor: ReadingAnchor,
    },
}

/// Where the reader stands on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Convinced,
    NotConvinced,
    Unsure,
}

impl Verdict {
    /// The words shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            Self::Convinced => "convinced",
            Self::NotConvinced => "not convinced",
            Self::Unsure => "unsure",
        }
    }

    /// Its mark in lists.
    pub fn mark(self) -> &'static str {
        match self {
            Self::Convinced => "✓",
            Self::NotConvinced => "✗",
            Self::Unsure => "?",
        }
    }
}

/// The reader's verdict on a claim and private note, either or both.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Judgement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Judgement {
    pub fn is_empty(&self) -> bool {
        self.verdict.is_none() && self.note.as_deref().is_none_or(str::is_empty)
    }
}

/// Places visited by jumps, and where in that history the reader is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JumpList {
    pub places: Vec<Place>,
    /// Index in `places` of the current position; `places.len()` when at the newest end.
    pub cursor: usize,
}

impl JumpList {
    /// Records a jump from `from`: later history past the cursor is dropped (as in vim), and
    /// the oldest entries go when the list is full.
    pub fn push(&mut self, from: Place) {
        self.places.truncate(self.cursor);
        self.places.push(from);
        if self.places.len() > MAX_JUMPS {
            let excess = self.places.len() - MAX_JUMPS;
            self.places.drain(..excess);
        }
        self.cursor = self.places.len();
    }
}

/// Everything remembered about one debate. Unknown fields of a file are ignored and missing
/// ones take their defaults, so adding a field does not need a new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    pub version: u32,
    /// The debate this belongs to (also encoded in the file's name); `None` until saved.
    pub debate: Option<DebateKey>,
    pub view: View,
    /// The article open in the reader, by id.
    pub article: Option<String>,
    /// The reading position in each article, by article id.
    pub places: BTreeMap<String, ReadingAnchor>,
    /// The active framing, by id.
    pub framing: Option<String>,
    /// Recent finder queries, newest first, no duplicates.
    pub queries: Vec<String>,
    /// The finder's query, when the finder was the open view (`view` is `search`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finder: Option<String>,
    pub jumps: JumpList,
    /// Marks set with a letter, as in less: `m<letter>` sets, `'<letter>` jumps.
    pub bookmarks: BTreeMap<char, Place>,
    /// Verdicts and notes, by claim id.
    pub judgements: BTreeMap<String, Judgement>,
    /// The claim selected in each view, and the claim list's filters (absent from older files).
    #[serde(skip_serializing_if = "Selection::is_empty")]
    pub selection: Selection,
    /// Fields a later build of the same format version wrote that this one does not know:
    /// kept and written back, so running an older build loses nothing of the file.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            debate: None,
            view: View::default(),
            article: None,
            places: BTreeMap::new(),
            framing: None,
            queries: Vec::new(),
            finder: None,
            jumps: JumpList::default(),
            bookmarks: BTreeMap::new(),
            judgements: BTreeMap::new(),
            selection: Selection::default(),
            unknown: serde_json::Map::new(),
        }
    }
}

/// What was selected in the views, by claim id so that it survives edits of the file. Every
/// field is optional: files written before it load, and fields a later build adds are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    /// The claim selected in the claim list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<String>,
    /// The claim list's filters.
    #[serde(skip_serializing_if = "ClaimFilter::is_empty")]
    pub filter: ClaimFilter,
    /// The claim selected in the debate view (one framing, or side by side).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debate: Option<String>,
    /// The first framing column side by side, when not all of them fit.
    #[serde(skip_serializing_if = "is_zero")]
    pub pan: usize,
    /// The claim selected in each article's reader (`n`/`N`), by article id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub reader: BTreeMap<String, String>,
    /// The rank of the finder's selected result, when the finder was open.
    #[serde(skip_serializing_if = "is_zero")]
    pub result: usize,
    /// The view the open finder was opened from: where its Esc goes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finder_from: Option<View>,
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The claim list's filters, by id: an article, tags (any of them), a stance on the active
/// framing (`supports`, `challenges`, `neutral`, or `none` for claims that take none).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
}

impl ClaimFilter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Entries whose claim or article is no longer in the debate: kept in the file, listed here.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Orphans<'a> {
    /// Claim ids with a verdict or a note.
    pub judgements: Vec<&'a str>,
    /// Letters of bookmarks on a claim or article that is gone.
    pub bookmarks: Vec<char>,
    /// Article ids with a remembered reading position.
    pub places: Vec<&'a str>,
}

impl Orphans<'_> {
    pub fn is_empty(&self) -> bool {
        self.judgements.is_empty() && self.bookmarks.is_empty() && self.places.is_empty()
    }
}

/// Whether a place still points into the debate.
pub fn place_exists(debate: &Debate, place: &Place) -> bool {
    match place {
        Place::Claim { claim } => debate.claim_by_id(claim).is_some(),
        Place::Text { article, .. } => debate.article_by_id(article).is_some(),
    }
}

impl Session {
    /// The active framing, if the remembered id is still in the debate.
    pub fn framing_ix(&self, debate: &Debate) -> Option<FramingIx> {
        let id = self.framing.as_deref()?;
        debate.framing_by_id(id)
    }

    /// The open article, if the remembered id is still in the debate.
    pub fn article_ix(&self, debate: &Debate) -> Option<ArticleIx> {
        debate.article_by_id(self.article.as_deref()?)
    }

    /// Puts a query at the front of the recent ones (moving it there if it was already kept).
    pub fn remember_query(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.queries.retain(|q| q != query);
        self.queries.insert(0, query.to_owned());
        self.queries.truncate(MAX_QUERIES);
    }

    /// Sets or clears the verdict on a claim, keeping its note.
    pub fn set_verdict(&mut self, claim: &str, verdict: Option<Verdict>) {
        self.judgements.entry(claim.to_owned()).or_default().verdict = verdict;
        self.drop_if_empty(claim);
    }

    /// Sets or clears (with an empty text) the note on a claim, keeping its verdict.
    pub fn set_note(&mut self, claim: &str, note: &str) {
        set_note(&mut self.judgements, claim, note);
    }

    /// A judgement cleared of both verdict and note is removed: clearing is the reader's own
    /// act, unlike an id vanishing from the file, which never removes anything.
    fn drop_if_empty(&mut self, claim: &str) {
        if self.judgements.get(claim).is_some_and(Judgement::is_empty) {
            self.judgements.remove(claim);
        }
    }

    /// What refers to claims or articles the debate no longer has.
    pub fn orphans(&self, debate: &Debate) -> Orphans<'_> {
        Orphans {
            judgements: self
                .judgements
                .keys()
                .filter(|id| debate.claim_by_id(id).is_none())
                .map(String::as_str)
                .collect(),
            bookmarks: self
                .bookmarks
                .iter()
                .filter(|(_, place)| !place_exists(debate, place))
                .map(|(&letter, _)| letter)
                .collect(),
            places: self
                .places
                .keys()
                .filter(|id| debate.article_by_id(id).is_none())
                .map(String::as_str)
                .collect(),
        }
    }

    /// Per framing, in the debate's order: of the claims the reader judged convincing, how
    /// many support the framing and how many challenge it.
    pub fn scorecard(&self, debate: &Debate) -> Vec<Score> {
        scorecard(&self.judgements, debate)
    }
}

/// Sets or clears (with an empty text) the note on a claim in a set of judgements, keeping
/// its verdict; an entry left with neither is removed (clearing is the reader's own act).
pub fn set_note(judgements: &mut BTreeMap<String, Judgement>, claim: &str, note: &str) {
    let note = (!note.trim().is_empty()).then(|| note.to_owned());
    judgements.entry(claim.to_owned()).or_default().note = note;
    if judgements.get(claim).is_some_and(Judgement::is_empty) {
        judgements.remove(claim);
    }
}

/// [`Session::scorecard`] of a set of judgements (the reader keeps them outside a session).
pub fn scorecard(judgements: &BTreeMap<String, Judgement>, debate: &Debate) -> Vec<Score> {
    use crate::model::StanceKind;
    debate
        .framing_ixs()
        .map(|framing| {
            let mut score = Score::default();
            for (id, judgement) in judgements {
                let Some(ix) = debate.claim_by_id(id) else {
                    continue;
                };
                let Some(stance) = debate.claim(ix).stance(framing) else {
                    continue;
                };
                let convinced = judgement.verdict == Some(Verdict::Convinced);
                match stance.kind {
                    StanceKind::Supports if convinced => score.supporting += 1,
                    StanceKind::Challenges if convinced => score.challenging += 1,
                    _ => {}
                }
                if judgement.verdict.is_some() {
                    score.judged += 1;
                }
            }
            score
        })
        .collect()
}

/// A framing's tally of the claims the reader judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Claims with a verdict that take a stance on the framing.
    pub judged: usize,
    /// Convincing claims that support the framing.
    pub supporting: usize,
    /// Convincing claims that challenge it.
    pub challenging: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two framings; claims `c1` (supports a, challenges b) and `c2` (challenges a).
    fn debate() -> Debate {
        crate::session::test_debate(
            "T",
            "X",
            "One sentence here. Another sentence there.",
            r#"[[claims]]
id = "c1"
article = "x"
quote = "One sentence"
summary = "First."
stances = { a = { stance = "supports" }, b = { stance = "challenges" } }
[[claims]]
id = "c2"
article = "x"
quote = "Another sentence"
summary = "Second."
stances = { a = { stance = "challenges" } }
"#,
        )
    }

    fn claim(id: &str) -> Place {
        Place::Claim { claim: id.into() }
    }

    #[test]
    fn a_full_session_survives_a_json_round_trip() {
        let mut s = Session {
            view: View::Compare,
            article: Some("x".into()),
            framing: Some("b".into()),
            ..Session::default()
        };
        s.places.insert("x".into(), ReadingAnchor::top());
        s.remember_query("export controls");
        s.jumps.push(claim("c1"));
        s.bookmarks.insert('a', claim("c2"));
        s.bookmarks.insert(
            'Z',
            Place::Text {
                article: "x".into(),
                anchor: ReadingAnchor {
                    block: Some(0),
                    fingerprint: "One".into(),
                    offset: 4,
                    context: "sentence \"quoted\" ✓".into(),
                    gap_above: true,
                },
            },
        );
        s.set_verdict("c1", Some(Verdict::NotConvinced));
        s.set_note("c1", "Line one.\nLine two.");
        let text = serde_json::to_string_pretty(&s).unwrap();
        let back: Session = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        assert!(text.contains("\"not-convinced\""), "{text}");
        assert!(text.contains("\"view\": \"compare\""), "{text}");
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_ones_are_kept_for_writing_back() {
        let s: Session =
            serde_json::from_str(r#"{"version": 1, "framing": "a", "future": [1, 2]}"#).unwrap();
        assert_eq!(s.framing.as_deref(), Some("a"));
        assert_eq!(s.view, View::Reader);
        assert!(s.judgements.is_empty());
        let back = serde_json::to_value(&s).unwrap();
        assert_eq!(back["future"], serde_json::json!([1, 2]), "{back}");
        assert_eq!(back["framing"], "a");
        assert!(
            s.unknown.get("framing").is_none(),
            "a known field is not unknown"
        );
    }

    /// The selection is optional: an older file has none and loads; a file with one reads
    /// it back, fields of it a later build added kept for writing back.
    #[test]
    fn the_selection_round_trips_and_keeps_unknown_fields() {
        let old: Session = serde_json::from_str(r#"{"version": 1, "view": "debate"}"#).unwrap();
        assert!(old.selection.is_empty());
        assert!(
            !serde_json::to_string(&old).unwrap().contains("selection"),
            "an empty selection is not written"
        );
        let text = r#"{"version": 1, "selection": {"debate": "c1", "pan": 1,
            "filter": {"article": "x", "stance": "none"}, "reader": {"x": "c2"},
            "finder_from": "compare", "later": true}}"#;
        let s: Session = serde_json::from_str(text).unwrap();
        assert_eq!(s.selection.debate.as_deref(), Some("c1"));
        assert_eq!(s.selection.pan, 1);
        assert_eq!(s.selection.filter.stance.as_deref(), Some("none"));
        assert_eq!(s.selection.reader["x"], "c2");
        assert_eq!(s.selection.finder_from, Some(View::Compare));
        let back = serde_json::to_value(&s).unwrap();
        assert_eq!(back["selection"]["later"], true, "{back}");
        assert_eq!(serde_json::from_value::<Session>(back).unwrap(), s);
    }

    #[test]
    fn framing_and_article_are_found_by_id_not_position() {
        let d = debate();
        let mut s = Session {
            framing: Some("b".into()),
            article: Some("x".into()),
            ..Session::default()
        };
        assert_eq!(s.framing_ix(&d).map(FramingIx::get), Some(1));
        assert_eq!(s.article_ix(&d).map(ArticleIx::get), Some(0));
        s.framing = Some("gone".into());
        assert_eq!(s.framing_ix(&d), None);
    }

    #[test]
    fn judgements_on_vanished_claims_are_kept_and_listed_as_orphans() {
        let d = debate();
        let mut s = Session::default();
        s.set_verdict("c1", Some(Verdict::Convinced));
        s.set_note("renamed-away", "Still mine.");
        s.bookmarks.insert('a', claim("c2"));
        s.bookmarks.insert('b', claim("deleted"));
        s.places.insert("gone-article".into(), ReadingAnchor::top());
        let orphans = s.orphans(&d);
        assert_eq!(orphans.judgements, ["renamed-away"]);
        assert_eq!(orphans.bookmarks, ['b']);
        assert_eq!(orphans.places, ["gone-article"]);
        assert_eq!(s.judgements.len(), 2, "nothing was dropped");
    }

    #[test]
    fn clearing_verdict_and_note_removes_the_entry_but_clearing_one_keeps_the_other() {
        let mut s = Session::default();
        s.set_verdict("c1", Some(Verdict::Unsure));
        s.set_note("c1", "why");
        s.set_verdict("c1", None);
        assert_eq!(s.judgements["c1"].note.as_deref(), Some("why"));
        s.set_note("c1", "  ");
        assert!(!s.judgements.contains_key("c1"));
    }

    #[test]
    fn recent_queries_are_unique_newest_first_and_capped() {
        let mut s = Session::default();
        for n in 0..30 {
            s.remember_query(&format!("q{n}"));
        }
        s.remember_query("q25");
        s.remember_query("   ");
        assert_eq!(s.queries.len(), MAX_QUERIES);
        assert_eq!(s.queries[..3], ["q25", "q29", "q28"]);
    }

    #[test]
    fn a_jump_after_going_back_drops_the_later_history() {
        let mut jumps = JumpList::default();
        jumps.push(claim("1"));
        jumps.push(claim("2"));
        jumps.push(claim("3"));
        jumps.cursor = 1;
        jumps.push(claim("4"));
        assert_eq!(jumps.places, [claim("1"), claim("4")]);
        assert_eq!(jumps.cursor, 2);
        for n in 0..(MAX_JUMPS + 5) {
            jumps.push(claim(&n.to_string()));
        }
        assert_eq!(jumps.places.len(), MAX_JUMPS);
        assert_eq!(
            jumps.places.last(),
            Some(&claim(&(MAX_JUMPS + 4).to_string()))
        );
    }

    #[test]
    fn the_scorecard_counts_convincing_claims_for_and_against_each_framing() {
        let d = debate();
        let mut s = Session::default();
        s.set_verdict("c1", Some(Verdict::Convinced));
        s.set_verdict("c2", Some(Verdict::Convinced));
        s.set_verdict("orphan", Some(Verdict::Convinced));
        let card = s.scorecard(&d);
        assert_eq!(
            card[0],
            Score {
                judged: 2,
                supporting: 1,
                challenging: 1
            }
        );
        assert_eq!(
            card[1],
            Score {
                judged: 1,
                supporting: 0,
                challenging: 1
            }
        );
        s.set_verdict("c2", Some(Verdict::NotConvinced));
        assert_eq!(s.scorecard(&d)[0].challenging, 0);
    }
}
