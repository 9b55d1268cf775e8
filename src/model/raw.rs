//! The debate file exactly as written: serde structs mirroring the TOML, with source spans.
//!
//! Nothing here is checked beyond types; `validate` turns these into the resolved model. The key
//! lists in [`shape`] are what the schema walk checks before serde runs, so that every unknown
//! or missing key in a file is reported at once, each with a suggestion.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFraming {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub thesis: Spanned<String>,
    #[serde(default)]
    pub color: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub subtitle: Option<Spanned<String>>,
    #[serde(default)]
    pub author: Option<Spanned<String>>,
    #[serde(default)]
    pub publication: Option<Spanned<String>>,
    /// A string or a TOML date: `date = 2025-02-18` and `date = "February 2025"` both work.
    #[serde(default)]
    pub date: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    pub id: Spanned<String>,
    pub article: Spanned<String>,
    pub quote: Spanned<String>,
    pub summary: Spanned<String>,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub stances: BTreeMap<Spanned<String>, Spanned<RawStance>>,
    #[serde(default)]
    pub links: Vec<Spanned<RawLink>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStance {
    pub stance: Spanned<String>,
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub to: Spanned<String>,
    pub kind: Spanned<String>,
}

/// The keys each kind of table may hold, for the schema walk.
pub mod shape {
    /// One key of a table: its name, whether it must be present, and an example for the help.
    pub struct Key {
        pub name: &'static str,
        pub required: bool,
        pub example: &'static str,
    }

    const fn req(name: &'static str, example: &'static str) -> Key {
        Key {
            name,
            required: true,
            example,
        }
    }

    const fn opt(name: &'static str, example: &'static str) -> Key {
        Key {
            name,
            required: false,
            example,
        }
    }

    /// `framings` and `articles` are checked by count instead ("needs at least 2 framings").
    pub const TOP: &[Key] = &[
        req("title", "title = \"What drives China's AI progress?\""),
        opt(
            "description",
            "description = \"Two essays read through two framings.\"",
        ),
        opt(
            "framings",
            "[[framings]]\nid = \"tech-transfer\"\nname = \"Technology transfer\"\nthesis = \"...\"",
        ),
        opt(
            "articles",
            "[[articles]]\nid = \"first-essay\"\ntitle = \"...\"\ntext = \"\"\"\nFirst paragraph.\n\"\"\"",
        ),
        opt(
            "claims",
            "[[claims]]\nid = \"a-claim\"\narticle = \"first-essay\"\nquote = \"...\"\nsummary = \"...\"",
        ),
    ];

    pub const FRAMING: &[Key] = &[
        req("id", "id = \"tech-transfer\""),
        req("name", "name = \"Technology transfer\""),
        req(
            "thesis",
            "thesis = \"One paragraph stating what this framing holds.\"",
        ),
        opt("color", "color = \"cyan\""),
    ];

    pub const ARTICLE: &[Key] = &[
        req("id", "id = \"first-essay\""),
        req("title", "title = \"The article's headline\""),
        req("text", "text = \"\"\"\nThe article in Markdown.\n\"\"\""),
        opt("subtitle", "subtitle = \"...\""),
        opt("author", "author = \"...\""),
        opt("publication", "publication = \"...\""),
        opt("date", "date = 2025-02-18"),
        opt("url", "url = \"https://...\""),
    ];

    pub const CLAIM: &[Key] = &[
        req("id", "id = \"a-claim\""),
        req("article", "article = \"first-essay\""),
        req("quote", "quote = \"words copied from the article\""),
        req("summary", "summary = \"The claim in one sentence.\""),
        opt("tags", "tags = [\"talent\", \"funding\"]"),
        opt(
            "stances",
            "stances.tech-transfer = { stance = \"supports\", note = \"...\" }",
        ),
        opt(
            "links",
            "links = [{ to = \"other-claim\", kind = \"supports\" }]",
        ),
    ];

    pub const STANCE: &[Key] = &[
        req("stance", "stance = \"supports\""),
        opt("note", "note = \"How this framing reads the claim.\""),
    ];

    pub const LINK: &[Key] = &[
        req("to", "to = \"other-claim\""),
        req("kind", "kind = \"supports\""),
    ];
}
