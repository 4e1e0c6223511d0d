//! Single-pair shortest path: breadth-first from both ends.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::{EdgeRef, GraphProp, IntoEdgesDirected, NodeIndexable};

use partnership_core::words::Heading;

use super::path::{Path, Step};
use crate::error::{Error, Result};
use crate::options::Reading;

/// Marks the root of a search tree in the parent arrays.
const ROOT: u32 = u32::MAX;

/// A shortest path from `from` to `to`, counted in links.
///
/// The search grows a tree from each end, always expanding whichever
/// frontier is smaller by one whole level, and stops as soon as the trees
/// touch, as NetworkX's `bidirectional_shortest_path` does: on a
/// scale-free graph it looks at a few hundred nodes where a one-sided BFS
/// would look at most of the graph. Unlike the whole-graph measures it
/// reads the graph in place (no snapshot), so a query costs only what it
/// visits plus two zeroed arrays of the graph's node bound.
///
/// Conventions: parallel links are one step and the path names the first
/// of them (lowest link handle); self-loops are never walked; when
/// `from == to` the path has no links. Among several shortest paths the
/// one returned is fixed by the graph's adjacency order, so repeated calls
/// agree. Restrict relations, kinds or dates by passing a core `View`.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `from`, `to`: the end points.
/// - `reading`: directed (links walked forward only) or undirected (either
///   way; the path records which).
///
/// # Returns
/// The path's nodes and links, with the heading of each link.
///
/// # Errors
/// [`Error::UnknownNode`] if an end point's index is out of the graph's
/// bounds; [`Error::NoPath`] if the trees never meet (including when an
/// end point is filtered out of a view).
///
/// # Complexity
/// O(n + m) time in the worst case, usually far less; O(n) space.
///
/// # Example
/// ```text
/// a ──► b ◄── c
/// ```
/// ```
/// use partnership::analysis::{shortest_path, Reading};
/// use partnership::model::words::Heading;
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (2, 1)]);
/// let (a, c) = (0.into(), 2.into());
/// assert!(shortest_path(&g, a, c, Reading::Directed).is_err());
/// let p = shortest_path(&g, a, c, Reading::Undirected)?;
/// assert_eq!(p.len(), 2);
/// assert_eq!(p.steps()[1].heading, Heading::Backward);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// I. Pohl, "Bi-directional search", *Machine Intelligence* 6 (1971)
/// 127–140; NetworkX's `_bidirectional_pred_succ`.
pub fn shortest_path<G>(
    g: G,
    from: G::NodeId,
    to: G::NodeId,
    reading: Reading,
) -> Result<Path<G::NodeId, G::EdgeId>>
where
    G: IntoEdgesDirected + NodeIndexable + GraphProp,
    G::EdgeId: Ord,
{
    let bound = g.node_bound();
    let (fi, ti) = (g.to_index(from), g.to_index(to));
    for index in [fi, ti] {
        if index >= bound {
            return Err(Error::UnknownNode { index });
        }
    }
    if bound >= ROOT as usize {
        return Err(Error::TooLarge {
            nodes: bound,
            links: 0,
            limit: ROOT as usize - 1,
        });
    }
    if fi == ti {
        return Ok(Path::from_parts(vec![from], Vec::new()));
    }
    let sides = Sides::new(&g, reading);
    // parent + 1 on each side; 0 = not reached
    let mut pred = vec![0u32; bound];
    let mut succ = vec![0u32; bound];
    pred[fi] = ROOT;
    succ[ti] = ROOT;
    let mut forward = vec![from];
    let mut backward = vec![to];
    let mut next = Vec::new();
    let mut meet = None;
    'search: while !forward.is_empty() && !backward.is_empty() {
        let grow_forward = forward.len() <= backward.len();
        let (frontier, mine, theirs, dirs) = if grow_forward {
            (&mut forward, &mut pred, &succ, sides.forward)
        } else {
            (&mut backward, &mut succ, &pred, sides.backward)
        };
        next.clear();
        for &v in frontier.iter() {
            let vi = g.to_index(v);
            for &dir in dirs {
                for e in g.edges_directed(v, dir) {
                    let w = other(&g, e.source(), e.target(), vi);
                    let wi = g.to_index(w);
                    if mine[wi] == 0 {
                        mine[wi] = vi as u32 + 1;
                        next.push(w);
                    }
                    if theirs[wi] != 0 {
                        meet = Some(wi);
                        break 'search;
                    }
                }
            }
        }
        std::mem::swap(frontier, &mut next);
    }
    let Some(meet) = meet else {
        return Err(Error::NoPath {
            from: format!("#{fi}"),
            to: format!("#{ti}"),
        });
    };
    let mut indices = Vec::new();
    let mut at = meet as u32 + 1;
    while at != ROOT {
        indices.push(at - 1);
        at = pred[at as usize - 1];
    }
    indices.reverse();
    let mut at = succ[meet];
    while at != ROOT {
        indices.push(at - 1);
        at = succ[at as usize - 1];
    }
    let nodes: Vec<G::NodeId> = indices.iter().map(|&i| g.from_index(i as usize)).collect();
    let mut steps = Vec::with_capacity(nodes.len() - 1);
    for pair in nodes.windows(2) {
        if let Some(step) = first_link(&g, &sides, pair[0], pair[1]) {
            steps.push(step);
        }
    }
    Ok(Path::from_parts(nodes, steps))
}

/// Which adjacency lists each search side reads.
struct Sides {
    forward: &'static [petgraph::Direction],
    backward: &'static [petgraph::Direction],
    directed: bool,
}

impl Sides {
    fn new<G: GraphProp>(g: &G, reading: Reading) -> Self {
        // On an undirected petgraph graph `Outgoing` already lists every
        // link at a node.
        if !g.is_directed() {
            Sides {
                forward: &[Outgoing],
                backward: &[Outgoing],
                directed: false,
            }
        } else if reading == Reading::Undirected {
            Sides {
                forward: &[Outgoing, Incoming],
                backward: &[Outgoing, Incoming],
                directed: true,
            }
        } else {
            Sides {
                forward: &[Outgoing],
                backward: &[Incoming],
                directed: true,
            }
        }
    }
}

/// The end of a link that is not `vi` (or `vi` itself for a self-loop).
#[inline]
fn other<G: NodeIndexable>(g: &G, source: G::NodeId, target: G::NodeId, vi: usize) -> G::NodeId {
    if g.to_index(source) == vi {
        target
    } else {
        source
    }
}

/// The lowest-handle link joining `a` to `b` in the forward search
/// direction, and the way it is walked.
fn first_link<G>(g: &G, sides: &Sides, a: G::NodeId, b: G::NodeId) -> Option<Step<G::EdgeId>>
where
    G: IntoEdgesDirected + NodeIndexable,
    G::EdgeId: Ord,
{
    let (ai, bi) = (g.to_index(a), g.to_index(b));
    let mut best: Option<Step<G::EdgeId>> = None;
    for &dir in sides.forward {
        for e in g.edges_directed(a, dir) {
            if g.to_index(other(g, e.source(), e.target(), ai)) != bi {
                continue;
            }
            let heading = if !sides.directed || dir == Outgoing {
                Heading::Forward
            } else {
                Heading::Backward
            };
            if best.is_none_or(|s| e.id() < s.link) {
                best = Some(Step {
                    link: e.id(),
                    heading,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, NodeIndex, UnGraph};

    #[test]
    fn directed_and_undirected_readings() {
        // 0 → 1 → 2 → 3, 4 → 3, 0 → 4 ... directed shortest 0-3 is 2 links.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (4, 3), (0, 4)]);
        let p = shortest_path(&g, NodeIndex::new(0), NodeIndex::new(3), Reading::Directed).unwrap();
        assert_eq!(p.nodes(), &[0.into(), 4.into(), 3.into()]);
        let back = shortest_path(&g, NodeIndex::new(3), NodeIndex::new(0), Reading::Directed);
        assert!(matches!(back, Err(Error::NoPath { .. })));
        let back = shortest_path(
            &g,
            NodeIndex::new(3),
            NodeIndex::new(0),
            Reading::Undirected,
        )
        .unwrap();
        assert_eq!(back.len(), 2);
        assert!(back.steps().iter().all(|s| s.heading == Heading::Backward));
    }

    #[test]
    fn picks_first_parallel_link_and_handles_trivial_paths() {
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (0, 1), (1, 1)]);
        let p = shortest_path(&g, NodeIndex::new(0), NodeIndex::new(1), Reading::Directed).unwrap();
        assert_eq!(p.steps()[0].link.index(), 0);
        let p = shortest_path(&g, NodeIndex::new(1), NodeIndex::new(1), Reading::Directed).unwrap();
        assert!(p.is_empty());
        assert!(matches!(
            shortest_path(&g, NodeIndex::new(0), NodeIndex::new(7), Reading::Directed),
            Err(Error::UnknownNode { index: 7 })
        ));
    }

    #[test]
    fn undirected_graph_type() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (2, 1)]);
        let p = shortest_path(&g, NodeIndex::new(0), NodeIndex::new(2), Reading::Directed).unwrap();
        assert_eq!(p.nodes(), &[0.into(), 1.into(), 2.into()]);
    }
}
