//! Path and centrality queries over the partnership graph and its views.
//!
//! Every algorithm is generic over petgraph's visit traits ([`Readable`]),
//! so it runs on the core crate's `&Graph::petgraph()`, on its `&View`s
//! (as of a date, some relations, some kinds) and on plain petgraph graphs,
//! without copying node or link weights. Whole-graph measures first read
//! the graph into a compact CSR of `u32` positions and share one
//! breadth-first search; betweenness and closeness spread their sources
//! over rayon's threads with results identical to a serial run. Centrality
//! follows NetworkX's definitions and normalisation exactly; each function
//! states its conventions.
//!
//! - Centrality: [`degree_centrality`], [`betweenness_centrality`],
//!   [`edge_betweenness_centrality`], [`closeness_centrality`],
//!   [`harmonic_centrality`], [`pagerank`], [`eigenvector_centrality`],
//!   each returning [`Scores`] (ranked with [`Scores::ranked`]).
//! - Over time: [`centrality_over_time`] runs any [`Centrality`] on the
//!   graph as of each date of a series ([`DateRange::dates`] with a
//!   [`DateStep`]) and returns one [`Series`] per entity.
//! - Paths: [`shortest_path`] (bidirectional BFS), [`all_simple_paths`],
//!   [`k_shortest_paths`] (Yen), [`reachable_within`],
//!   [`weakly_connected_components`], [`strongly_connected_components`];
//!   on the model, [`find_path`] by name with a [`PathQuery`] and
//!   `partnership_core::words::explain` to put a [`Path`] into words.
//! - `synthetic` (behind the `synthetic` feature): the deterministic
//!   scale-free graphs the benches use.
//!
//! ```
//! use partnership::analysis::{betweenness_centrality, shortest_path, BetweennessOptions, Reading};
//! use petgraph::graph::DiGraph;
//!
//! //  a ──► b ──► c
//! let g = DiGraph::<&str, ()>::from_edges([(0, 1), (1, 2)]);
//! let path = shortest_path(&g, 0.into(), 2.into(), Reading::Directed)?;
//! assert_eq!(path.len(), 2);
//! let top = betweenness_centrality(&g, &BetweennessOptions::default())?.ranked();
//! assert_eq!(top[0].0.index(), 1);
//! # Ok::<(), partnership::analysis::Error>(())
//! ```

mod centrality;
mod error;
mod options;
mod over_time;
mod parallel;
mod paths;
mod readable;
mod scores;
mod snapshot;
#[cfg(feature = "synthetic")]
pub mod synthetic;
mod traverse;

pub use centrality::{
    BetweennessOptions, ClosenessOptions, Degree, EdgeBetweennessOptions, EigenvectorOptions,
    HarmonicOptions, PageRankOptions, betweenness_centrality, closeness_centrality,
    degree_centrality, edge_betweenness_centrality, eigenvector_centrality, harmonic_centrality,
    pagerank,
};
pub use error::{Error, Result};
pub use options::{Execution, Reading};
pub use over_time::{
    Centrality, DateRange, DateStep, MAX_DATES, OverTime, Series, centrality_over_time,
};
pub use paths::{
    Connections, KShortestOptions, Path, PathOrder, PathQuery, PathStream, SimplePaths,
    SimplePathsOptions, Step, all_simple_paths, find_path, find_paths, k_shortest_paths,
    reachable_within, shortest_path, simple_paths, stream_paths, strongly_connected_components,
    weakly_connected_components,
};
pub use readable::Readable;
pub use scores::Scores;
