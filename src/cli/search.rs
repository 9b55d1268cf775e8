//! `debate search`: the reader's search engine on the command line, as text or JSON lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::load::load_or_report;

/// `debate search`: ranked results, as text or JSON lines.
pub(super) fn run(
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
                    Field::Note(_) => "note",
                },
                debate.claim(claim).id.clone(),
            ),
            Target::Thesis { framing } => ("thesis", debate.framing(framing).id.clone()),
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
