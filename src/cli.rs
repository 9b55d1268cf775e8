//! The command line: subcommands and their arguments (clap derive), and what each one runs.
//!
//! Exit codes: 0 success, 1 a debate file has errors (or could not be read), 2 usage errors,
//! 3 no usable terminal, 128+N ended by signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::model::progress::{Progress, Stage};
use crate::model::{self, Debate, LoadFailure};
use crate::state::State;

#[derive(Debug, Parser)]
#[command(
    name = "debate",
    version,
    about = "Read articles and explore the debate between their framings, in the terminal",
    long_about = "Read articles and explore the debate between their framings, in the terminal.\n\n\
        With no FILE, opens the embedded DeepSeek debate.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The debate file to open (TOML); the embedded debate when left out.
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check debate files and print a summary of each; errors go to stderr.
    Check {
        /// Files to check; the embedded debate when none is given.
        files: Vec<PathBuf>,
    },
    /// Draw one screen of the reader without a terminal and print it (text or SVG).
    Render(RenderArgs),
    /// Write the debate as Markdown, JSON, a Graphviz argument map or Argdown.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// The framing whose stances colour the DOT map (its id); the first by default.
        #[arg(long)]
        framing: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The debate file; the embedded debate when left out.
        file: Option<PathBuf>,
    },
    /// Print the ranked results of a search: the same engine the reader uses.
    Search {
        /// The query (fuzzy).
        query: String,
        /// The debate file; the embedded debate when left out.
        file: Option<PathBuf>,
        /// How many results at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// One JSON object per result (kind, id, score, text, matched byte ranges).
        #[arg(long)]
        json: bool,
        /// Print to stderr how long loading, indexing and searching took (for measuring).
        #[arg(long, hide = true)]
        timings: bool,
    },
    /// Write a synthetic debate file of any size, for measuring (deterministic for a seed).
    #[command(hide = true)]
    Generate {
        #[arg(long, default_value_t = 10)]
        articles: usize,
        #[arg(long, default_value_t = 1000)]
        claims: usize,
        #[arg(long, default_value_t = 3)]
        framings: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Start a debate file from Markdown or plain-text articles.
    New {
        /// The articles, one file each.
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// The views `debate render` can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderView {
    Reader,
    Claims,
    Debate,
    Compare,
    Search,
    Help,
    Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    Text,
    Svg,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Which view to draw.
    #[arg(long, value_enum, default_value_t = RenderView::Reader)]
    pub view: RenderView,
    /// The article pane to show (its id); the first article by default.
    #[arg(long)]
    pub article: Option<String>,
    /// The active framing (its id); the first framing by default.
    #[arg(long)]
    pub framing: Option<String>,
    /// The query typed into search (with --view search).
    #[arg(long, default_value = "")]
    pub query: String,
    /// The claim to show: selected in the reader, or opened with --view detail (the first
    /// claim by default there).
    #[arg(long)]
    pub claim: Option<String>,
    /// Screen size in cells, `WIDTHxHEIGHT`.
    #[arg(long, default_value = "120x36", value_parser = parse_size)]
    pub size: (u16, u16),
    #[arg(long, value_enum, default_value_t = RenderFormat::Text)]
    pub format: RenderFormat,
    /// The debate file; the embedded debate when left out.
    pub file: Option<PathBuf>,
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("'{s}' is not a size; write WIDTHxHEIGHT, e.g. 120x36"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u16>()
            .map_err(|_| format!("'{v}' is not a number of cells (1 to 65535)"))
    };
    let (w, h) = (parse(w)?, parse(h)?);
    if w == 0 || h == 0 {
        return Err("the size must be at least 1x1".into());
    }
    Ok((w, h))
}

/// Where a debate comes from: a file, or the copy built into the binary.
#[derive(Debug, Clone)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl Origin {
    pub fn from_arg(file: Option<PathBuf>) -> Self {
        file.map_or(Self::Embedded, Self::File)
    }

    pub fn name(&self) -> String {
        match self {
            Self::Embedded => model::EMBEDDED_NAME.to_owned(),
            Self::File(path) => path.display().to_string(),
        }
    }

    pub fn load(&self) -> Result<Debate, LoadFailure> {
        match self {
            Self::Embedded => Debate::embedded(),
            Self::File(path) => load_showing_progress(path),
        }
    }
}

/// Files this large show their progress while they load (when stderr is a terminal).
const SHOW_PROGRESS_FROM: u64 = 4 << 20;

/// Loads a file; a large one on a thread of its own, while a line on stderr tells how far it
/// has got, rewritten in place ten times a second and erased at the end.
fn load_showing_progress(path: &std::path::Path) -> Result<Debate, LoadFailure> {
    let large = std::fs::metadata(path).is_ok_and(|m| m.len() >= SHOW_PROGRESS_FROM);
    if !large || !std::io::stderr().is_terminal() {
        return model::load_path(path);
    }
    let progress = Progress::default();
    let name = model::diagnostic::one_line(&path.display().to_string());
    std::thread::scope(|scope| {
        let loading = scope.spawn(|| model::load_path_showing(path, &progress));
        let mut err = std::io::stderr();
        loop {
            let _ = write!(err, "\r\x1b[2K{}", progress_line(&name, &progress));
            let _ = err.flush();
            if loading.is_finished() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
        loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// "Loading big.toml: parsing 45% (37 of 82 MB)", or the stage after parsing.
pub fn progress_line(name: &str, progress: &Progress) -> String {
    let (parsed, total) = progress.parsed();
    let mb = |bytes: usize| bytes.div_ceil(1_000_000);
    match progress.stage() {
        Stage::Reading => format!("Loading {name}: reading…"),
        Stage::Parsing if total > 0 => format!(
            "Loading {name}: parsing {}% ({} of {} MB)",
            parsed.min(total) * 100 / total,
            mb(parsed.min(total)),
            mb(total)
        ),
        Stage::Parsing => format!("Loading {name}: parsing…"),
        Stage::Checking => format!("Loading {name}: checking ids, links and quotes…"),
        Stage::Done => format!("Loading {name}: done"),
    }
}

/// Loads the debate a command names (the embedded one when none), or reports why not: the
/// exit code to return then.
fn load_or_report(file: Option<PathBuf>) -> Result<(Origin, Debate), ExitCode> {
    let origin = Origin::from_arg(file);
    match origin.load() {
        Ok(debate) => Ok((origin, debate)),
        Err(failure) => {
            report(&failure);
            Err(ExitCode::from(1))
        }
    }
}

/// Prints a load failure to stderr, coloured when stderr is a terminal.
pub fn report(failure: &LoadFailure) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut err = std::io::stderr().lock();
    // Nothing useful can be done if stderr itself is gone.
    let _ = err.write_all(failure.render(color).as_bytes());
    let noun = if failure.diagnostics.len() == 1 {
        "error"
    } else {
        "errors"
    };
    let _ = writeln!(
        err,
        "{}: {} {noun}",
        model::diagnostic::one_line(&failure.file),
        failure.diagnostics.len()
    );
}

/// The position of an id among `ids`, or a message naming the ids there are.
fn position_of(kind: &str, id: &str, ids: &[&str]) -> Result<usize, String> {
    ids.iter().position(|i| *i == id).ok_or_else(|| {
        format!(
            "no {kind} with id '{id}'; the {kind}s are: {}",
            ids.join(", ")
        )
    })
}

/// Builds the state `debate render` draws: the requested view, article, framing and query.
pub fn render_state(debate: Debate, name: &str, args: &RenderArgs) -> Result<State, String> {
    use crate::action::Action;
    // Searches run inline: the still screen shows the query's results.
    let update = |state: &mut State, action| drop(crate::effect::apply(state, action));
    let (w, h) = args.size;
    let find = |kind: &str, wanted: Option<&String>, ids: Vec<&str>| {
        wanted.map(|id| position_of(kind, id, &ids)).transpose()
    };
    let article = find(
        "article",
        args.article.as_ref(),
        debate.articles.iter().map(|a| a.id.as_str()).collect(),
    )?
    .unwrap_or(0);
    let framing = find(
        "framing",
        args.framing.as_ref(),
        debate.framings.iter().map(|f| f.id.as_str()).collect(),
    )?
    .unwrap_or(0);
    let claim = find(
        "claim",
        args.claim.as_ref(),
        debate.claims.iter().map(|c| c.id.as_str()).collect(),
    )?;
    let mut state = State::new(debate, name, w, h);
    for _ in 0..framing {
        update(&mut state, Action::NextFraming);
    }
    update(&mut state, Action::ShowArticle(article));
    match args.view {
        RenderView::Reader => {
            // With --claim, the reader shows that claim selected, as `n` or a jump leaves it.
            if let Some(i) = claim {
                update(&mut state, Action::ShowClaims);
                for _ in 0..i {
                    update(&mut state, Action::Down);
                }
                update(&mut state, Action::Open);
            }
        }
        RenderView::Claims => update(&mut state, Action::ShowClaims),
        RenderView::Debate => update(&mut state, Action::ShowDebate),
        RenderView::Compare => update(&mut state, Action::ToggleSideBySide),
        RenderView::Search => {
            update(&mut state, Action::StartSearch);
            for c in args.query.chars() {
                update(&mut state, Action::SearchInput(c));
            }
        }
        RenderView::Help => update(&mut state, Action::ToggleHelp),
        RenderView::Detail => {
            update(&mut state, Action::ShowClaims);
            for _ in 0..claim.unwrap_or(0) {
                update(&mut state, Action::Down);
            }
            update(&mut state, Action::ShowDetail);
        }
    }
    // Framing and filter changes leave a message in the status bar; a still screen has none.
    state.message = None;
    Ok(state)
}

/// `debate render`: one screen to stdout.
pub fn render(args: &RenderArgs) -> ExitCode {
    let (origin, debate) = match load_or_report(args.file.clone()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let state = match render_state(debate, &origin.name(), args) {
        Ok(state) => state,
        Err(message) => {
            eprintln!("error: {}", model::diagnostic::one_line(&message));
            return ExitCode::from(2);
        }
    };
    let buf = crate::screen::draw(&state, args.size.0, args.size.1);
    let out = match args.format {
        RenderFormat::Text => crate::screen::to_text(&buf),
        RenderFormat::Svg => crate::screen::to_svg(&buf),
    };
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

/// `debate [FILE]`: the interactive reader. Errors in the file are printed before the
/// terminal is touched.
pub fn read(file: Option<PathBuf>) -> ExitCode {
    let (origin, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if !std::io::stdout().is_terminal() {
        eprintln!(
            "error: the reader needs a terminal; `debate render` draws a screen to stdout, `debate check` validates"
        );
        return ExitCode::from(3);
    }
    let state = State::new(debate, origin.name(), 80, 24);
    let watch = match &origin {
        Origin::File(path) => Some(path.clone()),
        Origin::Embedded => None,
    };
    match crate::tui::run(state, watch) {
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

/// Writes `text` to a file, or to stdout when there is none; errors are reported, exit 1.
fn write_out(output: Option<&PathBuf>, text: &str) -> ExitCode {
    let Some(path) = output else {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    };
    if let Err(e) = std::fs::write(path, text) {
        eprintln!(
            "error: cannot write '{}': {e}",
            model::diagnostic::one_line(&path.display().to_string())
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// `debate search`: ranked results, as text or JSON lines.
pub fn search(
    query: &str,
    file: Option<PathBuf>,
    limit: usize,
    json: bool,
    timings: bool,
) -> ExitCode {
    use crate::search::{Field, Index, Target, char_ranges};
    use std::time::Instant;
    let start = Instant::now();
    let (_, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let loaded = start.elapsed();
    let mut index = Index::new(&debate);
    let indexed = start.elapsed();
    let mut results = crate::search::Results::default();
    let mut claims_at = None;
    let _ = index.search_phased(&debate, query, limit, &|| false, |r| {
        if r.partial {
            claims_at = Some(start.elapsed());
        }
        results = r;
    });
    let searched = start.elapsed();
    if timings {
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        eprintln!(
            "load {:.1} ms, index {:.1} ms, search {:.1} ms (claims ranked after {:.1} ms)",
            ms(loaded),
            ms(indexed.saturating_sub(loaded)),
            ms(searched.saturating_sub(indexed)),
            ms(claims_at.unwrap_or(searched).saturating_sub(indexed)),
        );
    }
    let mut out = std::io::stdout().lock();
    for hit in &results.hits {
        let (kind, id) = match hit.target {
            Target::Claim { claim, field } => (
                match field {
                    Field::Summary => "summary",
                    Field::Quote => "quote",
                    Field::Tags => "tags",
                },
                debate.claim(claim).id.clone(),
            ),
            Target::Paragraph { article, block } => (
                "paragraph",
                format!("{}#{}", debate.article(article).id, block + 1),
            ),
        };
        let text = crate::search::target_text(&debate, hit.target);
        let text: &str = &text;
        if json {
            let ranges: Vec<[usize; 2]> = char_ranges(text, &hit.indices)
                .into_iter()
                .map(|r| [r.start, r.end])
                .collect();
            let line = serde_json::json!({ "kind": kind, "id": id, "score": hit.score, "text": text, "matched": ranges });
            let _ = writeln!(out, "{line}");
        } else {
            let shown = crate::text::truncate(&crate::text::clean(text), 100).into_owned();
            let _ = writeln!(out, "{:>6}  {kind:<9} {id:<24} {shown}", hit.score);
        }
    }
    if !json {
        let _ = writeln!(out, "{}/{} matched", results.matched, results.total);
    }
    ExitCode::SUCCESS
}

/// `debate generate`.
pub fn generate(
    articles: usize,
    claims: usize,
    framings: usize,
    seed: u64,
    output: Option<&PathBuf>,
) -> ExitCode {
    write_out(
        output,
        &crate::generate::debate_toml(articles, claims, framings, seed),
    )
}

/// `debate export`.
pub fn export(
    file: Option<PathBuf>,
    format: crate::export::Format,
    framing: Option<&str>,
    output: Option<&PathBuf>,
) -> ExitCode {
    let (_, debate) = match load_or_report(file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let ids: Vec<&str> = debate.framings.iter().map(|f| f.id.as_str()).collect();
    let framing_ix = match framing
        .map(|id| position_of("framing", id, &ids))
        .transpose()
    {
        Ok(found) => found.and_then(|i| debate.framing_ixs().nth(i)),
        Err(message) => {
            eprintln!("error: {}", model::diagnostic::one_line(&message));
            return ExitCode::from(2);
        }
    };
    write_out(output, &crate::export::export(&debate, format, framing_ix))
}

/// `debate new`: refuses to overwrite an existing file unless `force`.
pub fn new(articles: &[PathBuf], output: Option<&PathBuf>, force: bool) -> ExitCode {
    if let Some(path) = output
        && path.exists()
        && !force
    {
        eprintln!(
            "error: '{}' exists; give another name, or --force to overwrite it",
            model::diagnostic::one_line(&path.display().to_string())
        );
        return ExitCode::from(1);
    }
    let mut sources = Vec::with_capacity(articles.len());
    for path in articles {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!(
                    "error: cannot read '{}': {e}",
                    model::diagnostic::one_line(&name)
                );
                return ExitCode::from(1);
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!(
                "error: '{}' is not UTF-8 text; save it as UTF-8",
                model::diagnostic::one_line(&name)
            );
            return ExitCode::from(1);
        };
        sources.push(crate::scaffold::read_article(&name, &text));
    }
    match crate::scaffold::new_debate(&sources) {
        Ok((text, debate)) => {
            let code = write_out(output, &text);
            if code == ExitCode::SUCCESS && output.is_some() {
                eprintln!(
                    "wrote a new debate: {}; next, fill in the TODOs and run `debate check`",
                    debate.summary()
                );
            }
            code
        }
        Err(failure) => {
            // The articles made a file that does not check: say what, rather than write it.
            report(&failure);
            ExitCode::from(1)
        }
    }
}

/// `debate check`: one summary line per good file on stdout, errors on stderr.
pub fn check(files: Vec<PathBuf>) -> ExitCode {
    let origins: Vec<Origin> = if files.is_empty() {
        vec![Origin::Embedded]
    } else {
        files.into_iter().map(Origin::File).collect()
    };
    let mut ok = true;
    let mut out = std::io::stdout().lock();
    for origin in origins {
        match origin.load() {
            Ok(debate) => {
                let _ = writeln!(
                    out,
                    "{}: ok: {}",
                    model::diagnostic::one_line(&origin.name()),
                    debate.summary()
                );
            }
            Err(failure) => {
                ok = false;
                let _ = out.flush();
                report(&failure);
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_line_names_the_stage_and_how_far() {
        let p = Progress::default();
        assert_eq!(progress_line("big.toml", &p), "Loading big.toml: reading…");
        p.set_stage(Stage::Parsing);
        p.set_total(82_000_000);
        p.add_parsed(37_000_000);
        assert_eq!(
            progress_line("big.toml", &p),
            "Loading big.toml: parsing 45% (37 of 82 MB)"
        );
        p.set_stage(Stage::Checking);
        assert_eq!(
            progress_line("big.toml", &p),
            "Loading big.toml: checking ids, links and quotes…"
        );
    }
}
