//! A jump list like vim's: the places the reader jumped from, walked back with Ctrl-o and
//! forward again with Ctrl-n.
//!
//! Generic over what a place is, so the rules are tested here on plain numbers. Browser rules:
//! a new jump drops the places ahead of the current one; going back from the newest place first
//! remembers it, so forward returns there.

/// How many places are kept; the oldest go first.
pub const CAPACITY: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpList<T> {
    entries: Vec<T>,
    /// Where the user is in `entries`; `entries.len()` when at the newest place (not stored).
    index: usize,
}

impl<T> Default for JumpList<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            index: 0,
        }
    }
}

impl<T: Clone + PartialEq> JumpList<T> {
    /// Records `here` before a jump away from it.
    pub fn record(&mut self, here: T) {
        self.entries.truncate(self.index);
        // A jump from where the last jump came from adds nothing.
        if self.entries.last() != Some(&here) {
            self.entries.push(here);
        }
        if self.entries.len() > CAPACITY {
            self.entries.remove(0);
        }
        self.index = self.entries.len();
    }

    /// The place before `here`, if any. From the newest place, `here` is kept for forward.
    pub fn back(&mut self, here: T) -> Option<T> {
        if self.index == self.entries.len() && self.entries.last() == Some(&here) {
            // At the newest recorded place already: it is the current entry.
            self.index -= 1;
        }
        if self.index == 0 {
            return None;
        }
        match self.entries.get_mut(self.index) {
            // Remember where the user moved to since coming back here.
            Some(slot) => *slot = here,
            None => self.entries.push(here),
        }
        self.index -= 1;
        self.entries.get(self.index).cloned()
    }

    /// The place after the current one, if the user went back before.
    pub fn forward(&mut self, here: T) -> Option<T> {
        if self.index + 1 >= self.entries.len() {
            return None;
        }
        if let Some(slot) = self.entries.get_mut(self.index) {
            *slot = here;
        }
        self.index += 1;
        self.entries.get(self.index).cloned()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Keeps only the places `keep` accepts (after a reload drops an article, say).
    pub fn retain(&mut self, keep: impl Fn(&T) -> bool) {
        let before = self.entries[..self.index.min(self.entries.len())]
            .iter()
            .filter(|e| keep(e))
            .count();
        self.entries.retain(|e| keep(e));
        self.index = before.min(self.entries.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_retrace_the_jumps() {
        let mut j = JumpList::default();
        j.record(1);
        j.record(2);
        // Now at 3.
        assert_eq!(j.back(3), Some(2));
        assert_eq!(j.back(2), Some(1));
        assert_eq!(j.back(1), None);
        assert_eq!(j.forward(1), Some(2));
        assert_eq!(j.forward(2), Some(3));
        assert_eq!(j.forward(3), None);
        assert_eq!(j.back(3), Some(2));
    }

    #[test]
    fn a_new_jump_drops_the_places_ahead() {
        let mut j = JumpList::default();
        j.record(1);
        j.record(2);
        assert_eq!(j.back(3), Some(2));
        assert_eq!(j.back(2), Some(1));
        j.record(1);
        // At 4 now: back goes to 1, and nothing of 2 and 3 is left ahead.
        assert_eq!(j.back(4), Some(1));
        assert_eq!(j.back(1), None);
        assert_eq!(j.forward(1), Some(4));
        assert_eq!(j.forward(4), None);
    }

    #[test]
    fn moving_after_going_back_is_remembered() {
        let mut j = JumpList::default();
        j.record(10);
        assert_eq!(j.back(20), Some(10));
        // Scrolled from 10 to 11, then forward and back again.
        assert_eq!(j.forward(11), Some(20));
        assert_eq!(j.back(20), Some(11));
    }

    #[test]
    fn empty_list_goes_nowhere() {
        let mut j: JumpList<i32> = JumpList::default();
        assert_eq!(j.back(1), None);
        assert_eq!(j.forward(1), None);
        // Going back with nothing recorded must not leave a phantom place behind.
        assert_eq!(j.back(1), None);
    }

    #[test]
    fn repeated_records_of_one_place_count_once() {
        let mut j = JumpList::default();
        j.record(1);
        j.record(1);
        assert_eq!(j.len(), 1);
        assert_eq!(j.back(1), None);
    }

    #[test]
    fn capacity_drops_the_oldest() {
        let mut j = JumpList::default();
        for i in 0..CAPACITY + 5 {
            j.record(i);
        }
        assert_eq!(j.len(), CAPACITY);
        let mut oldest = None;
        let mut here = CAPACITY + 5;
        while let Some(p) = j.back(here) {
            oldest = Some(p);
            here = p;
        }
        assert_eq!(oldest, Some(5));
    }

    #[test]
    fn retain_keeps_the_position() {
        let mut j = JumpList::default();
        for i in 0..4 {
            j.record(i);
        }
        j.retain(|&i| i != 1);
        assert_eq!(j.back(9), Some(3));
        assert_eq!(j.back(3), Some(2));
        assert_eq!(j.back(2), Some(0));
    }
}
