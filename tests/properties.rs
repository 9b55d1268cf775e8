//! Property tests with generated text (CJK, emoji and ZWJ sequences, flags, combining marks,
//! right-to-left text, tabs, escape sequences, 300-character words) and random resize
//! sequences: every screen keeps the render properties; wrapping and search highlights keep
//! theirs. Failing cases proptest finds are kept in `proptest-regressions/`.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::search::skim::{Engine, FirstMatches, Pattern, Scorer, Signature, letters_of};
use debate::testing::invariants::{debate_with, render_everywhere, search_text};
use debate::text;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces of text that have broken terminal programs before.
const ATOMS: &[&str] = &[
    "a",
    "word",
    " ",
    "  ",
    ".",
    ",",
    "—",
    "漢",
    "字",
    "Ｈ",
    "🌞",
    "👨‍👩‍👧‍👦",
    "👨‍🦰",
    "🇺🇸",
    "⌨️",
    "⁉️",
    "e\u{301}",
    "\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2066}",
    "שלום",
    "مرحبا",
    "\t",
    "\n",
    "\r",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\0",
    "\u{7f}",
    "\u{85}",
    "ｶﾞ",
    "ﾟ",
    "*emph*",
    "**",
    "# ",
    "> ",
    "- ",
    "1. ",
    "`code`",
    "[link](x)",
    "&amp;",
    "<b>",
];

fn soup() -> impl Strategy<Value = String> {
    let atom = prop::sample::select(ATOMS).prop_map(str::to_owned);
    let long_word = "[a-z]{300}".prop_map(|s| s);
    let piece = prop_oneof![8 => atom, 1 => long_word, 1 => any::<String>()];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn sizes() -> impl Strategy<Value = Vec<(u16, u16)>> {
    let size = prop_oneof![
        4 => (0u16..=12, 0u16..=8),
        1 => (13u16..=220, 9u16..=70),
    ];
    prop::collection::vec(size, 1..=5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_view_survives_any_text_and_resize_sequence(text in soup(), resizes in sizes()) {
        render_everywhere(&debate_with(&text), &text, &resizes, &format!("{text:?}"));
    }

    #[test]
    fn wrapped_lines_fit_and_keep_graphemes_whole(text in soup(), width in 1usize..60) {
        let clean = text::clean_multiline(&text);
        for range in text::wrap(&clean, width) {
            let line = &clean[range.clone()];
            let visible = line.graphemes(true).filter(|g| text::width(g) > 0).count();
            // A line is never wider than asked, except a single grapheme wider than the line
            // (zero-width ones may ride along with it).
            prop_assert!(text::width(line) <= width || visible == 1, "{line:?} at {width}");
            // A line boundary never splits a grapheme.
            for at in [range.start, range.end] {
                let split = clean
                    .grapheme_indices(true)
                    .find(|(i, g)| *i < at && at < i + g.len());
                prop_assert!(split.is_none(), "split {split:?} at {at} in {line:?}");
            }
        }
    }

    #[test]
    fn search_highlights_stay_on_char_boundaries(query in soup(), haystack in soup()) {
        search_text(&query, &haystack);
    }
}

/// Text where fuzzy scores are interesting: separators of every class, capitals, digits,
/// repeated letters, and some non-ASCII.
fn scoring_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => "[abtT]{1,4}",
        2 => prop::sample::select(&[" ", "-", ".", "/", "_", "(", ":", "0", "9", "Ab", "aB"][..])
            .prop_map(str::to_owned),
        1 => prop::sample::select(&["漢", "é", "ｶﾞ", "🌞", "\u{301}", "ß"][..]).prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn scoring_query() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[abtT -]{1,6}",
        // Long ASCII queries: one or two registers of lanes, and beyond (more than 16).
        2 => "[abtT -]{7,18}",
        1 => "[abtT漢é.]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(4).collect()),
    ]
}

/// The score a fresh fuzzy-matcher gives (a matcher reused across texts can score
/// differently: see `search::skim`'s tests).
fn crate_score(text: &str, query: &str) -> Option<i64> {
    SkimMatcherV2::default()
        .smart_case()
        .fuzzy_match(text, query)
}

/// Our scorer, forced onto `engine`, gives the crate's score for every text, fresh, after
/// [`FirstMatches::find`], and when asked only for scores above a bar; the score never
/// exceeds the pattern's bound.
fn agrees(engine: Engine, texts: &[String], query: &str) -> Result<(), TestCaseError> {
    let pattern = Pattern::new(query);
    let mut ours = Scorer::with_engine(engine);
    let mut first = FirstMatches::default();
    for text in texts {
        let fresh = crate_score(text, query);
        prop_assert_eq!(
            ours.score(text, &pattern),
            fresh,
            "{:?}: {:?} / {:?}",
            engine,
            text,
            query
        );
        prop_assert_eq!(
            Scorer::is_match(text, &pattern),
            fresh.is_some(),
            "{:?} / {:?}",
            text,
            query
        );
        // Scoring with the first matches `find` handed over starts from there.
        prop_assert_eq!(
            first.find(text, &pattern),
            fresh.is_some(),
            "{:?} / {:?}",
            text,
            query
        );
        if fresh.is_some() {
            prop_assert_eq!(
                ours.score_from(text, &pattern, &first),
                fresh,
                "{:?} after find, {:?} / {:?}",
                engine,
                text,
                query
            );
        }
        // Scoring that gives up below a bar gives the same score above it, and nothing
        // at or below it.
        let signature = Signature::of(text);
        for bar in [-100, 0, 40, 80, 120]
            .into_iter()
            .chain(fresh.map(|s| s - 1))
            .chain(fresh)
        {
            prop_assert_eq!(
                ours.score_above(
                    text,
                    &pattern,
                    bar,
                    (&signature, pattern.bound(&signature)),
                    Some(&first)
                ),
                fresh.filter(|&s| s > bar),
                "{:?}: {:?} / {:?} above {}",
                engine,
                text,
                query,
                bar
            );
        }
        if let Some(score) = fresh {
            let bound = pattern.bound(&signature);
            prop_assert!(
                score <= bound,
                "{:?} / {:?} scores {} above its bound {}",
                text,
                query,
                score,
                bound
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// The search engine's scorer gives exactly fuzzy-matcher's SkimMatcherV2 score, as a fresh
    /// matcher computes it, whichever engine scores.
    #[test]
    fn our_scorer_is_fuzzy_matchers_score(texts in prop::collection::vec(scoring_text(), 1..8), query in scoring_query()) {
        for engine in Engine::ALL {
            agrees(engine, &texts, &query)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Around the longest text the scorer's 16-bit lanes take (8,192 bytes), where gaps cost
    /// the most and the scalar loop takes over.
    #[test]
    fn our_scorer_agrees_on_long_texts(text in "[abtT -]{7900,8500}", query in "[abtT -]{1,16}") {
        for engine in Engine::ALL {
            agrees(engine, std::slice::from_ref(&text), &query)?;
        }
    }
}

/// A text whose scored window is longer than the sparse engines take (16,384 chars), so that
/// the full matrix scores it: a scoring text repeated past that length, with a random end.
fn over_sparse_text() -> impl Strategy<Value = String> {
    (scoring_text(), "[abtT -]{1,40}", scoring_text()).prop_map(|(start, unit, end)| {
        let mut text = start;
        while text.chars().count() <= 16_500 {
            text.push_str(&unit);
        }
        text.push_str(&end);
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Past 16,384 chars only the full matrix reproduces the crate (its "minus infinity" mixes
    /// with real scores there): `Auto` must pick it, and it must agree.
    #[test]
    fn our_full_matrix_agrees_past_the_sparse_window(text in over_sparse_text(), query in scoring_query()) {
        for engine in [Engine::Auto, Engine::Matrix] {
            agrees(engine, std::slice::from_ref(&text), &query)?;
        }
    }
}

/// Words over a few letters in both cases, between every kind of character the crate's
/// bonuses depend on: where the signature bound's rules (word starts, breaks, humps, word ends,
/// one-letter words, pairs at a word start, the first character) are all exercised.
fn signature_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => "[acestACEST]{1,5}",
        3 => prop::sample::select(&[" ", "  ", "-", ".", "/", "_", "(", ":", "0", "\0", "\t"][..])
            .prop_map(str::to_owned),
        1 => prop::sample::select(&["漢", "é", "É", "ß", "\u{301}"][..]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    /// The bound from a text's signature is never below the crate's score, so a text skipped
    /// on it could never have been among the results; and a text the crate matches holds every
    /// letter of the query (the signature's test before any text is read).
    #[test]
    fn the_signature_bound_is_never_below_the_crates_score(
        (text, query) in signature_text().prop_flat_map(|text| {
            // Mostly letters the text holds, in its order, so that most queries match.
            let letters: Vec<char> = text.chars().filter(char::is_ascii_alphabetic).collect();
            let query = if letters.is_empty() {
                "[acest]{1,7}".boxed()
            } else {
                let most = letters.len().min(7);
                let picked = prop::sample::subsequence(letters, 1..=most)
                    .prop_map(|l| l.iter().map(char::to_ascii_lowercase).collect::<String>());
                prop_oneof![3 => picked, 1 => "[acest]{1,7}"].boxed()
            };
            (Just(text), query)
        }),
    ) {
        let signature = Signature::of(&text);
        let pattern = Pattern::new(&query);
        if let Some(score) = crate_score(&text, &query) {
            let bound = pattern.bound(&signature);
            prop_assert!(score <= bound, "{:?} / {:?} scores {} above its bound {}", text, query, score, bound);
            let letters = letters_of(&query);
            prop_assert_eq!(signature.letters() & letters, letters, "{:?} / {:?}", text, query);
            // Scoring against a bar just below the score, or at it, where the windows decide
            // (`skim::window`): the score, and nothing.
            let mut scorer = Scorer::default();
            for (bar, expected) in [(score - 1, Some(score)), (score, None)] {
                prop_assert_eq!(
                    scorer.score_above(&text, &pattern, bar, (&signature, bound), None),
                    expected,
                    "{:?} / {:?} above {}", text, query, bar
                );
            }
        }
    }
}

/// Queries made of fzf's operators, escapes, bars and text.
fn operator_query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(&[
            "'", "^", "$", "!", "|", " ", "  ", "\\ ", "\\", "!'", "!^", "^$", "''", " | ",
        ][..]).prop_map(str::to_owned),
        4 => "[abtT漢é.-]{1,4}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Parsing never panics, no term is empty, and searching with any query does not panic
    /// and keeps its highlights inside the texts.
    #[test]
    fn any_query_parses_and_searches(query in operator_query(), text in soup()) {
        let parsed = debate::search::query::parse(&query);
        prop_assert!(parsed.groups.iter().flatten().all(|t| !t.text.is_empty()), "{:?}", parsed);
        let d = debate_with(&text);
        let results = debate::search::Index::new(&d).search(&d, &query, 50);
        for hit in &results.hits {
            let target = debate::search::target_text(&d, hit.target);
            let chars = target.chars().count();
            prop_assert!(hit.indices.iter().all(|&i| i < chars), "{:?} in {:?}", hit, target);
        }
    }

    /// A query without operators (one term: no space, no leading `'`, `^`, `!`, no trailing
    /// `$`) finds what fuzzy-matcher finds in each text, scored and highlighted as the crate
    /// does: exactly as before the query language, quote marks folded (’ « » … as ' and ",
    /// char for char) in the query and the texts alike.
    #[test]
    fn a_query_without_operators_is_fuzzy_matchers(query in "[abtTxé漢.-]{1,8}", text in scoring_text()) {
        let fold = |s: &str| s.chars().map(debate::model::quote::fold).collect::<String>();
        let d = debate_with(&format!("{text} tab {text}"));
        let results = debate::search::Index::new(&d).search(&d, &query, 500);
        let matcher = SkimMatcherV2::default().smart_case();
        let query = fold(&query);
        for hit in &results.hits {
            let target = fold(&debate::search::target_text(&d, hit.target));
            // Scores as `fuzzy_match`, positions as `fuzzy_indices` (whose own score can differ).
            let score = SkimMatcherV2::default().smart_case().fuzzy_match(&target, &query);
            let indices = SkimMatcherV2::default().smart_case().fuzzy_indices(&target, &query).map(|(_, i)| i);
            prop_assert_eq!(Some(hit.score), score, "{:?} in {:?}", query, target);
            prop_assert_eq!(Some(hit.indices.clone()), indices, "{:?} in {:?}", query, target);
        }
        // Every claim text the crate matches is found (the claim once).
        let found: std::collections::HashSet<_> = results.hits.iter().filter_map(|h| h.target.claim()).collect();
        for claim in d.claim_ixs() {
            let c = d.claim(claim);
            let tags = c.tags.join(" ");
            if [c.summary.as_str(), c.quote.as_str(), tags.as_str()].iter().any(|t| matcher.fuzzy_match(&fold(t), &query).is_some()) {
                prop_assert!(found.contains(&claim), "{:?} misses claim {:?}", query, c.id);
            }
        }
    }
}
