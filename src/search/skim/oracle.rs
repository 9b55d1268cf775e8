//! The crate as the oracle: every engine's score of a text compared with a fresh
//! `SkimMatcherV2`'s, for the differential fuzz target and the replay of its corpus.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Engine, FirstMatches, Pattern, Scorer, Signature};

/// Whether every engine scores `text` as fuzzy-matcher does, with and without the first
/// matches handed over and above a bar; the first disagreement, described, otherwise.
pub fn compare_with_crate(text: &str, query: &str) -> Result<(), String> {
    let truth = SkimMatcherV2::default()
        .smart_case()
        .fuzzy_match(text, query);
    let pattern = Pattern::new(query);
    let mut first = FirstMatches::default();
    if first.find(text, &pattern) != truth.is_some() {
        return Err(format!("find disagrees on {text:?} / {query:?}"));
    }
    let signature = Signature::of(text);
    for engine in Engine::ALL {
        let mut scorer = Scorer::with_engine(engine);
        let results = [
            ("score", scorer.score(text, &pattern)),
            ("score_from", scorer.score_from(text, &pattern, &first)),
            (
                "score_above",
                scorer.score_above(
                    text,
                    &pattern,
                    truth.map_or(0, |s| s - 1),
                    (&signature, pattern.bound(&signature)),
                    Some(&first),
                ),
            ),
        ];
        for (how, score) in results {
            if score != truth {
                return Err(format!(
                    "{engine:?} {how}: {score:?}, the crate {truth:?}, on {text:?} / {query:?}"
                ));
            }
        }
        if let Some(score) = truth
            && score > pattern.bound(&signature)
        {
            return Err(format!("{score} above the bound on {text:?} / {query:?}"));
        }
    }
    Ok(())
}
