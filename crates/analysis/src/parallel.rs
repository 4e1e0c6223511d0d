//! Deterministic parallel reduction of per-source work.
//!
//! Floating-point addition is not associative, so a rayon `reduce` whose
//! tree shape follows work stealing would give results that change from
//! run to run and with the number of threads. Here the sources are cut into
//! a fixed number of contiguous blocks (a function of the source count
//! only); each block is accumulated in source order into its own buffer,
//! and the buffers are added to the total in block order. Parallel and
//! serial runs therefore perform the same additions in the same order.

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
    if sources.saturating_mul(entries + sources) < SERIAL_WORK {
        Execution::Serial
    } else {
        execution
    }
}

/// Sums `work` over `0..sources` into a vector of `len` values.
///
/// `work(scratch, range, acc)` adds the contributions of the sources in
/// `range` into `acc`; `init` makes the per-thread scratch space.
pub(crate) fn block_sum<S, I, F>(
    execution: Execution,
    sources: usize,
    len: usize,
    init: I,
    work: F,
) -> Vec<f64>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, std::ops::Range<usize>, &mut [f64]) + Sync + Send,
{
    let blocks = sources.clamp(1, BLOCKS);
    let ranges: Vec<_> = (0..blocks)
        .map(|b| (b * sources / blocks)..((b + 1) * sources / blocks))
        .collect();
    let mut total = vec![0.0; len];
    match execution {
        Execution::Serial => {
            let mut scratch = init();
            let mut acc = vec![0.0; len];
            for range in ranges {
                acc.fill(0.0);
                work(&mut scratch, range, &mut acc);
                add(&mut total, &acc);
            }
        }
        Execution::Parallel => {
            // A wave of buffers bounds memory at a few times `len` while
            // keeping every thread busy.
            let wave = (rayon::current_num_threads() * 2).clamp(1, blocks);
            let mut buffers = vec![vec![0.0; len]; wave];
            for chunk in ranges.chunks(wave) {
                buffers.par_iter_mut().zip(chunk.par_iter()).for_each_init(
                    &init,
                    |scratch, (acc, range)| {
                        acc.fill(0.0);
                        work(scratch, range.clone(), acc);
                    },
                );
                for acc in &buffers[..chunk.len()] {
                    add(&mut total, acc);
                }
            }
        }
    }
    total
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
        Execution::Serial => {
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
