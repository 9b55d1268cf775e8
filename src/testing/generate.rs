//! Synthetic debate files of any size, for measuring: realistic sentences, 2 to 5 framings,
//! about 5% CJK text, the same file for the same seed. Claims quote sentences of their article,
//! so every file passes `debate check`.

use std::fmt::Write as _;

/// A small, fast, seeded generator (xorshift64*): the same seed gives the same file everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "this",
    "are",
    "or",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "more",
    "their",
    "has",
    "its",
    "been",
    "than",
    "would",
    "into",
    "most",
    "other",
    "these",
    "firms",
    "state",
    "policy",
    "growth",
    "technology",
    "innovation",
    "transfer",
    "capital",
    "talent",
    "research",
    "industry",
    "market",
    "export",
    "controls",
    "engineers",
    "universities",
    "funding",
    "government",
    "startup",
    "model",
    "models",
    "compute",
    "chips",
    "labor",
    "system",
    "ecosystem",
    "periphery",
    "mainstream",
    "evidence",
    "argument",
    "framing",
    "progress",
    "costs",
    "domestic",
    "foreign",
    "global",
    "local",
    "networks",
    "know-how",
    "breakthroughs",
    "scale",
    "competition",
    "incentives",
    "institutions",
    "investment",
    "subsidies",
    "sanctions",
    "tariffs",
    "supply",
    "chains",
    "manufacturing",
    "batteries",
    "vehicles",
    "solar",
    "software",
    "hardware",
    "leaders",
    "latecomers",
    "frontier",
    "catch-up",
    "absorption",
    "self-reliance",
    "autonomy",
    "management",
    "culture",
    "hierarchy",
    "creativity",
    "education",
    "graduates",
    "researchers",
    "abroad",
    "at home",
    "quickly",
    "slowly",
    "arguably",
    "clearly",
    "often",
    "rarely",
    "still",
    "already",
    "however",
    "therefore",
    "meanwhile",
    "despite",
    "because",
    "although",
    "while",
    "shows",
    "suggests",
    "implies",
    "depends",
    "relies",
    "grows",
    "shifts",
    "changes",
    "matters",
];

const HANZI: &[&str] = &[
    "中", "国", "技", "术", "创", "新", "人", "才", "政", "府", "资", "金", "市", "场", "企", "业",
    "研", "究", "发", "展", "经", "济", "教", "育", "大", "学", "工", "程", "师", "模", "型", "算",
    "力", "芯", "片", "出", "口", "管", "制", "自", "主", "转", "移", "外", "部",
];

const TAGS: &[&str] = &[
    "talent",
    "education",
    "funding",
    "state-support",
    "labor",
    "compute",
    "export-controls",
    "governance",
    "periphery",
    "industrial-policy",
    "creativity",
    "narrative",
    "diaspora",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    if rng.below(20) == 0 {
        // About one sentence in twenty is Chinese.
        for _ in 0..8 + rng.below(24) {
            out.push_str(rng.pick(HANZI));
        }
        out.push('。');
        return;
    }
    let n = 8 + rng.below(40);
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut chars = w.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push('.');
}

/// A debate with `articles` articles, `claims` claims and `framings` framings (2 to 5).
pub fn debate_toml(articles: usize, claims: usize, framings: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let articles = articles.max(1);
    let framings = framings.clamp(2, 5);
    let mut out = String::with_capacity(claims * 420 + articles * 2000);
    let _ = writeln!(
        out,
        "title = \"Generated debate ({articles} articles, {claims} claims, seed {seed})\"\n"
    );
    for f in 0..framings {
        let mut thesis = String::new();
        for _ in 0..3 {
            sentence(&mut rng, &mut thesis);
            thesis.push(' ');
        }
        let _ = writeln!(
            out,
            "[[framings]]\nid = \"f{f}\"\nname = \"Framing {f}\"\nthesis = \"{}\"\n",
            thesis.trim()
        );
    }
    // Every article gets its share of sentences: one per claim quoting it, and some more.
    let per_article = claims / articles + 4;
    let mut sentences: Vec<Vec<String>> = Vec::with_capacity(articles);
    for a in 0..articles {
        let mut text = String::new();
        let mut own = Vec::with_capacity(per_article);
        let mut in_paragraph = 0;
        for _ in 0..per_article {
            let mut s = String::new();
            sentence(&mut rng, &mut s);
            text.push_str(&s);
            own.push(s);
            in_paragraph += 1;
            if in_paragraph >= 2 + rng.below(5) {
                text.push_str("\n\n");
                in_paragraph = 0;
            } else {
                text.push(' ');
            }
        }
        let mut title = String::new();
        sentence(&mut rng, &mut title);
        let title: String = title
            .trim_end_matches(['.', '。'])
            .chars()
            .take(60)
            .collect();
        let _ = writeln!(
            out,
            "[[articles]]\nid = \"a{a}\"\ntitle = \"{title}\"\ntext = '''\n{}\n'''\n",
            text.trim_end()
        );
        sentences.push(own);
    }
    for c in 0..claims {
        let a = c % articles;
        let own = &sentences[a];
        let quote = &own[(c / articles) % own.len()];
        let mut summary = String::new();
        sentence(&mut rng, &mut summary);
        let _ = writeln!(
            out,
            "[[claims]]\nid = \"c{c}\"\narticle = \"a{a}\"\nquote = \"{quote}\"\nsummary = \"{summary}\""
        );
        let tags: Vec<String> = (0..=rng.below(3))
            .map(|_| format!("\"{}\"", rng.pick(TAGS)))
            .collect();
        let _ = writeln!(out, "tags = [{}]", tags.join(", "));
        for f in 0..framings {
            if rng.below(3) > 0 {
                let stance = ["supports", "challenges", "neutral"][rng.below(3)];
                let _ = writeln!(
                    out,
                    "stances.f{f} = {{ stance = \"{stance}\", note = \"{}\" }}",
                    rng.pick(WORDS)
                );
            }
        }
        if c > 0 && rng.below(5) == 0 {
            let kind = if rng.below(2) == 0 {
                "supports"
            } else {
                "attacks"
            };
            let _ = writeln!(
                out,
                "links = [{{ to = \"c{}\", kind = \"{kind}\" }}]",
                rng.below(c)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_files_check_and_are_deterministic() {
        let a = debate_toml(3, 200, 4, 7);
        assert_eq!(a, debate_toml(3, 200, 4, 7));
        assert_ne!(a, debate_toml(3, 200, 4, 8));
        let debate = crate::model::load_bytes("gen.toml", a.as_bytes())
            .unwrap_or_else(|f| panic!("{}", f.render(false)));
        assert_eq!(
            (
                debate.articles.len(),
                debate.claims.len(),
                debate.framings.len()
            ),
            (3, 200, 4)
        );
        let cjk = debate
            .claims
            .iter()
            .filter(|c| c.summary.ends_with('。'))
            .count();
        assert!(cjk > 0 && cjk < 30, "about 5% CJK: {cjk} of 200");
    }
}
