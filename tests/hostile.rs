//! Large and hostile files: each loads, or fails with a clear located message, and the reader
//! stays usable on what loads. Timings are printed (run with --nocapture) for the record, never
//! asserted: these machines are noisy.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::fmt::Write as _;
use std::time::Instant;

use debate::action::Action;
use debate::effect::apply as update;
use debate::model::load_bytes;
use debate::state::{State, View};
use debate::testing::invariants::check_render;

const HEAD: &str = r#"title = "Hostile"
[[framings]]
id = "a"
name = "A"
thesis = "A."
[[framings]]
id = "b"
name = "B"
thesis = "B."
"#;

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:?}", start.elapsed());
    out
}

/// Drives the reader through its views at two sizes, checking every screen.
fn exercise(state: &mut State) {
    for action in [
        Action::NextClaim,
        Action::PageDown,
        Action::Bottom,
        Action::Resize(200, 60),
        Action::Top,
        Action::NextClaim,
        Action::ShowClaims,
        Action::Bottom,
        Action::ShowDebate,
        Action::ToggleSideBySide,
        Action::StartSearch,
        Action::SearchInput('s'),
        Action::SearchInput('e'),
        Action::Resize(80, 24),
    ] {
        timed(&format!("  {action:?}"), || update(state, action.clone()));
        check_render(state, &format!("after {action:?}"));
    }
}

#[test]
fn a_one_megabyte_single_line_paragraph() {
    let mut text = String::with_capacity(1_100_000);
    let mut n = 0;
    while text.len() < 1_000_000 {
        let _ = write!(text, "word{n} ");
        n += 1;
    }
    text.push_str("the very end of it");
    let source = format!(
        "{HEAD}[[articles]]\nid = \"long\"\ntitle = \"Long\"\ntext = '''{text}'''\n\
         [[claims]]\nid = \"end\"\narticle = \"long\"\nquote = \"the very end\"\nsummary = \"It ends.\"\n"
    );
    assert!(source.len() > 1_000_000);
    let debate = timed("load 1 MB paragraph", || {
        load_bytes("long.toml", source.as_bytes())
    })
    .unwrap();
    let mut state = timed("first layout", || State::new(debate, "long", 80, 24));
    update(&mut state, Action::NextClaim);
    let selected = state.reader().selected.unwrap();
    assert_eq!(state.debate.claim(selected).id, "end");
    check_render(&state, "at the claim");
    exercise(&mut state);
}

#[test]
fn ten_thousand_claims_on_one_paragraph() {
    let mut text = String::new();
    let mut claims = String::new();
    for n in 0..10_000 {
        let _ = write!(text, "Sentence {n} says a thing of its own. ");
        let _ = write!(
            claims,
            "[[claims]]\nid = \"c{n}\"\narticle = \"p\"\nquote = \"Sentence {n} says\"\nsummary = \"Claim {n}.\"\n\
             stances.a = {{ stance = \"supports\" }}\nstances.b = {{ stance = \"challenges\" }}\n"
        );
    }
    let source =
        format!("{HEAD}[[articles]]\nid = \"p\"\ntitle = \"P\"\ntext = '''{text}'''\n{claims}");
    let debate = timed("load 10,000 claims", || {
        load_bytes("many.toml", source.as_bytes())
    })
    .unwrap();
    assert_eq!(debate.claims.len(), 10_000);
    // Every quote found its own sentence, not an earlier one that starts alike.
    let c = &debate.claims[1234];
    let block = &debate.articles[0].doc.blocks[c.anchor.block];
    assert_eq!(&block.text[c.anchor.range.clone()], "Sentence 1234 says");
    let mut state = timed("first layout", || State::new(debate, "many", 80, 24));
    exercise(&mut state);
    assert_eq!(state.view, View::Search);
}

#[test]
fn deeply_nested_toml_is_a_clean_error() {
    for (name, source) in [
        (
            "arrays",
            format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "inline tables",
            format!("x = {}{}", "{ y = ".repeat(100_000), "}".repeat(100_000)),
        ),
        (
            "dotted keys",
            format!("{} = 1", vec!["a"; 100_000].join(".")),
        ),
        (
            "table headers",
            format!("[{}]", vec!["a"; 100_000].join(".")),
        ),
    ] {
        let failure = timed(name, || load_bytes("deep.toml", source.as_bytes())).expect_err(name);
        let d = &failure.diagnostics[0];
        assert!(d.primary.is_some(), "{name}: no location");
        let rendered = failure.render(false);
        assert!(rendered.contains("deep.toml:1:"), "{name}: {rendered}");
    }
}
