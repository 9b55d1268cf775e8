//! The command line: subcommands and their arguments (clap derive), each run by a module of
//! its own.
//!
//! Exit codes: 0 success; 1 a debate file has errors (or could not be read or written), and
//! for `check --strict` warnings too; 2 usage errors; 3 no usable terminal; 128+N ended by
//! signal N (SIGHUP 129, SIGINT 130, SIGTERM 143).

mod check;
mod completions;
mod config;
mod export;
mod generate;
mod load;
mod man;
mod markdown;
mod new;
mod notes;
mod output;
mod read;
mod render;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use export::ExportFormat;
pub use notes::NotesFormat;
pub use render::{RenderArgs, RenderFormat, RenderView, render_state};

#[derive(Debug, Parser)]
#[command(
    name = "debate",
    version,
    about = "Read articles and explore the debate between their framings, in the terminal",
    long_about = "Read articles and explore the debate between their framings, in the terminal.\n\n\
        With no FILE, opens the embedded DeepSeek debate."
)]
pub struct Cli {
    /// The debate file to open (TOML); the embedded debate when left out. Markdown or text
    /// files (.md, .txt) open in the reader as they are, one pane each.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Open at this article (its id).
    #[arg(long)]
    pub article: Option<String>,
    /// Open with this claim selected in its article (its id).
    #[arg(long)]
    pub claim: Option<String>,
    /// Open with this framing active (its id).
    #[arg(long)]
    pub framing: Option<String>,
    /// Open in this view.
    #[arg(long, value_enum)]
    pub view: Option<OpenView>,

    /// Start at the beginning, ignoring the saved place (bookmarks, verdicts and notes are
    /// kept; nothing is deleted).
    #[arg(long)]
    pub fresh: bool,

    // Written as `help` rather than a doc comment: the names are shown as they are typed.
    // Global: `debate config --config F` prints what F puts in effect, and `debate --config F
    // config` says the same.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help = "The config file to use instead of $DEBATE_CONFIG or $XDG_CONFIG_HOME/debate/config.toml"
    )]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The views the reader can open in (`--view`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OpenView {
    Reader,
    Claims,
    Debate,
    Compare,
}

impl From<OpenView> for crate::scenario::View {
    fn from(view: OpenView) -> Self {
        match view {
            OpenView::Reader => Self::Reader,
            OpenView::Claims => Self::Claims,
            OpenView::Debate => Self::Debate,
            OpenView::Compare => Self::Compare,
        }
    }
}

impl Cli {
    /// Where the reader opens, if the command line says: `None` keeps the saved place.
    pub fn place(&self) -> Option<crate::scenario::Scenario> {
        let said = self.article.is_some()
            || self.claim.is_some()
            || self.framing.is_some()
            || self.view.is_some();
        said.then(|| crate::scenario::Scenario {
            view: self.view.map_or(crate::scenario::View::Reader, Into::into),
            article: self.article.clone(),
            framing: self.framing.clone(),
            query: String::new(),
            claim: self.claim.clone(),
            size: (80, 24),
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check debate files and print a summary of each; errors and warnings go to stderr.
    ///
    /// Exit status: 0 when every file loads (warnings allowed), 1 when one has errors, or,
    /// with --strict, warnings.
    Check {
        /// Files to check; the embedded debate when none is given.
        files: Vec<PathBuf>,
        /// Treat warnings (placeholders left from `debate new`) as errors: exit 1.
        #[arg(long)]
        strict: bool,
    },
    /// Draw one screen of the reader without a terminal and print it (text or SVG).
    Render(RenderArgs),
    /// Write the debate as Markdown, JSON, a Graphviz argument map, Argdown or plain text.
    Export {
        /// The output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
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
    /// Start a debate file from Markdown or plain-text articles (YAML front matter read).
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
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man directory.
    Man,
    /// Print the configuration in effect as commented TOML, a file to start your own from;
    /// with --check, report the mistakes in a config file instead.
    ///
    /// Exit status with --check: 0 when the file is clean (or there is none), 1 when it has
    /// mistakes.
    Config {
        #[arg(
            long,
            help = "Report the file's mistakes (file:line:col) instead of printing the configuration"
        )]
        check: bool,
        #[arg(
            help = "The config file; by default $DEBATE_CONFIG, else $XDG_CONFIG_HOME/debate/config.toml"
        )]
        file: Option<PathBuf>,
    },
    /// Print your bookmarks, verdicts and notes on a debate (with each claim's summary and
    /// quote); entries whose claim or article is gone are listed as orphaned.
    Notes {
        /// The debate file; the embedded debate when left out.
        file: Option<PathBuf>,
        /// Markdown for reading, JSON for scripts.
        #[arg(long, value_enum, default_value_t = NotesFormat::Markdown)]
        format: NotesFormat,
    },
}

/// Runs the command the line names; the reader when it names none.
pub fn run(cli: Cli) -> ExitCode {
    let place = cli.place();
    // The reader's options with a subcommand are a mistake to say, not to ignore (clap's
    // `args_conflicts_with_subcommands` said it, but also refused the global `--config`).
    if let Some(command) = &cli.command
        && (place.is_some() || cli.fresh || !cli.files.is_empty())
    {
        let name = format!("{command:?}").to_lowercase();
        let name = name.split([' ', '(', '{']).next().unwrap_or_default();
        eprintln!(
            "error: FILE, --article, --claim, --framing, --view and --fresh open the reader; \
             they do not go with `debate {name}`"
        );
        return ExitCode::from(2);
    }
    match cli.command {
        Some(Command::Check { files, strict }) => check::run(files, strict),
        Some(Command::Render(args)) => render::run(&args),
        Some(Command::Export {
            format,
            framing,
            output,
            file,
        }) => export::run(file, format, framing.as_deref(), output.as_ref()),
        Some(Command::Search {
            query,
            file,
            limit,
            json,
            timings,
        }) => search::run(&query, file, limit, json, timings),
        Some(Command::Generate {
            articles,
            claims,
            framings,
            seed,
            output,
        }) => generate::run(articles, claims, framings, seed, output.as_ref()),
        Some(Command::New {
            articles,
            output,
            force,
        }) => new::run(&articles, output.as_ref(), force),
        Some(Command::Completions { shell }) => completions::run(shell),
        Some(Command::Man) => man::run(),
        Some(Command::Config { check, file }) => match (file, cli.config) {
            (Some(file), Some(flag)) if file != flag => {
                eprintln!(
                    "error: two config files named ('{}' and --config '{}'); name one",
                    file.display(),
                    flag.display()
                );
                ExitCode::from(2)
            }
            (file, flag) => config::run(file.or(flag).as_deref(), check),
        },
        Some(Command::Notes { file, format }) => notes::run(file, format),
        None => read::run(cli.files, cli.fresh, place.as_ref(), cli.config.as_deref()),
    }
}
