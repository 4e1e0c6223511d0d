//! Harmonic centrality.

use crate::error::Result;
use crate::options::{Execution, Reading};
use crate::parallel::{effective, map_nodes};
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::{Adjacency, Snapshot};
use crate::traverse::Bfs;

/// Options for [`harmonic_centrality`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HarmonicOptions {
    /// Directed or undirected (the default, see [`Reading`]) reading of the
    /// links.
    pub reading: Reading,
    /// Spread nodes over threads (results are identical either way).
    pub execution: Execution,
}

/// Harmonic centrality: the sum of inverse distances from the other nodes.
///
/// Conventions (NetworkX 3.6 `harmonic_centrality(G)`):
/// - on the directed reading the distances are *to* the node, `d(v, u)`
///   summed over the `v` that reach `u`;
/// - not normalised (divide by `n - 1` for a value in [0, 1]);
/// - unreachable nodes add 0, so disconnected graphs need no correction;
/// - parallel links and self-loops do not change distances.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `options`: reading, threads.
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
/// use partnership::analysis::{harmonic_centrality, HarmonicOptions, Reading};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let directed = HarmonicOptions { reading: Reading::Directed, ..Default::default() };
/// let s = harmonic_centrality(&g, &directed)?;
/// assert_eq!(s.values(), &[0.0, 1.0, 1.5]);
/// // Read either way (the default), the ends reach each other too.
/// let s = harmonic_centrality(&g, &HarmonicOptions::default())?;
/// assert_eq!(s.values(), &[1.5, 2.0, 1.5]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// M. Marchiori and V. Latora, "Harmony in the small-world", *Physica A*
/// 285 (2000) 539–546; P. Boldi and S. Vigna, "Axioms for centrality",
/// *Internet Mathematics* 10 (2014).
pub fn harmonic_centrality<G: Readable>(
    g: G,
    options: &HarmonicOptions,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.backward(options.reading));
    let values = map_nodes(
        effective(options.execution, n, adj.entries()),
        n,
        || Bfs::new(n),
        |bfs, u| score(bfs, &adj, u),
    );
    Ok(Scores::new(snap.nodes, values))
}

/// [`harmonic_centrality`] on the calling thread, in `scratch` (grown as needed and
/// left for the next graph); each node's value is computed alone, so the
/// scores are the same to the bit.
pub(crate) fn harmonic_reusing<G: Readable>(
    g: G,
    options: &HarmonicOptions,
    scratch: &mut Option<Bfs>,
) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(snap.backward(options.reading));
    let bfs = match scratch {
        Some(b) => {
            b.fit(n);
            b
        }
        None => scratch.insert(Bfs::new(n)),
    };
    let values: Vec<f64> = (0..n).map(|u| score(bfs, &adj, u)).collect();
    Ok(Scores::new(snap.nodes, values))
}

/// The score of node `u`.
fn score(bfs: &mut Bfs, adj: &Adjacency, u: usize) -> f64 {
    bfs.distances(adj, u as u32);
    let dist = bfs.dist();
    bfs.order()[1..]
        .iter()
        .map(|&v| 1.0 / f64::from(dist[v as usize]))
        .sum::<f64>()
}
