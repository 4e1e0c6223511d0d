//! Weakly and strongly connected components.

use crate::error::Result;
use crate::readable::Readable;
use crate::snapshot::{Adjacency, Orientation, Snapshot};
use crate::traverse::{Bfs, UNSEEN};

/// The weakly connected components: nodes joined by links in either
/// direction.
///
/// Conventions: as NetworkX's `weakly_connected_components` (or
/// `connected_components` on an undirected graph); an isolated node is a
/// component of its own.
///
/// # Arguments
/// - `g`: the graph or view.
///
/// # Returns
/// The components, largest first and then by smallest node index; the
/// nodes of each by ascending index.
///
/// # Errors
/// [`Error::TooLarge`](crate::Error::TooLarge) past 2³¹ nodes or links.
///
/// # Complexity
/// O(n + m) time and space.
///
/// # Example
/// ```text
/// a ──► b ◄── c     d
/// ```
/// ```
/// use partnership::analysis::weakly_connected_components;
/// use petgraph::graph::DiGraph;
///
/// let mut g = DiGraph::<(), ()>::from_edges([(0, 1), (2, 1)]);
/// g.add_node(());
/// let parts = weakly_connected_components(&g)?;
/// assert_eq!(parts, vec![vec![0.into(), 1.into(), 2.into()], vec![3.into()]]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms for
/// graph manipulation", *Communications of the ACM* 16(6) (1973).
pub fn weakly_connected_components<G: Readable>(g: G) -> Result<Vec<Vec<G::NodeId>>> {
    let snap = Snapshot::new(g)?;
    let n = snap.len();
    let adj = snap.adjacency(Orientation::Both);
    let mut bfs = Bfs::new(n);
    let mut component = vec![UNSEEN; n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for v in 0..n as u32 {
        if component[v as usize] != UNSEEN {
            continue;
        }
        bfs.distances(&adj, v);
        let mut members = bfs.order().to_vec();
        for &w in &members {
            component[w as usize] = groups.len() as u32;
        }
        members.sort_unstable();
        groups.push(members);
    }
    Ok(finish(&snap, groups))
}

/// The strongly connected components: nodes that reach each other along
/// links walked forward.
///
/// Conventions: as NetworkX's `strongly_connected_components`; a node on
/// no cycle is a component of its own; on an undirected graph these are
/// the connected components.
///
/// # Arguments
/// - `g`: the graph or view.
///
/// # Returns
/// The components, largest first and then by smallest node index; the
/// nodes of each by ascending index.
///
/// # Errors
/// [`Error::TooLarge`](crate::Error::TooLarge) past 2³¹ nodes or links.
///
/// # Complexity
/// O(n + m) time and space (iterative, so deep graphs cannot overflow the
/// call stack).
///
/// # Example
/// ```text
/// a ⇄ b ──► c
/// ```
/// ```
/// use partnership::analysis::strongly_connected_components;
/// use petgraph::graph::DiGraph;
///
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 0), (1, 2)]);
/// let parts = strongly_connected_components(&g)?;
/// assert_eq!(parts, vec![vec![0.into(), 1.into()], vec![2.into()]]);
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// R. Tarjan, "Depth-first search and linear graph algorithms", *SIAM
/// Journal on Computing* 1(2) (1972) 146–160.
pub fn strongly_connected_components<G: Readable>(g: G) -> Result<Vec<Vec<G::NodeId>>> {
    let snap = Snapshot::new(g)?;
    let adj = snap.adjacency(snap.forward(crate::Reading::Directed));
    Ok(finish(&snap, tarjan(&adj)))
}

/// Tarjan's algorithm with an explicit stack of `(node, next entry)`.
fn tarjan(adj: &Adjacency) -> Vec<Vec<u32>> {
    let n = adj.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut calls: Vec<(u32, usize)> = Vec::new();
    let mut counter = 0u32;
    let mut groups = Vec::new();
    for root in 0..n as u32 {
        if index[root as usize] != UNSEEN {
            continue;
        }
        index[root as usize] = counter;
        low[root as usize] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        calls.push((root, adj.range(root).start));
        while let Some(frame) = calls.last_mut() {
            let (v, at) = *frame;
            if at < adj.range(v).end {
                frame.1 += 1;
                let w = adj.target(at);
                if index[w as usize] == UNSEEN {
                    index[w as usize] = counter;
                    low[w as usize] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w as usize] = true;
                    calls.push((w, adj.range(w).start));
                } else if on_stack[w as usize] {
                    low[v as usize] = low[v as usize].min(index[w as usize]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent as usize] = low[parent as usize].min(low[v as usize]);
            }
            if low[v as usize] == index[v as usize] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                members.sort_unstable();
                groups.push(members);
            }
        }
    }
    groups
}

/// Orders components (largest first, then by first member) and maps them
/// to node handles.
fn finish<N: Copy, E>(snap: &Snapshot<N, E>, mut groups: Vec<Vec<u32>>) -> Vec<Vec<N>> {
    groups.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
    groups
        .into_iter()
        .map(|members| {
            members
                .into_iter()
                .map(|v| snap.nodes[v as usize])
                .collect()
        })
        .collect()
}
