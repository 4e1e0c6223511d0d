//! Parallel runs give bit-identical results to serial runs, on a graph big
//! enough that the work is really spread over threads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_analysis::synthetic::scale_free_links;
use partnership_analysis::*;
use petgraph::graph::DiGraph;

fn graph() -> DiGraph<(), ()> {
    DiGraph::from_edges(scale_free_links(1_200, 3, 9).unwrap())
}

#[test]
fn betweenness_is_identical() {
    let g = graph();
    for reading in [Reading::Directed, Reading::Undirected] {
        let par = BetweennessOptions {
            reading,
            ..Default::default()
        };
        let ser = BetweennessOptions {
            execution: Execution::Serial,
            ..par
        };
        let (a, b) = (
            betweenness_centrality(&g, &par).unwrap(),
            betweenness_centrality(&g, &ser).unwrap(),
        );
        assert!(
            a.values()
                .iter()
                .zip(b.values())
                .all(|(x, y)| x.to_bits() == y.to_bits())
        );
        let par = EdgeBetweennessOptions {
            reading,
            ..Default::default()
        };
        let ser = EdgeBetweennessOptions {
            execution: Execution::Serial,
            ..par
        };
        let (a, b) = (
            edge_betweenness_centrality(&g, &par).unwrap(),
            edge_betweenness_centrality(&g, &ser).unwrap(),
        );
        assert!(
            a.values()
                .iter()
                .zip(b.values())
                .all(|(x, y)| x.to_bits() == y.to_bits())
        );
    }
}

#[test]
fn closeness_harmonic_and_pagerank_are_identical() {
    let g = graph();
    let par = ClosenessOptions::default();
    let ser = ClosenessOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(
        closeness_centrality(&g, &par).unwrap(),
        closeness_centrality(&g, &ser).unwrap()
    );
    let par = HarmonicOptions::default();
    let ser = HarmonicOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(
        harmonic_centrality(&g, &par).unwrap(),
        harmonic_centrality(&g, &ser).unwrap()
    );
    let par = PageRankOptions::default();
    let ser = PageRankOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(pagerank(&g, &par).unwrap(), pagerank(&g, &ser).unwrap());
}
