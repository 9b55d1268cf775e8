//! The layers stay acyclic (issue 12): read the sources and fail when a module reaches into a
//! layer it must not know. `state` never calls `update`; `update`, `derive` and `geometry`
//! never call drawing code (`ui::`); the model and search know nothing of terminals or of the
//! reader's state.

// Tests fail by panicking.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// A module file and, when it has one, its directory of submodules.
fn module(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{name}.rs"))];
    let mut dirs = vec![src.join(name)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| f.exists());
    assert!(!files.is_empty(), "no module {name}");
    files
}

/// The code lines of a file (comments left out: they may name any layer).
fn code(path: &Path) -> Vec<(usize, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect()
}

/// Whether `line` names `path` as a path of its own (`ui::` in `crate::ui::x`, not in
/// `ratatui::x`).
fn mentions(line: &str, path: &str) -> bool {
    line.match_indices(path).any(|(at, _)| {
        !line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Fails naming every line of the modules that mentions one of `forbidden`, once `allowed`
/// (exact uses still to be moved) is taken out of the line.
fn forbid(modules: &[&str], forbidden: &[&str], allowed: &[&str]) {
    let mut found = Vec::new();
    for name in modules {
        for path in module(name) {
            for (n, line) in code(&path) {
                let mut rest = line.clone();
                for a in allowed {
                    rest = rest.replace(a, "");
                }
                if forbidden.iter().any(|f| mentions(&rest, f)) {
                    found.push(format!("{}:{n}: {}", path.display(), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn state_does_not_call_update() {
    forbid(&["state"], &["update::", "crate::update"], &[]);
}

#[test]
fn update_derive_and_geometry_do_not_draw() {
    // Measures that still wrap styled lines to count them; they move to `geometry` with the
    // help, card and debate row layouts. No other use of `ui` may appear.
    let pending = [
        "use crate::ui;",
        "ui::help::max_scroll(",
        "ui::help::max_errors_scroll(",
        "ui::detail::max_scroll(",
        "ui::debate::fit(",
        "ui::debate::row_at(",
        // Added by the prompt's preview scrolling and the debate views at any width (issues 15
        // and 16); they move with the others.
        "ui::search::preview_max_scroll(",
        "ui::debate::selected_fit(",
        "ui::debate::compare_columns(",
    ];
    forbid(
        &["update", "derive", "geometry", "effect", "input"],
        &["ui::", "crate::ui"],
        &pending,
    );
}

#[test]
fn model_and_search_know_no_terminal_and_no_reader_state() {
    forbid(
        &["model", "search"],
        &[
            "ratatui",
            "crossterm",
            "crate::state",
            "crate::ui",
            "crate::update",
        ],
        &[],
    );
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // The same scan over a module that does draw: it must report lines.
    let hits: usize = module("ui")
        .iter()
        .map(|p| {
            code(p)
                .iter()
                .filter(|(_, l)| l.contains("ratatui"))
                .count()
        })
        .sum();
    assert!(hits > 0);
}
