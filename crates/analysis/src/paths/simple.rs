//! All simple paths between two nodes, up to a length, enumerated lazily.

use std::collections::VecDeque;

use fixedbitset::FixedBitSet;

use super::path::{Path, materialise};
use crate::error::Result;
use crate::options::Reading;
use crate::readable::Readable;
use crate::snapshot::{Adjacency, NONE, Snapshot};

/// Options for [`all_simple_paths`] and [`simple_paths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SimplePathsOptions {
    /// Directed or undirected reading of the links.
    pub reading: Reading,
    /// Longest path, in links, to return (NetworkX's `cutoff`); `None` for
    /// no limit. The number of paths grows exponentially with it.
    pub max_links: Option<usize>,
    /// Stop after this many paths; `None` for all.
    pub limit: Option<usize>,
    /// The order the paths come in.
    pub order: PathOrder,
}

/// The order in which [`simple_paths`] yields paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathOrder {
    /// Depth-first, neighbours taken by ascending node index (NetworkX's
    /// order).
    #[default]
    DepthFirst,
    /// Shortest first; paths of one length in depth-first order. Each
    /// length is a fresh pruned depth-first search, so this costs at most
    /// `max_links` times the depth-first enumeration, and no more memory.
    ShortestFirst,
}

/// Every simple path (no node repeated) from `from` to `to`, collected.
///
/// Conventions: as NetworkX's `all_simple_paths(G, source, target,
/// cutoff)`, but over the simple graph: parallel links give one path, not
/// one per link (each hop names its first link), and self-loops are never
/// walked. There is no path from a node to itself. Paths come in
/// depth-first order, neighbours taken by ascending node index (or
/// shortest first with [`PathOrder::ShortestFirst`]).
///
/// The number of paths can grow exponentially with `max_links`: to look
/// at them one at a time in bounded memory, use [`simple_paths`].
///
/// # Arguments
/// - `g`: the graph or view.
/// - `from`, `to`: the end points.
/// - `options`: reading, length cutoff, count limit, order.
///
/// # Returns
/// The paths, possibly none.
///
/// # Errors
/// [`Error::UnknownNode`](crate::Error::UnknownNode) if an end point is not
/// in the graph or view.
///
/// # Complexity
/// As [`simple_paths`], plus the space of the output.
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
    Ok(simple_paths(g, from, to, options)?.collect())
}

/// Every simple path from `from` to `to`, as an iterator that finds each
/// path only when asked for it.
///
/// The same paths, conventions and order as [`all_simple_paths`], but
/// nothing is collected: memory stays O(n + m) however many paths there
/// are, and the caller can stop at any time. Branches that cannot reach
/// `to` within `max_links` (by breadth-first distance) are never entered,
/// so an unreachable `to` ends the iteration at once.
///
/// # Errors
/// [`Error::UnknownNode`](crate::Error::UnknownNode) if an end point is not
/// in the graph or view.
///
/// # Complexity
/// O(n + m) time and space to start; then O(m) time per path in the worst
/// case (depth-first search with backtracking, pruned by distance), times
/// `max_links` for [`PathOrder::ShortestFirst`].
///
/// # Example
/// ```
/// use partnership_analysis::{simple_paths, PathOrder, SimplePathsOptions};
/// use petgraph::graph::DiGraph;
///
/// // 0 → 1 → 2 → 3, 0 → 3
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (0, 3)]);
/// let options = SimplePathsOptions { order: PathOrder::ShortestFirst, ..Default::default() };
/// let lengths: Vec<usize> = simple_paths(&g, 0.into(), 3.into(), &options)?
///     .map(|p| p.len())
///     .collect();
/// assert_eq!(lengths, [1, 3]);
/// # Ok::<(), partnership_analysis::Error>(())
/// ```
pub fn simple_paths<G: Readable>(
    g: G,
    from: G::NodeId,
    to: G::NodeId,
    options: &SimplePathsOptions,
) -> Result<SimplePaths<G::NodeId, G::EdgeId>> {
    let snap = Snapshot::new(g)?;
    let s = snap.position(g.to_index(from))?;
    let t = snap.position(g.to_index(to))?;
    let adj = snap.adjacency(snap.forward(options.reading));
    // No simple path has more links than the graph has nodes, less one.
    let max_links = options
        .max_links
        .unwrap_or(usize::MAX)
        .min(snap.len().saturating_sub(1));
    let remaining = options.limit.unwrap_or(usize::MAX);
    // Links from each node to `t`, walking backwards from it.
    let dist = distances_to(
        &snap.adjacency(snap.backward(options.reading)),
        t,
        max_links,
    );
    let shortest = dist[s as usize];
    let first = match options.order {
        PathOrder::DepthFirst => None,
        PathOrder::ShortestFirst => Some((shortest as usize).max(1)),
    };
    let mut paths = SimplePaths {
        snap,
        adj,
        dist,
        source: s,
        target: t,
        max_links,
        length: first,
        remaining,
        on_path: FixedBitSet::new(),
        stack: Vec::new(),
        nodes: Vec::new(),
    };
    paths.on_path.grow(paths.snap.len());
    if s == t || max_links == 0 || shortest == NONE {
        paths.remaining = 0;
    } else {
        paths.restart();
    }
    Ok(paths)
}

/// Breadth-first distances to `t` over `backward` adjacency, up to
/// `bound` links; [`NONE`] for nodes farther away or not reaching it.
fn distances_to(backward: &Adjacency, t: u32, bound: usize) -> Vec<u32> {
    let mut dist = vec![NONE; backward.len()];
    let mut queue = VecDeque::new();
    dist[t as usize] = 0;
    queue.push_back(t);
    while let Some(v) = queue.pop_front() {
        let d = dist[v as usize];
        if d as usize >= bound {
            continue;
        }
        for &w in backward.neighbors(v) {
            if dist[w as usize] == NONE {
                dist[w as usize] = d + 1;
                queue.push_back(w);
            }
        }
    }
    dist
}

/// The iterator [`simple_paths`] returns: simple paths found one at a time.
pub struct SimplePaths<N, E> {
    snap: Snapshot<N, E>,
    adj: Adjacency,
    /// Links from each node to the target ([`NONE`] when out of reach).
    dist: Vec<u32>,
    source: u32,
    target: u32,
    max_links: usize,
    /// With [`PathOrder::ShortestFirst`]: the length now enumerated.
    length: Option<usize>,
    /// How many more paths may be given.
    remaining: usize,
    on_path: FixedBitSet,
    /// Each frame: a node and the next adjacency entry to try from it.
    stack: Vec<(u32, usize)>,
    nodes: Vec<u32>,
}

impl<N, E> std::fmt::Debug for SimplePaths<N, E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimplePaths")
            .field("depth", &self.nodes.len())
            .field("length", &self.length)
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

impl<N, E> SimplePaths<N, E> {
    /// Starts a depth-first search from the source.
    fn restart(&mut self) {
        let s = self.source;
        self.on_path.clear();
        self.on_path.insert(s as usize);
        self.stack.clear();
        self.stack.push((s, self.adj.range(s).start));
        self.nodes.clear();
        self.nodes.push(s);
    }

    /// The longest path the current search may give.
    fn bound(&self) -> usize {
        self.length.unwrap_or(self.max_links)
    }

    /// The next path of the current search, as node positions in
    /// `self.nodes` (with the target pushed), or `false` when it is done.
    fn advance(&mut self) -> bool {
        let bound = self.bound();
        while let Some(top) = self.stack.last_mut() {
            let (v, at) = *top;
            if at == self.adj.range(v).end {
                self.on_path.set(v as usize, false);
                self.stack.pop();
                self.nodes.pop();
                continue;
            }
            top.1 += 1;
            let w = self.adj.target(at);
            if self.on_path.contains(w as usize) {
                continue;
            }
            // Links walked once `w` is reached.
            let depth = self.nodes.len();
            if w == self.target {
                if self.length.is_none_or(|l| depth == l) {
                    self.nodes.push(w);
                    return true;
                }
            } else {
                let rest = self.dist[w as usize];
                if rest != NONE && depth + rest as usize <= bound {
                    self.on_path.insert(w as usize);
                    self.stack.push((w, self.adj.range(w).start));
                    self.nodes.push(w);
                }
            }
        }
        false
    }
}

impl<N: Copy, E: Copy> Iterator for SimplePaths<N, E> {
    type Item = Path<N, E>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.remaining > 0 {
            if self.advance() {
                let path = materialise(&self.snap, &self.adj, &self.nodes);
                self.nodes.pop();
                self.remaining -= 1;
                return Some(path);
            }
            match self.length {
                Some(l) if l < self.max_links => {
                    self.length = Some(l + 1);
                    self.restart();
                }
                _ => self.remaining = 0,
            }
        }
        None
    }
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

    #[test]
    fn shortest_first_is_the_depth_first_list_stably_sorted_by_length() {
        // The complete graph on 6 nodes: 65 simple paths from 0 to 5.
        let mut edges = Vec::new();
        for a in 0..6u32 {
            for b in a + 1..6 {
                edges.push((a, b));
            }
        }
        let g = DiGraph::<(), ()>::from_edges(edges);
        for max_links in [None, Some(3), Some(1)] {
            let options = SimplePathsOptions {
                max_links,
                ..Default::default()
            };
            let mut expected = all_simple_paths(&g, 0.into(), 5.into(), &options).unwrap();
            expected.sort_by_key(Path::len);
            let shortest = SimplePathsOptions {
                order: PathOrder::ShortestFirst,
                ..options
            };
            let streamed: Vec<_> = simple_paths(&g, 0.into(), 5.into(), &shortest)
                .unwrap()
                .collect();
            assert_eq!(streamed, expected, "max_links {max_links:?}");
        }
        // 1 + 4 + 12 + 24 + 24 paths of 1 to 5 links.
        let all = simple_paths(&g, 0.into(), 5.into(), &SimplePathsOptions::default()).unwrap();
        assert_eq!(all.count(), 65);
    }

    #[test]
    fn an_unreachable_target_ends_at_once() {
        // Two triangles, no link between them.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]);
        let options = SimplePathsOptions {
            reading: Reading::Undirected,
            order: PathOrder::ShortestFirst,
            ..Default::default()
        };
        assert_eq!(
            simple_paths(&g, 0.into(), 4.into(), &options)
                .unwrap()
                .count(),
            0
        );
    }
}
