//! Searches on a thread of their own, so that typing never waits for matching.
//!
//! The reader sends every query with a generation number; the worker runs only the newest one
//! waiting, and gives up on a running one as soon as a newer query arrives. Results come back
//! tagged with their generation, so the reader can drop any that a newer query made stale.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::Duration;

use super::{Index, Results};
use crate::model::Debate;

/// One query to run.
pub struct Job {
    pub generation: u64,
    pub query: String,
    pub limit: usize,
    /// The debate to search; a different one (after a reload) rebuilds the index.
    pub debate: Arc<Debate>,
}

/// What the search thread is asked to do.
enum Message {
    /// Build the index of a debate now, so that the first query does not wait for it.
    Prepare(Arc<Debate>),
    Search(Job),
}

/// The results of one query: the claims first (`results.partial`), then everything.
#[derive(Debug)]
pub struct Done {
    pub generation: u64,
    pub results: Results,
}

/// What asking the search thread for results found.
#[derive(Debug)]
pub enum Received {
    Done(Done),
    /// Nothing yet.
    Nothing,
    /// The thread is gone (it panicked): no result will ever come from it.
    Gone,
}

/// The handle to the search thread. Dropping it stops the thread (a running search gives up).
pub struct Worker {
    jobs: Option<Sender<Message>>,
    done: Receiver<Done>,
    /// The generation of the newest job sent: a running search with another one stops.
    latest: Arc<AtomicU64>,
}

impl Worker {
    pub fn spawn() -> std::io::Result<Self> {
        let (jobs, job_rx) = channel::<Message>();
        let (done_tx, done) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&job_rx, &done_tx, &seen))?;
        Ok(Self {
            jobs: Some(jobs),
            done,
            latest,
        })
    }

    /// Abandons the query waiting or running, if any: nobody waits for its results any more.
    /// No query has generation 0, so the running one stops at its next check.
    pub fn cancel(&self) {
        self.latest.store(0, Ordering::SeqCst);
    }

    /// Queues a query; any older query still waiting or running is abandoned.
    pub fn submit(&self, job: Job) {
        self.latest.store(job.generation, Ordering::SeqCst);
        self.send(Message::Search(job));
    }

    /// Builds the index of `debate` ahead of the first query (a million claims take about a
    /// second).
    pub fn prepare(&self, debate: Arc<Debate>) {
        self.send(Message::Prepare(debate));
    }

    fn send(&self, message: Message) {
        if let Some(jobs) = &self.jobs {
            // A send fails only if the thread is gone (it panicked): results just never come.
            let _ = jobs.send(message);
        }
    }

    /// Results that are ready, without waiting.
    pub fn try_recv(&self) -> Received {
        match self.done.try_recv() {
            Ok(done) => Received::Done(done),
            Err(TryRecvError::Empty) => Received::Nothing,
            Err(TryRecvError::Disconnected) => Received::Gone,
        }
    }

    /// Results, waiting up to `timeout` for them.
    pub fn wait(&self, timeout: Duration) -> Received {
        match self.done.recv_timeout(timeout) {
            Ok(done) => Received::Done(done),
            Err(RecvTimeoutError::Timeout) => Received::Nothing,
            Err(RecvTimeoutError::Disconnected) => Received::Gone,
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // No generation is u64::MAX, so a running search stops; closing the channel ends the
        // thread's loop. The thread is not joined: it ends on its own within one check.
        self.latest.store(u64::MAX, Ordering::SeqCst);
        self.jobs = None;
    }
}

/// The index of `debate`, built unless `current` already is.
fn index_of<'a>(
    current: &'a mut Option<(Arc<Debate>, Index)>,
    debate: &Arc<Debate>,
) -> &'a mut Index {
    if !current
        .as_ref()
        .is_some_and(|(d, _)| Arc::ptr_eq(d, debate))
    {
        *current = None;
    }
    &mut current
        .get_or_insert_with(|| (Arc::clone(debate), Index::new(debate)))
        .1
}

fn serve(jobs: &Receiver<Message>, done: &Sender<Done>, latest: &AtomicU64) {
    let mut current: Option<(Arc<Debate>, Index)> = None;
    while let Ok(first) = jobs.recv() {
        // Only the newest waiting query matters, and the newest debate to prepare.
        let (mut prepare, mut search) = (None, None);
        for message in std::iter::once(first).chain(std::iter::from_fn(|| jobs.try_recv().ok())) {
            match message {
                Message::Prepare(debate) => prepare = Some(debate),
                Message::Search(job) => search = Some(job),
            }
        }
        if let Some(debate) = prepare {
            index_of(&mut current, &debate);
        }
        let Some(job) = search else { continue };
        if latest.load(Ordering::SeqCst) != job.generation {
            continue;
        }
        let index = index_of(&mut current, &job.debate);
        let generation = job.generation;
        let stop = || latest.load(Ordering::Relaxed) != generation;
        let mut gone = false;
        let _ = index.search_phased(&job.debate, &job.query, job.limit, &stop, |results| {
            gone |= done
                .send(Done {
                    generation,
                    results,
                })
                .is_err();
        });
        if gone {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(debate: &Arc<Debate>, generation: u64, query: &str) -> Job {
        Job {
            generation,
            query: query.into(),
            limit: 100,
            debate: Arc::clone(debate),
        }
    }

    const WAIT: Duration = Duration::from_secs(30);

    fn recv(worker: &Worker) -> Option<Done> {
        match worker.wait(WAIT) {
            Received::Done(done) => Some(done),
            Received::Nothing | Received::Gone => None,
        }
    }

    #[test]
    fn answers_with_the_same_results_as_a_direct_search() {
        let debate = Arc::new(Debate::embedded().expect("embedded"));
        let worker = Worker::spawn().expect("thread");
        worker.submit(job(&debate, 1, "talent"));
        let claims = recv(&worker).expect("results");
        assert_eq!(claims.generation, 1);
        assert!(claims.results.partial, "the claims come first");
        assert!(
            claims
                .results
                .hits
                .iter()
                .all(|h| !matches!(h.target, super::super::Target::Paragraph { .. }))
        );
        // Then the claims counted in full (past the results kept), and then everything.
        let mut done = recv(&worker).expect("results");
        while done.results.partial {
            assert_eq!(
                done.results.hits, claims.results.hits,
                "the same claims ranked"
            );
            done = recv(&worker).expect("results");
        }
        assert_eq!(done.generation, 1);
        assert_eq!(
            done.results,
            Index::new(&debate).search(&debate, "talent", 100)
        );
        assert!(done.results.matched > claims.results.matched);
    }

    #[test]
    fn a_prepared_debate_is_searched_without_more_ado() {
        let debate = Arc::new(Debate::embedded().expect("embedded"));
        let worker = Worker::spawn().expect("thread");
        worker.prepare(Arc::clone(&debate));
        worker.prepare(Arc::clone(&debate));
        worker.submit(job(&debate, 7, "talent"));
        let done = recv(&worker).expect("results");
        assert_eq!(done.generation, 7);
        assert!(done.results.matched > 0);
    }

    #[test]
    fn only_the_newest_of_queued_queries_is_answered() {
        let debate = Arc::new(Debate::embedded().expect("embedded"));
        let worker = Worker::spawn().expect("thread");
        for (generation, query) in [(1, "t"), (2, "ta"), (3, "tal")] {
            worker.submit(job(&debate, generation, query));
        }
        // Older ones may have started before the newer arrived; whatever comes, the newest
        // comes, and it comes last.
        let mut last = None;
        while let Some(done) = recv(&worker) {
            let finished = done.generation == 3 && !done.results.partial;
            last = Some(done);
            if finished {
                break;
            }
        }
        let last = last.expect("results");
        assert_eq!(last.generation, 3);
        assert_eq!(last.results.query, "tal");
    }

    #[test]
    fn a_cancelled_query_is_not_answered() {
        let debate = Arc::new(Debate::embedded().expect("embedded"));
        let worker = Worker::spawn().expect("thread");
        // Queued behind a slow preparation, so that the cancel comes before it starts.
        worker.prepare(Arc::clone(&debate));
        worker.submit(job(&debate, 1, "talent"));
        worker.cancel();
        worker.submit(job(&debate, 2, "durov"));
        // Whatever of 1 came before the cancel, the last answer is 2's complete results.
        let mut last = None;
        while let Some(done) = recv(&worker) {
            let finished = done.generation == 2 && !done.results.partial;
            last = Some(done);
            if finished {
                break;
            }
        }
        assert_eq!(last.expect("results").results.query, "durov");
        // A debate to prepare holds the thread long after the cancel that follows the query.
        let toml = crate::generate::debate_toml(4, 2_000, 3, 7);
        let other = Arc::new(crate::model::load_bytes("gen.toml", toml.as_bytes()).expect("loads"));
        worker.prepare(Arc::clone(&other));
        worker.submit(job(&other, 3, "talent"));
        worker.cancel();
        assert!(
            matches!(worker.wait(Duration::from_millis(500)), Received::Nothing),
            "a query cancelled before it ran sends nothing"
        );
    }

    #[test]
    fn a_search_of_a_reloaded_debate_uses_the_new_debate() {
        let first = Arc::new(Debate::embedded().expect("embedded"));
        let worker = Worker::spawn().expect("thread");
        worker.submit(job(&first, 1, "talent"));
        assert!(recv(&worker).expect("results").results.matched > 0);
        while recv(&worker).expect("results").results.partial {}
        let toml = crate::generate::debate_toml(1, 5, 2, 7);
        let second =
            Arc::new(crate::model::load_bytes("gen.toml", toml.as_bytes()).expect("loads"));
        worker.submit(job(&second, 2, "zzzzqqqq"));
        let done = recv(&worker).expect("results");
        assert_eq!(
            done.results.total,
            Index::new(&second).search(&second, "x", 1).total
        );
    }
}
