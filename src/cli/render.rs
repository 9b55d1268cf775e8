//! `debate render`: one screen of the reader drawn without a terminal, as text or SVG. The
//! arguments map onto a [`Scenario`]; the state is built by `scenario`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::load::load_or_report;
use crate::model::{self, Debate};
use crate::scenario::{self, Scenario, View};
use crate::state::State;

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

impl From<RenderView> for View {
    fn from(view: RenderView) -> Self {
        match view {
            RenderView::Reader => Self::Reader,
            RenderView::Claims => Self::Claims,
            RenderView::Debate => Self::Debate,
            RenderView::Compare => Self::Compare,
            RenderView::Search => Self::Search,
            RenderView::Help => Self::Help,
            RenderView::Detail => Self::Detail,
        }
    }
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

impl RenderArgs {
    /// The scenario these arguments describe.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            view: self.view.into(),
            article: self.article.clone(),
            framing: self.framing.clone(),
            query: self.query.clone(),
            claim: self.claim.clone(),
            size: self.size,
        }
    }
}

/// The state `debate render` draws for these arguments (the tests build screens this way).
pub fn render_state(debate: Debate, name: &str, args: &RenderArgs) -> Result<State, String> {
    scenario::build(debate, name, &args.scenario())
}

/// `debate render`: one screen to stdout.
pub(super) fn run(args: &RenderArgs) -> ExitCode {
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
