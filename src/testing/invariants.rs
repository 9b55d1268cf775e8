//! Properties that must hold for any input whatsoever, checked by the fuzz targets and by the
//! ordinary tests that replay their corpora. Each function panics when a property fails.

use crate::model::{self, Debate};

/// Loading arbitrary bytes: never a panic; errors point inside the file and render with no raw
/// control character; a debate that loads has every anchor inside its article's text.
///
/// # Panics
/// When one of those properties fails: that is what a fuzzer looks for.
pub fn load_bytes(bytes: &[u8]) {
    match model::load_bytes("fuzz.toml", bytes) {
        Ok(debate) => check_debate(&debate),
        Err(failure) => {
            for d in &failure.diagnostics {
                if let Some(label) = &d.primary {
                    assert!(
                        label.span.start <= failure.source.len(),
                        "span past the end: {d:?}"
                    );
                }
            }
            let rendered = failure.render(false);
            assert!(
                !rendered.chars().any(|c| c.is_control() && c != '\n'),
                "raw control character in: {rendered:?}"
            );
            let _ = failure.short_lines();
        }
    }
}

fn check_debate(debate: &Debate) {
    assert!(debate.framings.len() >= 2 && !debate.articles.is_empty());
    for claim in &debate.claims {
        let article = debate.article(claim.article);
        let block = &article.doc.blocks[claim.anchor.block];
        assert!(
            block.text.get(claim.anchor.range.clone()).is_some(),
            "anchor off a char boundary"
        );
    }
}

/// A valid debate with `text` everywhere a user string can go: debate, article and framing
/// titles, article text, claim summary and stance notes. Blank text (which the loader refuses
/// on purpose) becomes a visible word. Built through the TOML writer and the real loader.
///
/// # Panics
/// If such a debate does not load: that is a bug in the loader's handling of the text.
pub fn debate_with(text: &str) -> Debate {
    let text = if text.trim().is_empty() {
        "blank"
    } else {
        text
    };
    let mut doc = toml::Table::new();
    let s = |v: &str| toml::Value::String(v.to_owned());
    let table = |pairs: &[(&str, toml::Value)]| {
        toml::Value::Table(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    };
    doc.insert("title".into(), s(text));
    doc.insert(
        "framings".into(),
        toml::Value::Array(vec![
            table(&[("id", s("one")), ("name", s(text)), ("thesis", s(text))]),
            table(&[
                ("id", s("two")),
                ("name", s("Two")),
                ("thesis", s("Another view.")),
            ]),
        ]),
    );
    doc.insert(
        "articles".into(),
        toml::Value::Array(vec![
            table(&[("id", s("naughty")), ("title", s(text)), ("text", s(text))]),
            table(&[
                ("id", s("plain")),
                ("title", s("Plain")),
                ("text", s("Plain words here.")),
            ]),
        ]),
    );
    let stances = table(&[
        (
            "one",
            table(&[("stance", s("supports")), ("note", s(text))]),
        ),
        (
            "two",
            table(&[("stance", s("challenges")), ("note", s(text))]),
        ),
    ]);
    doc.insert(
        "claims".into(),
        toml::Value::Array(vec![table(&[
            ("id", s("c")),
            ("article", s("plain")),
            ("quote", s("words")),
            ("summary", s(text)),
            ("stances", stances),
        ])]),
    );
    let source = toml::to_string(&doc).unwrap_or_default();
    match model::load_bytes("generated.toml", source.as_bytes()) {
        Ok(debate) => debate,
        Err(failure) => unreachable_load(&failure),
    }
}

#[allow(clippy::panic)]
fn unreachable_load(failure: &model::LoadFailure) -> ! {
    panic!(
        "a generated debate did not load:\n{}",
        failure.render(false)
    )
}

/// The views a property test goes through, each as the actions that reach it from a fresh
/// reader; `query` is typed into search.
pub fn views(query: &str) -> Vec<(&'static str, Vec<crate::action::Action>)> {
    use crate::action::Action;
    let mut search = vec![Action::StartSearch];
    // Typed one key at a time, as a person would: a long text is cut to a plausible query.
    search.extend(query.chars().take(64).map(Action::SearchInput));
    vec![
        ("reader", vec![]),
        ("reader-selected", vec![Action::NextClaim]),
        ("claims", vec![Action::ShowClaims]),
        ("search", search),
        ("debate", vec![Action::ShowDebate]),
        ("compare", vec![Action::ToggleSideBySide]),
        ("detail", vec![Action::ShowClaims, Action::ShowDetail]),
        ("help", vec![Action::ToggleHelp]),
    ]
}

/// Draws a state inside a larger buffer filled with a sentinel and checks that nothing was
/// drawn outside the area, no glyph overflows a row, and no cell holds a control character.
///
/// # Panics
/// When a property fails; `context` names the case.
pub fn check_render(state: &crate::state::State, context: &str) {
    use ratatui::buffer::{Buffer, CellWidth};
    use ratatui::layout::Rect;
    const SENTINEL: &str = "¤";
    let (w, h) = (state.width, state.height);
    let outer = Rect::new(0, 0, w.saturating_add(4), h.saturating_add(4));
    let mut buf = Buffer::empty(outer);
    let area = Rect::new(2, 2, w, h);
    for y in outer.top()..outer.bottom() {
        for x in outer.left()..outer.right() {
            let inside = area.contains(ratatui::layout::Position { x, y });
            if !inside {
                buf[(x, y)].set_symbol(SENTINEL);
            }
        }
    }
    crate::ui::render(state, area, &mut buf);
    for y in outer.top()..outer.bottom() {
        for x in outer.left()..outer.right() {
            let inside = area.contains(ratatui::layout::Position { x, y });
            let symbol = buf[(x, y)].symbol();
            assert!(
                inside || symbol == SENTINEL,
                "{context}: drawn outside the area at ({x},{y}) at {w}x{h}"
            );
            assert!(
                !symbol.chars().any(char::is_control),
                "{context}: control character {symbol:?} at ({x},{y})"
            );
        }
    }
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let width = buf[(x, y)].symbol().cell_width().max(1);
            assert!(
                x + width <= area.right(),
                "{context}: a glyph {width} wide overflows row {y} at {w}x{h}"
            );
            x += width;
        }
    }
}

/// A reader showing the live-reload error banner, `text` as the file's name, over the claims.
pub fn with_banner(debate: &Debate, text: &str) -> crate::state::State {
    let mut state = crate::state::State::new(debate.clone(), "banner", 80, 24);
    let reload = crate::action::Reload::new(model::load_bytes(text, b"title = 1\n"));
    crate::effect::apply(&mut state, crate::action::Action::ShowClaims);
    crate::effect::apply(&mut state, crate::action::Action::Reloaded(reload));
    state
}

/// Every view of a debate, the error banner and its list, each taken through the sizes in
/// turn and checked with [`check_render`]; `context` names the case in failures. Returns how
/// many screens were checked.
pub fn render_everywhere(
    debate: &Debate,
    query: &str,
    sizes: &[(u16, u16)],
    context: &str,
) -> usize {
    use crate::action::Action;
    use crate::effect::apply as update;
    let mut checked = 0;
    let mut banner = with_banner(debate, query);
    for &(w, h) in sizes {
        update(&mut banner, Action::Resize(w, h));
        check_render(&banner, &format!("{context} in the banner"));
        update(&mut banner, Action::ShowErrors);
        check_render(&banner, &format!("{context} in the error list"));
        update(&mut banner, Action::Back);
        checked += 2;
    }
    for (view, actions) in views(query) {
        let mut state = crate::state::State::new(debate.clone(), "checked", 80, 24);
        for a in actions {
            update(&mut state, a);
        }
        for &(w, h) in sizes {
            update(&mut state, Action::Resize(w, h));
            check_render(&state, &format!("{context} in {view}"));
            checked += 1;
        }
    }
    checked
}

/// A query against arbitrary text: highlight ranges lie on char boundaries inside the text,
/// in order and apart; searching a debate made of the text does not panic.
///
/// # Panics
/// When a property fails.
pub fn search_text(query: &str, text: &str) {
    use fuzzy_matcher::FuzzyMatcher;
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().smart_case();
    if let Some((_, indices)) = matcher.fuzzy_indices(text, query) {
        let ranges = crate::search::char_ranges(text, &indices);
        let mut last_end = 0;
        for r in &ranges {
            assert!(r.start >= last_end && r.start < r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            last_end = r.end;
        }
    }
    let debate = debate_with(text);
    let mut index = crate::search::Index::new(&debate);
    let results = index.search(&debate, query, 50);
    assert!(results.hits.len() <= 50 && results.matched <= results.total.max(results.hits.len()));
}
