//! Terminal replies that arrive after their question was given up on, kept from acting as keys.
//!
//! At start-up the reader asks the terminal for its background (OSC 11) and waits 80 ms. Over
//! SSH the answer can come later, when the reader is already reading keys: crossterm parses
//! `ESC ] 11;rgb:ffff/ffff/ffff BEL` as Alt+], then `1`, `1`, `;`, `r`, `g`, `b`… and Ctrl-G,
//! which would switch articles, go to the top and page back. (The DA1 answer that follows it
//! is a CSI sequence crossterm already keeps to itself.) An OSC answer is the only thing that
//! starts with Alt+], which nothing binds: from there to its end (BEL, read as Ctrl-G, or ST,
//! read as Alt+\) every key is dropped. A key no answer contains (Enter, an arrow, a control
//! key) or more keys than any answer has ends the dropping, and counts as typed.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// More characters than an OSC 11 answer has (`11;rgb:ffff/ffff/ffff`: 21).
const LONGEST_REPLY: usize = 64;

/// Drops the keys of a terminal's late OSC answer.
#[derive(Debug, Default)]
pub(super) struct LateReplies {
    /// Characters of an answer dropped so far; `None` while no answer is being read.
    inside: Option<usize>,
}

impl LateReplies {
    /// Whether `event` is part of a late answer, to be dropped.
    pub(super) fn swallows(&mut self, event: &Event) -> bool {
        let Event::Key(key) = event else {
            return false;
        };
        if key.kind == KeyEventKind::Release {
            return self.inside.is_some();
        }
        match self.inside {
            None if is_alt(key, ']') => {
                self.inside = Some(0);
                true
            }
            None => false,
            Some(_) if is_end(key) => {
                self.inside = None;
                true
            }
            Some(n) if n < LONGEST_REPLY && is_reply_char(key) => {
                self.inside = Some(n + 1);
                true
            }
            Some(_) => {
                self.inside = None;
                false
            }
        }
    }
}

fn is_alt(key: &KeyEvent, c: char) -> bool {
    key.code == KeyCode::Char(c) && key.modifiers == KeyModifiers::ALT
}

/// BEL (Ctrl-G) or ST (ESC \, read as Alt+\) ends an OSC answer.
fn is_end(key: &KeyEvent) -> bool {
    (key.code == KeyCode::Char('g') && key.modifiers == KeyModifiers::CONTROL) || is_alt(key, '\\')
}

/// What an OSC answer is made of: printable ASCII without modifiers (Shift for capitals).
fn is_reply_char(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(c) if c.is_ascii_graphic())
        && (key.modifiers - KeyModifiers::SHIFT).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn char_key(c: char, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers))
    }

    /// The events crossterm makes of `bytes` sent by a terminal, for the answers' shapes.
    fn events_of(answer: &str, end: Event) -> Vec<Event> {
        let mut events = vec![char_key(']', KeyModifiers::ALT)];
        events.extend(answer.chars().map(|c| char_key(c, KeyModifiers::NONE)));
        events.push(end);
        events
    }

    fn kept(events: &[Event]) -> Vec<Event> {
        let mut replies = LateReplies::default();
        events
            .iter()
            .filter(|e| !replies.swallows(e))
            .cloned()
            .collect()
    }

    #[test]
    fn an_answer_ended_by_bel_or_st_is_dropped_whole_and_keys_after_it_count() {
        let j = char_key('j', KeyModifiers::NONE);
        for end in [
            char_key('g', KeyModifiers::CONTROL),
            char_key('\\', KeyModifiers::ALT),
        ] {
            let mut events = events_of("11;rgb:ffff/ffff/ffff", end);
            events.push(j.clone());
            assert_eq!(kept(&events), vec![j.clone()]);
        }
    }

    #[test]
    fn keys_no_answer_has_end_the_dropping_and_count() {
        let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        let mut events = events_of("11;rgb:ff", enter.clone());
        events.push(char_key('j', KeyModifiers::NONE));
        assert_eq!(
            kept(&events),
            vec![enter, char_key('j', KeyModifiers::NONE)]
        );
        // An answer that never ends lets keys through again after its longest length.
        let endless: Vec<Event> = std::iter::once(char_key(']', KeyModifiers::ALT))
            .chain((0..LONGEST_REPLY + 3).map(|_| char_key('x', KeyModifiers::NONE)))
            .collect();
        assert_eq!(kept(&endless).len(), 3);
    }

    #[test]
    fn ordinary_typing_is_untouched() {
        let events: Vec<Event> = "gg11;b"
            .chars()
            .map(|c| char_key(c, KeyModifiers::NONE))
            .chain([char_key('g', KeyModifiers::CONTROL), Event::FocusGained])
            .collect();
        assert_eq!(kept(&events), events);
    }
}
