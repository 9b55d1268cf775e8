//! The lanes skip the columns whose byte matches no pattern character: on texts where most
//! bytes match none (prose against a short query, the common case), every engine still gives
//! fuzzy-matcher's score. `tests/properties.rs` draws texts mostly from the query's own
//! letters, where little is skipped; these draw runs of other bytes between them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;

use debate::search::skim::{Engine, FirstMatches, Pattern, Scorer};

/// A fresh matcher each time (a reused one can depend on what it matched before).
fn crate_score(text: &str, query: &str) -> Option<i64> {
    SkimMatcherV2::default()
        .smart_case()
        .fuzzy_match(text, query)
}

/// Runs of letters the queries never hold, separators of every class, and query letters.
fn sparse_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[xyzXYZ]{1,12}",
        3 => "[abtT]{1,3}",
        2 => prop::sample::select(&[" ", "-", ".", "/", "_", "(", ":", "0", "Ab", "aB"][..])
            .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn skipping_columns_keeps_the_crates_score(
        text in sparse_text(),
        query in prop_oneof!["[abtT -]{1,6}", "[abtT -]{7,16}"],
    ) {
        let pattern = Pattern::new(&query);
        let want = crate_score(&text, &query);
        for engine in Engine::ALL {
            let mut scorer = Scorer::with_engine(engine);
            prop_assert_eq!(scorer.score(&text, &pattern), want, "{:?}: {:?} / {:?}", engine, text, query);
            let mut first = FirstMatches::default();
            if first.find(&text, &pattern) {
                prop_assert_eq!(scorer.score_from(&text, &pattern, &first), want, "{:?}", engine);
            }
        }
    }
}

/// Chosen cases: runs of skipped bytes right after a match (the gap it opens), at the text's
/// start, before a row's first match, between every pair of pattern characters, to the end.
#[test]
fn skipped_runs_at_every_place() {
    let texts = [
        "xxxxab",
        "axxxxb",
        "a b",
        "a-xxxx-b",
        "xAxxBx",
        "axbxaxbxxxxxxb",
        "axxbxxcxxabc",
        "tXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXt",
        "ab",
        "x",
    ];
    for text in texts {
        for query in ["ab", "a", "b", "abc", "ab b", "tt", "AB", "aXb", "a c"] {
            let pattern = Pattern::new(query);
            let mut scorer = Scorer::with_engine(Engine::Lanes);
            assert_eq!(
                scorer.score(text, &pattern),
                crate_score(text, query),
                "{text:?} / {query:?}"
            );
        }
    }
}
