//! PageRank.

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::options::{Execution, Reading};
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Snapshot, rows};

/// Options for [`pagerank`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankOptions {
    /// Directed reading, or undirected (each link walked both ways; the
    /// default, see [`Reading`]).
    pub reading: Reading,
    /// Damping factor, in [0, 1]; NetworkX's default 0.85.
    pub alpha: f64,
    /// Convergence threshold per node: iteration stops once the L1 change
    /// falls below `n * tol`. The default, 1e-12, leaves every score within
    /// about 1e-9 of the fixed point (NetworkX's own default is 1e-6, which
    /// can leave scores some 1e-5 away).
    pub tol: f64,
    /// Iterations before giving up; default 1000.
    pub max_iter: usize,
    /// Spread the matrix-vector product over threads (results are
    /// identical either way: each node's sum is computed alone).
    pub execution: Execution,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            reading: Reading::default(),
            alpha: 0.85,
            tol: 1e-12,
            max_iter: 1000,
            execution: Execution::Auto,
        }
    }
}

/// Below this many matrix entries the product stays on one thread.
const PARALLEL_ENTRIES: usize = 1 << 16;

/// PageRank by power iteration, as NetworkX computes it.
///
/// Conventions (NetworkX 3.6 `pagerank(G, alpha=0.85, tol=1e-06,
/// max_iter=100)`, its SciPy implementation):
/// - each link has weight 1 and parallel links add up (a node with two
///   links to `b` and one to `c` sends 2/3 of its rank to `b`);
/// - self-loops count as links (the node keeps that share);
/// - the undirected reading walks every link both ways, a self-loop once,
///   and keeps parallel links apart: it is NetworkX on an `nx.MultiGraph`
///   with one edge per link, so `a → b` and `b → a` (or `a → b` twice)
///   join `a` and `b` with weight 2 in both directions;
/// - dangling nodes (no outgoing link) spread their rank uniformly over
///   all nodes, and teleportation is uniform;
/// - starting from the uniform vector, stop at the first iteration whose
///   L1 change is below `n * tol`; the result is not renormalised.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, damping, tolerance, iteration limit, threads.
///
/// # Returns
/// One score per node, in ascending node index; empty for an empty graph
/// (as NetworkX).
///
/// # Errors
/// [`Error::InvalidOption`] if `alpha` is outside [0, 1] or `tol` is not a
/// positive number; [`Error::NotConverged`] after `max_iter` iterations.
///
/// # Complexity
/// O((n + m) k) time for k iterations, O(n + m) space.
///
/// # Example
/// ```text
/// a ──► b ◄── c
/// ```
/// ```
/// use partnership::analysis::{pagerank, PageRankOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (2, 1)]);
/// let s = pagerank(&g, &PageRankOptions::default())?;
/// assert_eq!(s.ranked()[0].0.index(), 1);
/// assert!((s.values().iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation
/// ranking: bringing order to the Web", Stanford InfoLab (1999);
/// A. Langville and C. Meyer, "A survey of eigenvector methods of web
/// information retrieval", *SIAM Review* 47 (2005).
pub fn pagerank<G: Readable>(g: G, options: &PageRankOptions) -> Result<Scores<G::NodeId>> {
    if !(0.0..=1.0).contains(&options.alpha) {
        return Err(Error::InvalidOption {
            option: "alpha",
            value: options.alpha.to_string(),
            expected: "a damping factor in [0, 1]",
        });
    }
    super::check_tolerance(options.tol)?;
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    if n == 0 {
        return Ok(Scores::new(snap.nodes, Vec::new()));
    }
    // Arcs i → j of the (weighted) transition matrix, grouped by j so that
    // the product pulls: x'[j] = sum of x[i] * A[i][j] / S[i].
    let undirected = snap.undirected(options.reading);
    let mut arcs: Vec<(u32, u32)> =
        Vec::with_capacity(snap.links.len() * if undirected { 2 } else { 1 });
    let mut out_weight = vec![0.0f64; n];
    for &[s, t] in &snap.links {
        arcs.push((t, s));
        out_weight[s as usize] += 1.0;
        if undirected && s != t {
            arcs.push((s, t));
            out_weight[t as usize] += 1.0;
        }
    }
    let (offsets, sources) = rows(n, &arcs);
    drop(arcs);
    let inverse: Vec<f64> = out_weight
        .iter()
        .map(|&w| if w != 0.0 { 1.0 / w } else { 0.0 })
        .collect();
    let dangling: Vec<usize> = (0..n).filter(|&i| out_weight[i] == 0.0).collect();
    // Parallel links merge into one entry of weight k, as SciPy sums
    // duplicate entries.
    let mut row_offsets = Vec::with_capacity(n + 1);
    let mut from = Vec::with_capacity(sources.len());
    let mut coeff = Vec::with_capacity(sources.len());
    row_offsets.push(0u32);
    for j in 0..n {
        let row = &sources[offsets[j] as usize..offsets[j + 1] as usize];
        let mut k = 0;
        while k < row.len() {
            let i = row[k];
            let mut count = 0.0;
            while k < row.len() && row[k] == i {
                count += 1.0;
                k += 1;
            }
            from.push(i);
            coeff.push(count * inverse[i as usize]);
        }
        row_offsets.push(from.len() as u32);
    }

    let alpha = options.alpha;
    let nf = n as f64;
    let p = 1.0 / nf;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    // Each value of the next vector is computed on its own, so any split
    // gives the same bits; `Parallel` splits even small graphs (for tests).
    let (parallel, min_len) = match options.execution {
        Execution::Parallel => (true, 1),
        Execution::Auto => (from.len() >= PARALLEL_ENTRIES, 1024),
        Execution::Serial => (false, usize::MAX),
    };
    for _ in 0..options.max_iter {
        let dangling_sum: f64 = dangling.iter().map(|&i| x[i]).sum();
        let step = |(j, out): (usize, &mut f64)| {
            let mut pulled = 0.0;
            for e in row_offsets[j] as usize..row_offsets[j + 1] as usize {
                pulled += x[from[e] as usize] * coeff[e];
            }
            *out = alpha * (pulled + dangling_sum * p) + (1.0 - alpha) * p;
        };
        if parallel {
            next.par_iter_mut()
                .enumerate()
                .with_min_len(min_len)
                .for_each(step);
        } else {
            next.iter_mut().enumerate().for_each(step);
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * options.tol {
            return Ok(Scores::new(snap.nodes, x));
        }
    }
    Err(Error::NotConverged {
        measure: "pagerank",
        iterations: options.max_iter,
    })
}
