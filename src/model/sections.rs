//! Where each top-level `[[framings]]`, `[[articles]]` and `[[claims]]` section of a debate
//! file starts, without parsing it: the scan follows only strings and comments, the things
//! that could hide a header line. The chunked loader parses a large file a section at a time
//! from it; the editor changes a file one claim section at a time.

/// The lists a top-level section header can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Framing,
    Article,
    Claim,
}

impl Kind {
    const ALL: [(&'static str, Self); 3] = [
        ("framings", Self::Framing),
        ("articles", Self::Article),
        ("claims", Self::Claim),
    ];

    /// The list a top-level key names, if it is one of them.
    pub(crate) fn named(list: &str) -> Option<Self> {
        Self::ALL.iter().find(|(n, _)| *n == list).map(|&(_, k)| k)
    }
}

/// Where each top-level list header line starts, with its list; `None` if a string never ends.
pub(crate) fn scan(src: &str) -> Option<Vec<(usize, Kind)>> {
    let b = src.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        if line_start {
            line_start = false;
            let begin = i;
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            if let Some(kind) = b[i..].strip_prefix(b"[[").and_then(list_header) {
                starts.push((begin, kind));
            }
            continue;
        }
        i = match b[i] {
            b'\n' => {
                line_start = true;
                i + 1
            }
            b'#' => memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n),
            b'"' if b[i..].starts_with(b"\"\"\"") => after_multiline_basic(b, i + 3)?,
            b'\'' if b[i..].starts_with(b"'''") => {
                let at = i + 3 + memchr::memmem::find(b.get(i + 3..)?, b"'''")?;
                after_closing_quotes(b, at, b'\'')
            }
            quote @ (b'"' | b'\'') => {
                let mut j = i + 1;
                while j < b.len() && b[j] != quote && b[j] != b'\n' {
                    j += if quote == b'"' && b[j] == b'\\' { 2 } else { 1 };
                }
                (j + usize::from(j < b.len() && b[j] == quote)).min(b.len())
            }
            _ => i + 1,
        };
    }
    Some(starts)
}

/// Past the `"""` that ends a multi-line basic string whose body starts at `i`.
fn after_multiline_basic(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        let at = i + memchr::memchr2(b'\\', b'"', b.get(i..)?)?;
        if b[at] == b'\\' {
            i = at + 2;
        } else if b[at..].starts_with(b"\"\"\"") {
            return Some(after_closing_quotes(b, at, b'"'));
        } else {
            i = at + 1;
        }
    }
}

/// Up to two more quotes after a closing triple belong to the string.
fn after_closing_quotes(b: &[u8], at: usize, quote: u8) -> usize {
    let mut i = at + 3;
    while i < b.len() && b[i] == quote && i < at + 5 {
        i += 1;
    }
    i
}

/// After `[[`: one of the lists, then `]]`, with optional blanks.
fn list_header(rest: &[u8]) -> Option<Kind> {
    let blanks = |s: &[u8]| s.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    let mut at = blanks(rest);
    let &(name, kind) = Kind::ALL
        .iter()
        .find(|(n, _)| rest[at..].starts_with(n.as_bytes()))?;
    at += name.len();
    at += blanks(&rest[at..]);
    rest[at..].starts_with(b"]]").then_some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_inside_strings_and_comments_are_not_sections() {
        let src = "title = \"t\" # [[claims]]\n[[framings]]\nthesis = \"\"\"\n[[claims]]\n\\\"\"\"\"\nx = '''\n[[articles]]\n'''\ny = \"[[claims]]\"\n  [[ claims ]]  \n[[claims.links]]\n[[claimsx]]\n";
        let found = scan(src).expect("scans");
        let lines: Vec<(&str, Kind)> = found
            .iter()
            .map(|&(s, k)| (src[s..].lines().next().unwrap_or(""), k))
            .collect();
        assert_eq!(
            lines,
            [
                ("[[framings]]", Kind::Framing),
                ("  [[ claims ]]  ", Kind::Claim)
            ]
        );
        assert_eq!(scan("a = '''\n[[claims]]\n"), None);
    }
}
