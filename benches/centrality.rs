//! Betweenness, closeness and PageRank on the synthetic scale-free graphs
//! (1k, 10k, 50k nodes, ~5 links per node) and on the dataset, directed
//! reading, default options (all cores).
//!
//! Betweenness and closeness on the 50k graph run only with
//! `PARTNERSHIP_BENCH_FULL=1` (minutes per run, at least ten runs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnership_analysis::{
    BetweennessOptions, ClosenessOptions, PageRankOptions, Reading, betweenness_centrality,
    closeness_centrality, pagerank,
};

mod common;

fn centrality(c: &mut Criterion) {
    let fixtures = common::all();
    let mut group = c.benchmark_group("betweenness");
    for f in fixtures.iter().filter(|f| !f.skip_quadratic()) {
        group.sample_size(if f.is_big() { 10 } else { 20 });
        group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
            b.iter(|| {
                betweenness_centrality(
                    black_box(f.graph.petgraph()),
                    &BetweennessOptions {
                        reading: Reading::Directed,
                        ..Default::default()
                    },
                )
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("closeness");
    for f in fixtures.iter().filter(|f| !f.skip_quadratic()) {
        group.sample_size(if f.is_big() { 10 } else { 20 });
        group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
            b.iter(|| {
                closeness_centrality(
                    black_box(f.graph.petgraph()),
                    &ClosenessOptions {
                        reading: Reading::Directed,
                        ..Default::default()
                    },
                )
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("pagerank");
    for f in &fixtures {
        group.sample_size(if f.is_big() { 10 } else { 20 });
        group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
            b.iter(|| {
                pagerank(
                    black_box(f.graph.petgraph()),
                    &PageRankOptions {
                        reading: Reading::Directed,
                        ..Default::default()
                    },
                )
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = centrality
}
criterion_main!(benches);
