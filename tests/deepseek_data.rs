//! The embedded debate (`data/deepseek.toml`): it loads, its quotes anchor, and it keeps the essays whole.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

use debate::model::{Debate, StanceKind, load_path};

fn embedded() -> Debate {
    Debate::embedded().unwrap_or_else(|f| panic!("{}", f.render(false)))
}

#[test]
fn shipped_file_equals_embedded_copy_and_loads() {
    let from_file = load_path("data/deepseek.toml".as_ref()).expect("data/deepseek.toml loads");
    let embedded = embedded();
    assert_eq!(from_file.claims.len(), embedded.claims.len());
    assert_eq!(from_file.summary(), embedded.summary());
}

#[test]
fn every_quote_anchors_to_its_own_words() {
    let debate = embedded();
    for claim in &debate.claims {
        let article = debate.article(claim.article);
        let block = &article.doc.blocks[claim.anchor.block];
        let anchored = &block.text[claim.anchor.range.clone()];
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(anchored), squash(&claim.quote), "claim {}", claim.id);
    }
}

/// Each non-empty line of a seed file is a paragraph, a heading, the title or the subtitle.
fn assert_seed_present(debate: &Debate, article_id: &str, seed: &str) {
    let article = debate
        .articles
        .iter()
        .find(|a| a.id == article_id)
        .expect("article");
    let lines: Vec<&str> = article.text.lines().collect();
    for paragraph in seed.lines().filter(|l| !l.trim().is_empty()) {
        let present = lines
            .iter()
            .any(|l| l.trim_start_matches('#').trim_start() == paragraph)
            || article.title.trim_end_matches('.') == paragraph.trim_end_matches('.')
            || article.subtitle.as_deref() == Some(paragraph)
            || lines.first().is_some_and(|l| l.starts_with(paragraph));
        assert!(present, "missing from '{article_id}': {paragraph}");
    }
}

#[test]
fn every_paragraph_of_both_seeds_is_present_verbatim() {
    let debate = embedded();
    assert_seed_present(
        &debate,
        "plot-twist",
        include_str!("fixtures/seeds/000_fbc3da4ed956a944.txt"),
    );
    assert_seed_present(
        &debate,
        "outlier",
        include_str!("fixtures/seeds/003_8ead5b04d8b50bd4.txt"),
    );
}

#[test]
fn second_essay_section_titles_are_headings() {
    let debate = embedded();
    let outlier = debate
        .articles
        .iter()
        .find(|a| a.id == "outlier")
        .expect("article");
    let headings: Vec<&str> = outlier
        .doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, debate::model::BlockKind::Heading(_)))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "An Outlier in China's Innovation Landscape",
            "1. Human capital",
            "2. Operating from the periphery",
            "3. Labor practices",
            "Technology Transfer vs. Indigenous Innovation: Where Does DeepSeek Fit?",
            "The exception or the rule?",
        ]
    );
}

#[test]
fn framings_claims_and_links_meet_the_brief() {
    let debate = embedded();
    let ids: Vec<&str> = debate.framings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tech-transfer",
            "indigenous-innovation",
            "sequential-progression"
        ]
    );
    assert!(debate.claims.len() >= 40, "{} claims", debate.claims.len());
    assert!(debate.links.len() >= 10, "{} links", debate.links.len());
    for framing in debate.framing_ixs().take(2) {
        let count = |kind| {
            debate
                .claims
                .iter()
                .filter(|c| c.stance(framing).is_some_and(|s| s.kind == kind))
                .count()
        };
        let name = &debate.framing(framing).id;
        assert!(
            count(StanceKind::Supports) >= 8,
            "{name} supported by {}",
            count(StanceKind::Supports)
        );
        assert!(
            count(StanceKind::Challenges) >= 4,
            "{name} challenged by {}",
            count(StanceKind::Challenges)
        );
    }
    for claim in &debate.claims {
        assert!(!claim.tags.is_empty(), "claim {} has no tags", claim.id);
        assert!(
            claim.stances.iter().any(Option::is_some),
            "claim {} has no stance",
            claim.id
        );
        for stance in claim.stances.iter().flatten() {
            assert!(
                stance.note.as_deref().is_some_and(|n| n.len() > 20),
                "claim {} lacks a note",
                claim.id
            );
        }
    }
}

#[test]
fn outlier_attacks_thriving() {
    let debate = embedded();
    let ix = |id: &str| {
        debate
            .claim_ixs()
            .find(|&c| debate.claim(c).id == id)
            .expect(id)
    };
    let outlier = ix("deepseek-outlier");
    let thriving = ix("takes-system-thriving");
    assert!(
        debate
            .links_from(outlier)
            .any(|l| l.to == thriving && l.kind == debate::model::LinkKind::Attacks)
    );
}

#[test]
fn every_arguing_paragraph_has_a_claim() {
    let debate = embedded();
    for article in debate.article_ixs() {
        let a = debate.article(article);
        for (i, block) in a.doc.blocks.iter().enumerate() {
            let is_paragraph = block.kind == debate::model::BlockKind::Paragraph;
            // The one paragraph that only asks the questions the section goes on to answer.
            let is_question = block
                .text
                .starts_with("This brings us to a larger question");
            if is_paragraph && !is_question {
                assert!(
                    a.claims.iter().any(|&c| debate.claim(c).anchor.block == i),
                    "no claim in paragraph {i} of {}: {}",
                    a.id,
                    block.text
                );
            }
        }
    }
}

fn claim_ix(debate: &Debate, id: &str) -> debate::model::ClaimIx {
    debate
        .claim_ixs()
        .find(|&c| debate.claim(c).id == id)
        .unwrap_or_else(|| panic!("no claim '{id}'"))
}

fn framing_ix(debate: &Debate, id: &str) -> debate::model::FramingIx {
    debate
        .framing_ixs()
        .find(|&f| debate.framing(f).id == id)
        .unwrap_or_else(|| panic!("no framing '{id}'"))
}

/// The claims each framing is deliberately silent on, and why: the claim does not bear on its
/// thesis. Every other claim carries a stance for every framing.
const NO_STANCE: &[(&str, &str, &str)] = &[
    (
        "durov-praises-competition",
        "sequential-progression",
        "an opinion about schooling; says nothing about the order of absorption and innovation",
    ),
    (
        "hires-humanities",
        "sequential-progression",
        "whom a firm hires is not a stage of the sequence",
    ),
    (
        "talent-goes-unnoticed",
        "tech-transfer",
        "how the mainstream sorts home-grown talent, not where know-how comes from",
    ),
    (
        "state-support-double-edged",
        "tech-transfer",
        "whether state support helps or hurts is not a channel of know-how",
    ),
    (
        "alibaba-crackdown",
        "tech-transfer",
        "regulation of a giant, not a channel of know-how",
    ),
    (
        "flies-under-radar",
        "tech-transfer",
        "political cover, not a channel of know-how",
    ),
    (
        "not-state-led",
        "tech-transfer",
        "who paid and who planned, not where the know-how came from",
    ),
    (
        "no-state-support",
        "tech-transfer",
        "who paid, not where the know-how came from",
    ),
    (
        "self-funded-periphery",
        "tech-transfer",
        "who paid, not where the know-how came from",
    ),
    (
        "founder-bankrolled",
        "tech-transfer",
        "who paid, not where the know-how came from",
    ),
    (
        "periphery-autonomy",
        "tech-transfer",
        "governance, not a channel of know-how",
    ),
    (
        "culture-996",
        "tech-transfer",
        "working hours and management, not a channel of know-how",
    ),
    (
        "avoided-rigid-structures",
        "tech-transfer",
        "management, not a channel of know-how",
    ),
    (
        "collaborative-culture",
        "tech-transfer",
        "workplace culture, not a channel of know-how",
    ),
    (
        "culture-outpaces-industry",
        "tech-transfer",
        "management explains outpacing rivals, not where the know-how came from",
    ),
    (
        "periphery-free-of-mainstream",
        "tech-transfer",
        "labour, hierarchy and state priorities, not channels of know-how",
    ),
    (
        "need-alternative-models",
        "tech-transfer",
        "a prescription for institutions, not a claim about channels of know-how",
    ),
];

#[test]
fn every_claim_has_a_stance_for_every_framing_it_bears_on() {
    let debate = embedded();
    for (claim, framing, reason) in NO_STANCE {
        assert!(!reason.is_empty());
        let c = debate.claim(claim_ix(&debate, claim));
        assert!(
            c.stance(framing_ix(&debate, framing)).is_none(),
            "{claim} now has a {framing} stance: take it off the NO_STANCE list"
        );
    }
    for claim in &debate.claims {
        for framing in debate.framing_ixs() {
            let id = &debate.framing(framing).id;
            let excused = NO_STANCE.iter().any(|&(c, f, _)| c == claim.id && f == id);
            assert!(
                excused || claim.stance(framing).is_some(),
                "claim {} has no stance for {id}",
                claim.id
            );
        }
    }
}

#[test]
fn every_framing_is_challenged_by_some_claim() {
    let debate = embedded();
    for framing in debate.framing_ixs() {
        assert!(
            debate.claims.iter().any(|c| c
                .stance(framing)
                .is_some_and(|s| s.kind == StanceKind::Challenges)),
            "nothing challenges {}",
            debate.framing(framing).id
        );
    }
}

#[test]
fn no_two_framings_share_a_note_on_a_claim() {
    let debate = embedded();
    for claim in &debate.claims {
        let notes: Vec<&str> = claim
            .stances
            .iter()
            .flatten()
            .filter_map(|s| s.note.as_deref())
            .collect();
        for (i, note) in notes.iter().enumerate() {
            assert!(
                !notes[i + 1..].contains(note),
                "claim {} gives two framings the note: {note}",
                claim.id
            );
        }
    }
}

#[test]
fn no_framing_writes_a_verdict_on_deepseek_into_its_thesis() {
    let debate = embedded();
    for framing in &debate.framings {
        assert!(
            !framing.thesis.contains("DeepSeek"),
            "{} thesis names DeepSeek",
            framing.id
        );
    }
    let indigenous = &debate
        .framing(framing_ix(&debate, "indigenous-innovation"))
        .thesis;
    assert!(indigenous.contains("weak form") && indigenous.contains("strong form"));
}

#[test]
fn the_links_of_issue_20_are_as_named() {
    use debate::model::LinkKind::{Attacks, Supports};
    let debate = embedded();
    let has = |from: &str, to: &str, kind| {
        let (from, to) = (claim_ix(&debate, from), claim_ix(&debate, to));
        debate
            .links_from(from)
            .any(|l| l.to == to && l.kind == kind)
    };
    let present = [
        (
            "competitive-despite-controls",
            "isolation-devastating",
            Attacks,
        ),
        ("graduates-14-fold", "all-local-team", Supports),
        ("top-universities", "all-local-team", Supports),
        ("ai-courses-boom", "all-local-team", Supports),
        ("all-local-team", "break-free", Supports),
        ("founder-bankrolled", "break-free", Supports),
        ("avoided-rigid-structures", "break-free", Supports),
        ("visa-limits-keep-talent", "best-minds-abroad", Attacks),
        ("any-chinese-firm-counts", "takes-system-thriving", Supports),
        (
            "system-maximizes-absorption",
            "isolation-devastating",
            Supports,
        ),
        (
            "innovation-without-transfer",
            "isolation-devastating",
            Attacks,
        ),
        ("ev-batteries-shift", "initial-restrictions-blow", Attacks),
    ];
    for (from, to, kind) in present {
        assert!(has(from, to, kind), "missing: {from} {kind:?} {to}");
    }
    let absent = [
        ("collaborative-culture", "culture-996", Attacks),
        (
            "local-talent-indigenous-capacity",
            "giants-lagged-genai",
            Attacks,
        ),
        (
            "isolation-devastating",
            "system-maximizes-absorption",
            Supports,
        ),
        (
            "innovation-without-transfer",
            "system-maximizes-absorption",
            Attacks,
        ),
    ];
    for (from, to, kind) in absent {
        assert!(
            !has(from, to, kind),
            "wrong link still there: {from} {kind:?} {to}"
        );
    }
}

#[test]
fn the_readings_issue_20_fixed_stay_fixed() {
    use StanceKind::{Challenges, Neutral, Supports};
    let debate = embedded();
    let kind = |claim: &str, framing: &str| {
        debate
            .claim(claim_ix(&debate, claim))
            .stance(framing_ix(&debate, framing))
            .map(|s| s.kind)
    };
    let (tt, ii, sp) = (
        "tech-transfer",
        "indigenous-innovation",
        "sequential-progression",
    );
    let readings = [
        ("innovation-without-transfer", sp, Challenges),
        ("any-chinese-firm-counts", ii, Supports),
        ("visa-limits-keep-talent", tt, Neutral),
        ("durov-praises-competition", tt, Neutral),
        ("takes-system-thriving", tt, Neutral),
        ("refine-not-invent", tt, Neutral),
        ("exam-focus", tt, Neutral),
        ("education-outpacing-us", tt, Neutral),
        ("education-outpacing-us", ii, Neutral),
        ("culture-996", ii, Neutral),
        ("all-technology-transferred", ii, Neutral),
        ("doomed-or-superpower", sp, Neutral),
        ("alibaba-crackdown", sp, Neutral),
        ("talent-pool-deeper", sp, Neutral),
        ("culture-996", sp, Neutral),
    ];
    for (claim, framing, expected) in readings {
        assert_eq!(
            kind(claim, framing),
            Some(expected),
            "{claim} under {framing}"
        );
    }
    // The self-funding claims read alike for the indigenous view.
    let funding = [
        "self-funded-periphery",
        "founder-bankrolled",
        "periphery-autonomy",
    ]
    .map(|c| kind(c, "indigenous-innovation"));
    assert!(funding.iter().all(|k| *k == funding[0]), "{funding:?}");
    assert!(kind("early-transfer-theory", "indigenous-innovation").is_some());
}

#[test]
fn quotes_carry_what_their_summaries_say() {
    let debate = embedded();
    let quote = |id: &str| debate.claim(claim_ix(&debate, id)).quote.as_str();
    assert!(quote("hires-humanities").contains("thinking outside the box"));
    assert!(quote("zhipu-poaches-veterans").ends_with("expertise from incumbents"));
    assert!(quote("false-dichotomy").starts_with("this contrasting perspective"));
    assert!(
        quote("no-state-support").starts_with("Unlike solar PV manufacturers, EV makers, or Zhipu")
    );
    let summary = |id: &str| debate.claim(claim_ix(&debate, id)).summary.as_str();
    assert!(summary("in-spite-of-system").contains("in many ways"));
    assert!(summary("equal-footing").contains("merely"));
    assert!(summary("takes-system-thriving").contains("evidence"));
    assert!(summary("all-technology-transferred").contains("virtually all"));
    assert!(summary("any-chinese-firm-counts").contains("concedes"));
    assert!(summary("restrictions-compel-innovation").starts_with("On the indigenous view"));
    assert!(summary("flies-under-radar").contains("So far"));
    assert!(summary("durov-praises-competition").contains("if the US doesn't rethink"));
}

#[test]
fn first_article_carries_its_headline_and_its_outlet() {
    let debate = embedded();
    let first = debate
        .articles
        .iter()
        .find(|a| a.id == "plot-twist")
        .expect("article");
    // The headline the URL's slug spells out, not the lede sentence.
    assert_eq!(
        first.title,
        "DeepSeek could signal a shift in China’s approach to tech education"
    );
    let slug: String = first
        .title
        .to_lowercase()
        .replace('’', "")
        .replace(' ', "-");
    assert!(first.url.as_deref().is_some_and(|u| u.ends_with(&slug)));
    assert_eq!(
        first.publication.as_deref(),
        Some("Enterprise (Egypt edition)")
    );
}
