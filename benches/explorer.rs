//! The explorer page (`Format::Html`): the whole export, layout included,
//! on the dataset (377 nodes, 831 links) and on synthetic scale-free graphs
//! of 400 and 5,000 nodes (5 links per node, seed 42, as
//! `examples/gen_graph.rs` writes them). Node-link JSON of the same graphs
//! is measured alongside: the difference is about what the layout costs.
//!
//! ```text
//! cargo bench --bench explorer
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use partnership_export::{ExportOptions, Format, Selection, export};

mod common;

fn explorer(c: &mut Criterion) {
    let fixtures = [
        common::dataset(),
        common::synthetic("400", 400),
        common::synthetic("5k", 5_000),
    ];
    let options = ExportOptions::default();
    for format in [Format::Html, Format::Json] {
        let mut group = c.benchmark_group(format!("export/{format}"));
        for f in &fixtures {
            if f.graph.node_count() >= 5_000 {
                group.sample_size(10);
            }
            let selection = Selection::all(&f.graph);
            group.bench_function(BenchmarkId::from_parameter(f.name), |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    export(&mut out, black_box(&selection), format, &options).unwrap();
                    out
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = explorer
}
criterion_main!(benches);
