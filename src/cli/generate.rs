//! `debate generate`: a synthetic debate of any size, for measuring.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::write_out;

pub(super) fn run(
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
