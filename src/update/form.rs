//! Authoring in the reader: the caret and its selection, the claim form, deleting and linking
//! claims, undo and redo, `$EDITOR`. Saves are asked for as effects; their outcome comes back
//! as [`Action::SaveDone`].

use super::{reload::reload, selected_claim, show_detail};
use crate::action::Action;
use crate::annotate::SaveReport;
use crate::caret::{self, Caret, Motion};
use crate::edit::{Edit, IncomingLinks};
use crate::effect::{Effect, Effects};
use crate::field::{self, TextField};
use crate::form::{Confirm, Focus, Form, FormInput, PathPrompt, Purpose, keys::ESC, suggest_id};
use crate::geometry;
use crate::keymap::Context;
use crate::model::{ClaimIx, LinkKind};
use crate::state::{Overlay, State, View};

/// Whether an action is authoring's to handle, before overlays and views.
pub(super) fn handles(action: &Action) -> bool {
    matches!(
        action,
        Action::Annotate
            | Action::EditClaim
            | Action::DeleteClaim
            | Action::LinkClaim
            | Action::Undo
            | Action::Redo
            | Action::OpenInEditor
            | Action::CaretKey(_)
            | Action::Form(_)
            | Action::Answer(_)
            | Action::SaveDone(_)
    )
}

pub(super) fn apply(state: &mut State, action: Action, fx: &mut Effects) {
    match action {
        Action::Annotate => annotate(state),
        Action::CaretKey(c) => caret_key(state, c),
        Action::Form(input) => {
            if state.authoring.prompt.is_some() {
                prompt_input(state, input, fx);
            } else {
                form_input(state, input, fx);
            }
        }
        Action::Answer(c) => answer(state, c, fx),
        Action::EditClaim => match target_claim(state) {
            Some(claim) => {
                state.authoring.form = Some(Box::new(Form::for_claim(&state.debate, claim)));
            }
            None => state.message = Some("Select a claim to edit first.".into()),
        },
        Action::DeleteClaim => delete(state),
        Action::LinkClaim => link(state),
        Action::Undo => fx.push(Effect::Undo),
        Action::Redo => fx.push(Effect::Redo),
        Action::OpenInEditor => fx.push(Effect::OpenEditor {
            claim: target_claim(state).map(|c| state.debate.claim(c).id.clone()),
        }),
        Action::SaveDone(report) => save_done(state, report, fx),
        _ => {}
    }
}

/// The claim an edit key acts on: the detail's, else the view's selection.
fn target_claim(state: &State) -> Option<ClaimIx> {
    match &state.overlay {
        Some(Overlay::Detail(d)) => Some(d.claim),
        Some(_) => None,
        None => selected_claim(state),
    }
}

/// `a` in the reader: a caret at the top of the screen; on a selection, the claim form.
fn annotate(state: &mut State) {
    if state.view != View::Reader {
        return;
    }
    if state
        .authoring
        .caret
        .as_ref()
        .is_some_and(|c| c.anchor.is_some() && c.article == state.article)
    {
        open_add_form(state);
        return;
    }
    let article = state.debate.article(state.article);
    let reader = state.reader();
    let at = caret::start(article, &reader.flow, reader.top);
    state.authoring.caret = Some(Caret {
        article: state.article,
        at,
        anchor: None,
        pending_g: false,
    });
    state.message = Some(
        "Caret: h j k l w b e 0 $ gg G move it, v selects, a makes a claim of the selection, Esc leaves."
            .into(),
    );
}

fn caret_key(state: &mut State, key: char) {
    let article = state.debate.article(state.article);
    let Some(mut caret) = state.authoring.caret.take() else {
        return;
    };
    if caret.article != state.article {
        let reader = state.reader();
        caret.at = caret::start(article, &reader.flow, reader.top);
        caret.anchor = None;
        caret.article = state.article;
    }
    caret.at = caret::clamp(article, caret.at);
    let pending_g = std::mem::take(&mut caret.pending_g);
    let motion = match key {
        ESC if caret.anchor.is_some() => {
            caret.anchor = None;
            None
        }
        // Esc with nothing selected leaves caret mode.
        ESC => return,
        'v' => {
            caret.anchor = match caret.anchor {
                Some(_) => None,
                None => Some(caret.at),
            };
            None
        }
        'a' => {
            state.authoring.caret = Some(caret);
            open_add_form(state);
            return;
        }
        'g' if pending_g => Some(Motion::First),
        'g' => {
            caret.pending_g = true;
            None
        }
        other => Motion::of_key(other),
    };
    if let Some(motion) = motion {
        caret.at = caret::moved(article, &state.reader().flow, caret.at, motion);
    }
    let at = caret.at;
    state.authoring.caret = Some(caret);
    follow_caret(state, at);
}

/// Scrolls so that the caret's line is on screen.
fn follow_caret(state: &mut State, at: caret::Point) {
    let height = usize::from(geometry::reader(state).column.height).max(1);
    let reader = &mut state.readers[state.article.get()];
    let line = reader.flow.line_of_block_byte(at.block, at.byte);
    if line < reader.top {
        reader.set_top(line);
    } else if line >= reader.top + height {
        reader.set_top(line + 1 - height);
    }
}

fn open_add_form(state: &mut State) {
    let Some(caret) = &state.authoring.caret else {
        return;
    };
    let article = state.debate.article(state.article);
    match caret::quote(article, caret) {
        Ok(quote) => {
            let form = Form::add(&state.debate, &article.id, &quote);
            state.authoring.form = Some(Box::new(form));
        }
        Err(e) => state.message = Some(e.to_string()),
    }
}

fn form_input(state: &mut State, input: FormInput, fx: &mut Effects) {
    let Some(form) = state.authoring.form.as_mut() else {
        return;
    };
    match input {
        FormInput::Next => form.step_focus(true),
        FormInput::Prev => form.step_focus(false),
        FormInput::Left | FormInput::Right if matches!(form.focus, Focus::Stance(_)) => {
            form.cycle_stance(input == FormInput::Right);
        }
        FormInput::Left => edit_field(state, field::Edit::Left),
        FormInput::Right => edit_field(state, field::Edit::Right),
        FormInput::Field(edit) => edit_field(state, edit),
        FormInput::Submit => match form.edit() {
            Ok(edit) => {
                form.error = None;
                fx.push(Effect::Save(edit));
            }
            Err(why) => form.error = Some(why),
        },
        FormInput::Cancel => {
            if form.is_changed() {
                state.authoring.confirm = Some(Confirm::Discard);
            } else {
                close_form(state);
            }
        }
    }
}

/// Typing in the focused field; the id follows a new claim's summary until it is typed in.
fn edit_field(state: &mut State, edit: field::Edit) {
    let Some(form) = state.authoring.form.as_mut() else {
        return;
    };
    if let Focus::Stance(_) = form.focus {
        if edit == field::Edit::Insert(' ') {
            form.cycle_stance(true);
        }
        return;
    }
    let focus = form.focus;
    let Some(f) = form.focused_field() else {
        return;
    };
    if f.apply(edit) != field::Outcome::Changed {
        return;
    }
    form.error = None;
    match focus {
        Focus::Id => form.id_edited = true,
        Focus::Summary if !form.id_edited && form.purpose == Purpose::Add => {
            let id = suggest_id(&state.debate, form.summary.text());
            form.id.set_text(&id);
        }
        _ => {}
    }
}

fn close_form(state: &mut State) {
    state.authoring.form = None;
    state.authoring.confirm = None;
}

fn prompt_input(state: &mut State, input: FormInput, fx: &mut Effects) {
    let Some(prompt) = state.authoring.prompt.as_mut() else {
        return;
    };
    match input {
        FormInput::Field(edit) => {
            prompt.path.apply(edit);
            prompt.error = None;
        }
        FormInput::Left => {
            prompt.path.apply(field::Edit::Left);
        }
        FormInput::Right => {
            prompt.path.apply(field::Edit::Right);
        }
        FormInput::Submit => {
            let path = prompt.path.text().trim();
            if path.is_empty() {
                prompt.error = Some("Name the file to save the copy as.".into());
            } else {
                fx.push(Effect::SaveCopy {
                    path: path.into(),
                    edit: prompt.edit.clone(),
                });
            }
        }
        FormInput::Cancel => {
            state.authoring.prompt = None;
            state.message = Some("Not saved: the debate has no file to save to.".into());
        }
        FormInput::Next | FormInput::Prev => {}
    }
}

fn answer(state: &mut State, key: char, fx: &mut Effects) {
    let Some(confirm) = state.authoring.confirm.take() else {
        return;
    };
    match (confirm, key) {
        (Confirm::Discard, 'y') => {
            close_form(state);
            state.message = Some("Discarded.".into());
        }
        (Confirm::Discard, _) => {}
        (Confirm::Save { edit, .. }, 'y') => fx.push(Effect::Save(edit)),
        (Confirm::LinkKind { from, to }, c @ ('s' | 'a')) => {
            let kind = if c == 's' {
                LinkKind::Supports
            } else {
                LinkKind::Attacks
            };
            fx.push(Effect::Save(Edit::AddLink { from, to, kind }));
        }
        _ => state.message = Some("Nothing changed.".into()),
    }
}

/// `D`: the selected link of the detail, else the selected claim, after a question.
fn delete(state: &mut State) {
    if let Some(Overlay::Detail(d)) = &state.overlay
        && let Some(l) = d.link
        && let Some(&(out, link)) = state.detail_links(d.claim).get(l)
    {
        let (from, to) = (
            state.debate.claim(link.from).id.clone(),
            state.debate.claim(link.to).id.clone(),
        );
        let question = format!(
            "Remove the link from '{from}' to '{to}'{}? (y/n)",
            if out { "" } else { " (it arrives here)" }
        );
        state.authoring.confirm = Some(Confirm::Save {
            question,
            edit: Edit::RemoveLink { from, to },
        });
        return;
    }
    let Some(claim) = target_claim(state) else {
        state.message = Some("Select a claim to delete first.".into());
        return;
    };
    let id = state.debate.claim(claim).id.clone();
    let incoming = state.debate.links_to(claim).count();
    let question = match incoming {
        0 => format!("Delete claim '{id}'? (y/n)"),
        1 => format!("Delete claim '{id}' and the link to it? (y/n)"),
        n => format!("Delete claim '{id}' and the {n} links to it? (y/n)"),
    };
    state.authoring.confirm = Some(Confirm::Save {
        question,
        edit: Edit::DeleteClaim {
            id,
            incoming: if incoming == 0 {
                IncomingLinks::Refuse
            } else {
                IncomingLinks::Remove
            },
        },
    });
}

/// `L` on the claim a link leaves, then on the claim it goes to.
fn link(state: &mut State) {
    let Some(claim) = target_claim(state) else {
        state.message = Some("Select the claim the link leaves first.".into());
        return;
    };
    let id = state.debate.claim(claim).id.clone();
    let key = state.keymap.key_for(Context::of(state), &Action::LinkClaim);
    match state.authoring.link_from.take() {
        Some(from) if from == id => state.message = Some("No link made.".into()),
        Some(from) => state.authoring.confirm = Some(Confirm::LinkKind { from, to: id }),
        None => {
            state.message = Some(format!(
                "Linking from '{id}': select the claim it bears on and press {key} (again here to cancel)."
            ));
            state.authoring.link_from = Some(id);
        }
    }
}

fn save_done(state: &mut State, report: SaveReport, fx: &mut Effects) {
    match report {
        SaveReport::Saved {
            debate,
            message,
            select,
            file,
        } => {
            reload(state, *debate.0, fx);
            state.banner = None;
            if let Some(file) = file {
                state.name = file;
            }
            close_form(state);
            state.authoring.prompt = None;
            if let Some(caret) = state.authoring.caret.as_mut() {
                caret.anchor = None;
            }
            if let Some(claim) = select.and_then(|id| state.debate.claim_by_id(&id)) {
                show_saved(state, claim);
            }
            state.message = Some(message);
        }
        SaveReport::Failed(why) => {
            if let Some(prompt) = state.authoring.prompt.as_mut() {
                prompt.error = Some(why);
            } else if let Some(form) = state.authoring.form.as_mut() {
                form.error = Some(why);
            } else {
                state.message = Some(why);
            }
        }
        SaveReport::NeedsPath { edit, suggested } => {
            let mut path = TextField::default();
            path.set_text(&suggested);
            state.authoring.prompt = Some(PathPrompt {
                path,
                edit,
                error: None,
            });
        }
    }
}

/// The claim just saved, selected where the user is: highlighted in the reader, open in the
/// detail if the detail was open.
fn show_saved(state: &mut State, claim: ClaimIx) {
    if let Some(Overlay::Detail(_)) = state.overlay {
        show_detail(state, claim);
    }
    let article = state.debate.claim(claim).article;
    state.readers[article.get()].selected = Some(claim);
}
