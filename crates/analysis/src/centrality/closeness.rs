//! Closeness centrality.

use crate::error::Result;
use crate::options::{Execution, Reading};
use crate::parallel::{effective, map_nodes};
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Adjacency, Snapshot};
use crate::traverse::Bfs;

/// Options for [`closeness_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosenessOptions {
    /// Directed or undirected (the default, see [`Reading`]) reading of the
    /// links.
    pub reading: Reading,
    /// Scale by the share of the graph that reaches the node
    /// (Wasserman–Faust), as NetworkX's `wf_improved=True` (the default).
    pub wf_improved: bool,
    /// Spread nodes over threads (results are identical either way).
    pub execution: Execution,
}

impl Default for ClosenessOptions {
    fn default() -> Self {
        ClosenessOptions {
            reading: Reading::default(),
            wf_improved: true,
            execution: Execution::Auto,
        }
    }
}

/// Closeness centrality: how near a node is to the nodes that reach it.
///
/// Conventions (NetworkX 3.6 `closeness_centrality(G, wf_improved=True)`):
/// - on the directed reading, distances are measured *to* the node (NetworkX
///   reverses the graph), so a node many others point at is close;
/// - with `r` the number of nodes that reach `u` (including `u`) and `d` the
///   sum of their distances to `u`, the value is `(r - 1) / d`, times
///   `(r - 1) / (n - 1)` when `wf_improved`; it is 0 when `d` is 0 or
///   `n` is 1;
/// - parallel links and self-loops do not change distances.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, correction, threads.
///
/// # Returns
/// One score per node, in ascending node index.
///
/// # Errors
/// [`Error::TooLarge`](crate::Error::TooLarge) past 2³¹ nodes or links.
///
/// # Complexity
/// O(n m) time (one BFS per node), O(n + m) space per thread.
///
/// # Example
/// ```text
/// a ──► b ──► c
/// ```
/// ```
/// use partnership::analysis::{closeness_centrality, ClosenessOptions, Reading};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let directed = ClosenessOptions { reading: Reading::Directed, ..Default::default() };
/// let s = closeness_centrality(&g, &directed)?;
/// // c is reached by a (2 steps) and b (1 step): 2/3 * 2/2.
/// assert!((s.values()[2] - 2.0 / 3.0).abs() < 1e-15);
/// assert_eq!(s.values()[0], 0.0);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// A. Bavelas, "Communication patterns in task-oriented groups", *J.
/// Acoustical Society of America* 22 (1950); correction from S. Wasserman
/// and K. Faust, *Social Network Analysis*, Cambridge (1994), p. 201.
pub fn closeness_centrality<G: Readable>(
    g: G,
    options: &ClosenessOptions,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.backward(options.reading));
    let wf = options.wf_improved;
    let values = map_nodes(
        effective(options.execution, n, adj.entries()),
        n,
        || Bfs::new(n),
        |bfs, u| score(bfs, &adj, u, n, wf),
    );
    Ok(Scores::new(snap.nodes, values))
}

/// [`closeness_centrality`] on the calling thread, in `scratch` (grown as needed and
/// left for the next graph); each node's value is computed alone, so the
/// scores are the same to the bit.
pub(crate) fn closeness_reusing<G: Readable>(
    g: G,
    options: &ClosenessOptions,
    scratch: &mut Option<Bfs>,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.backward(options.reading));
    let wf = options.wf_improved;
    let bfs = match scratch {
        Some(b) => {
            b.fit(n);
            b
        }
        None => scratch.insert(Bfs::new(n)),
    };
    let values: Vec<f64> = (0..n).map(|u| score(bfs, &adj, u, n, wf)).collect();
    Ok(Scores::new(snap.nodes, values))
}

/// The score of node `u`.
fn score(bfs: &mut Bfs, adj: &Adjacency, u: usize, n: usize, wf: bool) -> f64 {
    bfs.distances(adj, u as u32);
    let dist = bfs.dist();
    let total: u64 = bfs
        .order()
        .iter()
        .map(|&v| u64::from(dist[v as usize]))
        .sum();
    let reached = bfs.order().len() as f64;
    if total == 0 || n <= 1 {
        return 0.0;
    }
    let mut c = (reached - 1.0) / total as f64;
    if wf {
        c *= (reached - 1.0) / (n as f64 - 1.0);
    }
    c
}
