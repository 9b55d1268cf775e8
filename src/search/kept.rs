//! The best results one ranking thread keeps, and the bar they set with the other thread's:
//! what a text must score above to be among the best `limit`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicI64, Ordering};

/// A thread's best half's worst score, on a cache line of its own.
#[repr(align(64))]
pub(super) struct OwnLine(pub AtomicI64);

impl Default for OwnLine {
    fn default() -> Self {
        Self(AtomicI64::new(i64::MIN))
    }
}

/// The best results one thread has kept, and the bar they set with the other thread's.
pub(super) struct Kept<'a> {
    limit: usize,
    /// The best `limit` so far, worst on top; a result is (score, earlier first).
    best: BinaryHeap<Reverse<(i64, Reverse<u32>)>>,
    /// The scores of the best `limit` / 2 + 1 of them, worst on top: one more than half, as
    /// a claim whose fields straddle the two threads' parts can be among both threads'.
    half: BinaryHeap<Reverse<i64>>,
    /// Where this thread says its half's worst score, and where the other thread says its
    /// own (`i64::MIN` until a half is full, and always where there is no other thread).
    mine: &'a AtomicI64,
    theirs: &'a AtomicI64,
    /// What `mine` holds.
    published: i64,
}

impl<'a> Kept<'a> {
    pub fn new(limit: usize, [mine, theirs]: [&'a AtomicI64; 2]) -> Self {
        Self {
            limit,
            best: BinaryHeap::new(),
            half: BinaryHeap::new(),
            mine,
            theirs,
            published: i64::MIN,
        }
    }

    fn half_len(&self) -> usize {
        self.limit / 2 + 1
    }

    pub fn keep(&mut self, t: u32, score: i64) {
        self.best.push(Reverse((score, Reverse(t))));
        if self.best.len() > self.limit {
            self.best.pop();
        }
        let half = self.half_len();
        match self.half.peek() {
            // Most results kept are not among the best half.
            Some(&Reverse(worst)) if self.half.len() == half && score <= worst => return,
            _ => {}
        }
        self.half.push(Reverse(score));
        if self.half.len() > half {
            self.half.pop();
        }
        // Written only when it changes: the other thread reads it for every text.
        if let Some(&Reverse(worst)) = self.half.peek()
            && self.half.len() == half
            && worst != self.published
        {
            self.mine.store(worst, Ordering::Relaxed);
            self.published = worst;
        }
    }

    /// What a result must score above to be among the best `limit`, if known: the worst of
    /// this thread's best `limit` (`floor` until there are that many), or the lower of the
    /// two threads' best halves' worst, less one, where that is higher. The two halves are at
    /// least `limit` results (a straddling claim counted once) scoring at least that worst; a
    /// result below it cannot rank, and one equal to it might (the other thread's targets may
    /// lose the tie), hence the one. Within a thread later targets lose ties, so a bound equal
    /// to its own bar is not enough.
    pub fn bar(&self, floor: Option<i64>) -> Option<i64> {
        let own = match self.best.peek() {
            Some(Reverse((worst, _))) if self.best.len() >= self.limit => Some(*worst),
            _ => floor,
        };
        let theirs = self.theirs.load(Ordering::Relaxed);
        let both = match self.half.peek() {
            Some(&Reverse(mine)) if self.half.len() == self.half_len() => {
                (theirs > i64::MIN).then(|| mine.min(theirs) - 1)
            }
            _ => None,
        };
        own.max(both)
    }
}
