//! Where Esc goes back to: a stack of the places the user came from. Every move pushes the place
//! left; Esc pops. A place is stacked once per visit and popped when Esc returns to it, so a
//! view the user closed with Esc is never reopened by a later Esc.
//!
//! Generic over what a place is, so the rules are tested here on plain values.

/// How many places are kept; the oldest go first.
pub const CAPACITY: usize = 100;

/// Records a move from `here` to `there`.
pub fn visit<T: PartialEq>(stack: &mut Vec<T>, here: T, there: &T) {
    // Staying put, or leaving the place just stacked again, adds no step back.
    if here == *there || stack.last() == Some(&here) {
        return;
    }
    stack.push(here);
    if stack.len() > CAPACITY {
        stack.remove(0);
    }
}

/// The place Esc returns to, taken off the stack.
pub fn back<T>(stack: &mut Vec<T>) -> Option<T> {
    stack.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_retraces_the_way_in_and_never_returns_twice() {
        let mut s = Vec::new();
        visit(&mut s, 'r', &'/');
        visit(&mut s, '/', &'r');
        assert_eq!(back(&mut s), Some('/'));
        assert_eq!(back(&mut s), Some('r'));
        assert_eq!(back(&mut s), None);
        assert_eq!(back(&mut s), None);
    }

    #[test]
    fn staying_put_records_nothing() {
        let mut s = Vec::new();
        visit(&mut s, 1, &1);
        assert!(s.is_empty());
    }

    #[test]
    fn leaving_one_place_twice_stacks_it_once() {
        let mut s = Vec::new();
        visit(&mut s, 1, &2);
        visit(&mut s, 1, &3);
        assert_eq!(s, vec![1]);
    }

    #[test]
    fn capacity_drops_the_oldest() {
        let mut s = Vec::new();
        for i in 0..CAPACITY + 3 {
            visit(&mut s, i, &(i + 1));
        }
        assert_eq!(s.len(), CAPACITY);
        assert_eq!(s.first(), Some(&3));
    }
}
