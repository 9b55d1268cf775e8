//! Properties that must hold for any input whatsoever, checked by the fuzz targets and by the
//! ordinary tests that replay their corpora. Each function panics when a property fails.

use crate::model::{self, Debate};

/// Loading arbitrary bytes: never a panic; errors point inside the file and render with no raw
/// control character; a debate that loads has every anchor inside its article's text.
///
/// # Panics
/// When one of those properties fails: that is what a fuzzer looks for.
pub fn load_bytes(bytes: &[u8]) {
    match model::load_bytes("fuzz.toml", bytes) {
        Ok(debate) => check_debate(&debate),
        Err(failure) => {
            for d in &failure.diagnostics {
                if let Some(label) = &d.primary {
                    assert!(
                        label.span.start <= failure.source.len(),
                        "span past the end: {d:?}"
                    );
                }
            }
            let rendered = failure.render(false);
            assert!(
                !rendered.chars().any(|c| c.is_control() && c != '\n'),
                "raw control character in: {rendered:?}"
            );
            let _ = failure.short_lines();
        }
    }
}

fn check_debate(debate: &Debate) {
    assert!(debate.framings.len() >= 2 && !debate.articles.is_empty());
    for claim in &debate.claims {
        let article = debate.article(claim.article);
        let block = &article.doc.blocks[claim.anchor.block];
        assert!(
            block.text.get(claim.anchor.range.clone()).is_some(),
            "anchor off a char boundary"
        );
    }
}
