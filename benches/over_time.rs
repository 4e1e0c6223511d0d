//! Betweenness over 21 yearly snapshots of the dataset (1997 to 2017),
//! compute only: the dataset is loaded and the dates made before timing.
//!
//! - `over_time/betweenness_21_years`: `centrality_over_time`, snapshots
//!   spread over all cores, traversal buffers reused (the budget is 15 ms);
//! - `over_time/21_single_runs`: the same 21 snapshots, each made and scored
//!   alone with `betweenness_centrality`, one after the other.
//!
//! ```text
//! cargo bench --bench over_time
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use partnership_analysis::{
    BetweennessOptions, Centrality, DateRange, DateStep, Execution, Reading,
    betweenness_centrality, centrality_over_time,
};

fn over_time(c: &mut Criterion) {
    let g = partnership_core::dataset();
    let dates = "1997..2017"
        .parse::<DateRange>()
        .unwrap()
        .dates(DateStep::Years(1))
        .unwrap();
    assert_eq!(dates.len(), 21);
    let options = BetweennessOptions {
        reading: Reading::Undirected,
        ..BetweennessOptions::default()
    };
    let measure = Centrality::Betweenness(options);
    let base = g.view();
    let mut group = c.benchmark_group("over_time");
    group.sample_size(50);
    group.bench_function("betweenness_21_years", |b| {
        b.iter(|| {
            centrality_over_time(black_box(&base), &measure, &dates, Execution::Auto).unwrap()
        })
    });
    group.bench_function("21_single_runs", |b| {
        b.iter(|| {
            for d in &dates {
                let view = base.clone().as_of(*d);
                black_box(betweenness_centrality(&view, &options).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = over_time
}
criterion_main!(benches);
