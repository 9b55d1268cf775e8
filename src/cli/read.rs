//! `debate [FILE]`: the interactive reader, once the file has loaded without errors; the
//! debate as plain text when there is no terminal to draw it on (`debate | less`, as glow and
//! bat do) or the terminal cannot move its cursor (`TERM=dumb`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::load::{Origin, load_or_report};
use crate::annotate::Saver;
use crate::resume::Memory;
use crate::scenario::Scenario;
use crate::state::State;

/// `debate [FILE…]`: the interactive reader, at `place` when the command line names one.
/// Errors in the file, and unknown ids in `place`, are printed before the terminal is touched.
pub(super) fn run(
    files: Vec<PathBuf>,
    fresh: bool,
    place: Option<&Scenario>,
    config: Option<&Path>,
) -> ExitCode {
    let articles = !files.is_empty() && files.iter().all(|f| super::markdown::is_article(f));
    if !articles && files.len() > 1 {
        eprintln!(
            "error: one debate file at a time; several files open together only as Markdown or text (.md, .txt)"
        );
        return ExitCode::from(2);
    }
    // Articles are shown as the debate file their first claim starts (`debate new`'s, without
    // its example claims), so that the claim saves into exactly what is on screen.
    let mut seed = None;
    let earlier = articles.then(|| earlier_debate_file(&files));
    let loaded = if articles {
        crate::annotate::markdown_debate(&files)
            .map(|(debate, new_file)| {
                seed = Some(new_file);
                (Origin::File(files[0].clone()), debate)
            })
            .map_err(|failure| {
                super::load::report(&failure);
                ExitCode::from(1)
            })
    } else {
        load_or_report(files.into_iter().next())
    };
    let (origin, debate) = match loaded {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // An unknown id is an error even when the reader would not open.
    if let Some(place) = place
        && let Err(message) = crate::scenario::check(&debate, place)
    {
        eprintln!("error: {}", crate::model::diagnostic::one_line(&message));
        return ExitCode::from(2);
    }
    if !std::io::stdout().is_terminal() {
        return print_text(&debate);
    }
    if crate::config::terminal::is_dumb(std::env::var_os("TERM").as_deref()) {
        let why = "debate: TERM=dumb cannot show the reader, which moves the cursor; here is the debate as text instead";
        eprintln!("{why}");
        let code = print_text(&debate);
        // The text scrolls the first line away: say it again where the reader is left.
        eprintln!("{why} (page it: debate | less)");
        return code;
    }
    // The session is keyed before the debate moves into the state; a file that cannot be
    // resolved (it loaded, so this is rare) is read without saving its place.
    // Before raw mode: the background query's answer must not arrive as keys.
    let settings = super::config::settings(config);
    // Markdown read as it is has no debate file to key a session to, nor one to watch.
    let key = super::notes::key_of(&origin, &debate)
        .map_err(|_| ())
        .and_then(|key| if articles { Err(()) } else { Ok(key) });
    let mut state = State::new(debate, origin.name(), 80, 24);
    let mouse = settings.mouse;
    let config_notice = super::config::apply(&mut state, settings);
    let store = crate::session::Store::default_location().filter(|_| key.is_ok());
    let key = key.unwrap_or_else(|()| crate::session::DebateKey::embedded(&origin.name(), ""));
    let (mut memory, notice) = Memory::load(store, key, fresh);
    let mut notice = config_notice.or(notice);
    crate::resume::restore(&mut state, memory.session());
    if let Some(place) = place
        && let Err(message) = crate::scenario::apply(&mut state, place)
    {
        eprintln!("error: {}", crate::model::diagnostic::one_line(&message));
        return ExitCode::from(2);
    }
    let watch = match &origin {
        Origin::File(path) if !articles => Some(path.clone()),
        Origin::File(_) | Origin::Embedded => None,
    };
    // Edits go into the debate file; a copy of the embedded debate, or the articles' new
    // debate file, is asked for on the first one.
    let saver = match (seed, &watch) {
        (Some(seed), _) => {
            notice = Some(markdown_notice(&state, earlier.as_deref()));
            Saver::read_only(seed)
        }
        (None, Some(path)) => Saver::for_file(path.clone()),
        (None, None) => Saver::embedded(),
    };
    let ended = crate::tui::run(state, watch, saver, &mut memory, notice, mouse);
    // A state file set aside, a save that failed: told where they stay on screen.
    for line in memory.at_exit() {
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    match ended {
        Ok(crate::tui::Ending::Quit) => ExitCode::SUCCESS,
        // The conventional status for death by a signal: 128 + its number.
        Ok(crate::tui::Ending::Signal(n)) => ExitCode::from(u8::try_from(128 + n).unwrap_or(1)),
        Err(error) => {
            // stderr may be the terminal that failed: a failed write must not panic.
            let _ = writeln!(std::io::stderr(), "error: the terminal failed: {error}");
            ExitCode::from(3)
        }
    }
}

/// What the reader says when articles open: they are read as they are, and how a passage
/// becomes a claim (the first one asks where to write the new debate file); or, when the debate
/// file named after them exists already (a claim made in an earlier run), how to open that
/// instead. It fits the status bar at 80 columns.
fn markdown_notice(state: &State, earlier: Option<&Path>) -> String {
    let key = state.keymap.key_for(
        crate::keymap::Context::Reader,
        &crate::action::Action::Annotate,
    );
    match earlier.filter(|f| f.is_file()) {
        Some(file) => format!("Its debate file exists: debate {}", file.display()),
        None => format!("Read as it is; {key}, v, {key} on a passage makes a claim."),
    }
}

/// The debate file a first claim on these articles would have been saved to, as suggested.
fn earlier_debate_file(files: &[PathBuf]) -> PathBuf {
    match files {
        [one] => one.with_extension("toml"),
        _ => files
            .first()
            .map(|f| f.with_file_name("debate.toml"))
            .unwrap_or_default(),
    }
}

/// The debate as text on stdout; a pager that quits early (`debate | head`) is no error.
fn print_text(debate: &crate::model::Debate) -> ExitCode {
    let text = crate::export::text::export(debate, crate::export::text::WIDTH);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
