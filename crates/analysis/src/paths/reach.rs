//! Everything within k steps of a node.

use crate::error::Result;
use crate::options::Reading;
use crate::readable::Readable;
use crate::snapshot::Snapshot;
use crate::traverse::{Bfs, Plain};

/// The nodes within `steps` links of `from`, with their distance.
///
/// Conventions: as NetworkX's `single_source_shortest_path_length(G,
/// source, cutoff=steps)`: `from` itself is included at distance 0; in the
/// directed reading links are walked forward only; parallel links and
/// self-loops do not change distances.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `from`: the start.
/// - `steps`: the largest distance to include.
/// - `reading`: directed or undirected.
///
/// # Returns
/// `(node, distance)` sorted by distance, then by node index.
///
/// # Errors
/// [`Error::UnknownNode`](crate::Error::UnknownNode) if `from` is not in the
/// graph or view.
///
/// # Complexity
/// O(n + m) time and space (snapshot plus a BFS cut at depth `steps`).
///
/// # Example
/// ```text
/// a ──► b ──► c ──► d
/// ```
/// ```
/// use partnership::analysis::{reachable_within, Reading};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
/// let near = reachable_within(&g, 1.into(), 1, Reading::Undirected)?;
/// assert_eq!(near, vec![(1.into(), 0), (0.into(), 1), (2.into(), 1)]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// E. F. Moore, "The shortest path through a maze", *Proc. Int. Symp.
/// Theory of Switching* (1959) (breadth-first search).
pub fn reachable_within<G: Readable>(
    g: G,
    from: G::NodeId,
    steps: u32,
    reading: Reading,
) -> Result<Vec<(G::NodeId, u32)>> {
    let snap = Snapshot::new(g)?;
    let s = snap.position(g.to_index(from))?;
    let adj = snap.adjacency(snap.forward(reading));
    let mut bfs = Bfs::new(snap.len());
    bfs.run(&adj, s, steps, &mut Plain);
    let dist = bfs.dist();
    let mut reached: Vec<(u32, u32)> = bfs.order().iter().map(|&v| (dist[v as usize], v)).collect();
    reached.sort_unstable();
    Ok(reached
        .into_iter()
        .map(|(d, v)| (snap.nodes[v as usize], d))
        .collect())
}
