//! Authoring in the reader through the same input mapping, update and save engine the binary
//! uses: a caret and a selection become a claim in the file, every other byte kept; edits,
//! deletes, undo, a conflict with an edit made outside, and the read-only embedded debate.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use debate::annotate::Saver;
use debate::effect::{Effect, apply};
use debate::input::to_action;
use debate::keymap::Key;
use debate::model::{Debate, load_path};
use debate::state::{State, View};

/// The reader on a debate file, and the saver the event loop would hold for it.
struct App {
    state: State,
    saver: Saver,
}

impl App {
    fn on_file(path: &Path) -> Self {
        let debate = load_path(path).unwrap();
        Self::new(debate, Saver::for_file(path.to_path_buf()))
    }

    fn new(debate: Debate, saver: Saver) -> Self {
        let mut state = State::new(debate, "test", 80, 24);
        apply(&mut state, debate::action::Action::Resize(80, 24));
        Self { state, saver }
    }

    /// One event, its effects performed as the event loop performs them.
    fn event(&mut self, event: &Event) {
        let Some(action) = to_action(&self.state, event) else {
            return;
        };
        let mut pending = apply(&mut self.state, action);
        while !pending.is_empty() {
            for effect in std::mem::take(&mut pending) {
                assert!(
                    !matches!(effect, Effect::OpenEditor { .. } | Effect::Quit),
                    "{effect:?}"
                );
                if let Some(done) = self.saver.perform(&effect) {
                    pending.extend(apply(&mut self.state, done));
                }
            }
        }
    }

    /// Keys written as the keymap writes them, separated by spaces ("a w v e a").
    fn keys(&mut self, keys: &str) {
        for token in keys.split_whitespace() {
            let key = token.parse::<Key>().unwrap_or_else(|e| panic!("{e}"));
            self.event(&Event::Key(key.event()));
        }
    }

    /// Typed text, one character at a time.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.event(&Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    /// Every reason the form gives for not saving, joined.
    fn form_error(&self) -> Option<String> {
        let form = self.state.authoring.form.as_ref()?;
        let all: Vec<&str> = form.errors.iter().map(|e| e.message.as_str()).collect();
        (!all.is_empty()).then(|| all.join("; "))
    }
}

/// A copy of the embedded debate in a fresh directory.
fn debate_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("debate.toml");
    std::fs::write(&path, debate::model::EMBEDDED).unwrap();
    (dir, path)
}

/// `new` is `old` with one run of bytes inserted: the inserted text.
fn inserted(old: &str, new: &str) -> String {
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old[prefix..]
        .bytes()
        .rev()
        .zip(new[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        old.len(),
        "bytes outside the insertion changed"
    );
    new[prefix..new.len() - suffix].to_owned()
}

#[test]
fn a_selection_becomes_a_claim_and_nothing_else_changes() {
    let (_dir, path) = debate_file();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = App::on_file(&path);
    // The first paragraph starts "China’s AI revolution is getting a plot twist."
    app.keys("a w w w v e e");
    let caret = app.state.authoring.caret.clone().unwrap();
    assert!(caret.anchor.is_some());
    app.keys("a");
    let form = app.state.authoring.form.as_ref().unwrap();
    assert_eq!(form.quote.text(), "AI revolution");
    app.type_text("The AI boom is a turning point");
    assert_eq!(
        app.state.authoring.form.as_ref().unwrap().id.text(),
        "the-ai-boom-is-a-turning-point"
    );
    // Tags, then the first framing's stance (→ supports) and its note.
    app.keys("tab tab tab");
    app.type_text("ai, educ");
    app.keys("right");
    app.keys("tab right tab");
    app.type_text("Foreign know-how");
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    let after = std::fs::read_to_string(&path).unwrap();
    let added = inserted(&before, &after);
    assert_eq!(
        added,
        "[[claims]]\nid = \"the-ai-boom-is-a-turning-point\"\narticle = \"plot-twist\"\n\
         quote = \"AI revolution\"\nsummary = \"The AI boom is a turning point\"\n\
         tags = [\"ai\", \"education\"]\n\
         stances.tech-transfer = { stance = \"supports\", note = \"Foreign know-how\" }\n\n"
    );
    // The claim is on screen, selected, in the debate the reader now shows.
    let claim = app
        .state
        .debate
        .claim_by_id("the-ai-boom-is-a-turning-point")
        .unwrap();
    assert_eq!(app.state.reader().selected, Some(claim));
    // And a restart loads it.
    let reloaded = load_path(&path).unwrap();
    assert!(
        reloaded
            .claim_by_id("the-ai-boom-is-a-turning-point")
            .is_some()
    );
    // Undo takes it out again, byte for byte; redo puts it back.
    app.keys("u");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    assert!(
        app.state
            .debate
            .claim_by_id("the-ai-boom-is-a-turning-point")
            .is_none()
    );
    app.keys("ctrl-r");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn a_quote_across_paragraphs_is_refused_with_a_reason() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("a v j j j j j j a");
    assert!(app.state.authoring.form.is_none());
    assert!(
        app.state
            .message
            .as_deref()
            .is_some_and(|m| m.contains("one paragraph")),
        "{:?}",
        app.state.message
    );
}

#[test]
fn esc_asks_before_discarding_typed_text() {
    let (_dir, path) = debate_file();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = App::on_file(&path);
    app.keys("a v e a");
    app.type_text("Something");
    app.keys("esc");
    assert!(app.state.authoring.confirm.is_some());
    app.keys("n");
    assert!(app.state.authoring.form.is_some(), "n keeps the form");
    app.keys("esc y");
    assert!(app.state.authoring.form.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // An untouched form closes without a question.
    app.keys("a");
    app.keys("esc");
    assert!(app.state.authoring.form.is_none());
    assert!(app.state.authoring.confirm.is_none());
}

#[test]
fn a_summary_is_required_and_the_form_stays_open() {
    let (_dir, path) = debate_file();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = App::on_file(&path);
    app.keys("a v e a enter");
    assert!(app.form_error().unwrap().contains("summary"));
    // An id taken by another claim is the engine's refusal, shown in the form.
    app.type_text("x");
    app.keys("tab ctrl-u");
    app.type_text("stem-factory-mixed-record");
    app.keys("enter");
    let error = app.form_error();
    assert!(
        error.as_deref().is_some_and(|e| e.contains("already")),
        "{error:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn edit_from_the_claim_list_and_delete_with_a_question() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("c");
    assert_eq!(app.state.view, View::Claims);
    let first = app.state.claims.visible[0];
    let id = app.state.debate.claim(first).id.clone();
    app.keys("e");
    let form = app.state.authoring.form.as_ref().unwrap();
    assert_eq!(form.id.text(), id);
    app.keys("ctrl-u");
    app.type_text("A new summary");
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    let c = app.state.debate.claim_by_id(&id).unwrap();
    assert_eq!(app.state.debate.claim(c).summary, "A new summary");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("summary = \"A new summary\""));
    // D asks; n keeps the claim, y deletes it.
    let count = app.state.debate.claims.len();
    app.keys("D n");
    assert_eq!(app.state.debate.claims.len(), count);
    app.keys("D y");
    assert_eq!(app.state.debate.claims.len(), count - 1);
    assert!(load_path(&path).unwrap().claim_by_id(&id).is_none());
}

#[test]
fn an_edit_made_outside_meanwhile_is_never_overwritten() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    // Make the engine read the file (a first save), so that it has a version to compare with.
    app.keys("c e ctrl-u");
    app.type_text("First summary");
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    // The form is open again on the same claim while someone else edits that claim.
    app.keys("e ctrl-u");
    app.type_text("Mine");
    let outside = std::fs::read_to_string(&path)
        .unwrap()
        .replace("summary = \"First summary\"", "summary = \"Theirs\"");
    std::fs::write(&path, &outside).unwrap();
    app.keys("enter");
    let error = app.form_error().expect("the save is refused");
    assert!(error.contains("changed by someone else"), "{error}");
    assert!(app.state.authoring.form.is_some(), "the form is kept");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), outside);
    // The reader shows their version at once, and a second Enter still refuses.
    let claim = app.state.claims.visible[0];
    assert_eq!(app.state.debate.claim(claim).summary, "Theirs");
    app.keys("enter");
    let error = app.form_error().expect("still refused");
    assert!(error.contains("changed outside"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), outside);
    // Edited again, the form starts from their version, and saves.
    app.keys("esc y e");
    assert_eq!(
        app.state.authoring.form.as_ref().unwrap().summary.text(),
        "Theirs"
    );
    app.type_text(" and mine");
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("summary = \"Theirs and mine\"")
    );
}

/// A copy whose first claim would not load is not left behind half-made: the new user's report
/// was "Not saved" while the file was written, and the next claim went to it without a word.
#[test]
fn a_refused_first_claim_leaves_no_copy_and_the_next_save_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mine.toml");
    let mut app = App::new(Debate::embedded().unwrap(), Saver::embedded());
    app.keys("a v e a");
    app.type_text("First claim here");
    // Summary, id, quote: the quote made into words the article does not have.
    app.keys("tab tab ctrl-u");
    app.type_text("words that no article holds");
    app.keys("enter ctrl-u");
    app.type_text(copy.to_str().unwrap());
    app.keys("enter");
    assert!(app.state.authoring.form.is_some(), "the form stays open");
    assert!(!copy.exists(), "no copy without the claim it was made for");
    app.keys("enter");
    assert!(
        app.state.authoring.prompt.is_some(),
        "the next save asks where again"
    );
}

/// Ctrl-c in the form cancels as Esc does, asking before typed text is dropped, instead of
/// quitting the reader with the draft.
#[test]
fn ctrl_c_in_the_form_asks_like_esc_instead_of_quitting() {
    let mut app = App::new(Debate::embedded().unwrap(), Saver::embedded());
    app.keys("a v e a");
    app.type_text("A draft");
    app.keys("ctrl-c");
    assert!(
        app.state.authoring.form.is_some(),
        "the draft is still there"
    );
    assert!(app.state.authoring.confirm.is_some(), "it asks first");
    app.keys("y");
    assert!(app.state.authoring.form.is_none());
}

#[test]
fn the_embedded_debate_saves_to_a_copy_and_goes_on_there() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mine.toml");
    let mut app = App::new(Debate::embedded().unwrap(), Saver::embedded());
    app.keys("a v e a");
    app.type_text("First claim here");
    app.keys("enter");
    let prompt = app
        .state
        .authoring
        .prompt
        .as_ref()
        .expect("asks for a path");
    // Where the copy goes, whatever the working directory: an absolute path.
    assert_eq!(
        prompt.path.text(),
        std::path::absolute("deepseek.toml")
            .unwrap()
            .display()
            .to_string()
    );
    app.keys("ctrl-u");
    app.type_text(copy.to_str().unwrap());
    app.keys("enter");
    assert!(app.state.authoring.prompt.is_none());
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    assert_eq!(app.state.name, copy.display().to_string());
    let saved = load_path(&copy).unwrap();
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "an ordinary file, not a private temporary one"
        );
    }
    assert!(saved.claim_by_id("first-claim-here").is_some());
    // The next edit goes to the copy without asking.
    app.keys("D y");
    assert!(app.state.authoring.prompt.is_none());
    assert!(
        load_path(&copy)
            .unwrap()
            .claim_by_id("first-claim-here")
            .is_none()
    );
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        debate::model::EMBEDDED
    );
}

/// L in the detail opens the finder on the other claims; Enter picks the target, s or a the
/// kind; the detail lists the link, D removes it after a question, u brings it back.
#[test]
fn a_link_is_made_by_picking_its_target_in_the_finder_and_removed_in_the_detail() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("c o");
    let from = match &app.state.overlay {
        Some(debate::state::Overlay::Detail(d)) => d.claim,
        other => panic!("the detail is open: {other:?}"),
    };
    let from_id = app.state.debate.claim(from).id.clone();
    let before = app.state.debate.links_from(from).count();
    app.keys("L");
    assert_eq!(app.state.view, View::Search);
    // Only claims, and not the one the link leaves.
    let hits = &app.state.search.results.hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| matches!(
        h.target,
        debate::search::Target::Claim { claim, .. } if claim != from
    )));
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    assert!(text.contains(&format!("Link '{from_id}' to:")), "{text}");
    // A claim found by words of its summary.
    let target = app.state.claims.visible[1];
    let to_id = app.state.debate.claim(target).id.clone();
    let words: Vec<&str> = app
        .state
        .debate
        .claim(target)
        .summary
        .split(' ')
        .take(4)
        .collect();
    let words = words.join(" ");
    app.type_text(&words);
    let first = app.state.search.results.hits[0].target.claim().unwrap();
    assert_eq!(app.state.debate.claim(first).id, to_id);
    app.keys("enter");
    assert!(
        matches!(&app.state.overlay, Some(debate::state::Overlay::Detail(d)) if d.claim == from),
        "back in the detail of the claim the link leaves"
    );
    assert!(app.state.authoring.confirm.is_some(), "asks the kind");
    app.keys("s");
    let from = app.state.debate.claim_by_id(&from_id).unwrap();
    let to = app.state.debate.claim_by_id(&to_id).unwrap();
    assert!(
        app.state
            .debate
            .links_from(from)
            .any(|l| l.to == to && l.kind == debate::model::LinkKind::Supports),
        "{:?}",
        app.state.message
    );
    let saved = load_path(&path).unwrap();
    let saved_from = saved.claim_by_id(&from_id).unwrap();
    assert_eq!(saved.links_from(saved_from).count(), before + 1);
    // The detail lists it: Tab selects the first link, D asks, y removes it; u undoes that.
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    assert!(text.contains(&to_id[..12]), "{text}");
    let at = app
        .state
        .detail_links(from)
        .iter()
        .position(|(out, l)| *out && l.to == to)
        .unwrap();
    app.keys("tab");
    for _ in 0..at {
        app.keys("tab");
    }
    app.keys("D");
    let question = app.state.authoring.confirm.as_ref().unwrap().question();
    assert!(question.contains(&to_id), "{question}");
    app.keys("y");
    let from = app.state.debate.claim_by_id(&from_id).unwrap();
    assert_eq!(app.state.debate.links_from(from).count(), before);
    app.keys("u");
    let from = app.state.debate.claim_by_id(&from_id).unwrap();
    assert_eq!(app.state.debate.links_from(from).count(), before + 1);
    // The same target again, of either kind: no second link, and the file is not written.
    let bytes = std::fs::read(&path).unwrap();
    for kind in ["s", "a"] {
        app.keys("L");
        app.type_text(&words);
        app.keys("enter");
        assert!(app.state.authoring.confirm.is_none(), "no question asked");
        let message = app.state.message.clone().unwrap_or_default();
        assert!(message.contains("already supports"), "{message}");
        app.keys(kind);
        let from = app.state.debate.claim_by_id(&from_id).unwrap();
        assert_eq!(app.state.debate.links_from(from).count(), before + 1);
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is unchanged"
    );
}

/// Esc in the finder makes no link and opens the detail it was started from again.
#[test]
fn esc_while_picking_a_link_target_makes_no_link() {
    let (_dir, path) = debate_file();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut app = App::on_file(&path);
    app.keys("c o L");
    assert_eq!(app.state.view, View::Search);
    app.keys("esc");
    assert_eq!(app.state.view, View::Claims);
    assert!(matches!(
        app.state.overlay,
        Some(debate::state::Overlay::Detail(_))
    ));
    assert!(app.state.authoring.linking.is_none());
    assert!(app.state.authoring.confirm.is_none());
    // From the claim list, the same; and back in the finder, every result is again there.
    app.keys("esc L esc F");
    assert!(
        app.state
            .search
            .results
            .hits
            .iter()
            .any(|h| !matches!(h.target, debate::search::Target::Claim { .. }))
            || app.state.search.results.hits.len() == app.state.debate.claims.len()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

/// The cells of the screen shown reversed (the caret and the selection), as text.
fn reversed_text(state: &State) -> String {
    use ratatui::style::Modifier;
    let buf = debate::screen::draw(state, 80, 24);
    let mut out = String::new();
    // The body only: the bars are reversed in the theme without colour.
    for y in 1..23 {
        for x in 0..80 {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::REVERSED) {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn the_caret_and_the_selection_are_shown_reversed() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("a");
    assert_eq!(reversed_text(&app.state), "C");
    // ): the next sentence; v ): to the start of the one after, inclusive.
    app.keys(") v e e");
    assert_eq!(reversed_text(&app.state), "The country");
    // Without colour too (NO_COLOR), on a quote already underlined.
    app.state.theme = std::sync::Arc::new(debate::ui::theme::Theme::mono());
    assert_eq!(reversed_text(&app.state), "The country");
    let status = |app: &App| {
        debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24))
            .lines()
            .last()
            .unwrap()
            .to_owned()
    };
    // The bar names the caret's own keys, not the reader's.
    let selecting = status(&app);
    assert!(selecting.starts_with(" VISUAL"), "{selecting}");
    assert!(selecting.contains("a claim"), "{selecting}");
    app.keys("esc )");
    assert_eq!(reversed_text(&app.state), "T");
    let caret = status(&app);
    assert!(caret.starts_with(" CARET"), "{caret}");
    assert!(
        caret.contains("v selection") && !caret.contains("n next"),
        "{caret}"
    );
}

#[test]
fn a_mouse_drag_selects_a_quote() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Where "AI revolution" stands on screen, in the first paragraph's first row (found on the
    // drawn screen, so a gutter or margin before the text moves it with the layout).
    let screen = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    let (row, column) = screen
        .lines()
        .enumerate()
        .find_map(|(row, line)| {
            let at = line.find("China’s AI revolution")? + "China’s ".len();
            Some((row, line[..at].chars().count()))
        })
        .unwrap();
    let (row, column) = (u16::try_from(row).unwrap(), u16::try_from(column).unwrap());
    app.event(&mouse(MouseEventKind::Down(MouseButton::Left), column, row));
    app.event(&mouse(
        MouseEventKind::Drag(MouseButton::Left),
        column + 6,
        row,
    ));
    app.event(&mouse(
        MouseEventKind::Drag(MouseButton::Left),
        column + 13,
        row,
    ));
    app.keys("a");
    let form = app.state.authoring.form.as_ref().expect("the form opens");
    assert_eq!(form.quote.text(), "AI revolution");
}

#[test]
fn a_markdown_article_is_annotated_into_a_new_debate_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    let article = "# Notes on chips\n\nExport controls slowed the labs down. Then they adapted.\n\nA second paragraph.\n";
    std::fs::write(&md, article).unwrap();
    let (debate, seed) = debate::annotate::markdown_debate(std::slice::from_ref(&md)).unwrap();
    assert_eq!(seed.suggested, dir.path().join("notes.toml"));
    let mut app = App::new(debate, Saver::read_only(seed));
    // The caret starts on the first paragraph: select its first sentence.
    app.keys("a v ) h h a");
    assert_eq!(
        app.state.authoring.form.as_ref().unwrap().quote.text(),
        "Export controls slowed the labs down."
    );
    app.type_text("Controls slowed the labs");
    app.keys("enter");
    let prompt = app.state.authoring.prompt.as_ref().expect("asks where");
    assert_eq!(
        prompt.path.text(),
        dir.path().join("notes.toml").display().to_string()
    );
    app.keys("enter");
    assert!(app.state.authoring.prompt.is_none());
    let saved = load_path(&dir.path().join("notes.toml")).unwrap();
    assert!(saved.claim_by_id("controls-slowed-the-labs").is_some());
    assert_eq!(std::fs::read_to_string(&md).unwrap(), article);
    assert!(
        app.state
            .message
            .as_deref()
            .is_some_and(|m| m.contains("notes.toml")),
        "{:?}",
        app.state.message
    );
}

#[test]
fn the_form_and_its_questions_draw_at_every_size() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("a v e e a");
    app.type_text(
        "漢字 and an emoji 👍🏽 in a long summary that will not fit in a narrow form at all",
    );
    app.keys("tab tab tab");
    app.type_text("edu");
    for (w, h) in [(20, 6), (30, 10), (44, 14), (80, 24), (200, 60), (1, 1)] {
        let text = debate::screen::to_text(&debate::screen::draw(&app.state, w, h));
        if w >= 80 {
            assert!(text.contains("New claim"), "{w}x{h}:\n{text}");
            assert!(text.contains("→ education"), "{w}x{h}:\n{text}");
        }
    }
    app.keys("esc");
    assert!(app.state.authoring.confirm.is_some());
    for (w, h) in [(20, 6), (80, 24)] {
        let text = debate::screen::to_text(&debate::screen::draw(&app.state, w, h));
        if w >= 80 {
            assert!(text.contains("Discard the changes"), "{text}");
        }
    }
}

#[test]
fn a_large_file_is_read_back_in_the_background_after_a_save() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    // As if the file were large: the save returns at once, the new version follows.
    app.saver.set_background_from(0);
    app.keys("a w w w v e e a");
    app.type_text("Read back later");
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    assert!(app.saver.is_loading());
    assert!(
        load_path(&path)
            .unwrap()
            .claim_by_id("read-back-later")
            .is_some()
    );
    // The user goes on meanwhile: a form opened now is not closed by the version arriving.
    app.keys("v e a");
    assert!(app.state.authoring.form.is_some());
    let loaded = app
        .saver
        .wait_loaded(std::time::Duration::from_secs(60))
        .expect("the new version");
    apply(&mut app.state, loaded);
    assert!(app.state.authoring.form.is_some());
    let claim = app.state.debate.claim_by_id("read-back-later").unwrap();
    assert_eq!(app.state.reader().selected, Some(claim));
}

#[test]
fn a_text_search_puts_the_caret_on_its_match() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    // The pattern's letters are the pattern's, not motions.
    app.keys("a /");
    app.type_text("plot tw");
    app.keys("enter v e e a");
    let form = app.state.authoring.form.as_ref().expect("the form opens");
    assert_eq!(form.quote.text(), "plot twist");
}

/// Two Markdown files opened together: one new debate file holds both as articles, suggested
/// beside the first as an absolute path; the claim goes into the second article.
#[test]
fn several_markdown_files_make_one_debate_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.txt"));
    std::fs::write(&a, "# Alpha\n\nAlpha says one thing. And more.\n").unwrap();
    std::fs::write(&b, "Beta title\nBeta says another thing entirely.\n").unwrap();
    let (debate, seed) = debate::annotate::markdown_debate(&[a, b]).unwrap();
    let mut app = App::new(debate, Saver::read_only(seed));
    app.keys("tab a v $ a");
    assert_eq!(
        app.state.authoring.form.as_ref().unwrap().quote.text(),
        "Beta says another thing entirely."
    );
    app.type_text("Beta differs");
    app.keys("enter");
    let prompt = app.state.authoring.prompt.as_ref().expect("asks where");
    let file = dir.path().join("debate.toml");
    assert_eq!(prompt.path.text(), file.display().to_string());
    app.keys("enter");
    assert!(app.state.authoring.form.is_none(), "{:?}", app.form_error());
    let saved = load_path(&file).unwrap();
    assert_eq!(saved.articles.len(), 2);
    let claim = saved.claim_by_id("beta-differs").unwrap();
    assert_eq!(saved.claim(claim).article.get(), 1);
    // The file's name comes before its folder, which an 80-column status line may cut.
    let message = app.state.message.clone().unwrap_or_default();
    assert!(
        message.contains(&format!(
            "New debate file: debate.toml, in {}.",
            dir.path().display()
        )),
        "{message}"
    );
    // The reader goes on in the new file: the next claim is saved there without a question.
    assert_eq!(app.state.name, file.display().to_string());
    app.keys("v 0 a");
    app.type_text("Second one");
    app.keys("enter");
    assert!(app.state.authoring.prompt.is_none());
    assert!(
        load_path(&file)
            .unwrap()
            .claim_by_id("second-one")
            .is_some(),
        "{:?}",
        app.form_error()
    );
}

/// A first claim of a Markdown article that would not load writes nothing: the question of
/// where closes, and the form says what is wrong beside the quote, which has the focus.
#[test]
fn a_refused_first_claim_of_an_article_writes_nothing_and_points_at_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    std::fs::write(&md, "# Notes\n\nExport controls slowed the labs down.\n").unwrap();
    let (debate, seed) = debate::annotate::markdown_debate(std::slice::from_ref(&md)).unwrap();
    let mut app = App::new(debate, Saver::read_only(seed));
    app.keys("a v e a");
    app.type_text("A claim");
    app.keys("tab tab ctrl-u");
    app.type_text("words the notes never say");
    app.keys("tab");
    app.keys("enter enter");
    assert!(app.state.authoring.prompt.is_none(), "the prompt closes");
    let form = app.state.authoring.form.as_ref().expect("the form stays");
    assert_eq!(form.focus, debate::form::Focus::Quote);
    let error = &form.errors[0];
    assert_eq!(error.field, Some(debate::form::Focus::Quote));
    assert!(error.message.contains("not in article"), "{error:?}");
    // No file:line of a text that was never written.
    assert!(!error.message.contains(".toml:"), "{error:?}");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.md"]);
    // Drawn under the quote, before the tags.
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    let quote = text.find("Quote").unwrap();
    let error_at = text.find("✗ the quote").expect("the error is drawn");
    let tags = text.find("Tags").unwrap();
    assert!(quote < error_at && error_at < tags, "{text}");
}

/// The form's own checks name their field, and the focus goes there.
#[test]
fn a_missing_summary_is_shown_beside_the_summary_with_the_focus() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("a v e a tab tab tab enter");
    let form = app.state.authoring.form.as_ref().unwrap();
    assert_eq!(form.focus, debate::form::Focus::Summary);
    assert_eq!(form.errors[0].field, Some(debate::form::Focus::Summary));
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains("Summary")).unwrap();
    assert!(
        lines[at + 1].contains("✗ A claim needs a summary."),
        "{text}"
    );
    // Typing in the summary takes the error away.
    app.type_text("x");
    assert!(app.state.authoring.form.as_ref().unwrap().errors.is_empty());
}

/// From the debate view too: L, a claim picked in the finder, a: attacks; the view is where it
/// was, the claim the link leaves still selected.
#[test]
fn a_link_is_made_from_the_debate_view() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("d j");
    assert_eq!(app.state.view, View::Debate);
    let selected = app.state.debate_view.selected;
    let rows = app.state.debate_rows();
    let from = app.state.debate.claim(rows[selected].1).id.clone();
    let attacks = |app: &App| {
        let claim = app.state.debate.claim_by_id(&from).unwrap();
        app.state
            .debate
            .links_from(claim)
            .filter(|l| l.kind == debate::model::LinkKind::Attacks)
            .count()
    };
    let before = attacks(&app);
    app.keys("L");
    assert_eq!(app.state.view, View::Search);
    app.keys("down enter");
    assert_eq!(app.state.view, View::Debate);
    assert_eq!(app.state.debate_view.selected, selected);
    let question = app.state.authoring.confirm.as_ref().unwrap().question();
    assert!(
        question.contains(&format!("link '{from}' to '")),
        "{question}"
    );
    app.keys("a");
    assert_eq!(attacks(&app), before + 1, "{:?}", app.state.message);
}

/// The form refused beside its quote, and the finder picking a link's target, as drawn.
#[test]
fn snapshots_of_a_refused_field_and_of_the_link_finder() {
    let (_dir, path) = debate_file();
    let mut app = App::on_file(&path);
    app.keys("a w w w v e e a");
    app.type_text("Mine");
    app.keys("tab tab end");
    app.type_text(" twist");
    app.keys("enter");
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    insta::assert_snapshot!("form_refused_beside_the_quote_80x24", text);
    app.keys("esc y esc c o L");
    app.type_text("diaspora");
    let text = debate::screen::to_text(&debate::screen::draw(&app.state, 80, 24));
    insta::assert_snapshot!("link_finder_80x24", text);
}

/// Undo and redo with no edit saved yet each say what they could not do (redo said "undo").
#[test]
fn undo_and_redo_before_any_edit_name_themselves() {
    use debate::action::Action;
    use debate::annotate::SaveReport;
    for (effect, word) in [
        (Effect::Undo, "Nothing to undo"),
        (Effect::Redo, "Nothing to redo"),
    ] {
        match Saver::embedded().perform(&effect) {
            Some(Action::SaveDone(SaveReport::Failed(message))) => {
                assert!(message.starts_with(word), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
