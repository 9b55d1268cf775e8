//! A one-line text field with a cursor, edited as readline and fzf's prompt are (Home/End,
//! Ctrl-a/e, words with Alt-b/f, Ctrl-w/u/k, Delete, Backspace) and taking a paste as one edit.
//! The finder's query is one; the forms of later features reuse it.
//!
//! The editing itself is `tui-input`'s (grapheme-aware, so a CJK character or an emoji with
//! a modifier is one step); this module adds the length limit, a paste, and where to draw the
//! cursor, and knows nothing of terminals.

use tui_input::{Input, InputRequest};

/// One change to a field. Keys map to these in `update`; the field knows no keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Pasted text, inserted at the cursor as one edit; line breaks and tabs become spaces.
    Paste(String),
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// Backspace: the grapheme before the cursor.
    DeleteBack,
    /// Delete: the grapheme under the cursor.
    DeleteForward,
    /// Ctrl-w: the word before the cursor, back to the space before it.
    DeleteWordBack,
    /// Alt-d: from the cursor to the end of the word (where Alt-f lands).
    KillWord,
    /// Alt-Backspace: back to the start of the word (where Alt-b lands).
    BackwardKillWord,
    /// Ctrl-u: everything before the cursor.
    DeleteToStart,
    /// Ctrl-k: everything from the cursor on.
    DeleteToEnd,
    /// Everything.
    Clear,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The text changed (the cursor may have too).
    Changed,
    /// Only the cursor moved, or nothing happened.
    Unchanged,
    /// The text would exceed the field's limit; nothing was inserted.
    Full,
}

/// The text and the cursor of a one-line field, with a limit in characters.
#[derive(Debug, Clone)]
pub struct TextField {
    input: Input,
    max_chars: usize,
}

impl Default for TextField {
    fn default() -> Self {
        Self::new(usize::MAX)
    }
}

impl TextField {
    /// An empty field that holds at most `max_chars` characters.
    pub fn new(max_chars: usize) -> Self {
        Self {
            input: Input::default(),
            max_chars,
        }
    }

    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Replaces the text, with the cursor at its end (as a recalled query is shown).
    pub fn set_text(&mut self, text: &str) {
        let text: String = text.chars().take(self.max_chars).collect();
        self.input = Input::new(text);
    }

    /// The cursor's offset in display columns from the start of the text: where the next
    /// character goes, counting a wide (CJK) character as two.
    pub fn cursor_column(&self) -> usize {
        self.input.visual_cursor()
    }

    /// The cursor as a count of characters before it.
    pub fn cursor_chars(&self) -> usize {
        self.input.cursor()
    }

    pub fn apply(&mut self, edit: Edit) -> Outcome {
        let before = self.input.value().len();
        let request = match edit {
            Edit::Insert(c) => return self.insert(&c.to_string()),
            Edit::Paste(text) => return self.insert(&one_line(&text)),
            Edit::Clear => {
                let changed = !self.text().is_empty();
                self.input.reset();
                return if changed {
                    Outcome::Changed
                } else {
                    Outcome::Unchanged
                };
            }
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::SetCursor(self.word_start()),
            Edit::WordRight => InputRequest::SetCursor(self.word_end()),
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::DeleteBack => InputRequest::DeletePrevChar,
            Edit::DeleteForward => InputRequest::DeleteNextChar,
            Edit::DeleteWordBack => return self.rub_out_word(),
            Edit::KillWord => return self.delete_chars(self.input.cursor(), self.word_end()),
            Edit::BackwardKillWord => {
                return self.delete_chars(self.word_start(), self.input.cursor());
            }
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
        };
        self.input.handle(request);
        // The crate reports a change for a Ctrl-k at the end; the length says what happened.
        if self.input.value().len() == before {
            Outcome::Unchanged
        } else {
            Outcome::Changed
        }
    }

    /// Ctrl-w as readline's unix-word-rubout and fzf's do it: the spaces before the cursor,
    /// then everything back to the space before that, so `tec !chi` loses `!chi` whole
    /// (tui-input's word stops at punctuation and would leave the `!`).
    fn rub_out_word(&mut self) -> Outcome {
        let cursor = self.input.cursor();
        let before: Vec<char> = self.text().chars().take(cursor).collect();
        let mut start = before.len();
        while start > 0 && before[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !before[start - 1].is_whitespace() {
            start -= 1;
        }
        self.delete_chars(start, cursor)
    }

    /// Deletes the characters from `from` to `to` (counts of characters), leaving the cursor
    /// at `from`.
    fn delete_chars(&mut self, from: usize, to: usize) -> Outcome {
        if from >= to {
            return Outcome::Unchanged;
        }
        let text: String = self
            .text()
            .chars()
            .take(from)
            .chain(self.text().chars().skip(to))
            .collect();
        self.input = Input::new(text).with_cursor(from);
        Outcome::Changed
    }

    /// Where readline's backward-word (Alt-b) lands: back over the non-word characters before
    /// the cursor, then over the word, to its start. Words are letters and digits, as for
    /// [`TextField::word_end`] (tui-input's own takes each CJK character for a word).
    fn word_start(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        let before: String = self.text().chars().take(self.input.cursor()).collect();
        self.input.cursor() - word_length(before.graphemes(true).rev())
    }

    /// Where readline's forward-word (Alt-f) lands: past the non-word characters after the
    /// cursor, then past the word, so at the end of the word (tui-input stops at the start of
    /// the next one, as vim's `w` does).
    fn word_end(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        let rest: String = self.text().chars().skip(self.input.cursor()).collect();
        self.input.cursor() + word_length(rest.graphemes(true))
    }

    /// Inserts text at the cursor, all of it or (past the limit) none of it.
    fn insert(&mut self, text: &str) -> Outcome {
        let count = text.chars().count();
        if count == 0 {
            return Outcome::Unchanged;
        }
        if self.text().chars().count() + count > self.max_chars {
            return Outcome::Full;
        }
        let at = self.input.cursor();
        let byte = self
            .text()
            .char_indices()
            .nth(at)
            .map_or(self.text().len(), |(i, _)| i);
        let mut value = self.text().to_owned();
        value.insert_str(byte, text);
        self.input = Input::new(value).with_cursor(at + count);
        Outcome::Changed
    }
}

/// Whether a grapheme belongs to a word, for moving and deleting by words: a letter or digit.
fn is_word(grapheme: &str) -> bool {
    grapheme.chars().next().is_some_and(char::is_alphanumeric)
}

/// How many characters a word move crosses, reading `graphemes` from the cursor on (either
/// way): the non-word ones first, then the word.
fn word_length<'a>(graphemes: impl Iterator<Item = &'a str>) -> usize {
    let mut graphemes = graphemes.peekable();
    let mut moved = 0;
    while let Some(g) = graphemes.next_if(|g| !is_word(g)) {
        moved += g.chars().count();
    }
    while let Some(g) = graphemes.next_if(|g| is_word(g)) {
        moved += g.chars().count();
    }
    moved
}

/// A paste for a one-line field: control characters (line breaks, tabs) become spaces, and a
/// final line break (a copied line usually has one) is dropped.
fn one_line(text: &str) -> String {
    text.trim_end_matches(['\n', '\r'])
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextField {
        let mut f = TextField::new(20);
        f.set_text(text);
        f
    }

    /// The text with `|` where the cursor is.
    fn shown(f: &TextField) -> String {
        let mut s = f.text().to_owned();
        let byte = s
            .char_indices()
            .nth(f.cursor_chars())
            .map_or(s.len(), |(i, _)| i);
        s.insert(byte, '|');
        s
    }

    fn after(text: &str, edits: &[Edit]) -> String {
        let mut f = field(text);
        for e in edits {
            f.apply(e.clone());
        }
        shown(&f)
    }

    #[test]
    fn characters_go_where_the_cursor_is() {
        use Edit::{Insert, Left};
        // The example: after `export`, Left Left X.
        assert_eq!(after("export", &[Left, Left, Insert('X')]), "expoX|rt");
    }

    #[test]
    fn home_end_and_single_steps() {
        use Edit::{End, Home, Insert, Left, Right};
        assert_eq!(after("abc", &[Home, Insert('>')]), ">|abc");
        assert_eq!(after("abc", &[Home, Right, End, Insert('<')]), "abc<|");
        assert_eq!(after("abc", &[Home, Left]), "|abc");
        assert_eq!(after("abc", &[Right]), "abc|");
    }

    #[test]
    fn words_move_and_delete() {
        use Edit::{DeleteWordBack, End, WordLeft, WordRight};
        assert_eq!(after("export controls", &[WordLeft]), "export |controls");
        assert_eq!(
            after("export controls", &[WordLeft, WordLeft]),
            "|export controls"
        );
        assert_eq!(
            after("export controls", &[WordLeft, WordRight]),
            "export controls|"
        );
        assert_eq!(
            after("export controls", &[WordLeft, WordLeft, WordRight]),
            "export| controls"
        );
        assert_eq!(after("a, b", &[Edit::Home, WordRight, WordRight]), "a, b|");
        assert_eq!(after("export controls", &[DeleteWordBack]), "export |");
        // Back to the space before, as readline and fzf do: operators and all.
        assert_eq!(after("tec !chi", &[DeleteWordBack]), "tec |");
        assert_eq!(after("tec 'sem-i  ", &[DeleteWordBack]), "tec |");
        assert_eq!(after("  ", &[DeleteWordBack]), "|");
        assert_eq!(after("", &[DeleteWordBack]), "|");
        assert_eq!(after("中国 技术", &[DeleteWordBack]), "中国 |");
        assert_eq!(
            after("a.b c", &[Edit::Left, Edit::Left, DeleteWordBack]),
            "| c"
        );
        assert_eq!(
            after("export controls", &[WordLeft, DeleteWordBack, End]),
            "controls|"
        );
    }

    /// Alt-d and Alt-Backspace delete what Alt-f and Alt-b move over, as readline's kill-word
    /// and backward-kill-word do: words of letters and digits, punctuation between them.
    #[test]
    fn kill_word_deletes_what_the_word_moves_cross() {
        use Edit::{BackwardKillWord, Home, KillWord, Left, WordLeft};
        assert_eq!(after("export controls", &[Home, KillWord]), "| controls");
        assert_eq!(after("export controls", &[Home, KillWord, KillWord]), "|");
        assert_eq!(
            after("export controls", &[WordLeft, Left, KillWord]),
            "export|"
        );
        assert_eq!(after("tec !chi", &[Home, KillWord]), "| !chi");
        assert_eq!(after("tec !chi", &[Home, KillWord, KillWord]), "|");
        assert_eq!(after("abc", &[KillWord]), "abc|");
        assert_eq!(after("export controls", &[BackwardKillWord]), "export |");
        assert_eq!(after("tec !chi", &[BackwardKillWord]), "tec !|");
        assert_eq!(after("semi-conductor", &[BackwardKillWord]), "semi-|");
        assert_eq!(after("abc  ", &[BackwardKillWord]), "|");
        assert_eq!(after("", &[BackwardKillWord]), "|");
        assert_eq!(after("中国 技术", &[BackwardKillWord]), "中国 |");
        assert_eq!(after("中国 技术", &[Home, KillWord]), "| 技术");
        assert_eq!(after("中国 技术", &[WordLeft]), "中国 |技术");
        let mut f = field("abc");
        assert_eq!(f.apply(Edit::Home), Outcome::Unchanged);
        assert_eq!(f.apply(BackwardKillWord), Outcome::Unchanged);
        assert_eq!(f.apply(KillWord), Outcome::Changed);
        assert_eq!(f.apply(KillWord), Outcome::Unchanged);
    }

    #[test]
    fn kills_to_either_end_and_single_deletes() {
        use Edit::{DeleteBack, DeleteForward, DeleteToEnd, DeleteToStart, Left};
        assert_eq!(after("abcd", &[Left, Left, DeleteToEnd]), "ab|");
        assert_eq!(after("abcd", &[Left, Left, DeleteToStart]), "|cd");
        assert_eq!(after("abcd", &[Left, Left, DeleteForward]), "ab|d");
        assert_eq!(after("abcd", &[Left, Left, DeleteBack]), "a|cd");
        assert_eq!(after("", &[DeleteBack, DeleteForward]), "|");
    }

    #[test]
    fn wide_characters_are_one_step_and_two_columns() {
        let mut f = field("中国x");
        assert_eq!(f.cursor_column(), 5);
        f.apply(Edit::Left);
        f.apply(Edit::Left);
        assert_eq!(shown(&f), "中|国x");
        assert_eq!(f.cursor_column(), 2);
        f.apply(Edit::DeleteBack);
        assert_eq!(shown(&f), "|国x");
        assert_eq!(f.cursor_column(), 0);
    }

    #[test]
    fn a_paste_is_one_edit_on_one_line() {
        let mut f = field("ab");
        f.apply(Edit::Left);
        assert_eq!(f.apply(Edit::Paste("x\ty\nz\n".into())), Outcome::Changed);
        assert_eq!(shown(&f), "ax y z|b");
    }

    #[test]
    fn the_limit_refuses_whole_inserts() {
        let mut f = TextField::new(3);
        assert_eq!(f.apply(Edit::Paste("abcd".into())), Outcome::Full);
        assert_eq!(f.text(), "");
        assert_eq!(f.apply(Edit::Paste("abc".into())), Outcome::Changed);
        assert_eq!(f.apply(Edit::Insert('d')), Outcome::Full);
        assert_eq!(f.text(), "abc");
    }

    #[test]
    fn moving_changes_nothing_but_the_cursor() {
        let mut f = field("abc");
        assert_eq!(f.apply(Edit::Home), Outcome::Unchanged);
        assert_eq!(f.apply(Edit::DeleteToStart), Outcome::Unchanged);
        assert_eq!(f.apply(Edit::DeleteToEnd), Outcome::Changed);
        assert_eq!(f.text(), "");
    }
}
