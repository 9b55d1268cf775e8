//! The claim form (a new claim or an edit of one) and the other authoring state of the reader:
//! the caret, a question waiting for y/n, the "save a copy as" prompt, a link being made.
//!
//! Plain data built on `field::TextField`; `update::form` changes it, `ui::form` draws it, and
//! the draft it makes goes to the save engine (`edit`) through an effect.

mod error;
pub mod keys;

pub use error::FieldError;
pub use keys::to_action;

use crate::caret::Caret;
use crate::edit::{ClaimDraft, Edit, StanceDraft};
use crate::field::TextField;
use crate::model::{ClaimIx, Debate, StanceKind};

/// Everything the reader holds while authoring; empty when the user only reads.
#[derive(Debug, Clone, Default)]
pub struct Authoring {
    pub caret: Option<Caret>,
    pub form: Option<Box<Form>>,
    pub confirm: Option<Confirm>,
    pub prompt: Option<PathPrompt>,
    /// A link being made: the finder is open to pick the claim it goes to.
    pub linking: Option<LinkPick>,
    /// Where the left mouse button was last pressed (column, row): a drag selects from there.
    pub pressed: Option<(u16, u16)>,
}

impl Authoring {
    /// Whether something of authoring has the keyboard before the keymap.
    pub fn takes_keys(&self) -> bool {
        self.form.is_some() || self.confirm.is_some() || self.prompt.is_some()
    }
}

/// A key of the claim form or the path prompt, as an intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormInput {
    /// An edit of the focused text field (typing, deleting, moving its cursor).
    Field(crate::field::Edit),
    /// Tab and Shift-Tab.
    Next,
    Prev,
    /// Left and Right: on a stance, the previous or next stance; in a field, the cursor.
    Left,
    Right,
    /// Enter or Ctrl-s.
    Submit,
    /// Esc.
    Cancel,
}

/// "Link this claim to…": the claim the link leaves (by id), while the finder picks its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPick {
    pub from: String,
    /// The detail was open on the claim: it opens again once the target is picked, or not.
    pub from_detail: bool,
}

/// A question the next key answers: `y` goes ahead, any other key does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Discard what the open form holds.
    Discard,
    /// Save this edit (a delete, say).
    Save { question: String, edit: Edit },
    /// Which kind of link: `s` supports, `a` attacks.
    LinkKind { from: String, to: String },
}

impl Confirm {
    pub fn question(&self) -> String {
        match self {
            Self::Discard => "Discard the changes to this claim? (y/n)".into(),
            Self::Save { question, .. } => question.clone(),
            Self::LinkKind { from, to } => {
                format!("s supports, a attacks, Esc cancels: link '{from}' to '{to}'")
            }
        }
    }
}

/// "Save a copy as": the file to write the edit to, when the debate on screen cannot be written
/// (the embedded one) or has no file yet (an annotated Markdown article).
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub path: TextField,
    /// The edit to make in the copy once it is written.
    pub edit: Edit,
    pub error: Option<String>,
}

/// What the form makes when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Add,
    /// An edit of the claim with this id (as it was when the form opened).
    Edit(String),
}

/// One framing's reading in the form.
#[derive(Debug, Clone)]
pub struct StanceRow {
    pub framing: String,
    pub name: String,
    pub kind: Option<StanceKind>,
    pub note: TextField,
}

/// Which field has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Summary,
    Id,
    Quote,
    Tags,
    Stance(usize),
    Note(usize),
}

/// The claim form.
#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: Purpose,
    /// The article's id.
    pub article: String,
    pub summary: TextField,
    pub id: TextField,
    /// Whether the user typed in the id: until then it follows the summary.
    pub id_edited: bool,
    pub quote: TextField,
    pub tags: TextField,
    pub stances: Vec<StanceRow>,
    pub focus: Focus,
    /// Why the last save failed (validation, a conflict): each reason shown beside the field
    /// it concerns, or under the form.
    pub errors: Vec<FieldError>,
    /// The draft as the form opened, to tell whether Esc discards anything.
    pub opened_with: ClaimDraft,
    /// The debate's tags, sorted, for completing the tags field.
    pub known_tags: Vec<String>,
}

/// The cycle of stances the stance field steps through.
const STANCES: [Option<StanceKind>; 4] = [
    None,
    Some(StanceKind::Supports),
    Some(StanceKind::Challenges),
    Some(StanceKind::Neutral),
];

fn field(text: &str) -> TextField {
    let mut f = TextField::default();
    f.set_text(text);
    f
}

impl Form {
    /// A form for a new claim quoting `quote` in the article with id `article`.
    pub fn add(debate: &Debate, article: &str, quote: &str) -> Self {
        let draft = ClaimDraft {
            id: String::new(),
            article: article.to_owned(),
            quote: quote.to_owned(),
            summary: String::new(),
            tags: Vec::new(),
            stances: Vec::new(),
        };
        Self::from_draft(debate, Purpose::Add, draft)
    }

    /// A form showing an existing claim.
    pub fn for_claim(debate: &Debate, claim: ClaimIx) -> Self {
        let c = debate.claim(claim);
        let draft = ClaimDraft {
            id: c.id.clone(),
            article: debate.article(c.article).id.clone(),
            quote: c.quote.clone(),
            summary: c.summary.clone(),
            tags: c
                .tags
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            stances: debate
                .framing_ixs()
                .filter_map(|f| {
                    c.stance(f).map(|s| StanceDraft {
                        framing: debate.framing(f).id.clone(),
                        kind: s.kind,
                        note: s.note.as_deref().map(str::to_owned),
                    })
                })
                .collect(),
        };
        let mut form = Self::from_draft(debate, Purpose::Edit(c.id.clone()), draft);
        form.id_edited = true;
        form
    }

    fn from_draft(debate: &Debate, purpose: Purpose, draft: ClaimDraft) -> Self {
        let stances = debate
            .framings
            .iter()
            .map(|f| {
                let given = draft.stances.iter().find(|s| s.framing == f.id);
                StanceRow {
                    framing: f.id.clone(),
                    name: f.name.clone(),
                    kind: given.map(|s| s.kind),
                    note: field(given.and_then(|s| s.note.as_deref()).unwrap_or("")),
                }
            })
            .collect();
        let mut form = Self {
            purpose,
            article: draft.article.clone(),
            summary: field(&draft.summary),
            id: field(&draft.id),
            id_edited: false,
            quote: field(&draft.quote),
            tags: field(&draft.tags.join(", ")),
            stances,
            focus: Focus::Summary,
            errors: Vec::new(),
            opened_with: draft,
            known_tags: known_tags(debate),
        };
        // What the form would save untouched: Esc leaves it without asking.
        form.opened_with = form.draft();
        form
    }

    /// The fields in Tab order.
    pub fn order(&self) -> Vec<Focus> {
        let mut order = vec![Focus::Summary, Focus::Id, Focus::Quote, Focus::Tags];
        for i in 0..self.stances.len() {
            order.push(Focus::Stance(i));
            order.push(Focus::Note(i));
        }
        order
    }

    /// Tab (`forward`) or Shift-Tab.
    pub fn step_focus(&mut self, forward: bool) {
        let order = self.order();
        let at = order.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// The text field that has the keyboard; `None` on a stance choice.
    pub fn focused_field(&mut self) -> Option<&mut TextField> {
        match self.focus {
            Focus::Summary => Some(&mut self.summary),
            Focus::Id => Some(&mut self.id),
            Focus::Quote => Some(&mut self.quote),
            Focus::Tags => Some(&mut self.tags),
            Focus::Note(i) => self.stances.get_mut(i).map(|s| &mut s.note),
            Focus::Stance(_) => None,
        }
    }

    /// The focused stance, one step along supports, challenges, neutral, none.
    pub fn cycle_stance(&mut self, forward: bool) {
        let Focus::Stance(i) = self.focus else {
            return;
        };
        let Some(row) = self.stances.get_mut(i) else {
            return;
        };
        let at = STANCES.iter().position(|&k| k == row.kind).unwrap_or(0);
        let n = STANCES.len();
        row.kind = STANCES[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// The claim as the form now describes it. A note without a stance is dropped: a framing
    /// the claim does not bear on has nothing to note.
    pub fn draft(&self) -> ClaimDraft {
        ClaimDraft {
            id: self.id.text().trim().to_owned(),
            article: self.article.clone(),
            quote: self.quote.text().trim().to_owned(),
            summary: self.summary.text().trim().to_owned(),
            tags: self
                .tags
                .text()
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect(),
            stances: self
                .stances
                .iter()
                .filter_map(|row| {
                    let note = row.note.text().trim();
                    row.kind.map(|kind| StanceDraft {
                        framing: row.framing.clone(),
                        kind,
                        note: (!note.is_empty()).then(|| note.to_owned()),
                    })
                })
                .collect(),
        }
    }

    /// The tags in use that the tag being typed (after the last comma) begins, other than
    /// itself.
    pub fn tag_completions(&self) -> Vec<&str> {
        let text = self.tags.text();
        let partial = text.rsplit(',').next().unwrap_or("").trim_start();
        if partial.is_empty() {
            return Vec::new();
        }
        self.known_tags
            .iter()
            .map(String::as_str)
            .filter(|t| t.starts_with(partial) && *t != partial)
            .collect()
    }

    /// Completes the tag being typed to the first tag in use it begins.
    pub fn complete_tag(&mut self) -> bool {
        let Some(full) = self.tag_completions().first().map(|t| (*t).to_owned()) else {
            return false;
        };
        let text = self.tags.text();
        let keep = text.rfind(',').map_or(0, |i| i + 1);
        let lead = if keep > 0 { " " } else { "" };
        let done = format!("{}{lead}{full}", &text[..keep]);
        self.tags.set_text(&done);
        true
    }

    pub fn is_changed(&self) -> bool {
        self.draft() != self.opened_with
    }

    /// What saving the form asks the engine to do, or why it cannot yet (and where).
    pub fn edit(&self, debate: &Debate) -> Result<Edit, FieldError> {
        let draft = self.draft();
        if draft.summary.is_empty() {
            return Err(FieldError::at(Focus::Summary, "A claim needs a summary."));
        }
        if draft.id.is_empty() {
            return Err(FieldError::at(Focus::Id, "A claim needs an id."));
        }
        let renamed = match &self.purpose {
            Purpose::Add => true,
            Purpose::Edit(id) => *id != draft.id,
        };
        if renamed && debate.claim_by_id(&draft.id).is_some() {
            return Err(FieldError::at(
                Focus::Id,
                format!("'{}' is already the id of another claim.", draft.id),
            ));
        }
        if draft.quote.is_empty() {
            return Err(FieldError::at(
                Focus::Quote,
                "A claim needs a quote from the article.",
            ));
        }
        Ok(match &self.purpose {
            Purpose::Add => Edit::AddClaim(draft),
            Purpose::Edit(id) => Edit::UpdateClaim {
                id: id.clone(),
                draft,
            },
        })
    }
}

fn known_tags(debate: &Debate) -> Vec<String> {
    let tags: std::collections::BTreeSet<&str> = debate
        .claims
        .iter()
        .flat_map(|c| c.tags.iter().map(AsRef::as_ref))
        .collect();
    tags.into_iter().map(str::to_owned).collect()
}

/// A unique id for a claim with this summary in `debate` (the engine's own rule).
pub fn suggest_id(debate: &Debate, summary: &str) -> String {
    crate::edit::suggest_id(summary, |id| debate.claim_by_id(id).is_some())
}
