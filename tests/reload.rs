//! Live reload through `Action::Reloaded`: a good version replaces the debate and keeps the
//! reading position and framing; a version with errors keeps the last good one and raises a
//! banner whose errors `e` lists; `y` puts the claim on the clipboard.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::action::{Action, Reload};
use debate::effect::Effect;
use debate::model::{Debate, load_bytes};
use debate::state::{Overlay, State, View};
use debate::update::update;

/// Hands a new version of the file to the reader, as the event loop does after a save.
fn reload(state: &mut State, result: Result<Debate, debate::model::LoadFailure>) {
    let effects = update(state, Action::Reloaded(Reload::new(result)));
    assert_eq!(effects, Vec::new(), "no search was on screen to run again");
}

fn embedded_source() -> String {
    debate::model::EMBEDDED.to_owned()
}

fn load(source: &str) -> Result<Debate, debate::model::LoadFailure> {
    load_bytes("deepseek.toml", source.as_bytes())
}

#[test]
fn a_good_version_keeps_position_framing_and_selection() {
    let source = embedded_source();
    let mut s = State::new(load(&source).unwrap(), "deepseek.toml", 100, 30);
    for a in [
        Action::ShowArticle(1),
        Action::PageDown,
        Action::NextClaim,
        Action::NextFraming,
    ] {
        update(&mut s, a);
    }
    let top_text = {
        let r = s.reader();
        let line = &r.flow.lines[r.top];
        (line.source, line.range.start)
    };
    let selected = s.debate.claim(s.reader().selected.unwrap()).id.clone();
    // The author rewrites a summary and saves.
    let edited = source.replace(
        "summary = \"DeepSeek is an outlier, not a representative case, within China's innovation ecosystem.\"",
        "summary = \"DeepSeek is the exception, not the rule.\"",
    );
    assert_ne!(edited, source);
    reload(&mut s, load(&edited));
    assert_eq!(s.banner, None);
    assert_eq!(s.article.get(), 1);
    assert_eq!(s.debate.framing(s.framing).id, "indigenous-innovation");
    let r = s.reader();
    let line = &r.flow.lines[r.top];
    assert_eq!(
        (line.source, line.range.start),
        top_text,
        "same text at the top"
    );
    assert_eq!(s.debate.claim(r.selected.unwrap()).id, selected);
    assert!(
        s.debate
            .claims
            .iter()
            .any(|c| c.summary == "DeepSeek is the exception, not the rule.")
    );
    assert!(s.message.as_deref().unwrap().starts_with("Reloaded"));
}

#[test]
fn a_version_with_errors_keeps_the_last_good_one_and_shows_a_banner() {
    let source = embedded_source();
    let mut s = State::new(load(&source).unwrap(), "deepseek.toml", 100, 30);
    update(&mut s, Action::ShowClaims);
    let before = s.debate.claims.len();
    let broken = source.replacen("article = \"outlier\"", "article = \"outlyer\"", 1);
    reload(&mut s, load(&broken));
    let banner = s.banner.clone().unwrap();
    assert_eq!(banner.count, 1);
    assert!(
        banner.report.contains("did you mean 'outlier'?"),
        "{}",
        banner.report
    );
    assert_eq!(s.debate.claims.len(), before, "the last good version stays");
    assert_eq!(s.view, View::Claims);
    // The banner takes a row and says how to see the errors.
    let text = debate::screen::to_text(&debate::screen::draw(&s, 100, 30));
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains("has 1 error; showing the last good version"),
        "{text}"
    );
    update(&mut s, Action::ShowErrors);
    assert_eq!(s.overlay, Some(Overlay::Errors(0)));
    let text = debate::screen::to_text(&debate::screen::draw(&s, 100, 30));
    assert!(text.contains("cites article 'outlyer'"), "{text}");
    update(&mut s, Action::Back);
    reload(&mut s, load(&source));
    assert_eq!(s.banner, None);
    update(&mut s, Action::ShowErrors);
    assert_eq!(s.overlay, None);
    assert!(s.message.as_deref().unwrap().contains("No errors"));
}

#[test]
fn copy_puts_the_claim_with_its_readings_on_the_clipboard() {
    let mut s = State::new(Debate::embedded().unwrap(), "deepseek.toml", 100, 30);
    assert_eq!(
        update(&mut s, Action::CopyClaim),
        Vec::new(),
        "nothing selected yet"
    );
    update(&mut s, Action::NextClaim);
    let mut effects = update(&mut s, Action::CopyClaim);
    let Some(Effect::Copy(text)) = effects.pop() else {
        panic!("a copy, not {effects:?}")
    };
    assert!(effects.is_empty());
    let claim = s.debate.claim(s.reader().selected.unwrap());
    assert!(text.starts_with(&claim.summary));
    assert!(text.contains(&claim.quote));
    assert!(text.contains("Technology transfer: supports."));
    assert!(text.contains("DeepSeek could signal a shift in China’s approach to tech education"));
    assert!(s.message.as_deref().unwrap().contains("Sent claim"));
}
