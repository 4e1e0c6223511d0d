//! Deterministic parallel reduction of per-source work.
//!
//! Floating-point addition is not associative, so a rayon `reduce` whose
//! tree shape follows work stealing would give results that change from
//! run to run and with the number of threads. Here the sources are cut into
//! a fixed number of contiguous blocks (a function of the source count
//! only); each block is accumulated in source order into its own buffer,
//! and the buffers are added to the total in block order. Parallel and
//! serial runs therefore perform the same additions in the same order.
//!
//! Workers take blocks from a shared counter and never wait for each other
//! except when every buffer of a small pool holds a finished block that
//! waits for an earlier, slower one: a worker that loses its core for a
//! while (a busy machine) delays the others only that much.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use rayon::prelude::*;

use crate::options::Execution;

/// Upper bound on the number of blocks sources are cut into.
const BLOCKS: usize = 256;

/// Below this much work (sources times adjacency entries) waking the
/// thread pool costs more than it saves, so the work stays on the calling
/// thread; results are the same either way.
const SERIAL_WORK: usize = 1 << 20;

/// The execution actually used for `sources` searches over `entries`
/// adjacency entries.
pub(crate) fn effective(execution: Execution, sources: usize, entries: usize) -> Execution {
    match execution {
        Execution::Auto if sources.saturating_mul(entries + sources) < SERIAL_WORK => {
            Execution::Serial
        }
        Execution::Auto => Execution::Parallel,
        forced => forced,
    }
}

/// Sums `work` over `0..sources` into a vector of `len` values.
///
/// `work(scratch, range, acc)` adds the contributions of the sources in
/// `range` into `acc`; `init` makes each worker's scratch space.
pub(crate) fn block_sum<S, I, F>(
    execution: Execution,
    sources: usize,
    len: usize,
    init: I,
    work: F,
) -> Vec<f64>
where
    I: Fn() -> S + Sync,
    F: Fn(&mut S, std::ops::Range<usize>, &mut [f64]) + Sync,
{
    let ranges = block_ranges(sources);
    let blocks = ranges.len();
    if execution != Execution::Parallel || rayon::current_num_threads() <= 1 {
        return serial_sum(&mut init(), &ranges, len, &work);
    }
    let workers = rayon::current_num_threads().min(blocks);
    let pool = Pool {
        state: Mutex::new(PoolState {
            total: vec![0.0; len],
            next: 0,
            done: Vec::new(),
            free: Vec::new(),
            allocated: 0,
        }),
        returned: Condvar::new(),
        limit: 2 * workers + 2,
        len,
    };
    let counter = AtomicUsize::new(0);
    rayon::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|_| {
                let mut scratch = init();
                loop {
                    // Take a buffer before a block, so that the earliest
                    // unfinished block always has a buffer and can finish.
                    let mut acc = pool.take();
                    let b = counter.fetch_add(1, Ordering::Relaxed);
                    let Some(range) = ranges.get(b) else {
                        pool.give_back(acc);
                        break;
                    };
                    acc.fill(0.0);
                    work(&mut scratch, range.clone(), &mut acc);
                    pool.finish(b, acc);
                }
            });
        }
    });
    pool.into_total()
}

/// The blocks [`block_sum`] cuts `0..sources` into: contiguous, in order,
/// and a function of the source count only.
fn block_ranges(sources: usize) -> Vec<std::ops::Range<usize>> {
    let blocks = sources.clamp(1, BLOCKS);
    (0..blocks)
        .map(|b| (b * sources / blocks)..((b + 1) * sources / blocks))
        .collect()
}

/// [`block_sum`] on the calling thread with the caller's scratch space, so
/// that scratch can be reused from graph to graph. Performs exactly the
/// additions of `block_sum`, in the same order.
pub(crate) fn block_sum_with<S, F>(scratch: &mut S, sources: usize, len: usize, work: F) -> Vec<f64>
where
    F: Fn(&mut S, std::ops::Range<usize>, &mut [f64]),
{
    serial_sum(scratch, &block_ranges(sources), len, &work)
}

fn serial_sum<S, F>(
    scratch: &mut S,
    ranges: &[std::ops::Range<usize>],
    len: usize,
    work: &F,
) -> Vec<f64>
where
    F: Fn(&mut S, std::ops::Range<usize>, &mut [f64]),
{
    let mut total = vec![0.0; len];
    let mut acc = vec![0.0; len];
    for range in ranges {
        acc.fill(0.0);
        work(scratch, range.clone(), &mut acc);
        add(&mut total, &acc);
    }
    total
}

/// Buffers for finished blocks and the running total.
struct Pool {
    state: Mutex<PoolState>,
    returned: Condvar,
    limit: usize,
    len: usize,
}

struct PoolState {
    total: Vec<f64>,
    /// The next block to add to the total.
    next: usize,
    /// Finished blocks waiting for an earlier one, by block number.
    done: Vec<(usize, Vec<f64>)>,
    free: Vec<Vec<f64>>,
    allocated: usize,
}

impl Pool {
    fn lock(&self) -> MutexGuard<'_, PoolState> {
        // A panicking worker poisons the lock; the panic itself propagates
        // out of `rayon::scope`, so the state is never read afterwards.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take(&self) -> Vec<f64> {
        let mut state = self.lock();
        loop {
            if let Some(buffer) = state.free.pop() {
                return buffer;
            }
            if state.allocated < self.limit {
                state.allocated += 1;
                return vec![0.0; self.len];
            }
            state = self.returned.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn give_back(&self, buffer: Vec<f64>) {
        self.lock().free.push(buffer);
        self.returned.notify_all();
    }

    /// Files block `b` and adds every block that is now next in line.
    fn finish(&self, b: usize, buffer: Vec<f64>) {
        let mut state = self.lock();
        state.done.push((b, buffer));
        while let Some(i) = state.done.iter().position(|(k, _)| *k == state.next) {
            let (_, buffer) = state.done.swap_remove(i);
            add(&mut state.total, &buffer);
            state.next += 1;
            state.free.push(buffer);
        }
        drop(state);
        self.returned.notify_all();
    }

    fn into_total(self) -> Vec<f64> {
        self.state
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .total
    }
}

fn add(total: &mut [f64], acc: &[f64]) {
    for (t, a) in total.iter_mut().zip(acc) {
        *t += *a;
    }
}

/// Maps `f` over `0..n` (one value per node), in parallel or not; the
/// results do not depend on the choice because each value is computed
/// alone.
pub(crate) fn map_nodes<S, T, I, F>(execution: Execution, n: usize, init: I, f: F) -> Vec<T>
where
    S: Send,
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    match execution {
        Execution::Serial | Execution::Auto => {
            let mut scratch = init();
            (0..n).map(|v| f(&mut scratch, v)).collect()
        }
        Execution::Parallel => (0..n)
            .into_par_iter()
            .with_min_len(64)
            .map_init(&init, |scratch, v| f(scratch, v))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_and_serial_sums_are_identical() {
        let work = |_: &mut (), range: std::ops::Range<usize>, acc: &mut [f64]| {
            for s in range {
                for (i, a) in acc.iter_mut().enumerate() {
                    *a += 1.0 / ((s * 7 + i) as f64 + 0.1);
                }
            }
        };
        for sources in [0, 1, 5, 300, 1000] {
            let p = block_sum(Execution::Parallel, sources, 17, || (), work);
            let s = block_sum(Execution::Serial, sources, 17, || (), work);
            assert_eq!(p, s);
        }
    }
}
