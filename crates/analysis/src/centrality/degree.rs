//! Degree centrality.

use crate::error::{Error, Result};
use crate::readable::Readable;
use crate::scores::Scores;
use crate::snapshot::Snapshot;

/// Which links a degree counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Degree {
    /// Links into the node (`networkx.in_degree_centrality`).
    In,
    /// Links out of the node (`networkx.out_degree_centrality`).
    Out,
    /// All links at the node, in plus out (`networkx.degree_centrality`).
    #[default]
    Total,
}

/// Degree centrality: the number of links at each node divided by `n - 1`.
///
/// Conventions (NetworkX 3.6 `degree_centrality`, `in_degree_centrality`,
/// `out_degree_centrality` on a `MultiDiGraph`):
/// - parallel links each count (a multigraph degree);
/// - a self-loop counts once in `In`, once in `Out` and twice in `Total`;
/// - the normaliser is `n - 1`, so values can exceed 1 on multigraphs;
/// - a graph of one node scores 1.
///
/// # Arguments
/// - `g`: the graph or view.
/// - `degree`: in, out or total.
///
/// # Returns
/// One score per node, in ascending node index.
///
/// # Errors
/// [`Error::InvalidOption`] for `In` or `Out` on an undirected graph (as
/// NetworkX, which does not define them there); [`Error::TooLarge`] past
/// 2³¹ nodes or links.
///
/// # Complexity
/// O(n + m) time, O(n) space.
///
/// # Example
/// ```text
/// a ──► b ◄── c
/// ```
/// ```
/// use partnership::analysis::{degree_centrality, Degree};
/// use petgraph::graph::DiGraph;
///
/// let mut g = DiGraph::<(), ()>::new();
/// let (a, b, c) = (g.add_node(()), g.add_node(()), g.add_node(()));
/// g.add_edge(a, b, ());
/// g.add_edge(c, b, ());
/// let s = degree_centrality(&g, Degree::In)?;
/// assert_eq!(s.get(b), Some(1.0));
/// assert_eq!(s.get(a), Some(0.0));
/// # Ok::<(), partnership::analysis::Error>(())
/// ```
///
/// # Reference
/// L. C. Freeman, "Centrality in social networks: conceptual
/// clarification", *Social Networks* 1 (1979) 215–239.
pub fn degree_centrality<G: Readable>(g: G, degree: Degree) -> Result<Scores<G::NodeId>> {
    let snap = Snapshot::new(g)?;
    if !snap.directed && degree != Degree::Total {
        return Err(Error::InvalidOption {
            option: "degree",
            value: format!("{degree:?}").to_lowercase(),
            expected: "`total` on an undirected graph",
        });
    }
    let n = snap.len();
    let mut counts = vec![0u64; n];
    for &[s, t] in &snap.links {
        if degree != Degree::In {
            counts[s as usize] += 1;
        }
        if degree != Degree::Out {
            counts[t as usize] += 1;
        }
    }
    let values = if n <= 1 {
        vec![1.0; n]
    } else {
        let scale = 1.0 / (n as f64 - 1.0);
        counts.iter().map(|&d| d as f64 * scale).collect()
    };
    Ok(Scores::new(snap.nodes, values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    #[test]
    fn counts_parallel_links_and_self_loops() {
        let mut g = DiGraph::<(), ()>::new();
        let a = g.add_node(());
        let b = g.add_node(());
        g.add_edge(a, b, ());
        g.add_edge(a, b, ());
        g.add_edge(b, b, ());
        let total = degree_centrality(&g, Degree::Total).unwrap();
        assert_eq!(total.values(), &[2.0, 4.0]);
        let out = degree_centrality(&g, Degree::Out).unwrap();
        assert_eq!(out.values(), &[2.0, 1.0]);
    }

    #[test]
    fn single_node_and_undirected() {
        let mut g = UnGraph::<(), ()>::new_undirected();
        let a = g.add_node(());
        assert_eq!(
            degree_centrality(&g, Degree::Total).unwrap().get(a),
            Some(1.0)
        );
        assert!(matches!(
            degree_centrality(&g, Degree::In),
            Err(Error::InvalidOption {
                option: "degree",
                ..
            })
        ));
    }
}
