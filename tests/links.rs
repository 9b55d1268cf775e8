//! Links in an article's text: kept by the model, drawn underlined, made OSC 8 hyperlinks over
//! the cells that show them, listed by `o` and opened through an effect, never through a shell.
//! Key sequences through the same input mapping, keymap and update the binary uses.

// Tests fail by panicking; helpers outside #[test] functions do so too.
#![allow(clippy::panic, clippy::unwrap_used)]

#[path = "support/keys.rs"]
mod keys;

use debate::effect::Effect;
use debate::model::Debate;
use debate::state::{Overlay, State};
use keys::press;
use ratatui::style::Modifier;

/// A debate whose article links a survey, mail, a file and a hostile address.
fn debate() -> Debate {
    Debate::from_toml(
        r#"title = "Links"
[[framings]]
id = "a"
name = "Alpha"
thesis = "A."
[[framings]]
id = "b"
name = "Beta"
thesis = "B."
[[articles]]
id = "x"
title = "Essay"
url = "https://source.example/essay"
text = """
First paragraph, with nothing to follow.

Second.

Third.

Fourth.

See [the survey](https://example.com/survey?a=1&b=$(reboot)) for details, or
[write to us](mailto:someone@example.com).

A [local file](file:///etc/passwd) and an [odd one](https://e.com/%1b).
"""
[[articles]]
id = "y"
title = "Plain"
text = "No links here."
"#,
    )
    .unwrap()
}

fn app(w: u16, h: u16) -> State {
    State::new(debate(), "test", w, h)
}

fn screen(state: &State) -> ratatui::buffer::Buffer {
    debate::screen::draw(state, state.width, state.height)
}

fn text(state: &State) -> String {
    debate::screen::to_text(&screen(state))
}

/// The cells of a word on screen: (x, y) of each, for the first line that has it.
fn cells_of(buf: &ratatui::buffer::Buffer, word: &str) -> Vec<(u16, u16)> {
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        if let Some(at) = line.find(word) {
            let x = u16::try_from(line[..at].chars().count()).unwrap();
            let n = u16::try_from(word.chars().count()).unwrap();
            return (x..x + n).map(|x| (x, y)).collect();
        }
    }
    panic!("{word:?} is not on screen")
}

#[test]
fn link_text_is_underlined_and_the_rest_is_not() {
    let mut s = app(80, 24);
    s.theme = std::sync::Arc::new(debate::ui::theme::Theme::mono());
    let buf = screen(&s);
    for (x, y) in cells_of(&buf, "the survey") {
        assert!(
            buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
            "({x},{y}) of the link, without colour"
        );
    }
    for (x, y) in cells_of(&buf, "for details") {
        assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
    // The words read as written: no Markdown and no target in the text.
    assert!(text(&s).contains("See the survey for details, or write to us."));
}

#[test]
fn the_links_on_screen_cover_exactly_their_words() {
    let s = app(80, 24);
    let buf = screen(&s);
    let links = debate::ui::reader::links_on_screen(&s);
    let survey = links
        .iter()
        .find(|l| l.url.starts_with("https://example.com/survey"))
        .expect("the survey is linked");
    let cells: Vec<(u16, u16)> = (survey.x..survey.x + survey.width)
        .map(|x| (x, survey.y))
        .collect();
    assert_eq!(cells, cells_of(&buf, "the survey"));
    assert!(links.iter().any(|l| l.url == "mailto:someone@example.com"));
    assert!(
        links
            .iter()
            .any(|l| l.url == "https://source.example/essay")
    );
}

#[test]
fn o_lists_the_links_and_enter_opens_the_selected_one_as_an_effect() {
    let mut s = app(80, 24);
    assert!(press(&mut s, "o").is_empty());
    assert_eq!(s.overlay, Some(Overlay::Links(0)));
    let shown = text(&s);
    assert!(shown.contains("Source of the article"), "{shown}");
    assert!(shown.contains("the survey"), "{shown}");
    assert!(
        shown.contains("https://example.com/survey?a=1&b=$(reboot)"),
        "{shown}"
    );
    assert!(shown.contains("mailto:someone@example.com"), "{shown}");
    // j moves, Enter opens: nothing is run by update, the event loop is asked to.
    let effects = press(&mut s, "j enter");
    assert_eq!(
        effects,
        vec![Effect::OpenUrl(
            "https://example.com/survey?a=1&b=$(reboot)".into()
        )]
    );
    assert_eq!(s.overlay, None, "the list closes on opening");
    assert!(s.message.as_deref().unwrap_or("").starts_with("Opening "));
}

#[test]
fn only_http_https_and_mailto_are_opened() {
    let mut s = app(80, 24);
    let effects = press(&mut s, "o j j enter");
    assert_eq!(
        effects,
        vec![Effect::OpenUrl("mailto:someone@example.com".into())]
    );
    let effects = press(&mut s, "o j j j enter");
    assert_eq!(effects, Vec::new(), "a file: link is not opened");
    assert_eq!(s.overlay, Some(Overlay::Links(3)), "the list stays open");
    assert!(
        s.message
            .as_deref()
            .unwrap_or("")
            .contains("only http, https and mailto"),
        "{:?}",
        s.message
    );
    press(&mut s, "esc");
    assert_eq!(s.overlay, None);
}

#[test]
fn the_list_starts_at_the_first_link_on_screen() {
    let mut s = app(80, 10);
    press(&mut s, "j j j j j j j j");
    let top = s.reader().top;
    assert!(top > 0);
    press(&mut s, "o");
    let Some(Overlay::Links(first)) = s.overlay else {
        panic!("no list: {:?}", s.overlay)
    };
    assert!(first > 0, "the source address scrolled away");
}

#[test]
fn an_article_without_links_says_so() {
    let mut s = app(80, 24);
    press(&mut s, "2 o");
    assert_eq!(s.overlay, None);
    assert_eq!(s.message.as_deref(), Some("This article has no links."));
}

#[test]
fn a_hostile_address_is_shown_clean_and_never_linked() {
    let hostile = "https://e.com/\x1b]0;owned\x07x";
    let toml = format!(
        "title = \"T\"\n[[framings]]\nid = \"a\"\nname = \"A\"\nthesis = \"A.\"\n\
         [[framings]]\nid = \"b\"\nname = \"B\"\nthesis = \"B.\"\n[[articles]]\nid = \"x\"\ntitle = \"E\"\ntext = \"A [bad link](<{}>) here.\"\n",
        hostile
            .replace('\x1b', "\\u001b")
            .replace('\x07', "\\u0007")
    );
    let mut s = State::new(Debate::from_toml(&toml).unwrap(), "t", 80, 24);
    s.hyperlinks = true;
    let links = debate::ui::reader::links_on_screen(&s);
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(
        debate::hyperlinks::open(&links[0].url),
        None,
        "never a link"
    );
    press(&mut s, "o");
    for cell in screen(&s).content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "a raw control character in a cell"
        );
    }
    assert!(press(&mut s, "enter").is_empty(), "never opened");
}

#[test]
fn help_and_hints_name_the_links_key_from_the_keymap() {
    let mut s = app(120, 40);
    assert!(text(&s).contains("o links"), "{}", text(&s));
    press(&mut s, "?");
    assert!(
        text(&s).contains("Links of the article: open one"),
        "{}",
        text(&s)
    );
    press(&mut s, "esc o");
    let shown = text(&s);
    assert!(
        shown.contains("Enter open") && shown.contains("Esc close"),
        "{shown}"
    );
}

/// Without colour a claim's quote is underlined too: a link inside a quote must still differ
/// from the words around it.
#[test]
fn without_colour_a_link_inside_a_quote_still_shows() {
    let debate = Debate::from_toml(
        r#"title = "Quoted link"
[[framings]]
id = "a"
name = "Alpha"
thesis = "A."
[[framings]]
id = "b"
name = "Beta"
thesis = "B."
[[articles]]
id = "x"
title = "Essay"
text = "Plain words. See [the survey](https://example.com/s) for details."
[[claims]]
id = "c"
article = "x"
summary = "A claim over a link."
quote = "See the survey for details"
stances.a = { stance = "supports", note = "n" }
"#,
    )
    .unwrap();
    let mut s = State::new(debate, "test", 80, 24);
    s.theme = std::sync::Arc::new(debate::ui::theme::Theme::mono());
    let buf = screen(&s);
    let style = |word: &str| {
        let cells = cells_of(&buf, word);
        buf[cells[0]].modifier
    };
    let (quote, link) = (style("See"), style("survey"));
    assert!(quote.contains(Modifier::UNDERLINED), "the quote: {quote:?}");
    assert!(link.contains(Modifier::UNDERLINED), "the link: {link:?}");
    assert_ne!(quote, link, "the link differs from the quote around it");
}

/// The rows are numbered: a digit opens the link of that number (whether or not the digit
/// also names an article), and one past the last says so.
#[test]
fn a_digit_in_the_list_opens_the_link_of_that_number() {
    let mut s = app(80, 24);
    let article = s.article;
    let effects = press(&mut s, "o 2");
    assert_eq!(
        effects,
        vec![Effect::OpenUrl(
            "https://example.com/survey?a=1&b=$(reboot)".into()
        )]
    );
    assert_eq!(s.article, article, "no other article");
    let effects = press(&mut s, "o 3");
    assert_eq!(
        effects,
        vec![Effect::OpenUrl("mailto:someone@example.com".into())]
    );
    assert!(press(&mut s, "o 9").is_empty());
    assert_eq!(s.message.as_deref(), Some("There is no link 9."));
    assert_eq!(s.overlay, Some(Overlay::Links(0)), "the list stays open");
}

/// The links list is where a target is read without OSC 8: the selected link's address is shown
/// whole, wrapped under it, however narrow the screen; the others are cut to their row.
#[test]
fn the_selected_links_address_is_shown_whole() {
    let mut s = keys::app(60, 24);
    press(&mut s, "o");
    let url = debate::links::of_article(s.debate.article(s.article))[0]
        .url
        .clone();
    assert!(url.len() > 50, "a long address to wrap: {url}");
    let shown = text(&s);
    // The pieces, read from the box's rows after the address column, give the address back.
    let rows: Vec<&str> = shown.lines().collect();
    let start = rows.iter().position(|r| r.contains("▸")).unwrap();
    let first = &rows[start][rows[start].find("https://").unwrap()..];
    let mut joined = first.trim_end_matches('│').to_owned();
    for r in &rows[start + 1..] {
        let piece = r.trim().trim_matches('│').trim();
        if piece.is_empty() || piece.contains(' ') {
            break;
        }
        joined.push_str(piece);
    }
    assert_eq!(joined, url, "{shown}");
}
