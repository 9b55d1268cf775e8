//! Counts before a motion, as in vim and less (`5j`), without taking the digits from the article
//! panes: 1…9 switch panes, so a count starts with `0`. `0 5 j` moves five lines, `0 1 2 Space`
//! twelve pages; Esc drops a pending count. While a count is pending, every digit joins it.

use crate::action::Action;

/// The largest count: more would only spin.
pub const MAX: usize = 9999;

/// What a pending count does to the next action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// The action was a digit of the count: nothing else to do.
    Digit,
    /// Esc dropped the count.
    Cancelled,
    /// Do the action this many times.
    Times(usize),
}

/// Whether an action repeats under a count.
fn repeats(action: &Action) -> bool {
    matches!(
        action,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::NextClaim
            | Action::PrevClaim
    )
}

/// Takes a digit into the pending count, or applies and clears the count for another action.
pub fn before(pending: &mut Option<usize>, action: &Action) -> Counted {
    let digit = match *action {
        Action::StartCount => Some(0),
        Action::CountDigit(d) => Some(d),
        _ => None,
    };
    if let Some(d) = digit {
        let so_far = pending.unwrap_or(0);
        *pending = Some((so_far * 10 + usize::from(d)).min(MAX));
        return Counted::Digit;
    }
    let Some(n) = pending.take() else {
        return Counted::Times(1);
    };
    match action {
        Action::Back => Counted::Cancelled,
        a if repeats(a) => Counted::Times(n.max(1)),
        _ => Counted::Times(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn digit(d: u8) -> Action {
        if d == 0 {
            Action::StartCount
        } else {
            Action::CountDigit(d)
        }
    }

    #[test]
    fn digits_build_the_count_and_a_motion_uses_it_once() {
        let mut p = None;
        assert_eq!(before(&mut p, &digit(0)), Counted::Digit);
        assert_eq!(before(&mut p, &digit(1)), Counted::Digit);
        assert_eq!(before(&mut p, &digit(2)), Counted::Digit);
        assert_eq!(p, Some(12));
        assert_eq!(before(&mut p, &Action::Down), Counted::Times(12));
        assert_eq!(p, None);
        assert_eq!(before(&mut p, &Action::Down), Counted::Times(1));
    }

    #[test]
    fn other_actions_drop_the_count_and_esc_cancels() {
        let mut p = Some(5);
        assert_eq!(before(&mut p, &Action::ShowClaims), Counted::Times(1));
        assert_eq!(p, None);
        p = Some(5);
        assert_eq!(before(&mut p, &Action::Back), Counted::Cancelled);
        assert_eq!(p, None);
    }

    #[test]
    fn counts_are_capped() {
        let mut p = None;
        for _ in 0..8 {
            before(&mut p, &digit(9));
        }
        assert_eq!(p, Some(MAX));
    }
}
