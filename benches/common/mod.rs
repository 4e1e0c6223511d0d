//! The graphs every bench runs on, built once per bench binary.
//!
//! Synthetic graphs are `partnership_analysis::synthetic::scale_free_graph`
//! with 5 links per node and seed 42, the same graphs that
//! `cargo run --release --example gen_graph -- --nodes N --links-per-node 5
//! --seed 42` writes for other tools.

#![allow(dead_code)]

use partnership_analysis::synthetic::scale_free_graph;
use partnership_analysis::{Reading, shortest_path};
use partnership_core::{Graph, NodeIndex};

/// Links per node of the synthetic graphs.
pub(crate) const LINKS_PER_NODE: usize = 5;
/// Seed of the synthetic graphs.
pub(crate) const SEED: u64 = 42;

/// A graph to measure, with a name for reports and a connected pair of
/// nodes far apart in creation order.
pub(crate) struct Fixture {
    pub name: &'static str,
    pub graph: Graph,
    pub pair: (NodeIndex, NodeIndex),
}

impl Fixture {
    /// Whether measurements on this graph take long enough that criterion
    /// should take its minimum of samples.
    pub(crate) fn is_big(&self) -> bool {
        self.graph.node_count() >= 10_000
    }

    /// Whether an O(n m) measure on this graph is left out of a default
    /// run: on the 50k graph one betweenness run takes minutes, and
    /// criterion takes at least ten samples. Set `PARTNERSHIP_BENCH_FULL=1`
    /// to include it.
    pub(crate) fn skip_quadratic(&self) -> bool {
        self.graph.node_count() >= 50_000 && std::env::var_os("PARTNERSHIP_BENCH_FULL").is_none()
    }
}

/// The synthetic graph of `nodes` nodes.
pub(crate) fn synthetic(name: &'static str, nodes: usize) -> Fixture {
    let graph = match scale_free_graph(nodes, LINKS_PER_NODE, SEED) {
        Ok(g) => g,
        Err(e) => panic!("cannot build the {name} graph: {e}"),
    };
    let pair = connected_pair(&graph);
    Fixture { name, graph, pair }
}

/// The curated dataset.
pub(crate) fn dataset() -> Fixture {
    let graph = partnership_core::dataset().clone();
    let pair = connected_pair(&graph);
    Fixture {
        name: "dataset",
        graph,
        pair,
    }
}

/// The 1k, 10k and 50k synthetic graphs and the dataset.
pub(crate) fn all() -> Vec<Fixture> {
    vec![
        dataset(),
        synthetic("1k", 1_000),
        synthetic("10k", 10_000),
        synthetic("50k", 50_000),
    ]
}

/// The latest node and the first node after the middle that it reaches
/// along directed links: a pair at typical distance, not neighbours.
fn connected_pair(g: &Graph) -> (NodeIndex, NodeIndex) {
    let n = g.node_count();
    let from = NodeIndex::new(n.saturating_sub(1));
    let reaches = |to: NodeIndex| {
        shortest_path(g.petgraph(), from, to, Reading::Directed).is_ok_and(|p| p.len() > 1)
    };
    let to = (n / 2..n)
        .chain(0..n / 2)
        .map(NodeIndex::new)
        .find(|&to| reaches(to))
        .unwrap_or(NodeIndex::new(0));
    (from, to)
}
