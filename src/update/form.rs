//! Authoring in the reader: the claim form, deleting and linking
//! claims, undo and redo, `$EDITOR`. Saves are asked for as effects; their outcome comes back
//! as [`Action::SaveDone`].

mod link;

pub(in crate::update) use link::{end_abandoned_link, link_picked};

use super::{reload::reload, selected_claim, show_detail};
use crate::action::Action;
use crate::annotate::SaveReport;
use crate::edit::{Edit, IncomingLinks};
use crate::effect::{Effect, Effects};
use crate::field::{self, TextField};
use crate::form::{Confirm, FieldError, Focus, Form, FormInput, PathPrompt, Purpose, suggest_id};
use crate::model::{ClaimIx, LinkKind};
use crate::state::{Overlay, State};

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
            | Action::Caret(_)
            | Action::DragAt { .. }
            | Action::Form(_)
            | Action::Answer(_)
            | Action::SaveDone(_)
    )
}

pub(super) fn apply(state: &mut State, action: Action, fx: &mut Effects) {
    match action {
        Action::Annotate => super::caret::annotate(state),
        Action::Caret(command) => super::caret::caret_command(state, command),
        Action::DragAt { x, y } => super::caret::drag_to(state, x, y),
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
        Action::LinkClaim => link::start(state, fx),
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
        // At the end of the tags, Right completes the tag being typed (as a shell's does).
        FormInput::Right
            if form.focus == Focus::Tags
                && form.tags.cursor_chars() == form.tags.text().chars().count()
                && form.complete_tag() => {}
        FormInput::Right => edit_field(state, field::Edit::Right),
        FormInput::Field(edit) => edit_field(state, edit),
        FormInput::Submit => {
            let checked = changed_outside(&state.debate, form)
                .map(FieldError::form)
                .map_or_else(|| form.edit(&state.debate), Err);
            match checked {
                Ok(edit) => {
                    form.errors.clear();
                    fx.push(Effect::Save(edit));
                }
                Err(why) => form.refuse(vec![why]),
            }
        }
        FormInput::Cancel => {
            if form.is_changed() {
                state.authoring.confirm = Some(Confirm::Discard);
            } else {
                close_form(state);
            }
        }
    }
}

/// Why an edit form must not be saved: its claim changed in the file (someone else's edit,
/// now on screen) since the form opened. Saving would overwrite an edit the user never saw.
fn changed_outside(debate: &crate::model::Debate, form: &Form) -> Option<String> {
    let Purpose::Edit(id) = &form.purpose else {
        return None;
    };
    let Some(claim) = debate.claim_by_id(id) else {
        return Some(format!(
            "'{id}' was deleted outside since this form opened."
        ));
    };
    (Form::for_claim(debate, claim).opened_with != form.opened_with).then(|| {
        format!(
            "'{id}' was changed outside since this form opened; the reader now shows that version. Esc, then edit it again."
        )
    })
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
    // What was said of this field, or of the whole form, no longer holds once it changes.
    form.errors
        .retain(|e| e.field.is_some() && e.field != Some(focus));
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
            state.message = Some("Not saved: no file chosen; Enter in the form asks again.".into());
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
        SaveReport::Loaded { debate, select } => {
            reload(state, *debate.0, fx);
            state.banner = None;
            if let Some(claim) = select.and_then(|id| state.debate.claim_by_id(&id)) {
                show_saved(state, claim);
            }
            state.message = Some("The saved version is on screen.".into());
        }
        SaveReport::Written { message, file } => {
            if let Some(file) = file {
                state.name = file;
            }
            close_form(state);
            state.authoring.prompt = None;
            if let Some(caret) = state.authoring.caret.as_mut() {
                caret.anchor = None;
            }
            state.message = Some(message);
        }
        SaveReport::Conflict { message, debate } => {
            reload(state, *debate.0, fx);
            match state.authoring.form.as_mut() {
                Some(form) => form.refuse(vec![FieldError::form(message)]),
                None => state.message = Some(message),
            }
        }
        SaveReport::Failed(why) => {
            if let Some(prompt) = state.authoring.prompt.as_mut() {
                prompt.error = Some(why);
            } else if let Some(form) = state.authoring.form.as_mut() {
                form.refuse(vec![FieldError::form(why)]);
            } else {
                state.message = Some(why);
            }
        }
        SaveReport::Invalid(problems) => refused(state, problems),
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

/// An edit that would not load: the form shows each problem beside its field (the prompt for
/// a new file's name closes: the claim, not the name, must change); without a form, the first
/// problem is the message.
fn refused(state: &mut State, problems: Vec<crate::annotate::Problem>) {
    state.authoring.prompt = None;
    let Some(form) = state.authoring.form.as_mut() else {
        state.message = problems
            .into_iter()
            .next()
            .map(|p| format!("Not saved: {}", p.message));
        return;
    };
    let errors = problems
        .into_iter()
        .map(|p| FieldError {
            field: p.key.as_deref().and_then(|k| form.field_of_key(k)),
            message: p.message,
        })
        .collect();
    form.refuse(errors);
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
