//! YAML front matter of a Markdown article (`---` … `---` at its top, as Jekyll, Hugo and
//! Pandoc write it): the title, author, date and url the article's entry can use, and every
//! other key kept as comment lines, so nothing the author wrote is lost.

use yaml_rust2::{Yaml, YamlLoader};

/// What the front matter says, and the text after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    /// The lines of every other key, as written (also all lines when the YAML is invalid).
    pub other_lines: Vec<String>,
}

/// The keys an article's entry has a place for.
const KNOWN: [&str; 4] = ["title", "author", "date", "url"];

/// Splits front matter off `content` (line endings already `\n`): the front matter, if the
/// text starts with a `---` line closed by a `---` or `...` line, and the rest.
pub fn split(content: &str) -> (Option<FrontMatter>, &str) {
    let Some(body) = content
        .strip_prefix("---\n")
        .or_else(|| content.strip_prefix("---\r\n"))
    else {
        return (None, content);
    };
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &body[..offset];
            return (Some(parse(yaml)), &body[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, content)
}

/// A scalar as text: strings as they are, numbers and booleans as written.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) | Yaml::Real(s) => Some(s.trim().to_owned()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn parse(yaml: &str) -> FrontMatter {
    let Ok(docs) = YamlLoader::load_from_str(yaml) else {
        return FrontMatter {
            other_lines: yaml.lines().map(str::to_owned).collect(),
            ..FrontMatter::default()
        };
    };
    let hash = docs.first().and_then(Yaml::as_hash);
    let get = |key: &str| {
        hash.and_then(|h| h.get(&Yaml::String(key.to_owned())))
            .and_then(scalar)
    };
    let mut front = FrontMatter {
        title: get("title"),
        author: get("author").or_else(|| get("authors")),
        date: get("date"),
        url: get("url").or_else(|| get("link")),
        other_lines: Vec::new(),
    };
    // Keys are kept line by line: a top-level key's line and the indented lines under it.
    let mut keep = false;
    for line in yaml.lines() {
        let top_level = !line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            let used = match key {
                "authors" => front.author.is_some() && get("author").is_none(),
                "link" => front.url.is_some() && get("url").is_none(),
                _ => KNOWN.contains(&key) && get(key).is_some(),
            };
            keep = !used;
        }
        if keep && !line.trim().is_empty() {
            front.other_lines.push(line.to_owned());
        }
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_are_read_and_the_rest_kept_as_lines() {
        let text = "---\ntitle: \"A: title\"\nauthor: Jane Roe\ndate: 2025-01-31\ntags:\n  - ai\n  - china\ndraft: true\n---\n# Heading\n\nBody.\n";
        let (front, rest) = split(text);
        let front = front.expect("front matter");
        assert_eq!(front.title.as_deref(), Some("A: title"));
        assert_eq!(front.author.as_deref(), Some("Jane Roe"));
        assert_eq!(front.date.as_deref(), Some("2025-01-31"));
        assert_eq!(front.url, None);
        assert_eq!(
            front.other_lines,
            ["tags:", "  - ai", "  - china", "draft: true"]
        );
        assert_eq!(rest, "# Heading\n\nBody.\n");
    }

    #[test]
    fn no_front_matter_without_both_fences() {
        assert_eq!(split("# T\n\nx\n").0, None);
        let unclosed = "---\ntitle: x\n\nBody\n";
        assert_eq!(split(unclosed), (None, unclosed));
    }

    #[test]
    fn invalid_yaml_is_kept_whole_as_lines() {
        let (front, rest) = split("---\ntitle: [unclosed\n...\nBody\n");
        let front = front.expect("front matter");
        assert_eq!(front.title, None);
        assert_eq!(front.other_lines, ["title: [unclosed"]);
        assert_eq!(rest, "Body\n");
    }
}
