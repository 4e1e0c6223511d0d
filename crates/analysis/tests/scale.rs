//! Scale: 100,000 nodes and a million links. Ignored by default (it wants a
//! release build); run with
//! `cargo test --release -p partnership-analysis --test scale -- --ignored --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use partnership_analysis::synthetic::scale_free_links;
use partnership_analysis::*;
use petgraph::graph::{DiGraph, NodeIndex};

#[test]
#[ignore = "large; run in release"]
fn hundred_thousand_nodes_and_a_million_links() {
    let t = Instant::now();
    let g: DiGraph<(), ()> = DiGraph::from_edges(scale_free_links(100_000, 10, 1).unwrap());
    assert_eq!((g.node_count(), g.edge_count()), (100_000, 999_900));
    eprintln!("build petgraph graph: {:?}", t.elapsed());

    let t = Instant::now();
    let pr = pagerank(&g, &PageRankOptions::default()).unwrap();
    eprintln!("pagerank: {:?}", t.elapsed());
    assert!((pr.values().iter().sum::<f64>() - 1.0).abs() < 1e-6);

    let t = Instant::now();
    let deg = degree_centrality(&g, Degree::Total).unwrap();
    eprintln!("degree: {:?}", t.elapsed());
    assert_eq!(deg.len(), 100_000);

    let t = Instant::now();
    let weak = weakly_connected_components(&g).unwrap();
    let strong = strongly_connected_components(&g).unwrap();
    eprintln!("components (weak and strong): {:?}", t.elapsed());
    assert_eq!(weak.len(), 1);
    assert!(strong[0].len() > 90_000);

    let (a, b) = (NodeIndex::new(99_999), NodeIndex::new(50_001));
    let t = Instant::now();
    let p = shortest_path(&g, a, b, Reading::Undirected).unwrap();
    eprintln!("shortest path ({} links): {:?}", p.len(), t.elapsed());

    let t = Instant::now();
    let near = reachable_within(&g, a, 2, Reading::Directed).unwrap();
    eprintln!(
        "reachable within 2 ({} nodes): {:?}",
        near.len(),
        t.elapsed()
    );

    let t = Instant::now();
    let k = k_shortest_paths(
        &g,
        a,
        b,
        &KShortestOptions {
            k: 5,
            reading: Reading::Directed,
            max_links: None,
        },
    )
    .unwrap();
    eprintln!("5 shortest paths: {:?}", t.elapsed());
    assert_eq!(k.len(), 5);

    let t = Instant::now();
    let ev = eigenvector_centrality(
        &g,
        &EigenvectorOptions {
            reading: Reading::Undirected,
            ..Default::default()
        },
    )
    .unwrap();
    eprintln!("eigenvector (undirected): {:?}", t.elapsed());
    assert_eq!(ev.len(), 100_000);
}
