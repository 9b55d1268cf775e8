//! Large files parsed an item at a time: each `[[framings]]`, `[[articles]]` and `[[claims]]`
//! section is parsed on its own, on two threads, and turned into its item at once.
//!
//! toml's parser keeps the whole file's tokens and tables in memory, about 15 times the file;
//! here only a batch of sections is parsed at a time, so a load peaks near the size of the
//! result. Only for files that load cleanly: any error, or anything this splitting cannot be
//! sure of, returns `None`, and the whole-file path reports it with positions in the file.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Head, Raws, Validator, shape};
use crate::model::Debate;
use crate::model::progress::{Progress, Stage};
use crate::model::sections::{self, Kind};

/// Smaller files gain nothing from splitting.
pub const MIN_BYTES: usize = 1 << 20;

/// Sections are parsed in batches of about this many bytes. A batch's parse tree takes about
/// fifteen times its text; smaller batches keep that down in the parsing thread, whose freed
/// memory the allocator keeps for that thread (256 KiB batches: 4 MB more at the peak for a
/// 49 MB file, at the same speed).
const BATCH_BYTES: usize = 64 << 10;

/// The debate, if the file splits cleanly into sections and loads without a single error.
pub fn debate(src: &str, progress: &Progress) -> Option<Debate> {
    let starts = section_starts(src)?;
    let prefix_end = starts.first().copied().unwrap_or(src.len());
    let mut v = Validator::default();
    let (root, errors) = DeTable::parse_recoverable(&src[..prefix_end]);
    if !errors.is_empty() {
        return None;
    }
    let items = v.walk_top(root.into_inner());
    // Lists begun before the first section would have to merge with the sections' lists.
    let clean = items.framings.is_empty()
        && items.articles.is_empty()
        && items.claims.is_empty()
        && v.diagnostics.is_empty();
    if !clean {
        return None;
    }
    let head = Head {
        title: items.title,
        title_span: items.title_span,
        description: items.description,
        framings_span: None,
        articles_span: None,
    };
    let batches = batches(src, &starts);
    let (left, right) = batches.split_at(batches.len() / 2);
    let (raws, right) = std::thread::scope(|scope| {
        let other = scope.spawn(|| parse_batches(src, right, progress));
        (
            parse_batches(src, left, progress),
            other.join().ok().flatten(),
        )
    });
    let (mut raws, right) = (raws?, right?);
    raws.framing_count += right.framing_count;
    raws.article_count += right.article_count;
    raws.framings.extend(right.framings);
    raws.articles.extend(right.articles);
    raws.claims.extend(right.claims);
    progress.add_parsed(prefix_end);
    progress.set_stage(Stage::Checking);
    v.finish(head, raws).ok()
}

/// Byte ranges of the batches: consecutive sections, each batch at least `BATCH_BYTES` long.
fn batches(src: &str, starts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(&(mut from)) = starts.first() else {
        return out;
    };
    for &at in &starts[1..] {
        if at - from >= BATCH_BYTES {
            out.push(from..at);
            from = at;
        }
    }
    out.push(from..src.len());
    out
}

/// Parses batches in order into their items; `None` at the first error of any kind.
fn parse_batches<'a>(
    src: &'a str,
    batches: &[Range<usize>],
    progress: &Progress,
) -> Option<Raws<'a>> {
    let mut raws = Raws::default();
    let mut v = Validator::default();
    for range in batches {
        let (root, errors) = DeTable::parse_recoverable(src.get(range.clone())?);
        if !errors.is_empty() {
            return None;
        }
        for (key, value) in root.into_inner() {
            let list = key.get_ref().as_ref();
            let kind = Kind::named(list)?;
            if !matches!(value.get_ref(), DeValue::Array(_)) {
                return None;
            }
            let tables = v.table_list(list, value);
            match kind {
                Kind::Framing => {
                    raws.framing_count += tables.len();
                    raws.framings
                        .extend(v.items("framing", tables, shape::FRAMING));
                }
                Kind::Article => {
                    raws.article_count += tables.len();
                    raws.articles
                        .extend(v.items("article", tables, shape::ARTICLE));
                }
                Kind::Claim => raws.claims.extend(v.items("claim", tables, shape::CLAIM)),
            }
        }
        if !v.diagnostics.is_empty() {
            return None;
        }
        progress.add_parsed(range.len());
    }
    Some(raws)
}

/// Where each top-level `[[framings]]`, `[[articles]]` or `[[claims]]` header line starts;
/// `None` if a string never ends.
fn section_starts(src: &str) -> Option<Vec<usize>> {
    Some(sections::scan(src)?.into_iter().map(|(at, _)| at).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(claims: usize) -> String {
        crate::generate::debate_toml(claims / 100, claims, 3, 3)
    }

    #[test]
    fn a_large_file_loads_the_same_in_sections_as_whole() {
        let src = generated(3_000);
        assert!(src.len() > MIN_BYTES);
        let sections = section_starts(&src).expect("splits");
        assert!(sections.len() > 3_000);
        let progress = Progress::default();
        let chunked = debate(&src, &progress).expect("loads in sections");
        assert_eq!(progress.parsed(), (src.len(), 0));
        let whole = super::super::whole(&src, &Progress::default()).expect("loads whole");
        assert_eq!(format!("{chunked:?}"), format!("{whole:?}"));
    }

    #[test]
    fn headers_inside_strings_and_comments_are_not_sections() {
        let src = r#"title = "t" # [[claims]]
[[framings]]
thesis = """
[[claims]]
\""""
x = '''
[[articles]]
'''
y = "[[claims]]"
  [[ claims ]]  
[[claims.links]]
[[claimsx]]
"#;
        let starts = section_starts(src).expect("splits");
        let lines: Vec<&str> = starts
            .iter()
            .map(|&s| src[s..].lines().next().unwrap_or(""))
            .collect();
        assert_eq!(lines, ["[[framings]]", "  [[ claims ]]  "]);
    }

    #[test]
    fn an_unterminated_string_is_left_to_the_whole_file_parser() {
        assert_eq!(section_starts("a = \"\"\"\n[[claims]]\n"), None);
        assert_eq!(section_starts("a = '''\n[[claims]]\n"), None);
    }

    #[test]
    fn a_large_file_with_an_error_reports_it_where_it_is() {
        let src = generated(3_000).replacen("article = \"", "article = \"nope-", 1);
        let at = src.find("nope-").expect("edited");
        let errors = super::super::debate(&src, &Progress::default()).expect_err("an error");
        assert!(debate(&src, &Progress::default()).is_none());
        let (line, _) = errors[0].line_col(&src).expect("located");
        assert_eq!(line, crate::model::diagnostic::line_col(&src, at).0);
    }
}
