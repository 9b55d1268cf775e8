//! Where the reader is, said in words in the status line so it reads without colour: the bottom
//! of the screen as a percentage and END at the end (as less), and which claim is selected
//! ("claim 3/20", with its summary where there is room).

use crate::state::State;
use crate::text;

/// "1 claim", "20 claims".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// How far down the bottom of the screen is: "END" when the last line shows.
pub fn percent(top: usize, height: usize, lines: usize) -> String {
    let bottom = top.saturating_add(height);
    if bottom >= lines {
        "END".into()
    } else {
        format!("{}%", bottom * 100 / lines.max(1))
    }
}

/// The reader's part of the status line: "42% · claim 3/20: summary" or "END · 20 claims".
/// The summary is added only when the status line is wide enough to keep room for the hints.
pub fn reader_position(state: &State) -> String {
    let reader = state.reader();
    let height = usize::from(crate::geometry::reader(state).column.height);
    let place = percent(reader.top, height, reader.flow.len());
    let claims = &state.debate.article(state.article).claims;
    let selected = reader
        .selected
        .and_then(|c| claims.iter().position(|&x| x == c).map(|i| (i, c)));
    match selected {
        Some((i, claim)) => {
            let mut s = format!("{place} · claim {}/{}", i + 1, claims.len());
            // From 100 columns the hints keep their room.
            if state.width >= 100 {
                let room = usize::from(state.width) / 3;
                let summary = text::clean(&state.debate.claim(claim).summary).into_owned();
                s.push_str(": ");
                s.push_str(&text::truncate(&summary, room));
            }
            s
        }
        None => format!("{place} · {}", count(claims.len(), "claim")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(20, "claim"), "20 claims");
    }

    #[test]
    fn percent_is_the_bottom_of_the_screen_and_end_at_the_end() {
        assert_eq!(percent(0, 20, 100), "20%");
        assert_eq!(percent(40, 20, 100), "60%");
        assert_eq!(percent(80, 20, 100), "END");
        assert_eq!(
            percent(0, 20, 10),
            "END",
            "a short article shows its end at once"
        );
        assert_eq!(percent(0, 0, 0), "END");
    }
}
