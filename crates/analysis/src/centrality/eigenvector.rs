//! Eigenvector centrality.

use crate::error::{Error, Result};
use crate::options::Reading;
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Snapshot, rows};

/// Options for [`eigenvector_centrality`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EigenvectorOptions {
    /// Directed reading (a node gains from its predecessors) or undirected
    /// (the default, see [`Reading`]).
    pub reading: Reading,
    /// Iterations before giving up; default 1000.
    pub max_iter: usize,
    /// Convergence threshold per node: iteration stops once the L1 change
    /// falls below `n * tol`. The default, 1e-12, leaves every score within
    /// about 1e-9 of the fixed point (NetworkX's default is 1e-6).
    pub tol: f64,
}

impl Default for EigenvectorOptions {
    fn default() -> Self {
        EigenvectorOptions {
            reading: Reading::default(),
            max_iter: 1000,
            tol: 1e-12,
        }
    }
}

/// Eigenvector centrality: a node is central if central nodes point at it.
///
/// Conventions (NetworkX 3.6 `eigenvector_centrality(G, max_iter=100,
/// tol=1e-06)`):
/// - power iteration on `Aᵀ + I` (the identity shift makes it converge on
///   bipartite graphs), from the uniform vector, with each iterate scaled to
///   unit Euclidean norm; stop at the first iteration whose L1 change is
///   below `n * tol`;
/// - on the directed reading a node sums its predecessors (the left
///   eigenvector);
/// - NetworkX refuses multigraphs; here parallel links count once, which
///   is NetworkX on `nx.DiGraph(G)` (or `nx.Graph(G)` undirected). On the
///   undirected reading this includes antiparallel links: `a → b` and
///   `b → a` join `a` and `b` once, as does `a → b` twice (unlike
///   [`pagerank`](crate::pagerank), where both give weight 2);
/// - a self-loop adds the node's own value once more, as in NetworkX.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, iteration limit, tolerance.
///
/// # Returns
/// One score per node, in ascending node index; the vector has unit
/// Euclidean norm.
///
/// # Errors
/// [`Error::EmptyGraph`] on a graph without nodes; [`Error::InvalidOption`]
/// if `tol` is not a positive number; [`Error::NotConverged`] after
/// `max_iter` iterations (for instance on a directed cycle).
///
/// # Complexity
/// O((n + m) k) time for k iterations, O(n + m) space.
///
/// # Example
/// ```text
/// a ─── b ─── c     (undirected reading)
/// ```
/// ```
/// use partnership::analysis::{eigenvector_centrality, EigenvectorOptions, Reading};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let options = EigenvectorOptions { reading: Reading::Undirected, ..Default::default() };
/// let s = eigenvector_centrality(&g, &options)?;
/// // The exact vector is (1/2, 1/√2, 1/2).
/// assert!((s.values()[1] - 0.5f64.sqrt()).abs() < 1e-5);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// P. Bonacich, "Factoring and weighting approaches to status scores and
/// clique identification", *J. Mathematical Sociology* 2 (1972) 113–120.
pub fn eigenvector_centrality<G: Readable>(
    g: G,
    options: &EigenvectorOptions,
) -> Result<Scores<G::NodeId>> {
    super::check_tolerance(options.tol)?;
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    if n == 0 {
        return Err(Error::EmptyGraph {
            measure: "eigenvector centrality",
        });
    }
    let undirected = snap.undirected(options.reading);
    let mut arcs = Vec::with_capacity(snap.links.len() * 2);
    for &[s, t] in &snap.links {
        arcs.push((t, s));
        if undirected && s != t {
            arcs.push((s, t));
        }
    }
    let (offsets, mut sources) = rows(n, &arcs);
    drop(arcs);
    // One entry per distinct predecessor, self included if it has a loop.
    let mut row_offsets = Vec::with_capacity(n + 1);
    row_offsets.push(0u32);
    let mut write = 0;
    for j in 0..n {
        let (start, end) = (offsets[j] as usize, offsets[j + 1] as usize);
        for k in start..end {
            if k == start || sources[k] != sources[k - 1] {
                sources[write] = sources[k];
                write += 1;
            }
        }
        row_offsets.push(write as u32);
    }
    sources.truncate(write);

    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..options.max_iter {
        for (j, out) in next.iter_mut().enumerate() {
            let mut v = x[j];
            for &i in &sources[row_offsets[j] as usize..row_offsets[j + 1] as usize] {
                v += x[i as usize];
            }
            *out = v;
        }
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for v in &mut next {
            *v /= norm;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * options.tol {
            return Ok(Scores::new(snap.nodes, x));
        }
    }
    Err(Error::NotConverged {
        measure: "eigenvector centrality",
        iterations: options.max_iter,
    })
}
