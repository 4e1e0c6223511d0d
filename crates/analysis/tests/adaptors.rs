//! The algorithms run on petgraph's other graph types and adaptors, not
//! only on `Graph`: holes left by removed nodes and filtered-out nodes are
//! simply absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_analysis::*;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::stable_graph::StableDiGraph;
use petgraph::visit::NodeFiltered;

/// ```text
/// 0 → 1 → 2 → 3 → 4,  0 → 3,  4 → 0,  1 → 4
/// ```
const EDGES: [(u32, u32); 7] = [(0, 1), (1, 2), (2, 3), (3, 4), (0, 3), (4, 0), (1, 4)];

/// The same graph without node 2, compacted: 0, 1, 3, 4 → 0, 1, 2, 3.
fn without_two() -> DiGraph<(), ()> {
    DiGraph::from_edges([(0, 1), (2, 3), (0, 2), (3, 0), (1, 3)])
}

#[test]
fn stable_graph_with_a_removed_node() {
    let mut g = StableDiGraph::<(), ()>::from_edges(EDGES);
    g.remove_node(NodeIndex::new(2));
    let options = BetweennessOptions::default();
    let ours = betweenness_centrality(&g, &options).unwrap();
    let keys: Vec<usize> = ours.keys().iter().map(|k| k.index()).collect();
    assert_eq!(keys, vec![0, 1, 3, 4]);
    let expected = betweenness_centrality(&without_two(), &options).unwrap();
    assert_eq!(ours.values(), expected.values());
    assert_eq!(ours.get(NodeIndex::new(2)), None);
    let closeness = closeness_centrality(&g, &ClosenessOptions::default()).unwrap();
    let expected = closeness_centrality(&without_two(), &ClosenessOptions::default()).unwrap();
    assert_eq!(closeness.values(), expected.values());
}

#[test]
fn node_filtered_adaptor() {
    let g = DiGraph::<(), ()>::from_edges(EDGES);
    let filtered = NodeFiltered::from_fn(&g, |n: NodeIndex| n.index() != 2);
    let ours = pagerank(&filtered, &PageRankOptions::default()).unwrap();
    let expected = pagerank(&without_two(), &PageRankOptions::default()).unwrap();
    assert_eq!(ours.values(), expected.values());
    // 1 → 2 → 3 is gone, so 1 reaches 3 only through 4 → 0 → 3.
    let p = shortest_path(
        &filtered,
        NodeIndex::new(1),
        NodeIndex::new(3),
        Reading::Directed,
    )
    .unwrap();
    let nodes: Vec<usize> = p.nodes().iter().map(|n| n.index()).collect();
    assert_eq!(nodes, vec![1, 4, 0, 3]);
    let parts = strongly_connected_components(&filtered).unwrap();
    assert_eq!(parts.len(), 1);
    assert!(matches!(
        reachable_within(&filtered, NodeIndex::new(2), 1, Reading::Directed),
        Err(Error::UnknownNode { index: 2 })
    ));
}
