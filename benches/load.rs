//! Loading and saving node-link JSON: parse, validate and build a graph
//! from text in memory, and write it back, on the synthetic files that
//! `examples/gen_graph.rs` writes (10k and 50k nodes, 5 links per node,
//! seed 42) and on the embedded dataset. Throughput is in input (load) or
//! output (save) bytes.
//!
//! ```text
//! cargo bench --bench load
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use partnership_analysis::synthetic::scale_free_links;
use partnership_core::Graph;
use partnership_core::json::WriteOptions;

#[path = "common/gen_text.rs"]
mod gen_text;

const LINKS_PER_NODE: usize = 5;
const SEED: u64 = 42;

/// The text `gen_graph --nodes N --links-per-node 5 --seed 42` writes.
fn synthetic_text(nodes: usize) -> String {
    let links = match scale_free_links(nodes, LINKS_PER_NODE, SEED) {
        Ok(l) => l,
        Err(e) => panic!("cannot build the synthetic links: {e}"),
    };
    let mut out = Vec::new();
    if let Err(e) = gen_text::write_synthetic(&mut out, nodes, LINKS_PER_NODE, SEED, &links) {
        panic!("cannot write the synthetic file: {e}");
    }
    match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => panic!("synthetic text is not UTF-8: {e}"),
    }
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("dataset", partnership_core::DATASET_JSON.to_owned()),
        ("g10k", synthetic_text(10_000)),
        ("g50k", synthetic_text(50_000)),
    ]
}

fn load(c: &mut Criterion) {
    let inputs = inputs();
    let mut group = c.benchmark_group("load");
    group.measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        group.sample_size(if text.len() > 1 << 20 { 20 } else { 50 });
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| match Graph::from_json_str(black_box(text)) {
                Ok(g) => g,
                Err(e) => panic!("{name} does not load: {e}"),
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("save");
    group.measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        let graph = match Graph::from_json_str(text) {
            Ok(g) => g,
            Err(e) => panic!("{name} does not load: {e}"),
        };
        let mut out = Vec::new();
        if let Err(e) = graph.write_json(&mut out, WriteOptions::default()) {
            panic!("{name} does not save: {e}");
        }
        group.sample_size(if out.len() > 1 << 20 { 20 } else { 50 });
        group.throughput(Throughput::Bytes(out.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                out.clear();
                match graph.write_json(&mut out, WriteOptions::default()) {
                    Ok(()) => out.len(),
                    Err(e) => panic!("{name} does not save: {e}"),
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
