//! The debate file exactly as written: serde structs mirroring the TOML, with source spans.
//!
//! Nothing here is checked beyond types; `validate` turns these into the resolved model. The key
//! lists in [`shape`] are what the schema walk checks before serde runs, so that every unknown
//! or missing key in a file is reported at once, each with a suggestion.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use toml::Spanned;

/// A string of the file: borrowed from the file's text where the TOML string has no escapes
/// (nearly always), so that the items of a large file cost little beyond the file itself;
/// the model copies what it keeps.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Text<'a>(pub Cow<'a, str>);

impl Text<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Text<'_>> for String {
    fn from(text: Text<'_>) -> Self {
        text.0.into_owned()
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Str<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Str<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Str(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawFraming<'a> {
    pub id: Spanned<Text<'a>>,
    pub name: Spanned<Text<'a>>,
    pub thesis: Spanned<Text<'a>>,
    #[serde(default)]
    pub color: Option<Spanned<Text<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawArticle<'a> {
    pub id: Spanned<Text<'a>>,
    pub title: Spanned<Text<'a>>,
    pub text: Spanned<Text<'a>>,
    #[serde(default)]
    pub subtitle: Option<Spanned<Text<'a>>>,
    #[serde(default)]
    pub author: Option<Spanned<Text<'a>>>,
    #[serde(default)]
    pub publication: Option<Spanned<Text<'a>>>,
    /// A string or a TOML date: `date = 2025-02-18` and `date = "February 2025"` both work.
    #[serde(default)]
    pub date: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub url: Option<Spanned<Text<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawClaim<'a> {
    pub id: Spanned<Text<'a>>,
    pub article: Spanned<Text<'a>>,
    pub quote: Spanned<Text<'a>>,
    pub summary: Spanned<Text<'a>>,
    #[serde(default)]
    pub tags: Vec<Spanned<Text<'a>>>,
    #[serde(default)]
    pub stances: RawStances<'a>,
    #[serde(default)]
    pub links: Vec<Spanned<RawLink<'a>>>,
}

/// A claim's stances by framing id, sorted by id. A list, not a map: a `BTreeMap` of three
/// entries allocates a node of eleven, and at 60,000 claims those nodes were a third of
/// the memory a large file took to load.
#[derive(Debug, Default)]
pub struct RawStances<'a>(pub Vec<(Spanned<Text<'a>>, Spanned<RawStance<'a>>)>);

impl<'de: 'a, 'a> Deserialize<'de> for RawStances<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Entries<'a> {
            type Value = RawStances<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table of stances by framing id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawStances<'a>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                // TOML refuses a key given twice, so sorting keeps one entry per framing.
                entries.sort_by(|(a, _), (b, _): &(Spanned<Text<'a>>, _)| {
                    a.get_ref().cmp(b.get_ref())
                });
                Ok(RawStances(entries))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawStance<'a> {
    pub stance: Spanned<Text<'a>>,
    #[serde(default)]
    pub note: Option<Spanned<Text<'a>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawLink<'a> {
    pub to: Spanned<Text<'a>>,
    pub kind: Spanned<Text<'a>>,
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use toml::Spanned;
    use toml::de::{DeTable, DeValue};

    use super::RawClaim;

    #[test]
    fn strings_without_escapes_are_borrowed_from_the_file() {
        let src = "id = \"c\"\narticle = \"a\"\nquote = 'literal words'\nsummary = \"a \\\"quoted\\\" word\"\n\
                   tags = [\"one\"]\nstances.b = { stance = \"supports\" }\nstances.a = { stance = \"neutral\", note = \"n\" }\n";
        let root = DeTable::parse(src).expect("valid TOML");
        let value = Spanned::new(0..src.len(), DeValue::Table(root.into_inner()));
        let claim = RawClaim::deserialize(value.into_deserializer()).expect("a claim");
        assert!(matches!(
            claim.quote.get_ref().0,
            Cow::Borrowed("literal words")
        ));
        assert!(matches!(claim.id.get_ref().0, Cow::Borrowed("c")));
        assert!(matches!(claim.tags[0].get_ref().0, Cow::Borrowed("one")));
        // An escape needs a string of its own.
        assert!(matches!(&claim.summary.get_ref().0, Cow::Owned(s) if s == "a \"quoted\" word"));
        // Stances come sorted by framing id, whatever the file's order.
        let framings: Vec<&str> = claim
            .stances
            .0
            .iter()
            .map(|(f, _)| f.get_ref().as_str())
            .collect();
        assert_eq!(framings, ["a", "b"]);
        assert_eq!(&src[claim.quote.span()], "'literal words'");
    }
}
