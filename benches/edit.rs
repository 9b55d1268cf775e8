//! Saving one claim edit into a large debate file (`debate generate`'s generator: 80,000
//! claims, about 65 MB), everything a save does included: reading the file back to check for
//! someone else's edit, splicing, validating the edited window, writing a temporary file,
//! fsync, rename; and a refused edit as the reader reports it. Run with
//! `cargo bench --bench edit`.

#![allow(clippy::unwrap_used)]

use std::fs;

use criterion::{Criterion, criterion_group, criterion_main};
use debate::edit::{ClaimDraft, Edit, Editor, StanceDraft};
use debate::model::{LinkKind, StanceKind};

const CLAIMS: usize = 80_000;

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.toml");
    fs::write(
        &path,
        debate::testing::generate::debate_toml(CLAIMS / 100, CLAIMS, 3, 1),
    )
    .unwrap();
    let (mut editor, debate) = Editor::open(&path).unwrap();
    // A claim in the middle of the file, so that the splice copies both halves.
    let claim = &debate.claims[CLAIMS / 2];
    let mut draft = ClaimDraft {
        id: claim.id.clone(),
        article: debate.article(claim.article).id.clone(),
        quote: claim.quote.clone(),
        summary: claim.summary.clone(),
        tags: claim.tags.iter().map(ToString::to_string).collect(),
        stances: debate
            .framing_ixs()
            .filter_map(|f| {
                let s = claim.stance(f)?;
                Some(StanceDraft {
                    framing: debate.framing(f).id.clone(),
                    kind: s.kind,
                    note: s.note.as_deref().map(str::to_owned),
                })
            })
            .collect(),
    };
    let other = debate.claims[CLAIMS / 3].id.clone();
    drop(debate);
    println!("file: {} bytes", fs::metadata(&path).unwrap().len());

    let mut group = c.benchmark_group(format!("edit/{CLAIMS}-claims"));
    group.sample_size(10);
    let mut n = 0u64;
    group.bench_function("update a claim's summary and stance", |b| {
        b.iter(|| {
            n += 1;
            draft.summary = format!("Edited summary number {n}.");
            draft.stances[0].kind = if n.is_multiple_of(2) {
                StanceKind::Supports
            } else {
                StanceKind::Neutral
            };
            editor
                .apply(&Edit::UpdateClaim {
                    id: draft.id.clone(),
                    draft: draft.clone(),
                })
                .unwrap();
        });
    });
    group.bench_function("add a link, then undo it (two saves)", |b| {
        b.iter(|| {
            editor
                .apply(&Edit::AddLink {
                    from: draft.id.clone(),
                    to: other.clone(),
                    kind: LinkKind::Attacks,
                })
                .unwrap();
            editor.undo().unwrap();
        });
    });
    // What the reader does with a quote the article does not have: the engine refuses it, and
    // the saver maps the problem to the form's quote field (a scan of the text both ways).
    let mut saver = debate::annotate::Saver::for_file(path.clone());
    let mut bad = draft.clone();
    bad.quote = "words the article never says".into();
    let refused = debate::effect::Effect::Save(Edit::UpdateClaim {
        id: draft.id.clone(),
        draft: bad,
    });
    group.bench_function("refuse a bad quote, mapped to its field", |b| {
        b.iter(|| {
            let done = saver.perform(&refused).unwrap();
            assert!(matches!(
                done,
                debate::action::Action::SaveDone(debate::annotate::SaveReport::Invalid(_))
            ));
        });
    });
    group.finish();
    // The file still loads after all those saves.
    debate::model::load_path(&path).unwrap();
}

criterion_group!(benches, save);
criterion_main!(benches);
