//! Entry point: parse the command line and hand over to the command it names.

use std::process::ExitCode;

use clap::Parser;
use debate::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => cli::check(files),
        Some(Command::Render(args)) => cli::render(&args),
        Some(Command::Export {
            format,
            framing,
            output,
            file,
        }) => cli::export(file, format, framing.as_deref(), output.as_ref()),
        Some(Command::Search {
            query,
            file,
            limit,
            json,
            timings,
        }) => cli::search(&query, file, limit, json, timings),
        Some(Command::Generate {
            articles,
            claims,
            framings,
            seed,
            output,
        }) => cli::generate(articles, claims, framings, seed, output.as_ref()),
        Some(Command::New {
            articles,
            output,
            force,
        }) => cli::new(&articles, output.as_ref(), force),
        None => cli::read(cli.file),
    }
}
