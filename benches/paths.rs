//! Single-pair shortest path (bidirectional BFS) on the synthetic
//! scale-free graphs and the dataset, in both readings, and on a core view.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnership_analysis::{Reading, shortest_path};

mod common;

fn paths(c: &mut Criterion) {
    let fixtures = common::all();
    for (label, reading) in [
        ("directed", Reading::Directed),
        ("undirected", Reading::Undirected),
    ] {
        let mut group = c.benchmark_group(format!("shortest_path/{label}"));
        for f in &fixtures {
            let (from, to) = f.pair;
            group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
                b.iter(|| shortest_path(black_box(f.graph.petgraph()), from, to, reading))
            });
        }
        group.finish();
    }
    let mut group = c.benchmark_group("shortest_path/view");
    for f in &fixtures {
        let (from, to) = f.pair;
        let view = f.graph.view();
        group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
            b.iter(|| shortest_path(black_box(&view), from, to, Reading::Directed))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = paths
}
criterion_main!(benches);
