//! screenshots/ holds one SVG per view of the embedded debate at 120x36, drawn by the same code
//! as `debate render`. This test fails when they are stale; `UPDATE_SCREENSHOTS=1 cargo test
//! --test screenshots` redraws them.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::Path;

use debate::cli::{RenderArgs, RenderFormat, RenderView, render_state};
use debate::model::Debate;

/// What one screenshot shows: (file name, view, article, claim, query).
type Shot = (
    &'static str,
    RenderView,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

const SHOTS: &[Shot] = &[
    (
        "reader",
        RenderView::Reader,
        Some("outlier"),
        Some("deepseek-outlier"),
        "",
    ),
    ("claims", RenderView::Claims, None, None, ""),
    ("debate", RenderView::Debate, None, None, ""),
    ("compare", RenderView::Compare, None, None, ""),
    ("search", RenderView::Search, None, None, "state support"),
    (
        "detail",
        RenderView::Detail,
        None,
        Some("deepseek-outlier"),
        "",
    ),
    ("help", RenderView::Help, None, None, ""),
];

#[test]
fn screenshots_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    let update = std::env::var_os("UPDATE_SCREENSHOTS").is_some();
    let mut outdated = Vec::new();
    for &(name, view, article, claim, query) in SHOTS {
        let args = RenderArgs {
            view,
            article: article.map(Into::into),
            framing: None,
            query: query.into(),
            claim: claim.map(Into::into),
            size: (120, 36),
            format: RenderFormat::Svg,
            file: None,
        };
        let state = render_state(Debate::embedded().unwrap(), "deepseek.toml", &args).unwrap();
        let svg = debate::screen::to_svg(&debate::screen::draw(&state, 120, 36));
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::write(&path, &svg).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
            outdated.push(name);
        }
    }
    assert!(
        outdated.is_empty(),
        "stale screenshots: {outdated:?}; run `UPDATE_SCREENSHOTS=1 cargo test --test screenshots`"
    );
}
