//! The layers stay acyclic (issue 12): read the sources and fail when a module reaches into a
//! layer it must not know. `state` never calls `update`; `update`, `derive` and `geometry`
//! never call drawing code (`ui::`); the model and search know nothing of terminals or of the
//! reader's state. And one concept per file: no source file over about 400 lines before its tests.

// Tests fail by panicking.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

/// A module file and, when it has one, its directory of submodules.
fn module(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{name}.rs"))];
    let dir = src.join(name);
    if dir.is_dir() {
        files.extend(sources(&dir));
    }
    files.retain(|f| f.exists());
    assert!(!files.is_empty(), "no module {name}");
    files
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

/// The numbered code lines of `text` that mention one of `forbidden` (comments left out:
/// they may name any layer).
fn offending(text: &str, forbidden: &[&str]) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .filter(|(_, l)| forbidden.iter().any(|f| mentions(l, f)))
        .map(|(i, l)| (i + 1, l.trim().to_owned()))
        .collect()
}

/// Fails naming every line of the modules that mentions one of `forbidden`.
fn forbid(modules: &[&str], forbidden: &[&str]) {
    let mut found = Vec::new();
    for name in modules {
        for path in module(name) {
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in offending(&text, forbidden) {
                found.push(format!("{}:{n}: {line}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "layering broken:\n{}", found.join("\n"));
}

#[test]
fn state_does_not_call_update() {
    forbid(&["state"], &["update::", "crate::update"]);
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The lines of a file before its tests (the first `#[cfg(test)]`).
fn non_test_lines(text: &str) -> usize {
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .count()
}

/// One concept per file: no file in `src/` holds more than this many lines of code before its
/// tests, except the default key table, which is data.
const MAX_LINES: usize = 400;

#[test]
fn no_source_file_is_over_the_size_of_one_concept() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let exempt = src.join("keymap").join("default.rs");
    let over: Vec<String> = sources(&src)
        .into_iter()
        .filter(|f| *f != exempt)
        .filter_map(|f| {
            let n = non_test_lines(&std::fs::read_to_string(&f).unwrap());
            (n > MAX_LINES).then(|| format!("{}: {n} lines before its tests", f.display()))
        })
        .collect();
    assert!(
        over.is_empty(),
        "files over {MAX_LINES} lines:\n{}",
        over.join("\n")
    );
}

#[test]
fn the_size_count_stops_at_the_tests() {
    let file = format!(
        "{}#[cfg(test)]\n{}",
        "fn a() {}\n".repeat(3),
        "x\n".repeat(500)
    );
    assert_eq!(non_test_lines(&file), 3);
    assert_eq!(non_test_lines(&"x\n".repeat(401)), 401);
}

/// The modules that decide (`update`, `derive`, `effect`, `input`) and the one that measures
/// (`geometry`): none of them may call drawing code.
const NON_DRAWING: [&str; 5] = ["update", "derive", "geometry", "effect", "input"];

#[test]
fn update_derive_and_geometry_do_not_draw() {
    forbid(&NON_DRAWING, &["ui::", "crate::ui"]);
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
    );
}

#[test]
fn a_reintroduced_import_is_caught() {
    // The lines that were moved out of `update` (issue 12) would each be reported again.
    for line in [
        "use crate::ui;",
        "    let (selected, offset) = ui::debate::fit(state);",
        "    let max = crate::ui::search::preview_max_scroll(state);",
        "use crate::update::refresh;",
    ] {
        assert_eq!(
            offending(line, &["ui::", "crate::ui", "update::", "crate::update"]).len(),
            1,
            "{line}"
        );
    }
    // Names that merely end in the same letters, and comments, are not.
    for line in [
        "use ratatui::layout::Rect;",
        "let gui::x = 1;",
        "// ui::debate drew this",
    ] {
        assert!(offending(line, &["ui::"]).is_empty(), "{line}");
    }
}

#[test]
fn the_check_finds_what_it_looks_for() {
    // The same scan over a module that does draw: it must report lines.
    let hits: usize = module("ui")
        .iter()
        .map(|p| offending(&std::fs::read_to_string(p).unwrap(), &["ratatui"]).len())
        .sum();
    assert!(hits > 0);
}
