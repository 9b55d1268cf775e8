//! OSC 8 hyperlinks: whether the terminal is known to show them, and the escape sequences that
//! make text a link. A URL that is not plain printable ASCII (control characters, spaces,
//! anything a terminal could read as the end of the sequence) is never sent: its text still
//! shows, cleaned, and simply is not a link.
//!
//! Terminals that do not know OSC 8 may print it, so it is used only where the environment
//! names a terminal known to support it, or where `DEBATE_HYPERLINKS=1` asks for it
//! (`DEBATE_HYPERLINKS=0` turns it off).

/// The sequence that ends a link.
pub const CLOSE: &str = "\x1b]8;;\x1b\\";

/// The sequence that starts a link to `url`, if the URL is safe to put in one.
pub fn open(url: &str) -> Option<String> {
    let safe = !url.is_empty() && url.len() <= 2048 && url.bytes().all(|b| b.is_ascii_graphic());
    safe.then(|| format!("\x1b]8;;{url}\x1b\\"))
}

/// Whether the terminal described by the environment shows OSC 8 links.
pub fn supported(var: impl Fn(&str) -> Option<String>) -> bool {
    if let Some(choice) = var("DEBATE_HYPERLINKS") {
        return choice.trim() != "0";
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let term = var("TERM").unwrap_or_default();
    let vte = var("VTE_VERSION")
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(0);
    // Inside tmux or screen the outer terminal is unknown: links would need passing through.
    if term.starts_with("screen") || term.starts_with("tmux") || var("TMUX").is_some() {
        return false;
    }
    matches!(
        program.as_str(),
        "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "rio"
    ) || ["kitty", "foot", "alacritty", "wezterm", "ghostty"]
        .iter()
        .any(|t| term.contains(t))
        || var("KITTY_WINDOW_ID").is_some()
        || var("WT_SESSION").is_some()
        || vte >= 5000
}

/// [`supported`] for the process's own environment.
pub fn supported_here() -> bool {
    supported(|name| std::env::var(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn only_plain_urls_become_links() {
        assert_eq!(
            open("https://example.com/a?b=c").as_deref(),
            Some("\x1b]8;;https://example.com/a?b=c\x1b\\")
        );
        assert_eq!(open("https://e.com/\x1b]0;pwned\x07"), None);
        assert_eq!(open("https://e.com/a b"), None);
        assert_eq!(open("https://e.com/\u{9b}"), None);
        assert_eq!(open(""), None);
    }

    #[test]
    fn known_terminals_and_the_override() {
        assert!(supported(env(&[("TERM_PROGRAM", "WezTerm")])));
        assert!(supported(env(&[("VTE_VERSION", "6003")])));
        assert!(supported(env(&[("TERM", "xterm-kitty")])));
        assert!(!supported(env(&[("TERM", "xterm-256color")])));
        assert!(!supported(env(&[
            ("TERM", "screen-256color"),
            ("VTE_VERSION", "6003")
        ])));
        assert!(supported(env(&[
            ("DEBATE_HYPERLINKS", "1"),
            ("TERM", "dumb")
        ])));
        assert!(!supported(env(&[
            ("DEBATE_HYPERLINKS", "0"),
            ("TERM_PROGRAM", "WezTerm")
        ])));
    }
}
