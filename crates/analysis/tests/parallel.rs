//! Parallel runs give bit-identical results to serial runs. Every run here
//! forces the parallel path (`Execution::Parallel`) inside a pool of four
//! threads, so the work is really spread over threads whatever the machine.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use partnership_analysis::synthetic::scale_free_links;
use partnership_analysis::{
    BetweennessOptions, ClosenessOptions, EdgeBetweennessOptions, Execution, HarmonicOptions,
    PageRankOptions, Reading, betweenness_centrality, closeness_centrality,
    edge_betweenness_centrality, harmonic_centrality, pagerank,
};
use petgraph::graph::DiGraph;

fn graph() -> DiGraph<(), ()> {
    DiGraph::from_edges(scale_free_links(1_200, 3, 9).unwrap())
}

/// Runs `f` on a pool of four threads.
fn on_four_threads<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn betweenness_is_identical() {
    let g = graph();
    for reading in [Reading::Directed, Reading::Undirected] {
        let par = BetweennessOptions {
            reading,
            execution: Execution::Parallel,
            ..Default::default()
        };
        let ser = BetweennessOptions {
            execution: Execution::Serial,
            ..par
        };
        let (a, b) = (
            on_four_threads(|| betweenness_centrality(&g, &par).unwrap()),
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
            execution: Execution::Parallel,
            ..Default::default()
        };
        let ser = EdgeBetweennessOptions {
            execution: Execution::Serial,
            ..par
        };
        let (a, b) = (
            on_four_threads(|| edge_betweenness_centrality(&g, &par).unwrap()),
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
    let par = ClosenessOptions {
        execution: Execution::Parallel,
        ..Default::default()
    };
    let ser = ClosenessOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(
        on_four_threads(|| closeness_centrality(&g, &par).unwrap()),
        closeness_centrality(&g, &ser).unwrap()
    );
    let par = HarmonicOptions {
        execution: Execution::Parallel,
        ..Default::default()
    };
    let ser = HarmonicOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(
        on_four_threads(|| harmonic_centrality(&g, &par).unwrap()),
        harmonic_centrality(&g, &ser).unwrap()
    );
    let par = PageRankOptions {
        execution: Execution::Parallel,
        ..Default::default()
    };
    let ser = PageRankOptions {
        execution: Execution::Serial,
        ..par
    };
    assert_eq!(
        on_four_threads(|| pagerank(&g, &par).unwrap()),
        pagerank(&g, &ser).unwrap()
    );
}
