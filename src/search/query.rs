//! fzf's extended-search syntax, parsed into terms.
//!
//! Terms are separated by spaces (`\ ` is a literal space) and all required, in any order; terms
//! joined by `|` form a group that matches when any of them does. Each term is fuzzy unless
//! it says otherwise:
//!
//! | term | matches a text that | kind |
//! | --- | --- | --- |
//! | `sbtrkt` | has s, b, t, r, k, t in order | fuzzy |
//! | `'wild` | contains `wild` | exact |
//! | `^music` | starts with `music` | prefix |
//! | `.mp3$` | ends with `.mp3` | suffix |
//! | `^music$` | is `music` | equal |
//! | `!fire` | does not contain `fire` | inverse exact |
//! | `!'fire` | does not fuzzy-match `fire` | inverse fuzzy |
//! | `!^music`, `!.mp3$` | does not start with `music`, does not end with `.mp3` | inverse prefix, suffix |
//!
//! As in fzf: an operator with nothing after it (`'`, `^`, `!`, `!'`, `^$`) is no term at all;
//! a lone `$` is the fuzzy term `$`; `|` joins only between two terms (a leading `|`, or one
//! after another `|`, is the fuzzy term `|`). Smart case, per term: a term with an ASCII
//! capital is case-sensitive, as fuzzy-matcher decides for its own queries; otherwise ASCII
//! letters match either case.

/// How a term matches a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    Equal,
}

/// One term of a query, its operators stripped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: Kind,
    /// `!`: the term matches the texts it would otherwise not.
    pub inverse: bool,
    pub text: String,
    pub case_sensitive: bool,
}

/// A query: every group must match; a group matches when one of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    /// The single fuzzy term a query without operators is: such a query ranks exactly as
    /// fuzzy-matcher ranks its text.
    pub fn plain(&self) -> Option<&str> {
        match self.groups.as_slice() {
            [group] => match group.as_slice() {
                [term] if term.kind == Kind::Fuzzy && !term.inverse => Some(&term.text),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether every text matching `self` also matches `earlier`: then `self` need only be
    /// tried on `earlier`'s matches (typing on narrows the search).
    pub fn narrows(&self, earlier: &Self) -> bool {
        earlier.groups.iter().all(|old| match old.as_slice() {
            [old] if !old.inverse => self.groups.iter().any(|new| match new.as_slice() {
                [new] => !new.inverse && implies(new, old),
                _ => false,
            }),
            _ => false,
        })
    }
}

/// Whether a text matching `new` always matches `old` (both positive).
fn implies(new: &Term, old: &Term) -> bool {
    if old.case_sensitive && !new.case_sensitive {
        return false;
    }
    let (n, o) = (new.text.as_str(), old.text.as_str());
    match old.kind {
        // Characters in order: a longer text that starts with them has them in order, and
        // every other kind matches them side by side.
        Kind::Fuzzy => n.starts_with(o),
        Kind::Exact => new.kind != Kind::Fuzzy && n.contains(o),
        Kind::Prefix => matches!(new.kind, Kind::Prefix | Kind::Equal) && n.starts_with(o),
        Kind::Suffix => matches!(new.kind, Kind::Suffix | Kind::Equal) && n.ends_with(o),
        Kind::Equal => new.kind == Kind::Equal && n == o,
    }
}

/// The query's tokens: split at spaces, `\ ` kept as a space inside a token.
fn tokens(query: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut token = String::new();
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&' ') => {
                chars.next();
                token.push(' ');
            }
            ' ' => {
                if !token.is_empty() {
                    tokens.push(std::mem::take(&mut token));
                }
            }
            _ => token.push(c),
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    tokens
}

/// Parses a query as fzf's extended search does. Never fails: anything that is not an
/// operator is text to match.
pub fn parse(query: &str) -> Query {
    let mut groups = Vec::new();
    let mut group: Vec<Term> = Vec::new();
    // Whether the next term starts a new group (false right after a `|`).
    let mut new_group = false;
    let mut after_bar = false;
    for token in tokens(query) {
        if !group.is_empty() && !after_bar && token == "|" {
            new_group = false;
            after_bar = true;
            continue;
        }
        after_bar = false;
        let case_sensitive = token.chars().any(|c| c.is_ascii_uppercase());
        let mut text = token.as_str();
        let mut kind = Kind::Fuzzy;
        let mut inverse = false;
        if let Some(rest) = text.strip_prefix('!') {
            inverse = true;
            kind = Kind::Exact;
            text = rest;
        }
        if text != "$"
            && let Some(rest) = text.strip_suffix('$')
        {
            kind = Kind::Suffix;
            text = rest;
        }
        if let Some(rest) = text.strip_prefix('\'') {
            // `'` flips exactness: exact for a plain term, fuzzy after `!`.
            kind = if inverse { Kind::Fuzzy } else { Kind::Exact };
            text = rest;
        } else if let Some(rest) = text.strip_prefix('^') {
            kind = if kind == Kind::Suffix {
                Kind::Equal
            } else {
                Kind::Prefix
            };
            text = rest;
        }
        if text.is_empty() {
            continue;
        }
        if new_group {
            groups.push(std::mem::take(&mut group));
        }
        group.push(Term {
            kind,
            inverse,
            text: text.to_owned(),
            case_sensitive,
        });
        new_group = true;
    }
    if !group.is_empty() {
        groups.push(group);
    }
    Query { groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: Kind, inverse: bool, text: &str) -> Term {
        Term {
            kind,
            inverse,
            text: text.to_owned(),
            case_sensitive: text.chars().any(|c| c.is_ascii_uppercase()),
        }
    }

    /// Each group's terms as (kind, inverse, text).
    fn groups(query: &str) -> Vec<Vec<(Kind, bool, String)>> {
        parse(query)
            .groups
            .into_iter()
            .map(|g| g.into_iter().map(|t| (t.kind, t.inverse, t.text)).collect())
            .collect()
    }

    fn one(kind: Kind, inverse: bool, text: &str) -> Vec<Vec<(Kind, bool, String)>> {
        vec![vec![(kind, inverse, text.to_owned())]]
    }

    #[test]
    fn every_operator_as_fzf_reads_it() {
        use Kind::*;
        assert_eq!(groups("sbtrkt"), one(Fuzzy, false, "sbtrkt"));
        assert_eq!(groups("'wild"), one(Exact, false, "wild"));
        assert_eq!(groups("^music"), one(Prefix, false, "music"));
        assert_eq!(groups(".mp3$"), one(Suffix, false, ".mp3"));
        assert_eq!(groups("^music$"), one(Equal, false, "music"));
        assert_eq!(groups("!fire"), one(Exact, true, "fire"));
        assert_eq!(groups("!'fire"), one(Fuzzy, true, "fire"));
        assert_eq!(groups("!^music"), one(Prefix, true, "music"));
        assert_eq!(groups("!.mp3$"), one(Suffix, true, ".mp3"));
        assert_eq!(groups("!^a$"), one(Equal, true, "a"));
        // `$` is stripped before `'`, which then flips the suffix term to exact, as in fzf.
        assert_eq!(groups("'a$"), one(Exact, false, "a"));
        // Operators inside a term are text.
        assert_eq!(groups("a'b^c!d"), one(Fuzzy, false, "a'b^c!d"));
        assert_eq!(groups("''a"), one(Exact, false, "'a"));
    }

    #[test]
    fn terms_are_anded_and_bars_make_groups() {
        use Kind::*;
        let f = |t: &str| (Fuzzy, false, t.to_owned());
        assert_eq!(
            groups("controls export"),
            vec![vec![f("controls")], vec![f("export")]]
        );
        assert_eq!(
            groups("^core go$ | rb$ | py$"),
            vec![
                vec![(Prefix, false, "core".to_owned())],
                vec![
                    (Suffix, false, "go".to_owned()),
                    (Suffix, false, "rb".to_owned()),
                    (Suffix, false, "py".to_owned())
                ]
            ]
        );
        // A bar with no term before it, or right after another, is text.
        assert_eq!(groups("| a"), vec![vec![f("|")], vec![f("a")]]);
        assert_eq!(groups("a | | b"), vec![vec![f("a"), f("|")], vec![f("b")]]);
        // A trailing bar joins nothing.
        assert_eq!(groups("a |"), vec![vec![f("a")]]);
        assert_eq!(groups("a|b"), vec![vec![f("a|b")]]);
    }

    #[test]
    fn empty_terms_and_lone_operators_vanish() {
        use Kind::*;
        for query in ["", " ", "   ", "'", "^", "!", "!'", "!^", "^$", "' ^ ! !'"] {
            assert_eq!(parse(query), Query::default(), "{query:?}");
        }
        // A lone `$` is text (fzf keeps it), `!$` the inverse exact term `$`.
        assert_eq!(groups("$"), one(Fuzzy, false, "$"));
        assert_eq!(groups("!$"), one(Exact, true, "$"));
        assert_eq!(groups("  a   "), one(Fuzzy, false, "a"));
    }

    #[test]
    fn an_escaped_space_is_part_of_a_term() {
        use Kind::*;
        assert_eq!(
            groups("'export\\ controls"),
            one(Exact, false, "export controls")
        );
        assert_eq!(groups("a\\ "), one(Fuzzy, false, "a "));
        assert_eq!(groups("\\ "), one(Fuzzy, false, " "));
        // A backslash before anything else is text.
        assert_eq!(groups("a\\b"), one(Fuzzy, false, "a\\b"));
        assert_eq!(groups("a\\"), one(Fuzzy, false, "a\\"));
    }

    #[test]
    fn cjk_and_smart_case() {
        use Kind::*;
        assert_eq!(
            groups("'中国 ^深圳 技术$"),
            vec![
                vec![(Exact, false, "中国".to_owned())],
                vec![(Prefix, false, "深圳".to_owned())],
                vec![(Suffix, false, "技术".to_owned())],
            ]
        );
        let q = parse("China !state 'Ü");
        let sensitive: Vec<bool> = q.groups.iter().map(|g| g[0].case_sensitive).collect();
        // Only ASCII capitals make a term case-sensitive, as in fuzzy-matcher.
        assert_eq!(sensitive, [true, false, false]);
    }

    #[test]
    fn a_query_without_operators_is_plain() {
        assert_eq!(parse("techno").plain(), Some("techno"));
        assert_eq!(parse(" techno ").plain(), Some("techno"));
        assert_eq!(parse("$").plain(), Some("$"));
        for query in ["a b", "'a", "^a", "a$", "!a", "a | b", ""] {
            assert_eq!(parse(query).plain(), None, "{query:?}");
        }
    }

    #[test]
    fn typing_on_narrows_only_when_it_cannot_widen() {
        let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
        assert!(narrows("tech", "tec"));
        assert!(narrows("tec x", "tec"));
        assert!(narrows("tec !x", "tec"));
        assert!(narrows("'tec", "tec"));
        assert!(narrows("tec$", "tec"));
        assert!(narrows("'tech", "'tec"));
        assert!(narrows("^tech", "^tec"));
        assert!(narrows("tecH", "tec"));
        assert!(!narrows("tec | x", "tec"));
        assert!(!narrows("!tech", "!tec"));
        assert!(!narrows("ab$c", "ab$"));
        assert!(!narrows("tech", "'tec"));
        assert!(!narrows("a\\ b", "a\\"));
        assert!(!narrows("x", "tec"));
        // Nothing to narrow from: an empty query matched nothing kept.
        assert!(narrows("x", ""));
        assert!(term(Kind::Fuzzy, false, "A").case_sensitive);
    }
}
