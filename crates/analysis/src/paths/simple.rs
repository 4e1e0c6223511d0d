//! All simple paths between two nodes, up to a length.

use fixedbitset::FixedBitSet;

use super::path::{Path, materialise};
use crate::error::Result;
use crate::options::Reading;
use crate::readable::Readable;
use crate::snapshot::Snapshot;

/// Options for [`all_simple_paths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SimplePathsOptions {
    /// Directed or undirected reading of the links.
    pub reading: Reading,
    /// Longest path, in links, to return (NetworkX's `cutoff`); `None` for
    /// no limit. The number of paths grows exponentially with it.
    pub max_links: Option<usize>,
    /// Stop after this many paths; `None` for all.
    pub limit: Option<usize>,
}

/// Every simple path (no node repeated) from `from` to `to`.
///
/// Conventions: as NetworkX's `all_simple_paths(G, source, target,
/// cutoff)`, but over the simple graph: parallel links give one path, not
/// one per link (each hop names its first link), and self-loops are never
/// walked. There is no path from a node to itself. Paths come in
/// depth-first order, neighbours taken by ascending node index.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `from`, `to`: the end points.
/// - `options`: reading, length cutoff, count limit.
///
/// # Returns
/// The paths, possibly none.
///
/// # Errors
/// [`Error::UnknownNode`](crate::Error::UnknownNode) if an end point is not
/// in the graph or view.
///
/// # Complexity
/// O(m · P) time for P paths in the worst case (depth-first search with
/// backtracking), O(n + m) space besides the output.
///
/// # Example
/// ```text
/// a ──► b ──► d
/// └───► c ──► d
/// ```
/// ```
/// use partnership::analysis::{all_simple_paths, SimplePathsOptions};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 3), (0, 2), (2, 3)]);
/// let paths = all_simple_paths(&g, 0.into(), 3.into(), &SimplePathsOptions::default())?;
/// assert_eq!(paths.len(), 2);
/// assert_eq!(paths[0].nodes(), &[0.into(), 1.into(), 3.into()]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// R. Sedgewick, *Algorithms in C, Part 5: Graph Algorithms*, 3rd ed.
/// (2002), §17.7 (simple-path search by backtracking).
pub fn all_simple_paths<G: Readable>(
    g: G,
    from: G::NodeId,
    to: G::NodeId,
    options: &SimplePathsOptions,
) -> Result<Vec<Path<G::NodeId, G::EdgeId>>> {
    let snap = Snapshot::new(g)?;
    let s = snap.position(g.to_index(from))?;
    let t = snap.position(g.to_index(to))?;
    let adj = snap.adjacency(snap.forward(options.reading));
    let max_links = options.max_links.unwrap_or(usize::MAX);
    let limit = options.limit.unwrap_or(usize::MAX);
    let mut found = Vec::new();
    if s == t || max_links == 0 || limit == 0 {
        return Ok(found);
    }
    let mut on_path = FixedBitSet::with_capacity(snap.len());
    // Each frame: a node and the next adjacency entry to try from it.
    let mut stack: Vec<(u32, usize)> = vec![(s, adj.range(s).start)];
    let mut nodes: Vec<u32> = vec![s];
    on_path.insert(s as usize);
    while let Some(top) = stack.last_mut() {
        let (v, at) = *top;
        if at == adj.range(v).end {
            on_path.set(v as usize, false);
            stack.pop();
            nodes.pop();
            continue;
        }
        top.1 += 1;
        let w = adj.target(at);
        if on_path.contains(w as usize) {
            continue;
        }
        if w == t {
            nodes.push(t);
            found.push(materialise(&snap, &adj, &nodes));
            nodes.pop();
            if found.len() >= limit {
                break;
            }
        } else if nodes.len() < max_links {
            on_path.insert(w as usize);
            stack.push((w, adj.range(w).start));
            nodes.push(w);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::DiGraph;

    #[test]
    fn cutoff_and_limit() {
        // 0 → 1 → 2 → 3 and 0 → 3 and 1 → 3
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (0, 3), (1, 3)]);
        let all = all_simple_paths(&g, 0.into(), 3.into(), &SimplePathsOptions::default()).unwrap();
        let lens: Vec<_> = all.iter().map(|p| p.len()).collect();
        assert_eq!(lens, vec![3, 2, 1]);
        let short = SimplePathsOptions {
            max_links: Some(2),
            ..Default::default()
        };
        assert_eq!(
            all_simple_paths(&g, 0.into(), 3.into(), &short)
                .unwrap()
                .len(),
            2
        );
        let one = SimplePathsOptions {
            limit: Some(1),
            ..Default::default()
        };
        assert_eq!(
            all_simple_paths(&g, 0.into(), 3.into(), &one)
                .unwrap()
                .len(),
            1
        );
        assert!(
            all_simple_paths(
                &g,
                3.into(),
                0.into(),
                &SimplePathsOptions {
                    reading: Reading::Directed,
                    ..Default::default()
                }
            )
            .unwrap()
            .is_empty()
        );
    }
}
