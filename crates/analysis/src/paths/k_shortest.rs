//! The k shortest simple paths (Yen).

use std::collections::BTreeSet;

use fixedbitset::FixedBitSet;

use super::path::{Path, materialise};
use crate::error::{Error, Result};
use crate::options::Reading;
use crate::readable::Readable;
use crate::snapshot::{Adjacency, Snapshot};
use crate::traverse::{Bfs, UNSEEN, Visitor};

/// Options for [`k_shortest_paths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KShortestOptions {
    /// How many paths, at least 1.
    pub k: usize,
    /// Directed or undirected reading of the links.
    pub reading: Reading,
    /// Longest path, in links, to return; `None` for no limit. The search
    /// stops at the first path longer than this.
    pub max_links: Option<usize>,
}

impl Default for KShortestOptions {
    /// One path, links read either way, no length limit.
    fn default() -> Self {
        KShortestOptions {
            k: 1,
            reading: Reading::default(),
            max_links: None,
        }
    }
}

/// The `k` shortest simple paths from `from` to `to`, shortest first.
///
/// Conventions: as NetworkX's `shortest_simple_paths(G, source, target)`
/// (Yen's algorithm, unweighted), over the simple graph: parallel links
/// give one path (each hop names its first link) and self-loops are never
/// walked. Ties in length are broken by the sequence of node indices, so
/// the order is deterministic. Fewer than `k` paths come back when fewer
/// exist. `from == to` gives the single path without links.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `from`, `to`: the end points.
/// - `options`: how many paths, the reading, the longest path wanted.
///
/// # Returns
/// Up to `k` paths of at most `max_links` links, by non-decreasing length;
/// none when even the shortest is longer than `max_links`.
///
/// # Errors
/// [`Error::InvalidOption`] if `k` is 0; [`Error::UnknownNode`] if an end
/// point is not in the graph or view; [`Error::NoPath`] if there is no
/// path at all.
///
/// # Complexity
/// O(k · L · (n + m)) time for paths of up to L links (one BFS per spur
/// node); O(n + m + k · L) space.
///
/// # Example
/// ```text
/// a ──► b ──► d
/// │           ▲
/// └──► c ──► e┘
/// ```
/// ```
/// use partnership::analysis::{k_shortest_paths, KShortestOptions, Reading};
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 3), (0, 2), (2, 4), (4, 3)]);
/// let options = KShortestOptions { k: 5, reading: Reading::Directed, max_links: None };
/// let paths = k_shortest_paths(&g, 0.into(), 3.into(), &options)?;
/// let lengths: Vec<_> = paths.iter().map(|p| p.len()).collect();
/// assert_eq!(lengths, vec![2, 3]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// J. Y. Yen, "Finding the k shortest loopless paths in a network",
/// *Management Science* 17(11) (1971) 712–716.
pub fn k_shortest_paths<G: Readable>(
    g: G,
    from: G::NodeId,
    to: G::NodeId,
    options: &KShortestOptions,
) -> Result<Vec<Path<G::NodeId, G::EdgeId>>> {
    let KShortestOptions {
        k,
        reading,
        max_links,
    } = *options;
    // A path of L links visits L + 1 nodes.
    let max_nodes = max_links.map_or(usize::MAX, |m| m.saturating_add(1));
    if k == 0 {
        return Err(Error::InvalidOption {
            option: "k",
            value: k.to_string(),
            expected: "at least one path",
        });
    }
    let snap = Snapshot::new(g)?;
    let s = snap.position(g.to_index(from))?;
    let t = snap.position(g.to_index(to))?;
    let adj = snap.adjacency(snap.forward(reading));
    let n = snap.len();
    let mut search = SpurSearch {
        bfs: Bfs::new(n),
        parent: vec![0; n],
        blocked: FixedBitSet::with_capacity(n),
    };
    let Some(first) = search.path(&adj, s, t, &[]) else {
        return Err(Error::NoPath {
            from: format!("#{}", g.to_index(from)),
            to: format!("#{}", g.to_index(to)),
        });
    };
    if first.len() > max_nodes {
        return Ok(Vec::new());
    }
    let mut accepted: Vec<Vec<u32>> = vec![first];
    let mut seen: BTreeSet<Vec<u32>> = accepted.iter().cloned().collect();
    // Candidates ordered by (length, node sequence): pop_first is the next
    // path, ties broken deterministically.
    let mut candidates: BTreeSet<(usize, Vec<u32>)> = BTreeSet::new();
    while accepted.len() < k {
        let Some(last) = accepted.last() else { break };
        for i in 0..last.len().saturating_sub(1) {
            let root = &last[..=i];
            let spur = last[i];
            // Links leaving the spur node along an accepted path that shares
            // this root are cut, as are the root's other nodes.
            let cut: Vec<u32> = accepted
                .iter()
                .filter(|p| p.len() > i + 1 && p[..=i] == *root)
                .map(|p| p[i + 1])
                .collect();
            search.blocked.clear();
            for &v in &root[..i] {
                search.blocked.insert(v as usize);
            }
            if let Some(tail) = search.path(&adj, spur, t, &cut) {
                let mut whole = root[..i].to_vec();
                whole.extend_from_slice(&tail);
                if !seen.contains(&whole) {
                    seen.insert(whole.clone());
                    candidates.insert((whole.len(), whole));
                }
            }
        }
        match candidates.pop_first() {
            Some((len, next)) if len <= max_nodes => accepted.push(next),
            _ => break,
        }
    }
    Ok(accepted
        .iter()
        .map(|p| materialise(&snap, &adj, p))
        .collect())
}

/// BFS from a spur node that avoids blocked nodes and cut first hops.
struct SpurSearch {
    bfs: Bfs,
    parent: Vec<u32>,
    blocked: FixedBitSet,
}

struct Spur<'a> {
    spur: u32,
    target: u32,
    cut: &'a [u32],
    blocked: &'a FixedBitSet,
    parent: &'a mut [u32],
}

impl Visitor for Spur<'_> {
    #[inline]
    fn admit(&mut self, v: u32, w: u32) -> bool {
        !(self.blocked.contains(w as usize) || (v == self.spur && self.cut.contains(&w)))
    }

    #[inline]
    fn discover(&mut self, v: u32, w: u32) -> bool {
        self.parent[w as usize] = v;
        w != self.target
    }
}

impl SpurSearch {
    /// A shortest path `spur → … → target` as node positions.
    fn path(&mut self, adj: &Adjacency, spur: u32, target: u32, cut: &[u32]) -> Option<Vec<u32>> {
        if spur == target {
            return Some(vec![spur]);
        }
        let mut visitor = Spur {
            spur,
            target,
            cut,
            blocked: &self.blocked,
            parent: &mut self.parent,
        };
        self.bfs.run(adj, spur, u32::MAX, &mut visitor);
        if self.bfs.dist()[target as usize] == UNSEEN {
            return None;
        }
        let mut path = vec![target];
        let mut at = target;
        while at != spur {
            at = self.parent[at as usize];
            path.push(at);
        }
        path.reverse();
        Some(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::DiGraph;

    fn opts(k: usize, reading: Reading) -> KShortestOptions {
        KShortestOptions {
            k,
            reading,
            max_links: None,
        }
    }

    #[test]
    fn max_links_stops_the_search() {
        let g =
            DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (3, 4), (4, 5), (0, 3), (1, 4), (2, 5)]);
        let options = KShortestOptions {
            max_links: Some(3),
            ..opts(10, Reading::Undirected)
        };
        let lengths: Vec<_> = k_shortest_paths(&g, 0.into(), 5.into(), &options)
            .unwrap()
            .iter()
            .map(|p| p.len())
            .collect();
        assert_eq!(lengths, vec![3, 3, 3]);
        let options = KShortestOptions {
            max_links: Some(2),
            ..options
        };
        assert!(
            k_shortest_paths(&g, 0.into(), 5.into(), &options)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn yen_on_a_grid_matches_enumeration() {
        // 2x3 grid, undirected: paths from corner to corner.
        // 0 - 1 - 2
        // |   |   |
        // 3 - 4 - 5
        let g =
            DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (3, 4), (4, 5), (0, 3), (1, 4), (2, 5)]);
        let paths =
            k_shortest_paths(&g, 0.into(), 5.into(), &opts(10, Reading::Undirected)).unwrap();
        let lengths: Vec<_> = paths.iter().map(|p| p.len()).collect();
        assert_eq!(lengths, vec![3, 3, 3, 5]);
        let unique: BTreeSet<_> = paths.iter().map(|p| p.nodes().to_vec()).collect();
        assert_eq!(unique.len(), paths.len());
        assert!(matches!(
            k_shortest_paths(&g, 0.into(), 5.into(), &opts(0, Reading::Directed)),
            Err(Error::InvalidOption { option: "k", .. })
        ));
    }

    #[test]
    fn same_end_points() {
        let g = DiGraph::<(), ()>::from_edges([(0, 1)]);
        let paths = k_shortest_paths(&g, 0.into(), 0.into(), &opts(3, Reading::Directed)).unwrap();
        assert_eq!(paths.len(), 1);
        assert!(paths[0].is_empty());
    }
}
